// Condition kinds beyond "none" / "some": `count` (how many matching events) and
// `sustained` (a state held over a span, evidenced by a run of assessments). Schemas are
// built from the contract's matcher and offset schemas (passed in, so this file does not
// import the term schemas that import it).
import * as z from "zod";
import { describeOffset, type DueOffset } from "../calendar.js";
import { countEvents, type Dated, sustainedState } from "./outcome-conditions.js";

/** The schema parts a condition kind is made of. */
export interface ConditionParts<M extends z.ZodType, O extends z.ZodType> {
  readonly matcher: M;
  readonly offset: O;
}

/**
 * `{ type: "count", events, atLeast?, atMost?, within?, rolling?, label? }`: the number of
 * matching events from treatment start through the check date (or start + `within`) is
 * at least / at most the given counts (inclusive). With `rolling`, the count is taken in
 * every window of that length opening on a matching event (last day included).
 */
export function countConditionSchemaOf<M extends z.ZodType, O extends z.ZodType>(p: ConditionParts<M, O>) {
  return z
    .strictObject({
      /** Condition kind `count`: how many matching events occur. */
      type: z.literal("count"),
      /** The event matchers counted, at least one. */
      events: z.array(p.matcher).min(1),
      /** The count must be at least this (inclusive), 0–100000; give `atLeast`, `atMost` or both. */
      atLeast: z.number().int().min(0).max(100_000).optional(),
      /** The count must be at most this (inclusive), 0–100000, not below `atLeast`. */
      atMost: z.number().int().min(0).max(100_000).optional(),
      /** Counts only events through treatment start + this offset (when earlier than the check date); whole history to the check date when absent. */
      within: p.offset.optional(),
      /** A rolling window (at least one day): the count is taken in every window of this length opening on a matching event, last day included. */
      rolling: p.offset.optional(),
      /** How the condition reads in ledgers and explanations; generated when absent. */
      label: z.string().min(1).optional(),
    })
    .superRefine((c, ctx) => {
      if (c.atLeast === undefined && c.atMost === undefined) ctx.addIssue({ code: "custom", path: ["atLeast"], message: "a count condition states atLeast, atMost or both" });
      if (c.atLeast !== undefined && c.atMost !== undefined && c.atLeast > c.atMost) ctx.addIssue({ code: "custom", path: ["atMost"], message: `atMost ${c.atMost} is below atLeast ${c.atLeast}: no count satisfies both` });
      const r = (c as unknown as { rolling?: DueOffset }).rolling;
      if (r !== undefined && r.months === 0 && r.days === 0) ctx.addIssue({ code: "custom", path: ["rolling"], message: "a rolling window is at least one day long" });
    });
}

/**
 * `{ type: "sustained", evidence, interruptedBy?, for, maxGap?, within?, label? }`: the
 * state is held for `for` when evidence events (positive assessments) run from one on
 * date a to one on or after a + `for`, with no `interruptedBy` event in between and, with
 * `maxGap`, no two consecutive evidence dates further apart than the gap.
 */
export function sustainedConditionSchemaOf<M extends z.ZodType, O extends z.ZodType>(p: ConditionParts<M, O>) {
  return z
    .strictObject({
      /** Condition kind `sustained`: a state held over a span, evidenced by a run of events (positive assessments). */
      type: z.literal("sustained"),
      /** Matchers of the events that evidence the state (e.g. assessments with CR or PR), at least one. */
      evidence: z.array(p.matcher).min(1),
      /** Matchers of events that break the run (e.g. progression); default none. */
      interruptedBy: z.array(p.matcher).default([]),
      /** How long the state must be held (at least one day): from one evidence event to one on or after that date + this offset. */
      for: p.offset,
      /** The longest allowed gap between consecutive evidence dates (at least one day); no limit when absent. */
      maxGap: p.offset.optional(),
      /** The run must be shown through treatment start + this offset (when earlier than the check date). */
      within: p.offset.optional(),
      /** How the condition reads in ledgers and explanations; generated when absent. */
      label: z.string().min(1).optional(),
    })
    .superRefine((c, ctx) => {
      const f = (c as unknown as { for: DueOffset }).for;
      if (f.months === 0 && f.days === 0) ctx.addIssue({ code: "custom", path: ["for"], message: "a sustained state is held for at least one day" });
      const g = (c as unknown as { maxGap?: DueOffset }).maxGap;
      if (g !== undefined && g.months === 0 && g.days === 0) ctx.addIssue({ code: "custom", path: ["maxGap"], message: "a maximum gap is at least one day" });
    });
}

/** The result of checking an outcome condition. */
export interface OutcomeConditionCheck<E extends Dated> {
  readonly ok: boolean;
  /** The event that broke it (a count over atMost, an interruption), or null when something never happened. */
  readonly event: E | null;
  /** What was found, in words: "1 hospitalisation (2026-02-10); at least 2 needed" (made on demand: the bulk path never asks). */
  readonly words: () => string;
}

const NO_WORDS = (): string => "";

/** Checks a count condition over [from, through]. */
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
}): OutcomeConditionCheck<E> {
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

/** Checks a sustained condition over [from, through]. */
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
}): OutcomeConditionCheck<E> {
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
