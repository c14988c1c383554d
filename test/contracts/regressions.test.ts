// Regressions found by fuzzing (test/fuzz).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueDateMemo } from "../../src/contracts/calendar.js";
import { addDueOffset, evaluateCohortTerms, evaluateContract, ValidationError } from "../../src/index.js";
import { K1 } from "./fixtures.js";

describe("contracts regressions (fuzz)", () => {
  it("a managed-entry summary with 2^53 − 1 cycles after evaluation settles at once (the loop ran for ever)", () => {
    const r = evaluateCohortTerms({
      terms: [{ type: "managedEntry", currency: "EUR", pricePerCycle: "10000", cyclesBeforeEvaluation: 3, discount: { firstCycles: 5, rate: "0.5" } }],
      summary: { patients: 1, nonResponders: 0, cyclesAfterEvaluation: Number.MAX_SAFE_INTEGER },
    });
    expect(r.results).toHaveLength(1);
    // the closed form agrees with the old loop: cycles 1–5 at 5,000 (discounted), cycle 6 at 10,000
    const small = evaluateCohortTerms({
      terms: [{ type: "managedEntry", currency: "EUR", pricePerCycle: "10000", cyclesBeforeEvaluation: 3, discount: { firstCycles: 5, rate: "0.5" } }],
      summary: { patients: 1, nonResponders: 0, cyclesAfterEvaluation: 3 },
    });
    expect(small.results[0]!.totals.net.toString()).toBe("EUR 35000.00"); // 3 × 5,000 + 2 × 5,000 + 10,000
  });
  it("a bigint as-of date or event field is a ValidationError (JSON.stringify of a bigint threw)", () => {
    expect(() => evaluateContract(K1, [{ kind: "infusion", date: "2026-01-15" }], 10n as unknown as string)).toThrow(ValidationError);
    expect(() => evaluateContract(K1, [{ kind: 10n as unknown as string, date: "2026-01-15" }], "2026-12-31")).toThrow(ValidationError);
  });
  it("addDueOffset checks its date and offset", () => {
    expect(() => addDueOffset(null as never, { months: 1, days: 0 })).toThrow(ValidationError);
    expect(() => addDueOffset("2026-01-31", null as never)).toThrow(ValidationError);
    expect(() => addDueOffset("2026-01-31", { months: 1e9, days: 0 })).toThrow(ValidationError);
    expect(addDueOffset("2026-01-31", { months: 3, days: 0 })).toBe("2026-04-30");
  });
});

describe("due-date memo", () => {
  const dateArb = fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
  const offsetArb = fc.record({ months: fc.integer({ min: -1200, max: 1200 }), days: fc.integer({ min: -36_500, max: 36_500 }) });

  it("gives addDueOffset's date for every start and offset (either sign), on first use and on a hit", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dateArb, offsetArb), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 8 }), (queries, limit) => {
        const due = dueDateMemo(limit);
        for (const [start, offset] of [...queries, ...queries]) expect(due(start, offset)).toBe(addDueOffset(start, offset));
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
