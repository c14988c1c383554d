// Earmarked funds (专项基金): a ledger of contributions by source and payments, with a
// balance carried over, no overdraft (a payment above the balance is rejected whole) and
// an alarm while the balance is at or below the floor (警戒线; reaching it alarms, C7).
import * as z from "zod";
import { currencyCodeSchema, type Explanation, isoDateSchema, parseInput, roundingSchema, step, type Step } from "../core/index.js";
import { formatMoney, fromMinorUnits as cash, type Money } from "../money/index.js";
import { formatUnits } from "../money/format.js";
import { unitsOfMoneyIn } from "../money/money-units.js";
import { FUND_ENTRY_KINDS, fundEntryKind, type FundBook } from "./fund-entries/index.js";
import { kindSchemas } from "../kernel/kind-registry.js";
import { describeFloor, floorUnits, fundFloorSchema } from "./fund-floors/index.js";
import { lazySchema } from "../kernel/lazy-schema.js";

export { fundPaymentSchema } from "./fund-entries/payment.js";

/**
 * The zod schema of an earmarked fund document.
 *
 * @category Earmarked Funds
 */
export const earmarkedFundSchema = lazySchema(() => z
  .object({
    /** The fund's id (专项基金). */
    id: z.string().min(1),
    /** A display name for the fund. */
    name: z.string().optional(),
    /** Every amount of the fund is in this currency; another is `CURRENCY_MISMATCH`. */
    currency: currencyCodeSchema,
    /** The alarm floor (警戒线): a fixed amount or a share of the year's contributions. */
    floor: fundFloorSchema,
  })
  .strict());

/**
 * The zod schema of {@link earmarkedFundLedger}'s input.
 *
 * @category Earmarked Funds
 */
export const earmarkedFundLedgerInputSchema = lazySchema(() => z
  .object({
    /** The fund: id, currency and floor. */
    fund: earmarkedFundSchema,
    /** Contributions and payments, any order: sorted by date; on one day contributions first, then payments in input order. */
    entries: z.array(z.discriminatedUnion("kind", kindSchemas(FUND_ENTRY_KINDS))),
    /** Entries dated after this are left out; default: every entry. */
    asOf: isoDateSchema.optional(),
    /** Same-day order **[fixed]**: contributions before payments (default), or strictly the input order. */
    sameDay: z.enum(["contributionsFirst", "inputOrder"]).default("contributionsFirst"),
    /** A payment above the balance **[fixed]**: rejected whole (default), or paid up to the balance with the rest unpaid. Never an overdraft. */
    insufficientBalance: z.enum(["rejectWhole", "payAvailable"]).default("rejectWhole"),
    /** Rounding of per-capita contributions and of a share-of-year floor; half-up by default. */
    rounding: roundingSchema.default("half-up"),
  })
  .strict());

/**
 * An earmarked fund's input as stored (JSON).
 *
 * @category Earmarked Funds
 */
export type EarmarkedFundLedgerInput = z.input<typeof earmarkedFundLedgerInputSchema>;

/**
 * One line of the fund ledger, after it was applied.
 *
 * @category Earmarked Funds
 */
export interface FundLedgerLine {
  /** Position of the entry in the input. */
  readonly index: number;
  readonly date: string;
  /** `rejected`: a payment above the balance, not paid; `partial`: paid up to the balance (`payAvailable` only). */
  readonly kind: "contribution" | "payment" | "partial" | "rejected";
  /** The contribution's source, or null for payments. */
  readonly source: string | null;
  /** The payment's id, or null for contributions. */
  readonly paymentId: string | null;
  /** What the payment is for (`claim:…` / `allowance:…`), or null. */
  readonly purpose: string | null;
  /** What was asked: the contribution, or the payment requested. */
  readonly requested: Money;
  /** Cash effect on the balance: + in, − out, 0 when rejected. */
  readonly amount: Money;
  /** The balance after the line. */
  readonly balance: Money;
  /** The floor after the line. */
  readonly floor: Money;
  /** True while balance ≤ floor. */
  readonly alarm: boolean;
  /** `INSUFFICIENT_BALANCE` for a rejected or partial payment, else null. */
  readonly rejection: "INSUFFICIENT_BALANCE" | null;
}

/**
 * Result of {@link earmarkedFundLedger}.
 *
 * @category Earmarked Funds
 */
export interface EarmarkedFundLedger {
  readonly fundId: string;
  readonly currency: string;
  /** The last date applied (the as-of date when given). */
  readonly asOf: string | null;
  /** In the order applied. */
  readonly lines: readonly FundLedgerLine[];
  /** Contributions per source, in the order sources first appear. */
  readonly contributionsBySource: readonly { readonly source: string; readonly amount: Money }[];
  readonly totals: {
    readonly contributions: Money;
    readonly payments: Money;
    /** Requested amounts not paid (rejected payments, and the unpaid rest of partial ones). */
    readonly unpaid: Money;
    /** contributions − payments. */
    readonly balance: Money;
  };
  /** The floor and alarm as of `asOf` (or after the last line). */
  readonly floor: Money;
  readonly alarm: boolean;
  /** Each date the alarm switched on or off. */
  readonly alarmChanges: readonly { readonly date: string; readonly alarm: boolean; readonly balance: Money; readonly floor: Money }[];
  /** Entries dated after `asOf`, not applied. */
  readonly notYetApplied: number;
  readonly explanation: Explanation;
}

/**
 * Runs an earmarked fund's ledger: contributions (per capita or lump sums by source) and
 * payments, in date order (same day: contributions first, then payments in input order).
 * A payment above the balance is rejected whole; the balance is never negative. The
 * alarm is on while the balance is at or below the floor (an amount, or a share of the
 * calendar year's contributions so far).
 *
 * @example
 * ```ts
 * const cny = (amount: string) => ({ amount, currency: "CNY" });
 * earmarkedFundLedger({
 *   fund: { id: "rare-disease", currency: "CNY", floor: { kind: "shareOfYear", share: 0.05 } },
 *   entries: [
 *     { kind: "perCapita", date: "2026-01-01", source: "insurance", insured: 500000, ratePerPerson: cny("20") },
 *     { kind: "payment", date: "2026-04-30", id: "p1", for: { claim: "c1" }, amount: cny("9500000") },
 *   ],
 * }).alarm; // true (balance 500,000.00 = floor 500,000.00)
 * ```
 *
 * @category Earmarked Funds
 * @param input - the named arguments, parsed with `earmarkedFundLedgerInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `earmarkedFundLedgerInputSchema` (the issue names the field path)
 * @throws {ValidationError} `sub_minor_unit` when an amount is finer than the currency allows (a payment the balance cannot cover is a rejected line, not an error)
 */
export function earmarkedFundLedger(input: EarmarkedFundLedgerInput): EarmarkedFundLedger {
  const x = parseInput(earmarkedFundLedgerInputSchema, input, "earmarkedFundLedger");
  const c = x.fund.currency;
  // Currencies first, in input order, so the first offending field is the one reported.
  const units = x.entries.map((e, i) => fundEntryKind(e).units(e, { currency: c, rounding: x.rounding, path: ["entries", i] }));
  if (x.fund.floor.kind === "amount") unitsOfMoneyIn(x.fund.floor.amount, c, ["fund", "floor", "amount"]);
  const order = x.entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => x.asOf === undefined || e.date <= x.asOf)
    .sort((a, b) => {
      if (a.e.date !== b.e.date) return a.e.date < b.e.date ? -1 : 1;
      if (x.sameDay === "contributionsFirst") {
        const ka = fundEntryKind(a.e).sameDayRank;
        const kb = fundEntryKind(b.e).sameDayRank;
        if (ka !== kb) return ka - kb;
      }
      return a.i - b.i;
    });
  const label = x.fund.name ?? x.fund.id;
  const steps: Step[] = [
    step(
      "care.fund.rule",
      `${label}: balance = contributions − payments, carried over; a payment above the balance is ${x.insufficientBalance === "rejectWhole" ? "rejected whole" : "paid up to the balance"}; alarm while the balance ≤ the floor (${describeFloor(x.fund.floor)}).`,
      { fund: x.fund.id, currency: c, sameDay: x.sameDay, insufficientBalance: x.insufficientBalance },
    ),
  ];
  const book: FundBook = { balance: 0n, paidIn: 0n, paidOut: 0n, unpaid: 0n, year: "", yearIn: 0n, bySource: new Map<string, bigint>() };
  const policy = { currency: c, insufficientBalance: x.insufficientBalance };
  const lines: FundLedgerLine[] = [];
  const changes: EarmarkedFundLedger["alarmChanges"][number][] = [];
  let alarm: boolean | null = null;
  const floorAt = (date: string) => {
    if (date.slice(0, 4) !== book.year) {
      book.year = date.slice(0, 4);
      book.yearIn = 0n;
    }
    return floorUnits(x.fund.floor, { currency: c, rounding: x.rounding, path: ["fund", "floor"], yearContributions: book.yearIn });
  };
  for (const { e, i } of order) {
    const u = units[i]!;
    const req = cash(u, c);
    floorAt(e.date); // opens the year before counting this entry
    const kindOf = fundEntryKind(e);
    const { kind, moved, text, rejection } = kindOf.apply(e, u, book, policy);
    const balance = book.balance;
    const floor = floorAt(e.date);
    const on = balance <= floor;
    // One Money per figure per line: the same values go to the line, the change list and the step.
    const bal = cash(balance, c);
    const fl = cash(floor, c);
    const mv = cash(moved, c);
    if (alarm !== on) {
      if (alarm !== null || on) changes.push({ date: e.date, alarm: on, balance: bal, floor: fl });
      alarm = on;
    }
    const { source, paymentId, purpose } = kindOf.names(e);
    lines.push({
      index: i,
      date: e.date,
      kind,
      source,
      paymentId,
      purpose,
      requested: req,
      amount: mv,
      balance: bal,
      floor: fl,
      alarm: on,
      rejection,
    });
    steps.push(step(`care.fund.${kind}`, `${text}; balance ${formatUnits(balance, c)}, floor ${formatUnits(floor, c)}${on ? ": alarm (balance ≤ floor)" : ""}.`, { entry: i, balance: bal, floor: fl, alarm: on }, mv));
  }
  const { balance, paidIn, paidOut, unpaid, bySource } = book;
  const last = x.asOf ?? lines[lines.length - 1]?.date ?? null;
  const finalFloor = last === null ? floorUnits(x.fund.floor, { currency: c, rounding: x.rounding, path: ["fund", "floor"], yearContributions: 0n }) : floorAt(last);
  const finalAlarm = balance <= finalFloor;
  if (last !== null && alarm !== null && alarm !== finalAlarm) changes.push({ date: last, alarm: finalAlarm, balance: cash(balance, c), floor: cash(finalFloor, c) });
  steps.push(
    step(
      "care.fund.balance",
      `Balance ${formatUnits(balance, c)} = contributions ${formatMoney(cash(paidIn, c))} − payments ${formatMoney(cash(paidOut, c))}${last === null ? "" : ` as of ${last}`}; floor ${formatMoney(cash(finalFloor, c))}: ${finalAlarm ? "alarm" : "no alarm"}.`,
      { contributions: cash(paidIn, c), payments: cash(paidOut, c), unpaid: cash(unpaid, c), floor: cash(finalFloor, c), alarm: finalAlarm },
      cash(balance, c),
    ),
  );
  return {
    fundId: x.fund.id,
    currency: c,
    asOf: last,
    lines,
    contributionsBySource: [...bySource].map(([source, amount]) => ({ source, amount: cash(amount, c) })),
    totals: { contributions: cash(paidIn, c), payments: cash(paidOut, c), unpaid: cash(unpaid, c), balance: cash(balance, c) },
    floor: cash(finalFloor, c),
    alarm: finalAlarm,
    alarmChanges: changes,
    notYetApplied: x.entries.length - order.length,
    explanation: steps,
  };
}
