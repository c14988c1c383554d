// Size bombs found by the extended fuzz harness: a long list must not stall a calculator
// (a quadratic pass over 20,000 groups would take minutes and hit the test timeout).
import { describe, expect, it } from "vitest";
import { detectCostAnomalies } from "../../src/index.js";

describe("size bombs", () => {
  it("detectCostAnomalies with 20,000 groups runs in one pass and keeps the department mean exact", () => {
    // Group i costs 10,000 with one case, except the last, 30,000. Department mean (corrections C5,
    // the group included): (19,999 × 10,000 + 30,000) / 20,000 = 200,020,000 / 20,000 = 10,001;
    // 1.4 × 10,001 = 14,001.4, so only the last group is costly, and with no outcomes it is flagged.
    const groups = Array.from({ length: 20_000 }, (_, i) => ({ id: `g${i}`, costPerCase: i === 19_999 ? "30000" : "10000", cases: 1 }));
    const r = detectCostAnomalies({ currency: "CNY", groups });
    expect(r.flagged).toEqual(["g19999"]);
    expect(r.departmentMeanCost.amount.toFixed()).toBe("10001");
  });
});
