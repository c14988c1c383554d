// The gamma distribution, for costs.
import * as z from "zod";
import { sampleStandardGamma } from "../random.js";
import { positive, type ScalarDistributionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const gammaSchema = lazySchema(() => z
  .strictObject({
    /** Gamma distribution (伽马分布), for costs. */
    type: z.literal("gamma"),
    /** Shape k > 0. */
    shape: positive,
    /** Scale θ > 0 (mean k·θ). */
    scale: positive,
  })
  .strict());

/** Gamma(k, θ): mean k·θ; drawn as θ times a standard gamma of shape k. */
export const gammaDistribution: ScalarDistributionKind<typeof gammaSchema> = {
  type: "gamma",
  schema: gammaSchema,
  name: "gamma",
  vector: false,
  mean: (d) => d.shape * d.scale,
  draw: (d, u) => sampleStandardGamma(u, d.shape) * d.scale,
};
