// The survival-curve evaluator's public surface. Each curve type is one file in
// survival-curves/ (schema, name, compile and parameter checks); the union schema and the
// dispatch come from survival-curves/registry.ts. What is common to every type lives here:
// the refusal of a NaN survival, and reading a curve at given times.
import * as z from "zod";
import { parseInput, type IssuePath } from "../core/index.js";
import { modelValueError } from "./expression.js";
import { modelFloat } from "./numbers.js";
import { modelParametersSchema, parameterTable, type ParameterTable } from "./parameters.js";
import type { CompiledCurve } from "./survival-curves/kind.js";
import { compileCurve, survivalCurveSchema, type SurvivalCurve } from "./survival-curves/registry.js";
import { lazySchema } from "../kernel/lazy-schema.js";

export { parametricSurvivalCurveSchema } from "./survival-curves/parametric.js";
export { survivalCurveSchema } from "./survival-curves/registry.js";
export type { CompiledCurve } from "./survival-curves/kind.js";

/**
 * A survival curve as accepted by {@link survivalCurveSchema}.
 *
 * @category Partitioned Survival
 */
export type SurvivalCurveInput = z.input<typeof survivalCurveSchema>;

/**
 * Compiles a parsed curve against a parameter table. Parameters that are each finite
 * can still overflow together (a Gompertz rate ÷ shape beyond the float range): a
 * survival that comes out NaN is refused rather than passed on into the model.
 */
export function compileSurvivalCurve(curve: SurvivalCurve, table: ParameterTable, path: IssuePath): CompiledCurve {
  const raw = compileCurve(curve, { table, path });
  return (p, d) => {
    const s = raw(p, d);
    return (t) => {
      const x = s(t);
      if (Number.isNaN(x)) throw modelValueError(path, `the curve is undefined at t = ${t}: its parameters overflow the float range`, d);
      return x;
    };
  };
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

