// Risk corridors (ACO REACH-style), hand-computed for both published options.
// Corridors as published for ACO REACH (share of savings/losses kept by the ACO, by band of
// savings/losses as a percent of the benchmark), used here as data:
//   Global:       < 25%: 100%; 25–35%: 50%; 35–50%: 25%; > 50%: 10%
//   Professional: < 5%: 50%;   5–10%: 35%;  10–15%: 15%; > 15%: 5%
import { describe, expect, it } from "vitest";
import { reconcileRiskCorridors, type CorridorInput, type Money, type ReconcileRiskCorridorsInput } from "../../src/index.js";

const amt = (m: Money | null) => (m === null ? null : m.toJSON().amount);

const global: CorridorInput = {
  method: "marginal",
  bands: [
    { from: 0, to: 0.25, share: 1, label: "corridor 1" },
    { from: 0.25, to: 0.35, share: 0.5, label: "corridor 2" },
    { from: 0.35, to: 0.5, share: 0.25, label: "corridor 3" },
    { from: 0.5, to: null, share: 0.1, label: "corridor 4" },
  ],
};
const professional: CorridorInput = {
  method: "marginal",
  bands: [
    { from: 0, to: 0.05, share: 0.5 },
    { from: 0.05, to: 0.1, share: 0.35 },
    { from: 0.1, to: 0.15, share: 0.15 },
    { from: 0.15, to: null, share: 0.05 },
  ],
};

const globalDoc = (actual: string): ReconcileRiskCorridorsInput => ({
  scheme: "risk-corridors",
  currency: "USD",
  option: "Global",
  benchmark: "100000000",
  discount: 0.035,
  qualityWithhold: { rate: 0.02, score: 0.8 },
  actual,
  gains: global,
  losses: global,
});
const professionalDoc = (actual: string): ReconcileRiskCorridorsInput => ({
  scheme: "risk-corridors",
  currency: "USD",
  option: "Professional",
  benchmark: "100000000",
  discount: 0,
  qualityWithhold: { rate: 0.02, score: 1 },
  actual,
  gains: professional,
  losses: professional,
});

describe("ACO REACH Global option", () => {
  it("savings through three corridors after the discount and the quality withhold", () => {
    // final benchmark: 100,000,000 − 3.5% (3,500,000) − 2% withhold (2,000,000) + 0.8 × 2,000,000 earned back (1,600,000) = 96,100,000
    // actual 60,000,000 → savings 36,100,000 = 37.56…% of 96,100,000
    // corridor 1: 25% × 96,100,000 = 24,025,000 × 100% = 24,025,000
    // corridor 2: 10% × 96,100,000 = 9,610,000 × 50% = 4,805,000
    // corridor 3: 36,100,000 − 33,635,000 = 2,465,000 × 25% = 616,250
    // total 29,446,250; CMS keeps 36,100,000 − 29,446,250 = 6,653,750
    const r = reconcileRiskCorridors(globalDoc("60000000"));
    expect(amt(r.discountAmount)).toBe("3500000.00");
    expect(amt(r.earnedBack)).toBe("1600000.00");
    expect(amt(r.target)).toBe("96100000.00");
    expect(amt(r.grossSavings)).toBe("36100000.00");
    expect(amt(r.providerAmount)).toBe("29446250.00");
    expect(amt(r.payerAmount)).toBe("6653750.00");
    expect(r.explanation.find((s) => s.rule === "budget.corridors.share-gains")!.text).toContain("corridor 3");
  });
  it("losses through two corridors", () => {
    // actual 125,000,000 → losses 28,900,000; 24,025,000 × 100% + (28,900,000 − 24,025,000) 4,875,000 × 50% = 2,437,500
    // owed 26,462,500
    const r = reconcileRiskCorridors(globalDoc("125000000"));
    expect(amt(r.providerAmount)).toBe("-26462500.00");
    expect(r.direction).toBe("repayment-by-provider");
  });
  it("a small saving is kept in full (inside corridor 1)", () => {
    // 96,100,000 − 90,000,000 = 6,100,000 × 100%
    expect(amt(reconcileRiskCorridors(globalDoc("90000000")).providerAmount)).toBe("6100000.00");
  });
});

describe("ACO REACH Professional option", () => {
  it("savings from the first dollar through three corridors", () => {
    // no discount; withhold 2% fully earned back (score 1): final benchmark 100,000,000
    // actual 88,000,000 → savings 12,000,000 = 12%
    // 5% × 50% = 2,500,000; 5% × 35% = 1,750,000; 2% × 15% = 300,000 → 4,550,000
    const r = reconcileRiskCorridors(professionalDoc("88000000"));
    expect(amt(r.target)).toBe("100000000.00");
    expect(amt(r.providerAmount)).toBe("4550000.00");
    expect(amt(r.payerAmount)).toBe("7450000.00");
  });
  it("a loss inside corridor 1", () => {
    // actual 103,000,000 → loss 3,000,000 × 50% = 1,500,000
    expect(amt(reconcileRiskCorridors(professionalDoc("103000000")).providerAmount)).toBe("-1500000.00");
  });
  it("a loss beyond the last edge", () => {
    // loss 20,000,000: 2,500,000 + 1,750,000 + 750,000 + 5,000,000 × 5% = 250,000 → 5,250,000
    expect(amt(reconcileRiskCorridors(professionalDoc("120000000")).providerAmount)).toBe("-5250000.00");
  });
  it("a stop-loss caps what the organisation owes", () => {
    const r = reconcileRiskCorridors({ ...professionalDoc("120000000"), stopLoss: { shareOfBenchmark: 0.05 } });
    // 5% × 100,000,000 = 5,000,000 < 5,250,000
    expect(amt(r.providerAmount)).toBe("-5000000.00");
    expect(r.capApplied).toBe(true);
  });
});

describe("corridor edges", () => {
  it("marginal corridors are continuous at a band edge (a cent either side moves the result by at most a cent)", () => {
    // Professional, final benchmark 100,000,000: the 5% edge is at savings 5,000,000 (actual 95,000,000)
    const at = reconcileRiskCorridors(professionalDoc("95000000")).providerAmount.amount;
    const below = reconcileRiskCorridors(professionalDoc("95000000.01")).providerAmount.amount;
    const above = reconcileRiskCorridors(professionalDoc("94999999.99")).providerAmount.amount;
    expect(at.toFixed(2)).toBe("2500000.00");
    expect(at.minus(below).abs().lessThanOrEqualTo("0.01")).toBe(true);
    expect(above.minus(at).abs().lessThanOrEqualTo("0.01")).toBe(true);
  });
  it("a flat corridor steps at its edges, and its shares may not fall as the ratio grows", () => {
    const flat: CorridorInput = { method: "flat", bands: [{ from: 0, to: 0.05, share: 0.3 }, { from: 0.05, to: null, share: 0.5 }] };
    const doc = (actual: string) => ({ ...professionalDoc(actual), gains: flat });
    // savings 4,999,999.99 at 30% → 1,500,000.00 (rounded half-up from 1,499,999.997); 5,000,000 at 50% → 2,500,000
    expect(amt(reconcileRiskCorridors(doc("95000000.01")).providerAmount)).toBe("1500000.00");
    expect(amt(reconcileRiskCorridors(doc("95000000")).providerAmount)).toBe("2500000.00");
  });
});

describe("explanations speak each scheme's terms", () => {
  it("REACH: final benchmark, the organisation, corridors", () => {
    const steps = reconcileRiskCorridors(globalDoc("60000000")).explanation;
    expect(steps.map((s) => s.rule)).toEqual([
      "budget.corridors.benchmark",
      "budget.corridors.discount",
      "budget.corridors.withhold",
      "budget.corridors.final-benchmark",
      "budget.corridors.gross",
      "budget.corridors.share-gains",
      "budget.corridors.result",
    ]);
    expect(steps[4]!.text).toMatch(/^The final benchmark less total cost of care: savings of USD 36,100,000\.00/);
    expect(steps[5]!.text).toContain("The organisation's share of savings by corridor");
    expect(steps[6]!.text).toBe("The payer pays the organisation USD 29,446,250.00; the payer keeps USD 6,653,750.00 of the savings.");
    // never the bill splitter's words
    expect(steps.some((s) => /patient/.test(s.text))).toBe(false);
  });
});
