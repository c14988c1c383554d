// The registry of parameter-distribution kinds: the distribution schema's discriminated
// union and every per-kind decision (base case, draw, message name) are read from here.
// Adding a kind is one new file in this folder plus one entry in DISTRIBUTION_KINDS.
import * as z from "zod";
import { betaDistribution } from "./beta.js";
import { dirichletDistribution } from "./dirichlet.js";
import { gammaDistribution } from "./gamma.js";
import type { DistributionKind } from "./kind.js";
import { lognormalDistribution } from "./lognormal.js";
import { multivariateNormalDistribution } from "./multivariate-normal.js";
import { normalDistribution } from "./normal.js";
import { kindLookup, kindSchemas } from "../../kernel/kind-registry.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** Every distribution kind, in the order the schema lists them. */
const DISTRIBUTION_KINDS = [betaDistribution, gammaDistribution, lognormalDistribution, normalDistribution, dirichletDistribution, multivariateNormalDistribution] as const;

/**
 * The uncertainty of one model parameter:
 * - `beta` (alpha, beta > 0) for probabilities and utilities;
 * - `gamma` (shape, scale > 0; mean shape·scale) for costs;
 * - `lognormal` (meanlog, sdlog > 0: the log of the value is normal) for costs and hazard ratios;
 * - `normal` (mean, sd > 0);
 * - `dirichlet` (alpha per key, each > 0) for a whole transition row;
 * - `multivariate-normal` (keys, mean, covariance positive definite, and per key a
 *   `transform` — `identity`, `exp` or `logistic` — applied to the normal draw) for a
 *   fitted survival curve's correlated parameters (what `fitSurvival` returns as
 *   `distribution`); its base case is the transform of the mean (the point estimate).
 *
 * @category Parameters and Expressions
 */
export const modelDistributionSchema = lazySchema(() => z.discriminatedUnion("type", kindSchemas(DISTRIBUTION_KINDS)));

/**
 * A parameter distribution as accepted by {@link modelDistributionSchema}.
 *
 * @category Parameters and Expressions
 */
export type ModelDistributionInput = z.input<typeof modelDistributionSchema>;

/** A parsed parameter distribution. */
export type ModelDistribution = z.output<typeof modelDistributionSchema>;

const distributionKind = kindLookup(DISTRIBUTION_KINDS);

/** The kind record of a parsed distribution (undefined only for a `type` no kind registers, which a parsed one never has). */
export function distributionKindOf(d: { readonly type: string }): DistributionKind<z.ZodType<ModelDistribution>> | undefined {
  return distributionKind(d.type) as unknown as DistributionKind<z.ZodType<ModelDistribution>> | undefined;
}
