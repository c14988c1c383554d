// The log-normal distribution, for costs and hazard ratios.
import * as z from "zod";
import { portableExp } from "../portable-math.js";
import { sampleStandardNormal } from "../random.js";
import { finite, positive, type ScalarDistributionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const lognormalSchema = lazySchema(() => z
  .strictObject({
    /** Log-normal distribution (对数正态分布), for costs and hazard ratios. */
    type: z.literal("lognormal"),
    /** Mean of the log of the value. */
    meanlog: finite,
    /** Standard deviation of the log of the value, > 0. */
    sdlog: positive,
  })
  .strict());

/** LogNormal(μ, σ): mean exp(μ + σ²/2); drawn as exp(μ + σ·Z). */
export const lognormalDistribution: ScalarDistributionKind<typeof lognormalSchema> = {
  type: "lognormal",
  schema: lognormalSchema,
  name: "log-normal",
  vector: false,
  mean: (d) => portableExp(d.meanlog + (d.sdlog * d.sdlog) / 2),
  draw: (d, u) => portableExp(d.meanlog + d.sdlog * sampleStandardNormal(u)),
};
