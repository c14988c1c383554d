// Episode reconciliation (BPCI Advanced / CJR-style), hand-computed.
import { describe, expect, it } from "vitest";
import { reconcileEpisodes, type ReconcileEpisodesInput, type Money } from "../../src/index.js";
import { domainError } from "../typed-errors.js";

const amt = (m: Money | null) => (m === null ? null : m.toJSON().amount);
const usd = (amount: string) => ({ amount, currency: "USD" });

const bpci = (actuals: [string, string, string, string], extra: Partial<ReconcileEpisodesInput> = {}): ReconcileEpisodesInput => ({
  scheme: "episode",
  currency: "USD",
  year: "2025",
  episodeTypes: [
    { id: "MJRLE", benchmark: { kind: "price", benchmarkPrice: "25000" } },
    { id: "SEPSIS", benchmark: { kind: "price", benchmarkPrice: "18000" } },
  ],
  discount: 0.03,
  episodes: [
    { id: "e1", type: "MJRLE", actual: usd(actuals[0]) },
    { id: "e2", type: "MJRLE", actual: usd(actuals[1]) },
    { id: "e3", type: "SEPSIS", actual: usd(actuals[2]) },
    { id: "e4", type: "SEPSIS", actual: usd(actuals[3]) },
  ],
  limits: { stopGain: 0.2, stopLoss: 0.2 },
  order: "quality-then-cap",
  ...extra,
});

describe("BPCI Advanced: two episode types, target prices summed inside", () => {
  it("the +20% stop-gain binds", () => {
    // target prices 25,000 × 0.97 = 24,250 and 18,000 × 0.97 = 17,460
    // total target 2 × 24,250 + 2 × 17,460 = 48,500 + 34,920 = 83,420; actual 15,000 + 16,000 + 12,000 + 11,000 = 54,000
    // savings 29,420 > 20% × 83,420 = 16,684 → 16,684
    const r = reconcileEpisodes(bpci(["15000", "16000", "12000", "11000"]));
    expect(r.lines.map((l) => amt(l.targetPrice))).toEqual(["24250.00", "24250.00", "17460.00", "17460.00"]);
    expect(r.byType.map((t) => [t.type, t.episodes, amt(t.target), amt(t.actual)])).toEqual([
      ["MJRLE", 2, "48500.00", "31000.00"],
      ["SEPSIS", 2, "34920.00", "23000.00"],
    ]);
    expect(amt(r.target)).toBe("83420.00");
    expect(amt(r.grossSavings)).toBe("29420.00");
    expect(amt(r.cap)).toBe("16684.00");
    expect(r.capApplied).toBe(true);
    expect(amt(r.providerAmount)).toBe("16684.00");
    expect(amt(r.payerAmount)).toBe("12736.00");
  });
  it("the −20% stop-loss binds", () => {
    // actual 32,000 + 35,000 + 25,000 + 26,000 = 118,000 → loss 34,580 > 16,684 → repay 16,684
    const r = reconcileEpisodes(bpci(["32000", "35000", "25000", "26000"]));
    expect(amt(r.providerAmount)).toBe("-16684.00");
    expect(r.direction).toBe("repayment-by-provider");
  });
  it("a quality adjustment before or after the cap, as the document says", () => {
    const quality = {
      score: 0.6,
      categories: { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 1, value: { name: "CQS", discount: 0.03, eligibleForGains: true, gainAdjustment: -0.05 } }] },
    };
    const { discount: _d, ...rest } = bpci(["15000", "16000", "12000", "11000"]);
    // quality then cap: 29,420 × 0.95 = 27,949 → capped 16,684
    expect(amt(reconcileEpisodes({ ...rest, quality }).providerAmount)).toBe("16684.00");
    // cap then quality: 16,684 × 0.95 = 15,849.80
    expect(amt(reconcileEpisodes({ ...rest, quality, order: "cap-then-quality" }).providerAmount)).toBe("15849.80");
  });
  it("an episode's own (case-mix adjusted) benchmark replaces its type's", () => {
    const doc = bpci(["15000", "16000", "12000", "11000"]);
    const episodes = doc.episodes.map((e, i) => (i === 0 ? { ...e, benchmarkPrice: "20000" } : e));
    // e1 target 20,000 × 0.97 = 19,400: total 83,420 − 24,250 + 19,400 = 78,570; savings 24,570; cap 15,714
    const r = reconcileEpisodes({ ...doc, episodes });
    expect(amt(r.target)).toBe("78570.00");
    expect(amt(r.providerAmount)).toBe("15714.00");
  });
  it("mixed currencies across episodes name the episode", () => {
    const doc = bpci(["15000", "16000", "12000", "11000"]);
    const episodes = doc.episodes.map((e, i) => (i === 2 ? { ...e, actual: { amount: "12000", currency: "CNY" } } : e));
    const e = domainError(() => reconcileEpisodes({ ...doc, episodes }));
    expect(e.code).toBe("CURRENCY_MISMATCH");
    expect(e.path).toEqual(["episodes", 2, "actual", "currency"]);
    expect(e.message).toContain("e3");
  });
});

// CJR-style: a blended target (provider : regional 2 : 1, then 1 : 2, then regional only), quality
// categories by composite score setting the discount, stop-gain / stop-loss by year.
const cjrCategories = {
  domain: { min: 0, max: 20 },
  bands: [
    { from: 0, to: 5, value: { name: "Below acceptable", discount: 0.03, eligibleForGains: false } },
    { from: 5, to: 6.9, value: { name: "Acceptable", discount: 0.03, eligibleForGains: true } },
    { from: 6.9, to: 15.5, value: { name: "Good", discount: 0.02, eligibleForGains: true } },
    { from: 15.5, to: 20, value: { name: "Excellent", discount: 0.015, eligibleForGains: true } },
  ],
};
const cjr = (year: string, weights: { provider: number; regional: number }, limits: { stopGain: number; stopLoss: number | null }, totalActual: number, score = 10): ReconcileEpisodesInput => ({
  scheme: "episode",
  currency: "USD",
  year,
  episodeTypes: [{ id: "LEJR", benchmark: { kind: "blended", providerHistory: "24000", regionalHistory: "27000", weights } }],
  quality: { score, categories: cjrCategories },
  episodes: Array.from({ length: 10 }, (_, i) => ({ id: `${year}-${i}`, type: "LEJR", actual: usd(String(totalActual / 10)) })),
  limits,
  order: "quality-then-cap",
});

describe("CJR: stop-gain by year, one-sided first year, quality categories", () => {
  it("PY1 (2 : 1 blend, one-sided, stop-gain 5%): the stop-gain binds", () => {
    // blend (2 × 24,000 + 1 × 27,000) / 3 = 25,000; Good (score 10) → 2% → 24,500; × 10 = 245,000
    // actual 220,000 → savings 25,000 > 5% × 245,000 = 12,250 → 12,250
    const r = reconcileEpisodes(cjr("PY1", { provider: 2, regional: 1 }, { stopGain: 0.05, stopLoss: null }, 220000));
    expect(r.qualityCategory).toBe("Good");
    expect(r.discount).toBe("0.02");
    expect(amt(r.lines[0]!.targetPrice)).toBe("24500.00");
    expect(amt(r.providerAmount)).toBe("12250.00");
    expect(r.capApplied).toBe(true);
  });
  it("PY1 is one-sided: a loss is not repaid", () => {
    const r = reconcileEpisodes(cjr("PY1", { provider: 2, regional: 1 }, { stopGain: 0.05, stopLoss: null }, 260000));
    expect(amt(r.grossSavings)).toBe("-15000.00");
    expect(amt(r.providerAmount)).toBe("0.00");
    expect(r.explanation.some((s) => s.rule === "budget.episode.one-sided")).toBe(true);
  });
  it("PY3 (1 : 2 blend, stop-gain 10%): binds; PY4 (regional only, stop-gain 20%): does not", () => {
    // PY3: (24,000 + 2 × 27,000) / 3 = 26,000 × 0.98 = 25,480; × 10 = 254,800; savings 34,800 > 25,480 → 25,480
    const py3 = reconcileEpisodes(cjr("PY3", { provider: 1, regional: 2 }, { stopGain: 0.1, stopLoss: 0.1 }, 220000));
    expect(amt(py3.target)).toBe("254800.00");
    expect(amt(py3.providerAmount)).toBe("25480.00");
    expect(py3.capApplied).toBe(true);
    // PY4: 27,000 × 0.98 = 26,460; × 10 = 264,600; savings 44,600 < 20% × 264,600 = 52,920 → 44,600
    const py4 = reconcileEpisodes(cjr("PY4", { provider: 0, regional: 1 }, { stopGain: 0.2, stopLoss: 0.2 }, 220000));
    expect(amt(py4.target)).toBe("264600.00");
    expect(amt(py4.providerAmount)).toBe("44600.00");
    expect(py4.capApplied).toBe(false);
  });
  it("a below-acceptable quality category earns nothing but still repays in a two-sided year", () => {
    // score 4 → Below acceptable, 3%: 25,000 × 0.97 = 24,250 × 10 = 242,500
    const gain = reconcileEpisodes(cjr("PY2", { provider: 2, regional: 1 }, { stopGain: 0.05, stopLoss: 0.05 }, 220000, 4));
    expect(amt(gain.grossSavings)).toBe("22500.00");
    expect(amt(gain.providerAmount)).toBe("0.00");
    // loss 260,000 − 242,500 = 17,500 > 5% × 242,500 = 12,125 → repay 12,125
    const loss = reconcileEpisodes(cjr("PY2", { provider: 2, regional: 1 }, { stopGain: 0.05, stopLoss: 0.05 }, 260000, 4));
    expect(amt(loss.providerAmount)).toBe("-12125.00");
  });
  it("a true-up against the earlier reconciliation of the same year", () => {
    // PY3 initial: 25,480 paid. Subsequent with run-out claims: actual 230,000 → savings 24,800 (cap 25,480 not binding)
    const r = reconcileEpisodes({ ...cjr("PY3", { provider: 1, regional: 2 }, { stopGain: 0.1, stopLoss: 0.1 }, 230000), previouslyReconciled: "25480" });
    expect(amt(r.providerAmount)).toBe("24800.00");
    expect(amt(r.trueUp)).toBe("-680.00"); // 24,800 − 25,480
    expect(r.explanation.at(-1)!.rule).toBe("budget.episode.true-up");
  });
});

describe("provider bundle roll-up: mixed currencies name the episode", () => {
  it("the episode whose bundle is in another currency, not (root)", async () => {
    const { reconcileProviderBundles } = await import("../../src/index.js");
    const e = domainError(() =>
      reconcileProviderBundles({
        providerId: "H",
        bundles: { a: { price: "100", currency: "CNY" }, b: { price: "100", currency: "USD" } },
        episodes: [
          { episodeId: "e1", bundleId: "a", actualCost: "90" },
          { episodeId: "e2", bundleId: "b", actualCost: "90" },
        ],
      }),
    );
    expect(e.code).toBe("CURRENCY_MISMATCH");
    expect(e.path).toEqual(["episodes", 1, "bundleId"]);
    expect(e.message).toContain("e2");
  });
});
