import type { Explanation, Step } from "../core/index.js";
import type { Money } from "../money/index.js";

/**
 * What a ledger line records. Refunds and clawbacks carry negative amounts; withheld lines carry zero.
 *
 * @category Ledgers
 */
export type LedgerLineKind = "payment" | "bonus" | "withheld" | "refund" | "clawback";

/**
 * The condition that failed and, for a "none" condition, the event that broke it.
 *
 * @category Ledgers
 */
export interface FailedCondition {
  /** The condition in words, e.g. "no CRS since treatment start". */
  readonly condition: string;
  /** The event that made it fail; null when a required event never happened. */
  readonly event: { readonly kind: string; readonly date: string } | null;
  /** When a required event did happen, but after the window closed on `windowEnd`. */
  readonly outsideWindow?: { readonly kind: string; readonly date: string; readonly windowEnd: string };
  /** What was found, when the condition counts or follows events over time: "1 hospitalisation recorded …; at least 2 required". */
  readonly detail?: string;
}

/**
 * One dated line of a patient's ledger.
 *
 * @category Ledgers
 */
export interface LedgerLine {
  /** The date the line takes effect (`YYYY-MM-DD`). */
  readonly date: string;
  readonly kind: LedgerLineKind;
  /** The id of the term that produced the line (`installment-2`, `clawback-1`; several joined by `+`). */
  readonly termId: string;
  /** The term in words. */
  readonly label: string;
  /** Cash effect on the manufacturer: + paid, − refunded or clawed back, 0 when withheld. The lines' amounts sum to the net. */
  readonly amount: Money;
  /** For withheld lines: what would have been paid. */
  readonly withheld?: Money;
  /** For withheld lines: why. */
  readonly failedCondition?: FailedCondition;
  /** The step explaining this line. */
  readonly explanation: Step;
}

/**
 * Totals of a ledger; all non-negative except when nothing was paid (then zero).
 *
 * @category Ledgers
 */
export interface LedgerTotals {
  /** Scheduled and per-month payments made. */
  readonly payments: Money;
  /** Bonuses paid. */
  readonly bonuses: Money;
  /** payments + bonuses. */
  readonly gross: Money;
  /** Refunds and clawbacks, as a positive amount. */
  readonly refunded: Money;
  /** gross − refunded: what the manufacturer keeps. */
  readonly net: Money;
  /** Scheduled amounts not paid because a condition failed. */
  readonly withheld: Money;
}

/**
 * {@link LedgerTotals} in integer minor units (fen, cents), as the bulk path reports them.
 *
 * @category Ledgers
 */
export interface MinorUnitLedgerTotals {
  readonly payments: bigint;
  readonly bonuses: bigint;
  readonly gross: bigint;
  readonly refunded: bigint;
  readonly net: bigint;
  readonly withheld: bigint;
}

/**
 * The result of {@link evaluateContract}: a patient's ledger up to an as-of date.
 *
 * @category Ledgers
 */
export interface ContractEvaluation {
  readonly contractId: string;
  /** The version label of the terms applied, if the contract has one. */
  readonly version: string | null;
  readonly currency: string;
  readonly asOf: string;
  readonly treatmentStart: string;
  /** Dated lines in date order; on one date: payments, bonuses, withheld, then refunds. */
  readonly lines: readonly LedgerLine[];
  readonly totals: LedgerTotals;
  readonly explanation: Explanation;
}
