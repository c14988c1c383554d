// B4: a claim with accumulators states its year, so the cross-year check always runs.
import { describe, expect, it } from "vitest";
import { splitBill } from "../../src/index.js";
import { issues } from "../typed-errors.js";

describe("B4: accumulators without a claim year", () => {
  it("B4: a claim with accumulators but no year is a ValidationError at year", () => {
    const plan = { currency: "CNY", layers: [{ kind: "basic" as const, id: "basic", rate: 0.5, cap: "100" }] };
    const accumulators = { year: 2025, currency: "CNY", layers: { basic: { paid: "100" } } };
    expect(issues(() => splitBill({ plan, bill: "100", accumulators }))).toEqual([{ path: ["year"], code: "missing_year", message: expect.stringContaining("states its benefit year") }]);
    // With the year, last year's exhausted cap is refused rather than applied.
    expect(() => splitBill({ plan, bill: "100", year: 2026, accumulators })).toThrow(/belong to 2025/);
    expect(splitBill({ plan, bill: "100", year: 2025, accumulators }).layers[0]!.amount.toString()).toBe("CNY 0.00");
  });
});
