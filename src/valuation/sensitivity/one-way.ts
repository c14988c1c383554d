import * as z from "zod";
import { DomainError, parseInput, step, ValidationError, type Step } from "../../core/index.js";
import { type Dec, formatMoney, type Money } from "../../money/index.js";
import { lambdaMoneySchema, short } from "../shared.js";
import { checkOutcome, outcomeLabel, outcomesAt, outcomeValue, sensitivityOutcomeSchema, type SensitivityOutcome, type SensitivityOutcomes } from "./outcomes.js";
import { oneWayRangeSchema, oneWayValues } from "./ranges.js";
import type { MetamodelFit, PreparedSource } from "./source.js";
import { prepareSource, sensitivitySourceSchema } from "./sources.js";
import { bisectThresholds, linearThresholds, type DecisionThreshold } from "./thresholds.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Input of {@link oneWaySensitivity}.
 *
 * @category Sensitivity Analysis
 */
export const oneWaySensitivityInputSchema = lazySchema(() => z
  .object({
    /** What is evaluated at each setting: the model, or a metamodel of its PSA. */
    source: sensitivitySourceSchema,
    /** Willingness to pay per QALY; its currency is the analysis's currency. */
    lambda: lambdaMoneySchema,
    /** One range per parameter, at least one, each parameter once. */
    ranges: z.array(oneWayRangeSchema).min(1, "give at least one parameter range"),
    /** The outcome the tornado ranks parameters by. */
    outcome: sensitivityOutcomeSchema,
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Map<string, number>();
    doc.ranges.forEach((r, i) => {
      const j = seen.get(r.parameter);
      if (j !== undefined) ctx.addIssue({ code: "custom", path: ["ranges", i, "parameter"], message: `parameter "${r.parameter}" already has a range (ranges[${j}])` });
      else seen.set(r.parameter, i);
    });
  }));

/**
 * Input of {@link oneWaySensitivity} as written by callers.
 *
 * @category Sensitivity Analysis
 */
export type OneWaySensitivityInput = z.input<typeof oneWaySensitivityInputSchema>;

/**
 * One evaluated value of a parameter.
 *
 * @category Sensitivity Analysis
 */
export interface OneWayPoint extends SensitivityOutcomes {
  readonly value: number;
  /** True for the parameter's base-case value. */
  readonly isBase: boolean;
}

/**
 * One parameter's sweep.
 *
 * @category Sensitivity Analysis
 */
export interface OneWayParameter {
  readonly parameter: string;
  readonly low: number;
  readonly high: number;
  /** Base-case value: the model's `value` (or distribution mean), or the PSA draws' mean. */
  readonly base: number;
  /** Ascending values: low, the evenly spaced interior points, the base case when inside, high. */
  readonly points: readonly OneWayPoint[];
  /** Values in [low, high] where the optimal strategy changes, ascending. */
  readonly thresholds: readonly DecisionThreshold[];
  /** The metamodel regression behind this sweep, or null for a deterministic model. */
  readonly fit: MetamodelFit | null;
}

/**
 * One bar of the tornado.
 *
 * @category Sensitivity Analysis
 */
export interface TornadoBar {
  readonly parameter: string;
  readonly low: number;
  readonly high: number;
  readonly base: number;
  /** The outcome with the parameter at low / high / its base case (exact decimals; null: an undefined ICER). */
  readonly atLow: Dec | null;
  readonly atHigh: Dec | null;
  readonly atBase: Dec | null;
  /** |atHigh − atLow|; null when either end is undefined. */
  readonly swing: Dec | null;
  /** The first value where the decision flips, or null when it never does over the range. */
  readonly threshold: number | null;
}

/**
 * Tornado data: bars by decreasing swing (undefined swings last; ties in input order).
 *
 * @category Sensitivity Analysis
 */
export interface Tornado {
  readonly outcome: SensitivityOutcome;
  readonly label: string;
  /** The outcome in the base case (every parameter at its base; for a metamodel, the PSA means). */
  readonly base: Dec | null;
  readonly bars: readonly TornadoBar[];
}

/**
 * Result of {@link oneWaySensitivity}.
 *
 * @category Sensitivity Analysis
 */
export interface OneWaySensitivityResult {
  readonly analysis: "one-way";
  readonly method: "model" | "metamodel";
  readonly lambda: Money;
  readonly currency: string;
  readonly strategies: readonly string[];
  /** Every parameter at its base case. */
  readonly baseCase: SensitivityOutcomes;
  readonly parameters: readonly OneWayParameter[];
  readonly tornado: Tornado;
  readonly explanation: readonly Step[];
}

/** Parses the input, prepares the source, and checks currency and outcome: shared by the two analyses. */
export function prepareAnalysis(
  source: z.output<typeof sensitivitySourceSchema>,
  lambda: Money,
  outcome: SensitivityOutcome | null,
): PreparedSource {
  const prepared = prepareSource(source, ["source"]);
  if (prepared.currency !== undefined && prepared.currency !== lambda.currency) {
    throw new DomainError("CURRENCY_MISMATCH", `λ is in ${lambda.currency} but the source's costs are in ${prepared.currency}`, {
      path: ["lambda"],
      details: { expected: prepared.currency, got: lambda.currency },
    });
  }
  if (outcome !== null) checkOutcome(outcome, prepared.strategies, ["outcome"]);
  return prepared;
}

function show(x: number): string {
  return Number(x.toPrecision(6)).toString();
}

function showValue(v: Dec | null, outcome: SensitivityOutcome, currency: string): string {
  if (v === null) return "undefined (no effect difference)";
  return outcome.type === "effect" ? `${short(v)} QALYs` : `${currency} ${v.toDecimalPlaces(2).toFixed(2)}`;
}

/**
 * One-way sensitivity analysis (单因素敏感性分析) and its tornado (龙卷风图): each
 * parameter in `ranges` is set over its range with every other parameter at its base
 * case, and at each value every strategy's cost, effect, NMB at λ, frontier status and
 * ICER are reported with the optimal strategy. The outcomes come from the `source`:
 * deterministic runs of the models (`type: "model"`, as heemod's DSA), or a regression
 * metamodel fitted to PSA draws (`type: "metamodel"`, as dampack's `owsa`).
 *
 * Costs become Money (half-up to the minor unit) at each setting; NMB is exact from
 * them; model and metamodel arithmetic is float64. The tornado ranks parameters by
 * the swing |outcome(high) − outcome(low)| of `outcome`. Thresholds — values where the
 * optimal strategy changes — are solved exactly on a degree-1 metamodel's lines, and
 * by bisection on the model (or metamodel) otherwise; each says which.
 *
 * @example
 * ```ts
 * declare const standard: Extract<Parameters<typeof oneWaySensitivity>[0]["source"], { type: "model" }>["strategies"][number];
 * declare const newDrug: Extract<Parameters<typeof oneWaySensitivity>[0]["source"], { type: "model" }>["strategies"][number];
 * const r = oneWaySensitivity({
 *   source: { type: "model", parameters: { pDeath: { value: 0.2 }, drug: { value: 3000 } }, strategies: [standard, newDrug] },
 *   lambda: { amount: "100000", currency: "CNY" },
 *   ranges: [{ parameter: "pDeath", low: 0.1, high: 0.3 }, { parameter: "drug", low: 2000, high: 6000 }],
 *   outcome: { type: "incremental-nmb", strategy: "New", comparator: "Standard" },
 * });
 * r.tornado.bars[0].parameter; // the parameter with the widest swing
 * r.parameters[1].thresholds;  // where "New" stops being optimal as the drug price rises
 * ```
 *
 * @param input - the source (a model or a metamodel), the parameters with their ranges, λ and the outcome to vary
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused)
 * @throws {DomainError} when the source cannot be evaluated at a setting (the code of the model's error)
 * @category Sensitivity Analysis
 */
export function oneWaySensitivity(input: OneWaySensitivityInput): OneWaySensitivityResult {
  const doc = parseInput(oneWaySensitivityInputSchema, input, "oneWaySensitivity");
  const lambda = doc.lambda;
  const currency = lambda.currency;
  const src = prepareAnalysis(doc.source, lambda, doc.outcome);
  const names = src.strategies;
  const bases = doc.ranges.map((r, i) => src.baseValue(r.parameter, ["ranges", i, "parameter"]));
  const baseCase = outcomesAt(names, src.baseline(), lambda);

  const parameters = doc.ranges.map((r, i): OneWayParameter => {
    const base = bases[i]!;
    const ev = src.evaluator([r.parameter]);
    const points = oneWayValues(r, base).map((value): OneWayPoint => ({ value, isBase: value === base, ...outcomesAt(names, ev.evaluate([value]), lambda) }));
    const thresholds = ev.linear
      ? linearThresholds(names, ev, lambda, r.low, r.high)
      : bisectThresholds(names, ev, lambda, points.map((p) => p.value), src.thresholdMethod);
    return { parameter: r.parameter, low: r.low, high: r.high, base, points, thresholds, fit: ev.fit };
  });

  const outcome = doc.outcome;
  const bars = parameters.map((p): TornadoBar & { order: number } => {
    const atLow = outcomeValue(outcome, p.points[0]!);
    const atHigh = outcomeValue(outcome, p.points[p.points.length - 1]!);
    const basePoint = p.points.find((q) => q.isBase);
    const atBase = basePoint ? outcomeValue(outcome, basePoint) : outcomeValue(outcome, outcomesAt(names, src.evaluator([p.parameter]).evaluate([p.base]), lambda));
    return {
      order: parameters.indexOf(p),
      parameter: p.parameter,
      low: p.low,
      high: p.high,
      base: p.base,
      atLow,
      atHigh,
      atBase,
      swing: atLow === null || atHigh === null ? null : atHigh.minus(atLow).abs(),
      threshold: p.thresholds[0]?.value ?? null,
    };
  });
  bars.sort((a, b) => {
    if (a.swing === null || b.swing === null) return a.swing === b.swing ? a.order - b.order : a.swing === null ? 1 : -1;
    return b.swing.comparedTo(a.swing) || a.order - b.order;
  });
  const label = outcomeLabel(outcome, currency);
  const tornado: Tornado = {
    outcome,
    label,
    base: outcomeValue(outcome, baseCase),
    bars: bars.map(({ order: _order, ...bar }) => bar),
  };

  const explanation: Step[] = [
    ...src.explanation,
    step(
      "valuation.sensitivity.base",
      `Base case at λ = ${formatMoney(lambda)} per QALY: optimal strategy ${baseCase.optimal} (${baseCase.strategies.map((s) => `${s.name} NMB ${formatMoney(s.nmb)}`).join(", ")}).`,
      { lambda, optimal: baseCase.optimal },
    ),
    ...parameters.map((p) => {
      const flips =
        p.thresholds.length === 0
          ? `the optimal strategy is ${p.points[0]!.optimal} throughout`
          : p.thresholds.map((t) => `${t.from} → ${t.to} at ${show(t.value)} (${t.method === "exact-linear" ? "exact, where the fitted NMB lines cross" : `bisection on the ${t.method === "bisection-on-model" ? "model" : "metamodel"} to within ${show(t.bracket[1] - t.bracket[0])}`})`).join("; ");
      const fit =
        p.fit === null
          ? ""
          : ` Metamodel on ${p.fit.regressors.join(", ")} (degree ${p.fit.degree}, ${p.fit.columns} coefficients, ${p.fit.draws} draws), R² ${p.fit.rSquared.map((f) => `${f.strategy} cost ${f.cost === null ? "n/a" : show(f.cost)} effect ${f.effect === null ? "n/a" : show(f.effect)}`).join("; ")}.`;
      return step(
        "valuation.sensitivity.one-way",
        `${p.parameter} from ${show(p.low)} to ${show(p.high)} (base ${show(p.base)}), ${p.points.length} values: ${flips}.${fit}`,
        { parameter: p.parameter, low: p.low, high: p.high, base: p.base, values: p.points.map((q) => q.value), optimal: p.points.map((q) => q.optimal) },
      );
    }),
    step(
      "valuation.sensitivity.tornado",
      `Tornado of ${label}, by swing |high − low|: ${tornado.bars.map((b) => `${b.parameter} ${b.swing === null ? "undefined" : showValue(b.swing, outcome, currency)} (${showValue(b.atLow, outcome, currency)} at ${show(b.low)}, ${showValue(b.atHigh, outcome, currency)} at ${show(b.high)})`).join("; ")}.`,
      { outcome: outcome.type, order: tornado.bars.map((b) => b.parameter) },
    ),
  ];
  return { analysis: "one-way", method: src.kind, lambda, currency, strategies: [...names], baseCase, parameters, tornado, explanation };
}

/** Internal: a ValidationError for a parameter used twice across the two axes. */
export function sameParameterError(name: string): ValidationError {
  return new ValidationError([{ path: ["y", "parameter"], code: "same_reference", message: `x and y both vary "${name}"; a two-way analysis needs two different parameters` }]);
}
