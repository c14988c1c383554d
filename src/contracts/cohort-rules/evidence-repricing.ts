// Cohort rule `evidenceRepricing` (K9: real-world vs trial evidence changes the price).
import * as z from "zod";
import { currencyCodeSchema, nonNegativeAmountSchema, rateSchema, step } from "../../core/index.js";
import { money, round } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { common, need, pct, totals, type CohortRuleKind } from "./rule-kind.js";

/**
 * `evidenceRepricing` (K9): the first rule whose real-world vs trial gap is met changes the price.
 */
export const evidenceRepricingRuleSchema = z.strictObject({
  type: z.literal("evidenceRepricing"),
  ...common,
  currency: currencyCodeSchema.default("CNY"),
  price: nonNegativeAmountSchema,
  rules: z
    .array(
      z.strictObject({
        realWorld: z.enum(["belowTrial", "aboveTrial"]),
        byAtLeast: rateSchema,
        priceChange: rateSchema,
      })
    )
    .min(1),
});

/** The `evidenceRepricing` cohort rule. */
export const evidenceRepricingRule: CohortRuleKind<"evidenceRepricing", typeof evidenceRepricingRuleSchema> = {
  type: "evidenceRepricing",
  schema: evidenceRepricingRuleSchema,
  settle(term, s, rounding, steps) {
    const trial = need(s.trialOrr, "trialOrr");
    const real = need(s.realWorldOrr, "realWorldOrr");
    const cur = term.currency;
    const price = money(term.price, cur);
    const gap = trial.minus(real);
    let adjusted = price;
    let decision = "no change";
    for (const rule of term.rules) {
      const hit = rule.realWorld === "belowTrial" ? gap.greaterThanOrEqualTo(rule.byAtLeast) : gap.negated().greaterThanOrEqualTo(rule.byAtLeast);
      if (!hit) continue;
      const factor = rule.realWorld === "belowTrial" ? new D(1).minus(rule.priceChange) : new D(1).plus(rule.priceChange);
      adjusted = round(money(price.amount.times(factor), cur), rounding);
      decision = `${rule.realWorld === "belowTrial" ? "price cut" : "price raised"} by ${pct(rule.priceChange)}`;
      steps.push(
        step(
          "contracts.cohort.reprice",
          `Real-world ORR ${pct(real)} is ${rule.realWorld === "belowTrial" ? "below" : "above"} the trial's ${pct(trial)} by ${pct(gap.abs())} (≥ ${pct(
            rule.byAtLeast
          )}): ${price.toString()} × ${factor.toString()} = ${adjusted.toString()}.`,
          { trialOrr: trial, realWorldOrr: real, gap, byAtLeast: rule.byAtLeast, priceChange: rule.priceChange },
          adjusted
        )
      );
      break;
    }
    if (decision === "no change") {
      steps.push(
        step(
          "contracts.cohort.reprice",
          `Real-world ORR ${pct(real)} vs trial ${pct(trial)} (gap ${pct(gap)}): no rule applies, the price stays ${price.toString()}.`,
          { trialOrr: trial, realWorldOrr: real, gap },
          price
        )
      );
    }
    return {
      currency: cur,
      metric: { name: "orrGap", value: gap.toString() },
      decision,
      adjustedPrice: adjusted,
      lines: [{ kind: "price", label: "price after repricing", amount: adjusted }],
      totals: { gross: adjusted, refunded: money(0, cur), net: adjusted },
      explanation: steps,
    };
  },
};
