// Follow-up schedules and adherence (随访, care §2). Due dates are an anchored series on
// treatment start (T + k·n months, month-end clamped, never previous due + n); each
// assessment has a window [due − before, due + after] (both ends included). Statuses as of
// a date only move forward: open → overdue → missed, or to done.
import * as z from "zod";
import { careDateSchema } from "./common.js";
import { parseInput, step, type Step, ValidationError } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { addOffset, dueDateMemo, type DueOffset } from "../contracts/calendar.js";
import { roundDecimal } from "../money/index.js";
import { D } from "../money/decimal.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The status of one scheduled assessment as of a date; a contract's missed-assessment rule reads these.
 *
 * @category Follow-Up
 */
export type FollowUpStatus = "done" | "open" | "overdue" | "missed";

/**
 * Every follow-up status, in the order time moves them (done aside).
 *
 * @category Follow-Up
 */
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = Object.freeze(["open", "overdue", "missed", "done"]);

/**
 * One assessment type on a fixed interval: due T + k·intervalMonths months, k = 1…count.
 *
 * @category Follow-Up
 */
export const followUpAssessmentSchema = lazySchema(() => z
  .strictObject({
    /** The assessment type events are matched on (e.g. "imaging", "geneticTest", "visit"). */
    type: z.string().min(1),
    /** One interval n in months; a source range such as 「每2-3個月」 must be fixed to one n **[fixed]**. */
    intervalMonths: z.number().int().min(1).max(120),
    /** How many assessments of this type the course has, 1–240. */
    count: z.number().int().min(1).max(240),
  })
  .refine((a) => a.intervalMonths * a.count <= 1200, { message: "a schedule spans at most 1200 months", path: ["count"] }));

/**
 * The window around each due date, in days; 14 each side by default **[fixed]**.
 *
 * @category Follow-Up
 */
export const followUpWindowSchema = lazySchema(() => z.strictObject({
  /** Days before the due date an event still counts, 0–366 (default 14). */
  daysBefore: z.number().int().min(0).max(366).default(14),
  /** Days after the due date an event still counts, 0–366 (default 14); after that the assessment is missed. */
  daysAfter: z.number().int().min(0).max(366).default(14),
}));

/**
 * A course's follow-up schedule: its assessment types and the window.
 *
 * @category Follow-Up
 */
export const followUpScheduleSchema = lazySchema(() => z
  .strictObject({
    /** The scheduled assessments (随访项目), 1–64 types. */
    assessments: z.array(followUpAssessmentSchema).min(1).max(64),
    /** The window around each due date in which an event satisfies it (default ±14 days). */
    window: followUpWindowSchema.prefault({}),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.assessments.forEach((a, i) => {
      if (seen.has(a.type)) ctx.addIssue({ code: "custom", message: `assessment type ${JSON.stringify(a.type)} is scheduled twice`, path: ["assessments", i, "type"] });
      seen.add(a.type);
    });
  }));

/**
 * A follow-up event that happened: an assessment of `type` on `date`.
 *
 * @category Follow-Up
 */
export const followUpEventSchema = lazySchema(() => z.strictObject({
  /** The assessment type the event satisfies (matches a schedule entry's `type`). */
  type: z.string().min(1),
  /** The day the assessment was done (ISO calendar date). */
  date: careDateSchema,
  /** An optional reference to the source record. */
  id: z.string().min(1).optional(),
}));

/**
 * Input of {@link followUpStatus}.
 *
 * @category Follow-Up
 */
export const followUpStatusInputSchema = lazySchema(() => z.strictObject({
  /** The follow-up schedule (随访计划). */
  schedule: followUpScheduleSchema,
  /** The day treatment started; due dates count calendar months from it. */
  treatmentStart: careDateSchema,
  /** The assessments done, in any order (default none). */
  events: z.array(followUpEventSchema).default([]),
  /** The day the status is taken; later events are not counted. */
  asOf: careDateSchema,
}));

/**
 * One scheduled assessment and where it stands.
 *
 * @category Follow-Up
 */
export interface FollowUpAssessment {
  readonly type: string;
  /** k: the k-th assessment of its type. */
  readonly k: number;
  readonly due: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly status: FollowUpStatus;
  /** The date of the event that satisfied it. */
  readonly doneOn: string | null;
  /** Index into `events` of that event. */
  readonly event: number | null;
}

/**
 * Adherence = done ÷ (done + missed); only defined when that denominator is above 0.
 *
 * @category Follow-Up
 */
export interface AdherenceRate {
  readonly done: number;
  readonly missed: number;
  /** "5/6". */
  readonly fraction: string;
  /** Half-up to 4 decimals: "0.8333". */
  readonly rate: string;
}

/**
 * A course's follow-up as of a date.
 *
 * @category Follow-Up
 */
export interface FollowUpResult {
  readonly treatmentStart: string;
  readonly asOf: string;
  readonly assessments: readonly FollowUpAssessment[];
  /** Events on or before the as-of date that satisfied no assessment (reported only). */
  readonly unscheduled: readonly { readonly event: number; readonly type: string; readonly date: string }[];
  /** Events dated after the as-of date, not yet counted. */
  readonly eventsAfterAsOf: number;
  readonly counts: Readonly<Record<FollowUpStatus, number>>;
  /** `null` (undefined, not 0) while nothing is done or missed. */
  readonly adherenceRate: AdherenceRate | null;
  /** Every assessment of the course done (全程随访). */
  readonly fullFollowUp: boolean;
  /** The date of the event that completed the course, when full. */
  readonly completedOn: string | null;
  readonly explanation: readonly Step[];
}

type Schedule = z.output<typeof followUpScheduleSchema>;
type Event = z.output<typeof followUpEventSchema>;

interface Slot {
  type: string;
  k: number;
  due: string;
  windowStart: string;
  windowEnd: string;
  doneOn: string | null;
  event: number | null;
}

/** The shared core of the explained and the bulk paths. */
function assess(schedule: Schedule, start: string, events: readonly Event[], asOf: string, dateOf: (start: string, offset: DueOffset) => string) {
  const byType = new Map<string, Slot[]>();
  const slots: Slot[] = [];
  const { daysBefore, daysAfter } = schedule.window;
  for (const a of schedule.assessments) {
    const list: Slot[] = [];
    for (let k = 1; k <= a.count; k++) {
      const months = k * a.intervalMonths;
      const slot: Slot = {
        type: a.type,
        k,
        due: dateOf(start, { months, days: 0 }),
        // Window ends counted from T too (T + k·n months ± days), so they share the anchor.
        windowStart: dateOf(start, { months, days: -daysBefore }),
        windowEnd: dateOf(start, { months, days: daysAfter }),
        doneOn: null,
        event: null,
      };
      // Past 9999-12-31 the text grows a fifth year digit and would no longer compare as a date.
      if (slot.windowEnd.length !== 10 || slot.windowStart.length !== 10) throw invalid(["treatmentStart"], `${a.type} #${k} would fall after the year 9999`, "date_out_of_range");
      list.push(slot);
      slots.push(slot);
    }
    byType.set(a.type, list);
  }
  const order = events.map((_, i) => i).sort((a, b) => (events[a]!.date < events[b]!.date ? -1 : events[a]!.date > events[b]!.date ? 1 : a - b));
  const unscheduled: { event: number; type: string; date: string }[] = [];
  let after = 0;
  for (const i of order) {
    const e = events[i]!;
    if (e.date > asOf) {
      after++;
      continue;
    }
    const match = byType.get(e.type)?.find((s) => s.doneOn === null && s.windowStart <= e.date && e.date <= s.windowEnd);
    if (match === undefined) unscheduled.push({ event: i, type: e.type, date: e.date });
    else {
      match.doneOn = e.date;
      match.event = i;
    }
  }
  const counts = { done: 0, open: 0, overdue: 0, missed: 0 };
  let completedOn: string | null = null;
  const statuses: FollowUpStatus[] = slots.map((s) => {
    const status: FollowUpStatus = s.doneOn !== null ? "done" : asOf <= s.due ? "open" : asOf <= s.windowEnd ? "overdue" : "missed";
    counts[status]++;
    if (s.doneOn !== null && (completedOn === null || s.doneOn > completedOn)) completedOn = s.doneOn;
    return status;
  });
  const full = counts.done === slots.length;
  return { slots, statuses, unscheduled, after, counts, full, completedOn: full ? completedOn : null };
}

function adherence(done: number, missed: number): AdherenceRate | null {
  if (done + missed === 0) return null;
  return { done, missed, fraction: `${done}/${done + missed}`, rate: roundDecimal(new D(done).dividedBy(done + missed), 4, "half-up").toFixed(4) };
}

/**
 * A course's follow-up as of a date: each assessment `done`, `open` (as-of ≤ due),
 * `overdue` (due < as-of ≤ window end) or `missed` (as-of > window end); events in date
 * order each satisfy the earliest not-done assessment of their type whose window holds
 * them, any other is `unscheduled`; adherence = done ÷ (done + missed), `null` when
 * nothing is done or missed; full follow-up when every assessment is done.
 *
 * @example
 * ```ts
 * const r = followUpStatus({
 *   schedule: { assessments: [{ type: "visit", intervalMonths: 1, count: 2 }] },
 *   treatmentStart: "2025-12-31", events: [{ type: "visit", date: "2026-02-14" }], asOf: "2026-03-15",
 * });
 * r.assessments.map((a) => a.status); // ["done", "missed"]
 * r.adherenceRate?.rate;               // "0.5000"
 * ```
 *
 * @category Follow-Up
 * @param input - the named arguments, parsed with `followUpStatusInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `followUpStatusInputSchema` (the issue names the field path)
 * @throws {ValidationError} `date_out_of_range` at `treatmentStart` when an assessment window would end after the year 9999
 */
export function followUpStatus(input: z.input<typeof followUpStatusInputSchema>): FollowUpResult {
  const p = parseInput(followUpStatusInputSchema, input, "followUpStatus");
  const r = assess(p.schedule, p.treatmentStart, p.events, p.asOf, addOffset);
  const assessments: FollowUpAssessment[] = r.slots.map((s, i) => ({ ...s, status: r.statuses[i]! }));
  const rate = adherence(r.counts.done, r.counts.missed);
  const { daysBefore, daysAfter } = p.schedule.window;
  const explanation: Step[] = [
    step(
      "care.follow-up.schedule",
      `Due dates count from treatment start ${p.treatmentStart}: T + k·n months (month-end clamped); each window runs ${daysBefore} days before to ${daysAfter} days after its due date, both ends included.`,
      { treatmentStart: p.treatmentStart, assessments: p.schedule.assessments.map((a) => ({ type: a.type, intervalMonths: a.intervalMonths, count: a.count })), daysBefore, daysAfter },
    ),
    ...assessments.map((a) =>
      step(
        `care.follow-up.${a.status}`,
        `${a.type} #${a.k} due ${a.due} (window ${a.windowStart}…${a.windowEnd}): ${a.status === "done" ? `done on ${a.doneOn} (events[${a.event}])` : a.status === "open" ? `open on ${p.asOf}` : a.status === "overdue" ? `overdue on ${p.asOf}, window still open` : `missed: the window closed ${a.windowEnd}`}.`,
        { type: a.type, k: a.k, due: a.due, status: a.status },
      ),
    ),
    ...r.unscheduled.map((u) => step("care.follow-up.unscheduled", `events[${u.event}] (${u.type} on ${u.date}) satisfies no open assessment's window: unscheduled, reported only.`, { type: u.type, date: u.date })),
    step(
      "care.follow-up.adherence",
      rate === null ? "Adherence has no value yet (null, not 0): nothing is done or missed." : `Adherence = done ÷ (done + missed) = ${rate.fraction} = ${rate.rate} (half-up, 4 decimals).`,
      { done: r.counts.done, missed: r.counts.missed, rate: rate?.rate ?? null },
    ),
    step("care.follow-up.full", r.full ? `Full follow-up: every assessment of the course is done (last on ${r.completedOn}).` : "No full follow-up: not every assessment of the course is done.", { fullFollowUp: r.full }),
  ];
  if (r.after > 0) explanation.push(step("care.follow-up.after-as-of", `${r.after} event(s) dated after ${p.asOf} are not counted yet.`, { count: r.after }));
  return {
    treatmentStart: p.treatmentStart,
    asOf: p.asOf,
    assessments,
    unscheduled: r.unscheduled,
    eventsAfterAsOf: r.after,
    counts: r.counts,
    adherenceRate: rate,
    fullFollowUp: r.full,
    completedOn: r.completedOn,
    explanation,
  };
}

/**
 * Input of {@link followUpCohort}: one schedule, many patients, one as-of date.
 *
 * @category Follow-Up
 */
export const followUpCohortInputSchema = lazySchema(() => z.strictObject({
  /** The one follow-up schedule every patient follows. */
  schedule: followUpScheduleSchema,
  /** The day the statuses are taken. */
  asOf: careDateSchema,
  /** The patients, each with a treatment start and events. */
  patients: z.array(
    z.strictObject({
      /** The patient's id. */
      patientId: z.string().min(1),
      /** The day this patient's treatment started. */
      treatmentStart: careDateSchema,
      /** This patient's assessments done (default none). */
      events: z.array(followUpEventSchema).default([]),
    }),
  ),
}));

/**
 * One patient's follow-up in a cohort run: statuses in schedule order, counts, adherence.
 *
 * @category Follow-Up
 */
export interface FollowUpCohortRow {
  readonly patientId: string;
  /** Statuses in the order of {@link followUpStatus}'s assessments. */
  readonly statuses: readonly FollowUpStatus[];
  readonly counts: Readonly<Record<FollowUpStatus, number>>;
  /** Half-up to 4 decimals, or `null` when nothing is done or missed. */
  readonly adherenceRate: string | null;
  readonly fullFollowUp: boolean;
}

/**
 * A cohort's follow-up as of a date.
 *
 * @category Follow-Up
 */
export interface FollowUpCohortResult {
  readonly asOf: string;
  readonly patients: readonly FollowUpCohortRow[];
  readonly totals: Readonly<Record<FollowUpStatus, number>> & { readonly fullFollowUp: number };
  readonly explanation: readonly Step[];
}

/**
 * Follow-up statuses for a cohort on one schedule: the same rules as
 * {@link followUpStatus} (same core), without per-assessment sentences, with due dates
 * computed once per distinct treatment start.
 *
 * @example
 * ```ts
 * followUpCohort({
 *   schedule: { assessments: [{ type: "visit", intervalMonths: 1, count: 12 }] },
 *   asOf: "2026-12-31",
 *   patients: [{ patientId: "p1", treatmentStart: "2026-01-15", events: [{ type: "visit", date: "2026-02-15" }] }],
 * }).patients[0].counts; // { done: 1, open: 1, overdue: 0, missed: 10 }
 * ```
 *
 * @category Follow-Up
 * @param input - the named arguments, parsed with `followUpCohortInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `followUpCohortInputSchema` (the issue names the field path)
 * @throws {ValidationError} with the path under `patients.<n>` when one patient's record is malformed, or an assessment window would end after the year 9999
 */
export function followUpCohort(input: z.input<typeof followUpCohortInputSchema>): FollowUpCohortResult {
  const p = parseInput(followUpCohortInputSchema, input, "followUpCohort");
  const memo = dueDateMemo();
  const totals = { done: 0, open: 0, overdue: 0, missed: 0, fullFollowUp: 0 };
  const patients = p.patients.map((pt, n): FollowUpCohortRow => {
    let r: ReturnType<typeof assess>;
    try {
      r = assess(p.schedule, pt.treatmentStart, pt.events, p.asOf, memo);
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError(e.issues.map((i) => ({ ...i, path: ["patients", n, ...i.path] })), "followUpCohort");
      throw e;
    }
    totals.done += r.counts.done;
    totals.open += r.counts.open;
    totals.overdue += r.counts.overdue;
    totals.missed += r.counts.missed;
    if (r.full) totals.fullFollowUp++;
    return { patientId: pt.patientId, statuses: r.statuses, counts: r.counts, adherenceRate: adherence(r.counts.done, r.counts.missed)?.rate ?? null, fullFollowUp: r.full };
  });
  return {
    asOf: p.asOf,
    patients,
    totals,
    explanation: [
      step("care.follow-up.cohort", `${patients.length} patient(s) assessed as of ${p.asOf} on one schedule; per patient as in followUpStatus.`, { patients: patients.length, ...totals }),
    ],
  };
}
