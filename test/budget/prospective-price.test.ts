// Prospective (IPPS-style) DRG prices, hand-computed: wage index ≠ 1, IME/DSH, NTAP, outlier.
import { describe, expect, it } from "vitest";
import { ippsPayment, ippsPayments, type IppsHospital, type Money } from "../../src/index.js";
import { domainError } from "../typed-errors.js";

const amt = (m: Money | null) => (m === null ? null : m.toJSON().amount);

const hospital: IppsHospital = {
  currency: "USD",
  operating: { standardizedAmount: "6000", laborShare: 0.676, wageIndex: 1.1 },
  capital: { federalRate: "500", geographicAdjustmentFactor: 1.0674 },
  imeRate: 0.05,
  dshRate: 0.03,
  costToChargeRatio: 0.3,
  ntap: { rate: 0.65 },
  outlier: { fixedLossThreshold: "40000", marginalCostFactor: 0.8, wageAdjusted: true },
};

describe("IPPS: a CAR-T-like case with wage index 1.1, an outlier and a new-technology add-on", () => {
  it("NTAP limited by the cost above the DRG payment", () => {
    const r = ippsPayment({ hospital, case: { id: "c1", drg: "018", drgWeight: 10, charges: "1000000", newTechnology: { name: "CAR-T", cost: "400000" } } });
    // wage adjustment 0.676 × 1.1 + 0.324 = 1.0676; operating 6,000 × 1.0676 × 10 = 64,056.00
    expect(amt(r.operating)).toBe("64056.00");
    // capital 500 × 1.0674 × 10 = 5,337.00
    expect(amt(r.capital)).toBe("5337.00");
    // IME 0.05 × 64,056 = 3,202.80; DSH 0.03 × 64,056 = 1,921.68
    expect(amt(r.ime)).toBe("3202.80");
    expect(amt(r.dsh)).toBe("1921.68");
    // DRG payment 64,056 + 5,337 + 3,202.80 + 1,921.68 = 74,517.48
    expect(amt(r.drgPayment)).toBe("74517.48");
    // cost 1,000,000 × 0.3 = 300,000
    expect(amt(r.cost)).toBe("300000.00");
    // NTAP = min(0.65 × (300,000 − 74,517.48) = 146,563.638, 0.65 × 400,000 = 260,000) = 146,563.64
    expect(amt(r.newTechnologyAddOn)).toBe("146563.64");
    // threshold 74,517.48 + 146,563.64 + 40,000 × 1.0676 (42,704.00) = 263,785.12
    expect(amt(r.outlierThreshold)).toBe("263785.12");
    // outlier 0.8 × (300,000 − 263,785.12) = 0.8 × 36,214.88 = 28,971.904 → 28,971.90
    expect(amt(r.outlier)).toBe("28971.90");
    // total 74,517.48 + 146,563.64 + 28,971.90 = 250,053.02
    expect(amt(r.total)).toBe("250053.02");
    expect(r.explanation.map((s) => s.rule)).toContain("budget.ipps.ntap");
  });
  it("NTAP capped at 65% of the technology's cost", () => {
    const r = ippsPayment({ hospital, case: { id: "c2", drgWeight: 10, charges: "1000000", newTechnology: { name: "CAR-T", cost: "100000" } } });
    // min(146,563.638, 65,000) = 65,000; threshold 74,517.48 + 65,000 + 42,704 = 182,221.48
    // outlier 0.8 × 117,778.52 = 94,222.816 → 94,222.82; total 74,517.48 + 65,000 + 94,222.82 = 233,740.30
    expect(amt(r.newTechnologyAddOn)).toBe("65000.00");
    expect(amt(r.outlier)).toBe("94222.82");
    expect(amt(r.total)).toBe("233740.30");
  });
  it("an ordinary case: no add-on, no outlier", () => {
    const r = ippsPayment({ hospital, case: { id: "c3", drgWeight: 1.5, charges: "30000" } });
    // operating 6,000 × 1.0676 × 1.5 = 9,608.40; capital 500 × 1.0674 × 1.5 = 800.55; IME 480.42; DSH 288.252 → 288.25
    // DRG 9,608.40 + 800.55 + 480.42 + 288.25 = 11,177.62; cost 9,000 below the threshold
    expect(amt(r.drgPayment)).toBe("11177.62");
    expect(amt(r.outlier)).toBe("0.00");
    expect(amt(r.total)).toBe("11177.62");
  });
  it("a fixed-loss threshold not wage-adjusted is used as stated", () => {
    const r = ippsPayment({ hospital: { ...hospital, outlier: { fixedLossThreshold: "40000", marginalCostFactor: 0.8, wageAdjusted: false } }, case: { id: "c4", drgWeight: 10, charges: "600000" } });
    // cost 180,000; threshold 74,517.48 + 40,000 = 114,517.48; outlier 0.8 × 65,482.52 = 52,386.016 → 52,386.02
    expect(amt(r.outlier)).toBe("52386.02");
  });
  it("the bulk path gives the same lines as one case at a time", () => {
    const cases = [
      { id: "a", drgWeight: 10, charges: "1000000", newTechnology: { name: "CAR-T", cost: "400000" } },
      { id: "b", drgWeight: 1.5, charges: "30000" },
    ];
    const bulk = ippsPayments({ hospital, cases });
    expect(bulk.cases.map((c) => amt(c.total))).toEqual(["250053.02", "11177.62"]);
    expect(amt(bulk.total)).toBe("261230.64");
    expect(bulk.outlierCases).toBe(1);
  });
  it("a new technology without an NTAP rate in the hospital document is an error at hospital.ntap", () => {
    const { ntap: _n, ...noNtap } = hospital;
    const e = domainError(() => ippsPayment({ hospital: noNtap, case: { id: "c", drgWeight: 1, charges: "1", newTechnology: { name: "x", cost: "1" } } }));
    expect(e.path).toEqual(["hospital", "ntap"]);
  });
});
