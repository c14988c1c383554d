// The recovery ledger (追回): one negative line per recovery, dated on the decision, naming
// the rule and the claim lines it recovers from. Unbundling recoveries and other recoveries
// (001's tests billed without indication) share it. Only recoveries enter it: an
// underpayment is reported where it is found and never netted against a recovery.
import * as z from "zod";
import { currencyCodeSchema, DomainError, type Explanation, isoDateSchema, moneyOf, parseInput, step, type Step } from "../core/index.js";
import { formatMoney, fromMinorUnits as cash, type Money } from "../money/index.js";
import { unitsOfMoneyIn } from "../money/money-units.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The zod schema of one recovery (as {@link detectUnbundling} produces them, or entered by hand).
 *
 * @category Unbundling and Recovery
 */
export const recoveryEntrySchema = lazySchema(() => z
  .object({
    /** The decision date. */
    date: isoDateSchema,
    /** The rule recovered under, e.g. `care.unbundling.CAR-T-PKG` or `care.recovery.no-indication`. */
    rule: z.string().min(1),
    /** What is recovered for: an episode id, a case number. */
    reference: z.string().min(1),
    /** The claim lines recovered from. */
    lineIds: z.array(z.string().min(1)).min(1),
    /** The amount recovered (> 0). Underpayments never enter the ledger. */
    recovered: moneyOf({ above: "0" }),
    /** What the fund paid on those lines: the recovery is at most this. */
    fundPaid: moneyOf({ min: "0" }),
    /** Why the money is recovered, in words. */
    reason: z.string().optional(),
  })
  .strict());

/**
 * A recovery as stored (JSON) or produced by {@link detectUnbundling}.
 *
 * @category Unbundling and Recovery
 */
export type RecoveryEntryInput = z.input<typeof recoveryEntrySchema>;

/**
 * The zod schema of {@link recoveryLedger}'s input.
 *
 * @category Unbundling and Recovery
 */
export const recoveryLedgerInputSchema = lazySchema(() => z
  .object({
    /** The currency of every amount (ISO 4217); required. */
    currency: currencyCodeSchema,
    /** The recoveries (追回), one per rule and reference. */
    entries: z.array(recoveryEntrySchema),
  })
  .strict());

/**
 * One line of the recovery ledger.
 *
 * @category Unbundling and Recovery
 */
export interface RecoveryLine {
  readonly date: string;
  readonly kind: "recovery";
  readonly rule: string;
  readonly reference: string;
  readonly lineIds: readonly string[];
  /** The cash effect on the provider: negative. */
  readonly amount: Money;
  readonly fundPaid: Money;
  readonly explanation: Step;
}

/**
 * Result of {@link recoveryLedger}.
 *
 * @category Unbundling and Recovery
 */
export interface RecoveryLedger {
  readonly currency: string;
  /** In date order; same date: input order. */
  readonly lines: readonly RecoveryLine[];
  /** Σ line amounts (≤ 0). */
  readonly net: Money;
  /** What was recovered (= −net). */
  readonly recovered: Money;
  readonly explanation: Explanation;
}

/**
 * Writes recoveries as ledger lines: each a negative amount dated on its decision, naming
 * the rule and lines, never more than the fund paid on those lines. A claim line is
 * recovered from by one entry at most (two entries naming it could together recover more
 * than was paid on it); an entry in another currency is `CURRENCY_MISMATCH`.
 *
 * @example
 * ```ts
 * recoveryLedger({ currency: "CNY", entries: [{
 *   date: "2026-06-30", rule: "care.recovery.no-indication", reference: "case-17", lineIds: ["L1"],
 *   recovered: { amount: "5000", currency: "CNY" }, fundPaid: { amount: "5000", currency: "CNY" },
 * }] }).net; // CNY -5000.00
 * ```
 *
 * @category Unbundling and Recovery
 * @param input - the named arguments, parsed with `recoveryLedgerInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `recoveryLedgerInputSchema` (the issue names the field path)
 * @throws {DomainError} INCONSISTENT_INPUT when a recovery exceeds what the fund paid on its lines, or a rule and reference, or a claim line, is recovered twice
 */
export function recoveryLedger(input: z.input<typeof recoveryLedgerInputSchema>): RecoveryLedger {
  const x = parseInput(recoveryLedgerInputSchema, input, "recoveryLedger");
  const c = x.currency;
  const lineOwner = new Map<string, number>();
  const keyOwner = new Map<string, number>();
  let total = 0n;
  const lines = x.entries.map((e, i): RecoveryLine & { i: number } => {
    const recovered = unitsOfMoneyIn(e.recovered, c, ["entries", i, "recovered"]);
    const paid = unitsOfMoneyIn(e.fundPaid, c, ["entries", i, "fundPaid"]);
    if (recovered > paid) {
      throw new DomainError("INCONSISTENT_INPUT", `the recovery ${formatMoney(e.recovered)} exceeds what the fund paid on the lines, ${formatMoney(e.fundPaid)}`, { path: ["entries", i, "recovered"] });
    }
    const key = JSON.stringify([e.rule, e.reference]);
    const sameKey = keyOwner.get(key);
    if (sameKey !== undefined) throw new DomainError("INCONSISTENT_INPUT", `${e.rule} for ${e.reference} is already recovered by entries[${sameKey}]`, { path: ["entries", i, "reference"] });
    keyOwner.set(key, i);
    e.lineIds.forEach((id, j) => {
      const owner = lineOwner.get(id);
      if (owner !== undefined) throw new DomainError("INCONSISTENT_INPUT", `claim line ${JSON.stringify(id)} is already recovered from by entries[${owner}]`, { path: ["entries", i, "lineIds", j] });
      lineOwner.set(id, i);
    });
    total += recovered;
    const amount = cash(-recovered, c);
    return {
      i,
      date: e.date,
      kind: "recovery",
      rule: e.rule,
      reference: e.reference,
      lineIds: [...e.lineIds],
      amount,
      fundPaid: cash(paid, c),
      explanation: step(
        "care.recovery.line",
        `${e.date}: ${formatMoney(cash(recovered, c))} recovered under ${e.rule} for ${e.reference} from line(s) ${e.lineIds.join(", ")} (fund paid ${formatMoney(cash(paid, c))})${e.reason ? `: ${e.reason}` : ""}.`,
        { rule: e.rule, reference: e.reference, lineIds: [...e.lineIds], fundPaid: cash(paid, c) },
        amount,
      ),
    };
  });
  lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  const net = cash(-total, c);
  return {
    currency: c,
    lines: lines.map(({ i: _i, ...line }) => line),
    net,
    recovered: cash(total, c),
    explanation: [
      ...lines.map((l) => l.explanation),
      step("care.recovery.total", `${lines.length} recovery line(s): ${formatMoney(cash(total, c))} recovered in all; underpayments are not netted.`, { lines: lines.length }, net),
    ],
  };
}
