import { describe, expect, it } from "vitest";
import {
  allocateDipBudget,
  budgetImpact,
  budgetImpactScenarios,
  bundlePrice,
  capitationPanelPayment,
  capitationPayment,
  detectCostAnomalies,
  dipCasePayment,
  dipPointValue,
  drgEfficacyCoefficient,
  drgPayment,
  drgTechnologyCost,
  fundHealth,
  reconcileProviderBundles,
  reconcileTargetPrice,
  settleBundle,
  type Money,
} from "../../src/index.js";

const cny = (m: Money | null | undefined): string | null => (m == null ? null : `${m.currency} ${m.toJSON().amount}`);

const lungBundle = {
  currency: "CNY",
  name: "Lung-cancer monthly bundle",
  price: "28000",
  components: [
    { name: "NGS test", amount: "5000" },
    { name: "targeted drug", amount: "20000" },
    { name: "imaging", amount: "1000" },
    { name: "supportive care", amount: "2000" },
  ],
};

describe("bundled payment", () => {
  it("B1: lung-cancer monthly bundle 28,000 settles overrun, surplus, stop-loss and gain sharing", () => {
    // 30,500 > 28,000: overrun 2,500 borne by the provider; payer pays the price.
    const over = settleBundle({ bundle: lungBundle, actualCost: "30500" });
    expect(cny(over.payerPayment)).toBe("CNY 28000.00");
    expect(cny(over.providerBears)).toBe("CNY 2500.00");
    expect(cny(over.providerKeeps)).toBe("CNY 0.00");
    expect(over.outcome).toBe("overrun");
    // 26,000 < 28,000: surplus 2,000 kept.
    const under = settleBundle({ bundle: lungBundle, actualCost: "26000" });
    expect(cny(under.payerPayment)).toBe("CNY 28000.00");
    expect(cny(under.providerKeeps)).toBe("CNY 2000.00");
    // 31,000 with stop-loss 5% × 28,000 = 1,400: provider bears 1,400; payer 31,000 − 1,400 = 29,600.
    const stop = settleBundle({ bundle: lungBundle, actualCost: "31000", stopLoss: { rateOfPrice: 0.05 } });
    expect(cny(stop.providerBears)).toBe("CNY 1400.00");
    expect(cny(stop.payerPayment)).toBe("CNY 29600.00");
    expect(stop.limitApplied).toBe(true);
    // 26,000 with 50% gain sharing: keeps 0.5 × 2,000 = 1,000; payer 26,000 + 1,000 = 27,000.
    const shared = settleBundle({ bundle: lungBundle, actualCost: "26000", gainSharing: 0.5 });
    expect(cny(shared.providerKeeps)).toBe("CNY 1000.00");
    expect(cny(shared.payerPayment)).toBe("CNY 27000.00");
    expect(shared.explanation.map((s) => s.rule)).toContain("budget.bundle.surplus");
  });

  it("B1: components given without a price resolve to the 28,000 price", () => {
    const r = bundlePrice({ bundle: { currency: "CNY", components: lungBundle.components } });
    expect(cny(r.price)).toBe("CNY 28000.00");
    expect(r.components.map((c) => cny(c.share))).toEqual(["CNY 5000.00", "CNY 20000.00", "CNY 1000.00", "CNY 2000.00"]);
  });

  it("B2: a package priced 20% below the à-la-carte sum: 25,000 → 20,000", () => {
    const r = bundlePrice({
      bundle: { currency: "CNY",
        components: [
          { name: "test", amount: "5000" },
          { name: "drug", amount: "20000" },
        ],
        packageDiscount: 0.2,
      },
    });
    // 25,000 × (1 − 0.2) = 20,000; split 5:20 → 4,000 / 16,000.
    expect(cny(r.alaCarteTotal)).toBe("CNY 25000.00");
    expect(cny(r.price)).toBe("CNY 20000.00");
    expect(r.components.map((c) => cny(c.share))).toEqual(["CNY 4000.00", "CNY 16000.00"]);
    // A stated price of 20,000 agrees with the discounted components.
    expect(cny(bundlePrice({ bundle: { currency: "CNY", price: "20000", components: [{ name: "all", amount: "25000" }], packageDiscount: 0.2 } }).price)).toBe("CNY 20000.00");
  });

  it("B3: target-price reconciliation 110,000 → 104,500 after quality; −690,000 capped at −582,000", () => {
    const base = { currency: "CNY", benchmarkPrice: "30000", discount: 0.03, episodes: 100, qualityAdjustment: -0.05, capRate: 0.2 };
    // target 30,000 × 0.97 = 29,100; total 2,910,000; 2,910,000 − 2,800,000 = 110,000; × 0.95 = 104,500; cap 582,000 not binding.
    const owed = reconcileTargetPrice({ ...base, actualSpending: "2800000" });
    expect(cny(owed.targetPrice)).toBe("CNY 29100.00");
    expect(cny(owed.totalTarget)).toBe("CNY 2910000.00");
    expect(cny(owed.reconciliationAmount)).toBe("CNY 110000.00");
    expect(cny(owed.cap)).toBe("CNY 582000.00");
    expect(cny(owed.finalAmount)).toBe("CNY 104500.00");
    expect(owed.capApplied).toBe(false);
    expect(owed.direction).toBe("owed-to-provider");
    // 2,910,000 − 3,600,000 = −690,000, beyond −582,000: capped (repayment).
    const repay = reconcileTargetPrice({ ...base, actualSpending: "3600000" });
    expect(cny(repay.reconciliationAmount)).toBe("CNY -690000.00");
    expect(cny(repay.finalAmount)).toBe("CNY -582000.00");
    expect(repay.capApplied).toBe(true);
    expect(repay.direction).toBe("repayment");
    // The order is stated in the explanation, and cap-first gives the same here.
    expect(owed.explanation.some((s) => s.text.includes("quality adjustment is applied first"))).toBe(true);
    const capFirst = reconcileTargetPrice({ ...base, actualSpending: "2800000", order: "cap-then-quality" });
    expect(cny(capFirst.finalAmount)).toBe("CNY 104500.00");
    expect(capFirst.explanation.some((s) => s.text.includes("cap is applied first"))).toBe(true);
  });

  it("B3: order matters when the cap binds — quality then cap vs cap then quality", () => {
    // total target 2,910,000, cap 582,000; actual 2,000,000 → +910,000.
    // quality first: 910,000 × 0.95 = 864,500 → capped 582,000.
    // cap first: 582,000 → × 0.95 = 552,900.
    const base = { currency: "CNY", benchmarkPrice: "30000", discount: 0.03, episodes: 100, qualityAdjustment: -0.05, capRate: 0.2, actualSpending: "2000000" };
    expect(cny(reconcileTargetPrice(base).finalAmount)).toBe("CNY 582000.00");
    expect(cny(reconcileTargetPrice({ ...base, order: "cap-then-quality" }).finalAmount)).toBe("CNY 552900.00");
  });

  it("B1/B3: per-episode results roll up to a provider reconciliation", () => {
    const r = reconcileProviderBundles({
      providerId: "H001",
      period: "2026-Q1",
      bundles: { lung: lungBundle },
      episodes: [
        { episodeId: "e1", bundleId: "lung", actualCost: "30500" },
        { episodeId: "e2", bundleId: "lung", actualCost: "26000" },
      ],
    });
    // prices 56,000; costs 56,500; payments 28,000 + 28,000; keeps 2,000, bears 2,500, net −500.
    expect(cny(r.totalBundlePrices)).toBe("CNY 56000.00");
    expect(cny(r.totalActualCost)).toBe("CNY 56500.00");
    expect(cny(r.totalPayerPayments)).toBe("CNY 56000.00");
    expect(cny(r.netProviderMargin)).toBe("CNY -500.00");
    expect(r.lines.map((l) => cny(l.providerMargin))).toEqual(["CNY -2500.00", "CNY 2000.00"]);
  });
});

describe("DRG", () => {
  it("D1: base rate 10,000 × weight 3.0 = 30,000", () => {
    expect(cny(drgPayment({ currency: "CNY", baseRate: "10000", relativeWeight: "3.0" }).payment)).toBe("CNY 30000.00");
  });
  it("D1b: EGFR-positive +20% → 36,000", () => {
    expect(cny(drgPayment({ currency: "CNY", baseRate: "10000", relativeWeight: 3, subgroup: { name: "EGFR-positive", uplift: 0.2 } }).payment)).toBe("CNY 36000.00");
  });
  it("D1c: D1b with efficacy coefficient 1.2 → 43,200", () => {
    const r = drgPayment({ currency: "CNY",
      baseRate: "10000",
      relativeWeight: 3,
      subgroup: { name: "EGFR-positive", uplift: 0.2 },
      coefficients: [{ name: "efficacy", kind: "efficacy", value: drgEfficacyCoefficient({ responseRate: 0.8, oneYearSurvival: 0.6 }).coefficient }],
    });
    // 30,000 × 1.2 × 1.2 = 43,200
    expect(cny(r.payment)).toBe("CNY 43200.00");
    expect(drgEfficacyCoefficient({ responseRate: 0.79, oneYearSurvival: 0.9 }).coefficient).toBe("1");
  });
  it("D2: breast cancer 40,000; HER2-positive subgroup paid 55,000", () => {
    expect(cny(drgPayment({ currency: "CNY", groupRate: "40000" }).payment)).toBe("CNY 40000.00");
    expect(cny(drgPayment({ currency: "CNY", groupRate: "40000", subgroup: { name: "HER2-positive", groupRate: "55000" } }).payment)).toBe("CNY 55000.00");
  });
  it("D3: appendicitis 11,000: cost 9,000 keeps 2,000; cost 12,000 bears 1,000", () => {
    const a = drgPayment({ currency: "CNY", groupRate: "11000", actualCost: "9000" });
    expect(cny(a.payment)).toBe("CNY 11000.00");
    expect(cny(a.providerKeeps)).toBe("CNY 2000.00");
    expect(cny(a.providerBears)).toBe("CNY 0.00");
    const b = drgPayment({ currency: "CNY", groupRate: "11000", actualCost: "12000" });
    expect(cny(b.payment)).toBe("CNY 11000.00");
    expect(cny(b.providerBears)).toBe("CNY 1000.00");
  });
  it("D3: configured outlier rules re-price cases beyond 2× or below 0.5× the rate", () => {
    const outlierBands = {
      domain: { min: 0, max: null },
      bands: [
        { from: 0, to: 0.5, value: { method: "actual-cost" as const }, label: "low" },
        { from: 0.5, to: 2, value: { method: "group-rate" as const } },
        { from: 2, to: null, value: { method: "group-rate-plus-excess" as const, factor: 0.8 }, label: "high" },
      ],
    };
    // 30,000 cost on 11,000: ratio 2.727…; 11,000 + (30,000 − 22,000) × 0.8 = 17,400.
    const high = drgPayment({ currency: "CNY", groupRate: "11000", actualCost: "30000", outlierBands });
    expect(cny(high.payment)).toBe("CNY 17400.00");
    expect(high.outlierRule).toBe("group-rate-plus-excess");
    expect(cny(high.providerBears)).toBe("CNY 12600.00");
    // 5,000 cost: ratio 0.4545… < 0.5 → paid actual cost 5,000.
    expect(cny(drgPayment({ currency: "CNY", groupRate: "11000", actualCost: "5000", outlierBands }).payment)).toBe("CNY 5000.00");
    // 9,000: normal band → group rate.
    expect(cny(drgPayment({ currency: "CNY", groupRate: "11000", actualCost: "9000", outlierBands }).payment)).toBe("CNY 11000.00");
  });
  it("D4: test cost 1,200 at technology coefficient 1.3 counts 1,560", () => {
    const r = drgTechnologyCost({ currency: "CNY", items: [{ name: "NGS", actualCost: "1200", coefficient: 1.3 }] });
    expect(cny(r.countedTotal)).toBe("CNY 1560.00");
  });
});

describe("DIP", () => {
  it("D5: budget 1,200,000,000 ÷ 60,000,000 points = 20.00; 2,500-point case 50,000", () => {
    const pv = dipPointValue({ currency: "CNY", fundAmount: "1200000000", totalPoints: "60000000" });
    expect(pv.pointValue).toBe("20");
    expect(cny(dipCasePayment({ currency: "CNY", pointValue: pv.pointValue, groupPoints: 2500 }).payment)).toBe("CNY 50000.00");
  });
  it("D6: settlement point value 102.0408… and the four outlier cases", () => {
    const pv = dipPointValue({ currency: "CNY", kind: "settlement", fundAmount: "1000000000", reimbursementRatio: 0.7, totalPoints: "14000000" });
    // 1,000,000,000 / 0.7 / 14,000,000 = 102.040816326530612244897959183673469387755…
    expect(pv.pointValue.startsWith("102.04081632653061224489795918367346938775510204")).toBe(true);
    const kase = (cost: string) => dipCasePayment({ currency: "CNY", pointValue: pv.pointValue, groupPoints: 200, groupMeanCost: "20000", caseCost: cost });
    // 18,000 / 20,000 = 0.9 → 200 pts × 102.0408… = 20,408.163… → 20,408.16
    const normal = kase("18000");
    expect(normal.casePoints).toBe("200");
    expect(cny(normal.payment)).toBe("CNY 20408.16");
    // 50,000 / 20,000 = 2.5 ≥ 2 → (2.5 − 1) × 200 = 300 pts → 30,612.244… → 30,612.24
    const high = kase("50000");
    expect(high.casePoints).toBe("300");
    expect(cny(high.payment)).toBe("CNY 30612.24");
    // 4,000 / 20,000 = 0.2 < 0.5 → 0.2 × 200 = 40 pts → 4,081.632… → 4,081.63
    const low = kase("4000");
    expect(low.casePoints).toBe("40");
    expect(cny(low.payment)).toBe("CNY 4081.63");
    // 120,000 / 20,000 = 6 ≥ 5 → expert review, no automatic payment.
    const extreme = kase("120000");
    expect(extreme.expertReview).toBe(true);
    expect(extreme.payment).toBeNull();
  });
  it("D5/D6: a hospital-level coefficient scales the case payment", () => {
    // 2,500 × 20 × 1.05 = 52,500
    expect(cny(dipCasePayment({ currency: "CNY", pointValue: "20", groupPoints: 2500, hospitalCoefficient: 1.05 }).payment)).toBe("CNY 52500.00");
  });
  it("D5: a DIP budget allocated by points sums exactly to the budget", () => {
    const r = allocateDipBudget({ currency: "CNY", budget: "100.00", cases: [{ caseId: "a", points: 1 }, { caseId: "b", points: 1 }, { caseId: "c", points: 1 }] });
    expect(r.lines.map((l) => cny(l.amount))).toEqual(["CNY 33.34", "CNY 33.33", "CNY 33.33"]);
  });
});

const p2Targets = [
  {
    kind: "banded" as const,
    name: "blood-pressure control",
    metric: "bpControl",
    table: {
      domain: { min: 0, max: 1 },
      bands: [
        { from: 0, to: 0.6, value: { amount: "-300" } },
        { from: 0.6, to: 0.7, value: { amount: "0" } },
        { from: 0.7, to: 1, value: { amount: "500" } },
      ],
    },
  },
];

describe("capitation with performance", () => {
  it("P1: diabetes 8,000: +10% when both targets met (8,800), otherwise −5% (7,600)", () => {
    const targets = [
      {
        kind: "all-of" as const,
        conditions: [
          { metric: "hba1cControl", min: 0.6 },
          { metric: "hospitalisationReduction", min: 0.2 },
        ],
        met: { rate: 0.1 },
        notMet: { rate: -0.05 },
      },
    ];
    expect(cny(capitationPayment({ currency: "CNY", baseAmount: "8000", metrics: { hba1cControl: 0.6, hospitalisationReduction: 0.2 }, targets }).payment)).toBe("CNY 8800.00");
    expect(cny(capitationPayment({ currency: "CNY", baseAmount: "8000", metrics: { hba1cControl: 0.7, hospitalisationReduction: 0.19 }, targets }).payment)).toBe("CNY 7600.00");
  });
  it("P2: hypertension 3,000: 3,500 / 3,000 / 2,700; panel of 1,000", () => {
    const pay = (v: number) => cny(capitationPayment({ currency: "CNY", baseAmount: "3000", metrics: { bpControl: v }, targets: p2Targets }).payment);
    expect(pay(0.72)).toBe("CNY 3500.00");
    expect(pay(0.7)).toBe("CNY 3500.00");
    expect(pay(0.65)).toBe("CNY 3000.00");
    expect(pay(0.6)).toBe("CNY 3000.00");
    expect(pay(0.55)).toBe("CNY 2700.00");
    const panel = (v: number) => cny(capitationPanelPayment({ currency: "CNY", enrollees: 1000, baseAmount: "3000", metrics: { bpControl: v }, targets: p2Targets }).total);
    expect(panel(0.72)).toBe("CNY 3500000.00");
    expect(panel(0.65)).toBe("CNY 3000000.00");
    expect(panel(0.55)).toBe("CNY 2700000.00");
  });
  it("P3: next-year standard +10% if HbA1c control ≥ 70%: 360 → 396", () => {
    const targets = [
      {
        kind: "banded" as const,
        metric: "hba1cControl",
        table: { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.7, value: { rate: 0 } }, { from: 0.7, to: 1, value: { rate: 0.1 } }] },
      },
    ];
    expect(cny(capitationPayment({ currency: "CNY", baseAmount: "360", metrics: { hba1cControl: 0.7 }, targets }).payment)).toBe("CNY 396.00");
    expect(cny(capitationPayment({ currency: "CNY", baseAmount: "360", metrics: { hba1cControl: 0.69 }, targets }).payment)).toBe("CNY 360.00");
  });
  it("P4: proportional outcome payment with a capped bonus (corrections C6): 72% against an 80% target on 1,000,000 → 900,000", () => {
    const targets = [{ kind: "proportional" as const, metric: "controlRate", target: 0.8, maxBonus: 0.1 }];
    // 1,000,000 × 0.72 / 0.8 = 900,000
    expect(cny(capitationPayment({ currency: "CNY", baseAmount: "1000000", metrics: { controlRate: 0.72 }, targets }).payment)).toBe("CNY 900000.00");
    // 0.85 / 0.8 = 1.0625 ≤ 1.1 → 1,062,500 (the old rule stopped at 1,000,000)
    expect(cny(capitationPayment({ currency: "CNY", baseAmount: "1000000", metrics: { controlRate: 0.85 }, targets }).payment)).toBe("CNY 1062500.00");
  });
});

describe("budget impact", () => {
  it("BI1: CAR-T 500 patients × 1,000,000 = 500,000,000 per year = 0.8% of a 62.5bn surplus", () => {
    const r = budgetImpact({ currency: "CNY", eligible: 500, uptake: 1, costPerPatient: "1000000", fundSurplus: "62500000000" });
    expect(cny(r.years[0]?.netCost)).toBe("CNY 500000000.00");
    // 500,000,000 / 62,500,000,000 = 0.008
    expect(r.years[0]?.shareOfSurplus).toBe("0.008");
    expect(r.verdict).toBe("not-assessed");
    const limited = budgetImpact({ currency: "CNY", eligible: 500, uptake: 1, costPerPatient: "1000000", fundSurplus: "62500000000", affordability: { maxShareOfSurplus: 0.005 } });
    expect(limited.verdict).toBe("not-affordable");
  });
  it("BI2: EGFR lung cancer 3,600 × 30/50/70% × 120,000 → 129.6m / 216m / 302.4m; total 648m", () => {
    const r = budgetImpact({ currency: "CNY", eligible: 3600, uptake: [0.3, 0.5, 0.7], costPerPatient: "120000" });
    // 1,080 × 120,000; 1,800 × 120,000; 2,520 × 120,000
    expect(r.years.map((y) => cny(y.netCost))).toEqual(["CNY 129600000.00", "CNY 216000000.00", "CNY 302400000.00"]);
    expect(r.years.map((y) => y.treated)).toEqual(["1080", "1800", "2520"]);
    expect(cny(r.totalNetCost)).toBe("CNY 648000000.00");
    expect(cny(r.totalDiscountedNetCost)).toBe("CNY 648000000.00");
  });
  it("BI2b: BI2 with displaced therapy 40,000 → net 86.4m / 144m / 201.6m", () => {
    const r = budgetImpact({ currency: "CNY", eligible: 3600, uptake: [0.3, 0.5, 0.7], costPerPatient: "120000", displaced: [{ name: "chemotherapy", costPerPatient: "40000" }] });
    // 1,080 × 80,000; 1,800 × 80,000; 2,520 × 80,000; total 432,000,000
    expect(r.years.map((y) => cny(y.netCost))).toEqual(["CNY 86400000.00", "CNY 144000000.00", "CNY 201600000.00"]);
    expect(r.years.map((y) => cny(y.grossCost))).toEqual(["CNY 129600000.00", "CNY 216000000.00", "CNY 302400000.00"]);
    expect(cny(r.totalNetCost)).toBe("CNY 432000000.00");
  });
  it("BI3: SMA special fund 200 × 600,000 = 120,000,000 per year", () => {
    const r = budgetImpact({ currency: "CNY", horizon: 3, eligible: 200, uptake: 1, costPerPatient: "600000", affordability: { maxAnnualAmount: "150000000" } });
    expect(r.years.map((y) => cny(y.netCost))).toEqual(["CNY 120000000.00", "CNY 120000000.00", "CNY 120000000.00"]);
    expect(cny(r.totalNetCost)).toBe("CNY 360000000.00");
    expect(r.verdict).toBe("affordable");
  });
  it("BI2: scenario runs report each total and its difference from the base", () => {
    const r = budgetImpactScenarios({
      base: { currency: "CNY", eligible: 3600, uptake: [0.3, 0.5, 0.7], costPerPatient: "120000" },
      scenarios: [{ name: "displacement", overrides: { displaced: [{ name: "chemo", costPerPatient: "40000" }] } }],
    });
    expect(r.runs.map((x) => cny(x.result.totalNetCost))).toEqual(["CNY 648000000.00", "CNY 432000000.00"]);
    expect(cny(r.runs[1]?.differenceFromBase)).toBe("CNY -216000000.00");
  });
  it("BI2: avoided events and discounting", () => {
    // 100 treated × (10,000 − 0.5 × 4,000) = 800,000 per year; year 2 discounted at 5%: 800,000 / 1.05 = 761,904.76
    const r = budgetImpact({ currency: "CNY",
      eligible: [100, 100],
      uptake: 1,
      costPerPatient: "10000",
      avoidedEvents: [{ name: "hospitalisation", costPerEvent: "4000", eventsPerPatient: 0.5 }],
      discountRate: 0.05,
    });
    expect(r.years.map((y) => cny(y.netCost))).toEqual(["CNY 800000.00", "CNY 800000.00"]);
    expect(cny(r.totalNetCost)).toBe("CNY 1600000.00");
    expect(cny(r.totalDiscountedNetCost)).toBe("CNY 1561904.76");
  });
});

describe("fund health and anomalies", () => {
  it("fund surplus rate and the 5% warning line", () => {
    // (1,000m − 970m) / 1,000m = 3% < 5%
    const w = fundHealth({ currency: "CNY", income: "1000000000", expenditure: "970000000" });
    expect(w.surplusRate).toBe("0.03");
    expect(w.status).toBe("warning");
    expect(cny(w.surplus)).toBe("CNY 30000000.00");
    // exactly 5% is the alarm since corrections C7 (FH2 below)
    expect(fundHealth({ currency: "CNY", income: "1000000000", expenditure: "950000000" }).status).toBe("warning");
    expect(fundHealth({ currency: "CNY", income: "100", expenditure: "120" }).status).toBe("deficit");
  });
  it("cost anomalies: ≥ 1.40 × the case-weighted department mean without a better outcome (corrections C5)", () => {
    const r = detectCostAnomalies({
      currency: "CNY",
      groups: [
        { id: "A", costPerCase: "10000", cases: 10, outcome: 0.6 },
        { id: "B", costPerCase: "10000", cases: 10, outcome: 0.6 },
        { id: "C", costPerCase: "14000", cases: 10, outcome: 0.6 },
        { id: "D", costPerCase: "20000", cases: 10, outcome: 0.9 },
      ],
    });
    // mean (10,000 + 10,000 + 14,000 + 20,000) × 10 / 40 = 13,500; 1.4 × 13,500 = 18,900: only D (20,000) is costly,
    // and its outcome 0.9 > department (0.6 × 30 + 0.9 × 10) / 40 = 0.675 → not flagged. (The old leave-one-out rule agreed here.)
    expect(r.flagged).toEqual([]);
    expect(cny(r.departmentMeanCost)).toBe("CNY 13500.00");
    // The old docs' example 10,000 / 10,000 / 14,000 is no longer flagged: see CA1 in corrections.test.ts.
    const r2 = detectCostAnomalies({ currency: "CNY", groups: [{ id: "A", costPerCase: "10000", cases: 1 }, { id: "B", costPerCase: "10000", cases: 1 }, { id: "C", costPerCase: "14000", cases: 1 }] });
    expect(r2.flagged).toEqual([]);
  });
});
