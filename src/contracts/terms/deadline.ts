// Deadline terms: money that moves because something did NOT happen by a date ("never
// achieved transfusion independence by month 24 → 80% refund"; "no response by day 30 →
// no payment"). Checked on the deadline, dated on the deadline, and explained by what was
// missing. With an `assessment`, a milestone missed with an assessment on file (a
// negative result) is told apart from one where no assessment was recorded, and the
// contract's `ifMissing` says which way the missing assessment counts.
import * as z from "zod";
import { DomainError, isoDateSchema, nonNegativeAmountSchema, rateSchema } from "../../core/index.js";
import type { Dec, Fraction } from "../../money/index.js";
import { type DueOffset, describeOffset } from "../calendar.js";
import type { OutcomeEvent } from "../events.js";
import { milestoneAtDeadline, type MilestoneStatus } from "../outcomes/outcome-conditions.js";
import type { EventMatcher as PreparedMatcher } from "../terms.js";
import { toFraction } from "../units.js";

/** The schema of one deadline term, from the contract's matcher, condition and offset schemas. */
export function deadlineTermSchemaOf<M extends z.ZodType, C extends z.ZodType, O extends z.ZodType>(p: { readonly matcher: M; readonly condition: C; readonly offset: O }) {
  return z.strictObject({
    id: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    /** An offset from treatment start, or a calendar date. */
    by: z.union([p.offset, z.strictObject({ date: isoDateSchema })]),
    /** What should have happened by the deadline. */
    milestone: p.condition,
    /** The assessment that would show it, and how a missing one counts. */
    assessment: z.strictObject({ events: z.array(p.matcher).min(1), ifMissing: z.enum(["met", "missed"]) }).optional(),
    consequence: z.discriminatedUnion("type", [
      z.strictObject({ type: z.enum(["refund", "clawback"]), share: rateSchema, base: z.enum(["payments", "paymentsAndBonuses"]).default("payments") }),
      z.strictObject({ type: z.literal("withhold"), installments: z.array(z.string().min(1)).min(1) }),
      z.strictObject({ type: z.literal("bonus"), amount: nonNegativeAmountSchema }),
    ]),
  });
}

/** A deadline's consequence, prepared. */
export type ParsedDeadlineConsequence =
  | { readonly type: "refund" | "clawback"; readonly share: Fraction; readonly shareText: string; readonly base: "payments" | "paymentsAndBonuses" }
  | { readonly type: "withhold"; readonly installments: readonly string[] }
  | { readonly type: "bonus"; readonly units: bigint };

/** A deadline term ready for evaluation. */
export interface ParsedDeadline<C> {
  readonly id: string;
  readonly label: string;
  readonly index: number;
  readonly by: { readonly offset: DueOffset } | { readonly date: string };
  readonly milestone: C;
  readonly milestoneLabel: string;
  readonly assessment: { readonly events: readonly PreparedMatcher[]; readonly ifMissing: "met" | "missed"; readonly words: string } | null;
  readonly consequence: ParsedDeadlineConsequence;
}

/** Prepares a validated deadline term. */
export function prepareDeadline<C>(args: {
  readonly terms: z.output<ReturnType<typeof deadlineTermSchemaOf>>;
  readonly index: number;
  readonly milestone: C;
  readonly milestoneLabel: string;
  readonly prepare: (list: readonly unknown[], path: readonly (string | number)[]) => PreparedMatcher[];
  readonly words: (m: PreparedMatcher) => string;
  readonly units: (amount: Dec, path: readonly (string | number)[]) => bigint;
  readonly path: readonly (string | number)[];
}): ParsedDeadline<C> {
  const t = args.terms as {
    id?: string;
    label?: string;
    by: DueOffset | { date: string };
    assessment?: { events: unknown[]; ifMissing: "met" | "missed" };
    consequence: { type: "refund" | "clawback"; share: Dec; base: "payments" | "paymentsAndBonuses" } | { type: "withhold"; installments: string[] } | { type: "bonus"; amount: Dec };
  };
  const by = "date" in t.by ? { date: t.by.date } : { offset: t.by };
  const when = "date" in by ? by.date : describeOffset(by.offset);
  const c = t.consequence;
  let consequence: ParsedDeadlineConsequence;
  let does: string;
  if (c.type === "refund" || c.type === "clawback") {
    consequence = { type: c.type, share: toFraction(c.share), shareText: c.share.toString(), base: c.base };
    does = `${c.type === "refund" ? "refund" : "clawback"} of ${c.share.times(100).toString()}% of the amount paid`;
  } else if (c.type === "withhold") {
    consequence = { type: "withhold", installments: c.installments };
    does = `withhold ${c.installments.join(", ")}`;
  } else {
    consequence = { type: "bonus", units: args.units((c as { amount: Dec }).amount, [...args.path, "consequence", "amount"]) };
    does = "bonus";
  }
  const assessment = t.assessment === undefined ? null : (() => {
    const events = args.prepare(t.assessment.events, [...args.path, "assessment", "events"]);
    return { events, ifMissing: t.assessment.ifMissing, words: events.map(args.words).join(" or ") };
  })();
  const id = t.id ?? `deadline-${args.index + 1}`;
  return {
    id,
    index: args.index,
    label: t.label ?? (consequence.type === "bonus" ? `Bonus if ${args.milestoneLabel} by ${when}` : `Deadline ${when}: ${does} unless ${args.milestoneLabel}`),
    by,
    milestone: args.milestone,
    milestoneLabel: args.milestoneLabel,
    assessment,
    consequence,
  };
}

/** How a deadline stood when it passed. */
export interface DeadlineOutcome {
  readonly date: string;
  readonly status: MilestoneStatus;
  readonly counts: "met" | "missed";
  /** The last assessment on file by the deadline, if the term names one. */
  readonly lastAssessment: OutcomeEvent | null;
  /** In words: what was missing, or how it was met. */
  readonly words: string;
}

/**
 * The deadline's date for a patient; an absolute date before treatment start is a
 * {@link DomainError} `INCONSISTENT_INPUT` at the term's `by.date`.
 */
export function deadlineDate<C>(d: ParsedDeadline<C>, start: string, dueDate: (start: string, o: DueOffset) => string): string {
  if ("offset" in d.by) return dueDate(start, d.by.offset);
  if (d.by.date < start) {
    throw new DomainError("INCONSISTENT_INPUT", `deadline ${d.id} falls on ${d.by.date}, before the treatment start ${start}: nothing could be achieved by then`, {
      path: ["contract", "deadlines", d.index, "by", "date"],
      details: { deadline: d.by.date, start },
    });
  }
  return d.by.date;
}

/**
 * Where the milestone stands on the deadline (which is ≤ asOf): `held` is the milestone
 * condition checked on that date, `detail` its finding in words.
 */
export function deadlineOutcome<C>(d: ParsedDeadline<C>, args: {
  readonly date: string;
  readonly held: boolean;
  readonly detail: string;
  readonly known: readonly OutcomeEvent[];
  readonly start: string;
  readonly matchAny: (list: readonly PreparedMatcher[], e: OutcomeEvent) => boolean;
}): DeadlineOutcome {
  let last: OutcomeEvent | null = null;
  if (d.assessment !== null) {
    for (const e of args.known) {
      if (e.date > args.date) break;
      if (e.date >= args.start && args.matchAny(d.assessment.events, e)) last = e;
    }
  }
  const { status, counts } = milestoneAtDeadline({ held: args.held, assessed: d.assessment === null ? null : last !== null, ifMissing: d.assessment?.ifMissing ?? null });
  let words: string;
  if (status === "met") words = `"${d.milestoneLabel}" was met by ${args.date}${args.detail ? ` (${args.detail})` : ""}`;
  else if (status === "missed") {
    words = `"${d.milestoneLabel}" was not met by ${args.date}: ${args.detail || "no such event recorded"}${last !== null ? `; last assessment on file: ${last.kind}${last.response ? ` ${last.response}` : ""} on ${last.date}` : ""}`;
  } else {
    words = `no assessment (${d.assessment!.words}) was recorded by ${args.date}, so "${d.milestoneLabel}" could not be shown; the contract counts a missing assessment as ${counts}`;
  }
  return { date: args.date, status, counts, lastAssessment: last, words };
}
