import * as z from "zod";
import { parseInput, type IssuePath } from "../core/index.js";
import { compileExpression, modelExpressionSchema, modelValueError, type CompiledExpression } from "./expression.js";
import { modelFloat } from "./numbers.js";
import { modelParametersSchema, parameterTable, type ParameterTable } from "./parameters.js";
import { portableExp, portableLog } from "./portable-math.js";
import { logIncompleteGammaTails } from "./special-functions.js";
import { lazySchema, lazySchemaList } from "../kernel/lazy-schema.js";

const e = modelExpressionSchema;
const kmSchema = lazySchema(() => z
  .strictObject({
    /** A Kaplan–Meier step table (生存曲线 K-M 估计). */
    type: z.literal("kaplan-meier"),
    /** Step times in model time units, ≥ 0, strictly increasing. */
    times: z.array(modelFloat({ min: 0 })).min(1),
    /** S(t) from each time on, in [0, 1], non-increasing; one per time. */
    survival: z.array(modelFloat({ min: 0, max: 1 })).min(1),
  })
  .strict()
  .superRefine((km, ctx) => {
    if (km.times.length !== km.survival.length) {
      ctx.addIssue({ code: "custom", path: ["survival"], message: `${km.survival.length} survival values for ${km.times.length} times` });
      return;
    }
    for (let i = 1; i < km.times.length; i++) {
      if ((km.times[i] as number) <= (km.times[i - 1] as number)) ctx.addIssue({ code: "custom", path: ["times", i], message: "times must increase strictly" });
      if ((km.survival[i] as number) > (km.survival[i - 1] as number)) ctx.addIssue({ code: "custom", path: ["survival", i], message: "survival must not increase" });
    }
  }));

const parametricCurveSchemas = lazySchemaList(() => [
  z
    .strictObject({
      /** Exponential (指数分布): S(t) = exp(−rate·t). */
      type: z.literal("exponential"),
      /** Hazard rate per model time unit, > 0. */
      rate: e,
    })
    .strict(),
  z
    .strictObject({
      /** Weibull (威布尔分布): S(t) = exp(−(t/scale)^shape). */
      type: z.literal("weibull"),
      /** Shape, > 0 (above 1: a rising hazard). */
      shape: e,
      /** Scale in model time units, > 0. */
      scale: e,
    })
    .strict(),
  z
    .strictObject({
      /** Log-logistic (对数逻辑斯谛分布): S(t) = 1 / (1 + (t/scale)^shape). */
      type: z.literal("log-logistic"),
      /** Shape, > 0. */
      shape: e,
      /** Scale in model time units (the median), > 0. */
      scale: e,
    })
    .strict(),
  z
    .strictObject({
      /** Log-normal (对数正态分布): S(t) = 1 − Φ((ln t − meanlog) / sdlog). */
      type: z.literal("log-normal"),
      /** Mean of ln t. */
      meanlog: e,
      /** Standard deviation of ln t, > 0. */
      sdlog: e,
    })
    .strict(),
  z
    .strictObject({
      /** Gompertz (冈珀茨分布): S(t) = exp(−(rate/shape)(e^(shape·t) − 1)). */
      type: z.literal("gompertz"),
      /** Shape per model time unit, ≠ 0 of either sign (0 is read as the exponential limit). */
      shape: e,
      /** Initial hazard rate per model time unit, > 0. */
      rate: e,
    })
    .strict(),
  z
    .strictObject({
      /** Gamma (伽马分布): S(t) = Q(shape, rate·t). */
      type: z.literal("gamma"),
      /** Shape, > 0. */
      shape: e,
      /** Rate per model time unit, > 0. */
      rate: e,
    })
    .strict(),
  z
    .strictObject({
      /** Generalised gamma (广义伽马分布), Prentice 1974 (flexsurv's `gengamma`). */
      type: z.literal("generalised-gamma"),
      /** Location of ln t, finite. */
      mu: e,
      /** Scale of ln t, > 0. */
      sigma: e,
      /** Shape, finite of either sign (0: the log-normal). */
      Q: e,
    })
    .strict(),
] as const);

/**
 * A parametric survival curve (every type but `kaplan-meier` and `mixture-cure`): the uncured part of a mixture-cure curve.
 *
 * @category Partitioned Survival
 */
export const parametricSurvivalCurveSchema = lazySchema(() => z.discriminatedUnion("type", [...parametricCurveSchemas]));

/**
 * A survival curve S(t), t in model time units. Parameterisations:
 * - `exponential`: S(t) = exp(−rate·t), rate > 0;
 * - `weibull`: S(t) = exp(−(t/scale)^shape), shape, scale > 0;
 * - `log-logistic`: S(t) = 1 / (1 + (t/scale)^shape), shape, scale > 0;
 * - `log-normal`: S(t) = 1 − Φ((ln t − meanlog) / sdlog), sdlog > 0;
 * - `gompertz`: S(t) = exp(−(rate/shape)(e^(shape·t) − 1)), rate > 0, shape ≠ 0 of either sign (shape 0 is read as its limit, the exponential);
 * - `gamma`: S(t) = Q(shape, rate·t), the regularised upper incomplete gamma; shape, rate > 0;
 * - `generalised-gamma` (Prentice 1974, flexsurv's `gengamma`): with w = (ln t − mu)/sigma,
 *   γ = Q^−2 and u = γ·e^(Q·w), S(t) = Q(γ, u) for Q > 0, P(γ, u) for Q < 0, and the
 *   log-normal 1 − Φ(w) for Q = 0; sigma > 0, mu and Q finite of either sign;
 * - `mixture-cure`: S(t) = cureFraction + (1 − cureFraction)·S_u(t), S_u any of the parametric curves above, cureFraction in [0, 1);
 * - `kaplan-meier`: a step table — S(t) = survival[i] for the last times[i] ≤ t, 1 before the first time, the last value after the last time.
 * Parameters may be expressions over model parameters (for PSA).
 *
 * @category Partitioned Survival
 */
export const survivalCurveSchema = lazySchema(() => z.discriminatedUnion("type", [
  ...parametricCurveSchemas,
  z
    .strictObject({
      /** Mixture cure model (治愈模型): S(t) = cureFraction + (1 − cureFraction)·S_u(t). */
      type: z.literal("mixture-cure"),
      /** Share of patients cured (治愈比例), in [0, 1). */
      cureFraction: e,
      /** The survival S_u of the uncured: any parametric curve. */
      uncured: parametricSurvivalCurveSchema,
    })
    .strict(),
  kmSchema,
]));

/**
 * A survival curve as accepted by {@link survivalCurveSchema}.
 *
 * @category Partitioned Survival
 */
export type SurvivalCurveInput = z.input<typeof survivalCurveSchema>;
type Curve = z.output<typeof survivalCurveSchema>;

/** The survival of the generalised gamma (Prentice) at w = (ln t − mu)/sigma. */
export function generalisedGammaSurvival(w: number, q: number): number {
  if (q === 0) return normalUpperTail(w);
  const a = 1 / (q * q);
  const qw = q * w;
  const u = a * portableExp(qw);
  const tails = logIncompleteGammaTails(a, u, qw);
  return portableExp(q > 0 ? tails.logQ : tails.logP);
}

/** Upper tail of the standard normal, 1 − Φ(x), by Marsaglia's (2004) Taylor series for Φ. */
function normalUpperTail(x: number): number {
  if (x > 38) return 0;
  if (x < -38) return 1;
  const y = -x; // 1 − Φ(x) = Φ(−x)
  let s = y;
  let t = 0;
  let b = y;
  const q = y * y;
  let i = 1;
  while (s !== t) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  const phi = 0.5 + s * portableExp(-0.5 * q - 0.91893853320467274178);
  return Math.min(1, Math.max(0, phi));
}

/** A curve with its parameters compiled; `at(params, draw)` checks them and returns S. */
export type CompiledCurve = (params: Float64Array, draw: number | undefined) => (t: number) => number;

function positive(f: CompiledExpression, path: IssuePath, name: string) {
  return (params: Float64Array, draw: number | undefined): number => {
    const x = f(params);
    if (!(x > 0 && Number.isFinite(x))) throw modelValueError(path, `${name} must be a positive finite number, got ${x}`, draw);
    return x;
  };
}

/**
 * Compiles a parsed curve against a parameter table. Parameters that are each finite
 * can still overflow together (a Gompertz rate ÷ shape beyond the float range): a
 * survival that comes out NaN is refused rather than passed on into the model.
 */
export function compileSurvivalCurve(curve: Curve, table: ParameterTable, path: IssuePath): CompiledCurve {
  const raw = compileRawCurve(curve, table, path);
  return (p, d) => {
    const s = raw(p, d);
    return (t) => {
      const x = s(t);
      if (Number.isNaN(x)) throw modelValueError(path, `the curve is undefined at t = ${t}: its parameters overflow the float range`, d);
      return x;
    };
  };
}

function compileRawCurve(curve: Curve, table: ParameterTable, path: IssuePath): CompiledCurve {
  const c = (expr: Parameters<typeof compileExpression>[0], field: string) => compileExpression(expr, table, [...path, field]);
  switch (curve.type) {
    case "exponential": {
      const rate = positive(c(curve.rate, "rate"), [...path, "rate"], "exponential rate");
      return (p, d) => {
        const r = rate(p, d);
        return (t) => portableExp(-r * t);
      };
    }
    case "weibull": {
      const shape = positive(c(curve.shape, "shape"), [...path, "shape"], "Weibull shape");
      const scale = positive(c(curve.scale, "scale"), [...path, "scale"], "Weibull scale");
      return (p, d) => {
        const k = shape(p, d);
        const l = scale(p, d);
        return (t) => (t <= 0 ? 1 : portableExp(-portableExp(k * portableLog(t / l))));
      };
    }
    case "log-logistic": {
      const shape = positive(c(curve.shape, "shape"), [...path, "shape"], "log-logistic shape");
      const scale = positive(c(curve.scale, "scale"), [...path, "scale"], "log-logistic scale");
      return (p, d) => {
        const k = shape(p, d);
        const l = scale(p, d);
        return (t) => (t <= 0 ? 1 : 1 / (1 + portableExp(k * portableLog(t / l))));
      };
    }
    case "log-normal": {
      const mu = c(curve.meanlog, "meanlog");
      const sd = positive(c(curve.sdlog, "sdlog"), [...path, "sdlog"], "log-normal sdlog");
      return (p, d) => {
        const m = mu(p);
        if (!Number.isFinite(m)) throw modelValueError([...path, "meanlog"], `log-normal meanlog must be finite, got ${m}`, d);
        const s = sd(p, d);
        return (t) => (t <= 0 ? 1 : normalUpperTail((portableLog(t) - m) / s));
      };
    }
    case "gompertz": {
      const shapeF = c(curve.shape, "shape");
      const rate = positive(c(curve.rate, "rate"), [...path, "rate"], "Gompertz rate");
      return (p, d) => {
        const g = shapeF(p);
        if (!Number.isFinite(g)) throw modelValueError([...path, "shape"], `Gompertz shape must be finite, got ${g}`, d);
        const r = rate(p, d);
        if (g === 0) return (t) => portableExp(-r * t);
        return (t) => portableExp(-(r / g) * (portableExp(g * t) - 1));
      };
    }
    case "gamma": {
      const shape = positive(c(curve.shape, "shape"), [...path, "shape"], "gamma shape");
      const rate = positive(c(curve.rate, "rate"), [...path, "rate"], "gamma rate");
      return (p, d) => {
        const a = shape(p, d);
        const r = rate(p, d);
        return (t) => (t <= 0 ? 1 : portableExp(logIncompleteGammaTails(a, r * t).logQ));
      };
    }
    case "generalised-gamma": {
      const muF = c(curve.mu, "mu");
      const sigma = positive(c(curve.sigma, "sigma"), [...path, "sigma"], "generalised gamma sigma");
      const qF = c(curve.Q, "Q");
      return (p, d) => {
        const m = muF(p);
        if (!Number.isFinite(m)) throw modelValueError([...path, "mu"], `generalised gamma mu must be finite, got ${m}`, d);
        const s = sigma(p, d);
        const q = qF(p);
        if (!Number.isFinite(q)) throw modelValueError([...path, "Q"], `generalised gamma Q must be finite, got ${q}`, d);
        return (t) => (t <= 0 ? 1 : generalisedGammaSurvival((portableLog(t) - m) / s, q));
      };
    }
    case "mixture-cure": {
      const piF = c(curve.cureFraction, "cureFraction");
      const uncured = compileRawCurve(curve.uncured, table, [...path, "uncured"]);
      return (p, d) => {
        const pi = piF(p);
        if (!(pi >= 0 && pi < 1)) throw modelValueError([...path, "cureFraction"], `the cure fraction must lie in [0, 1), got ${pi}`, d);
        const su = uncured(p, d);
        return (t) => pi + (1 - pi) * su(t);
      };
    }
    case "kaplan-meier": {
      const { times, survival } = curve;
      return () => (t) => {
        if (t < (times[0] as number)) return 1;
        let lo = 0;
        let hi = times.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((times[mid] as number) <= t) lo = mid;
          else hi = mid - 1;
        }
        return survival[lo] as number;
      };
    }
  }
}

/**
 * Input of {@link evaluateSurvivalCurve}: a curve, the times to read it at, and any parameters its expressions use.
 *
 * @category Partitioned Survival
 */
export const evaluateSurvivalCurveInputSchema = lazySchema(() => z
  .strictObject({
    /** The curve to read. */
    curve: survivalCurveSchema,
    /** Times to read it at, in model time units, ≥ 0 (at least one). */
    times: z.array(modelFloat({ min: 0 })).min(1),
    /** Named parameters the curve's expressions use (their base case is read). */
    parameters: modelParametersSchema.optional(),
  })
  .strict());

/**
 * Input of {@link evaluateSurvivalCurve}.
 *
 * @category Partitioned Survival
 */
export type EvaluateSurvivalCurveInput = z.input<typeof evaluateSurvivalCurveInputSchema>;

/**
 * Reads a survival curve at given times (parameters at their base case).
 *
 * @param input - the curve, the times to read it at, and the parameters its expressions use (`evaluateSurvivalCurveInputSchema`).
 * @returns the times and S(t) at each.
 * @throws {ValidationError} when the input does not match `evaluateSurvivalCurveInputSchema` (path named): an unknown key, a missing field, a value out of range; or issue `out_of_range` when a curve parameter computed from the parameters is invalid.
 * @example
 * ```ts
 * evaluateSurvivalCurve({ curve: { type: "weibull", shape: 1.5, scale: 20 }, times: [0, 12, 24] });
 * // { times: [0, 12, 24], survival: [1, 0.628…, 0.268…] }
 * ```
 *
 * @category Partitioned Survival
 */
export function evaluateSurvivalCurve(input: EvaluateSurvivalCurveInput): { times: number[]; survival: number[] } {
  const parsed = parseInput(evaluateSurvivalCurveInputSchema, input, "evaluateSurvivalCurve");
  const table = parameterTable(parsed.parameters);
  const s = compileSurvivalCurve(parsed.curve, table, ["curve"])(table.base, undefined);
  return { times: parsed.times, survival: parsed.times.map((t) => s(t)) };
}

