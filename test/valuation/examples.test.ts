import { describe, expect, it } from "vitest";
import {
  analyzePsa,
  assessAdmission,
  classifyIcerByGdp,
  frontier,
  icer,
  netBenefit,
  optimalStrategy,
  qaly,
  valueBasedPrice,
  valueScore,
} from "../../src/index.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const dp = (d: { toDecimalPlaces(n: number): { toFixed(n: number): string } }, n: number) => d.toDecimalPlaces(n).toFixed(n);

describe("worked examples of spec/valuation.md", () => {
  // 1.03^-1 = 0.970873786, 1.03^-2 = 0.942595909, 1.03^-3 = 0.915141659; Σ = 2.828611354.
  it("V1: 3 annual cycles at utility 0.8, 3%, timing end → 2.262889 QALY", () => {
    const r = qaly({ periods: [{ utility: 0.8, repeat: 3 }], discountRate: 0.03, timing: "end" });
    // 0.8 × 2.828611354 = 2.262889083
    expect(dp(r.qalys, 6)).toBe("2.262889");
    expect(r.cycles).toHaveLength(3);
  });

  it("V1b: same, undiscounted → 2.4 QALY", () => {
    const r = qaly({ periods: [{ utility: 0.8, repeat: 3 }] });
    expect(r.qalys.toString()).toBe("2.4");
    expect(r.undiscountedQalys.toString()).toBe("2.4");
  });

  it("V1c: same, timing start → 2.330776 QALY", () => {
    // 0.8 × (1 + 0.970873786 + 0.942595909) = 0.8 × 2.913469695 = 2.330775756
    const r = qaly({ periods: [{ utility: 0.8, repeat: 3 }], discountRate: "0.03", timing: "start" });
    expect(dp(r.qalys, 6)).toBe("2.330776");
  });

  it("V1d: utility 1 gives life-years, 2.828611 discounted", () => {
    const r = qaly({ periods: [{ utility: 1, repeat: 3 }], discountRate: 0.03 });
    expect(dp(r.qalys, 6)).toBe("2.828611");
    expect(dp(r.lifeYears, 6)).toBe("2.828611");
    // The V1 run reports the same life-years alongside its QALYs.
    expect(dp(qaly({ periods: [{ utility: 0.8, repeat: 3 }], discountRate: 0.03 }).lifeYears, 6)).toBe("2.828611");
  });

  it("V2: ΔC 200,000, ΔE 1.0, ICER 200,000 per QALY, NE", () => {
    const r = icer({ intervention: { cost: cny("300000"), effect: 2.5 }, comparator: { cost: cny("100000"), effect: 1.5 } });
    expect(r.incrementalCost.toString()).toBe("CNY 200000.00");
    expect(r.incrementalEffect.toString()).toBe("1");
    expect(r.icer?.toString()).toBe("CNY 200000.00");
    expect(r.quadrant).toBe("NE");
    expect(r.reading).toBe("cost-per-qaly-gained");
  });

  it("V2b: at λ = 150,000, NMB new 75,000, comparator 125,000, incremental −50,000", () => {
    // new: 150,000 × 2.5 − 300,000 = 75,000; comparator: 150,000 × 1.5 − 100,000 = 125,000
    const r = netBenefit({
      lambda: cny("150000"),
      strategies: [
        { name: "comparator", cost: cny("100000"), effect: 1.5 },
        { name: "new", cost: cny("300000"), effect: 2.5 },
      ],
    });
    expect(r.strategies[1]!.nmb.toString()).toBe("CNY 75000.00");
    expect(r.strategies[0]!.nmb.toString()).toBe("CNY 125000.00");
    expect(r.strategies[1]!.incrementalNmb.toString()).toBe("CNY -50000.00");
    // NHB: 2.5 − 300000/150000 = 0.5; 1.5 − 100000/150000 = 0.8333…; incremental −0.3333…
    expect(r.strategies[1]!.nhb?.toString()).toBe("0.5");
    expect(dp(r.strategies[1]!.incrementalNhb!, 4)).toBe("-0.3333");
    expect(r.best).toBe("comparator");
    const viaIcer = icer({ intervention: { cost: cny("300000"), effect: 2.5 }, comparator: { cost: cny("100000"), effect: 1.5 }, lambda: cny("150000") });
    expect(viaIcer.costEffective).toBe(false);
  });

  it("V2c: new cheaper and better → SE, dominant, no ICER number", () => {
    const r = icer({ intervention: { cost: cny("80000"), effect: 2 }, comparator: { cost: cny("100000"), effect: 1.5 } });
    expect(r.quadrant).toBe("SE");
    expect(r.reading).toBe("dominant");
    expect(r.label).toBe("dominant");
    expect(r.icer).toBeNull();
    expect(r.icerExact).toBeNull();
  });

  it("V3: frontier A ND, B ND, D dominated by B, C ED, E ND at 266,666.67; optimal B at 200,000 and E at 300,000", () => {
    const r = frontier({
      strategies: [
        { name: "A", cost: cny("0"), effect: 0 },
        { name: "B", cost: cny("100000"), effect: "1.0" },
        { name: "D", cost: cny("250000"), effect: 0.9 },
        { name: "C", cost: cny("300000"), effect: 1.5 },
        { name: "E", cost: cny("500000"), effect: 2.5 },
      ],
    });
    const by = Object.fromEntries(r.strategies.map((s) => [s.name, s]));
    expect(by.A!.status).toBe("ND");
    expect(by.A!.reference).toBeNull();
    expect(by.A!.icer).toBeNull();
    expect(by.B!.status).toBe("ND");
    expect(by.B!.incrementalCost?.toString()).toBe("CNY 100000.00");
    expect(by.B!.incrementalEffect?.toString()).toBe("1");
    expect(by.B!.icer?.toString()).toBe("CNY 100000.00");
    expect(by.D!.status).toBe("D");
    expect(by.D!.dominatedBy).toBe("B");
    // C: ICER vs B = 200,000/0.5 = 400,000 > E vs C = 200,000/1.0 = 200,000 → ED.
    expect(by.C!.status).toBe("ED");
    expect(by.C!.extendedlyDominatedBy).toEqual(["B", "E"]);
    // E vs B: 400,000 / 1.5 = 266,666.666… → 266,666.67
    expect(by.E!.status).toBe("ND");
    expect(by.E!.reference).toBe("B");
    expect(by.E!.incrementalCost?.toString()).toBe("CNY 400000.00");
    expect(by.E!.incrementalEffect?.toString()).toBe("1.5");
    expect(by.E!.icer?.toString()).toBe("CNY 266666.67");
    expect(r.frontier.map((s) => s.name)).toEqual(["A", "B", "E"]);
    expect(optimalStrategy({ frontier: r, lambda: cny("200000") }).name).toBe("B");
    expect(optimalStrategy({ frontier: r, lambda: cny("300000") }).name).toBe("E");
  });

  it("V4: value-based price 230,000; at that price ICER = 150,000 exactly", () => {
    // Pmax = 100,000 + 150,000 × 1.0 − 20,000 = 230,000
    const r = valueBasedPrice({ lambda: cny("150000"), incrementalEffect: "1.0", comparatorCost: cny("100000"), nonDrugCost: cny("20000") });
    expect(r.hasPositivePrice).toBe(true);
    expect(r.maxPrice?.toString()).toBe("CNY 230000.00");
    const check = icer({ intervention: { cost: cny("250000"), effect: 2 }, comparator: { cost: cny("100000"), effect: 1 } });
    expect(check.icer?.toString()).toBe("CNY 150000.00");
    const none = valueBasedPrice({ lambda: cny("150000"), incrementalEffect: 0, comparatorCost: cny("100000"), nonDrugCost: cny("20000") });
    expect(none.hasPositivePrice).toBe(false);
    expect(none.maxPrice).toBeNull();
  });

  it("V5: PSA, two strategies, four draws, λ = 300: CEAC 0.5/0.5, optimal S2, EVPI 30", () => {
    const r = analyzePsa({
      strategies: ["S1", "S2"],
      costs: [
        [100, 120, 80, 110],
        [200, 260, 150, 210],
      ],
      effects: [
        [1.0, 1.2, 0.9, 1.1],
        [1.5, 1.4, 1.6, 1.3],
      ],
      lambdas: [300],
      currency: "CNY",
    });
    const p = r.points[0]!;
    expect(p.ceac).toEqual([0.5, 0.5]);
    expect(p.wins).toEqual([2, 2]);
    expect(p.optimal).toBe("S2");
    expect(p.optimalProbability).toBe(0.5);
    // means: S1 (200+240+190+220)/4 = 212.5; S2 (250+160+330+180)/4 = 230
    expect(p.expectedNmb.map(String)).toEqual(["CNY 212.50", "CNY 230.00"]);
    // mean of per-draw max: (250+240+330+220)/4 = 260; EVPI = 260 − 230 = 30
    expect(p.evpi.toString()).toBe("CNY 30.00");
    expect(p.expectedLoss.map(String)).toEqual(["CNY 47.50", "CNY 30.00"]);
  });

  it("V6: value score 80×0.4 + 60×0.3 + 70×0.2 + 50×0.1 = 69.0", () => {
    const r = valueScore({
      dimensions: [
        { name: "clinical", score: 80, weight: 0.4 },
        { name: "economic", score: 60, weight: 0.3 },
        { name: "patient", score: 70, weight: 0.2 },
        { name: "social", score: 50, weight: 0.1 },
      ],
    });
    expect(r.score.toFixed(1)).toBe("69.0");
  });

  const v7 = {
    seriousAdverseEventRate: 0.08,
    objectiveResponseRate: 0.35,
    pfsImprovement: 0.2,
    icer: cny("200000"),
    gdpPerCapita: cny("89000"),
    newAnnualSpending: cny("60000000"), // 0.6% of 10,000,000,000
    fundAnnualExpenditure: cny("10000000000"),
    annualOutOfPocket: cny("15000"),
    householdAnnualIncome: cny("90000"), // 15,000 / 90,000 = 16.7%
    committedSupply: 130,
    estimatedNeed: 100,
    therapyType: "cell-therapy" as const,
    ethicsApproval: true,
  };

  it("V7: admitted, band high (bounds 267,000 and 445,000)", () => {
    const r = assessAdmission({ technology: v7, rules: { maxBudgetShare: 0.01 } });
    expect(r.admitted).toBe(true);
    expect(r.vetoed).toBe(false);
    expect(r.band).toBe("high");
    const by = Object.fromEntries(r.dimensions.map((d) => [d.dimension, d.outcome]));
    expect(by).toEqual({
      innovation: "n.a.",
      safety: "pass",
      efficacy: "pass",
      "cost-effectiveness": "pass",
      "budget-impact": "pass",
      "patient-burden": "pass",
      equity: "n.a.",
      accessibility: "pass",
      ethics: "pass",
    });
    const band = classifyIcerByGdp({ icer: cny("200000"), gdpPerCapita: cny("89000") });
    expect(band.highBound.toString()).toBe("CNY 267000.00");
    expect(band.moderateBound.toString()).toBe("CNY 445000.00");
    expect(r.dimensions.find((d) => d.dimension === "patient-burden")!.reason).toContain("16.7%");
  });

  it("V7b: SAE rate 12% → rejected by the safety veto", () => {
    const r = assessAdmission({ technology: { ...v7, seriousAdverseEventRate: 0.12 } });
    expect(r.admitted).toBe(false);
    expect(r.vetoed).toBe(true);
    const safety = r.dimensions.find((d) => d.dimension === "safety")!;
    expect(safety.outcome).toBe("fail");
    expect(safety.veto).toBe(true);
    expect(r.dimensions.filter((d) => d.outcome === "fail").map((d) => d.dimension)).toEqual(["safety"]);
  });

  it("V7c: ORR 15% and PFS improvement 25% → efficacy fails", () => {
    const r = assessAdmission({ technology: { ...v7, objectiveResponseRate: 0.15, pfsImprovement: 0.25 } });
    expect(r.admitted).toBe(false);
    expect(r.vetoed).toBe(false);
    expect(r.dimensions.find((d) => d.dimension === "efficacy")!.outcome).toBe("fail");
    expect(r.stages.find((s) => s.stage === "technical")!.passed).toBe(false);
  });
});
