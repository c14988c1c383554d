import { invalid } from "../core/errors.js";

/**
 * An offset from treatment start: whole calendar months, then whole days.
 *
 * @category Contract Documents
 */
export interface DueOffset {
  readonly months: number;
  readonly days: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * True when `text` is an existing calendar date written `YYYY-MM-DD`.
 * Hand-written rather than `parseISO` because it runs once per event of every patient.
 *
 * @example
 * ```ts
 * isCalendarDate("2028-02-29"); // true
 * isCalendarDate("2026-02-29"); // false
 * ```
 *
 * @param text - Any value; only a string of the form `YYYY-MM-DD` naming an existing day passes.
 * @category Contract Documents
 */
export function isCalendarDate(text: unknown): text is string {
  return calendarDayNumber(text) !== -1;
}

/**
 * The date as the number YYYYMMDD when `text` is an existing calendar date written
 * `YYYY-MM-DD` (exactly when {@link isCalendarDate} holds), else -1. Two such dates
 * compare as their numbers compare, as their texts do: a history's order is checked on
 * the numbers its validation has already read, without comparing strings.
 */
export function calendarDayNumber(text: unknown): number {
  if (typeof text !== "string" || text.length !== 10) return -1;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    year = year * 10 + c;
  }
  const m1 = text.charCodeAt(5) - 48;
  const m2 = text.charCodeAt(6) - 48;
  const d1 = text.charCodeAt(8) - 48;
  const d2 = text.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  if (month < 1 || month > 12 || day < 1) return -1;
  const max = month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] as number);
  return day <= max ? year * 10_000 + month * 100 + day : -1;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/**
 * `date` moved by whole calendar months and then days, clamping to the month's end
 * (2026-01-31 + 3 months = 2026-04-30), on the calendar fields, so no time zone can
 * shift the day. The positional form used inside the chapter; the public entry point
 * is {@link addDueOffset}.
 *
 * @example
 * ```ts
 * addOffset("2026-01-31", { months: 3, days: 0 }); // "2026-04-30"
 * ```
 */
export function addOffset(date: string, offset: DueOffset): string {
  if (!isCalendarDate(date)) throw invalid(["date"], "expected a calendar date YYYY-MM-DD", "invalid_date");
  if (offset === null || typeof offset !== "object") throw invalid(["offset"], "expected an offset { months, days }", "invalid_type");
  for (const key of ["months", "days"] as const) {
    const n = offset[key];
    // the bounds of dueOffsetSchema, either sign
    if (!Number.isSafeInteger(n) || Math.abs(n) > (key === "months" ? 1200 : 36_500)) throw invalid(["offset", key], `${key} is a whole number within ±${key === "months" ? 1200 : 36_500}`, "invalid_offset");
  }
  if (offset.months === 0 && offset.days === 0) return date;
  // Calendar fields only (M5): no Date object, so the host time zone can never move a day.
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const total = y * 12 + (mo - 1) + offset.months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  let day = daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
  day += offset.days;
  const [ry, rm, rd] = civilFromDays(day);
  // M4: one supported range, 0000-01-01 … 9999-12-31 (four-digit years, as the input); a date past it would sort wrongly as text.
  if (ry < MIN_CALENDAR_YEAR || ry > MAX_CALENDAR_YEAR) {
    throw invalid(["offset"], `${date} plus ${describeOffset(offset).replace(" after treatment start", "")} leaves the supported calendar range ${pad(MIN_CALENDAR_YEAR, 4)}-01-01 … ${MAX_CALENDAR_YEAR}-12-31`, "out_of_range");
  }
  return `${pad(ry, 4)}-${pad(rm, 2)}-${pad(rd, 2)}`;
}

/**
 * Input of {@link addDueOffset}: a calendar date and an offset of whole months, then days.
 *
 * @category Terms
 */
export interface AddDueOffsetInput {
  /** The calendar date to move, `YYYY-MM-DD`. */
  readonly date: string;
  /** Whole calendar months (|months| ≤ 1200), then whole days (|days| ≤ 36,500); either may be negative. */
  readonly offset: DueOffset;
}

/**
 * `date` moved by whole calendar months and then days, clamping to the month's end
 * (2026-01-31 + 3 months = 2026-04-30): how a contract's due dates and deadlines are
 * computed. Works on the calendar fields only, so no host time zone can shift the day.
 *
 * @param input - the date and the offset.
 * @param input.date - a calendar date `YYYY-MM-DD`.
 * @param input.offset - `{ months, days }`, whole numbers (|months| ≤ 1200, |days| ≤ 36,500).
 * @returns the moved date, `YYYY-MM-DD`.
 * @throws {ValidationError} when the input is not `{ date, offset }`, the date is not a calendar date (path `date`), an offset field is not a whole number in range (path `offset.months` / `offset.days`), or the result leaves 0000-01-01 … 9999-12-31 (path `offset`).
 * @category Terms
 *
 * @example
 * ```ts
 * addDueOffset({ date: "2026-01-31", offset: { months: 3, days: 0 } }); // "2026-04-30"
 * ```
 */
export function addDueOffset(input: AddDueOffsetInput): string {
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw invalid([], "expected { date, offset }", "invalid_type");
  for (const key of Object.keys(input)) if (key !== "date" && key !== "offset") throw invalid([key], `unknown field "${key}": addDueOffset takes { date, offset }`, "unrecognized_keys");
  // The checks (and their paths: date, offset.months, offset.days) are addOffset's.
  return addOffset(input.date, input.offset);
}

/**
 * First year of the supported calendar range (proleptic Gregorian, year 0 = 1 BC).
 *
 * @category Contract Documents
 */
export const MIN_CALENDAR_YEAR = 0;
/**
 * Last year of the supported calendar range: computed dates past 9999-12-31 are refused.
 *
 * @category Contract Documents
 */
export const MAX_CALENDAR_YEAR = 9999;

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

// Day numbers of the proleptic Gregorian calendar (days from 1970-01-01), by whole-number arithmetic on the fields.
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z0: number): [number, number, number] {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Describes an offset in words: "3 months", "30 days", "1 month 15 days", "treatment start". */
export function describeOffset(offset: DueOffset): string {
  const parts: string[] = [];
  if (offset.months !== 0) parts.push(`${offset.months} month${offset.months === 1 ? "" : "s"}`);
  if (offset.days !== 0) parts.push(`${offset.days} day${offset.days === 1 ? "" : "s"}`);
  return parts.length === 0 ? "treatment start" : `${parts.join(" ")} after treatment start`;
}

/** Whole days from `a` to `b` (calendar dates), via UTC so daylight saving cannot add or lose an hour. */
export function daysBetween(a: string, b: string): number {
  const ua = Date.UTC(Number(a.slice(0, 4)), Number(a.slice(5, 7)) - 1, Number(a.slice(8, 10)));
  const ub = Date.UTC(Number(b.slice(0, 4)), Number(b.slice(5, 7)) - 1, Number(b.slice(8, 10)));
  return Math.round((ub - ua) / 86_400_000);
}

/**
 * A memoised {@link addOffset} for one contract: a cohort has few distinct start dates
 * but many patients, so each (start, offset) pair is computed once. Bounded in size.
 */
export function dueDateMemo(limit = 200_000): (start: string, offset: DueOffset) => string {
  // Keyed by start date, then by one number for the offset: for the offsets addOffset
  // accepts (|months| ≤ 1200, |days| ≤ 36,500) months × 100,000 + days names one offset.
  // Any other offset goes straight to addOffset, which refuses it, so it can never be
  // answered from the memo under another offset's key.
  const memo = new Map<string, Map<number, string>>();
  let size = 0;
  return (start: string, offset: DueOffset): string => {
    // No shortcut for a zero offset: the start date is checked (by addOffset) before
    // anything is stored, and only a stored start can be answered from the memo.
    const { months, days } = offset;
    if (!Number.isInteger(months) || !Number.isInteger(days) || Math.abs(months) > 1200 || Math.abs(days) > 36_500) return addOffset(start, offset);
    const key = months * 100_000 + days;
    let byOffset = memo.get(start);
    const hit = byOffset?.get(key);
    if (hit !== undefined) return hit;
    const due = addOffset(start, offset);
    if (size < limit) {
      if (byOffset === undefined) memo.set(start, (byOffset = new Map()));
      byOffset.set(key, due);
      size += 1;
    }
    return due;
  };
}
