// Fuzz: the reconciliation family (shared savings, risk corridors, episodes, the registry)
// and prospective prices. Seeds: the hand-computed cases of test/budget/*.test.ts.
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const b = (name: string, call: (x: never) => unknown, seeds: unknown[][]) =>
  fuzzEntry({ module: "budget", name, call: (x) => call(x as never), seeds, maxCorruptions: 1200, randomNearRuns: 60 });

const mssp = {
  scheme: "shared-savings",
  currency: "USD",
  track: "two-sided",
  benchmarkPerCapita: "12000",
  expenditure: { kind: "per-capita", perCapita: "12480", personYears: 10000 },
  minimumSavingsRate: { kind: "by-beneficiaries", table: { domain: { min: 5000, max: null }, bands: [{ from: 5000, to: 10000, value: 0.031 }, { from: 10000, to: null, value: 0.03 }] } },
  minimumLossRate: 0.02,
  sharingRate: 0.75,
  quality: { score: 20, scale: { min: 0, max: 100 }, method: "sliding", standard: 70 },
  savingsCap: { shareOfBenchmark: 0.2 },
  lossCap: { shareOfRevenue: 0.08, revenue: "30000000", shareOfBenchmark: 0.04 },
  sharedLossRate: { kind: "one-minus-final-sharing-rate", min: 0.4, max: 0.75 },
};
const msspClaims = {
  ...mssp,
  track: "one-sided",
  minimumLossRate: undefined,
  lossCap: undefined,
  sharedLossRate: undefined,
  minimumSavingsRate: { kind: "fixed", rate: 0.02 },
  expenditure: { kind: "beneficiaries", beneficiaries: [{ id: "b1", personYears: 1, expenditure: "9000" }, { id: "b2", personYears: 0.5, expenditure: "4000" }] },
};
const global = { method: "marginal", bands: [{ from: 0, to: 0.25, share: 1 }, { from: 0.25, to: 0.35, share: 0.5 }, { from: 0.35, to: 0.5, share: 0.25 }, { from: 0.5, to: null, share: 0.1 }] };
const reach = { scheme: "risk-corridors", currency: "USD", option: "Global", benchmark: "100000000", discount: 0.035, qualityWithhold: { rate: 0.02, score: 0.8 }, actual: "60000000", gains: global, losses: global, stopLoss: { shareOfBenchmark: 0.3 } };
const bpci = {
  scheme: "episode",
  currency: "USD",
  year: "2025",
  episodeTypes: [
    { id: "MJRLE", benchmark: { kind: "price", benchmarkPrice: "25000" } },
    { id: "SEPSIS", benchmark: { kind: "blended", providerHistory: "18000", regionalHistory: "19000", weights: { provider: 2, regional: 1 } } },
  ],
  quality: { score: 10, categories: { domain: { min: 0, max: 20 }, bands: [{ from: 0, to: 5, value: { name: "Below", discount: 0.03, eligibleForGains: false } }, { from: 5, to: 20, value: { name: "Good", discount: 0.02, eligibleForGains: true, gainAdjustment: -0.05 } }] } },
  episodes: [
    { id: "e1", type: "MJRLE", actual: { amount: "15000", currency: "USD" }, benchmarkPrice: "24000" },
    { id: "e2", type: "SEPSIS", actual: { amount: "12000", currency: "USD" } },
  ],
  limits: { stopGain: 0.2, stopLoss: null },
  previouslyReconciled: "1000",
  order: "cap-then-quality",
};
const hospital = {
  currency: "USD",
  operating: { standardizedAmount: "6000", laborShare: 0.676, wageIndex: 1.1 },
  capital: { federalRate: "500", geographicAdjustmentFactor: 1.0674 },
  imeRate: 0.05,
  dshRate: 0.03,
  costToChargeRatio: 0.3,
  ntap: { rate: 0.65 },
  outlier: { fixedLossThreshold: "40000", marginalCostFactor: 0.8, wageAdjusted: true },
};
const carT = { id: "c1", drg: "018", drgWeight: 10, charges: "1000000", newTechnology: { name: "CAR-T", cost: "400000" } };

describe("fuzz: reconciliation and prospective prices", () => {
  b("reconcileSharedSavings", api.reconcileSharedSavings, [[mssp], [JSON.parse(JSON.stringify(msspClaims))]]);
  b("reconcileRiskCorridors", api.reconcileRiskCorridors, [[reach]]);
  b("reconcileEpisodes", api.reconcileEpisodes, [[bpci]]);
  b("reconcile", api.reconcile, [[mssp], [reach], [bpci]]);
  b("ippsPayment", api.ippsPayment, [[{ hospital, case: carT }]]);
  b("ippsPayments", api.ippsPayments, [[{ hospital, cases: [carT, { id: "c2", drgWeight: 1.5, charges: "30000" }] }]]);
});
