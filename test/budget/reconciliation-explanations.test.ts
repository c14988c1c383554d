// The reconciliation family (shared savings, risk corridors, episodes) through the one
// mechanism: every step of the explanation pinned with its inputs, each gate and cap
// sentence, and each document guard's typed error and path. Values worked by hand.
import { describe, expect, it } from "vitest";
import { reconcile, reconcileEpisodes, reconcileRiskCorridors, reconcileSharedSavings } from "../../src/index.js";
import { issues } from "../typed-errors.js";
import { domain, json, m } from "./explain-helpers.js";

const usd = (a: string) => m(a, "USD");

const onePerCapita = {
  scheme: "shared-savings" as const,
  currency: "USD",
  track: "one-sided" as const,
  benchmarkPerCapita: "10000",
  expenditure: { kind: "per-capita" as const, perCapita: "9000", personYears: 1000 },
  minimumSavingsRate: { kind: "fixed" as const, rate: 0.02 },
  sharingRate: 0.5,
  quality: { score: 80, scale: { min: 0, max: 100 }, method: "sliding" as const, standard: 90 },
  savingsCap: { shareOfBenchmark: 0.1, shareOfRevenue: 0.2, revenue: "1500000" },
};

describe("shared savings: the explanation", () => {
  it("one-sided savings above the MSR, scaled by a sliding quality factor, capped by the lesser limit", () => {
    // Target 10,000 × 1,000 = 10,000,000; actual 9,000,000; savings 1,000,000 = 10 % ≥ 2 %.
    // Shared 50 % = 500,000; quality (80 − 0) ÷ 100 = 0.8 → 400,000; caps 10 % × 10,000,000 =
    // 1,000,000 and 20 % × 1,500,000 = 300,000: the lesser binds → 300,000; payer keeps 700,000.
    const r = reconcileSharedSavings(onePerCapita);
    expect(json(r.explanation)).toEqual([
      { rule: "budget.mssp.benchmark", text: "The benchmark is USD 10,000.00 per capita × 1000 assigned beneficiaries (person-years).", inputs: { benchmarkPerCapita: usd("10000.00"), personYears: "1000" }, amount: usd("10000000.00") },
      { rule: "budget.mssp.expenditure", text: "Expenditure is USD 9,000.00 per capita × 1000 person-years.", inputs: { personYears: "1000" }, amount: usd("9000000.00") },
      { rule: "budget.mssp.msr", text: "The minimum savings rate is 2%.", inputs: { minimumSavingsRate: "0.02" } },
      {
        rule: "budget.mssp.sharing-rate",
        text: "Quality score 80 on [0, 100] is below the standard 90; sliding scale: (score − 0) ÷ 100: the final sharing rate is 50% × 0.8 = 40%.",
        inputs: { sharingRate: "0.5", qualityScore: "80", qualityFactor: "0.8" },
      },
      {
        rule: "budget.mssp.gross",
        text: "The updated benchmark less assigned beneficiaries' expenditure: savings of USD 1,000,000.00, 10% of the benchmark.",
        inputs: { target: usd("10000000.00"), actual: usd("9000000.00"), ratioBase: usd("10000000.00") },
        amount: usd("1000000.00"),
      },
      { rule: "budget.mssp.minimum-savings", text: "Savings reach the minimum savings rate of 2%: they are shared from the first dollar.", inputs: { minimumSavingsRate: "0.02" } },
      { rule: "budget.mssp.share-gains", text: "The ACO's shared savings: 50% of USD 1,000,000.00.", inputs: { method: "flat" }, amount: usd("500000.00") },
      { rule: "budget.mssp.quality", text: "Quality: the sharing rate is scaled by the quality factor: ×0.8.", inputs: { qualityFactor: "0.8" }, amount: usd("400000.00") },
      {
        rule: "budget.mssp.cap",
        text: "The performance payment limit binds: USD 300,000.00 (the lesser of 10% of the benchmark USD 1,000,000.00, 20% of revenue USD 300,000.00).",
        inputs: {},
        amount: usd("300000.00"),
      },
      { rule: "budget.mssp.result", text: "The payer pays the ACO USD 300,000.00; the payer keeps USD 700,000.00 of the savings.", inputs: { providerAmount: usd("300000.00"), payerAmount: usd("700000.00") }, amount: usd("300000.00") },
    ]);
    const { explanation: _e, ...rest } = r;
    expect(json(rest)).toEqual({
      scheme: "shared-savings", currency: "USD", target: usd("10000000.00"), actual: usd("9000000.00"), grossSavings: usd("1000000.00"), savingsRatio: "0.1",
      outcome: "savings", gatePassed: true, shared: usd("500000.00"), qualityFactor: "0.8", cap: usd("300000.00"), capApplied: true,
      providerAmount: usd("300000.00"), payerAmount: usd("700000.00"), direction: "payment-to-provider",
      track: "one-sided", personYears: "1000", benchmarkPerCapita: usd("10000.00"), actualPerCapita: usd("9000.00"), minimumSavingsRate: "0.02", finalSharingRate: "0.4", sharedLossRate: null,
    });
  });

  it("two-sided losses from beneficiary lines, a clamped shared-loss rate, a loss cap that does not bind", () => {
    // Person-years 1 + 0.5 = 1.5; target 1,000 × 1.5 = 1,500; actual 1,200 + 700 = 1,900 (1,266.67 per
    // person-year); losses 400 = 26.6667 % of 1,500 ≥ 2 %. Loss rate 1 − 0.75 = 25 % → within
    // [40 %, 75 %] → 40 %: 160 owed; limit 500 does not bind; payer bears 240.
    const r = reconcileSharedSavings({
      scheme: "shared-savings", currency: "USD", track: "two-sided", benchmarkPerCapita: "1000",
      expenditure: { kind: "beneficiaries", beneficiaries: [{ id: "a", personYears: "1", expenditure: "1200" }, { id: "b", personYears: 0.5, expenditure: 700 }] },
      minimumSavingsRate: { kind: "chosen", rate: 0.01, options: [0, 0.01, 0.02] }, minimumLossRate: 0.02, sharingRate: 0.75,
      quality: { score: 50, scale: { min: 0, max: 100 }, method: "gate", standard: 40 },
      sharedLossRate: { kind: "one-minus-final-sharing-rate", min: 0.4, max: 0.75 }, lossCap: { amount: "500" },
    });
    expect(json(r.explanation.slice(1))).toEqual([
      { rule: "budget.mssp.expenditure", text: "Expenditure is the sum over 2 beneficiaries' claims (USD 1,266.67 per person-year).", inputs: { personYears: "1.5" }, amount: usd("1900.00") },
      { rule: "budget.mssp.msr", text: "The ACO chose a minimum savings rate of 1% (options 0%, 1%, 2%).", inputs: { minimumSavingsRate: "0.01" } },
      { rule: "budget.mssp.sharing-rate", text: "Quality score 50 on [0, 100] meets the standard 40: the final sharing rate is 75% × 1 = 75%.", inputs: { sharingRate: "0.75", qualityScore: "50", qualityFactor: "1" } },
      { rule: "budget.mssp.loss-rate", text: "The shared-loss rate is 1 − the final sharing rate = 25%, kept within [40%, 75%]: 40%.", inputs: { finalSharingRate: "0.75", min: "0.4", max: "0.75" } },
      {
        rule: "budget.mssp.gross", text: "The updated benchmark less assigned beneficiaries' expenditure: losses of USD 400.00, 26.6667% of the benchmark.",
        inputs: { target: usd("1500.00"), actual: usd("1900.00"), ratioBase: usd("1500.00") }, amount: usd("-400.00"),
      },
      { rule: "budget.mssp.minimum-loss", text: "Losses reach the minimum loss rate of 2%: they are shared from the first dollar.", inputs: { minimumLossRate: "0.02" } },
      { rule: "budget.mssp.share-losses", text: "The ACO's shared losses: 40% of USD 400.00.", inputs: { method: "flat" }, amount: usd("160.00") },
      { rule: "budget.mssp.cap", text: "The loss sharing limit of USD 500.00 (a fixed limit USD 500.00) does not bind.", inputs: {} },
      { rule: "budget.mssp.result", text: "The ACO repays USD 160.00; the payer bears USD 240.00 of the losses.", inputs: { providerAmount: usd("-160.00"), payerAmount: usd("-240.00") }, amount: usd("-160.00") },
    ]);
    expect(json(r)).toMatchObject({ outcome: "losses", direction: "repayment-by-provider", sharedLossRate: "0.4", capApplied: false, cap: usd("500.00"), personYears: "1.5", actualPerCapita: usd("1266.67") });
    expect(r.explanation[0]!.text).toBe("The benchmark is USD 1,000.00 per capita × 1.5 assigned beneficiaries (person-years).");
  });

  it("a failed quality gate pays nothing and the payer keeps the savings", () => {
    const r = reconcileSharedSavings({ ...onePerCapita, quality: { score: 30, scale: { min: 0, max: 100 }, method: "gate", standard: 40 } });
    expect(json(r.explanation.slice(-2))).toEqual([
      { rule: "budget.mssp.eligibility", text: "Quality score 30 on [0, 100] is below the standard 40; the ACO does not qualify for shared savings: nothing is paid.", inputs: {}, amount: usd("0.00") },
      { rule: "budget.mssp.result", text: "Nothing is owed either way; the payer keeps the savings of USD 1,000,000.00.", inputs: { providerAmount: usd("0.00"), payerAmount: usd("1000000.00") }, amount: usd("0.00") },
    ]);
    expect(json(r)).toMatchObject({ gatePassed: false, direction: "none", qualityFactor: "1", cap: null, capApplied: false, shared: usd("0.00"), finalSharingRate: "0" });
  });

  it("an MSR looked up by beneficiaries that the savings do not reach", () => {
    const table = { bands: [{ from: 0, to: 5000, value: 0.2, label: "small" }, { from: 5000, to: null, value: 0.02 }] };
    const r = reconcileSharedSavings({ ...onePerCapita, minimumSavingsRate: { kind: "by-beneficiaries", table } });
    expect(json(r.explanation[2])).toEqual({ rule: "budget.mssp.msr", text: "With 1000 assigned beneficiaries the minimum savings rate is 20% (small).", inputs: { personYears: "1000", minimumSavingsRate: "0.2" } });
    expect(json(r.explanation[5])).toEqual({ rule: "budget.mssp.minimum-savings", text: "Savings of 10% do not reach the minimum savings rate of 20%: nothing is shared.", inputs: { minimumSavingsRate: "0.2" }, amount: usd("0.00") });
    expect(r.minimumSavingsRate).toBe("0.2");
    // 6,000 person-years: the unlabelled band.
    const big = reconcileSharedSavings({ ...onePerCapita, expenditure: { kind: "per-capita", perCapita: "9000", personYears: 6000 }, minimumSavingsRate: { kind: "by-beneficiaries", table } });
    expect(big.explanation[2]!.text).toBe("With 6000 assigned beneficiaries the minimum savings rate is 2%.");
    // Savings exactly at the MSR pass: 10 % = 10 %.
    expect(reconcileSharedSavings({ ...onePerCapita, minimumSavingsRate: { kind: "fixed", rate: 0.1 } }).gatePassed).toBe(true);
  });

  it("losses in a one-sided track, losses below the minimum loss rate, and no savings at all", () => {
    const oneSided = reconcileSharedSavings({ ...onePerCapita, expenditure: { kind: "per-capita", perCapita: "10001", personYears: 1000 } });
    expect(json(oneSided.explanation.slice(-2))).toEqual([
      { rule: "budget.mssp.one-sided", text: "The arrangement is one-sided here: the ACO owes no shared losses.", inputs: {}, amount: usd("0.00") },
      { rule: "budget.mssp.result", text: "Nothing is owed either way; the payer bears the losses of USD 1,000.00.", inputs: { providerAmount: usd("0.00"), payerAmount: usd("-1000.00") }, amount: usd("0.00") },
    ]);
    const twoSided = {
      ...onePerCapita, track: "two-sided" as const, savingsCap: undefined, minimumLossRate: 0.02, sharedLossRate: { kind: "fixed" as const, rate: 0.3 }, lossCap: { shareOfBenchmark: 0.05 },
    };
    // Losses 1,000 = 0.01 % < 2 %.
    const small = reconcileSharedSavings({ ...twoSided, expenditure: { kind: "per-capita", perCapita: "10001", personYears: 1000 } });
    expect(small.explanation.find((s) => s.rule === "budget.mssp.loss-rate")!.text).toBe("The shared-loss rate is 30%.");
    expect(json(small.explanation.find((s) => s.rule === "budget.mssp.minimum-loss"))).toEqual({
      rule: "budget.mssp.minimum-loss", text: "Losses of 0.01% do not reach the minimum loss rate of 2%: nothing is owed.", inputs: { minimumLossRate: "0.02" }, amount: usd("0.00"),
    });
    // Losses 1,000,000 = 10 %: 30 % = 300,000 > 5 % × 10,000,000 = 500,000? No: does not bind; owed 300,000.
    const big = reconcileSharedSavings({ ...twoSided, expenditure: { kind: "per-capita", perCapita: "11000", personYears: 1000 } });
    expect(big.explanation.find((s) => s.rule === "budget.mssp.cap")!.text).toBe("The loss sharing limit of USD 500,000.00 (5% of the benchmark USD 500,000.00) does not bind.");
    expect(big.providerAmount.toString()).toBe("USD -300000.00");
    const none = reconcileSharedSavings({ ...onePerCapita, expenditure: { kind: "per-capita", perCapita: "10000", personYears: 1000 } });
    expect(none.explanation.find((s) => s.rule === "budget.mssp.gross")!.text).toBe("The updated benchmark less assigned beneficiaries' expenditure: neither savings nor losses of USD 0.00, 0% of the benchmark.");
    expect(none.explanation.at(-1)!.text).toBe("Nothing is owed either way.");
    expect([none.outcome, none.direction]).toEqual(["none", "none"]);
  });

  it("a sliding scale without a standard; a met gate leaves the savings unscaled (no quality step)", () => {
    const r = reconcileSharedSavings({ ...onePerCapita, quality: { score: 80, scale: { min: 0, max: 100 }, method: "sliding" } });
    expect(r.explanation[3]!.text).toBe("Quality score 80 on [0, 100]: (score − 0) ÷ 100: the final sharing rate is 50% × 0.8 = 40%.");
    const met = reconcileSharedSavings({ ...onePerCapita, savingsCap: undefined, quality: { score: 95, scale: { min: 0, max: 100 }, method: "sliding", standard: 90 } });
    expect(met.explanation.map((s) => s.rule)).not.toContain("budget.mssp.quality");
    expect(met.explanation.map((s) => s.rule)).not.toContain("budget.mssp.cap");
    expect(met.providerAmount.toString()).toBe("USD 500000.00");
  });
});

describe("shared savings: bad documents", () => {
  it("track-dependent fields are required or refused by name", () => {
    const two = { ...onePerCapita, track: "two-sided" as const };
    expect(issues(() => reconcileSharedSavings(two))).toEqual([
      { path: ["minimumLossRate"], code: "custom", message: "a two-sided track needs minimumLossRate" },
      { path: ["sharedLossRate"], code: "custom", message: "a two-sided track needs sharedLossRate" },
      { path: ["lossCap"], code: "custom", message: "a two-sided track needs lossCap" },
    ]);
    expect(issues(() => reconcileSharedSavings({ ...onePerCapita, lossCap: { amount: "1" } }))).toEqual([
      { path: ["lossCap"], code: "custom", message: "a one-sided track owes no losses: lossCap does not apply" },
    ]);
    expect(issues(() => reconcileSharedSavings({ ...two, minimumLossRate: 0, lossCap: { amount: "1" }, sharedLossRate: { kind: "one-minus-final-sharing-rate", min: 0.6, max: 0.5 } }))).toEqual([
      { path: ["sharedLossRate", "min"], code: "custom", message: "the shared-loss rate's min is above its max" },
    ]);
    expect(issues(() => reconcileSharedSavings({ ...onePerCapita, minimumSavingsRate: { kind: "chosen", rate: 0.03, options: [0.01, 0.02] } }))).toEqual([
      { path: ["minimumSavingsRate", "rate"], code: "custom", message: "the chosen rate is not one of the options" },
    ]);
  });

  it("a beneficiary's person-years outside (0, 1] are refused at its line", () => {
    const line = (personYears: string) => ({ ...onePerCapita, expenditure: { kind: "beneficiaries" as const, beneficiaries: [{ id: "a", personYears: "1", expenditure: "1" }, { id: "b", personYears, expenditure: "1" }] } });
    expect(issues(() => reconcileSharedSavings(line("1.5")))).toEqual([{ path: ["expenditure", "beneficiaries", 1, "personYears"], code: "too_big", message: "person-years of a beneficiary are in (0, 1], got 1.5" }]);
    expect(issues(() => reconcileSharedSavings(line("0")))).toEqual([{ path: ["expenditure", "beneficiaries", 1, "personYears"], code: "too_big", message: "person-years of a beneficiary are in (0, 1], got 0" }]);
    expect(reconcileSharedSavings(line("1")).personYears).toBe("2");
  });

  it("a quality score's scale, score, standard and gate are checked with their reasons", () => {
    const q = (quality: object) => () => reconcileSharedSavings({ ...onePerCapita, quality } as never);
    expect(issues(q({ score: 5, scale: { min: 10, max: 10 }, method: "sliding" }))).toEqual([{ path: ["quality", "scale"], code: "custom", message: "the scale's min must be below its max" }]);
    expect(issues(q({ score: 120, scale: { min: 0, max: 100 }, method: "gate", standard: 101 }))).toEqual([
      { path: ["quality", "score"], code: "custom", message: "the quality score 120 is outside its scale [0, 100]" },
      { path: ["quality", "standard"], code: "custom", message: "the quality standard 101 is outside the scale [0, 100]" },
    ]);
    expect(issues(q({ score: -1, scale: { min: 0, max: 100 }, method: "sliding" }))[0]!.message).toBe("the quality score -1 is outside its scale [0, 100]");
    expect(issues(q({ score: 50, scale: { min: 0, max: 100 }, method: "gate" }))).toEqual([{ path: ["quality", "standard"], code: "custom", message: "a quality gate needs its standard" }]);
    // The ends of the scale are inside it.
    expect(() => q({ score: 0, scale: { min: 0, max: 100 }, method: "gate", standard: 100 })()).not.toThrow();
  });

  it("a cap document needs a limit, and revenue and its share come together", () => {
    const cap = (savingsCap: object) => () => reconcileSharedSavings({ ...onePerCapita, savingsCap } as never);
    expect(issues(cap({}))).toEqual([{ path: ["savingsCap"], code: "custom", message: "a cap gives shareOfBenchmark, shareOfRevenue (with revenue) or amount" }]);
    expect(issues(cap({ shareOfRevenue: 0.1 }))).toEqual([{ path: ["savingsCap", "revenue"], code: "custom", message: "shareOfRevenue needs the revenue it is a share of" }]);
    expect(issues(cap({ amount: "1", revenue: "10" }))).toEqual([{ path: ["savingsCap", "shareOfRevenue"], code: "custom", message: "revenue is given without the shareOfRevenue it bounds" }]);
  });
});

const corridor = {
  method: "marginal" as const,
  bands: [
    { from: 0, to: 0.05, share: 1, label: "corridor 1" },
    { from: 0.05, to: 0.1, share: 0.5 },
    { from: 0.1, to: null, share: 0.25, label: "corridor 3" },
  ],
};

describe("risk corridors: the explanation", () => {
  it("benchmark build-up with a withhold, marginal sharing over three corridors, a binding stop-gain", () => {
    // Discount 2 % = 20,000; withhold 2 % = 20,000, half earned back = 10,000; final benchmark
    // 1,000,000 − 20,000 − 20,000 + 10,000 = 970,000. Savings 170,000 = 17.5258 %.
    // Edges 5 % and 10 % of 970,000: 48,500 and 97,000. Shares 48,500 × 1 + 48,500 × 0.5 +
    // 73,000 × 0.25 = 48,500 + 24,250 + 18,250 = 91,000; stop-gain 5 % × 970,000 = 48,500 binds.
    const r = reconcileRiskCorridors({
      scheme: "risk-corridors", currency: "USD", option: "Global", benchmark: "1000000", discount: 0.02, qualityWithhold: { rate: 0.02, score: 0.5 },
      actual: "800000", gains: corridor, losses: corridor, stopGain: { shareOfBenchmark: 0.05 },
    });
    expect(json(r.explanation)).toEqual([
      { rule: "budget.corridors.benchmark", text: "The performance-year benchmark (Global) is USD 1,000,000.00.", inputs: {}, amount: usd("1000000.00") },
      { rule: "budget.corridors.discount", text: "A 2% benchmark discount is taken off.", inputs: { discount: "0.02" }, amount: usd("20000.00") },
      {
        rule: "budget.corridors.withhold", text: "2% of the benchmark is withheld for quality; a quality score of 0.5 earns back USD 10,000.00 of the USD 20,000.00.",
        inputs: { withholdRate: "0.02", qualityScore: "0.5", withheld: usd("20000.00") }, amount: usd("10000.00"),
      },
      { rule: "budget.corridors.final-benchmark", text: "The final benchmark: benchmark − discount − withhold + earned-back withhold.", inputs: {}, amount: usd("970000.00") },
      {
        rule: "budget.corridors.gross", text: "The final benchmark less total cost of care: savings of USD 170,000.00, 17.5258% of the final benchmark.",
        inputs: { target: usd("970000.00"), actual: usd("800000.00"), ratioBase: usd("970000.00") }, amount: usd("170000.00"),
      },
      {
        rule: "budget.corridors.share-gains",
        text: "The organisation's share of savings by corridor (each band's share of the part of the ratio inside it): 100% of USD 48,500.00 in corridor 1 [0%, 5%); 50% of USD 48,500.00 in [5%, 10%); 25% of USD 73,000.00 in corridor 3 [10%, +∞).",
        inputs: { method: "marginal" },
        amount: usd("91000.00"),
      },
      { rule: "budget.corridors.cap", text: "The stop-gain binds: USD 48,500.00 (5% of the final benchmark USD 48,500.00).", inputs: {}, amount: usd("48500.00") },
      { rule: "budget.corridors.result", text: "The payer pays the organisation USD 48,500.00; the payer keeps USD 121,500.00 of the savings.", inputs: { providerAmount: usd("48500.00"), payerAmount: usd("121500.00") }, amount: usd("48500.00") },
    ]);
    expect(json(r)).toMatchObject({
      option: "Global", benchmark: usd("1000000.00"), discountAmount: usd("20000.00"), withheld: usd("20000.00"), earnedBack: usd("10000.00"),
      shared: usd("91000.00"), savingsRatio: "0.1752577319587628865979381443298969072164948453608247422680412371", scheme: "risk-corridors",
    });
  });

  it("flat loss sharing picks the band the ratio falls in, by the table's closure; a fixed stop-loss binds", () => {
    const flat = { method: "flat" as const, bands: [{ from: 0, to: 0.1, share: 0.5 }, { from: 0.1, to: null, share: 0.8 }] };
    // Losses 100,000 = exactly 10 % of 1,000,000: lower-closed bands put it in [10 %, +∞) → 80 % = 80,000;
    // the stop-loss 60,000 binds; the payer bears 40,000.
    const r = reconcileRiskCorridors({ scheme: "risk-corridors", currency: "USD", benchmark: "1000000", discount: 0, actual: "1100000", gains: corridor, losses: flat, stopLoss: { amount: "60000" } });
    expect(r.explanation.map((s) => s.rule)).toEqual([
      "budget.corridors.benchmark", "budget.corridors.discount", "budget.corridors.final-benchmark", "budget.corridors.gross", "budget.corridors.share-losses", "budget.corridors.cap", "budget.corridors.result",
    ]);
    expect(r.explanation[0]!.text).toBe("The performance-year benchmark is USD 1,000,000.00.");
    expect(json(r.explanation.slice(4))).toEqual([
      { rule: "budget.corridors.share-losses", text: "The organisation's share of losses: 80% of USD 100,000.00 in [10%, +∞).", inputs: { method: "flat" }, amount: usd("80000.00") },
      { rule: "budget.corridors.cap", text: "The stop-loss binds: USD 60,000.00 (a fixed limit USD 60,000.00).", inputs: {}, amount: usd("60000.00") },
      { rule: "budget.corridors.result", text: "The organisation repays USD 60,000.00; the payer bears USD 40,000.00 of the losses.", inputs: { providerAmount: usd("-60000.00"), payerAmount: usd("-40000.00") }, amount: usd("-60000.00") },
    ]);
    expect(json(r)).toMatchObject({ option: null, withheld: usd("0.00"), earnedBack: usd("0.00"), capApplied: true });
    // Upper-closed: 10 % belongs to [0, 10 %] → 50 % = 50,000.
    const upper = reconcileRiskCorridors({ scheme: "risk-corridors", currency: "USD", benchmark: "1000000", discount: 0, actual: "1100000", gains: corridor, losses: { ...flat, closed: "upper" } });
    expect(upper.providerAmount.toString()).toBe("USD -50000.00");
    // Below every edge (5 %) the first band, above them the last.
    const low = reconcileRiskCorridors({ scheme: "risk-corridors", currency: "USD", benchmark: "1000000", discount: 0, actual: "1050000", gains: corridor, losses: flat });
    expect(low.providerAmount.toString()).toBe("USD -25000.00");
  });

  it("savings inside the first corridor use only it; a zero final benchmark cannot measure a ratio", () => {
    // Savings 30,000 = 3 % < 5 %: 100 % of 30,000 in the first corridor only.
    const r = reconcileRiskCorridors({ scheme: "risk-corridors", currency: "USD", benchmark: "1000000", discount: 0, actual: "970000", gains: corridor, losses: corridor });
    expect(r.explanation[4]!.text).toBe("The organisation's share of savings by corridor (each band's share of the part of the ratio inside it): 100% of USD 30,000.00 in corridor 1 [0%, 5%).");
    expect([r.providerAmount.toString(), r.cap]).toEqual(["USD 30000.00", null]);
    expect(domain(() => reconcileRiskCorridors({ scheme: "risk-corridors", currency: "USD", benchmark: "1000", discount: 1, actual: "1", gains: corridor, losses: corridor }))).toEqual({
      code: "UNDEFINED_RESULT", path: [], reason: "the final benchmark is zero: savings and losses cannot be measured as a share of it", details: {},
    });
  });

  it("a flat corridor whose shares fall, and a corridor with a gap, are refused at their bands", () => {
    const base = { scheme: "risk-corridors" as const, currency: "USD", benchmark: "1000", discount: 0, actual: "1", losses: corridor };
    expect(issues(() => reconcileRiskCorridors({ ...base, gains: { method: "flat", bands: [{ from: 0, to: 0.1, share: 0.5 }, { from: 0.1, to: null, share: 0.2 }] } }))).toEqual([
      { path: ["gains", "bands"], code: "custom", message: 'a flat corridor\'s shares may not fall as the ratio grows (more spending could then earn more); use method "marginal"' },
    ]);
    expect(issues(() => reconcileRiskCorridors({ ...base, gains: { method: "marginal", bands: [{ from: 0, to: 0.1, share: 0.5 }, { from: 0.2, to: null, share: 0.2 }] } }))).toEqual([
      { path: ["gains", "bands"], code: "custom", message: "no band covers [0.1, 0.2)" },
    ]);
    // A rising flat corridor is fine.
    expect(() => reconcileRiskCorridors({ ...base, gains: { method: "flat", bands: [{ from: 0, to: 0.1, share: 0.2 }, { from: 0.1, to: null, share: 0.2 }] } })).not.toThrow();
    // An empty band is an issue at that band.
    expect(issues(() => reconcileRiskCorridors({ ...base, gains: { method: "marginal", bands: [{ from: 0, to: 0, share: 0.5 }, { from: 0, to: null, share: 0.2 }] } }))[0]!.path).toEqual(["gains", "bands", 0]);
  });
});

const episodeDoc = {
  scheme: "episode" as const,
  currency: "USD",
  year: "PY1",
  episodeTypes: [
    { id: "LEJR", benchmark: { kind: "price" as const, benchmarkPrice: "25000" } },
    { id: "CABG", benchmark: { kind: "blended" as const, providerHistory: "30000", regionalHistory: "36000", weights: { provider: 2, regional: 1 } } },
  ],
  quality: {
    score: 7,
    categories: {
      bands: [
        { from: 0, to: 5, value: { name: "Low", discount: 0.05, eligibleForGains: false } },
        { from: 5, to: null, value: { name: "Acceptable", discount: 0.03, eligibleForGains: true, gainAdjustment: -0.1 } },
      ],
    },
  },
  episodes: [
    { id: "e1", type: "LEJR", actual: { amount: "20000", currency: "USD" } },
    { id: "e2", type: "CABG", actual: { amount: "30000", currency: "USD" } },
    { id: "e3", type: "LEJR", actual: { amount: "26000", currency: "USD" }, benchmarkPrice: "26000" },
  ],
  limits: { stopGain: 0.05, stopLoss: 0.05 },
  previouslyReconciled: "4000",
  order: "cap-then-quality" as const,
};

describe("episode reconciliation: the explanation", () => {
  it("quality category, given and blended benchmarks, a case-mix price, cap then quality, and a true-up", () => {
    // LEJR 25,000 × 0.97 = 24,250; CABG (2 × 30,000 + 36,000) ÷ 3 = 32,000 × 0.97 = 31,040; e3 26,000 × 0.97 = 25,220.
    // Target 80,510; actual 76,000; savings 4,510 = 5.6018 %. Stop-gain 5 % × 80,510 = 4,025.50 binds first;
    // then × 0.9 = 3,622.95. Payer keeps 887.05. True-up 3,622.95 − 4,000 = −377.05.
    const r = reconcileEpisodes(episodeDoc);
    expect(json(r.explanation)).toEqual([
      { rule: "budget.episode.quality", text: "Quality score 7 is in category Acceptable: discount 3%.", inputs: { qualityScore: "7", category: "Acceptable", discount: "0.03" } },
      { rule: "budget.episode.target-price", text: "Episode type LEJR: benchmark USD 25,000.00 less the 3% discount.", inputs: { discount: "0.03" }, amount: usd("24250.00") },
      {
        rule: "budget.episode.target-price", text: "Episode type CABG: the provider's history USD 30,000.00 and the regional USD 36,000.00 blended 2 : 1, less the 3% discount.",
        inputs: { discount: "0.03" }, amount: usd("31040.00"),
      },
      { rule: "budget.episode.total-target", text: "The total target price sums the target prices of 3 episodes (LEJR: 2, USD 49,470.00; CABG: 1, USD 31,040.00).", inputs: {}, amount: usd("80510.00") },
      { rule: "budget.episode.limits", text: "Performance year PY1: stop-gain 5% and stop-loss 5% of the total target.", inputs: { stopGain: "0.05", stopLoss: "0.05" } },
      {
        rule: "budget.episode.gross", text: "The total target price less actual episode spending: savings of USD 4,510.00, 5.6018% of the total target price.",
        inputs: { target: usd("80510.00"), actual: usd("76000.00"), ratioBase: usd("80510.00") }, amount: usd("4510.00"),
      },
      { rule: "budget.episode.share-gains", text: "The participant's reconciliation payment: 100% of USD 4,510.00.", inputs: { method: "flat" }, amount: usd("4510.00") },
      { rule: "budget.episode.cap", text: "The stop-gain limit binds: USD 4,025.50 (5% of the total target USD 4,025.50).", inputs: {}, amount: usd("4025.50") },
      { rule: "budget.episode.quality", text: "Quality category Acceptable: the reconciliation payment is adjusted by -10%: ×0.9.", inputs: { qualityFactor: "0.9" }, amount: usd("3622.95") },
      { rule: "budget.episode.result", text: "The payer pays the participant USD 3,622.95; the payer keeps USD 887.05 of the savings.", inputs: { providerAmount: usd("3622.95"), payerAmount: usd("887.05") }, amount: usd("3622.95") },
      {
        rule: "budget.episode.true-up", text: "Against the earlier reconciliation of USD 4,000.00, the true-up is a repayment of USD 377.05.",
        inputs: { previouslyReconciled: usd("4000.00"), providerAmount: usd("3622.95") }, amount: usd("-377.05"),
      },
    ]);
    expect(json(r)).toMatchObject({
      year: "PY1", discount: "0.03", qualityCategory: "Acceptable", previouslyReconciled: usd("4000.00"), trueUp: usd("-377.05"),
      lines: [
        { id: "e1", type: "LEJR", targetPrice: usd("24250.00"), actual: usd("20000.00"), difference: usd("4250.00") },
        { id: "e2", type: "CABG", targetPrice: usd("31040.00"), actual: usd("30000.00"), difference: usd("1040.00") },
        { id: "e3", type: "LEJR", targetPrice: usd("25220.00"), actual: usd("26000.00"), difference: usd("-780.00") },
      ],
      byType: [
        { type: "LEJR", episodes: 2, target: usd("49470.00"), actual: usd("46000.00") },
        { type: "CABG", episodes: 1, target: usd("31040.00"), actual: usd("30000.00") },
      ],
    });
    // Quality then cap: 4,510 × 0.9 = 4,059 > 4,025.50 → capped at 4,025.50; the true-up is a payment of 25.50.
    const q = reconcileEpisodes({ ...episodeDoc, order: "quality-then-cap" });
    expect(q.explanation.slice(7, 9).map((s) => s.text)).toEqual([
      "Quality category Acceptable: the reconciliation payment is adjusted by -10%: ×0.9.",
      "The stop-gain limit binds: USD 4,025.50 (5% of the total target USD 4,025.50).",
    ]);
    expect(q.explanation.at(-1)!.text).toBe("Against the earlier reconciliation of USD 4,000.00, the true-up is a payment of USD 25.50.");
  });

  it("a low category is not eligible; a one-sided year owes no repayment; one episode reads in the singular", () => {
    const low = reconcileEpisodes({ ...episodeDoc, quality: { ...episodeDoc.quality, score: 2 }, previouslyReconciled: undefined });
    expect(low.explanation[0]!.text).toBe("Quality score 2 is in category Low: discount 5%, not eligible for a reconciliation payment.");
    expect(json(low.explanation.find((s) => s.rule === "budget.episode.eligibility"))).toEqual({
      rule: "budget.episode.eligibility", text: "Quality category Low is not eligible for a reconciliation payment: nothing is paid.", inputs: {}, amount: usd("0.00"),
    });
    expect([low.trueUp, low.previouslyReconciled, low.explanation.at(-1)!.rule]).toEqual([null, null, "budget.episode.result"]);
    const oneSided = reconcileEpisodes({
      scheme: "episode", currency: "USD", year: "PY2", episodeTypes: [{ id: "T", benchmark: { kind: "price", benchmarkPrice: "100" } }], discount: 0,
      episodes: [{ id: "e", type: "T", actual: { amount: "150", currency: "USD" } }], limits: { stopGain: 0.1, stopLoss: null }, order: "quality-then-cap",
    });
    expect(oneSided.explanation.map((s) => s.text)).toEqual([
      "Episode type T: benchmark USD 100.00 less the 0% discount.",
      "The total target price sums the target prices of 1 episode (T: 1, USD 100.00).",
      "Performance year PY2: stop-gain 10% of the total target; a one-sided year with no repayment.",
      "The total target price less actual episode spending: losses of USD 50.00, 50% of the total target price.",
      "The arrangement is one-sided here: the participant owes no repayment.",
      "Nothing is owed either way; the payer bears the losses of USD 50.00.",
    ]);
    expect(oneSided.qualityCategory).toBeNull();
    // The same year two-sided: the repayment of 50 is capped at 20 % × 100 = 20, then a loss adjustment of +10 % gives 22.
    const twoSided = reconcileEpisodes({
      scheme: "episode", currency: "USD", year: "PY3", episodeTypes: [{ id: "T", benchmark: { kind: "price", benchmarkPrice: "100" } }],
      quality: { score: 1, categories: { bands: [{ from: 0, to: null, value: { name: "All", discount: 0, eligibleForGains: true, lossAdjustment: 0.1 } }] } },
      episodes: [{ id: "e", type: "T", actual: { amount: "150", currency: "USD" } }], limits: { stopGain: 0.1, stopLoss: 0.2 }, order: "cap-then-quality",
    });
    expect(twoSided.explanation.slice(-3).map((s) => s.text)).toEqual([
      "The stop-loss limit binds: USD 20.00 (20% of the total target USD 20.00).",
      "Quality category All: the repayment is adjusted by 10%: ×1.1.",
      "The participant repays USD 22.00; the payer bears USD 28.00 of the losses.",
    ]);
  });

  it("a doubled type, a foreign-currency episode and an unknown type are named at their paths", () => {
    const types = [{ id: "T", benchmark: { kind: "price" as const, benchmarkPrice: "100" } }];
    const doc = { scheme: "episode" as const, currency: "USD", year: "PY1", episodeTypes: types, discount: 0, limits: { stopGain: 0.1, stopLoss: 0.1 }, order: "quality-then-cap" as const };
    expect(domain(() => reconcileEpisodes({ ...doc, episodeTypes: [...types, ...types], episodes: [{ id: "e", type: "T", actual: { amount: "1", currency: "USD" } }] }))).toEqual({
      code: "INCONSISTENT_INPUT", path: ["episodeTypes", 1, "id"], reason: 'episode type "T" is listed twice', details: {},
    });
    expect(domain(() => reconcileEpisodes({ ...doc, episodes: [{ id: "e1", type: "T", actual: { amount: "1", currency: "EUR" } }] }))).toEqual({
      code: "CURRENCY_MISMATCH", path: ["episodes", 0, "actual", "currency"], reason: "episode e1 is in EUR; the reconciliation is in USD", details: { episode: "e1", currency: "EUR", expected: "USD" },
    });
    expect(domain(() => reconcileEpisodes({ ...doc, episodes: [{ id: "e1", type: "X", actual: { amount: "1", currency: "USD" } }] }))).toEqual({
      code: "UNKNOWN_KEY", path: ["episodes", 0, "type"], reason: 'episode e1 names type "X", which is not among the episode types', details: { type: "X" },
    });
    expect(issues(() => reconcileEpisodes({ ...doc, discount: undefined, episodes: [{ id: "e1", type: "T", actual: { amount: "1", currency: "USD" } }] }))).toEqual([
      { path: ["discount"], code: "custom", message: "give either discount or quality categories (which set the discount), not both or neither" },
    ]);
    expect(
      issues(() =>
        reconcileEpisodes({
          ...doc, episodeTypes: [{ id: "T", benchmark: { kind: "blended", providerHistory: "1", regionalHistory: "1", weights: { provider: 0, regional: 0 } } }],
          episodes: [{ id: "e1", type: "T", actual: { amount: "1", currency: "USD" } }],
        }),
      ),
    ).toEqual([{ path: ["episodeTypes", 0, "benchmark", "weights", "provider"], code: "custom", message: "the blend weights may not both be zero" }]);
  });

  it("reconcile dispatches each scheme to its own calculator", () => {
    expect(reconcile(episodeDoc).providerAmount.toString()).toBe("USD 3622.95");
    expect(reconcile(onePerCapita).providerAmount.toString()).toBe("USD 300000.00");
    expect(reconcile({ scheme: "risk-corridors", currency: "USD", benchmark: "1000000", discount: 0, actual: "970000", gains: corridor, losses: corridor }).providerAmount.toString()).toBe("USD 30000.00");
  });
});
