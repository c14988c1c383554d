// The registry of parametric curve types: those that may be the uncured part of a
// mixture-cure curve. Their union schema and their compile dispatch are read from here
// (below mixture-cure.ts, which nests them, and registry.ts, which lists them all).
// Adding a parametric type is one new file in this folder plus one entry in PARAMETRIC_CURVE_KINDS.
import * as z from "zod";
import { exponentialCurve } from "./exponential.js";
import { gammaCurve } from "./gamma.js";
import { generalisedGammaCurve } from "./generalised-gamma.js";
import { gompertzCurve } from "./gompertz.js";
import type { CompiledCurve, CurveSite, SurvivalCurveKind } from "./kind.js";
import { logLogisticCurve } from "./log-logistic.js";
import { logNormalCurve } from "./log-normal.js";
import { weibullCurve } from "./weibull.js";
import { kindLookup, kindSchemas } from "../../kernel/kind-registry.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** Every parametric curve type, in the order the schemas list them. */
export const PARAMETRIC_CURVE_KINDS = [exponentialCurve, weibullCurve, logLogisticCurve, logNormalCurve, gompertzCurve, gammaCurve, generalisedGammaCurve] as const;

/**
 * A parametric survival curve (every type but `kaplan-meier` and `mixture-cure`): the uncured part of a mixture-cure curve.
 *
 * @category Partitioned Survival
 */
export const parametricSurvivalCurveSchema = lazySchema(() => z.discriminatedUnion("type", kindSchemas(PARAMETRIC_CURVE_KINDS)));

/** A parsed parametric curve. */
export type ParametricCurve = z.output<typeof parametricSurvivalCurveSchema>;

const parametricKind = kindLookup(PARAMETRIC_CURVE_KINDS);

/** Compiles a parsed parametric curve by its type's record (the survival may still be NaN). */
export function compileParametricCurve(curve: ParametricCurve, site: CurveSite): CompiledCurve {
  const kind = parametricKind(curve.type) as unknown as SurvivalCurveKind<z.ZodType<ParametricCurve>>;
  return kind.compile(curve, site);
}
