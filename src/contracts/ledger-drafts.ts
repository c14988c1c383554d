// The contract rules for one patient, in integer minor units. Both the explained
// evaluation (evaluateContract) and the bulk path (evaluateContractMinorUnits) draft
// their ledger here, so the two cannot disagree on an amount. Every term's kind drafts
// its own lines (terms/*.ts, found through terms/registry.ts); sentences are drafted as
// thunks, so the bulk path never pays for formatting them.
import { DomainError, type Issue, ValidationError } from "../core/index.js";
import type { ParsedOutcomes } from "./outcomes/declarations.js";
import { checkDeclaredEvent, declaredEventFits, undeclaredKindIssue } from "./outcomes/declared-events.js";
import { eventLookup } from "./conditions.js";
import { checkHistory, type OutcomeEvent, type PatientHistory } from "./events.js";
import type { MinorUnitLedgerTotals } from "./ledger.js";
import { LINE_KINDS, type LineTotal } from "./line-kinds.js";
import { isParsedContractVersions, type ParsedContract, type ParsedContractVersions } from "./parse-contract.js";
import type { Draft, DraftContext, PaidMonth } from "./terms/kind.js";
import { bonusKind, paymentKind, returnKind } from "./terms/registry.js";
import { draftReturns, type TriggeredReturn } from "./terms/returns.js";

export type { Draft, DraftWords } from "./terms/kind.js";

/** A patient's drafted ledger: the terms applied, the events considered, the lines in ledger order. */
export interface DraftLedger {
  readonly terms: ParsedContract;
  readonly start: string;
  /** Events up to `asOf`. */
  readonly known: readonly OutcomeEvent[];
  /** Events after `asOf`, left out. */
  readonly ignored: number;
  readonly drafts: readonly Draft[];
}

/** Ledger order: by date, then by the kinds' rank (payments, bonuses, withheld, refunds), then in the order the rules produced them. */
function ledgerOrder(a: Draft, b: Draft): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : LINE_KINDS[a.kind].rank - LINE_KINDS[b.kind].rank || a.seq - b.seq;
}

/** Picks the version in effect on the treatment start date. */
function selectVersion(contract: ParsedContract | ParsedContractVersions, start: string): ParsedContract {
  if (!isParsedContractVersions(contract)) {
    if (contract.effective === null || (contract.effective.from <= start && (contract.effective.to === null || start < contract.effective.to))) return contract;
  }
  const list = isParsedContractVersions(contract) ? contract.versions : [contract];
  for (const v of list) {
    if (v.effective === null) return v;
    if (v.effective.from <= start && (v.effective.to === null || start < v.effective.to)) return v;
  }
  const periods = list.map((v) => `[${v.effective?.from}, ${v.effective?.to ?? "open"})`).join(", ");
  throw new DomainError("NO_APPLICABLE_TERMS", `no contract version is in effect on the treatment start ${start} (versions: ${periods})`, {
    path: ["events", 0, "date"],
    details: { start },
  });
}

/** The issues of the listed events of kinds that are not built in, against the declarations of the version applied. */
function declaredEventIssues(history: PatientHistory, outcomes: ParsedOutcomes): Issue[] {
  const issues: Issue[] = [];
  for (const i of history.custom) {
    const e = history.events[i] as unknown as Record<string, unknown>;
    const kind = outcomes.kinds.get(e.kind as string);
    if (kind === undefined) issues.push(undeclaredKindIssue(outcomes, e.kind, ["events", i]));
    // checkHistory has checked the date; the path is only built for an event with a problem.
    else if (!declaredEventFits(e, kind)) checkDeclaredEvent(e, kind, ["events", i], issues, true);
  }
  return issues;
}

/**
 * Drafts one patient's ledger up to `asOf` from a parsed contract and raw events
 * (validated here). Lines come sorted: by date, then payments, bonuses, withheld,
 * refunds, then in the order the rules produced them.
 */
export function draftLedger(contract: ParsedContract | ParsedContractVersions, events: unknown, asOf: string): DraftLedger {
  // Kinds that are not built in are let through the first check only when some version
  // declares outcome kinds; they are then checked against the version that applies.
  const versioned = isParsedContractVersions(contract);
  const declares = versioned ? contract.versions.some((v) => v.outcomes.kinds.size > 0) : contract.outcomes.kinds.size > 0;
  // One contract: its declarations apply whatever the start, so declared events are
  // tested in the same pass as the history and only those that fail are listed; their
  // issues are still raised after the history's own problems and the version check, as
  // for versions.
  const history = versioned || !declares ? checkHistory(events, declares) : checkHistory(events, true, contract.outcomes.kinds, declaredEventFits);
  const start = history.start;
  const c = selectVersion(contract, start);
  if (history.custom.length > 0) {
    const issues = declaredEventIssues(history, c.outcomes);
    // One contract lists only events its fit test refused: the error stands even in the
    // odd case the full check finds nothing to say (an inherited attribute, say).
    if (issues.length > 0 || !versioned) throw new ValidationError(issues, "evaluateContract");
  }
  let known = history.events;
  let ignored = 0;
  // In date order: when the last event is on or before asOf, all are known.
  const last = known[known.length - 1];
  if (last !== undefined && last.date > asOf) for (let i = 0; i < known.length; i++) {
    if ((known[i] as OutcomeEvent).date > asOf) {
      ignored = known.length - i;
      known = known.slice(0, i);
      break;
    }
  }
  const drafts: Draft[] = [];
  let seq = 0;
  const paidMonths: PaidMonth[] = [];
  const returns: DraftContext["returns"] = [];
  const ctx: DraftContext = {
    returns,
    contract: c,
    start,
    asOf,
    known,
    lookup: eventLookup(known),
    money: c.formatUnits,
    dueDate: c.dueDate,
    paidMonths,
    drafts,
    emit: (d) => {
      // The kinds hand over a fresh object literal: numbering it in place spares a copy per line.
      (d as { seq?: number }).seq = seq++;
      drafts.push(d as Draft);
    },
  };

  if (known.length > 0) {
    // The payment first (per-month bonuses read the months it paid), then bonuses, then
    // the refunds and clawbacks, which return shares of what was paid.
    paymentKind(c.payment.kind).draft(c.payment, ctx);
    for (const b of c.bonuses) bonusKind(b.kind).draft(b, ctx);
    if (c.refunds.length > 0 || returns.length > 0) {
      // Made when the first term is triggered: most patients trigger none.
      let triggered: TriggeredReturn[] | null = null;
      for (const r of c.refunds) {
        const event = returnKind(r.kind).trigger(r, ctx);
        if (event !== null) (triggered ??= []).push({ term: r, event });
      }
      for (const r of returns) {
        const event = r.trigger(ctx);
        if (event !== null) (triggered ??= []).push({ term: r.term, event });
      }
      if (triggered !== null) draftReturns(triggered, ctx);
    }
  }

  // The kinds draft in date order as a rule: a check in place is cheaper than a sort that finds nothing to move.
  for (let i = 1; i < drafts.length; i++) {
    if (ledgerOrder(drafts[i - 1] as Draft, drafts[i] as Draft) > 0) {
      drafts.sort(ledgerOrder);
      break;
    }
  }
  return { terms: c, start, known, ignored, drafts };
}

/** The ledger's totals: withheld lines count what they would have paid; refunds count as positive. */
export function draftTotals(drafts: readonly Draft[]): MinorUnitLedgerTotals {
  const sums: Record<LineTotal, bigint> = { payments: 0n, bonuses: 0n, refunded: 0n, withheld: 0n };
  for (const d of drafts) {
    const k = LINE_KINDS[d.kind];
    sums[k.total] += k.sign * (k.counts === "units" ? d.units : d.withheldUnits ?? 0n);
  }
  const { payments, bonuses, refunded, withheld } = sums;
  const gross = payments + bonuses;
  return { payments, bonuses, gross, refunded, net: gross - refunded, withheld };
}
