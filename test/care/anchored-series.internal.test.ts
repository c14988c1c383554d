// The calendar helpers of src/contracts/anchored-series.ts (internal: not in the public API).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, dateOfDayNumber, dayNumber, isoWeekMonday, seriesDate } from "../../src/contracts/anchored-series.js";
import { runs } from "../arbitraries.js";

const utcDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

describe("anchored-series calendar helpers", () => {
  it("day numbers count calendar days exactly as UTC days do (1900–2199), and round-trip", () => {
    fc.assert(
      fc.property(fc.integer({ min: utcDay("1900-01-01"), max: utcDay("2199-12-31") }), (u) => {
        const date = new Date(u * 86_400_000).toISOString().slice(0, 10);
        expect(dayNumber(date) - dayNumber("1970-01-01")).toBe(u);
        expect(dateOfDayNumber(dayNumber(date))).toBe(date);
        expect(addCalendarDays(date, 14)).toBe(new Date((u + 14) * 86_400_000).toISOString().slice(0, 10));
        const monday = isoWeekMonday(date);
        expect(new Date(utcDay(monday) * 86_400_000).getUTCDay()).toBe(1);
        expect(u - utcDay(monday)).toBeGreaterThanOrEqual(0);
        expect(u - utcDay(monday)).toBeLessThan(7);
      }),
      { numRuns: runs(500) },
    );
  });

  it("works for years 0–99 (where Date.UTC would read 19xx) and refuses to leave 0000–9999", () => {
    expect(addCalendarDays("0099-12-31", 1)).toBe("0100-01-01");
    expect(addCalendarDays("0004-02-28", 1)).toBe("0004-02-29");
    expect(isoWeekMonday("2026-02-01")).toBe("2026-01-26"); // a Sunday
    expect(() => addCalendarDays("9999-12-31", 1)).toThrow(/outside the years/);
    expect(() => addCalendarDays("0000-01-01", -1)).toThrow(/outside the years/);
    expect(seriesDate("2024-02-29", 2, 24)).toBe("2028-02-29");
    expect(() => seriesDate("9999-06-30", 1, 12)).toThrow(/leaves the supported calendar range/);
  });
});
