import { DomainError } from "../core/index.js";
import { addOffset, type DueOffset } from "./calendar.js";
import type { OutcomeEvent } from "./events.js";
import type { ParsedCondition } from "./terms/kind.js";
import { attributesPass } from "./outcomes/attribute-tests.js";
import { checkCount, checkSustained } from "./outcomes/condition-kinds.js";
import type { DeadlineSpec } from "./terms/kind.js";
import { milestoneAtDeadline, type MilestoneStatus } from "./outcomes/outcome-conditions.js";
import type { EventMatcher } from "./contract-schema.js";

/** True when the event is one the matcher looks for. */
export function matches(m: EventMatcher, e: OutcomeEvent): boolean {
  if (m.kind !== e.kind) return false;
  if (m.minGrade !== undefined && m.minGrade > 1) {
    if (e.grade === undefined) {
      // A missing grade cannot be compared; guessing either way would move money silently.
      throw new DomainError("INCONSISTENT_INPUT", `${e.kind} on ${e.date} has no grade, but a term asks for grade ≥ ${m.minGrade}`, {
        details: { kind: e.kind, date: e.date },
      });
    }
    if (e.grade < m.minGrade) return false;
  }
  if (m.responses !== undefined && (e.response === undefined || !m.responses.includes(e.response))) return false;
  if (m.tests !== undefined && !attributesPass(m.tests, e.attributes)) return false;
  return true;
}

/** True when any of the matchers accepts the event. */
export function matchesAny(list: readonly EventMatcher[], e: OutcomeEvent): boolean {
  for (const m of list) if (matches(m, e)) return true;
  return false;
}

/** The first event in [from, through] that any matcher accepts, or null. Events are in date order. */
export function firstMatch(matchers: readonly EventMatcher[], events: readonly OutcomeEvent[], from: string, through: string): OutcomeEvent | null {
  // Events are in date order: when the first is not before `from` (the treatment start,
  // as a rule), no event is, and one comparison replaces one per event.
  const first = events[0];
  if (first !== undefined && first.date >= from) {
    for (const e of events) {
      if (e.date > through) break;
      for (const m of matchers) if (matches(m, e)) return e;
    }
    return null;
  }
  for (const e of events) {
    if (e.date > through) break;
    if (e.date < from) continue;
    for (const m of matchers) if (matches(m, e)) return e;
  }
  return null;
}

/**
 * A patient's events with, for long histories, the positions of each kind: lookups then
 * cost a binary search instead of a scan of the whole history (a per-treated-month
 * contract with tens of thousands of events checks conditions once per line).
 *
 * @category Outcome Events
 */
export interface EventLookup {
  readonly events: readonly OutcomeEvent[];
  /** Positions in `events` of each kind, ascending; null for short histories (a scan is cheaper). */
  readonly byKind: ReadonlyMap<string, readonly number[]> | null;
}

/** Histories shorter than this are scanned; an index would cost more than it saves. */
const INDEX_FROM = 32;

/** Indexes a history (events in date order) for {@link findFirst}. */
export function eventLookup(events: readonly OutcomeEvent[]): EventLookup {
  if (events.length < INDEX_FROM) return { events, byKind: null };
  const byKind = new Map<string, number[]>();
  for (let i = 0; i < events.length; i++) {
    const kind = (events[i] as OutcomeEvent).kind;
    const list = byKind.get(kind);
    if (list === undefined) byKind.set(kind, [i]);
    else list.push(i);
  }
  return { events, byKind };
}

/**
 * {@link firstMatch} on an indexed history: the same event (or the same error for a
 * missing grade), found in O(matchers · log n) plus the events of the matched kinds
 * skipped for their attributes.
 */
export function findFirst(lookup: EventLookup | readonly OutcomeEvent[], matchers: readonly EventMatcher[], from: string, through: string): OutcomeEvent | null {
  if (Array.isArray(lookup)) return firstMatch(matchers, lookup as readonly OutcomeEvent[], from, through);
  const { events, byKind } = lookup as EventLookup;
  if (byKind === null) return firstMatch(matchers, events, from, through);
  // The scan returns the first event (in history order) some matcher accepts or throws
  // on, trying matchers in order on each event: keep the least (position, matcher).
  let best = -1;
  let bestMatcher: EventMatcher | null = null;
  for (const m of matchers) {
    const list = byKind.get(m.kind);
    if (list === undefined) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((events[list[mid] as number] as OutcomeEvent).date < from) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo; j < list.length; j++) {
      const pos = list[j] as number;
      if (best !== -1 && pos >= best) break;
      const e = events[pos] as OutcomeEvent;
      if (e.date > through) break;
      const gradeless = m.minGrade !== undefined && m.minGrade > 1 && e.grade === undefined;
      if (gradeless || matches(m, e)) {
        best = pos;
        bestMatcher = m;
        break;
      }
    }
  }
  if (best === -1) return null;
  const hit = events[best] as OutcomeEvent;
  // Throws the missing-grade error exactly where the scan would.
  matches(bestMatcher as EventMatcher, hit);
  return hit;
}

/** The outcome of checking conditions on a date: all held, or the first that failed. */
export type ConditionCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly condition: ParsedCondition;
      readonly event: OutcomeEvent | null;
      /** For a `some` condition: a matching event recorded after the window closed (`windowEnd`), if any. */
      readonly outside?: { readonly event: OutcomeEvent; readonly windowEnd: string };
      /** For count, sustained and byDeadline conditions: what was found, in words. */
      readonly detail?: string;
    };

const OK: ConditionCheck = { ok: true };

/** Checks conditions on `onDate`, counting events from `start` through `onDate` (or the condition's own window end). */
export function checkConditions(
  conditions: readonly ParsedCondition[],
  events: readonly OutcomeEvent[] | EventLookup,
  start: string,
  onDate: string,
  dueDate: (start: string, offset: DueOffset) => string = addOffset,
): ConditionCheck {
  for (const c of conditions) {
    let through = onDate;
    if (c.within !== null) {
      const end = dueDate(start, c.within);
      if (end < through) through = end;
    }
    if (c.type === "count" || c.type === "sustained" || c.type === "byDeadline") {
      const list = Array.isArray(events) ? (events as readonly OutcomeEvent[]) : (events as EventLookup).events;
      if (c.type === "count" && c.rolling === null && countHolds(c, list, start, through)) continue;
      const r = checkOutcomeCondition(c, list, start, onDate, through, dueDate);
      if (r !== null) return r;
      continue;
    }
    const hit = findFirst(events, c.events, start, through);
    if (c.type === "none" && hit !== null) return { ok: false, condition: c, event: hit };
    if (c.type === "some" && hit === null) {
      // Say so when the event exists but came too late (a CR on day 31 for a day-30 condition).
      let late: OutcomeEvent | null = null;
      try {
        late = findFirst(events, c.events, start, "9999-12-31");
      } catch {
        late = null; // a later event without a grade cannot be compared; the failure stands as it is
      }
      if (late !== null && late.date > through) return { ok: false, condition: c, event: null, outside: { event: late, windowEnd: through } };
      return { ok: false, condition: c, event: null };
    }
  }
  return OK;
}

/**
 * A count condition without a rolling window, counted in place (no list, no closures):
 * the common case on the bulk path. When it fails, checkCount counts again to word it.
 */
function countHolds(c: Extract<ParsedCondition, { type: "count" }>, events: readonly OutcomeEvent[], start: string, through: string): boolean {
  let n = 0;
  // In date order and, in a validated history, none before the start: see firstMatch.
  const all = events.length === 0 || (events[0] as OutcomeEvent).date >= start;
  for (const e of events) {
    if (e.date > through) break;
    if ((all || e.date >= start) && matchesAny(c.events, e)) n++;
  }
  return (c.atLeast === null || n >= c.atLeast) && (c.atMost === null || n <= c.atMost);
}

/** The count, sustained and byDeadline conditions: null when it holds, else the failure. */
function checkOutcomeCondition(
  c: Extract<ParsedCondition, { type: "count" | "sustained" | "byDeadline" }>,
  events: readonly OutcomeEvent[],
  start: string,
  onDate: string,
  through: string,
  dueDate: (start: string, offset: DueOffset) => string,
): ConditionCheck | null {
  if (c.type === "count") {
    const rolling = c.rolling;
    const r = checkCount({
      events, matches: (e) => matchesAny(c.events, e), what: c.what, from: start, through,
      atLeast: c.atLeast, atMost: c.atMost, rolling, rollingEnd: rolling === null ? null : (d) => dueDate(d, rolling),
    });
    return r.ok ? null : { ok: false, condition: c, event: r.event, detail: r.detail };
  }
  if (c.type === "sustained") {
    const span = c.span;
    const gap = c.maxGap;
    const r = checkSustained({
      events, evidence: (e) => matchesAny(c.evidence, e), interrupts: (e) => matchesAny(c.interruptedBy, e), what: c.what, from: start, through,
      span, spanEnd: (d) => dueDate(d, span), maxGapEnd: gap === null ? null : (d) => dueDate(d, gap),
    });
    return r.ok ? null : { ok: false, condition: c, event: r.event, detail: r.detail };
  }
  const date = deadlineDate(c.spec, start, dueDate);
  if (onDate < date) {
    throw new DomainError("INCONSISTENT_INPUT", `"${c.label}" is checked on ${onDate}, before its deadline ${date}: a payment that waits for a deadline falls due on or after it`, {
      path: ["contract", ...c.spec.path],
      details: { checkedOn: onDate, deadline: date },
    });
  }
  const o = deadlineStatus(c.spec, { date, known: events, start, dueDate });
  return o.counts === "missed" ? { ok: false, condition: c, event: null, detail: o.say() } : null;
}

/**
 * The deadline's date for a patient. An absolute date before treatment start is a
 * DomainError `INCONSISTENT_INPUT` at the term's `by.date` (under `contract`).
 */
export function deadlineDate(spec: DeadlineSpec, start: string, dueDate: (start: string, o: DueOffset) => string): string {
  if ("offset" in spec.by) return dueDate(start, spec.by.offset);
  if (spec.by.date < start) {
    throw new DomainError("INCONSISTENT_INPUT", `the deadline ${spec.by.date} is before the treatment start ${start}: nothing could be achieved by then`, {
      path: ["contract", ...spec.path, "by", "date"],
      details: { deadline: spec.by.date, start },
    });
  }
  return spec.by.date;
}

/**
 * How a deadline stood when it passed.
 *
 * @category Outcome Events
 */
export interface DeadlineOutcome {
  readonly date: string;
  readonly status: MilestoneStatus;
  readonly counts: "met" | "missed";
  /** The last assessment on file by the deadline, if the term names one. */
  readonly lastAssessment: OutcomeEvent | null;
  /** In words: how it was met, or what was missing. */
  readonly words: string;
}

/** A {@link DeadlineOutcome} without its last assessment, and with its words made on demand (the bulk path rarely asks). */
export interface DeadlineStatus extends Omit<DeadlineOutcome, "words" | "lastAssessment"> {
  /** The outcome in words (as {@link DeadlineOutcome.words}). */
  readonly say: () => string;
}

/** The last assessment on file by `date`, if the deadline names one. */
function lastAssessmentBy(spec: DeadlineSpec, known: readonly OutcomeEvent[], date: string): OutcomeEvent | null {
  let last: OutcomeEvent | null = null;
  if (spec.assessment !== null) {
    for (const e of known) {
      if (e.date > date) break;
      if (matchesAny(spec.assessment.events, e)) last = e;
    }
  }
  return last;
}

/** True when the milestone counts as missed on its deadline `date`: {@link deadlineStatus}'s `counts`, without its words or objects. */
export function deadlineMissed(spec: DeadlineSpec, args: { readonly date: string; readonly known: readonly OutcomeEvent[]; readonly start: string; readonly dueDate: (start: string, o: DueOffset) => string }): boolean {
  if (checkConditions(spec.milestones, args.known, args.start, args.date, args.dueDate).ok) return false;
  const last = lastAssessmentBy(spec, args.known, args.date);
  return milestoneAtDeadline({ held: false, assessed: spec.assessment === null ? null : last !== null, ifMissing: spec.assessment?.ifMissing ?? null }).counts === "missed";
}

/** Where the milestone stands on its deadline `date` (≤ asOf), from the events up to it; words on demand. */
export function deadlineStatus(spec: DeadlineSpec, args: { readonly date: string; readonly known: readonly OutcomeEvent[]; readonly start: string; readonly dueDate: (start: string, o: DueOffset) => string }): DeadlineStatus {
  const check = checkConditions(spec.milestones, args.known, args.start, args.date, args.dueDate);
  const date = args.date;
  // A milestone met needs no assessment: the last one on file is looked up only when it was not.
  const last = check.ok ? null : lastAssessmentBy(spec, args.known, date);
  const { status, counts } = milestoneAtDeadline({ held: check.ok, assessed: spec.assessment === null ? null : last !== null, ifMissing: spec.assessment?.ifMissing ?? null });
  const say = (): string => {
    if (status === "met") return `"${spec.milestoneLabel}" was met by ${date}`;
    if (status === "missed") {
      const detail = check.ok ? "" : (check.detail ?? (check.event === null ? "no such event recorded" : `${check.event.kind} on ${check.event.date}`));
      return `"${spec.milestoneLabel}" was not met by ${date}: ${detail}${last !== null ? `; last assessment on file: ${last.kind}${last.response ? ` ${last.response}` : ""} on ${last.date}` : ""}`;
    }
    return `no assessment (${spec.assessment!.words}) was recorded by ${date}, so "${spec.milestoneLabel}" could not be shown; the contract counts a missing assessment as ${counts}`;
  };
  return { date, status, counts, say };
}

/** Where the milestone stands on its deadline `date` (≤ asOf), from the events up to it. */
export function deadlineStanding(spec: DeadlineSpec, args: { readonly date: string; readonly known: readonly OutcomeEvent[]; readonly start: string; readonly dueDate: (start: string, o: DueOffset) => string }): DeadlineOutcome {
  const o = deadlineStatus(spec, args);
  return { date: o.date, status: o.status, counts: o.counts, lastAssessment: lastAssessmentBy(spec, args.known, args.date), words: o.say() };
}
