// Review deadlines in working days (工作日): Monday–Friday, less the caller's public
// holidays, plus the caller's make-up working days on weekends (调休). Counted on the
// calendar fields of ISO dates only, so the host time zone can never move a day.
import * as z from "zod";
import { DomainError, type Explanation, type IssuePath, isoDateSchema, parseInput, step } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/** The longest working-day period accepted (about forty years of working days). */
const MAX_WORKING_DAYS = 10_000;

/**
 * The zod schema of a working-day calendar: the caller's holidays and make-up working days.
 *
 * @category Claim Review
 */
export const workingDayCalendarSchema = lazySchema(() => z
  .strictObject({
    /** Days that are not worked although they may be weekdays (节假日), e.g. 2026-10-01…10-07. */
    holidays: z.array(isoDateSchema).max(100_000).optional(),
    /** Weekend days that are worked (调休 make-up days), e.g. Saturday 2026-10-10. */
    extraWorkingDays: z.array(isoDateSchema).max(100_000).optional(),
  })
  .strict());

/**
 * A working-day calendar as JSON.
 *
 * @category Claim Review
 */
export type WorkingDayCalendarInput = z.input<typeof workingDayCalendarSchema>;

/** A parsed working-day calendar: sets of day numbers, ready for counting. */
interface Calendar {
  readonly holidays: ReadonlySet<number>;
  readonly extra: ReadonlySet<number>;
}

// Day numbers of the proleptic Gregorian calendar (days from 1970-01-01), by integer
// arithmetic on the fields (Howard Hinnant's civil-from-days algorithm).
function dayNumber(date: string): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function dateOf(n: number): string {
  const z0 = n + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw invalid(["workingDays"], "the deadline falls outside the years 0000–9999", "out_of_range");
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01, day 0, was a Thursday). */
function weekday(n: number): number {
  return (((n + 3) % 7) + 7) % 7 + 1;
}

const WEEKDAY_NAMES = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function readCalendar(doc: z.output<typeof workingDayCalendarSchema>, at: IssuePath): Calendar {
  const holidays = new Set<number>();
  const extra = new Set<number>();
  (doc.extraWorkingDays ?? []).forEach((d, i) => {
    const n = dayNumber(d);
    // A make-up day on a weekday changes nothing: it is almost always a mistyped date.
    if (weekday(n) < 6) {
      throw new DomainError("INCONSISTENT_INPUT", `${d} is a ${WEEKDAY_NAMES[weekday(n)]}: a make-up working day (调休) is a Saturday or Sunday`, { path: [...at, "extraWorkingDays", i] });
    }
    extra.add(n);
  });
  (doc.holidays ?? []).forEach((d, i) => {
    const n = dayNumber(d);
    if (extra.has(n)) {
      throw new DomainError("INCONSISTENT_INPUT", `${d} is listed both as a holiday and as a make-up working day`, { path: [...at, "holidays", i] });
    }
    holidays.add(n);
  });
  return { holidays, extra };
}

function isWorking(cal: Calendar, n: number): boolean {
  if (cal.extra.has(n)) return true;
  return weekday(n) < 6 && !cal.holidays.has(n);
}

/** The N-th working day strictly after day `from`. */
function nthWorkingDayAfter(cal: Calendar, from: number, count: number): number {
  let n = from;
  let left = count;
  while (left > 0) {
    n += 1;
    if (isWorking(cal, n)) left -= 1;
  }
  return n;
}

/** Working days in (from, to]; 0 when to ≤ from. */
function workingDaysIn(cal: Calendar, from: number, to: number): number {
  let k = 0;
  for (let n = from + 1; n <= to; n++) if (isWorking(cal, n)) k += 1;
  return k;
}

/**
 * The zod schema of {@link addWorkingDays}' input.
 *
 * @category Claim Review
 */
export const addWorkingDaysInputSchema = lazySchema(() => z
  .strictObject({
    /** The day counting starts after (the submission date); it never counts itself. */
    from: isoDateSchema,
    /** How many working days, ≥ 1. */
    workingDays: z.number().int().min(1).max(MAX_WORKING_DAYS),
    /** The caller's holiday calendar (holidays and make-up working days); weekends only when empty. */
    calendar: workingDayCalendarSchema,
  })
  .strict());

/**
 * The N-th working day strictly after a date: weekdays not in `holidays`, plus the
 * weekend days in `extraWorkingDays`.
 *
 * @param input - The start date, the number of working days and the holiday calendar.
 * @throws {ValidationError} when the input does not match `addWorkingDaysInputSchema` (the field path is named).
 * @throws {DomainError} INCONSISTENT_INPUT for a calendar that contradicts itself (a day both a holiday and a make-up working day, or a make-up day on a weekday).
 * @example
 * ```ts
 * addWorkingDays({ from: "2026-03-06", workingDays: 2, calendar: {} }); // "2026-03-10" (Fri + 2 → Tue)
 * ```
 * @category Claim Review
 */
export function addWorkingDays(input: z.input<typeof addWorkingDaysInputSchema>): string {
  const x = parseInput(addWorkingDaysInputSchema, input, "addWorkingDays");
  return dateOf(nthWorkingDayAfter(readCalendar(x.calendar, ["calendar"]), dayNumber(x.from), x.workingDays));
}

/**
 * The zod schema of {@link countWorkingDays}' input.
 *
 * @category Claim Review
 */
export const countWorkingDaysInputSchema = lazySchema(() => z
  .strictObject({
    /** Counting starts the day after this date. */
    from: isoDateSchema,
    /** … and ends on this date, inclusive. */
    to: isoDateSchema,
    /** The caller's holiday calendar (holidays and make-up working days); weekends only when empty. */
    calendar: workingDayCalendarSchema,
  })
  .strict());

/**
 * Working days after `from` up to and including `to` (0 when `to` is not after `from`).
 *
 * @param input - The two dates and the holiday calendar.
 * @throws {ValidationError} when the input does not match `countWorkingDaysInputSchema` (the field path is named).
 * @throws {DomainError} INCONSISTENT_INPUT for a calendar that contradicts itself (a day both a holiday and a make-up working day, or a make-up day on a weekday).
 * @example
 * ```ts
 * countWorkingDays({ from: "2026-10-09", to: "2026-10-13", calendar: { extraWorkingDays: ["2026-10-10"] } }); // 3 (Sat 10, Mon 12, Tue 13)
 * ```
 * @category Claim Review
 */
export function countWorkingDays(input: z.input<typeof countWorkingDaysInputSchema>): number {
  const x = parseInput(countWorkingDaysInputSchema, input, "countWorkingDays");
  const from = dayNumber(x.from);
  const to = dayNumber(x.to);
  if (to - from > MAX_WORKING_DAYS * 2) throw invalid(["to"], `at most ${MAX_WORKING_DAYS * 2} calendar days are counted at once`, "too_big");
  return workingDaysIn(readCalendar(x.calendar, ["calendar"]), from, to);
}

const slaSchema = lazySchema(() => z
  .strictObject({
    /** Working days to decide an auto-approved claim. */
    "auto-approve": z.number().int().min(1).max(MAX_WORKING_DAYS).optional(),
    /** Working days to decide a claim sent to manual review (e.g. 2, cut from 15). */
    "manual-review": z.number().int().min(1).max(MAX_WORKING_DAYS).optional(),
    /** Working days to decide a claim that needs an on-site inspection. */
    "on-site-inspection": z.number().int().min(1).max(MAX_WORKING_DAYS).optional(),
  })
  .strict());

/**
 * The zod schema of {@link reviewDeadline}'s input.
 *
 * @category Claim Review
 */
export const reviewDeadlineInputSchema = lazySchema(() => z
  .strictObject({
    /** The submission date S; day 1 is the first working day after it. */
    submittedOn: isoDateSchema,
    /** The review period in working days (e.g. 2, cut from 15). Give this or `sla` with `action`. */
    workingDays: z.number().int().min(1).max(MAX_WORKING_DAYS).optional(),
    /** Working days allowed per triage action, e.g. `{ "manual-review": 2, "on-site-inspection": 15 }`. */
    sla: slaSchema.optional(),
    /** The triage action of the claim (from {@link triageClaim}); picks the period from `sla`. */
    action: z.enum(["auto-approve", "manual-review", "on-site-inspection"]).optional(),
    /** The caller's holiday calendar (holidays and make-up working days); weekends only when empty. */
    calendar: workingDayCalendarSchema,
    /** The decision date, when known. */
    decidedOn: isoDateSchema.optional(),
  })
  .strict());

/**
 * Result of {@link reviewDeadline}.
 *
 * @category Claim Review
 */
export interface ReviewDeadlineResult {
  readonly submittedOn: string;
  readonly workingDays: number;
  /** The last day a decision is on time: the N-th working day after submission. */
  readonly due: string;
  readonly decision?: {
    readonly on: string;
    readonly onTime: boolean;
    /** Working days after the due date up to and including the decision date. */
    readonly lateByWorkingDays: number;
    /** Calendar days after the due date (a decision on a weekend after the due Friday is late by 1–2 calendar days but 0 working days). */
    readonly lateByCalendarDays: number;
  };
  readonly explanation: Explanation;
}

/**
 * The due date of a claim review counted in working days, and whether the decision met
 * it. The N-th working day strictly after the submission date is the last day on time;
 * lateness is counted in working days after it (and in calendar days).
 *
 * @param input - The submission date, the period (or an SLA table and the triage action), the calendar and the decision date.
 * @throws {ValidationError} when the input does not match `reviewDeadlineInputSchema`, or states no period or two (missing_period, ambiguous_period, missing_action), with the field path.
 * @throws {DomainError} UNKNOWN_KEY for an action the SLA table lacks; EVENT_ORDER for a decision dated before the submission; INCONSISTENT_INPUT for a calendar that contradicts itself.
 * @example
 * ```ts
 * const r = reviewDeadline({
 *   submittedOn: "2026-09-30",
 *   workingDays: 2,
 *   calendar: { holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"], extraWorkingDays: ["2026-10-10"] },
 *   decidedOn: "2026-10-13",
 * });
 * r.due;                          // "2026-10-09"
 * r.decision?.lateByWorkingDays; // 3
 * ```
 * @category Claim Review
 */
export function reviewDeadline(input: z.input<typeof reviewDeadlineInputSchema>): ReviewDeadlineResult {
  const x = parseInput(reviewDeadlineInputSchema, input, "reviewDeadline");
  let days: number;
  let source: string;
  if (x.workingDays !== undefined) {
    if (x.sla !== undefined) throw invalid(["sla"], "give the review period either as workingDays or as sla with action, not both", "ambiguous_period");
    days = x.workingDays;
    source = `a review period of ${days} working day${days === 1 ? "" : "s"}`;
  } else {
    if (x.sla === undefined) throw invalid(["workingDays"], "give the review period: workingDays, or sla with action", "missing_period");
    if (x.action === undefined) throw invalid(["action"], "an sla table needs the claim's triage action to pick its period", "missing_action");
    const d = x.sla[x.action];
    if (d === undefined) throw new DomainError("UNKNOWN_KEY", `the sla table gives no period for ${x.action}`, { path: ["sla", x.action], details: { known: Object.keys(x.sla) } });
    days = d;
    source = `the ${x.action} period of ${days} working day${days === 1 ? "" : "s"} (sla)`;
  }
  const cal = readCalendar(x.calendar, ["calendar"]);
  const s = dayNumber(x.submittedOn);
  const dueDay = nthWorkingDayAfter(cal, s, days);
  const due = dateOf(dueDay);
  const skipped = dueDay - s - days;
  const explanation = [
    step(
      "tiers.review.working-days.due",
      `Submitted ${x.submittedOn} (${WEEKDAY_NAMES[weekday(s)]}); with ${source}, counting from the next working day, the decision is due by ${due} (${WEEKDAY_NAMES[weekday(dueDay)]}); ${skipped} weekend or holiday day${skipped === 1 ? "" : "s"} skipped on the way.`,
      { submittedOn: x.submittedOn, workingDays: days, holidays: (x.calendar.holidays ?? []).length, extraWorkingDays: x.calendar.extraWorkingDays ?? [], due },
    ),
  ];
  let decision: ReviewDeadlineResult["decision"];
  if (x.decidedOn !== undefined) {
    const dd = dayNumber(x.decidedOn);
    if (dd < s) throw new DomainError("EVENT_ORDER", `the decision (${x.decidedOn}) is dated before the submission (${x.submittedOn})`, { path: ["decidedOn"] });
    const lateW = workingDaysIn(cal, dueDay, dd);
    const lateC = Math.max(0, dd - dueDay);
    decision = { on: x.decidedOn, onTime: dd <= dueDay, lateByWorkingDays: lateW, lateByCalendarDays: lateC };
    explanation.push(
      step(
        "tiers.review.working-days.decision",
        dd <= dueDay
          ? `The decision on ${x.decidedOn} was on time (due ${due}).`
          : `The decision on ${x.decidedOn} was late: ${lateW} working day${lateW === 1 ? "" : "s"} (${lateC} calendar day${lateC === 1 ? "" : "s"}) after the due date ${due}.`,
        { decidedOn: x.decidedOn, due, lateByWorkingDays: lateW, lateByCalendarDays: lateC },
      ),
    );
  }
  return { submittedOn: x.submittedOn, workingDays: days, due, ...(decision ? { decision } : {}), explanation };
}

