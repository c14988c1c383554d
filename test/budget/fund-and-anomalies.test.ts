// Fund health and the cost-anomaly screen: every sentence and step input pinned, and the
// boundaries (the warning line, the flag threshold) inclusive as the spec says.
import { describe, expect, it } from "vitest";
import { detectCostAnomalies, fundHealth } from "../../src/index.js";
import { issues } from "../typed-errors.js";
import { json, m } from "./explain-helpers.js";

describe("fund health", () => {
  it("healthy above the warning line", () => {
    // (1,000 − 940) ÷ 1,000 = 6 % > 5 %.
    expect(json(fundHealth({ currency: "CNY", period: "2026", income: "1000", expenditure: "940" }))).toEqual({
      income: m("1000.00"), expenditure: m("940.00"), surplus: m("60.00"), surplusRate: "0.06", warningRate: "0.05", status: "healthy", warning: false,
      explanation: [
        { rule: "budget.fund.surplus", text: "The fund surplus is income less expenditure.", inputs: { income: m("1000.00"), expenditure: m("940.00") }, amount: m("60.00") },
        { rule: "budget.fund.surplus-rate", text: "The surplus rate is 6% of income, above the 5% warning line.", inputs: { surplusRate: "0.06", warningRate: "0.05", status: "healthy" } },
      ],
    });
  });

  it("a warning on the line (C7) and at a zero surplus; a deficit below zero", () => {
    const on = fundHealth({ currency: "CNY", income: "1000", expenditure: "950" });
    expect([on.status, on.warning, on.explanation[1]!.text]).toEqual(["warning", true, "The surplus rate is 5% of income, at or below the 5% warning line."]);
    const zero = fundHealth({ currency: "CNY", income: "1000", expenditure: "1000" });
    expect([zero.status, zero.surplusRate]).toEqual(["warning", "0"]);
    const deficit = fundHealth({ currency: "CNY", income: "1000", expenditure: "1100", warningRate: 0.1 });
    expect(json(deficit)).toMatchObject({ surplus: m("-100.00"), surplusRate: "-0.1", warningRate: "0.1", status: "deficit", warning: true });
    expect(deficit.explanation[1]!.text).toBe("The surplus rate is -10% of income: the fund is in deficit.");
    expect(deficit.explanation[1]!.inputs.status).toBe("deficit");
  });

  it("income must be above zero", () => {
    expect(issues(() => fundHealth({ currency: "CNY", income: "0", expenditure: "1" }))[0]!.path).toEqual(["income"]);
  });
});

describe("cost anomalies", () => {
  const groups = [
    { id: "A", costPerCase: "14000", cases: 20, outcome: 0.1 },
    { id: "B", costPerCase: "9000", cases: 30, outcome: 0.1 },
    { id: "C", costPerCase: "9000", cases: 50, outcome: 0.1 },
  ];

  it("flags a group at exactly 1.4 × the department mean without a better outcome", () => {
    // Total 14,000 × 20 + 9,000 × 30 + 9,000 × 50 = 1,000,000 over 100 cases: mean 10,000;
    // A is 14,000 = 1.4 × 10,000 (inclusive); its readmission 0.1 equals the department's.
    const r = detectCostAnomalies({ currency: "CNY", outcomeHigherIsBetter: false, groups });
    expect(json(r.explanation)).toEqual([
      {
        rule: "budget.anomaly.rule",
        text: "The department mean is total cost ÷ total cases over 100 cases, every group included: CNY 10,000.00; a group is flagged at ≥ 1.4 × that mean without a better outcome.",
        inputs: { threshold: "0.4", groups: 3, cases: 100 },
        amount: m("10000.00"),
      },
      {
        rule: "budget.anomaly.flagged",
        text: "A: cost per case CNY 14,000.00 is 40% above the department mean CNY 10,000.00, without a better outcome: flagged.",
        inputs: { costPerCase: m("14000.00"), cases: 20, departmentMeanCost: m("10000.00"), outcome: "0.1", departmentOutcome: "0.1" },
      },
    ]);
    expect(json(r.lines)).toEqual([
      { id: "A", costPerCase: m("14000.00"), cases: 20, departmentMeanCost: m("10000.00"), excess: "0.4", departmentOutcome: "0.1", betterOutcome: false, flagged: true },
      { id: "B", costPerCase: m("9000.00"), cases: 30, departmentMeanCost: m("10000.00"), excess: "-0.1", departmentOutcome: "0.1", betterOutcome: false, flagged: false },
      { id: "C", costPerCase: m("9000.00"), cases: 50, departmentMeanCost: m("10000.00"), excess: "-0.1", departmentOutcome: "0.1", betterOutcome: false, flagged: false },
    ]);
    expect([r.threshold, r.flagged]).toEqual(["0.4", ["A"]]);
    // Just under the threshold (13,999.99) is not flagged: mean (279,999.80 + 720,000) ÷ 100 = 9,999.998, × 1.4 = 13,999.9972.
    const under = detectCostAnomalies({ currency: "CNY", outcomeHigherIsBetter: false, groups: [{ ...groups[0]!, costPerCase: "13999.99" }, groups[1]!, groups[2]!] });
    expect(under.flagged).toEqual([]);
    const under2 = detectCostAnomalies({ currency: "CNY", outcomeHigherIsBetter: false, threshold: 0.5, groups });
    expect(under2.flagged).toEqual([]);
    expect(under2.explanation).toHaveLength(1);
  });

  it("a better outcome justifies the cost: lower is better for readmission, higher by default", () => {
    // Readmission: A 0.05 vs department (0.05 × 20 + 0.1 × 80) ÷ 100 = 0.09: better.
    const lower = detectCostAnomalies({ currency: "CNY", outcomeHigherIsBetter: false, groups: [{ ...groups[0]!, outcome: 0.05 }, groups[1]!, groups[2]!] });
    expect(json(lower.explanation[1])).toEqual({
      rule: "budget.anomaly.justified",
      text: "A: cost per case is 40% above the department mean, but its outcome is better than the department's: not flagged.",
      inputs: { costPerCase: m("14000.00"), cases: 20, departmentMeanCost: m("10000.00"), outcome: "0.05", departmentOutcome: "0.09" },
    });
    expect([lower.flagged, lower.lines[0]!.betterOutcome, lower.lines[0]!.departmentOutcome]).toEqual([[], true, "0.09"]);
    // The same 0.05 with higher-is-better (the default) is worse: flagged.
    const higher = detectCostAnomalies({ currency: "CNY", groups: [{ ...groups[0]!, outcome: 0.05 }, groups[1]!, groups[2]!] });
    expect(higher.flagged).toEqual(["A"]);
    // A response rate 0.2 above the department's (0.2 × 20 + 0.1 × 80) ÷ 100 = 0.12: better.
    expect(detectCostAnomalies({ currency: "CNY", groups: [{ ...groups[0]!, outcome: 0.2 }, groups[1]!, groups[2]!] }).flagged).toEqual([]);
  });

  it("the department outcome weighs only the groups that report one; a group without one has no better outcome", () => {
    // Only B and C report: (0.1 × 30 + 0.3 × 50) ÷ 80 = 18 ÷ 80 = 0.225.
    const r = detectCostAnomalies({ currency: "CNY", groups: [{ id: "A", costPerCase: "14000", cases: 20 }, { ...groups[1]!, outcome: 0.1 }, { ...groups[2]!, outcome: 0.3 }] });
    expect(r.lines[0]!.departmentOutcome).toBe("0.225");
    expect(r.lines[0]!.betterOutcome).toBe(false);
    expect(r.explanation[1]!.inputs.outcome).toBeNull();
    // Nobody reports: no department outcome.
    const none = detectCostAnomalies({ currency: "CNY", groups: groups.map(({ outcome: _, ...g }) => g) });
    expect(none.lines.map((l) => l.departmentOutcome)).toEqual([null, null, null]);
    expect(none.explanation[1]!.inputs.departmentOutcome).toBeNull();
    expect(none.flagged).toEqual(["A"]);
  });

  it("the excess is shown to two decimals of a percent; the mean is rounded half-up for display", () => {
    // Mean (7,000 + 2 × 1,000) ÷ 3 = 3,000; 7,000 ÷ 3,000 − 1 = 1.3333… → "133.33%".
    const r = detectCostAnomalies({ currency: "CNY", groups: [{ id: "A", costPerCase: "7000", cases: 1 }, { id: "B", costPerCase: "1000", cases: 2 }] });
    expect(r.explanation[1]!.text).toBe("A: cost per case CNY 7,000.00 is 133.33% above the department mean CNY 3,000.00, without a better outcome: flagged.");
    expect(r.lines[0]!.excess!.startsWith("1.33333333")).toBe(true);
    // (1,000.01 + 1,000.00) ÷ 2 = 1,000.005 → 1,000.01.
    expect(detectCostAnomalies({ currency: "CNY", groups: [{ id: "A", costPerCase: "1000.01", cases: 1 }, { id: "B", costPerCase: "1000", cases: 1 }] }).departmentMeanCost.toString()).toBe("CNY 1000.01");
    // All costs zero: no excess, nothing flagged.
    const zero = detectCostAnomalies({ currency: "CNY", groups: [{ id: "A", costPerCase: "0", cases: 1 }, { id: "B", costPerCase: "0", cases: 1 }] });
    expect([zero.lines[0]!.excess, zero.flagged]).toEqual([null, []]);
  });

  it("needs at least two groups", () => {
    expect(issues(() => detectCostAnomalies({ currency: "CNY", groups: [groups[0]!] }))[0]!.path).toEqual(["groups"]);
  });
});
