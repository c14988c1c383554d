// Cohort rule `outcomeTiers` (K6: the amount paid at the share of the band the metric falls in).
import * as z from "zod";
import { bandedTableSchema, lookupBand, rateSchema, step } from "../../core/index.js";
import { type Dec, money, round } from "../../money/index.js";
import { common, metricSchema, metricOf, need, pct, totals, type CohortRuleKind, words } from "./rule-kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * `outcomeTiers` (K6): the amount is paid at the share of the band the metric falls in
 * (a banded table over [0, 1] with no gap).
 *
 * @category Cohort Rules
 */
export const outcomeTiersRuleSchema = lazySchema(() => z.strictObject({
  /** Discriminator: `"outcomeTiers"` (K6, payment by outcome band). */
  type: z.literal("outcomeTiers"),
  ...common,
  /** The cohort metric banded: `orr` (objective response rate 客观缓解率) or `pfsRate` (progression-free survival rate 无进展生存率). */
  metric: metricSchema,
  /** Bands over [0, 1] of the metric, with no gap, each giving the share of the amount paid (a decimal in [0, 1]). */
  table: bandedTableSchema(rateSchema),
}));

/** The `outcomeTiers` cohort rule. */
export const outcomeTiersRule: CohortRuleKind<"outcomeTiers", typeof outcomeTiersRuleSchema> = {
  type: "outcomeTiers",
  schema: outcomeTiersRuleSchema,
  settle(term, s, rounding, steps) {
    const amount = need(s.amount, "amount");
    const value = metricOf(term.metric, s);
    const band = lookupBand(term.table, value, ["summary", term.metric]);
    const share = band.value as Dec;
    const pay = round(money(amount.amount.times(share), amount.currency), rounding);
    const interval = `[${band.from?.toString() ?? "−∞"}, ${band.to?.toString() ?? "+∞"}${band.index === term.table.bands.length - 1 && term.table.domain.max !== null ? "]" : ")"}`;
    steps.push(step("contracts.cohort.tier", `${term.metric} ${pct(value)} falls in band ${interval}: ${pct(share)} of ${words(amount)} is paid.`, { metric: value, share, amount }, pay));
    const withheld = money(amount.amount.minus(pay.amount), amount.currency);
    return {
      currency: amount.currency,
      metric: { name: term.metric, value: value.toString() },
      decision: `band ${interval} → ${share.toString()}`,
      lines: [{ kind: "payment", label: `tier ${interval}`, amount: pay }],
      totals: { gross: pay, refunded: money(0, amount.currency), net: pay },
      explanation: [...steps, step("contracts.cohort.tier-withheld", `Not paid under the tier table: ${words(withheld)}.`, {}, withheld)],
    };
  },
};
