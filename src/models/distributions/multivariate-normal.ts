// The multivariate normal, for correlated parameters such as a fitted survival curve's
// (what `fitSurvival` returns as `distribution`), each component transformed to its scale.
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import * as z from "zod";
import { portableExp } from "../portable-math.js";
import { sampleStandardNormal } from "../random.js";
import { finite, type VectorDistributionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * What a multivariate-normal component's draw is passed through: `identity`, `exp` (a
 * log-scale parameter) or `logistic` (a logit-scale one).
 */
export const MVN_TRANSFORMS = ["identity", "exp", "logistic"] as const;
type Transform = (typeof MVN_TRANSFORMS)[number];

const multivariateNormalSchema = lazySchema(() => z
  .object({
    /** Multivariate normal (多元正态分布), for correlated parameters such as a fitted survival curve's. */
    type: z.literal("multivariate-normal"),
    /** Component names, unique (1–50), read as `{ param, key }`. */
    keys: z.array(z.string().min(1)).min(1).max(50),
    /** Mean of the normal vector, one per key. */
    mean: z.array(finite).min(1).max(50),
    /** Covariance matrix, one row per key: symmetric and positive definite. */
    covariance: z.array(z.array(finite).max(50)).min(1).max(50),
    /** Per key, applied to the normal draw: `identity`, `exp` (a log-scale parameter) or `logistic` (a logit-scale one). */
    transform: z.array(z.enum(MVN_TRANSFORMS)).min(1).max(50),
  })
  .strict()
  .superRefine((d, ctx) => {
    const k = d.keys.length;
    if (new Set(d.keys).size !== k) ctx.addIssue({ code: "custom", path: ["keys"], message: "keys must be unique" });
    for (const [field, len] of [["mean", d.mean.length], ["transform", d.transform.length], ["covariance", d.covariance.length]] as const) {
      if (len !== k) ctx.addIssue({ code: "custom", path: [field], message: `${len} entries for ${k} keys` });
    }
    if (d.covariance.length !== k) return;
    let square = true;
    d.covariance.forEach((row, i) => {
      if (row.length !== k) {
        square = false;
        ctx.addIssue({ code: "custom", path: ["covariance", i], message: `a row of ${row.length} entries for ${k} keys` });
      }
    });
    if (!square) return;
    let symmetric = true;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < i; j++) {
        const a = (d.covariance[i] as number[])[j] as number;
        const b = (d.covariance[j] as number[])[i] as number;
        if (a !== b) {
          symmetric = false;
          ctx.addIssue({ code: "custom", path: ["covariance", i, j], message: `not symmetric: ${a} here, ${b} at [${j}][${i}]` });
        }
      }
    }
    // ml-matrix's Cholesky throws on an asymmetric matrix: only asked once symmetry holds
    if (symmetric && !new CholeskyDecomposition(new Matrix(d.covariance)).isPositiveDefinite()) {
      ctx.addIssue({ code: "custom", path: ["covariance"], message: "the covariance matrix must be positive definite" });
    }
  }));

/** Lower Cholesky factor of a positive definite matrix, by the textbook recurrence (+ − × ÷ and sqrt: the same bits everywhere). */
function choleskyLower(a: readonly (readonly number[])[]): Float64Array {
  const k = a.length;
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = (a[i] as number[])[j] as number;
      for (let m = 0; m < j; m++) s -= (l[i * k + m] as number) * (l[j * k + m] as number);
      l[i * k + j] = i === j ? Math.sqrt(s) : s / (l[j * k + j] as number);
    }
  }
  return l;
}

function transformed(kind: Transform, x: number): number {
  if (kind === "exp") return portableExp(x);
  if (kind === "logistic") return 1 / (1 + portableExp(-x));
  return x;
}

/**
 * MVN(μ, Σ) with a transform per key: the base case is the transform of the mean (the
 * point estimate); a draw is μ + L·z, z standard normals drawn in key order and L the lower
 * Cholesky factor of Σ, each component then transformed.
 */
export const multivariateNormalDistribution: VectorDistributionKind<typeof multivariateNormalSchema> = {
  type: "multivariate-normal",
  schema: multivariateNormalSchema,
  name: "multivariate normal",
  vector: true,
  base: (d) => d.keys.map((key, i) => ({ key, value: transformed(d.transform[i] as Transform, d.mean[i] as number) })),
  drawInto: (d, u, slots, out) => {
    const k = d.keys.length;
    const l = choleskyLower(d.covariance);
    const zs = new Float64Array(k);
    for (let i = 0; i < k; i++) zs[i] = sampleStandardNormal(u);
    for (let i = 0; i < k; i++) {
      let x = d.mean[i] as number;
      for (let j = 0; j <= i; j++) x += (l[i * k + j] as number) * (zs[j] as number);
      out[slots.get(d.keys[i] as string) as number] = transformed(d.transform[i] as Transform, x);
    }
  },
};
