// `byDeadline`: holds when a milestone counted as met at its deadline ("no response by
// day 30 → no payment"). The deadline parts (by, milestone, assessment) are shared with
// the deadline term kinds (terms/deadline.ts: refunds, clawbacks, milestone bonuses), so
// they are here too: the schema fields, the prepared spec, and the deadline's standing,
// worded. A milestone is any condition but a deadline (milestones.ts).
import * as z from "zod";
import { DomainError, isoDateSchema } from "../../core/index.js";
import { type DueOffset, describeOffset } from "../calendar.js";
import type { OutcomeEvent } from "../events.js";
import type { PrepareContext } from "../terms/kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";
import { dueOffsetSchema, eventMatcherSchema, type EventMatcher } from "./parts.js";
import { type ConditionKind, type DueDate, eventsOf, type PreparedCondition } from "./kind.js";
import { type EventLookup, matchesAny } from "./history.js";
import { checkMilestones, milestoneSchema, type MilestoneTerms, type ParsedMilestone, parseMilestone } from "./milestones.js";
import { describeMatcher, prepareMatchers } from "./words.js";

/**
 * The parts every deadline term shares: `by` (an offset from treatment start, or a
 * calendar date), the `milestone` that should have been met by then, and optionally the
 * `assessment` that would show it, with `ifMissing` saying how an assessment that was
 * due and not recorded counts (`met` or `missed`; no default).
 */
export const deadlineFields = lazySchema(() => ({
  by: z.union([
    dueOffsetSchema,
    z.strictObject({
      /** The deadline as a calendar date (YYYY-MM-DD). */
      date: isoDateSchema,
    }),
  ]),
  milestone: milestoneSchema,
  assessment: z
    .strictObject({
      /** Matchers of the assessment events that would show the milestone, at least one. */
      events: z.array(eventMatcherSchema).min(1),
      /** How an assessment that was due and not recorded counts: `met` or `missed` (no default). */
      ifMissing: z.enum(["met", "missed"]),
    })
    .optional(),
}));

/**
 * `byDeadline`: holds when the milestone counted as met at its deadline (terms/deadline.ts);
 * checked on a date on or after the deadline — "no response by day 30 → no payment".
 *
 * @category Term Kinds
 */
export const byDeadlineConditionSchema = lazySchema(() => z.strictObject({
  /** Condition kind `byDeadline`: holds when the milestone counted as met at its deadline. */
  type: z.literal("byDeadline"),
  ...deadlineFields,
  /** How the condition reads in ledgers and explanations; generated when absent. */
  label: z.string().min(1).optional(),
}));

/**
 * A deadline ready for evaluation: its date rule, milestone and assessment.
 *
 * @category Term Kinds
 */
export interface DeadlineSpec {
  readonly by: { readonly offset: DueOffset } | { readonly date: string };
  /** The deadline in words: "24 months after treatment start", "2027-06-30". */
  readonly when: string;
  readonly milestone: ParsedMilestone;
  /** `[milestone]`, made once: the deadline is checked once per patient. */
  readonly milestones: readonly ParsedMilestone[];
  readonly milestoneLabel: string;
  readonly assessment: { readonly events: readonly EventMatcher[]; readonly ifMissing: "met" | "missed"; readonly words: string } | null;
  /** The term's path in the contract document, for errors found at evaluation. */
  readonly path: readonly (string | number)[];
}

/** Prepares the shared deadline fields of a term at `path`. */
export function prepareDeadlineSpec(
  t: { readonly by: DueOffset | { readonly date: string }; readonly milestone: MilestoneTerms; readonly assessment?: { readonly events: readonly unknown[]; readonly ifMissing: "met" | "missed" } | undefined },
  ctx: PrepareContext,
  path: readonly (string | number)[],
): DeadlineSpec {
  const by = "date" in t.by ? { date: t.by.date } : { offset: t.by };
  const milestone = parseMilestone(t.milestone, ctx, [...path, "milestone"]);
  const assessment =
    t.assessment === undefined
      ? null
      : (() => {
          const events = prepareMatchers(t.assessment.events, ctx, [...path, "assessment", "events"]);
          return { events, ifMissing: t.assessment.ifMissing, words: events.map(describeMatcher).join(" or ") };
        })();
  return { by, when: "date" in by ? (by.date as string) : describeOffset(by.offset as DueOffset), milestone, milestones: [milestone], milestoneLabel: milestone.label, assessment, path };
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
  if (checkMilestones(spec.milestones, args.lookup ?? args.known, args.start, args.date, args.dueDate).ok) return false;
  const last = lastAssessmentBy(spec, args.known, args.date);
  return milestoneAtDeadline({ held: false, assessed: spec.assessment === null ? null : last !== null, ifMissing: spec.assessment?.ifMissing ?? null }).counts === "missed";
}

/** Where the milestone stands on its deadline `date` (≤ asOf), from the events up to it; words on demand. */
export function deadlineStatus(spec: DeadlineSpec, args: DeadlineArgs): DeadlineStatus {
  const check = checkMilestones(spec.milestones, args.lookup ?? args.known, args.start, args.date, args.dueDate);
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

/** A `byDeadline` condition ready for evaluation. */
export interface ParsedByDeadline extends PreparedCondition<"byDeadline"> {
  readonly spec: DeadlineSpec;
  readonly within: null;
}

/** The `byDeadline` condition type: "response CR recorded since treatment start by 3 months after treatment start". */
export const byDeadlineKind: ConditionKind<"byDeadline", typeof byDeadlineConditionSchema, ParsedByDeadline> = {
  type: "byDeadline",
  schema: byDeadlineConditionSchema,
  prepare(c, ctx, path) {
    const spec = prepareDeadlineSpec(c, ctx, path);
    return { type: "byDeadline", spec, within: null, label: c.label ?? `${spec.milestoneLabel} by ${spec.when}` };
  },
  check(c, history, start, onDate, _through, dueDate: DueDate) {
    const date = deadlineDate(c.spec, start, dueDate);
    if (onDate < date) {
      throw new DomainError("INCONSISTENT_INPUT", `"${c.label}" is checked on ${onDate}, before its deadline ${date}: a payment that waits for a deadline falls due on or after it`, {
        path: ["contract", ...c.spec.path],
        details: { checkedOn: onDate, deadline: date },
      });
    }
    const o = deadlineStatus(c.spec, { date, known: eventsOf(history), start, dueDate });
    return o.counts === "missed" ? { ok: false, condition: c, event: null, words: o.say } : null;
  },
};
