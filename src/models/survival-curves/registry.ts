// The registry of survival-curve types: the curve schema's discriminated union and the
// compile dispatch are read from here. Adding a type is one new file in this folder plus
// one entry: in PARAMETRIC_CURVE_KINDS (parametric.ts) if a mixture-cure curve may nest
// it, else in SURVIVAL_CURVE_KINDS below.
import * as z from "zod";
import { kaplanMeierCurve } from "./kaplan-meier.js";
import type { CompiledCurve, CurveSite, SurvivalCurveKind } from "./kind.js";
import { mixtureCureCurve } from "./mixture-cure.js";
import { PARAMETRIC_CURVE_KINDS } from "./parametric.js";
import { kindLookup, kindSchemas } from "../../kernel/kind-registry.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** Every curve type, in the order the schema lists them. */
export const SURVIVAL_CURVE_KINDS = [...PARAMETRIC_CURVE_KINDS, mixtureCureCurve, kaplanMeierCurve] as const;

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
export const survivalCurveSchema = lazySchema(() => z.discriminatedUnion("type", kindSchemas(SURVIVAL_CURVE_KINDS)));

/** A parsed survival curve. */
export type SurvivalCurve = z.output<typeof survivalCurveSchema>;

const curveKind = kindLookup(SURVIVAL_CURVE_KINDS);

/** The record of a curve type (undefined only for a `type` no record registers, which a parsed curve never has). */
export function survivalCurveKindOf(curve: { readonly type: string }): SurvivalCurveKind<z.ZodType<SurvivalCurve>> | undefined {
  return curveKind(curve.type) as unknown as SurvivalCurveKind<z.ZodType<SurvivalCurve>> | undefined;
}

/** Compiles a parsed curve by its type's record (the survival may still be NaN). */
export function compileCurve(curve: SurvivalCurve, site: CurveSite): CompiledCurve {
  return (survivalCurveKindOf(curve) as SurvivalCurveKind<z.ZodType<SurvivalCurve>>).compile(curve, site);
}
