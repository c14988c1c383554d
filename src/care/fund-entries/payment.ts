// Entry kind `payment`: money paid out of the fund for a claim or an allowance, never
// overdrawing it: above the balance it is rejected whole, or (payAvailable) paid up to it.
import * as z from "zod";
import { isoDateSchema, moneyOf } from "../../core/index.js";
import { formatUnits } from "../../money/format.js";
import { unitsOfMoneyIn } from "../../money/money-units.js";
import { lazySchema } from "../../kernel/lazy-schema.js";
import type { FundEntryKind } from "./kind.js";

/**
 * The zod schema of a payment out of the fund, naming the claim or allowance it pays.
 *
 * @category Earmarked Funds
 */
export const fundPaymentSchema = lazySchema(() => z
  .object({
    /** `"payment"`: money paid out of the fund. */
    kind: z.literal("payment"),
    /** The payment date (ISO calendar date). */
    date: isoDateSchema,
    /** The payment's id, unique within the ledger. */
    id: z.string().min(1),
    /** What it pays: a claim, or an allowance (003 「額外生活補助」). */
    for: z.union([
      z.strictObject({
        /** The id of the claim paid. */
        claim: z.string().min(1),
      }).strict(),
      z.strictObject({
        /** The id of the allowance paid. */
        allowance: z.string().min(1),
      }).strict(),
    ]),
    /** The amount requested, > 0, in the fund's currency. */
    amount: moneyOf({ above: "0" }),
  })
  .strict());

/** A parsed payment. */
export type FundPayment = z.output<typeof fundPaymentSchema>;

/** The `payment` kind. */
export const paymentEntry: FundEntryKind<typeof fundPaymentSchema, FundPayment> = {
  type: "payment",
  schema: fundPaymentSchema,
  sameDayRank: 1,
  units: (e, ctx) => unitsOfMoneyIn(e.amount, ctx.currency, [...ctx.path, "amount"]),
  apply(e, u, book, { currency: c, insufficientBalance }) {
    if (u <= book.balance) {
      book.balance -= u;
      book.paidOut += u;
      return { kind: "payment", moved: -u, text: `${e.date}: payment ${e.id} of ${formatUnits(u, c)} paid`, rejection: null };
    }
    const balance = book.balance;
    if (insufficientBalance === "payAvailable" && balance > 0n) {
      book.unpaid += u - balance;
      book.paidOut += balance;
      book.balance = 0n;
      return {
        kind: "partial",
        moved: -balance,
        text: `${e.date}: payment ${e.id} of ${formatUnits(u, c)} exceeds the balance ${formatUnits(balance, c)}: ${formatUnits(balance, c)} paid, ${formatUnits(u - balance, c)} unpaid`,
        rejection: "INSUFFICIENT_BALANCE",
      };
    }
    book.unpaid += u;
    return { kind: "rejected", moved: 0n, text: `${e.date}: payment ${e.id} of ${formatUnits(u, c)} exceeds the balance ${formatUnits(balance, c)}: rejected whole, nothing paid`, rejection: "INSUFFICIENT_BALANCE" };
  },
  names: (e) => ({ source: null, paymentId: e.id, purpose: "claim" in e.for ? `claim:${e.for.claim}` : `allowance:${e.for.allowance}` }),
};
