// Cohort rule `performanceDeduction` (K5: a deduction when the cohort misses a target).
import * as z from "zod";
import { rateSchema, step } from "../../core/index.js";
import { money, round } from "../../money/index.js";
import { common, metricSchema, metricOf, need, pct, totals, type CohortRuleKind, words } from "./rule-kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * `performanceDeduction` (K5): if the metric is below `target` (the target itself passes),
 * `deductionRate` of the amount is deducted.
 *
 * @category Cohort Rules
 */
export const performanceDeductionRuleSchema = lazySchema(() => z.strictObject({
  /** Discriminator: `"performanceDeduction"` (K5, pay for performance 按绩效付费). */
  type: z.literal("performanceDeduction"),
  ...common,
  /** The cohort metric tested: `orr` (客观缓解率) or `pfsRate` (无进展生存率). */
  metric: metricSchema,
  /** The metric's target, a decimal share in [0, 1]; reaching it (inclusive) means no deduction. */
  target: rateSchema,
  /** The share of the amount deducted when the metric is below target, a decimal share in [0, 1]. */
  deductionRate: rateSchema,
}));

/** The `performanceDeduction` cohort rule. */
export const performanceDeductionRule: CohortRuleKind<"performanceDeduction", typeof performanceDeductionRuleSchema> = {
  type: "performanceDeduction",
  schema: performanceDeductionRuleSchema,
  settle(term, s, rounding, steps) {
    const amount = need(s.amount, "amount");
    const value = metricOf(term.metric, s);
    const met = value.greaterThanOrEqualTo(term.target);
    const deduction = met ? money(0, amount.currency) : round(money(amount.amount.times(term.deductionRate), amount.currency), rounding);
    steps.push(
      step(
        "contracts.cohort.performance",
        met
          ? `${term.metric.toUpperCase()} ${pct(value)} reaches the target ${pct(term.target)} (inclusive): no deduction.`
          : `${term.metric.toUpperCase()} ${pct(value)} is below the target ${pct(term.target)}: ${pct(term.deductionRate)} of ${words(amount)} is deducted.`,
        { metric: value, target: term.target, deductionRate: term.deductionRate, amount },
        deduction
      )
    );
    const t = totals(amount, deduction);
    steps.push(step("contracts.cohort.net", `Payable: ${words(t.net)}.`, {}, t.net));
    return {
      currency: amount.currency,
      metric: { name: term.metric, value: value.toString() },
      decision: met ? "target met" : "below target: deduction",
      lines: [{ kind: "payment", label: "amount at stake", amount }, ...(met ? [] : [{ kind: "deduction" as const, label: "performance deduction", amount: deduction }])],
      totals: t,
      explanation: steps,
    };
  },
};
