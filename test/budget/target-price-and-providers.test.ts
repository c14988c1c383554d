// Target-price reconciliation (B3) and a provider's bundle roll-up: every sentence and
// step input pinned, both orders of quality and cap, the cap's boundaries, and each
// input guard's typed error and path.
import { describe, expect, it } from "vitest";
import { reconcileProviderBundles, reconcileTargetPrice } from "../../src/index.js";
import { domain, json, m } from "./explain-helpers.js";

describe("target-price reconciliation", () => {
  it("quality first, then a cap that does not bind: owed to the provider", () => {
    // Target 30,000 × 0.97 = 29,100; × 100 = 2,910,000; − 2,800,000 = 110,000; × 0.95 = 104,500;
    // cap 20 % × 2,910,000 = 582,000 does not bind.
    const r = reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "30000", discount: 0.03, episodes: 100, actualSpending: "2800000", qualityAdjustment: -0.05, capRate: 0.2 });
    expect(json(r)).toEqual({
      targetPrice: m("29100.00"), totalTarget: m("2910000.00"), actualSpending: m("2800000.00"), reconciliationAmount: m("110000.00"),
      cap: m("582000.00"), capApplied: false, finalAmount: m("104500.00"), direction: "owed-to-provider", order: "quality-then-cap",
      explanation: [
        { rule: "budget.target-price.target", text: "The target price is the benchmark less a 3% discount.", inputs: { benchmarkPrice: m("30000.00"), discount: "0.03" }, amount: m("29100.00") },
        { rule: "budget.target-price.total-target", text: "Over 100 episodes the total target is CNY 2,910,000.00.", inputs: { targetPrice: m("29100.00"), episodes: 100 }, amount: m("2910000.00") },
        {
          rule: "budget.target-price.reconciliation",
          text: "The reconciliation amount is the total target less actual spending (positive: owed to the provider; negative: repayment).",
          inputs: { totalTarget: m("2910000.00"), actualSpending: m("2800000.00") },
          amount: m("110000.00"),
        },
        { rule: "budget.target-price.order", text: "The quality adjustment is applied first, then the cap.", inputs: { order: "quality-then-cap" } },
        { rule: "budget.target-price.quality", text: "The quality adjustment of -5% scales the positive amount by 0.95.", inputs: { amount: m("110000.00"), qualityAdjustment: "-0.05" }, amount: m("104500.00") },
        {
          rule: "budget.target-price.cap", text: "The cap of ±20% of the total target (±CNY 582,000.00) does not bind.",
          inputs: { amount: m("104500.00"), capRate: "0.2", cap: m("582000.00") }, amount: m("104500.00"),
        },
        { rule: "budget.target-price.result", text: "The payer owes the provider this amount.", inputs: {}, amount: m("104500.00") },
      ],
    });
  });

  it("cap first, then the repayment's quality adjustment: a repayment", () => {
    // Total 1,000 × 10 = 10,000; − 13,000 = −3,000; cap 10 % = 1,000 binds → −1,000; × 1.1 = −1,100.
    const r = reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "1000", episodes: 10, actualSpending: "13000", qualityAdjustment: 0.5, repaymentQualityAdjustment: 0.1, capRate: 0.1, order: "cap-then-quality" });
    expect(json(r.explanation.slice(3))).toEqual([
      { rule: "budget.target-price.order", text: "The cap is applied first, then the quality adjustment.", inputs: { order: "cap-then-quality" } },
      { rule: "budget.target-price.cap", text: "The amount is capped at ±10% of the total target (±CNY 1,000.00).", inputs: { amount: m("-3000.00"), capRate: "0.1", cap: m("1000.00") }, amount: m("-1000.00") },
      { rule: "budget.target-price.quality", text: "The quality adjustment of 10% scales the repayment by 1.1.", inputs: { amount: m("-1000.00"), qualityAdjustment: "0.1" }, amount: m("-1100.00") },
      { rule: "budget.target-price.result", text: "The provider repays this amount to the payer.", inputs: {}, amount: m("-1100.00") },
    ]);
    expect(json(r)).toMatchObject({ capApplied: true, finalAmount: m("-1100.00"), direction: "repayment", order: "cap-then-quality" });
    expect(r.explanation[0]!.text).toBe("The target price is the benchmark less a 0% discount.");
  });

  it("a positive amount above the cap is capped; amounts exactly at ± the cap are not", () => {
    const run = (actual: string) => reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "1000", episodes: 10, actualSpending: actual, capRate: 0.1 });
    // 10,000 − 7,000 = 3,000 > 1,000 → 1,000; no quality rate for it.
    const over = run("7000");
    expect([over.finalAmount.toString(), over.capApplied]).toEqual(["CNY 1000.00", true]);
    expect(over.explanation[4]!.text).toBe("No quality adjustment applies to this amount.");
    expect(over.explanation[4]!.inputs.qualityAdjustment!.toString()).toBe("0");
    for (const [actual, final] of [["9000", "CNY 1000.00"], ["11000", "CNY -1000.00"]] as const) {
      const r = run(actual);
      expect([r.finalAmount.toString(), r.capApplied, r.explanation[5]!.text]).toEqual([final, false, "The cap of ±10% of the total target (±CNY 1,000.00) does not bind."]);
    }
  });

  it("a zero difference gets no quality adjustment and nothing is owed; without a cap there is no cap step", () => {
    const r = reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "1000", episodes: 2, actualSpending: "2000", qualityAdjustment: 0.1, repaymentQualityAdjustment: 0.1 });
    expect(r.explanation.map((s) => s.rule)).toEqual([
      "budget.target-price.target", "budget.target-price.total-target", "budget.target-price.reconciliation", "budget.target-price.order", "budget.target-price.quality", "budget.target-price.result",
    ]);
    expect(r.explanation[4]!.text).toBe("No quality adjustment applies to this amount.");
    expect(r.explanation[5]!.text).toBe("Nothing is owed either way.");
    expect(json(r)).toMatchObject({ cap: null, capApplied: false, direction: "none", finalAmount: m("0.00") });
  });

  it("the target price and the quality adjustment round by the rounding given", () => {
    // 100.01 × 0.5 = 50.005 → half-up 50.01, down 50.00.
    expect(reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "100.01", discount: 0.5, episodes: 1, actualSpending: "0" }).targetPrice.toString()).toBe("CNY 50.01");
    expect(reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "100.01", discount: 0.5, episodes: 1, actualSpending: "0", rounding: "down" }).targetPrice.toString()).toBe("CNY 50.00");
    // 100.01 × 1.5 = 150.015 → half-up 150.02, down 150.01; the cap 0.00005 × 100.01 = 0.0050005 → up 0.01.
    expect(reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "100.01", episodes: 1, actualSpending: "0", qualityAdjustment: 0.5 }).finalAmount.toString()).toBe("CNY 150.02");
    expect(reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "100.01", episodes: 1, actualSpending: "0", qualityAdjustment: 0.5, rounding: "down" }).finalAmount.toString()).toBe("CNY 150.01");
    expect(reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "100.01", episodes: 1, actualSpending: "0", capRate: 0.00005, rounding: "up" }).cap!.toString()).toBe("CNY 0.01");
  });
});

describe("provider bundle reconciliation", () => {
  const lung = { currency: "CNY", price: "28000" };
  it("rolls episodes up with totals, one line each, and a net overrun", () => {
    // e1: 30,500 vs 28,000 → bears 2,500, payer 28,000; e2: 26,000 → keeps 2,000, payer 28,000.
    const r = reconcileProviderBundles({ providerId: "H001", period: "2026Q1", bundles: { lung }, episodes: [{ episodeId: "e1", bundleId: "lung", actualCost: "30500" }, { episodeId: "e2", bundleId: "lung", actualCost: "26000" }] });
    expect(json(r.explanation)).toEqual([
      { rule: "budget.provider.episodes", text: "2 episodes of provider H001 were settled against their bundles.", inputs: { episodes: 2, period: "2026Q1" } },
      { rule: "budget.provider.prices", text: "Sum of the bundle prices.", inputs: {}, amount: m("56000.00") },
      { rule: "budget.provider.actual", text: "Sum of the actual itemised costs.", inputs: {}, amount: m("56500.00") },
      { rule: "budget.provider.payments", text: "Sum of the payer's payments.", inputs: {}, amount: m("56000.00") },
      { rule: "budget.provider.net", text: "Net over the period the provider bears an overrun.", inputs: { totalProviderKeeps: m("2000.00"), totalProviderBears: m("2500.00") }, amount: m("-500.00") },
    ]);
    expect(json(r)).toMatchObject({
      providerId: "H001", period: "2026Q1", episodeCount: 2, totalPayerPayments: m("56000.00"), totalBundlePrices: m("56000.00"), totalActualCost: m("56500.00"),
      totalProviderKeeps: m("2000.00"), totalProviderBears: m("2500.00"), netProviderMargin: m("-500.00"),
    });
    expect(json(r.lines[0])).toEqual({
      episodeId: "e1", bundleId: "lung", bundlePrice: m("28000.00"), actualCost: m("30500.00"), payerPayment: m("28000.00"),
      providerKeeps: m("0.00"), providerBears: m("2500.00"), providerMargin: m("-2500.00"), outcome: "overrun", limitApplied: false,
    });
  });

  it("a net surplus (or break-even) says so; a period left out is null", () => {
    const r = reconcileProviderBundles({ providerId: "H2", bundles: { lung }, episodes: [{ episodeId: "e", bundleId: "lung", actualCost: "28000" }], gainSharing: 0.5 });
    expect(r.explanation[4]!.text).toBe("Net over the period the provider keeps a surplus (or breaks even).");
    expect(r.period).toBeNull();
    expect(r.explanation[0]!.inputs).toEqual({ episodes: 1, period: null });
  });

  it("an unknown bundle, a bundle in another currency and an inconsistent bundle are named at their paths", () => {
    expect(domain(() => reconcileProviderBundles({ providerId: "H", bundles: { lung }, episodes: [{ episodeId: "e1", bundleId: "lung", actualCost: "1" }, { episodeId: "e2", bundleId: "nope", actualCost: "1" }] }))).toEqual({
      code: "UNKNOWN_KEY", path: ["episodes", 1, "bundleId"], reason: 'episode e2 names bundle "nope", which is not among the bundles', details: { bundleId: "nope", known: ["lung"] },
    });
    // "constructor" is not a bundle just because objects have one.
    expect(domain(() => reconcileProviderBundles({ providerId: "H", bundles: { lung }, episodes: [{ episodeId: "e1", bundleId: "constructor", actualCost: "1" }] })).code).toBe("UNKNOWN_KEY");
    expect(
      domain(() =>
        reconcileProviderBundles({
          providerId: "H", bundles: { a: { currency: "CNY", price: "1" }, b: { currency: "USD", price: "1" } },
          episodes: [{ episodeId: "e1", bundleId: "a", actualCost: "1" }, { episodeId: "e2", bundleId: "b", actualCost: "1" }],
        }),
      ),
    ).toEqual({
      code: "CURRENCY_MISMATCH", path: ["episodes", 1, "bundleId"], reason: 'episode e2 is priced in USD by bundle "b"; the earlier episodes are in CNY',
      details: { episodeId: "e2", bundleId: "b", currency: "USD", expected: "CNY" },
    });
    expect(
      domain(() => reconcileProviderBundles({ providerId: "H", bundles: { lung: { currency: "CNY", price: "2", components: [{ name: "x", amount: "1" }] } }, episodes: [{ episodeId: "e", bundleId: "lung", actualCost: "1" }] })).path,
    ).toEqual(["bundles", "lung", "price"]);
  });
});
