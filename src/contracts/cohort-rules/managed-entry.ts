// Cohort rule `managedEntry` (K11: per-cycle pricing with non-responder refunds, success fee or cost sharing).
import * as z from "zod";
import { currencyCodeSchema, DomainError, nonNegativeAmountSchema, rateSchema, step } from "../../core/index.js";
import { type Dec, type Money, money, round } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { common, need, pct, totals, type CohortLine, type CohortRuleKind, words } from "./rule-kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * `managedEntry` (K11): per-cycle pricing with non-responder refunds, success fee or cost sharing.
 *
 * @category Cohort Rules
 */
export const managedEntryRuleSchema = lazySchema(() => z.strictObject({
  /** Discriminator: `"managedEntry"` (K11, managed entry agreement with per-cycle pricing). */
  type: z.literal("managedEntry"),
  ...common,
  /** Currency of the price (ISO 4217 code); always stated. */
  currency: currencyCodeSchema,
  /** The full price of one treatment cycle, in the rule's currency, ≥ 0. */
  pricePerCycle: nonNegativeAmountSchema,
  /** Cycles given before the response evaluation, 1–1000. */
  cyclesBeforeEvaluation: z.number().int().min(1).max(1000),
  /** `paid`: the payer pays every patient's pre-evaluation cycles up front; `free`: the drug is free up front and only responders' cycles are paid at evaluation (success fee). Default `paid`. */
  upfront: z.enum(["paid", "free"]).default("paid"),
  /** With `upfront: "paid"`, the share of non-responders' pre-evaluation cycles the manufacturer refunds, a decimal share in [0, 1]; default 0. */
  nonResponderRefund: rateSchema.default(() => new D(0)),
  /** A discount on the first cycles (cost sharing); none when absent. */
  discount: z
    .strictObject({
      /** How many cycles from the first are discounted, 1–1000. */
      firstCycles: z.number().int().min(1).max(1000),
      /** The discount on those cycles, a decimal share in [0, 1] of the price per cycle. */
      rate: rateSchema,
    })
    .optional(),
}));

/** The `managedEntry` cohort rule. */
export const managedEntryRule: CohortRuleKind<"managedEntry", typeof managedEntryRuleSchema> = {
  type: "managedEntry",
  schema: managedEntryRuleSchema,
  settle(term, s, rounding, steps) {
    const cur = term.currency;
    const patients = need(s.patients, "patients");
    const nonResponders = need(s.nonResponders, "nonResponders");
    if (nonResponders > patients) throw new DomainError("INCONSISTENT_INPUT", `nonResponders (${nonResponders}) exceeds patients (${patients})`, { path: ["summary", "nonResponders"] });
    const after = s.cyclesAfterEvaluation ?? 0;
    const responders = patients - nonResponders;
    const cycle = (k: number): Dec => (term.discount !== undefined && k <= term.discount.firstCycles ? term.pricePerCycle.times(new D(1).minus(term.discount.rate)) : term.pricePerCycle);
    let pre = new D(0);
    for (let k = 1; k <= term.cyclesBeforeEvaluation; k++) pre = pre.plus(cycle(k));
    // Cycles after the evaluation in closed form (a loop over them would run for as many
    // cycles as the summary claims): the discounted ones first, the rest at full price.
    const discountedAfter = term.discount === undefined ? 0 : Math.max(0, Math.min(term.discount.firstCycles - term.cyclesBeforeEvaluation, after));
    const post = cycle(1)
      .times(discountedAfter)
      .plus(term.pricePerCycle.times(after - discountedAfter));
    const preM = round(money(pre, cur), rounding);
    const postM = round(money(post, cur), rounding);
    const lines: CohortLine[] = [];
    let gross: Money;
    let refunded = money(0, cur);
    if (term.upfront === "paid") {
      const upfront = money(preM.amount.times(patients), cur);
      gross = money(upfront.amount.plus(postM.amount.times(responders)), cur);
      lines.push({ kind: "payment", label: `${patients} patients × ${term.cyclesBeforeEvaluation} cycles before evaluation`, amount: upfront });
      steps.push(
        step(
          "contracts.cohort.mea.upfront",
          `${patients} patients × ${words(preM)} (cycles 1–${term.cyclesBeforeEvaluation}) = ${words(upfront)} paid up front.`,
          { patients, perPatient: preM },
          upfront
        )
      );
      if (term.nonResponderRefund.greaterThan(0) && nonResponders > 0) {
        refunded = round(money(preM.amount.times(nonResponders).times(term.nonResponderRefund), cur), rounding);
        lines.push({ kind: "refund", label: "refund on non-responders' pre-evaluation cycles", amount: refunded });
        steps.push(
          step(
            "contracts.cohort.mea.refund",
            `${nonResponders} non-responders × ${words(preM)} × ${pct(term.nonResponderRefund)} = ${words(refunded)} refunded by the manufacturer.`,
            { nonResponders, refundRate: term.nonResponderRefund },
            refunded
          )
        );
      }
    } else {
      const paid = money(preM.amount.times(responders), cur);
      gross = money(paid.amount.plus(postM.amount.times(responders)), cur);
      lines.push({ kind: "payment", label: `responders' ${term.cyclesBeforeEvaluation} cycles before evaluation (success fee)`, amount: paid });
      steps.push(
        step(
          "contracts.cohort.mea.success-fee",
          `Drug free up front; at evaluation the payer pays ${responders} responders × ${words(preM)} = ${words(paid)}; non-responders' cycles cost nothing.`,
          { responders, perPatient: preM },
          paid
        )
      );
    }
    if (after > 0 && responders > 0) {
      const later = money(postM.amount.times(responders), cur);
      lines.push({ kind: "payment", label: `responders' ${after} cycles after evaluation (full price)`, amount: later });
      steps.push(
        step(
          "contracts.cohort.mea.after",
          `${responders} responders × ${words(postM)} (cycles ${term.cyclesBeforeEvaluation + 1}–${term.cyclesBeforeEvaluation + after}) = ${words(later)}.`,
          { responders, cyclesAfterEvaluation: after },
          later
        )
      );
    }
    const t = totals(gross, refunded);
    steps.push(step("contracts.cohort.net", `Gross ${words(t.gross)}, refunded ${words(t.refunded)}, net ${words(t.net)}.`, {}, t.net));
    return {
      currency: cur,
      metric: { name: "nonResponders", value: String(nonResponders) },
      decision: term.upfront === "free" ? "success fee" : term.nonResponderRefund.isZero() ? "no outcome refund" : `refund ${pct(term.nonResponderRefund)} for non-responders`,
      lines,
      totals: t,
      explanation: steps,
    };
  },
};
