// `sustained`: a state held over a span, evidenced by a run of events (positive
// assessments): "transfusion independent for ≥ 12 consecutive months". Its schema,
// preparation, the run search, and the words of a failure.
import * as z from "zod";
import { type DueOffset, describeOffset } from "../calendar.js";
import { lazySchema } from "../../kernel/lazy-schema.js";
import { dueOffsetSchema, eventMatcherSchema, type EventMatcher } from "./parts.js";
import { type ConditionKind, type Dated, eventsOf, type PreparedCondition } from "./kind.js";
import { matchesAny } from "./history.js";
import { describeMatcher, prepareMatchers, spanWords, windowWords } from "./words.js";

// `{ type: "sustained", evidence, interruptedBy?, for, maxGap?, within?, label? }`: the
// state is held for `for` when evidence events (positive assessments) run from one on
// date a to one on or after a + `for`, with no `interruptedBy` event in between and, with
// `maxGap`, no two consecutive evidence dates further apart than the gap.
/**
 * `sustained`: a state held for a span, evidenced by a run of assessments (conditions/sustained.ts).
 *
 * @category Term Kinds
 */
export const sustainedConditionSchema = lazySchema(() => z
  .strictObject({
    /** Condition kind `sustained`: a state held over a span, evidenced by a run of events (positive assessments). */
    type: z.literal("sustained"),
    /** Matchers of the events that evidence the state (e.g. assessments with CR or PR), at least one. */
    evidence: z.array(eventMatcherSchema).min(1),
    /** Matchers of events that break the run (e.g. progression); default none. */
    interruptedBy: z.array(eventMatcherSchema).default([]),
    /** How long the state must be held (at least one day): from one evidence event to one on or after that date + this offset. */
    for: dueOffsetSchema,
    /** The longest allowed gap between consecutive evidence dates (at least one day); no limit when absent. */
    maxGap: dueOffsetSchema.optional(),
    /** The run must be shown through treatment start + this offset (when earlier than the check date). */
    within: dueOffsetSchema.optional(),
    /** How the condition reads in ledgers and explanations; generated when absent. */
    label: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    const f = (c as unknown as { for: DueOffset }).for;
    if (f.months === 0 && f.days === 0) ctx.addIssue({ code: "custom", path: ["for"], message: "a sustained state is held for at least one day" });
    const g = (c as unknown as { maxGap?: DueOffset }).maxGap;
    if (g !== undefined && g.months === 0 && g.days === 0) ctx.addIssue({ code: "custom", path: ["maxGap"], message: "a maximum gap is at least one day" });
  }));

/** A `sustained` condition ready for evaluation. */
export interface ParsedSustained extends PreparedCondition<"sustained"> {
  readonly evidence: readonly EventMatcher[];
  readonly interruptedBy: readonly EventMatcher[];
  readonly span: DueOffset;
  readonly maxGap: DueOffset | null;
  /** The evidence, in words. */
  readonly what: string;
}

/** Result of {@link sustainedState}. */
export interface SustainedCheck<E extends Dated> {
  readonly ok: boolean;
  /** The run that proves it (ok), or the longest run seen (not ok); null when no evidence at all. */
  readonly run: { readonly first: E; readonly last: E } | null;
  /** The last event that interrupted a run, if any. */
  readonly interruption: E | null;
  /** The last gap that broke a run: two evidence dates further apart than `maxGap`. */
  readonly gap: { readonly from: string; readonly to: string } | null;
}

/**
 * A state is sustained for a span when a run of evidence events (positive assessments)
 * runs from a first one on date a to one on a date ≥ `spanEnd(a)`, all within [from,
 * through], with no interrupting event dated in between (a negative assessment, a
 * transfusion…), and, with `maxGapEnd`, no two consecutive evidence dates further apart
 * than the gap. An event that is both evidence and interruption interrupts.
 */
export function sustainedState<E extends Dated>(args: {
  readonly events: readonly E[];
  readonly evidence: (e: E) => boolean;
  readonly interrupts: (e: E) => boolean;
  readonly from: string;
  readonly through: string;
  readonly spanEnd: (date: string) => string;
  readonly maxGapEnd: ((date: string) => string) | null;
}): SustainedCheck<E> {
  let first: E | null = null;
  let last: E | null = null;
  let best: { first: E; last: E } | null = null;
  let interruption: E | null = null;
  let gap: { from: string; to: string } | null = null;
  for (const e of args.events) {
    if (e.date > args.through) break;
    if (e.date < args.from) continue;
    if (args.interrupts(e)) {
      if (first !== null) interruption = e;
      first = null;
      last = null;
      continue;
    }
    if (!args.evidence(e)) continue;
    if (first !== null && args.maxGapEnd !== null && e.date > args.maxGapEnd(last!.date)) {
      gap = { from: last!.date, to: e.date };
      first = null;
    }
    if (first === null) first = e;
    last = e;
    const run = { first, last };
    if (best === null || daysApart(run) > daysApart(best)) best = run;
    if (e.date >= args.spanEnd(first.date)) return { ok: true, run, interruption: null, gap: null };
  }
  return { ok: false, run: best, interruption, gap };
}

function dayNumber(d: string): number {
  return Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
}

function daysApart(r: { first: Dated; last: Dated }): number {
  return dayNumber(r.last.date) - dayNumber(r.first.date);
}

/** The result of checking a sustained state: the interruption that broke it (or null), and what was found in words (made on demand). */
export interface SustainedOutcome<E extends Dated> {
  readonly ok: boolean;
  readonly event: E | null;
  readonly words: () => string;
}

const NO_WORDS = (): string => "";

/** Checks a sustained condition over [from, through], with the words of a failure. */
export function checkSustained<E extends Dated>(args: {
  readonly events: readonly E[];
  readonly evidence: (e: E) => boolean;
  readonly interrupts: (e: E) => boolean;
  readonly what: string;
  readonly from: string;
  readonly through: string;
  readonly spanEnd: (date: string) => string;
  readonly span: DueOffset;
  readonly maxGapEnd: ((date: string) => string) | null;
}): SustainedOutcome<E> {
  const r = sustainedState(args);
  if (r.ok) return { ok: true, event: null, words: NO_WORDS };
  const words = (): string => {
    const span = describeOffset(args.span).replace(" after treatment start", "");
    const longest = r.run === null ? `no evidence of ${args.what} recorded through ${args.through}` : `the longest run of evidence went from ${r.run.first.date} to ${r.run.last.date}`;
    const broke = r.interruption !== null ? `; interrupted by ${r.interruption.kind} on ${r.interruption.date}` : r.gap !== null ? `; no evidence between ${r.gap.from} and ${r.gap.to}` : "";
    return `${args.what} not held for ${span}: ${longest}${broke}`;
  };
  return { ok: false, event: r.interruption, words };
}

/** The `sustained` condition type. */
export const sustainedKind: ConditionKind<"sustained", typeof sustainedConditionSchema, ParsedSustained> = {
  type: "sustained",
  schema: sustainedConditionSchema,
  prepare(c, ctx, path) {
    const evidence = prepareMatchers(c.evidence, ctx, [...path, "evidence"]);
    const interruptedBy = prepareMatchers(c.interruptedBy, ctx, [...path, "interruptedBy"]);
    const what = evidence.map(describeMatcher).join(" or ");
    const label =
      c.label ??
      `${what} sustained for ${spanWords(c.for)}${interruptedBy.length > 0 ? ` with no ${interruptedBy.map(describeMatcher).join(" or ")}` : ""}${c.maxGap === undefined ? "" : ` and no gap over ${spanWords(c.maxGap)} between assessments`}${c.within === undefined ? "" : ` ${windowWords(c.within)}`}`;
    return { type: "sustained", evidence, interruptedBy, span: c.for, maxGap: c.maxGap ?? null, within: c.within ?? null, what, label };
  },
  check(c, history, start, _onDate, through, dueDate) {
    const span = c.span;
    const gap = c.maxGap;
    const r = checkSustained({
      events: eventsOf(history), evidence: (e) => matchesAny(c.evidence, e), interrupts: (e) => matchesAny(c.interruptedBy, e), what: c.what, from: start, through,
      span, spanEnd: (d) => dueDate(d, span), maxGapEnd: gap === null ? null : (d) => dueDate(d, gap),
    });
    return r.ok ? null : { ok: false, condition: c, event: r.event, words: r.words };
  },
};
