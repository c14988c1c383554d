import { z } from "zod";
import { decimalSchema, nonNegativeAmountSchema, parseInput, positiveDecimalSchema, step, type Step } from "../core/index.js";
import { money, type Dec, type Money, formatMoney } from "../money/index.js";
import { D } from "../money/decimal.js";
import { budgetCurrencySchema, pct, text } from "./common.js";

/**
 * Input of {@link detectCostAnomalies}: provider groups with their cost per case and,
 * optionally, an outcome measure (higher is better unless `outcomeHigherIsBetter` is false).
 */
export const detectCostAnomaliesInputSchema = z.strictObject({
  currency: budgetCurrencySchema,
  /** Flag a group whose cost per case is at least this much above its peers' mean: 0.4 = 40%. */
  threshold: positiveDecimalSchema.prefault(0.4),
  outcomeHigherIsBetter: z.boolean().default(true),
  groups: z
    .array(z.strictObject({ id: z.string().min(1), costPerCase: nonNegativeAmountSchema, outcome: decimalSchema.optional() }))
    .min(2),
});

/** One provider group's comparison with its peers. */
export interface CostAnomalyLine {
  readonly id: string;
  readonly costPerCase: Money;
  /** Mean cost per case of the other groups. */
  readonly peerMeanCost: Money;
  /** costPerCase ÷ peer mean − 1, exact text ("0.5" = 50% above); null when the peer mean is zero. */
  readonly excess: string | null;
  /** Mean outcome of the other groups that report one, or null. */
  readonly peerMeanOutcome: string | null;
  /** True when the group's outcome is better than its peers' mean. */
  readonly betterOutcome: boolean;
  readonly flagged: boolean;
}

/** The result of a cost-anomaly screen. */
export interface CostAnomalies {
  readonly threshold: string;
  readonly lines: readonly CostAnomalyLine[];
  /** Ids of the flagged groups. */
  readonly flagged: readonly string[];
  readonly explanation: readonly Step[];
}

/**
 * Flags provider groups whose cost per case is ≥ 40% (configurable) above the mean of
 * their peers (the other groups) without a better outcome than the peers' mean. A group
 * with no reported outcome has no better outcome.
 *
 * @example
 * ```ts
 * detectCostAnomalies({ currency: "CNY", groups: [
 *   { id: "A", costPerCase: "10000" }, { id: "B", costPerCase: "10000" }, { id: "C", costPerCase: "15000" },
 * ] }).flagged; // ["C"]
 * ```
 */
export function detectCostAnomalies(input: z.input<typeof detectCostAnomaliesInputSchema>): CostAnomalies {
  const p = parseInput(detectCostAnomaliesInputSchema, input, "detectCostAnomalies");
  const steps: Step[] = [];
  // Leave-one-out means from the totals (linear; the per-group filter was quadratic: 5,000 groups took 16 s).
  const totalCost = p.groups.reduce((a, g) => a.plus(g.costPerCase), new D(0));
  const withOutcome = p.groups.flatMap((x) => (x.outcome === undefined ? [] : [x.outcome]));
  const totalOutcome = withOutcome.reduce((a, b) => a.plus(b), new D(0));
  const lines = p.groups.map((g): CostAnomalyLine => {
    const peerCost = totalCost.minus(g.costPerCase).dividedBy(p.groups.length - 1);
    const peerOutcomes = withOutcome.length - (g.outcome === undefined ? 0 : 1);
    const peerOutcome = peerOutcomes === 0 ? null : (g.outcome === undefined ? totalOutcome : totalOutcome.minus(g.outcome)).dividedBy(peerOutcomes);
    const excess = peerCost.isZero() ? null : g.costPerCase.dividedBy(peerCost).minus(1);
    const costly = excess === null ? g.costPerCase.greaterThan(0) : excess.greaterThanOrEqualTo(p.threshold);
    const better =
      g.outcome !== undefined && peerOutcome !== null && (p.outcomeHigherIsBetter ? g.outcome.greaterThan(peerOutcome) : g.outcome.lessThan(peerOutcome));
    const flagged = costly && !better;
    const costPerCase = money(g.costPerCase, p.currency);
    const peerMeanCost = money(peerCost, p.currency);
    if (flagged) {
      steps.push(
        step(
          "budget.anomaly.flagged",
          `${g.id}: cost per case ${formatMoney(costPerCase)} is ${excess === null ? "above a zero" : pct(excess)} above the peer mean ${formatMoney(peerMeanCost)}, without a better outcome: flagged.`,
          { costPerCase, peerMeanCost, outcome: g.outcome ?? null, peerMeanOutcome: peerOutcome },
        ),
      );
    } else if (costly) {
      steps.push(
        step("budget.anomaly.justified", `${g.id}: cost per case is ${excess === null ? "above a zero" : pct(excess)} above the peer mean, but its outcome is better: not flagged.`, {
          costPerCase,
          peerMeanCost,
          outcome: g.outcome ?? null,
          peerMeanOutcome: peerOutcome,
        }),
      );
    }
    return {
      id: g.id,
      costPerCase,
      peerMeanCost,
      excess: excess === null ? null : text(excess),
      peerMeanOutcome: peerOutcome === null ? null : text(peerOutcome),
      betterOutcome: better,
      flagged,
    };
  });
  const flagged = lines.filter((l) => l.flagged).map((l) => l.id);
  steps.unshift(step("budget.anomaly.rule", `Each group is compared with the mean of the other groups; threshold ${pct(p.threshold)} above the peer mean.`, { threshold: p.threshold, groups: lines.length }));
  return { threshold: text(p.threshold), lines, flagged, explanation: steps };
}
