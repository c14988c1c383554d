// The beta distribution, for probabilities and utilities.
import * as z from "zod";
import { sampleStandardGamma } from "../random.js";
import { positive, type ScalarDistributionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const betaSchema = lazySchema(() => z
  .strictObject({
    /** Beta distribution (贝塔分布), for probabilities and utilities. */
    type: z.literal("beta"),
    /** First shape α > 0 (mean α / (α + β)). */
    alpha: positive,
    /** Second shape β > 0. */
    beta: positive,
  })
  .strict());

/** Beta(α, β): mean α / (α + β); drawn as X / (X + Y), X ~ Gamma(α), Y ~ Gamma(β). */
export const betaDistribution: ScalarDistributionKind<typeof betaSchema> = {
  type: "beta",
  schema: betaSchema,
  name: "beta",
  vector: false,
  mean: (d) => d.alpha / (d.alpha + d.beta),
  draw: (d, u) => {
    const x = sampleStandardGamma(u, d.alpha);
    const y = sampleStandardGamma(u, d.beta);
    return x / (x + y);
  },
};
