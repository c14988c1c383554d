// Calendar: date shapes, month ends and leap years, offsets in words, days between dates,
// and the due-date memo against addDueOffset. Reaches the internal calendar helpers.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { addDueOffset, isCalendarDate } from "../../src/index.js";
import { daysBetween, describeOffset, dueDateMemo } from "../../src/contracts/calendar.js";

describe("calendar: dates, offsets, the due-date memo", () => {
  it("isCalendarDate checks shape, month lengths and leap years", () => {
    const yes = ["2026-01-31", "2028-02-29", "2000-02-29", "2026-04-30", "2026-12-31", "0001-01-01"];
    const no = ["2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026/01/01", "2026-01-1", "20a6-01-01", "2026-0a-01", "2026-01-0a", "2026-1a-01", "2026-01-a1", "2026-01-011", 20260101];
    expect(yes.map(isCalendarDate)).toEqual(yes.map(() => true));
    expect(no.map(isCalendarDate)).toEqual(no.map(() => false));
  });

  it("addDueOffset clamps to month ends and handles days and early years", () => {
    expect(addDueOffset({ date: "2026-01-31", offset: { months: 1, days: 0 } })).toBe("2026-02-28");
    expect(addDueOffset({ date: "2028-01-31", offset: { months: 1, days: 0 } })).toBe("2028-02-29");
    expect(addDueOffset({ date: "2026-01-31", offset: { months: 0, days: 1 } })).toBe("2026-02-01");
    // 1 month then 1 day: 2026-01-31 → 2026-02-28 → 2026-03-01.
    expect(addDueOffset({ date: "2026-01-31", offset: { months: 1, days: 1 } })).toBe("2026-03-01");
    expect(addDueOffset({ date: "2026-05-05", offset: { months: 0, days: 0 } })).toBe("2026-05-05");
    // Year 50 stays year 50 (not 1950).
    expect(addDueOffset({ date: "0050-12-31", offset: { months: 2, days: 0 } })).toBe("0051-02-28");
    expect(addDueOffset({ date: "0099-01-01", offset: { months: 0, days: 31 } })).toBe("0099-02-01");
  });

  it("describeOffset and daysBetween", () => {
    expect(describeOffset({ months: 0, days: 0 })).toBe("treatment start");
    expect(describeOffset({ months: 1, days: 1 })).toBe("1 month 1 day after treatment start");
    expect(describeOffset({ months: 2, days: 0 })).toBe("2 months after treatment start");
    expect(describeOffset({ months: 0, days: 2 })).toBe("2 days after treatment start");
    // 2026-01-01 → 2026-03-01: 31 + 28 = 59 days; across a DST change in many zones.
    expect(daysBetween("2026-01-01", "2026-03-01")).toBe(59);
    expect(daysBetween("2026-03-01", "2026-01-01")).toBe(-59);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2); // leap day between
  });

  it("dueDateMemo gives the same dates as addDueOffset", () => {
    const due = dueDateMemo(1);
    expect(due("2026-01-31", { months: 0, days: 0 })).toBe("2026-01-31");
    expect(due("2026-01-31", { months: 1, days: 0 })).toBe("2026-02-28");
    expect(due("2026-01-31", { months: 1, days: 0 })).toBe("2026-02-28");
    expect(due("2026-01-31", { months: 0, days: 1 })).toBe("2026-02-01");
    expect(due("2026-01-31", { months: 1, days: 1 })).toBe("2026-03-01");
  });
});
