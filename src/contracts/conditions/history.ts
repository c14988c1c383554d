// Reading a patient's history for conditions: whether an event is one a matcher looks
// for, the first such event in a window, and the per-patient index by kind (with the
// remembered answers) that lets a condition read only the events of the kinds it names.
// Every condition type reads events through these.
import { DomainError } from "../../core/index.js";
import type { OutcomeEvent } from "../events.js";
import { attributesPass } from "../outcomes/attribute-tests.js";
import type { EventMatcher } from "./parts.js";
import type { ParsedCondition } from "./registry.js";

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
 * A patient's events indexed by kind, made once per patient: each kind's events are
 * chained in date order, so a condition reads only the events of the kinds it names
 * (a "no death" check on a history without a death reads nothing) instead of scanning
 * the whole history once per term; a per-treated-month contract with tens of thousands
 * of events checks conditions once per line.
 *
 * @category Outcome Events
 */
export interface EventLookup {
  readonly events: readonly OutcomeEvent[];
  /** The distinct kinds in the history (a contract's vocabulary is small: found by a linear search). */
  readonly kinds: readonly string[];
  /** `head[k]`: the position of the first event of `kinds[k]`. */
  readonly head: readonly number[];
  /** `next[i]`: the position of the next event of the kind of event i, or -1. */
  readonly next: readonly number[];
  /** The patient's answers to remembered conditions (filled as they are first checked). */
  readonly answers: RememberedAnswer[];
}

/**
 * What decides a remembered condition for one patient, on any date: a condition without a
 * window of its own is answered once per patient and read on every due date.
 *
 * @category Outcome Events
 */
export interface RememberedAnswer {
  /** The condition answered. */
  readonly condition: ParsedCondition;
  /** none / some: the first matching event; count: the atLeast-th matching event (null when atLeast is null or 0). */
  readonly first: OutcomeEvent | null;
  /** count: the (atMost + 1)-th matching event, the first one over the limit. */
  readonly over: OutcomeEvent | null;
}

/** Indexes a history (events in date order) for {@link findFirst} and {@link checkConditions}. */
export function eventLookup(events: readonly OutcomeEvent[]): EventLookup {
  const kinds: string[] = [];
  const head: number[] = [];
  const next: number[] = new Array<number>(events.length);
  // From the last event back, so each chain is built by pushing on its front.
  for (let i = events.length - 1; i >= 0; i--) {
    const kind = (events[i] as OutcomeEvent).kind;
    let k = 0;
    while (k < kinds.length && kinds[k] !== kind) k++;
    if (k === kinds.length) {
      kinds.push(kind);
      head.push(-1);
    }
    next[i] = head[k] as number;
    head[k] = i;
  }
  return { events, kinds, head, next, answers: [] };
}

/** The patient's answer to a remembered condition, or undefined before its first check. */
export function answerFor(lookup: EventLookup, c: ParsedCondition): RememberedAnswer | undefined {
  for (const a of lookup.answers) if (a.condition === c) return a;
  return undefined;
}

/** Keeps the patient's answer to a remembered condition, worked out on its first check. */
export function remember(lookup: EventLookup, condition: ParsedCondition, first: OutcomeEvent | null, over: OutcomeEvent | null): RememberedAnswer {
  const a = { condition, first, over };
  lookup.answers.push(a);
  return a;
}

/** The position of the first event of `kind`, or -1. */
export function headOf(lookup: EventLookup, kind: string): number {
  const kinds = lookup.kinds;
  for (let k = 0; k < kinds.length; k++) if (kinds[k] === kind) return lookup.head[k] as number;
  return -1;
}

/**
 * {@link firstMatch} on an indexed history: the same event (or the same error for a
 * missing grade), reading only the events of the matchers' kinds.
 */
export function findFirst(lookup: EventLookup | readonly OutcomeEvent[], matchers: readonly EventMatcher[], from: string, through: string): OutcomeEvent | null {
  if (Array.isArray(lookup)) return firstMatch(matchers, lookup as readonly OutcomeEvent[], from, through);
  const { events, next } = lookup as EventLookup;
  // The scan returns the first event (in history order) some matcher accepts or throws
  // on, trying matchers in order on each event: keep the least (position, matcher).
  let best = -1;
  let bestMatcher: EventMatcher | null = null;
  for (const m of matchers) {
    for (let pos = headOf(lookup as EventLookup, m.kind); pos !== -1; pos = next[pos] as number) {
      if (best !== -1 && pos >= best) break;
      const e = events[pos] as OutcomeEvent;
      if (e.date > through) break;
      if (e.date < from) continue;
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

/**
 * The matchers of one condition that read one event kind.
 *
 * @category Term Kinds
 */
export interface MatchersOfKind {
  readonly kind: string;
  readonly matchers: readonly EventMatcher[];
}

/** The matchers grouped by kind, in order of first appearance; null when one asks for a grade ≥ 2 (it throws on an event without a grade). */
export function matchersByKind(list: readonly EventMatcher[]): MatchersOfKind[] | null {
  const groups: { kind: string; matchers: EventMatcher[] }[] = [];
  for (const m of list) {
    if (m.minGrade !== undefined && m.minGrade > 1) return null;
    const g = groups.find((x) => x.kind === m.kind);
    if (g === undefined) groups.push({ kind: m.kind, matchers: [m] });
    else g.matchers.push(m);
  }
  return groups;
}
