// Payment kind `schedule` (K1–K3): milestones / installments, shares of the price.
import * as z from "zod";
import { allocateUnits } from "../../money/index.js";
import { describeOffset } from "../calendar.js";
import { type PayingTermKind, parseConditions } from "./kind.js";
import { draftInstallments, installmentsTotal, type ParsedInstallment } from "./installment-lines.js";
import { conditionSchema, dueOffsetSchema, exactText, isExactShare, shareSchema, shareWords, sumShares } from "./schemas.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * One installment or milestone of a price: its share, when it falls due, and the conditions it is paid on.
 *
 * @category Term Kinds
 */
export const installmentTermSchema = lazySchema(() => z.strictObject({
  /** A stable identifier of the installment, used in ledger lines; defaults to its position. */
  id: z.string().min(1).optional(),
  /** A readable label for ledgers and explanations. */
  label: z.string().min(1).optional(),
  /** The share of the price this installment pays: a decimal ("0.3") or an exact fraction ("1/3"); the shares of a schedule sum to exactly 1. */
  share: shareSchema,
  /** When it falls due, as an offset from the treatment start (calendar months, then days). */
  due: dueOffsetSchema,
  /** Conditions that must hold on the due date for it to be paid; otherwise it is withheld. */
  conditions: z.array(conditionSchema).default([]),
}));

/**
 * Milestones / installments: shares of the price (summing to exactly 1) due at offsets, each with conditions.
 *
 * @category Term Kinds
 */
export const scheduleTermSchema = lazySchema(() => z
  .strictObject({
    /** Payment type `schedule` (分期付款 / 里程碑付款): installments or milestones as shares of the price. */
    type: z.literal("schedule"),
    /** The installments or milestones, in any order. */
    installments: z.array(installmentTermSchema).min(1),
  })
  .superRefine((s, ctx) => {
    // Exact rational sum: 1/3 + 1/3 + 1/3 is 1, 0.3333333333 × 3 is not. (A refused share has its own issue.)
    if (!s.installments.every((i) => isExactShare(i.share))) return;
    const total = sumShares(s.installments.map((i) => i.share));
    if (total.num !== total.den) {
      const text = exactText(total, s.installments.map((i) => i.share));
      ctx.addIssue({ code: "custom", path: ["installments"], message: `installment shares must sum to exactly 1 (100%), got ${text}` });
    }
  }));

/**
 * A schedule after parsing: the installments with their amounts allocated from the price.
 *
 * @category Term Kinds
 */
export interface ParsedSchedule {
  readonly kind: "schedule";
  readonly type: "installments";
  readonly source: "schedule";
  readonly installments: readonly ParsedInstallment[];
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The `schedule` payment kind. */
export const scheduleKind: PayingTermKind<"schedule", typeof scheduleTermSchema, ParsedSchedule> = {
  type: "schedule",
  schema: scheduleTermSchema,
  prepare(term, ctx) {
    const list = term.installments;
    // Largest remainder on exact weights (each share over the common denominator): the
    // parts sum to the price exactly, and 3 × 1/3 of 320,000.00 is .67 / .67 / .66.
    let den = 1n;
    for (const i of list) den = (den / gcd(den, i.share.den)) * i.share.den;
    const parts = allocateUnits(ctx.priceUnits, list.map((i) => i.share.num * (den / i.share.den)));
    return {
      kind: "schedule",
      type: "installments",
      source: "schedule",
      installments: list.map((inst, k) => {
        const units = parts[k] as bigint;
        const conditions = parseConditions(inst.conditions, ctx, [...ctx.path, "installments", k, "conditions"]);
        return {
          id: inst.id ?? `installment-${k + 1}`,
          label: inst.label ?? `Installment ${k + 1} (${shareWords(inst.share)} of the price, due ${describeOffset(inst.due)})`,
          units,
          amount: ctx.toMoney(units),
          share: inst.share,
          shareText: inst.share.text,
          due: inst.due,
          conditions,
          conditionLabels: conditions.map((x) => x.label),
        };
      }),
    };
  },
  maxUnits: (p) => installmentsTotal(p.installments),
  draft: (p, ctx) => draftInstallments(p.installments, ctx),
};
