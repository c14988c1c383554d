// Two condition shapes that plain "none" / "some" cannot say: counting events ("at
// least 2 hospitalisations within 12 months") and a state held over time ("transfusion
// independent for ≥ 12 consecutive months"). Pure functions over dated events in date
// order; which events count is a predicate the caller builds from the contract's matchers.

/** The least an evaluator needs of an event. */
export interface Dated {
  readonly kind: string;
  readonly date: string;
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

/**
 * How a milestone stands at its deadline. `met`: the condition held. `missed`: it did
 * not, and an assessment was recorded (a negative result). `notAssessed`: it did not
 * and no assessment was recorded by the deadline; the contract's `ifMissing` then says
 * whether that counts as met or missed.
 *
 * @category Outcome Events
 */
export type MilestoneStatus = "met" | "missed" | "notAssessed";

/** The status of a milestone at its deadline and which way it counts. */
export function milestoneAtDeadline(args: { readonly held: boolean; readonly assessed: boolean | null; readonly ifMissing: "met" | "missed" | null }): {
  readonly status: MilestoneStatus;
  readonly counts: "met" | "missed";
} {
  if (args.held) return { status: "met", counts: "met" };
  // No assessment term: the milestone is simply not reached.
  if (args.assessed === null || args.assessed) return { status: "missed", counts: "missed" };
  return { status: "notAssessed", counts: args.ifMissing ?? "missed" };
}
