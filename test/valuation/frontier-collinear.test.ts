// Issue 19 item 6: collinear frontier points. The spec (valuation.md §3, clarified) says a
// strategy is ED when its ICER against the previous frontier point *exceeds* the next
// one's; equal ICERs are collinear and stay ND, as dampack and heemod keep them.
import { describe, expect, it } from "vitest";
import { frontier, optimalStrategy } from "../../src/index.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });

describe("collinear frontier points", () => {
  it("A(0,0), B(10000,1), C(20000,2): all three ND with ICER 10,000 each, B's explanation says collinear", () => {
    const r = frontier({
      strategies: [
        { name: "A", cost: cny("0"), effect: 0 },
        { name: "B", cost: cny("10000"), effect: 1 },
        { name: "C", cost: cny("20000"), effect: 2 },
      ],
    });
    // A→B: 10,000 / 1 = 10,000; B→C: (20,000 − 10,000) / (2 − 1) = 10,000. Equal: B is not ED.
    expect(r.strategies.map((s) => s.status)).toEqual(["ND", "ND", "ND"]);
    expect(r.frontier.map((s) => s.name)).toEqual(["A", "B", "C"]);
    expect(r.strategies[1]!.icer?.toString()).toBe("CNY 10000.00");
    expect(r.strategies[2]!.icer?.toString()).toBe("CNY 10000.00");
    expect(r.strategies[2]!.reference).toBe("B");
    expect(r.strategies[1]!.extendedlyDominatedBy).toBeNull();
    expect(r.strategies[1]!.reason).toMatch(/collinear with A and C \(equal ICERs\)/);
    expect(r.strategies[0]!.reason).not.toMatch(/collinear/);
    expect(r.strategies[2]!.reason).not.toMatch(/collinear/);
    const step = r.explanation.find((s) => s.text.startsWith("B is on the frontier"));
    expect(step?.text).toMatch(/collinear/);
  });

  it("in any input order the statuses are the same", () => {
    const pts = [
      { name: "C", cost: cny("20000"), effect: 2 },
      { name: "A", cost: cny("0"), effect: 0 },
      { name: "B", cost: cny("10000"), effect: 1 },
    ];
    const r = frontier({ strategies: pts });
    expect(r.strategies.map((s) => s.status)).toEqual(["ND", "ND", "ND"]);
    expect(r.frontier.map((s) => s.name)).toEqual(["A", "B", "C"]);
  });

  it("a point just above the line is still ED (the comparison stays exact)", () => {
    // B at 10,000.01: A→B = 10,000.01 > B→C = 9,999.99 → ED by the mix of A and C.
    const r = frontier({
      strategies: [
        { name: "A", cost: cny("0"), effect: 0 },
        { name: "B", cost: cny("10000.01"), effect: 1 },
        { name: "C", cost: cny("20000"), effect: 2 },
      ],
    });
    expect(r.strategies.map((s) => s.status)).toEqual(["ND", "ED", "ND"]);
    expect(r.strategies[1]!.extendedlyDominatedBy).toEqual(["A", "C"]);
    expect(r.strategies[1]!.reason).toMatch(/exceeds/);
  });

  it("four collinear points with fractional effects, and a fifth above the line", () => {
    // slope 30,000 per QALY: (0,0), (0.1, 3000), (0.25, 7500), (0.4, 12000); X at (0.3, 9000.03) is above the line.
    const r = frontier({
      strategies: [
        { name: "P0", cost: cny("0"), effect: "0" },
        { name: "P1", cost: cny("3000"), effect: "0.1" },
        { name: "P2", cost: cny("7500"), effect: "0.25" },
        { name: "P3", cost: cny("12000"), effect: "0.4" },
        { name: "X", cost: cny("9000.03"), effect: "0.3" },
      ],
    });
    expect(r.strategies.map((s) => s.status)).toEqual(["ND", "ND", "ND", "ND", "ED"]);
    for (const s of r.frontier.slice(1)) expect(s.icerExact?.toString()).toBe("30000");
    expect(r.strategies[1]!.reason).toMatch(/collinear with P0 and P2/);
    expect(r.strategies[2]!.reason).toMatch(/collinear with P1 and P3/);
  });

  it("the optimal strategy at λ equal to the common ICER is the most effective collinear point", () => {
    const r = frontier({
      strategies: [
        { name: "A", cost: cny("0"), effect: 0 },
        { name: "B", cost: cny("10000"), effect: 1 },
        { name: "C", cost: cny("20000"), effect: 2 },
      ],
    });
    // NMB at 10,000: A 0, B 0, C 0 → tie, the more effective wins; at 9,999.99 A (B: −0.01, C: −0.02).
    expect(optimalStrategy({ frontier: r, lambda: cny("10000") }).name).toBe("C");
    expect(optimalStrategy({ frontier: r, lambda: cny("9999.99") }).name).toBe("A");
  });
});
