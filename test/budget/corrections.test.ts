// Worked examples of corrections.md C4 (DRG efficacy weight), C5 (cost-anomaly mean), C6 (P4 bonus), C7 (fund-surplus alarm).
import { describe, expect, it } from "vitest";
import { capitationPayment, detectCostAnomalies, drgEfficacyCoefficient, drgPayment, fundHealth, type Money } from "../../src/index.js";

const amt = (m: Money | null) => (m === null ? null : m.toJSON().amount);

describe("C4: DRG efficacy weight 「增加1.2倍」 read as ×1.2", () => {
  const d1b = { currency: "CNY", baseRate: "10000", relativeWeight: 3, subgroup: { name: "EGFR-positive", uplift: 0.2 } } as const;
  const paid = (coefficient: string) => amt(drgPayment({ ...d1b, coefficients: [{ name: "efficacy", kind: "efficacy", value: coefficient }] }).payment);
  it("D1c: D1b (36,000), group response 0.80, 1-year survival 0.60 → 43,200.00", () => {
    const e = drgEfficacyCoefficient({ responseRate: "0.80", oneYearSurvival: "0.60" });
    expect(e.qualifies).toBe(true); // both thresholds inclusive
    expect(e.coefficient).toBe("1.2");
    expect(e.explanation[0]!.text).toContain("to 1.2 times");
    // 10,000 × 3 × 1.2 × 1.2 = 43,200
    expect(paid(e.coefficient)).toBe("43200.00");
  });
  it("D1d: D1b, response 0.7999 → no coefficient: 36,000.00", () => {
    const e = drgEfficacyCoefficient({ responseRate: "0.7999", oneYearSurvival: "0.60" });
    expect(e.coefficient).toBe("1");
    expect(paid(e.coefficient)).toBe("36000.00");
    expect(drgEfficacyCoefficient({ responseRate: "0.80", oneYearSurvival: "0.5999" }).coefficient).toBe("1");
  });
  it("D1e: D1b with an explicit coefficient 2.2 (the literal reading) → 79,200.00", () => {
    const e = drgEfficacyCoefficient({ responseRate: "0.8", oneYearSurvival: "0.6", coefficient: "2.2" });
    expect(e.coefficient).toBe("2.2");
    // 36,000 × 2.2 = 79,200
    expect(paid(e.coefficient)).toBe("79200.00");
  });
});

describe("C5: cost anomaly against the department mean, the group included, weighted by cases", () => {
  const ca2 = (aReadmissions: number) => ({
    currency: "CNY",
    outcomeHigherIsBetter: false,
    groups: [
      { id: "A", costPerCase: "14000", cases: 20, outcome: String(aReadmissions / 20) },
      { id: "B", costPerCase: "9000", cases: 30, outcome: String(3 / 30) },
      { id: "C", costPerCase: "9000", cases: 50, outcome: String(5 / 50) },
    ],
  });
  it("CA1: 3 groups × 50 cases at 10,000 / 10,000 / 14,000 → mean 11,333.33…; third +23.53% → not flagged", () => {
    const r = detectCostAnomalies({ currency: "CNY", groups: [{ id: "A", costPerCase: "10000", cases: 50 }, { id: "B", costPerCase: "10000", cases: 50 }, { id: "C", costPerCase: "14000", cases: 50 }] });
    // (10,000 + 10,000 + 14,000) × 50 / 150 = 11,333.33…; 14,000 / 11,333.33… − 1 = 0.23529…
    expect(amt(r.departmentMeanCost)).toBe("11333.33");
    expect(Number(r.lines[2]!.excess).toFixed(4)).toBe("0.2353");
    expect(r.flagged).toEqual([]);
  });
  it("CA2: A 20 at 14,000, B 30 at 9,000, C 50 at 9,000; readmissions 2 / 3 / 5 → mean 10,000; A +40%, 10% vs 10% → flagged", () => {
    const r = detectCostAnomalies(ca2(2));
    // (20 × 14,000 + 30 × 9,000 + 50 × 9,000) / 100 = (280,000 + 270,000 + 450,000) / 100 = 10,000
    expect(amt(r.departmentMeanCost)).toBe("10000.00");
    expect(r.lines[0]!.excess).toBe("0.4"); // 14,000 = 1.40 × 10,000 exactly: flagged (≥)
    // department readmission (2 + 3 + 5) / 100 = 10%; A 2 / 20 = 10%: not strictly lower → not better
    expect(r.lines[0]!.departmentOutcome).toBe("0.1");
    expect(r.lines[0]!.betterOutcome).toBe(false);
    expect(r.flagged).toEqual(["A"]);
    expect(r.explanation.some((s) => s.rule === "budget.anomaly.flagged" && s.text.includes("department mean"))).toBe(true);
  });
  it("CA3: CA2 with A readmissions 1 → department 9%; A 5% is better → not flagged", () => {
    const r = detectCostAnomalies(ca2(1));
    // (1 + 3 + 5) / 100 = 0.09; A 1 / 20 = 0.05 < 0.09
    expect(r.lines[0]!.departmentOutcome).toBe("0.09");
    expect(r.lines[0]!.betterOutcome).toBe(true);
    expect(r.flagged).toEqual([]);
  });
  it("CA4: the unweighted mean of group means (wrong) gives 10,666.67 → +31.25%: weighting changes the verdict", () => {
    // Unweighted: (14,000 + 9,000 + 9,000) / 3 = 10,666.67; 14,000 / 10,666.67 − 1 = 0.3125 < 0.4.
    // Giving every group one case reproduces that (wrong) mean: A is then not flagged, unlike CA2.
    const unweighted = detectCostAnomalies({ ...ca2(2), groups: ca2(2).groups.map((g) => ({ ...g, cases: 1 })) });
    expect(amt(unweighted.departmentMeanCost)).toBe("10666.67");
    expect(unweighted.lines[0]!.excess).toBe("0.3125");
    expect(unweighted.flagged).toEqual([]);
    expect(detectCostAnomalies(ca2(2)).flagged).toEqual(["A"]);
  });
  it("a group with no outcome has no better outcome", () => {
    const r = detectCostAnomalies({ currency: "CNY", groups: [{ id: "A", costPerCase: "14000", cases: 20 }, { id: "B", costPerCase: "9000", cases: 80, outcome: 0.2 }] });
    // mean (280,000 + 720,000) / 100 = 10,000; A 1.4× and no outcome → flagged
    expect(r.flagged).toEqual(["A"]);
  });
});

describe("C6: P4 pays a bonus when the target is exceeded, capped at b", () => {
  const pay = (rate: string) =>
    amt(capitationPayment({ currency: "CNY", baseAmount: "1000000", metrics: { controlRate: rate }, targets: [{ kind: "proportional", metric: "controlRate", target: "0.80", maxBonus: "0.10" }] }).payment);
  it("P4: 0.72 → 900,000.00", () => expect(pay("0.72")).toBe("900000.00")); // 0.72 / 0.80 = 0.9
  it("P4b: 0.80 → 1,000,000.00", () => expect(pay("0.80")).toBe("1000000.00")); // 1
  it("P4c: 0.84 → 1,050,000.00", () => expect(pay("0.84")).toBe("1050000.00")); // 1.05
  it("P4d: 0.88 → 1,100,000.00", () => expect(pay("0.88")).toBe("1100000.00")); // 1.10 = 1 + b exactly
  it("P4e: 0.96 → 1,100,000.00 (capped)", () => {
    // 0.96 / 0.80 = 1.2 > 1.1 → min(1.2, 1.1) = 1.1
    expect(pay("0.96")).toBe("1100000.00");
    const r = capitationPayment({ currency: "CNY", baseAmount: "1000000", metrics: { controlRate: "0.96" }, targets: [{ kind: "proportional", metric: "controlRate", target: "0.80", maxBonus: "0.10" }] });
    expect(r.explanation.find((s) => s.rule === "budget.capitation.proportional")!.text).toContain("bonus stops");
  });
  it("a proportional target without maxBonus is rejected naming it", () => {
    let err: unknown;
    try {
      capitationPayment({ currency: "CNY", baseAmount: "1", metrics: { m: 1 }, targets: [{ kind: "proportional", metric: "m", target: 0.8 } as never] });
    } catch (e) {
      err = e;
    }
    expect((err as { issues: { path: unknown[] }[] }).issues[0]!.path).toEqual(["targets", 0, "maxBonus"]);
  });
});

describe("C7: the fund-surplus alarm — reaching 5% is the alarm", () => {
  const fh = (expenditure: string) => fundHealth({ currency: "CNY", income: "1000000000", expenditure });
  it("FH1: expenditure 970,000,000 → (1,000m − 970m) / 1,000m = 3% ≤ 5% → warning", () => {
    expect(fh("970000000")).toMatchObject({ surplusRate: "0.03", status: "warning", warning: true });
  });
  it("FH2: expenditure 950,000,000 → 5%, on the line → warning (healthy under the old text)", () => {
    const r = fh("950000000");
    expect(r).toMatchObject({ surplusRate: "0.05", status: "warning", warning: true });
    expect(r.explanation.map((s) => s.text).join(" ")).toContain("at or below the 5% warning line");
  });
  it("FH3: expenditure 949,000,000 → 51m / 1,000m = 5.1% > 5% → healthy", () => {
    expect(fh("949000000")).toMatchObject({ surplusRate: "0.051", status: "healthy", warning: false });
  });
  it("FH4: expenditure 1,020,000,000 → −20m / 1,000m = −2% → deficit", () => {
    expect(fh("1020000000")).toMatchObject({ surplusRate: "-0.02", status: "deficit", warning: true });
  });
});
