import { CholeskyDecomposition, Matrix } from "ml-matrix";
import * as z from "zod";
import { userRecord } from "../core/schemas.js";

import { modelFloat } from "./numbers.js";
import { portableExp } from "./portable-math.js";
import { sampleStandardGamma, sampleStandardNormal, type UniformSource } from "./random.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const positive = lazySchema(() => modelFloat({ above: 0 }));
const finite = lazySchema(() => modelFloat());
const MVN_TRANSFORMS = ["identity", "exp", "logistic"] as const;

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
export const modelDistributionSchema = lazySchema(() => z.discriminatedUnion("type", [
  z
    .strictObject({
      /** Beta distribution (贝塔分布), for probabilities and utilities. */
      type: z.literal("beta"),
      /** First shape α > 0 (mean α / (α + β)). */
      alpha: positive,
      /** Second shape β > 0. */
      beta: positive,
    })
    .strict(),
  z
    .strictObject({
      /** Gamma distribution (伽马分布), for costs. */
      type: z.literal("gamma"),
      /** Shape k > 0. */
      shape: positive,
      /** Scale θ > 0 (mean k·θ). */
      scale: positive,
    })
    .strict(),
  z
    .strictObject({
      /** Log-normal distribution (对数正态分布), for costs and hazard ratios. */
      type: z.literal("lognormal"),
      /** Mean of the log of the value. */
      meanlog: finite,
      /** Standard deviation of the log of the value, > 0. */
      sdlog: positive,
    })
    .strict(),
  z
    .strictObject({
      /** Normal distribution (正态分布). */
      type: z.literal("normal"),
      /** Mean. */
      mean: finite,
      /** Standard deviation, > 0. */
      sd: positive,
    })
    .strict(),
  z
    .strictObject({
      /** Dirichlet distribution (狄利克雷分布), for a whole transition row. */
      type: z.literal("dirichlet"),
      /** Concentration α per key (at least two keys), each > 0; component i has mean α_i / Σα. */
      alpha: userRecord(z.string().min(1), positive),
    })
    .strict()
    .refine((d) => Object.keys(d.alpha).length >= 2, { message: "a Dirichlet needs at least two keys", path: ["alpha"] }),
  multivariateNormalSchema(),
]));

function multivariateNormalSchema() {
  return z
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
    });
}

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

function transformed(kind: (typeof MVN_TRANSFORMS)[number], x: number): number {
  if (kind === "exp") return portableExp(x);
  if (kind === "logistic") return 1 / (1 + portableExp(-x));
  return x;
}

/**
 * A parameter distribution as accepted by {@link modelDistributionSchema}.
 *
 * @category Parameters and Expressions
 */
export type ModelDistributionInput = z.input<typeof modelDistributionSchema>;
type Distribution = z.output<typeof modelDistributionSchema>;

/**
 * One named parameter: a base-case `value`, a `distribution` for PSA, or both.
 * Without `value` the base case is the distribution's mean (for a Dirichlet, α_i / Σα).
 *
 * @category Parameters and Expressions
 */
export const modelParameterSchema = lazySchema(() => z
  .strictObject({
    /** Base-case value (finite); default the distribution's mean. */
    value: finite.optional(),
    /** Distribution sampled in PSA (概率敏感性分析); without one the parameter is fixed at `value`. */
    distribution: modelDistributionSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.value === undefined && p.distribution === undefined) {
      ctx.addIssue({ code: "custom", message: "give a value, a distribution, or both" });
    }
    if (p.value !== undefined && p.distribution?.type === "dirichlet") {
      ctx.addIssue({ code: "custom", path: ["value"], message: "a Dirichlet parameter takes its base case from its mean; drop value" });
    }
    if (p.value !== undefined && p.distribution?.type === "multivariate-normal") {
      ctx.addIssue({ code: "custom", path: ["value"], message: "a multivariate-normal parameter takes its base case from its mean; drop value" });
    }
  }));

/**
 * Named parameters of a model, referenced from expressions as `{ param: name }`.
 *
 * @category Parameters and Expressions
 */
export const modelParametersSchema = lazySchema(() => userRecord(z.string().min(1), modelParameterSchema));

/**
 * A named parameter as accepted by {@link modelParameterSchema}.
 *
 * @category Parameters and Expressions
 */
export type ModelParameterInput = z.input<typeof modelParameterSchema>;

type Parameter = z.output<typeof modelParameterSchema>;

/** Parameters laid out as a flat vector: one slot per number, one per Dirichlet key. */
export interface ParameterTable {
  /** Parameter names, sorted: the order in which PSA samples them. */
  readonly names: readonly string[];
  /** Slot of a scalar parameter, or slots of a Dirichlet's keys. */
  readonly slots: ReadonlyMap<string, number | ReadonlyMap<string, number>>;
  readonly size: number;
  /** The base-case vector. */
  readonly base: Float64Array;
  readonly definitions: Readonly<Record<string, Parameter>>;
  /** Attributes of a subgroup or patient (after the parameters in the vector): slot, and levels of a category. */
  readonly attributes?: ReadonlyMap<string, { readonly slot: number; readonly levels?: readonly string[] }>;
}

function mean(d: Distribution): number {
  switch (d.type) {
    case "beta":
      return d.alpha / (d.alpha + d.beta);
    case "gamma":
      return d.shape * d.scale;
    case "lognormal":
      return portableExp(d.meanlog + (d.sdlog * d.sdlog) / 2);
    case "normal":
      return d.mean;
    case "dirichlet":
    case "multivariate-normal":
      return Number.NaN; // per key, handled by the caller
  }
}

/** Lays out parsed parameters; names are sorted so a document's key order never changes the draws. */
export function parameterTable(parameters: Readonly<Record<string, Parameter>> | undefined): ParameterTable {
  const defs = parameters ?? {};
  const names = Object.keys(defs).sort();
  const slots = new Map<string, number | Map<string, number>>();
  const baseValues: number[] = [];
  for (const name of names) {
    const p = defs[name] as Parameter;
    const d = p.distribution;
    if (d?.type === "dirichlet") {
      const keys = new Map<string, number>();
      const total = Object.values(d.alpha).reduce((a, b) => a + b, 0);
      for (const [key, alpha] of Object.entries(d.alpha)) {
        keys.set(key, baseValues.length);
        baseValues.push(alpha / total);
      }
      slots.set(name, keys);
    } else if (d?.type === "multivariate-normal") {
      const keys = new Map<string, number>();
      d.keys.forEach((key, i) => {
        keys.set(key, baseValues.length);
        baseValues.push(transformed(d.transform[i] as (typeof MVN_TRANSFORMS)[number], d.mean[i] as number));
      });
      slots.set(name, keys);
    } else {
      slots.set(name, baseValues.length);
      baseValues.push(p.value ?? mean(d as Distribution));
    }
  }
  return { names, slots, size: baseValues.length, base: Float64Array.from(baseValues), definitions: defs };
}

/** Draws every parameter once, in name order, into `out`. */
export function sampleParameters(table: ParameterTable, u: UniformSource, out: Float64Array): void {
  for (const name of table.names) {
    const p = table.definitions[name] as Parameter;
    const slot = table.slots.get(name);
    const d = p.distribution;
    if (d === undefined) continue; // fixed at its value, already in `out`
    switch (d.type) {
      case "beta": {
        const x = sampleStandardGamma(u, d.alpha);
        const y = sampleStandardGamma(u, d.beta);
        out[slot as number] = x / (x + y);
        break;
      }
      case "gamma":
        out[slot as number] = sampleStandardGamma(u, d.shape) * d.scale;
        break;
      case "lognormal":
        out[slot as number] = portableExp(d.meanlog + d.sdlog * sampleStandardNormal(u));
        break;
      case "normal":
        out[slot as number] = d.mean + d.sd * sampleStandardNormal(u);
        break;
      case "dirichlet": {
        const keys = slot as ReadonlyMap<string, number>;
        let total = 0;
        for (const [key, s] of keys) {
          const g = sampleStandardGamma(u, d.alpha[key] as number);
          out[s] = g;
          total += g;
        }
        for (const s of keys.values()) out[s] = (out[s] as number) / total;
        break;
      }
      case "multivariate-normal": {
        // x = mean + L·z, z standard normals drawn in key order, L the lower Cholesky factor
        const keys = slot as ReadonlyMap<string, number>;
        const k = d.keys.length;
        const l = choleskyLower(d.covariance);
        const zs = new Float64Array(k);
        for (let i = 0; i < k; i++) zs[i] = sampleStandardNormal(u);
        for (let i = 0; i < k; i++) {
          let x = d.mean[i] as number;
          for (let j = 0; j <= i; j++) x += (l[i * k + j] as number) * (zs[j] as number);
          out[keys.get(d.keys[i] as string) as number] = transformed(d.transform[i] as (typeof MVN_TRANSFORMS)[number], x);
        }
        break;
      }
    }
  }
}

