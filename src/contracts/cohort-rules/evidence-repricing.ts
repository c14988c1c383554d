// Cohort rule `evidenceRepricing` (K9, corrections C3): a real-world shortfall against the
// trial of at least `renegotiateAtGap` triggers a renegotiation — an explained, dated
// event; the price does not change at the trigger. A renegotiated price is an input with
// an effective date (the library never computes it); an upward finding is a committee
// decision that sets a new reimbursement ratio from its date; a product judged superior
// to the traditional technology may carry an uplift u with 0.10 ≤ u ≤ 0.15.
import * as z from "zod";
import { currencyCodeSchema, DomainError, isoDateSchema, nonNegativeAmountSchema, nonNegativeDecimalSchema, rateSchema, step } from "../../core/index.js";
import { money, round } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { common, type CohortRuleKind, need, pct, words } from "./rule-kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The bounds corrections C3 gives the superiority uplift (001 「價格上浮10%-15%」), inclusive.
 *
 * @category Cohort Rules
 */
export const SUPERIORITY_UPLIFT_RANGE = { min: "0.10", max: "0.15" } as const;

/**
 * `evidenceRepricing` (K9): `price` (per unit, e.g. a month) and, optionally, the fund's
 * `reimbursementRatio`. gap = trial ORR − real-world ORR (summary, exact decimals); gap ≥
 * `renegotiateAtGap` (inclusive) triggers a renegotiation dated `summary.realWorldRecordedOn`.
 * `renegotiatedPrices`: prices agreed afterwards, each from its `effective` date (on or
 * after the trigger). `ratioDecisions`: new ratios from their `decided` date (an upward
 * finding; the library does not test significance). `superiorityUplift`: u in [0.10, 0.15].
 * `serviceDates`: the dates to price.
 *
 * @category Cohort Rules
 */
export const evidenceRepricingRuleSchema = lazySchema(() => z
  .strictObject({
    /** Discriminator: `"evidenceRepricing"` (K9, repricing on real-world evidence 真实世界证据). */
    type: z.literal("evidenceRepricing"),
    ...common,
    /** Currency of the prices (ISO 4217 code). */
    currency: currencyCodeSchema,
    /** The listed price per unit (e.g. a month), in the rule's currency, ≥ 0, before any superiority uplift. */
    price: nonNegativeAmountSchema,
    /** The fund's reimbursement ratio (报销比例) before any ratio decision, a decimal share in [0, 1]; required when `ratioDecisions` are given. */
    reimbursementRatio: rateSchema.optional(),
    /** The shortfall trial ORR − real-world ORR (a decimal share in [0, 1]) at or above which a renegotiation is triggered (inclusive). */
    renegotiateAtGap: rateSchema,
    /** Prices agreed after a triggered renegotiation, each from its effective date; default none. */
    renegotiatedPrices: z
      .array(
        z.strictObject({
          /** The renegotiated price per unit, in the rule's currency, ≥ 0. */
          price: nonNegativeAmountSchema,
          /** The date the price applies from (YYYY-MM-DD), on or after the renegotiation trigger. */
          effective: isoDateSchema,
        })
      )
      .default([]),
    /** Committee decisions setting a new reimbursement ratio from their date (an upward finding); default none. */
    ratioDecisions: z
      .array(
        z.strictObject({
          /** The new reimbursement ratio, a decimal share in [0, 1]. */
          ratio: rateSchema,
          /** The date of the committee decision (YYYY-MM-DD); the ratio applies from it. */
          decided: isoDateSchema,
        })
      )
      .default([]),
    /** Price uplift (价格上浮) for a product judged superior to the traditional technology, a decimal in [0.10, 0.15]; none when absent. */
    superiorityUplift: nonNegativeDecimalSchema.optional(),
    /** The service dates (YYYY-MM-DD) to price; default none. */
    serviceDates: z.array(isoDateSchema).default([]),
  })
  .superRefine((t, ctx) => {
    const u = t.superiorityUplift;
    if (u !== undefined && (u.lessThan(SUPERIORITY_UPLIFT_RANGE.min) || u.greaterThan(SUPERIORITY_UPLIFT_RANGE.max))) {
      ctx.addIssue({
        code: "custom",
        path: ["superiorityUplift"],
        message: `a superiority uplift is between ${SUPERIORITY_UPLIFT_RANGE.min} and ${SUPERIORITY_UPLIFT_RANGE.max} inclusive (corrections C3), got ${u.toString()}`,
      });
    }
    if (t.ratioDecisions.length > 0 && t.reimbursementRatio === undefined) {
      ctx.addIssue({ code: "custom", path: ["reimbursementRatio"], message: "a ratio decision changes the reimbursement ratio: state the ratio in effect before it" });
    }
  }));

/** The latest entry whose date is on or before `date` (entries in any order). */
function inEffect<T>(list: readonly T[], dateOf: (x: T) => string, date: string): T | null {
  let best: T | null = null;
  for (const x of list) if (dateOf(x) <= date && (best === null || dateOf(x) >= dateOf(best))) best = x;
  return best;
}

/** The `evidenceRepricing` cohort rule. */
export const evidenceRepricingRule: CohortRuleKind<"evidenceRepricing", typeof evidenceRepricingRuleSchema> = {
  type: "evidenceRepricing",
  schema: evidenceRepricingRuleSchema,
  settle(term, s, rounding, steps) {
    const trial = need(s.trialOrr, "trialOrr");
    const real = need(s.realWorldOrr, "realWorldOrr");
    const cur = term.currency;
    const gap = trial.minus(real);
    const triggered = gap.greaterThanOrEqualTo(term.renegotiateAtGap);
    const recorded = triggered ? need(s.realWorldRecordedOn, "realWorldRecordedOn") : s.realWorldRecordedOn ?? null;
    const uplift = term.superiorityUplift ?? null;
    const listed = uplift === null ? money(term.price, cur) : round(money(term.price.times(new D(1).plus(uplift)), cur), rounding);
    if (uplift !== null) {
      steps.push(
        step(
          "contracts.cohort.uplift",
          `Judged more effective than the traditional technology: ${words(money(term.price, cur))} × (1 + ${uplift.toString()}) = ${words(listed)}.`,
          { price: money(term.price, cur), uplift },
          listed
        )
      );
    }
    if (triggered) {
      steps.push(
        step(
          "contracts.cohort.renegotiation",
          `Real-world ORR ${pct(real)}, recorded ${recorded}, is below the trial's ${pct(trial)} by ${pct(gap)} (≥ ${pct(
            term.renegotiateAtGap
          )}): a renegotiation of the price is triggered on ${recorded}. The price (${words(
            listed
          )}) and the reimbursement ratio do not change at the trigger; a renegotiated price applies from its effective date.`,
          { trialOrr: trial, realWorldOrr: real, gap, threshold: term.renegotiateAtGap, date: recorded ?? "" }
        )
      );
    } else {
      steps.push(
        step(
          "contracts.cohort.renegotiation",
          `Real-world ORR ${pct(real)} vs trial ${pct(trial)}: gap ${pct(gap)} is below ${pct(term.renegotiateAtGap)}; no renegotiation is triggered and the price stays ${words(listed)}.`,
          { trialOrr: trial, realWorldOrr: real, gap, threshold: term.renegotiateAtGap },
          listed
        )
      );
    }
    term.renegotiatedPrices.forEach((r, i) => {
      if (!triggered || (recorded !== null && r.effective < recorded)) {
        throw new DomainError(
          "INCONSISTENT_INPUT",
          triggered
            ? `a renegotiated price takes effect on or after the trigger (${recorded}), not ${r.effective}`
            : "a renegotiated price needs a triggered renegotiation: the gap does not reach the threshold",
          { path: ["terms", "renegotiatedPrices", i, "effective"] }
        );
      }
    });
    const onServiceDates = term.serviceDates.map((date) => {
      const reneg = inEffect(term.renegotiatedPrices, (r) => r.effective, date);
      const price = reneg === null ? listed : money(reneg.price, cur);
      const decision = inEffect(term.ratioDecisions, (r) => r.decided, date);
      const ratio = decision?.ratio ?? term.reimbursementRatio ?? null;
      const fund = ratio === null ? null : round(money(price.amount.times(ratio), cur), rounding);
      steps.push(
        step(
          "contracts.cohort.price-on",
          `Service on ${date}: price ${words(price)}${reneg === null ? "" : ` (renegotiated, from ${reneg.effective})`}${
            ratio === null ? "" : `; ratio ${ratio.toString()}${decision === null ? "" : ` (decided ${decision.decided})`}, fund ${words(fund!)}`
          }.`,
          { date },
          fund ?? price
        )
      );
      return { date, price, ratio: ratio === null ? null : ratio.toString(), fund };
    });
    return {
      currency: cur,
      metric: { name: "orrGap", value: gap.toString() },
      decision: triggered ? `renegotiation triggered ${recorded}` : "no renegotiation",
      adjustedPrice: listed,
      renegotiation: { triggered, date: triggered ? recorded : null, gap: gap.toString(), trialOrr: trial.toString(), realWorldOrr: real.toString(), threshold: term.renegotiateAtGap.toString() },
      onServiceDates,
      lines: [{ kind: "price", label: "listed price", amount: listed }],
      totals: { gross: listed, refunded: money(0, cur), net: listed },
      explanation: steps,
    };
  },
};
