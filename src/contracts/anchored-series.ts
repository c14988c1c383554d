// Calendar helpers shared by the care chapter (and open to the benefit-design work):
// anchored series of due dates and day arithmetic done on calendar fields only.
// Month steps go through calendar.ts's addOffset, so month-end clamping has one home.
import { invalid, type IssuePath } from "../core/errors.js";
import { addOffset, isCalendarDate } from "./calendar.js";

/**
 * The k-th date of a series anchored on `anchor`: `anchor + k·intervalMonths` months,
 * clamped to the month end, then `days` days. Always counted from the anchor, never from
 * the previous date, so a clamped date (02-28) cannot pull later dates back.
 */
export function seriesDate(anchor: string, k: number, intervalMonths: number, days = 0): string {
  // addOffset refuses a date past 9999-12-31 (the supported calendar range).
  return addOffset(anchor, { months: k * intervalMonths, days });
}

/**
 * The first `count` dates of the series `anchor + k·intervalMonths` months, k = 1…count
 * (month-end clamped, each counted from the anchor).
 *
 * @example
 * ```ts
 * anchoredSeries({ anchor: "2024-02-29", intervalMonths: 24, count: 3 });
 * // ["2026-02-28", "2028-02-29", "2030-02-28"]
 * ```
 *
 * @param input - The series: `anchor` (a calendar date), `intervalMonths` (1…1200) and `count` (≥ 1, spanning at most 1200 months).
 * @throws {ValidationError} when `input` is not an object, `anchor` is not a calendar date, or `intervalMonths` / `count` is out of range (the field path is named).
 * @category Financing
 */
export function anchoredSeries(input: { anchor: string; intervalMonths: number; count: number }): string[] {
  if (input === null || typeof input !== "object") throw invalid([], "expected { anchor, intervalMonths, count }", "invalid_type");
  const { anchor, intervalMonths, count } = input;
  if (!isCalendarDate(anchor)) throw invalid(["anchor"], "expected a calendar date YYYY-MM-DD", "invalid_date");
  if (!Number.isSafeInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 1200) throw invalid(["intervalMonths"], "intervalMonths is a whole number in 1…1200", "invalid_value");
  if (!Number.isSafeInteger(count) || count < 1 || count * intervalMonths > 1200) throw invalid(["count"], "count is a whole number ≥ 1 and the series spans at most 1200 months", "invalid_value");
  const out: string[] = [];
  for (let k = 1; k <= count; k++) out.push(seriesDate(anchor, k, intervalMonths));
  return out;
}

// Day numbers: days since 0000-03-01 of the proleptic Gregorian calendar, from the
// calendar fields alone (no Date object, so neither the host time zone nor Date.UTC's
// reading of years 0–99 as 19xx can move a day).

/** The day number of a calendar date (already checked). */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe;
}

/** The calendar date of a day number. */
export function dateOfDayNumber(n: number): string {
  const era = Math.floor(n / 146_097);
  const doe = n - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** `date` + `days` calendar days (either sign); outside years 0000–9999 is an error at `path`. */
export function addCalendarDays(date: string, days: number, path: IssuePath = ["date"]): string {
  const n = dayNumber(date) + days;
  const out = n < dayNumber("0000-01-01") ? "" : dateOfDayNumber(n);
  if (out.length !== 10) throw invalid(path, `${date} + ${days} days is outside the years 0000–9999`, "date_out_of_range");
  return out;
}

/** The Monday that starts the ISO week (Monday–Sunday) holding `date`. */
export function isoWeekMonday(date: string): string {
  const n = dayNumber(date);
  // Day number 0 (0000-03-01) was a Wednesday: Monday = 0 after shifting by 2.
  const weekday = (((n + 2) % 7) + 7) % 7;
  return dateOfDayNumber(n - weekday);
}
