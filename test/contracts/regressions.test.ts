// Regressions found by fuzzing (test/fuzz).
import { describe, expect, it } from "vitest";
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
    expect(() => addDueOffset({ date: null as never, offset: { months: 1, days: 0 } })).toThrow(ValidationError);
    expect(() => addDueOffset({ date: "2026-01-31", offset: null as never })).toThrow(ValidationError);
    expect(() => addDueOffset({ date: "2026-01-31", offset: { months: 1e9, days: 0 } })).toThrow(ValidationError);
    expect(addDueOffset({ date: "2026-01-31", offset: { months: 3, days: 0 } })).toBe("2026-04-30");
  });
});
