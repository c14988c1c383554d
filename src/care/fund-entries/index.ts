// The registry of an earmarked fund's entry kinds: the entry union of the ledger's schema,
// the amounts, the same-day order, the book's movements and the line's names all read
// FUND_ENTRY_KINDS. A new contribution kind is one file in fund-contributions/ plus one
// entry here; another entry kind is one file in this folder plus one entry here.
import { kindLookup } from "../../kernel/kind-registry.js";
import { CONTRIBUTION_KINDS } from "../fund-contributions/index.js";
import { contributionEntry } from "./contribution.js";
import type { FundEntryKind } from "./kind.js";
import { paymentEntry } from "./payment.js";

export type { EntryEffect, FundBook, FundEntryKind } from "./kind.js";

/** Every entry kind, in the order the entry union lists them. */
export const FUND_ENTRY_KINDS = [
  contributionEntry("perCapita", CONTRIBUTION_KINDS.perCapita.schema),
  contributionEntry("lumpSum", CONTRIBUTION_KINDS.lumpSum.schema),
  paymentEntry,
] as const;

const entryKind = kindLookup(FUND_ENTRY_KINDS);

/** A parsed entry of any registered kind. */
export type FundEntry = Parameters<(typeof FUND_ENTRY_KINDS)[number]["apply"]>[0];

/** The record of a parsed entry's kind. */
export function fundEntryKind(e: FundEntry): FundEntryKind<unknown, FundEntry> {
  const kind = entryKind(e.kind) as FundEntryKind<unknown, FundEntry> | undefined;
  // A parsed entry always has a registered kind: the schema is the union of these records'.
  if (kind === undefined) throw new Error(`fund entry kind ${JSON.stringify(e.kind)} has no record`);
  return kind;
}
