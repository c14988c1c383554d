// The interface every entry kind of an earmarked fund's ledger implements: contributions
// (one record per contribution kind, contribution.ts) and payments (payment.ts).
import type { Rounding } from "../../money/index.js";

/** The running figures of a fund's ledger, in minor units (mutable, local to one run). */
export interface FundBook {
  balance: bigint;
  paidIn: bigint;
  paidOut: bigint;
  unpaid: bigint;
  /** The calendar year `yearIn` counts, as "YYYY" ("" before the first entry). */
  year: string;
  /** Contributions dated in `year` so far. */
  yearIn: bigint;
  /** Contributions per source, in the order sources first appear. */
  readonly bySource: Map<string, bigint>;
}

/** What applying an entry did: its line kind, its cash effect and its sentence (without the balance). */
export interface EntryEffect {
  readonly kind: "contribution" | "payment" | "partial" | "rejected";
  /** Cash effect on the balance: + in, − out, 0 when rejected. */
  readonly moved: bigint;
  readonly text: string;
  readonly rejection: "INSUFFICIENT_BALANCE" | null;
}

/** What an entry's amount may read. */
export interface EntryContext {
  readonly currency: string;
  readonly rounding: Rounding;
  readonly path: readonly (string | number)[];
}

/** What applying an entry may read. */
export interface EntryPolicy {
  readonly currency: string;
  readonly insufficientBalance: "rejectWhole" | "payAvailable";
}

/** An entry kind: its schema, its amount, where it sorts on a day, how it moves the book and what its line names. Internal. */
export interface FundEntryKind<S, E extends { readonly kind: string }> {
  /** The tag (`kind`) this record declares. */
  readonly type: E["kind"];
  /** The entry's schema, a strict object tagged by `kind`. */
  readonly schema: S;
  /** Rank on one day under `sameDay: "contributionsFirst"` (lower first; equal ranks keep input order). */
  readonly sameDayRank: number;
  /** The amount asked (the contribution, or the payment requested) in minor units; a currency mismatch or sub-minor amount is a typed error at `path`. */
  units(e: E, ctx: EntryContext): bigint;
  /** Moves the book by the entry's `units`. */
  apply(e: E, units: bigint, book: FundBook, policy: EntryPolicy): EntryEffect;
  /** The line's contribution source, payment id and purpose (null where they do not apply). */
  names(e: E): { readonly source: string | null; readonly paymentId: string | null; readonly purpose: string | null };
}
