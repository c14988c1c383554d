// `count`: how many matching events ("at least 2 hospitalisations within 12 months",
// "at most 1 CRS of grade ≥ 3"), from treatment start through the check date, or in any
// rolling window. Its schema, preparation, the counting, and the words of a failure.
import * as z from "zod";
import { type DueOffset, describeOffset } from "../calendar.js";
import type { OutcomeEvent } from "../events.js";
import { lazySchema } from "../../kernel/lazy-schema.js";
import { dueOffsetSchema, eventMatcherSchema, type EventMatcher } from "./parts.js";
import { type ConditionFailure, type ConditionKind, type Dated, type DueDate, eventsOf, type PreparedCondition } from "./kind.js";
import { answerFor, type EventLookup, headOf, matchersByKind, matchesAny, type MatchersOfKind, remember, type RememberedAnswer } from "./history.js";
import { describeMatcher, prepareMatchers, rememberable, spanWords, windowWords } from "./words.js";

// `{ type: "count", events, atLeast?, atMost?, within?, rolling?, label? }`: the number of
// matching events from treatment start through the check date (or start + `within`) is
// at least / at most the given counts (inclusive). With `rolling`, the count is taken in
// every window of that length opening on a matching event (last day included).
/**
 * `count`: at least / at most so many matching events (conditions/count.ts).
 *
 * @category Term Kinds
 */
export const countConditionSchema = lazySchema(() => z
  .strictObject({
    /** Condition kind `count`: how many matching events occur. */
    type: z.literal("count"),
    /** The event matchers counted, at least one. */
    events: z.array(eventMatcherSchema).min(1),
    /** The count must be at least this (inclusive), 0–100000; give `atLeast`, `atMost` or both. */
    atLeast: z.number().int().min(0).max(100_000).optional(),
    /** The count must be at most this (inclusive), 0–100000, not below `atLeast`. */
    atMost: z.number().int().min(0).max(100_000).optional(),
    /** Counts only events through treatment start + this offset (when earlier than the check date); whole history to the check date when absent. */
    within: dueOffsetSchema.optional(),
    /** A rolling window (at least one day): the count is taken in every window of this length opening on a matching event, last day included. */
    rolling: dueOffsetSchema.optional(),
    /** How the condition reads in ledgers and explanations; generated when absent. */
    label: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.atLeast === undefined && c.atMost === undefined) ctx.addIssue({ code: "custom", path: ["atLeast"], message: "a count condition states atLeast, atMost or both" });
    if (c.atLeast !== undefined && c.atMost !== undefined && c.atLeast > c.atMost) ctx.addIssue({ code: "custom", path: ["atMost"], message: `atMost ${c.atMost} is below atLeast ${c.atLeast}: no count satisfies both` });
    const r = (c as unknown as { rolling?: DueOffset }).rolling;
    if (r !== undefined && r.months === 0 && r.days === 0) ctx.addIssue({ code: "custom", path: ["rolling"], message: "a rolling window is at least one day long" });
  }));

/** A `count` condition ready for evaluation. */
export interface ParsedCount extends PreparedCondition<"count"> {
  readonly events: readonly EventMatcher[];
  readonly atLeast: number | null;
  readonly atMost: number | null;
  readonly rolling: DueOffset | null;
  /** The events counted, in words. */
  readonly what: string;
  /** The matchers grouped by the kind they read, for counting on an indexed history; null when one could throw on a missing grade (then the history is scanned in order). */
  readonly byKind: readonly MatchersOfKind[] | null;
  /** Checked from one per-patient answer on any date (a condition without a window of its own: none, some, or count without `within` or `rolling`). */
  readonly remembered: boolean;
}

/** Result of {@link countEvents}. */
export interface CountCheck<E extends Dated> {
  readonly ok: boolean;
  /** Matching events in the window (for `rolling`, in the best window found). */
  readonly count: number;
  /** The events counted (for an `atMost` failure: up to the one that broke it). */
  readonly events: readonly E[];
}

/**
 * Counts the events that `matches` accepts dated in [from, through] and compares the count
 * with `atLeast` / `atMost` (both inclusive). With `rollingEnd` (date → the last day of a
 * window opening on that date), the count is taken in every window that opens on a
 * matching event: `atLeast` needs one window with enough, `atMost` fails on any window
 * with too many.
 */
export function countEvents<E extends Dated>(args: {
  readonly events: readonly E[];
  readonly matches: (e: E) => boolean;
  readonly from: string;
  readonly through: string;
  readonly atLeast: number | null;
  readonly atMost: number | null;
  readonly rollingEnd: ((date: string) => string) | null;
}): CountCheck<E> {
  const hits: E[] = [];
  for (const e of args.events) {
    if (e.date > args.through) break;
    if (e.date < args.from) continue;
    if (args.matches(e)) hits.push(e);
  }
  const { atLeast, atMost, rollingEnd } = args;
  if (rollingEnd === null) {
    const ok = (atLeast === null || hits.length >= atLeast) && (atMost === null || hits.length <= atMost);
    return { ok, count: hits.length, events: atMost !== null && hits.length > atMost ? hits.slice(0, atMost + 1) : hits };
  }
  let best: E[] = [];
  let okLeast = atLeast === null || atLeast === 0;
  for (let i = 0; i < hits.length; i++) {
    const end = rollingEnd(hits[i]!.date);
    let j = i;
    while (j < hits.length && hits[j]!.date <= end) j++;
    const window = hits.slice(i, j);
    if (window.length > best.length) best = window;
    if (atLeast !== null && window.length >= atLeast) okLeast = true;
    if (atMost !== null && window.length > atMost) return { ok: false, count: window.length, events: window.slice(0, atMost + 1) };
  }
  return { ok: okLeast, count: best.length, events: best };
}

/** The result of checking a count: the event that broke an atMost (or null), and what was found in words (made on demand: the bulk path never asks). */
export interface CountOutcome<E extends Dated> {
  readonly ok: boolean;
  readonly event: E | null;
  readonly words: () => string;
}

const NO_WORDS = (): string => "";

/** Checks a count condition over [from, through], with the words of a failure. */
export function checkCount<E extends Dated>(args: {
  readonly events: readonly E[];
  readonly matches: (e: E) => boolean;
  readonly what: string;
  readonly from: string;
  readonly through: string;
  readonly atLeast: number | null;
  readonly atMost: number | null;
  readonly rollingEnd: ((date: string) => string) | null;
  readonly rolling: DueOffset | null;
}): CountOutcome<E> {
  const r = countEvents(args);
  // The words are only needed when the condition fails, and then only on the explained path.
  if (r.ok) return { ok: true, event: null, words: NO_WORDS };
  const words = (): string => {
    const dates = r.events.map((e) => e.date);
    const listed = dates.length === 0 ? "none recorded" : `${r.count} recorded (${dates.slice(0, 6).join(", ")}${dates.length > 6 ? ", …" : ""})`;
    const where = args.rolling === null ? `from ${args.from} through ${args.through}` : `in any ${describeOffset(args.rolling).replace(" after treatment start", "")} window from ${args.from} through ${args.through}`;
    const need = [args.atLeast === null ? null : `at least ${args.atLeast}`, args.atMost === null ? null : `at most ${args.atMost}`].filter((x) => x !== null).join(" and ");
    return `${args.what}: ${listed} ${where}; ${need} required`;
  };
  const over = args.atMost !== null && r.count > args.atMost;
  return { ok: false, event: over ? (r.events[r.events.length - 1] ?? null) : null, words };
}

/**
 * A count condition without a rolling window, counted in place (no list, no closures):
 * the common case on the bulk path. On an indexed history only the events of the
 * matchers' kinds are read (`byKind`; a condition whose matchers could throw on a
 * missing grade is scanned, so the error names the same event). When it fails,
 * checkCount counts again to word it.
 */
function countHolds(c: ParsedCount, history: readonly OutcomeEvent[] | EventLookup, start: string, through: string): boolean {
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
    const events = eventsOf(history);
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
function countFailure(c: ParsedCount, events: readonly OutcomeEvent[], start: string, through: string): ConditionFailure {
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
function countFailed(c: ParsedCount, events: readonly OutcomeEvent[], start: string, through: string, event: OutcomeEvent | null): ConditionFailure {
  const words = (): string =>
    checkCount({ events, matches: (e) => matchesAny(c.events, e), what: c.what, from: start, through, atLeast: c.atLeast, atMost: c.atMost, rolling: null, rollingEnd: null }).words();
  return { ok: false, condition: c, event, words };
}

/**
 * The patient's answer to a remembered count: its atLeast-th matching event from `start`
 * on (none for an atLeast of 0 or none) and its (atMost + 1)-th. On an indexed history
 * only the chains of the kinds the condition counts are read, merged in history order
 * (a remembered count has `byKind`: none of its matchers can throw on a missing grade).
 */
function countAnswer(lookup: EventLookup, c: ParsedCount, start: string): RememberedAnswer {
  const least = c.atLeast === null || c.atLeast === 0 ? null : c.atLeast;
  const { events, next } = lookup;
  let first: OutcomeEvent | null = null;
  let over: OutcomeEvent | null = null;
  let n = 0;
  const counted = (e: OutcomeEvent): boolean => {
    n++;
    if (n === least) first = e;
    if (c.atMost !== null && n === c.atMost + 1) {
      over = e;
      return true;
    }
    return false;
  };
  const groups = c.byKind;
  if (groups === null) {
    for (const e of events) if (e.date >= start && matchesAny(c.events, e) && counted(e)) break;
  } else if (groups.length === 1) {
    const g = groups[0] as MatchersOfKind;
    for (let pos = headOf(lookup, g.kind); pos !== -1; pos = next[pos] as number) {
      const e = events[pos] as OutcomeEvent;
      if (e.date >= start && matchesAny(g.matchers, e) && counted(e)) break;
    }
  } else {
    // Several kinds: take the chains' events in history order (the least position first).
    const at = groups.map((g) => headOf(lookup, g.kind));
    for (;;) {
      let k = -1;
      for (let i = 0; i < at.length; i++) if ((at[i] as number) !== -1 && (k === -1 || (at[i] as number) < (at[k] as number))) k = i;
      if (k === -1) break;
      const pos = at[k] as number;
      at[k] = next[pos] as number;
      const e = events[pos] as OutcomeEvent;
      if (e.date >= start && matchesAny((groups[k] as MatchersOfKind).matchers, e) && counted(e)) break;
    }
  }
  return remember(lookup, c, first, over);
}

/** The `count` condition type. */
export const countKind: ConditionKind<"count", typeof countConditionSchema, ParsedCount> = {
  type: "count",
  schema: countConditionSchema,
  prepare(c, ctx, path) {
    const events = prepareMatchers(c.events, ctx, [...path, "events"]);
    const what = events.map(describeMatcher).join(" or ");
    const need = [c.atLeast === undefined ? null : `at least ${c.atLeast}`, c.atMost === undefined ? null : `at most ${c.atMost}`].filter((x) => x !== null).join(" and ");
    const where = c.rolling === undefined ? windowWords(c.within) : `in any ${spanWords(c.rolling)}${c.within === undefined ? "" : ` ${windowWords(c.within)}`}`;
    return {
      type: "count", events, atLeast: c.atLeast ?? null, atMost: c.atMost ?? null, within: c.within ?? null, rolling: c.rolling ?? null, what, label: c.label ?? `${need} ${what} ${where}`,
      byKind: matchersByKind(events), remembered: rememberable(events, c.within, c.rolling),
    };
  },
  check(c, history, start, onDate, through, dueDate: DueDate) {
    if (c.remembered && !Array.isArray(history)) {
      // No window of its own: read through onDate, from the patient's answer (the same result as the count below).
      const lookup = history as EventLookup;
      const { first, over } = answerFor(lookup, c) ?? countAnswer(lookup, c, start);
      const short = c.atLeast !== null && c.atLeast > 0 && (first === null || first.date > onDate);
      const isOver = over !== null && over.date <= onDate;
      if (!short && !isOver) return null;
      return countFailed(c, lookup.events, start, onDate, isOver ? over : null);
    }
    const events = eventsOf(history);
    if (c.rolling === null) return countHolds(c, history, start, through) ? null : countFailure(c, events, start, through);
    const rolling = c.rolling;
    const r = checkCount({
      events, matches: (e) => matchesAny(c.events, e), what: c.what, from: start, through,
      atLeast: c.atLeast, atMost: c.atMost, rolling, rollingEnd: (d) => dueDate(d, rolling),
    });
    return r.ok ? null : { ok: false, condition: c, event: r.event, words: r.words };
  },
};
