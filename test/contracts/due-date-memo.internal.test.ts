// The due-date memo of a parsed contract (src/contracts/calendar.ts, not exported): it
// must give addDueOffset's date for every offset, and refuse what addDueOffset refuses.
// Internal, so it is left out of the runs against the packed build (*.internal.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueDateMemo } from "../../src/contracts/calendar.js";
import { ValidationError } from "../../src/core/errors.js";
import { addDueOffset } from "../../src/index.js";

describe("due-date memo", () => {
  const dateArb = fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
  const offsetArb = fc.record({ months: fc.integer({ min: -1200, max: 1200 }), days: fc.integer({ min: -36_500, max: 36_500 }) });

  it("gives addDueOffset's date for every start and offset (either sign), on first use and on a hit", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dateArb, offsetArb), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 8 }), (queries, limit) => {
        const due = dueDateMemo(limit);
        for (const [start, offset] of [...queries, ...queries]) expect(due(start, offset)).toBe(addDueOffset({ date: start, offset: offset }));
      }),
    );
  });

  it("a zero offset still checks the start date (the memo once returned 2026-02-30 as given)", () => {
    const due = dueDateMemo();
    expect(() => due("2026-02-30", { months: 0, days: 0 })).toThrow(ValidationError);
    expect(due("2026-02-28", { months: 0, days: 0 })).toBe("2026-02-28");
  });

  it("offsets that share months × 100,000 + days with another never reach the memo", () => {
    const due = dueDateMemo();
    // {1 month, −1 day} and {0 months, 99,999 days} share the key 99,999; the second is
    // refused (more than 36,500 days), so the first one's date is never returned for it.
    expect(due("2026-01-31", { months: 1, days: -1 })).toBe("2026-02-27"); // 28 Feb − 1 day
    expect(() => due("2026-01-31", { months: 0, days: 99_999 })).toThrow(ValidationError);
    // {0.00001 months, 0 days} would share the key 1 with {0 months, 1 day}; a fraction of a
    // month is refused, never answered with 2026-02-01.
    expect(due("2026-01-31", { months: 0, days: 1 })).toBe("2026-02-01");
    expect(() => due("2026-01-31", { months: 1e-5, days: 0 })).toThrow(ValidationError);
  });
});
