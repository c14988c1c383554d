// What each kind of ledger line means, in one table: where it sorts on its date, which
// ledger total it adds to, and what a statement books it as. The drafting order
// (ledger-drafts.ts), the ledger's totals (draftTotals) and the statements
// (statements/statement.ts) all read this table, so a new line kind is one entry here.
import type { LedgerLineKind, MinorUnitLedgerTotals } from "./ledger.js";

/** The ledger totals a line adds to directly (gross and net follow from them). */
export type LineTotal = keyof Pick<MinorUnitLedgerTotals, "payments" | "bonuses" | "refunded" | "withheld">;

/** The statement figure a line is booked under (due, paid and net follow from the flags). */
export type LineStatementFigure = "payments" | "bonuses" | "withheld" | "refunded" | "clawedBack";

/** What one kind of ledger line means for ordering, totals and statements. Internal. */
export interface LineKindRecord {
  /** The order of kinds on one date (lower first; equal ranks keep the order the rules produced them). */
  readonly rank: number;
  /**
   * What the line's total and statement figure count: the line's cash amount (`units`),
   * or, for a withheld line, what it would have paid (`withheld`).
   */
  readonly counts: "units" | "withheld";
  /** The sign the counted amount takes in its total and figure: refunds carry negative amounts and are totalled as positive ones. */
  readonly sign: 1n | -1n;
  /** The ledger total the line adds to. */
  readonly total: LineTotal;
  /** The statement figure the line is booked under. */
  readonly statement: LineStatementFigure;
  /** Whether the counted amount fell due in the period (a statement's `due`). */
  readonly due: boolean;
  /** Whether the line's cash amount was paid (a statement's `paid`). */
  readonly paid: boolean;
  /** Whether the line's cash amount moves the statement's `net` (withheld lines carry none). */
  readonly cash: boolean;
}

/** Every ledger line kind: payments, bonuses, withheld, then refunds and clawbacks on one date. */
export const LINE_KINDS: Readonly<Record<LedgerLineKind, LineKindRecord>> = {
  payment: { rank: 0, counts: "units", sign: 1n, total: "payments", statement: "payments", due: true, paid: true, cash: true },
  bonus: { rank: 1, counts: "units", sign: 1n, total: "bonuses", statement: "bonuses", due: true, paid: true, cash: true },
  withheld: { rank: 2, counts: "withheld", sign: 1n, total: "withheld", statement: "withheld", due: true, paid: false, cash: false },
  refund: { rank: 3, counts: "units", sign: -1n, total: "refunded", statement: "refunded", due: false, paid: false, cash: true },
  clawback: { rank: 3, counts: "units", sign: -1n, total: "refunded", statement: "clawedBack", due: false, paid: false, cash: true },
};
