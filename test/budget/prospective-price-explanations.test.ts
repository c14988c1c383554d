// IPPS-style prospective prices: every part of the case payment explained and pinned,
// the new-technology add-on's lesser-of rule, the outlier threshold, the bulk path's
// agreement with the explained one, and the ntap guard.
import { describe, expect, it } from "vitest";
import { ippsPayment, ippsPayments } from "../../src/index.js";
import { domain, json, m } from "./explain-helpers.js";

const usd = (a: string) => m(a, "USD");

const hospital = {
  currency: "USD",
  operating: { standardizedAmount: "6000", laborShare: 0.7, wageIndex: 1.2 },
  capital: { federalRate: "500", geographicAdjustmentFactor: 1.1 },
  imeRate: 0.1,
  dshRate: 0.05,
  costToChargeRatio: 0.5,
  ntap: { rate: 0.65 },
  outlier: { fixedLossThreshold: "10000", marginalCostFactor: 0.8, wageAdjusted: true },
};
const carT = { id: "c1", drg: "018", drgWeight: 2, charges: "80000", newTechnology: { name: "CAR-T", cost: "10000" } };

describe("IPPS case payment: the explanation", () => {
  it("operating, capital, IME, DSH, cost, a new-technology add-on and a wage-adjusted outlier", () => {
    // Wage factor 0.7 × 1.2 + 0.3 = 1.14. Operating 6,000 × 1.14 × 2 = 13,680; capital 500 × 1.1 × 2 = 1,100;
    // IME 10 % = 1,368; DSH 5 % = 684; DRG payment 16,832. Cost 80,000 × 0.5 = 40,000.
    // NTAP: 65 % × (40,000 − 16,832 = 23,168) = 15,059.20 vs 65 % × 10,000 = 6,500 → 6,500.
    // Outlier: fixed loss 10,000 × 1.14 = 11,400; threshold 16,832 + 6,500 + 11,400 = 34,732;
    // 80 % × (40,000 − 34,732) = 4,214.40. Total 16,832 + 6,500 + 4,214.40 = 27,546.40.
    const r = ippsPayment({ hospital, case: carT });
    expect(json(r.explanation)).toEqual([
      { rule: "budget.ipps.operating", text: "Operating: USD 6,000.00 × (labour share 70% × wage index 1.2 + 30%) × DRG weight 2.", inputs: { wageAdjustment: "1.14", drgWeight: "2" }, amount: usd("13680.00") },
      { rule: "budget.ipps.capital", text: "Capital: USD 500.00 × geographic adjustment factor 1.1 × DRG weight 2.", inputs: {}, amount: usd("1100.00") },
      { rule: "budget.ipps.ime", text: "IME add-on: 0.1 × the operating payment.", inputs: {}, amount: usd("1368.00") },
      { rule: "budget.ipps.dsh", text: "DSH add-on: 0.05 × the operating payment.", inputs: {}, amount: usd("684.00") },
      { rule: "budget.ipps.drg-payment", text: "The DRG payment: operating + capital + IME + DSH.", inputs: {}, amount: usd("16832.00") },
      { rule: "budget.ipps.cost", text: "Cost: charges USD 80,000.00 × cost-to-charge ratio 0.5.", inputs: {}, amount: usd("40000.00") },
      {
        rule: "budget.ipps.ntap",
        text: "New-technology add-on for CAR-T: the lesser of 65% of the cost above the DRG payment (USD 15,059.20) and 65% of the technology's cost (USD 6,500.00).",
        inputs: { technologyCost: usd("10000.00"), costAboveDrgPayment: usd("23168.00") },
        amount: usd("6500.00"),
      },
      {
        rule: "budget.ipps.outlier",
        text: "Cost outlier: cost USD 40,000.00 exceeds the threshold USD 34,732.00 (DRG payment + add-on + fixed-loss USD 11,400.00); 80% of the excess is paid.",
        inputs: { fixedLossThreshold: usd("11400.00"), marginalCostFactor: "0.8" },
        amount: usd("4214.40"),
      },
      { rule: "budget.ipps.total", text: "The case payment: DRG payment + new-technology add-on + outlier.", inputs: {}, amount: usd("27546.40") },
    ]);
    const { explanation: _e, ...line } = r;
    expect(json(line)).toEqual({
      caseId: "c1", operating: usd("13680.00"), capital: usd("1100.00"), ime: usd("1368.00"), dsh: usd("684.00"), drgPayment: usd("16832.00"), cost: usd("40000.00"),
      newTechnologyAddOn: usd("6500.00"), outlierThreshold: usd("34732.00"), outlier: usd("4214.40"), total: usd("27546.40"),
    });
  });

  it("without add-ons or an outlier policy each part says so and the threshold is null", () => {
    const plain = { currency: "USD", operating: { standardizedAmount: "6000", laborShare: 0.7, wageIndex: 1.2 }, capital: { federalRate: "500", geographicAdjustmentFactor: 1.1 }, costToChargeRatio: 0.5 };
    // Operating 6,000 × 1.14 = 6,840; capital 550; total 7,390.
    const r = ippsPayment({ hospital: plain, case: { id: "c2", drgWeight: 1, charges: "10000" } });
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Operating: USD 6,000.00 × (labour share 70% × wage index 1.2 + 30%) × DRG weight 1.",
      "Capital: USD 500.00 × geographic adjustment factor 1.1 × DRG weight 1.",
      "No indirect medical education (IME) add-on.",
      "No disproportionate share (DSH) add-on.",
      "The DRG payment: operating + capital + IME + DSH.",
      "Cost: charges USD 10,000.00 × cost-to-charge ratio 0.5.",
      "The case payment: DRG payment + new-technology add-on + outlier.",
    ]);
    expect(json(r)).toMatchObject({ ime: usd("0.00"), dsh: usd("0.00"), newTechnologyAddOn: usd("0.00"), outlierThreshold: null, outlier: usd("0.00"), total: usd("7390.00") });
  });

  it("a threshold not wage-adjusted; a cost exactly at the threshold is no outlier; the add-on needs cost above the DRG payment", () => {
    // Operating 13,680 … DRG payment 16,832 as above; no technology. Fixed loss 23,168 as stated:
    // threshold 16,832 + 23,168 = 40,000 = the cost: no outlier.
    const h = { ...hospital, outlier: { fixedLossThreshold: "23168", marginalCostFactor: 0.8, wageAdjusted: false } };
    const r = ippsPayment({ hospital: h, case: { id: "c3", drgWeight: 2, charges: "80000" } });
    expect(json(r.explanation.find((s) => s.rule === "budget.ipps.outlier"))).toEqual({
      rule: "budget.ipps.outlier",
      text: "No cost outlier: cost USD 40,000.00 does not exceed the threshold USD 40,000.00 (DRG payment + add-on + fixed-loss USD 23,168.00).",
      inputs: { fixedLossThreshold: usd("23168.00"), marginalCostFactor: "0.8" },
      amount: usd("0.00"),
    });
    expect([r.outlier.toString(), r.outlierThreshold!.toString()]).toEqual(["USD 0.00", "USD 40000.00"]);
    // Cost 10,000 below the DRG payment 16,832: no cost above it, so no add-on.
    const cheap = ippsPayment({ hospital, case: { ...carT, charges: "20000" } });
    expect(cheap.newTechnologyAddOn.toString()).toBe("USD 0.00");
    expect(json(cheap.explanation.find((s) => s.rule === "budget.ipps.ntap")!.inputs)).toEqual({ technologyCost: usd("10000.00"), costAboveDrgPayment: usd("0.00") });
    // A technology cost above the excess: 65 % × 23,168 = 15,059.20 < 65 % × 30,000 = 19,500.
    expect(ippsPayment({ hospital, case: { ...carT, newTechnology: { name: "X", cost: "30000" } } }).newTechnologyAddOn.toString()).toBe("USD 15059.20");
  });

  it("each part rounds by the hospital's rounding", () => {
    // 1,000 × 1 × 1.000005 = 1,000.005 → half-up 1,000.01, down 1,000.00.
    const h = { currency: "USD", operating: { standardizedAmount: "1000", laborShare: 0, wageIndex: 1 }, capital: { federalRate: "0", geographicAdjustmentFactor: 1 }, costToChargeRatio: 1 };
    expect(ippsPayment({ hospital: h, case: { id: "r", drgWeight: 1.000005, charges: "0" } }).operating.toString()).toBe("USD 1000.01");
    expect(ippsPayment({ hospital: { ...h, rounding: "down" }, case: { id: "r", drgWeight: 1.000005, charges: "0" } }).operating.toString()).toBe("USD 1000.00");
  });

  it("a case with a new technology at a hospital without an ntap rate is an inconsistency naming the field", () => {
    const { ntap: _n, ...noNtap } = hospital;
    expect(domain(() => ippsPayment({ hospital: noNtap, case: carT }))).toEqual({
      code: "INCONSISTENT_INPUT", path: ["hospital", "ntap"], reason: "case c1 uses new technology CAR-T but the hospital document has no ntap rate", details: {},
    });
  });
});

describe("IPPS bulk path", () => {
  it("prices many cases with the explained path's figures, counts outliers, explains the total", () => {
    // c1 as above: 27,546.40 with an outlier; c2: operating 6,840, capital 550, IME 684, DSH 342 = 8,416;
    // cost 5,000 below the threshold 8,416 + 11,400: no outlier. Total 35,962.40.
    const c2 = { id: "c2", drgWeight: 1, charges: "10000" };
    const r = ippsPayments({ hospital, cases: [carT, c2] });
    const { explanation: _a, ...one } = ippsPayment({ hospital, case: carT });
    const { explanation: _b, ...two } = ippsPayment({ hospital, case: c2 });
    expect(json(r.cases)).toEqual(json([one, two]));
    expect(r.cases[1]!.total.toString()).toBe("USD 8416.00");
    expect(json(r.explanation)).toEqual([{ rule: "budget.ipps.cases", text: "2 cases priced; 1 with a cost outlier.", inputs: { cases: 2, outlierCases: 1 }, amount: usd("35962.40") }]);
    expect([r.currency, r.total.toString(), r.outlierCases]).toEqual(["USD", "USD 35962.40", 1]);
    expect(Object.keys(r.cases[0]!)).not.toContain("explanation");
  });
});
