// The normal distribution.
import * as z from "zod";
import { sampleStandardNormal } from "../random.js";
import { finite, positive, type ScalarDistributionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const normalSchema = lazySchema(() => z
  .strictObject({
    /** Normal distribution (正态分布). */
    type: z.literal("normal"),
    /** Mean. */
    mean: finite,
    /** Standard deviation, > 0. */
    sd: positive,
  })
  .strict());

/** Normal(μ, σ): mean μ; drawn as μ + σ·Z. */
export const normalDistribution: ScalarDistributionKind<typeof normalSchema> = {
  type: "normal",
  schema: normalSchema,
  name: "normal",
  vector: false,
  mean: (d) => d.mean,
  draw: (d, u) => d.mean + d.sd * sampleStandardNormal(u),
};
