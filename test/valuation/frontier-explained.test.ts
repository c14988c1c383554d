// The frontier and the optimal strategy as a reviewer reads them: each strategy's reason,
// the steps, identical strategies, and the guards of optimalStrategy. Figures worked by
// hand in the comments (V3: A 0/0, B 100,000/1, C 300,000/1.5, D 250,000/0.9, E 500,000/2.5).
import { describe, expect, it } from "vitest";
import { frontier, type FrontierResult, optimalStrategy } from "../../src/index.js";
import { domainError, issue } from "../typed-errors.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

const v3 = {
  strategies: [
    { name: "A", cost: cny("0"), effect: 0 },
    { name: "B", cost: cny("100000"), effect: 1 },
    { name: "C", cost: cny("300000"), effect: 1.5 },
    { name: "D", cost: cny("250000"), effect: 0.9 },
    { name: "E", cost: cny("500000"), effect: 2.5 },
  ],
};

describe("frontier: reasons and steps (V3)", () => {
  // Computed inside each test (not at collection), so a mutant is active when it runs.
  const result = () => frontier(v3);

  it("says why each strategy has its status", () => {
    const r = result();
    expect(r.strategies.map((s) => s.reason)).toEqual([
      "A is on the frontier as its least costly point (the reference).",
      "B is on the frontier: against A it costs CNY 100,000.00 more for 1 QALYs more, ICER CNY 100,000.00 per QALY.",
      // ICER(B→C) = 200,000 / 0.5 = 400,000 > ICER(C→E) = 200,000 / 1 = 200,000.
      "C is extendedly dominated by a mix of B and E: its ICER against B exceeds that of E against it, so a mix of the two gives its effect for less.",
      "D is dominated by B: B costs CNY 100,000.00 (vs CNY 250,000.00) for 1 QALYs (vs 0.9).",
      // 400,000 / 1.5 = 266,666.666… → 266,666.67.
      "E is on the frontier: against B it costs CNY 400,000.00 more for 1.5 QALYs more, ICER CNY 266,666.67 per QALY.",
    ]);
    expect(r.strategies.map((s) => [s.status, s.dominatedBy, s.extendedlyDominatedBy, s.reference, s.identicalTo])).toEqual([
      ["ND", null, null, null, []],
      ["ND", null, null, "A", []],
      ["ED", null, ["B", "E"], null, []],
      ["D", "B", null, null, []],
      ["ND", null, null, "B", []],
    ]);
    expect(r.strategies.map((s) => s.index)).toEqual([0, 1, 2, 3, 4]);
    expect(r.frontier.map((s) => s.name)).toEqual(["A", "B", "E"]);
    expect(r.currency).toBe("CNY");
  });

  it("explains the sort, then each strategy under a rule named after its status", () => {
    const r = result();
    expect(r.explanation.map((s) => s.rule)).toEqual([
      "valuation.frontier.sort",
      "valuation.frontier.nd",
      "valuation.frontier.nd",
      "valuation.frontier.ed",
      "valuation.frontier.d",
      "valuation.frontier.nd",
    ]);
    expect(r.explanation[0]!.text).toBe("5 strategies sorted by cost; 4 distinct point(s) survive strong dominance and 3 form the frontier.");
    expect(r.explanation[0]!.inputs).toEqual({ strategies: 5, frontier: 3 });
    expect(r.explanation.slice(1).map((s) => s.text)).toEqual(r.strategies.map((s) => s.reason));
    expect(json(r.explanation[4]!.inputs)).toEqual({ cost: cny("250000.00"), effect: "0.9", status: "D" });
    expect(r.explanation.slice(1).map((s) => s.amount?.toString())).toEqual([undefined, "CNY 100000.00", undefined, undefined, "CNY 266666.67"]);
  });
});

describe("frontier: identical strategies share one status and say so", () => {
  it("identical frontier points are listed in input order and both explained", () => {
    const r = frontier({ strategies: [{ name: "A", cost: cny("0"), effect: 0 }, { name: "Q", cost: cny("100"), effect: 1 }, { name: "P", cost: cny("100"), effect: "1.0" }, { name: "R", cost: cny("100"), effect: 1 }] });
    expect(r.strategies.map((s) => [s.name, s.status, s.identicalTo, s.reference, s.icer?.toString() ?? null])).toEqual([
      ["A", "ND", [], null, null],
      ["Q", "ND", ["P", "R"], "A", "CNY 100.00"],
      ["P", "ND", ["Q", "R"], "A", "CNY 100.00"],
      ["R", "ND", ["Q", "P"], "A", "CNY 100.00"],
    ]);
    expect(r.strategies[2]!.reason).toBe("P is on the frontier: against A it costs CNY 100.00 more for 1 QALYs more, ICER CNY 100.00 per QALY. Identical in cost and effect to Q, R, so it shares their status.");
    // The frontier lists identical points by input order.
    expect(r.frontier.map((s) => s.name)).toEqual(["A", "Q", "P", "R"]);
    expect(r.explanation[0]!.text).toBe("4 strategies sorted by cost; 2 distinct point(s) survive strong dominance and 2 form the frontier.");
  });

  it("identical dominated strategies: both dominated by the same strategy", () => {
    const r = frontier({ strategies: [{ name: "D2", cost: cny("100"), effect: 0.5 }, { name: "A", cost: cny("50"), effect: 1 }, { name: "D1", cost: cny("100"), effect: 0.5 }] });
    expect(r.strategies.map((s) => [s.status, s.dominatedBy])).toEqual([["D", "A"], ["ND", null], ["D", "A"]]);
    expect(r.strategies[0]!.reason).toBe("D2 is dominated by A: A costs CNY 50.00 (vs CNY 100.00) for 1 QALYs (vs 0.5). Identical in cost and effect to D1, so it shares their status.");
    expect(r.frontier.map((s) => s.name)).toEqual(["A"]);
  });

  it("same cost, lower effect is dominated; same effect, higher cost is dominated", () => {
    const r = frontier({ strategies: [{ name: "A", cost: cny("100"), effect: 1 }, { name: "B", cost: cny("100"), effect: 0.99 }, { name: "C", cost: cny("100.01"), effect: 1 }] });
    expect(r.strategies.map((s) => [s.status, s.dominatedBy])).toEqual([["ND", null], ["D", "A"], ["D", "A"]]);
  });

  it("a collinear middle point stays on the frontier and says why", () => {
    const r = frontier({ strategies: [{ name: "A", cost: cny("0"), effect: 0 }, { name: "B", cost: cny("100"), effect: 1 }, { name: "C", cost: cny("200"), effect: 2 }] });
    expect(r.strategies[1]!.reason).toBe(
      "B is on the frontier: against A it costs CNY 100.00 more for 1 QALYs more, ICER CNY 100.00 per QALY. It is collinear with A and C (equal ICERs), so it is not extendedly dominated: that needs its ICER to exceed the next one's.",
    );
    expect(r.strategies[2]!.reason).toBe("C is on the frontier: against B it costs CNY 100.00 more for 1 QALYs more, ICER CNY 100.00 per QALY.");
  });
});

describe("optimalStrategy({ frontier, lambda })", () => {
  const result = () => frontier(v3);

  it("at λ = 200,000: B, the frontier strategy with the highest ICER not above λ", () => {
    const r = result();
    const o = optimalStrategy({ frontier: r, lambda: cny("200000") });
    // NMB = 200,000 × 1 − 100,000 = 100,000.
    expect([o.name, o.nmb.toString(), o.lambda.toString(), o.tiedWith]).toEqual(["B", "CNY 100000.00", "CNY 200000.00", []]);
    expect(o.explanation).toHaveLength(1);
    expect(o.explanation[0]!.rule).toBe("valuation.frontier.optimal");
    expect(o.explanation[0]!.text).toBe("At λ = CNY 200,000.00 per QALY the optimal strategy is B, the frontier strategy with the highest ICER (CNY 100,000.00) not above λ.");
    expect(json(o.explanation[0]!.inputs)).toEqual({ lambda: cny("200000.00"), icer: cny("100000.00") });
    expect(o.explanation[0]!.amount?.toString()).toBe("CNY 100000.00");
  });

  it("below every ICER: the least costly frontier strategy", () => {
    const r = result();
    const o = optimalStrategy({ frontier: r, lambda: cny("99999.99") });
    // NMB = 0 × … − 0 = 0.
    expect([o.name, o.nmb.toString()]).toEqual(["A", "CNY 0.00"]);
    expect(o.explanation[0]!.text).toBe("At λ = CNY 99,999.99 per QALY no frontier ICER is affordable, so the least costly frontier strategy A is optimal.");
    expect(json(o.explanation[0]!.inputs)).toEqual({ lambda: cny("99999.99"), icer: null });
  });

  it("compares exactly: ΔC 400,000 ≤ λ × 1.5 from λ = 266,666.67, not at 266,666.66", () => {
    const r = result();
    expect(optimalStrategy({ frontier: r, lambda: cny("266666.67") }).name).toBe("E");
    expect(optimalStrategy({ frontier: r, lambda: cny("266666.66") }).name).toBe("B");
    expect(optimalStrategy({ frontier: r, lambda: cny("100000") }).name).toBe("B");
    // NMB of E at 1,000,000: 2,500,000 − 500,000.
    expect(optimalStrategy({ frontier: r, lambda: cny("1000000") }).nmb.toString()).toBe("CNY 2000000.00");
  });

  it("names the first of identical optimal strategies and lists the others as tied", () => {
    const t = frontier({ strategies: [{ name: "A", cost: cny("0"), effect: 0 }, { name: "Q", cost: cny("100"), effect: 1 }, { name: "P", cost: cny("100"), effect: 1 }] });
    const o = optimalStrategy({ frontier: t, lambda: cny("1000") });
    expect([o.name, o.tiedWith]).toEqual(["Q", ["P"]]);
  });

  it("refuses a copy of a frontier result, a negative λ, and λ in another currency", () => {
    const r = result();
    const copy = issue(() => optimalStrategy({ frontier: { ...r } as FrontierResult, lambda: cny("1") }));
    expect([copy.path, copy.message]).toEqual([["frontier"], "expected the result of frontier()"]);
    expect(issue(() => optimalStrategy({ frontier: r, lambda: cny("-1") })).path[0]).toBe("lambda");
    const e = domainError(() => optimalStrategy({ frontier: r, lambda: { amount: "1", currency: "USD" } }));
    expect([e.code, e.path, e.details]).toEqual(["CURRENCY_MISMATCH", ["lambda"], { expected: "CNY", got: "USD" }]);
    expect(e.message).toContain("λ is in USD but the frontier is in CNY");
  });
});
