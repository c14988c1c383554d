// Shared savings (MSSP-style), hand-computed: each track, the MSR gate, the loss-rate clamp, caps.
import { describe, expect, it } from "vitest";
import { reconcile, reconcileSharedSavings, type Money, type ReconcileSharedSavingsInput } from "../../src/index.js";

const amt = (m: Money | null) => (m === null ? null : m.toJSON().amount);

// The published MSSP one-sided MSR table by assigned beneficiaries (a public fact, used as data).
const msrTable = {
  domain: { min: 5000, max: null },
  bands: [
    { from: 5000, to: 6000, value: 0.039 },
    { from: 6000, to: 7000, value: 0.036 },
    { from: 7000, to: 8000, value: 0.034 },
    { from: 8000, to: 9000, value: 0.032 },
    { from: 9000, to: 10000, value: 0.031 },
    { from: 10000, to: 15000, value: 0.03 },
    { from: 15000, to: 20000, value: 0.027 },
    { from: 20000, to: 50000, value: 0.025 },
    { from: 50000, to: 60000, value: 0.022 },
    { from: 60000, to: null, value: 0.02 },
  ],
};

const oneSided = (perCapita: string, personYears: number | string = 10000): ReconcileSharedSavingsInput => ({
  scheme: "shared-savings",
  currency: "USD",
  track: "one-sided",
  benchmarkPerCapita: "12000",
  expenditure: { kind: "per-capita", perCapita, personYears },
  minimumSavingsRate: { kind: "by-beneficiaries", table: msrTable },
  sharingRate: 0.4,
  quality: { score: 80, scale: { min: 0, max: 100 }, method: "gate", standard: 40 },
  savingsCap: { shareOfBenchmark: 0.1 },
});

const enhanced = (perCapita: string, score: number, method: "gate" | "sliding" = "sliding"): ReconcileSharedSavingsInput => ({
  scheme: "shared-savings",
  currency: "USD",
  track: "two-sided",
  benchmarkPerCapita: "12000",
  expenditure: { kind: "per-capita", perCapita, personYears: 10000 },
  minimumSavingsRate: { kind: "fixed", rate: 0.02 },
  minimumLossRate: 0.02,
  sharingRate: 0.75,
  quality: { score, scale: { min: 0, max: 100 }, method, standard: 70 },
  savingsCap: { shareOfBenchmark: 0.2 },
  lossCap: { shareOfBenchmark: 0.15 },
  sharedLossRate: { kind: "one-minus-final-sharing-rate", min: 0.4, max: 0.75 },
});

describe("MSSP one-sided track", () => {
  it("savings beating the MSR are shared from the first dollar", () => {
    const r = reconcileSharedSavings(oneSided("11400"));
    // benchmark 12,000 × 10,000 = 120,000,000; expenditure 11,400 × 10,000 = 114,000,000
    // savings 6,000,000 = 5% ≥ MSR 3.0% (10,000–14,999 beneficiaries) → 40% × 1 × 6,000,000 = 2,400,000
    // cap 10% × 120,000,000 = 12,000,000 does not bind; the payer keeps 3,600,000
    expect(amt(r.target)).toBe("120000000.00");
    expect(amt(r.grossSavings)).toBe("6000000.00");
    expect(r.minimumSavingsRate).toBe("0.03");
    expect(r.finalSharingRate).toBe("0.4");
    expect(amt(r.providerAmount)).toBe("2400000.00");
    expect(amt(r.payerAmount)).toBe("3600000.00");
    expect(r.capApplied).toBe(false);
    expect(r.direction).toBe("payment-to-provider");
    expect(r.explanation.map((s) => s.rule)).toEqual([
      "budget.mssp.benchmark",
      "budget.mssp.expenditure",
      "budget.mssp.msr",
      "budget.mssp.sharing-rate",
      "budget.mssp.gross",
      "budget.mssp.minimum-savings",
      "budget.mssp.share-gains",
      "budget.mssp.cap",
      "budget.mssp.result",
    ]);
  });
  it("savings under the MSR → 0 despite positive savings", () => {
    const r = reconcileSharedSavings(oneSided("11700"));
    // savings 300 × 10,000 = 3,000,000 = 2.5% < 3.0% → nothing shared; the payer keeps all 3,000,000
    expect(amt(r.grossSavings)).toBe("3000000.00");
    expect(r.gatePassed).toBe(false);
    expect(amt(r.providerAmount)).toBe("0.00");
    expect(amt(r.payerAmount)).toBe("3000000.00");
    expect(r.explanation.find((s) => s.rule === "budget.mssp.minimum-savings")!.text).toContain("do not reach");
  });
  it("exactly at the MSR the savings are shared (meet or exceed)", () => {
    // 3% of 120,000,000 = 3,600,000 → per capita 11,640; 40% × 3,600,000 = 1,440,000
    expect(amt(reconcileSharedSavings(oneSided("11640")).providerAmount)).toBe("1440000.00");
    // one cent more spending per capita: 3,599,900 < 3,600,000 → 0
    expect(amt(reconcileSharedSavings(oneSided("11640.01")).providerAmount)).toBe("0.00");
  });
  it("fractional person-years: the MSR band and the totals use them", () => {
    const r = reconcileSharedSavings(oneSided("11400", "9999.5"));
    // 9,999.5 is in [9,000, 10,000): MSR 3.1%; benchmark 12,000 × 9,999.5 = 119,994,000; savings 600 × 9,999.5 = 5,999,700
    // 40% × 5,999,700 = 2,399,880
    expect(r.minimumSavingsRate).toBe("0.031");
    expect(amt(r.providerAmount)).toBe("2399880.00");
  });
  it("losses are never owed on a one-sided track", () => {
    const r = reconcileSharedSavings(oneSided("13000"));
    expect(amt(r.grossSavings)).toBe("-10000000.00");
    expect(amt(r.providerAmount)).toBe("0.00");
    expect(amt(r.payerAmount)).toBe("-10000000.00");
  });
  it("below the quality gate nothing is shared", () => {
    const r = reconcileSharedSavings({ ...oneSided("11400"), quality: { score: 30, scale: { min: 0, max: 100 }, method: "gate", standard: 40 } });
    expect(amt(r.providerAmount)).toBe("0.00");
    expect(r.explanation.some((s) => s.rule === "budget.mssp.eligibility")).toBe(true);
  });
  it("the savings cap binds at 10% of the benchmark", () => {
    // expenditure 8,000 per capita: savings 40,000,000; 40% = 16,000,000 > 12,000,000
    const r = reconcileSharedSavings(oneSided("8000"));
    expect(amt(r.providerAmount)).toBe("12000000.00");
    expect(r.capApplied).toBe(true);
  });
  it("per-beneficiary claims give the same result as the per-capita figures", () => {
    const doc: ReconcileSharedSavingsInput = {
      ...oneSided("0"),
      minimumSavingsRate: { kind: "fixed", rate: 0.02 },
      sharingRate: 0.5,
      benchmarkPerCapita: "10000",
      expenditure: {
        kind: "beneficiaries",
        beneficiaries: [
          { id: "b1", personYears: 1, expenditure: "9000" },
          { id: "b2", personYears: 0.5, expenditure: "4000" },
          { id: "b3", personYears: 1, expenditure: "9500" },
        ],
      },
    };
    const r = reconcileSharedSavings(doc);
    // benchmark 10,000 × 2.5 = 25,000; expenditure 22,500; savings 2,500 = 10% ≥ 2% → 50% = 1,250
    expect(r.personYears).toBe("2.5");
    expect(amt(r.actualPerCapita)).toBe("9000.00");
    expect(amt(r.providerAmount)).toBe("1250.00");
    expect(amt(reconcile(doc).providerAmount)).toBe("1250.00");
  });
});

describe("MSSP two-sided track", () => {
  it("savings beating the MSR at the full quality-met rate", () => {
    // score 80 ≥ standard 70 → factor 1; 75% × 6,000,000 = 4,500,000
    const r = reconcileSharedSavings(enhanced("11400", 80));
    expect(amt(r.providerAmount)).toBe("4500000.00");
    expect(r.sharedLossRate).toBe("0.4"); // 1 − 0.75 = 0.25 → clamped up to 0.40
  });
  it("sliding-scale quality below the standard scales the sharing rate", () => {
    // score 50 on [0, 100] → 0.5; final sharing rate 37.5%; 0.375 × 6,000,000 = 2,250,000
    const r = reconcileSharedSavings(enhanced("11400", 50));
    expect(r.finalSharingRate).toBe("0.375");
    expect(amt(r.providerAmount)).toBe("2250000.00");
  });
  it("a loss with the rate clamp at the top (1 − 15% = 85% → 75%)", () => {
    // score 20 → factor 0.2; final sharing 75% × 0.2 = 15%; loss rate 1 − 0.15 = 0.85 → clamped to 0.75
    // expenditure 12,480 × 10,000 = 124,800,000; loss 4,800,000 = 4% ≥ MLR 2% → 0.75 × 4,800,000 = 3,600,000
    // loss cap 15% × 120,000,000 = 18,000,000 does not bind
    const r = reconcileSharedSavings(enhanced("12480", 20));
    expect(r.sharedLossRate).toBe("0.75");
    expect(amt(r.providerAmount)).toBe("-3600000.00");
    expect(amt(r.payerAmount)).toBe("-1200000.00");
    expect(r.direction).toBe("repayment-by-provider");
    expect(r.explanation.find((s) => s.rule === "budget.mssp.loss-rate")!.text).toContain("kept within");
  });
  it("a loss with the rate clamp at the bottom (1 − 75% = 25% → 40%)", () => {
    // score 80 → final 75%; 1 − 0.75 = 0.25 → 0.40; 0.40 × 4,800,000 = 1,920,000
    expect(amt(reconcileSharedSavings(enhanced("12480", 80)).providerAmount)).toBe("-1920000.00");
  });
  it("a loss under the MLR is not owed", () => {
    // 12,100 per capita: loss 1,000,000 = 0.83% < 2%
    const r = reconcileSharedSavings(enhanced("12100", 80));
    expect(amt(r.providerAmount)).toBe("0.00");
    expect(r.explanation.find((s) => s.rule === "budget.mssp.minimum-loss")!.text).toContain("do not reach");
  });
  it("the loss cap is the lesser of a share of revenue and of the benchmark", () => {
    // Basic-style level: loss rate 30% fixed; loss 24,000,000 (13,200 per capita) × 0.3 = 7,200,000;
    // cap min(8% × revenue 30,000,000 = 2,400,000, 4% × 120,000,000 = 4,800,000) = 2,400,000
    const r = reconcileSharedSavings({
      ...enhanced("13200", 80),
      sharingRate: 0.5,
      sharedLossRate: { kind: "fixed", rate: 0.3 },
      lossCap: { shareOfRevenue: 0.08, revenue: "30000000", shareOfBenchmark: 0.04 },
    });
    expect(amt(r.providerAmount)).toBe("-2400000.00");
    expect(r.capApplied).toBe(true);
    expect(r.explanation.find((s) => s.rule === "budget.mssp.cap")!.text).toContain("the lesser of");
  });
});

describe("MSSP chosen minimum savings rate", () => {
  const chosen = (rate: number) => ({ ...enhanced("11400", 80), minimumSavingsRate: { kind: "chosen" as const, rate, options: [0, 0.005, 0.01, 0.015, 0.02] } });
  it("a chosen 0% MSR shares the first dollar; a chosen 2% gates", () => {
    // savings 6,000,000 = 5%: either way shared, 75% → 4,500,000
    expect(reconcileSharedSavings(chosen(0)).providerAmount.toJSON().amount).toBe("4500000.00");
    // 11,900 per capita: savings 1,000,000 = 0.83% < 2% → 0; with 0.5%: 0.83% ≥ 0.5% → 750,000
    expect(reconcileSharedSavings({ ...chosen(0.02), expenditure: { kind: "per-capita", perCapita: "11900", personYears: 10000 } }).providerAmount.toJSON().amount).toBe("0.00");
    expect(reconcileSharedSavings({ ...chosen(0.005), expenditure: { kind: "per-capita", perCapita: "11900", personYears: 10000 } }).providerAmount.toJSON().amount).toBe("750000.00");
  });
  it("a rate that is not among the options is rejected", () => {
    let err: unknown;
    try {
      reconcileSharedSavings(chosen(0.03));
    } catch (e) {
      err = e;
    }
    expect((err as { issues: { path: unknown[] }[] }).issues.map((i) => i.path)).toEqual([["minimumSavingsRate", "rate"]]);
  });
});
