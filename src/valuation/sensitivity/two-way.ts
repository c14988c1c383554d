import * as z from "zod";
import { parseInput, step, type Step } from "../../core/index.js";
import { formatMoney, type Money } from "../../money/index.js";
import { lambdaMoneySchema } from "../shared.js";
import { prepareAnalysis, sameParameterError } from "./one-way.js";
import { outcomesAt, type SensitivityOutcomes } from "./outcomes.js";
import { evenly, twoWayRangeSchema } from "./ranges.js";
import type { MetamodelFit } from "./source.js";
import { sensitivitySourceSchema } from "./sources.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Input of {@link twoWaySensitivity}: the source, λ, and the two axes of the grid.
 *
 * @category Sensitivity Analysis
 */
export const twoWaySensitivityInputSchema = lazySchema(() => z
  .object({
    /** What is evaluated at each setting: the model, or a metamodel of its PSA. */
    source: sensitivitySourceSchema,
    /** Willingness to pay per QALY; its currency is the analysis's currency. */
    lambda: lambdaMoneySchema,
    /** The first axis of the grid. */
    x: twoWayRangeSchema,
    /** The second axis (another parameter). */
    y: twoWayRangeSchema,
  })
  .strict());

/**
 * Input of {@link twoWaySensitivity} as written by callers.
 *
 * @category Sensitivity Analysis
 */
export type TwoWaySensitivityInput = z.input<typeof twoWaySensitivityInputSchema>;

/**
 * One axis of the grid.
 *
 * @category Sensitivity Analysis
 */
export interface TwoWayAxis {
  readonly parameter: string;
  readonly low: number;
  readonly high: number;
  readonly base: number;
  readonly values: readonly number[];
}

/**
 * Result of {@link twoWaySensitivity}.
 *
 * @category Sensitivity Analysis
 */
export interface TwoWaySensitivityResult {
  readonly analysis: "two-way";
  readonly method: "model" | "metamodel";
  readonly lambda: Money;
  readonly currency: string;
  readonly strategies: readonly string[];
  readonly x: TwoWayAxis;
  readonly y: TwoWayAxis;
  /** cells[i][j]: outcomes at x.values[i], y.values[j]. */
  readonly cells: readonly (readonly SensitivityOutcomes[])[];
  /** optimal[i][j]: the optimal strategy at x.values[i], y.values[j]. */
  readonly optimal: readonly (readonly string[])[];
  /** Cells where each strategy is optimal (strategies never optimal have 0). */
  readonly regions: readonly { readonly strategy: string; readonly cells: number }[];
  readonly fit: MetamodelFit | null;
  readonly explanation: readonly Step[];
}

function show(x: number): string {
  return Number(x.toPrecision(6)).toString();
}

/**
 * Two-way sensitivity analysis (双因素敏感性分析): two parameters set over a grid (every
 * other parameter at its base case), with every strategy's outcomes and the optimal
 * strategy in each cell — the data of an optimal-strategy region map. The source is a
 * deterministic model or a PSA metamodel (dampack's `twsa`: powers of both
 * parameters and all their products).
 *
 * @example
 * ```ts
 * declare const parameters: Extract<Parameters<typeof twoWaySensitivity>[0]["source"], { type: "model" }>["parameters"];
 * declare const strategies: Extract<Parameters<typeof twoWaySensitivity>[0]["source"], { type: "model" }>["strategies"];
 * const r = twoWaySensitivity({
 *   source: { type: "model", parameters, strategies },
 *   lambda: { amount: "100000", currency: "CNY" },
 *   x: { parameter: "pDeath", low: 0.1, high: 0.3, points: 11 },
 *   y: { parameter: "drug", low: 2000, high: 6000, points: 11 },
 * });
 * r.optimal[0][10]; // optimal strategy at pDeath = 0.1, drug = 6000
 * ```
 *
 * @param input - the source, the two parameters with their ranges, and λ
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused)
 * @throws {DomainError} when the source cannot be evaluated at a setting (the code of the model's error)
 * @category Sensitivity Analysis
 */
export function twoWaySensitivity(input: TwoWaySensitivityInput): TwoWaySensitivityResult {
  const doc = parseInput(twoWaySensitivityInputSchema, input, "twoWaySensitivity");
  if (doc.x.parameter === doc.y.parameter) throw sameParameterError(doc.x.parameter);
  const lambda = doc.lambda;
  const src = prepareAnalysis(doc.source, lambda, null);
  const names = src.strategies;
  const axis = (r: typeof doc.x, key: "x" | "y"): TwoWayAxis => ({
    parameter: r.parameter,
    low: r.low,
    high: r.high,
    base: src.baseValue(r.parameter, [key, "parameter"]),
    values: evenly(r.low, r.high, r.points),
  });
  const x = axis(doc.x, "x");
  const y = axis(doc.y, "y");
  const ev = src.evaluator([x.parameter, y.parameter]);
  const cells = x.values.map((xv) => y.values.map((yv) => outcomesAt(names, ev.evaluate([xv, yv]), lambda)));
  const optimal = cells.map((row) => row.map((c) => c.optimal));
  const regions = names.map((strategy) => ({ strategy, cells: optimal.reduce((n, row) => n + row.filter((o) => o === strategy).length, 0) }));
  const explanation: Step[] = [
    ...src.explanation,
    step(
      "valuation.sensitivity.two-way",
      `${x.parameter} from ${show(x.low)} to ${show(x.high)} (${x.values.length} values) × ${y.parameter} from ${show(y.low)} to ${show(y.high)} (${y.values.length} values) at λ = ${formatMoney(lambda)} per QALY; optimal in ${regions.filter((r) => r.cells > 0).map((r) => `${r.strategy} ${r.cells}`).join(", ")} of ${x.values.length * y.values.length} cells.${ev.fit === null ? "" : ` Metamodel on ${ev.fit.regressors.join(", ")} (degree ${ev.fit.degree}, ${ev.fit.columns} coefficients), R² ${ev.fit.rSquared.map((f) => `${f.strategy} cost ${f.cost === null ? "n/a" : show(f.cost)} effect ${f.effect === null ? "n/a" : show(f.effect)}`).join("; ")}.`}`,
      { x: x.parameter, y: y.parameter, lambda, regions: regions.map((r) => ({ strategy: r.strategy, cells: r.cells })) },
    ),
  ];
  return { analysis: "two-way", method: src.kind, lambda, currency: lambda.currency, strategies: [...names], x, y, cells, optimal, regions, fit: ev.fit, explanation };
}
