// Calendar dates and offsets through the public API: shapes that are not dates, and the path,
// code and message of a bad date or offset.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { addDueOffset, isCalendarDate } from "../../src/index.js";
import { issues } from "../typed-errors.js";

describe("calendar: date shapes and offset errors", () => {
  it("isCalendarDate refuses non-digits that would still give a valid month or day", () => {
    // ':' is char 58 (digit value 10) and '/' is char 47 (digit value −1): without the digit
    // checks "0:" reads as month 10, "1/" as month 9, "0:" as day 10, "1/" as day 9.
    const no = ["2026-0:-01", "2026-1/-01", "2026-01-0:", "2026-01-1/", "2026/01-01", "2026-01/01", "202/-01-01"];
    expect(no.map(isCalendarDate)).toEqual(no.map(() => false));
    // The same shapes written with digits are dates.
    const yes = ["2026-10-01", "2026-09-01", "2026-01-10", "2026-01-09", "2019-01-01"];
    expect(yes.map(isCalendarDate)).toEqual(yes.map(() => true));
  });

  it("addDueOffset names the bad date or offset with path, code and message", () => {
    expect(issues(() => addDueOffset({ date: "2026-02-30", offset: { months: 1, days: 0 } }))).toEqual([
      { path: ["date"], code: "invalid_date", message: "expected a calendar date YYYY-MM-DD" },
    ]);
    const noOffset = [{ path: ["offset"], code: "invalid_type", message: "expected an offset { months, days }" }];
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: null as never }))).toEqual(noOffset);
    // A number is not an offset either (it must not be read as an object without fields).
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: 5 as never }))).toEqual(noOffset);
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: { months: 1201, days: 0 } }))).toEqual([
      { path: ["offset", "months"], code: "invalid_offset", message: "months is a whole number within ±1200" },
    ]);
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: { months: -1201, days: 0 } }))[0]!.path).toEqual(["offset", "months"]);
    expect(issues(() => addDueOffset({ date: "2026-01-15", offset: { months: 0, days: 36_501 } }))).toEqual([
      { path: ["offset", "days"], code: "invalid_offset", message: "days is a whole number within ±36500" },
    ]);
  });

  it("addDueOffset accepts offsets up to the bounds, either sign", () => {
    // 1,200 months = 100 years.
    expect(addDueOffset({ date: "2026-01-15", offset: { months: 1200, days: 0 } })).toBe("2126-01-15");
    expect(addDueOffset({ date: "2026-01-15", offset: { months: -1200, days: 0 } })).toBe("1926-01-15");
    // 2026-01-15 → 2126-01-15 has 24 leap days (2028…2124 every 4 years = 25, minus 2100):
    // 36,524 days, so 36,500 days is 24 days short of it: 2125-12-22.
    expect(addDueOffset({ date: "2026-01-15", offset: { months: 0, days: 36_500 } })).toBe("2125-12-22");
    // 1926-01-15 → 2026-01-15 has 25 leap days (1928…2024, 2000 included): 36,525 days,
    // so 36,500 days back lands 25 days after 1926-01-15: 1926-02-09.
    expect(addDueOffset({ date: "2026-01-15", offset: { months: 0, days: -36_500 } })).toBe("1926-02-09");
  });
});
