// What a survival-curve type is: everything about it in one record (its schema, its name
// in messages, how it compiles against a parameter table and checks the parameters it
// reads), so the schema's union and the evaluator cannot disagree about which types exist.
// Adding a type is one file in this folder plus one entry in a registry: parametric.ts
// for a type that may be the uncured part of a mixture-cure curve, registry.ts otherwise.
// Not public.
import type * as z from "zod";
import { compileExpression, modelValueError, type CompiledExpression, type ModelExpression } from "../expression.js";
import type { ParameterTable } from "../parameters.js";
import type { IssuePath } from "../../core/index.js";

/** A curve with its parameters compiled; `at(params, draw)` checks them and returns S. */
export type CompiledCurve = (params: Float64Array, draw: number | undefined) => (t: number) => number;

/** Where a curve is compiled: the parameter table its expressions read, and the curve's path in the document. */
export interface CurveSite {
  readonly table: ParameterTable;
  readonly path: IssuePath;
}

/** One survival-curve type. */
export interface SurvivalCurveKind<Schema extends z.ZodType<{ readonly type: string }>> {
  /** The `type` its documents carry (the literal of its schema). */
  readonly type: z.output<Schema>["type"];
  /** Its document. */
  readonly schema: Schema;
  /** Its name in messages ("Weibull", "log-logistic", "generalised gamma"). */
  readonly name: string;
  /**
   * Compiles a parsed curve of this type: its expressions against the site's table, its
   * parameter checks naming paths under the site's path. The survival may still be NaN
   * (the caller refuses that once, for every type).
   */
  readonly compile: (curve: z.output<Schema>, site: CurveSite) => CompiledCurve;
}

/** A curve field's expression, compiled against the site's table at the field's path. */
export function fieldExpression(site: CurveSite, field: string, expr: ModelExpression): CompiledExpression {
  return compileExpression(expr, site.table, [...site.path, field]);
}

/** A field that must be a positive finite number: else `${label} must be a positive finite number, got x` at the field's path. */
export function positiveField(site: CurveSite, field: string, expr: ModelExpression, label: string) {
  const f = fieldExpression(site, field, expr);
  const path = [...site.path, field];
  return (params: Float64Array, draw: number | undefined): number => {
    const x = f(params);
    if (!(x > 0 && Number.isFinite(x))) throw modelValueError(path, `${label} must be a positive finite number, got ${x}`, draw);
    return x;
  };
}

/**
 * The compile step of a curve with a positive `shape` and `scale` (Weibull, log-logistic):
 * both fields checked in that order, then `survival(shape, scale, t)` for t > 0 (S(0) = 1).
 */
export function shapeScaleCompile(name: string, survival: (shape: number, scale: number, t: number) => number) {
  return (curve: { readonly shape: ModelExpression; readonly scale: ModelExpression }, site: CurveSite): CompiledCurve => {
    const shape = positiveField(site, "shape", curve.shape, `${name} shape`);
    const scale = positiveField(site, "scale", curve.scale, `${name} scale`);
    return (p, d) => {
      const k = shape(p, d);
      const l = scale(p, d);
      return (t) => (t <= 0 ? 1 : survival(k, l, t));
    };
  };
}

/** A field that must be finite: else `${label} must be finite, got x` at the field's path. */
export function finiteField(site: CurveSite, field: string, expr: ModelExpression, label: string) {
  const f = fieldExpression(site, field, expr);
  const path = [...site.path, field];
  return (params: Float64Array, draw: number | undefined): number => {
    const x = f(params);
    if (!Number.isFinite(x)) throw modelValueError(path, `${label} must be finite, got ${x}`, draw);
    return x;
  };
}
