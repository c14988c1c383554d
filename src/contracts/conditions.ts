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

/** The patient's answer to a remembered condition, worked out on its first check. */
function answerOf(lookup: EventLookup, c: Extract<ParsedCondition, { type: "none" | "some" | "count" }>, start: string): RememberedAnswer {
  for (const a of lookup.answers) if (a.condition === c) return a;
  let first: OutcomeEvent | null = null;
  let over: OutcomeEvent | null = null;
  if (c.type !== "count") first = findFirst(lookup, c.events, start, "9999-12-31");
  else {
    const least = c.atLeast === null || c.atLeast === 0 ? null : c.atLeast;
    let n = 0;
    for (const e of lookup.events) {
      if (e.date < start || !matchesAny(c.events, e)) continue;
      n++;
      if (n === least) first = e;
      if (c.atMost !== null && n === c.atMost + 1) {
        over = e;
        break;
      }
    }
  }
  const a = { condition: c, first, over };
  lookup.answers.push(a);
  return a;
}

/** The position of the first event of `kind`, or -1. */
function headOf(lookup: EventLookup, kind: string): number {
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

/** The outcome of checking conditions on a date: all held, or the first that failed. */
export type ConditionCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly condition: ParsedCondition;
      readonly event: OutcomeEvent | null;
      /** For a `some` condition: a matching event recorded after the window closed (`windowEnd`), if any. */
      readonly outside?: { readonly event: OutcomeEvent; readonly windowEnd: string };
      /** For count, sustained and byDeadline conditions: what was found, in words (on demand: the bulk path never asks). */
      readonly words?: () => string;
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
    if ((c.type === "none" || c.type === "some" || c.type === "count") && c.remembered && !Array.isArray(events)) {
      // No window of its own: read through onDate, from the patient's answer (the same result as the checks below).
      const { first, over } = answerOf(events as EventLookup, c, start);
      if (c.type === "none") {
        if (first !== null && first.date <= onDate) return { ok: false, condition: c, event: first };
        continue;
      }
      if (c.type === "some") {
        if (first !== null && first.date <= onDate) continue;
        return first === null ? { ok: false, condition: c, event: null } : { ok: false, condition: c, event: null, outside: { event: first, windowEnd: onDate } };
      }
      const count = c as Extract<ParsedCondition, { type: "count" }>;
      const short = count.atLeast !== null && count.atLeast > 0 && (first === null || first.date > onDate);
      const isOver = over !== null && over.date <= onDate;
      if (!short && !isOver) continue;
      return countFailed(count, (events as EventLookup).events, start, onDate, isOver ? over : null);
    }
    let through = onDate;
    if (c.within !== null) {
      const end = dueDate(start, c.within);
      if (end < through) through = end;
    }
    if (c.type === "count" || c.type === "sustained" || c.type === "byDeadline") {
      const list = Array.isArray(events) ? (events as readonly OutcomeEvent[]) : (events as EventLookup).events;
      if (c.type === "count" && c.rolling === null) {
        if (countHolds(c, events, start, through)) continue;
        return countFailure(c, list, start, through);
      }
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
 * the common case on the bulk path. On an indexed history only the events of the
 * matchers' kinds are read (`byKind`; a condition whose matchers could throw on a
 * missing grade is scanned, so the error names the same event). When it fails,
 * checkCount counts again to word it.
 */
function countHolds(c: Extract<ParsedCondition, { type: "count" }>, history: readonly OutcomeEvent[] | EventLookup, start: string, through: string): boolean {
  let n = 0;
  if (!Array.isArray(history) && c.byKind !== null) {
    const { events, next } = history as EventLookup;
    for (const g of c.byKind) {
      for (let pos = headOf(history as EventLookup, g.kind); pos !== -1; pos = next[pos] as number) {
        const e = events[pos] as OutcomeEvent;
        if (e.date > through) break;
        if (e.date >= start && matchesAny(g.matchers, e)) n++;
      }
    }
  } else {
    const events = Array.isArray(history) ? (history as readonly OutcomeEvent[]) : (history as EventLookup).events;
    // In date order and, in a validated history, none before the start: see firstMatch.
    const all = events.length === 0 || (events[0] as OutcomeEvent).date >= start;
    for (const e of events) {
      if (e.date > through) break;
      if ((all || e.date >= start) && matchesAny(c.events, e)) n++;
    }
  }
  return (c.atLeast === null || n >= c.atLeast) && (c.atMost === null || n <= c.atMost);
}

/**
 * The failure of a count condition without a rolling window (countHolds said it fails):
 * the event that broke an `atMost` (the first one over it), found by one scan; the words
 * are counted again only when asked for.
 */
function countFailure(c: Extract<ParsedCondition, { type: "count" }>, events: readonly OutcomeEvent[], start: string, through: string): ConditionCheck {
  let event: OutcomeEvent | null = null;
  if (c.atMost !== null) {
    let n = 0;
    for (const e of events) {
      if (e.date > through) break;
      if (e.date >= start && matchesAny(c.events, e) && ++n > c.atMost) {
        event = e;
        break;
      }
    }
  }
  return countFailed(c, events, start, through, event);
}

/** A failed count condition: the event over its atMost (or null), the words counted again only when asked for. */
function countFailed(c: Extract<ParsedCondition, { type: "count" }>, events: readonly OutcomeEvent[], start: string, through: string, event: OutcomeEvent | null): ConditionCheck {
  const words = (): string =>
    checkCount({ events, matches: (e) => matchesAny(c.events, e), what: c.what, from: start, through, atLeast: c.atLeast, atMost: c.atMost, rolling: null, rollingEnd: null }).words();
  return { ok: false, condition: c, event, words };
}

/** The count (with a rolling window), sustained and byDeadline conditions: null when it holds, else the failure. */
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
    return r.ok ? null : { ok: false, condition: c, event: r.event, words: r.words };
  }
  if (c.type === "sustained") {
    const span = c.span;
    const gap = c.maxGap;
    const r = checkSustained({
      events, evidence: (e) => matchesAny(c.evidence, e), interrupts: (e) => matchesAny(c.interruptedBy, e), what: c.what, from: start, through,
      span, spanEnd: (d) => dueDate(d, span), maxGapEnd: gap === null ? null : (d) => dueDate(d, gap),
    });
    return r.ok ? null : { ok: false, condition: c, event: r.event, words: r.words };
  }
  const date = deadlineDate(c.spec, start, dueDate);
  if (onDate < date) {
    throw new DomainError("INCONSISTENT_INPUT", `"${c.label}" is checked on ${onDate}, before its deadline ${date}: a payment that waits for a deadline falls due on or after it`, {
      path: ["contract", ...c.spec.path],
      details: { checkedOn: onDate, deadline: date },
    });
  }
  const o = deadlineStatus(c.spec, { date, known: events, start, dueDate });
  return o.counts === "missed" ? { ok: false, condition: c, event: null, words: o.say } : null;
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

/** What a deadline is checked with: its date, the patient's events up to asOf (and their index, when at hand), the start. */
export interface DeadlineArgs {
  readonly date: string;
  readonly known: readonly OutcomeEvent[];
  /** `known` indexed by kind (the draft context's lookup): the milestone then reads only its kinds. */
  readonly lookup?: EventLookup;
  readonly start: string;
  readonly dueDate: (start: string, o: DueOffset) => string;
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
export function deadlineMissed(spec: DeadlineSpec, args: DeadlineArgs): boolean {
  if (checkConditions(spec.milestones, args.lookup ?? args.known, args.start, args.date, args.dueDate).ok) return false;
  const last = lastAssessmentBy(spec, args.known, args.date);
  return milestoneAtDeadline({ held: false, assessed: spec.assessment === null ? null : last !== null, ifMissing: spec.assessment?.ifMissing ?? null }).counts === "missed";
}

/** Where the milestone stands on its deadline `date` (≤ asOf), from the events up to it; words on demand. */
export function deadlineStatus(spec: DeadlineSpec, args: DeadlineArgs): DeadlineStatus {
  const check = checkConditions(spec.milestones, args.lookup ?? args.known, args.start, args.date, args.dueDate);
  const date = args.date;
  // A milestone met needs no assessment: the last one on file is looked up only when it was not.
  const last = check.ok ? null : lastAssessmentBy(spec, args.known, date);
  const { status, counts } = milestoneAtDeadline({ held: check.ok, assessed: spec.assessment === null ? null : last !== null, ifMissing: spec.assessment?.ifMissing ?? null });
  const say = (): string => {
    if (status === "met") return `"${spec.milestoneLabel}" was met by ${date}`;
    if (status === "missed") {
      const detail = check.ok ? "" : (check.words?.() ?? (check.event === null ? "no such event recorded" : `${check.event.kind} on ${check.event.date}`));
      return `"${spec.milestoneLabel}" was not met by ${date}: ${detail}${last !== null ? `; last assessment on file: ${last.kind}${last.response ? ` ${last.response}` : ""} on ${last.date}` : ""}`;
    }
    return `no assessment (${spec.assessment!.words}) was recorded by ${date}, so "${spec.milestoneLabel}" could not be shown; the contract counts a missing assessment as ${counts}`;
  };
  return { date, status, counts, say };
}

/** Where the milestone stands on its deadline `date` (≤ asOf), from the events up to it. */
export function deadlineStanding(spec: DeadlineSpec, args: DeadlineArgs): DeadlineOutcome {
  const o = deadlineStatus(spec, args);
  return { date: o.date, status: o.status, counts: o.counts, lastAssessment: lastAssessmentBy(spec, args.known, args.date), words: o.say() };
}
