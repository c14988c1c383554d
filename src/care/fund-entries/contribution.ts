// Contributions as ledger entries: every contribution kind (fund-contributions/) moves the
// book the same way, so one helper makes each kind's entry record from its schema.
import { formatUnits } from "../../money/format.js";
import { contributionUnits, describeContribution, type Contribution } from "../fund-contributions/index.js";
import type { FundEntryKind } from "./kind.js";

/** The entry record of the contribution kind tagged `type`, whose schema is `schema`. */
export function contributionEntry<S, E extends Contribution>(type: E["kind"], schema: S): FundEntryKind<S, E> {
  return {
    type,
    schema,
    sameDayRank: 0,
    units: (e, ctx) => contributionUnits(e, ctx),
    apply(e, u, book, { currency }) {
      book.balance += u;
      book.paidIn += u;
      book.yearIn += u;
      book.bySource.set(e.source, (book.bySource.get(e.source) ?? 0n) + u);
      return { kind: "contribution", moved: u, text: `${e.date}: ${formatUnits(u, currency)} in from ${e.source} (${describeContribution(e)})`, rejection: null };
    },
    names: (e) => ({ source: e.source, paymentId: null, purpose: null }),
  };
}
