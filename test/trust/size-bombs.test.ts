// Size bombs found by the extended fuzz harness: a long list must not stall a calculator.
import { describe, expect, it } from "vitest";
import { detectCostAnomalies } from "../../src/index.js";

describe("size bombs", () => {
  it("detectCostAnomalies with 20,000 groups runs in linear time and keeps the leave-one-out means exact", () => {
    // Group i costs 10,000 except the last, 30,000. Peer mean of the last: 10,000; of the others:
    // (19,998 × 10,000 + 30,000) / 19,999 = 200,010,000 / 19,999 = 10,001.000050002500125006250312515625781289064453222661133…
    const groups = Array.from({ length: 20_000 }, (_, i) => ({ id: `g${i}`, costPerCase: i === 19_999 ? "30000" : "10000" }));
    const t0 = Date.now();
    const r = detectCostAnomalies({ currency: "CNY", groups });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.flagged).toEqual(["g19999"]);
    expect(r.lines[19_999]!.peerMeanCost.amount.toFixed()).toBe("10000");
    expect(r.lines[0]!.peerMeanCost.amount.toFixed(10)).toBe("10001.0000500025");
  });
});
