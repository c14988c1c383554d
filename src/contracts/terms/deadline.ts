// Deadlines: money that moves because something did NOT happen by a date ("never
// achieved transfusion independence by month 24 → 80% refund"; "no response by day 30 →
// no payment"). Shared by the deadline kinds (deadline-refund.ts, deadline-clawback.ts,
// deadline-bonus.ts) and the `byDeadline` condition. A deadline is checked on its date,
// its lines are dated on it, and its explanation names what was missing. With an
// `assessment`, a milestone missed with an assessment on file (a negative result) is told
// apart from one where none was recorded, and `ifMissing` says which way that counts.
import * as z from "zod";
import { DomainError } from "../../core/index.js";
import { deadlineFields, type ExactShare, shareSchema, shareWords } from "./schemas.js";
import { type DueOffset, describeOffset } from "../calendar.js";
import { checkConditions, matchesAny } from "../conditions.js";
import type { OutcomeEvent } from "../events.js";
import { milestoneAtDeadline, type MilestoneStatus } from "../outcomes/outcome-conditions.js";
import { describeMatcher, type DraftContext, type ParsedCondition, parseCondition, type PreparedReturn, prepareMatchers, type PrepareContext, type ReturnTrigger } from "./kind.js";
import type { EventMatcher, MilestoneTerms } from "./schemas.js";

/** A deadline ready for evaluation: its date rule, milestone and assessment. */
export interface DeadlineSpec {
  readonly by: { readonly offset: DueOffset } | { readonly date: string };
  /** The deadline in words: "24 months after treatment start", "2027-06-30". */
  readonly when: string;
  readonly milestone: ParsedCondition;
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
  const milestone = parseCondition(t.milestone, ctx, [...path, "milestone"]);
  const assessment =
    t.assessment === undefined
      ? null
      : (() => {
          const events = prepareMatchers(t.assessment.events, ctx, [...path, "assessment", "events"]);
          return { events, ifMissing: t.assessment.ifMissing, words: events.map(describeMatcher).join(" or ") };
        })();
  return { by, when: "date" in by ? (by.date as string) : describeOffset(by.offset as DueOffset), milestone, milestoneLabel: milestone.label, assessment, path };
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

/** How a deadline stood when it passed. */
export interface DeadlineOutcome {
  readonly date: string;
  readonly status: MilestoneStatus;
  readonly counts: "met" | "missed";
  /** The last assessment on file by the deadline, if the term names one. */
  readonly lastAssessment: OutcomeEvent | null;
  /** In words: how it was met, or what was missing. */
  readonly words: string;
}

/** Where the milestone stands on its deadline `date` (≤ asOf), from the events up to it. */
export function deadlineStanding(spec: DeadlineSpec, args: { readonly date: string; readonly known: readonly OutcomeEvent[]; readonly start: string; readonly dueDate: (start: string, o: DueOffset) => string }): DeadlineOutcome {
  const check = checkConditions([spec.milestone], args.known, args.start, args.date, args.dueDate);
  const detail = check.ok ? "" : (check.detail ?? (check.event === null ? "no such event recorded" : `${check.event.kind} on ${check.event.date}`));
  let last: OutcomeEvent | null = null;
  if (spec.assessment !== null) {
    for (const e of args.known) {
      if (e.date > args.date) break;
      if (matchesAny(spec.assessment.events, e)) last = e;
    }
  }
  const { status, counts } = milestoneAtDeadline({ held: check.ok, assessed: spec.assessment === null ? null : last !== null, ifMissing: spec.assessment?.ifMissing ?? null });
  let words: string;
  if (status === "met") words = `"${spec.milestoneLabel}" was met by ${args.date}`;
  else if (status === "missed") {
    words = `"${spec.milestoneLabel}" was not met by ${args.date}: ${detail}${last !== null ? `; last assessment on file: ${last.kind}${last.response ? ` ${last.response}` : ""} on ${last.date}` : ""}`;
  } else {
    words = `no assessment (${spec.assessment!.words}) was recorded by ${args.date}, so "${spec.milestoneLabel}" could not be shown; the contract counts a missing assessment as ${counts}`;
  }
  return { date: args.date, status, counts, lastAssessment: last, words };
}

/** The fields of a deadline refund or clawback besides its `type`: the deadline parts, a share and its base. */
export const deadlineReturnFields = {
  id: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  ...deadlineFields,
  share: shareSchema,
  base: z.enum(["payments", "paymentsAndBonuses"]).default("payments"),
};

/** A deadline refund or clawback after parsing. */
export interface ParsedDeadlineReturn<T extends "deadlineRefund" | "deadlineClawback"> extends PreparedReturn {
  readonly kind: T;
  readonly type: T;
  readonly spec: DeadlineSpec;
}

/** Prepares a deadline refund or clawback (shared by the two kinds). */
export function prepareDeadlineReturn<T extends "deadlineRefund" | "deadlineClawback">(
  type: T,
  r: { id?: string | undefined; label?: string | undefined; by: DueOffset | { date: string }; milestone: MilestoneTerms; assessment?: { events: unknown[]; ifMissing: "met" | "missed" } | undefined; share: ExactShare; base: "payments" | "paymentsAndBonuses" },
  ctx: PrepareContext,
): ParsedDeadlineReturn<T> {
  const lineKind = type === "deadlineRefund" ? "refund" : "clawback";
  const spec = prepareDeadlineSpec(r, ctx, ctx.path);
  return {
    kind: type,
    type,
    lineKind,
    id: r.id ?? `${lineKind}-${ctx.index + 1}`,
    label: r.label ?? `${lineKind === "refund" ? "Refund" : "Clawback"} of ${shareWords(r.share)} of the amount paid unless ${spec.milestoneLabel} by ${spec.when}`,
    share: { num: r.share.num, den: r.share.den },
    shareText: r.share.text,
    base: r.base,
    spec,
  };
}

/** Triggered on the deadline when the milestone counts as missed; the cause names what was missing. */
export function deadlineTrigger(r: { readonly spec: DeadlineSpec }, ctx: DraftContext): ReturnTrigger | null {
  const date = deadlineDate(r.spec, ctx.start, ctx.dueDate);
  if (date > ctx.asOf) return null;
  const o = deadlineStanding(r.spec, { date, known: ctx.known, start: ctx.start, dueDate: ctx.dueDate });
  return o.counts === "missed" ? { kind: "missed deadline", date, cause: o.words } : null;
}

