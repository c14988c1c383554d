import * as z from "zod";
import { decimalSchema, nonNegativeAmountSchema, parseInput, positiveDecimalSchema, step, type Step } from "../core/index.js";
import { money, round, type Dec, type Money, formatMoney } from "../money/index.js";
import { D } from "../money/decimal.js";
import { budgetCurrencySchema, pct, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link detectCostAnomalies}: provider groups of one department with their cost
 * per case, number of cases and, optionally, an outcome rate (higher is better unless
 * `outcomeHigherIsBetter` is false, e.g. 30-day readmission).
 *
 * @category Fund Health and Cost Anomalies
 */
export const detectCostAnomaliesInputSchema = lazySchema(() => z.strictObject({
  /** ISO 4217 code of the costs (stated, never defaulted). */
  currency: budgetCurrencySchema,
  /** Flag a group whose cost per case is at least this much above the department mean: 0.4 = 40%. */
  threshold: positiveDecimalSchema.prefault(0.4),
  /** Whether a higher outcome rate is better (response) or worse (30-day readmission); true by default. */
  outcomeHigherIsBetter: z.boolean().default(true),
  /** The provider groups of the department (科室), at least two. */
  groups: z
    .array(
      z.strictObject({
        /** The group's id (a doctor group, a ward), for lines and flags. */
        id: z.string().min(1),
        /** The group's cost per case (例均费用), ≥ 0. */
        costPerCase: nonNegativeAmountSchema,
        /** Its number of cases, a whole number ≥ 1 (the weight in the department mean). */
        cases: z.number().int().min(1),
        /** Its outcome rate as a decimal (0.1 = 10 %), when reported. */
        outcome: decimalSchema.optional(),
      }),
    )
    .min(2),
}));

/**
 * One provider group's comparison with its department.
 *
 * @category Fund Health and Cost Anomalies
 */
export interface CostAnomalyLine {
  readonly id: string;
  readonly costPerCase: Money;
  readonly cases: number;
  /** Department mean cost per case: total cost ÷ total cases, the group included (corrections C5). */
  readonly departmentMeanCost: Money;
  /** costPerCase ÷ department mean − 1, exact text ("0.4" = 40% above); null when the mean is zero. */
  readonly excess: string | null;
  /** The department's outcome rate (weighted by cases over the groups that report one, the group included), or null. */
  readonly departmentOutcome: string | null;
  /** True when the group's outcome is strictly better than the department's. */
  readonly betterOutcome: boolean;
  readonly flagged: boolean;
}

/**
 * The result of a cost-anomaly screen.
 *
 * @category Fund Health and Cost Anomalies
 */
export interface CostAnomalies {
  readonly threshold: string;
  /** Department mean cost per case (unrounded in the comparison; rounded here for display). */
  readonly departmentMeanCost: Money;
  readonly lines: readonly CostAnomalyLine[];
  /** Ids of the flagged groups. */
  readonly flagged: readonly string[];
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link detectCostAnomalies} as stored (JSON): what {@link detectCostAnomaliesInputSchema} parses.
 *
 * @category Fund Health and Cost Anomalies
 */
export type DetectCostAnomaliesInput = z.input<typeof detectCostAnomaliesInputSchema>;

/**
 * Flags provider groups whose cost per case is ≥ 1.40 × (configurable) the department
 * mean, total cost ÷ total cases with the group included (科室均值, corrections C5), and
 * whose outcome is not better than the department's (its case-weighted rate, the group
 * included). A group with no reported outcome has no better outcome.
 *
 * @category Fund Health and Cost Anomalies
 * @param input - the currency, the flag threshold, the outcome orientation and at least two provider groups.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, or fewer than two groups are given (path named)
 *
 * @example
 * ```ts
 * detectCostAnomalies({ currency: "CNY", outcomeHigherIsBetter: false, groups: [
 *   { id: "A", costPerCase: "14000", cases: 20, outcome: 0.1 },
 *   { id: "B", costPerCase: "9000", cases: 30, outcome: 0.1 },
 *   { id: "C", costPerCase: "9000", cases: 50, outcome: 0.1 },
 * ] }).flagged; // ["A"]
 * ```
 */
export function detectCostAnomalies(input: DetectCostAnomaliesInput): CostAnomalies {
  const p = parseInput(detectCostAnomaliesInputSchema, input, "detectCostAnomalies");
  const steps: Step[] = [];
  let totalCases = 0;
  let totalCost = new D(0);
  let outcomeCases = 0;
  let outcomeSum = new D(0);
  for (const g of p.groups) {
    totalCases += g.cases;
    totalCost = totalCost.plus(g.costPerCase.times(g.cases));
    if (g.outcome !== undefined) {
      outcomeCases += g.cases;
      outcomeSum = outcomeSum.plus(g.outcome.times(g.cases));
    }
  }
  const meanCost = totalCost.dividedBy(totalCases);
  const deptOutcome: Dec | null = outcomeCases === 0 ? null : outcomeSum.dividedBy(outcomeCases);
  const departmentMeanCost = round(money(meanCost, p.currency), "half-up");
  const limit = new D(1).plus(p.threshold);
  const lines = p.groups.map((g): CostAnomalyLine => {
    const excess = meanCost.isZero() ? null : g.costPerCase.dividedBy(meanCost).minus(1);
    const costly = meanCost.isZero() ? g.costPerCase.greaterThan(0) : g.costPerCase.greaterThanOrEqualTo(meanCost.times(limit));
    const better =
      g.outcome !== undefined && deptOutcome !== null && (p.outcomeHigherIsBetter ? g.outcome.greaterThan(deptOutcome) : g.outcome.lessThan(deptOutcome));
    const flagged = costly && !better;
    const costPerCase = money(g.costPerCase, p.currency);
    const above = excess === null ? "above a zero" : `${pct(excess.toDecimalPlaces(4))} above`;
    if (flagged) {
      steps.push(
        step(
          "budget.anomaly.flagged",
          `${g.id}: cost per case ${formatMoney(costPerCase)} is ${above} the department mean ${formatMoney(departmentMeanCost)}, without a better outcome: flagged.`,
          { costPerCase, cases: g.cases, departmentMeanCost, outcome: g.outcome ?? null, departmentOutcome: deptOutcome },
        ),
      );
    } else if (costly) {
      steps.push(
        step("budget.anomaly.justified", `${g.id}: cost per case is ${above} the department mean, but its outcome is better than the department's: not flagged.`, {
          costPerCase,
          cases: g.cases,
          departmentMeanCost,
          outcome: g.outcome ?? null,
          departmentOutcome: deptOutcome,
        }),
      );
    }
    return {
      id: g.id,
      costPerCase,
      cases: g.cases,
      departmentMeanCost,
      excess: excess === null ? null : text(excess),
      departmentOutcome: deptOutcome === null ? null : text(deptOutcome),
      betterOutcome: better,
      flagged,
    };
  });
  const flagged = lines.filter((l) => l.flagged).map((l) => l.id);
  steps.unshift(
    step(
      "budget.anomaly.rule",
      `The department mean is total cost ÷ total cases over ${totalCases} cases, every group included: ${formatMoney(departmentMeanCost)}; a group is flagged at ≥ ${text(limit)} × that mean without a better outcome.`,
      { threshold: p.threshold, groups: lines.length, cases: totalCases },
      departmentMeanCost,
    ),
  );
  return { threshold: text(p.threshold), departmentMeanCost, lines, flagged, explanation: steps };
}
