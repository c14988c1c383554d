// The contract document: its header (currency, price, rounding, effective period) and
// its terms, whose schemas come from the kind registry (terms/registry.ts).
import * as z from "zod";
import { isoDateSchema, nonNegativeAmountSchema, roundingSchema } from "../core/index.js";
import { currencyCodeSchema } from "../core/index.js";
import { bonusTermSchema, paymentTermSchema, refundTermSchema, returnKind } from "./terms/registry.js";
import { outcomeDeclarationsSchema } from "./outcomes/declarations.js";
import { fractionOf } from "../money/index.js";
import { exactText, isExactShare, sumShares } from "./terms/schemas.js";
import { lazySchema } from "../kernel/lazy-schema.js";

export { conditionSchema, dueOffsetSchema, eventMatcherSchema, shareSchema, type ConditionTerms, type EventMatcher, type ExactShare } from "./terms/schemas.js";
export { installmentTermSchema, scheduleTermSchema } from "./terms/schedule.js";
export { financingTermSchema } from "./terms/financing.js";
export { perTreatedMonthTermSchema } from "./terms/per-treated-month.js";
export { bonusTermSchema, paymentTermSchema, refundTermSchema } from "./terms/registry.js";

/**
 * The period a contract version applies to patients starting treatment in: `[from, to)`; no `to` = open-ended.
 *
 * @category Contract Documents
 */
export const effectivePeriodSchema = lazySchema(() => z
  .strictObject({
    /** First treatment-start date (YYYY-MM-DD) the version applies to, inclusive. */
    from: isoDateSchema,
    /** The first treatment-start date (YYYY-MM-DD) it no longer applies to (exclusive), after `from`; null or absent: open-ended. */
    to: isoDateSchema.nullable().optional(),
  })
  .refine((p) => p.to === undefined || p.to === null || p.from < p.to, { message: "the effective period must end after it starts", path: ["to"] }));

/**
 * An outcome-based contract for one patient's treatment, as stored JSON. `price` is the
 * total price for `schedule`, the principal for `financing`, and the price per treated
 * month for `perTreatedMonth`.
 *
 * @category Contract Documents
 */
export const contractSchema = lazySchema(() => z
  .strictObject({
    /** The contract's identifier, quoted in every ledger line and error. */
    id: z.string().min(1),
    /** A readable name for reports. */
    name: z.string().optional(),
    /** The version label of this text of the contract. */
    version: z.string().optional(),
    /** The currency of the price and of every amount in the contract (ISO 4217), always stated. */
    currency: currencyCodeSchema,
    /** The total price (`schedule`), the principal (`financing`) or the price per treated month (`perTreatedMonth`). */
    price: nonNegativeAmountSchema,
    /** How each amount is rounded to the minor unit; half-up unless stated. */
    rounding: roundingSchema.default("half-up"),
    /** The treatment start dates this version applies to, `[from, to)`. */
    effective: effectivePeriodSchema.optional(),
    /** Outcome kinds beyond the built-in ones, with typed attributes (outcomes/declarations.ts). */
    outcomes: outcomeDeclarationsSchema.optional(),
    /** How the price is paid, by `type`: milestones, financing, per treated month or per cycle. */
    payment: paymentTermSchema,
    /** Bonuses on top of the price, each paid if its conditions hold. */
    bonuses: z.array(bonusTermSchema).default([]),
    /** Refunds and clawbacks triggered by events; their shares together at most 1. */
    refunds: z.array(refundTermSchema).default([]),
    /** Free text, not used in any calculation. */
    notes: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    // Across kinds: together the return terms may not give back more than was paid.
    // Exact (M3): 1 + 10⁻⁷⁰ is more than 1. (A refused share has its own issue.)
    if (!c.refunds.every((r) => isExactShare(returnKind(r.type).shareOf(r)))) return;
    const shares = c.refunds.map((r) => returnKind(r.type).shareOf(r));
    // A per-cycle non-responder refund returns part of the same payments.
    const cycleRefund = c.payment.type === "perCycle" ? c.payment.result?.nonResponderRefund : undefined;
    if (cycleRefund !== undefined) shares.push({ ...fractionOf(cycleRefund), text: cycleRefund.toString() });
    const total = sumShares(shares);
    if (total.num > total.den) {
      const text = exactText(total, shares);
      const which = cycleRefund !== undefined ? " (with the per-cycle nonResponderRefund)" : "";
      ctx.addIssue({ code: "custom", path: ["refunds"], message: `refund and clawback shares together${which} exceed 1 (${text}): more than was paid could be returned` });
    }
  }));

/**
 * A contract document as written in JSON (the input of {@link contractSchema}).
 *
 * @category Contract Documents
 */
export type ContractInput = z.input<typeof contractSchema>;
/**
 * A contract after schema validation (decimals parsed, defaults filled).
 *
 * @category Contract Documents
 */
export type ContractTerms = z.output<typeof contractSchema>;

/**
 * Versions of one contract: each with an effective period; periods may not overlap.
 * A patient is settled under the version in effect on the treatment start date.
 *
 * @category Contract Documents
 */
export const contractVersionsSchema = lazySchema(() => z
  .strictObject({
    /** Identifier of the versioned contract; optional. */
    id: z.string().min(1).optional(),
    /** The contract's versions, at least one; each has an effective period and the periods may not overlap. */
    versions: z.array(contractSchema).min(1),
  })
  .superRefine((set, ctx) => {
    set.versions.forEach((v, i) => {
      if (v.effective === undefined) ctx.addIssue({ code: "custom", path: ["versions", i, "effective"], message: "each version of a versioned contract needs an effective period" });
    });
    const order = set.versions
      .map((v, i) => ({ v, i }))
      .filter((x) => x.v.effective !== undefined)
      .sort((a, b) => (a.v.effective!.from < b.v.effective!.from ? -1 : a.v.effective!.from > b.v.effective!.from ? 1 : a.i - b.i));
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1]!;
      const next = order[k]!;
      const prevTo = prev.v.effective!.to ?? null;
      if (prevTo === null || prevTo > next.v.effective!.from) {
        ctx.addIssue({
          code: "custom",
          path: ["versions", next.i, "effective"],
          message: `version ${next.i} (from ${next.v.effective!.from}) overlaps version ${prev.i} (${prev.v.effective!.from} to ${prevTo ?? "open end"})`,
        });
      }
    }
  }));

/**
 * A versioned contract document as written in JSON.
 *
 * @category Contract Documents
 */
export type ContractVersionsInput = z.input<typeof contractVersionsSchema>;
