// Bad input to the reconciliation family and prospective prices: typed errors with paths.
import { describe, expect, it } from "vitest";
import { ippsPayment, reconcile, reconcileEpisodes, reconcileRiskCorridors, reconcileSharedSavings, type ReconcileEpisodesInput, type ReconcileRiskCorridorsInput, type ReconcileSharedSavingsInput } from "../../src/index.js";
import { domainError, issues, issuePaths } from "../typed-errors.js";


const twoSided: ReconcileSharedSavingsInput = {
  scheme: "shared-savings",
  currency: "USD",
  track: "two-sided",
  benchmarkPerCapita: "12000",
  expenditure: { kind: "per-capita", perCapita: "11400", personYears: 10000 },
  minimumSavingsRate: { kind: "fixed", rate: 0.02 },
  minimumLossRate: 0.02,
  sharingRate: 0.75,
  quality: { score: 80, scale: { min: 0, max: 100 }, method: "sliding", standard: 70 },
  savingsCap: { shareOfBenchmark: 0.2 },
  lossCap: { shareOfBenchmark: 0.15 },
  sharedLossRate: { kind: "one-minus-final-sharing-rate", min: 0.4, max: 0.75 },
};
const corridors: ReconcileRiskCorridorsInput = {
  scheme: "risk-corridors",
  currency: "USD",
  benchmark: "1000000",
  discount: 0,
  actual: "900000",
  gains: { method: "marginal", bands: [{ from: 0, to: 0.05, share: 0.5 }, { from: 0.05, to: null, share: 0.35 }] },
  losses: { method: "marginal", bands: [{ from: 0, to: null, share: 0.5 }] },
};
const episodes: ReconcileEpisodesInput = {
  scheme: "episode",
  currency: "USD",
  year: "PY1",
  episodeTypes: [{ id: "A", benchmark: { kind: "price", benchmarkPrice: "1000" } }],
  discount: 0.03,
  episodes: [
    { id: "e1", type: "A", actual: { amount: "900", currency: "USD" } },
    { id: "e2", type: "A", actual: { amount: "900", currency: "USD" } },
  ],
  limits: { stopGain: 0.2, stopLoss: 0.2 },
  order: "quality-then-cap",
};

describe("reconciliation bad input", () => {
  it("a sharing rate above 1", () => {
    expect(issuePaths(() => reconcileSharedSavings({ ...twoSided, sharingRate: 1.01 }))).toEqual(["sharingRate"]);
    expect(issuePaths(() => reconcileRiskCorridors({ ...corridors, gains: { method: "marginal", bands: [{ from: 0, to: null, share: 1.5 }] } }))).toEqual(["gains.bands.0.share"]);
  });
  it("a corridor table with a gap or an overlap", () => {
    const gap = issues(() => reconcileRiskCorridors({ ...corridors, gains: { method: "marginal", bands: [{ from: 0, to: 0.05, share: 0.5 }, { from: 0.1, to: null, share: 0.35 }] } }));
    expect(gap.map((i) => i.path.join("."))).toEqual(["gains.bands"]);
    expect(gap[0]!.message).toContain("no band covers [0.05, 0.1)");
    const overlap = issues(() => reconcileRiskCorridors({ ...corridors, losses: { method: "marginal", bands: [{ from: 0, to: 0.1, share: 0.5 }, { from: 0.05, to: null, share: 0.35 }] } }));
    expect(overlap.map((i) => i.path.join("."))).toEqual(["losses.bands"]);
    expect(overlap[0]!.message).toContain("overlap");
    // a table must start at 0
    expect(issuePaths(() => reconcileRiskCorridors({ ...corridors, gains: { method: "marginal", bands: [{ from: 0.01, to: null, share: 0.5 }] } }))).toEqual(["gains.bands"]);
  });
  it("a flat corridor whose shares fall as the ratio grows", () => {
    const e = issues(() => reconcileRiskCorridors({ ...corridors, gains: { method: "flat", bands: [{ from: 0, to: 0.05, share: 0.5 }, { from: 0.05, to: null, share: 0.35 }] } }));
    expect(e.map((i) => i.path.join("."))).toEqual(["gains.bands"]);
    expect(e[0]!.message).toContain("may not fall");
  });
  it("caps missing for a two-sided track (and loss terms given to a one-sided one)", () => {
    const { lossCap: _c, sharedLossRate: _s, minimumLossRate: _m, ...bare } = twoSided;
    expect(issuePaths(() => reconcileSharedSavings(bare)).sort()).toEqual(["lossCap", "minimumLossRate", "sharedLossRate"]);
    expect(issuePaths(() => reconcileSharedSavings({ ...twoSided, track: "one-sided" })).sort()).toEqual(["lossCap", "minimumLossRate", "sharedLossRate"]);
    expect(issuePaths(() => reconcileSharedSavings({ ...twoSided, lossCap: {} }))).toEqual(["lossCap"]);
    expect(issuePaths(() => reconcileSharedSavings({ ...twoSided, lossCap: { shareOfRevenue: 0.08 } }))).toEqual(["lossCap.revenue"]);
  });
  it("a quality score outside its scale", () => {
    expect(issuePaths(() => reconcileSharedSavings({ ...twoSided, quality: { score: 101, scale: { min: 0, max: 100 }, method: "sliding" } }))).toEqual(["quality.score"]);
    expect(issuePaths(() => reconcileSharedSavings({ ...twoSided, quality: { score: 50, scale: { min: 0, max: 100 }, method: "gate" } }))).toEqual(["quality.standard"]);
    expect(issuePaths(() => reconcileRiskCorridors({ ...corridors, qualityWithhold: { rate: 0.02, score: 1.2 } }))).toEqual(["qualityWithhold.score"]);
    const scored = { ...episodes, discount: undefined, quality: { score: 25, categories: { domain: { min: 0, max: 20 }, bands: [{ from: 0, to: 20, value: { name: "x", discount: 0.02, eligibleForGains: true } }] } } };
    const e = domainError(() => reconcileEpisodes(scored));
    expect(e.code).toBe("OUT_OF_DOMAIN");
    expect(e.path).toEqual(["quality", "score"]);
  });
  it("mixed currencies across episodes: the episode path, not (root)", () => {
    const e = domainError(() => reconcile({ ...episodes, episodes: [episodes.episodes[0]!, { id: "e2", type: "A", actual: { amount: "900", currency: "EUR" } }] }));
    expect(e.code).toBe("CURRENCY_MISMATCH");
    expect(e.path).toEqual(["episodes", 1, "actual", "currency"]);
  });
  it("no stated currency, or an unknown key, is an error (strict documents)", () => {
    const { currency: _c, ...noCurrency } = corridors;
    expect(issuePaths(() => reconcileRiskCorridors(noCurrency as never))).toEqual(["currency"]);
    expect(issues(() => reconcileRiskCorridors({ ...corridors, bonus: 1 } as never))[0]!.code).toBe("unrecognized_keys");
    expect(issues(() => reconcileEpisodes({ ...episodes, episodes: [{ ...episodes.episodes[0]!, note: "x" } as never] }))[0]!.path).toEqual(["episodes", 0, "note"]);
    expect(issuePaths(() => reconcile({ ...corridors, scheme: "gainshare" } as never))).toEqual(["scheme"]);
  });
  it("episode types: unknown, duplicated, both discount and quality, a zero blend", () => {
    expect(domainError(() => reconcileEpisodes({ ...episodes, episodes: [{ id: "e1", type: "B", actual: { amount: "1", currency: "USD" } }] })).path).toEqual(["episodes", 0, "type"]);
    expect(domainError(() => reconcileEpisodes({ ...episodes, episodeTypes: [...episodes.episodeTypes, ...episodes.episodeTypes] })).path).toEqual(["episodeTypes", 1, "id"]);
    expect(issuePaths(() => reconcileEpisodes({ ...episodes, discount: undefined }))).toEqual(["discount"]);
    expect(issuePaths(() => reconcileEpisodes({ ...episodes, episodeTypes: [{ id: "A", benchmark: { kind: "blended", providerHistory: "1", regionalHistory: "1", weights: { provider: 0, regional: 0 } } }] }))).toEqual([
      "episodeTypes.0.benchmark.weights.provider",
    ]);
  });
  it("ids named __proto__ or constructor work", () => {
    const r = reconcileEpisodes({ ...episodes, episodeTypes: [{ id: "__proto__", benchmark: { kind: "price", benchmarkPrice: "1000" } }, { id: "constructor", benchmark: { kind: "price", benchmarkPrice: "1000" } }], episodes: [{ id: "e", type: "__proto__", actual: { amount: "900", currency: "USD" } }, { id: "f", type: "constructor", actual: { amount: "900", currency: "USD" } }] });
    // 2 × 970 − 1,800 = 140
    expect(r.providerAmount.toJSON().amount).toBe("140.00");
    expect(domainError(() => reconcileEpisodes({ ...episodes, episodes: [{ id: "e", type: "toString", actual: { amount: "1", currency: "USD" } }] })).code).toBe("UNKNOWN_KEY");
  });
  it("MSR looked up outside its beneficiary table", () => {
    const e = domainError(() =>
      reconcileSharedSavings({ ...twoSided, expenditure: { kind: "per-capita", perCapita: "1", personYears: 100 }, minimumSavingsRate: { kind: "by-beneficiaries", table: { domain: { min: 5000, max: null }, bands: [{ from: 5000, to: null, value: 0.02 }] } } }),
    );
    expect(e.code).toBe("OUT_OF_DOMAIN");
    expect(e.path).toEqual(["minimumSavingsRate", "table"]);
  });
  it("a zero target cannot be reconciled", () => {
    expect(domainError(() => reconcileEpisodes({ ...episodes, discount: 1 })).code).toBe("UNDEFINED_RESULT");
  });
  it("IPPS bad input", () => {
    const hospital = { currency: "USD", operating: { standardizedAmount: "6000", laborShare: 0.676, wageIndex: 1 }, capital: { federalRate: "500", geographicAdjustmentFactor: 1 }, costToChargeRatio: 0.3 };
    const k = { id: "c", drgWeight: 1, charges: "1000" };
    expect(issuePaths(() => ippsPayment({ hospital: { ...hospital, operating: { ...hospital.operating, laborShare: 1.2 } }, case: k }))).toEqual(["hospital.operating.laborShare"]);
    expect(issuePaths(() => ippsPayment({ hospital: { ...hospital, operating: { ...hospital.operating, wageIndex: 0 } }, case: k }))).toEqual(["hospital.operating.wageIndex"]);
    expect(issuePaths(() => ippsPayment({ hospital, case: { ...k, drgWeight: -1 } }))).toEqual(["case.drgWeight"]);
    expect(issuePaths(() => ippsPayment({ hospital: { ...hospital, currency: undefined } as never, case: k }))).toEqual(["hospital.currency"]);
    expect(issues(() => ippsPayment({ hospital: { ...hospital, outlierThreshold: "1" } as never, case: k }))[0]!.path).toEqual(["hospital", "outlierThreshold"]);
  });
});

describe("shared-savings claim lines", () => {
  const base = {
    scheme: "shared-savings" as const,
    currency: "USD",
    track: "one-sided" as const,
    benchmarkPerCapita: "10000",
    minimumSavingsRate: { kind: "fixed" as const, rate: 0.02 },
    sharingRate: 0.5,
    quality: { score: 80, scale: { min: 0, max: 100 }, method: "gate" as const, standard: 40 },
  };
  const lines = (personYears: unknown, expenditure: unknown) => ({ ...base, expenditure: { kind: "beneficiaries" as const, beneficiaries: [{ id: "b1", personYears: 1, expenditure: "1" }, { id: "b2", personYears, expenditure }] } }) as never;
  it("person-years outside (0, 1], negative or non-decimal expenditure name the line", () => {
    for (const py of ["0", "1.5", 0, 2, "-0.5"]) {
      expect(issues(() => reconcileSharedSavings(lines(py, "1")))[0]!.path).toEqual(["expenditure", "beneficiaries", 1, "personYears"]);
    }
    for (const ex of ["-1", "1e3", 1.5, -2, "", null]) {
      expect(issues(() => reconcileSharedSavings(lines(1, ex)))[0]!.path).toEqual(["expenditure", "beneficiaries", 1, "expenditure"]);
    }
  });
});
