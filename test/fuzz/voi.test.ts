// Fuzz: value of information (EVPPI, EVSI, PSA summaries) and its plots. Small seeds keep
// each corrupted call cheap; the spline seed has just enough draws for its basis.
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const entry = (module: string, name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][]) =>
  fuzzEntry({ module, name, call, seeds, maxCorruptions: 300, randomNearRuns: 30 });

const K = 24;
const wave = (f: number, s: number) => Array.from({ length: K }, (_, k) => Math.round(1000 * Math.sin(f * k + s)) / 1000);
const p1 = wave(1.3, 0.2);
const p2 = wave(2.1, 1.1);
const base = {
  strategies: ["SoC", "New"],
  costs: [Array.from({ length: K }, () => 100), p1.map((p, k) => 300 + 50 * p + 10 * p2[k]!)],
  effects: [Array.from({ length: K }, () => 1), p1.map((p, k) => 1.5 + 0.3 * p - 0.1 * p2[k]! * p)],
  parameters: [{ name: "p1", draws: p1 }, { name: "p2", draws: p2 }],
  lambdas: [0, 400, 800],
  currency: "CNY",
};
const evppiSeed = { ...base, groups: [["p1"], ["p1", "p2"]], method: { type: "poly", degree: 2 } };
const evppiSpline = { ...base, groups: [["p1"]], method: { type: "spline", basisDimension: 5 }, population: 100 };
const evsiSeed = {
  ...base,
  group: ["p1"],
  sampleSizes: [0, 10, 100],
  priorSampleSize: 5,
  method: { type: "poly" },
  population: 500,
  studyCost: { fixed: { amount: "1000", currency: "CNY" }, perPatient: { amount: "12.50", currency: "CNY" } },
};
const summarySeed = { strategies: base.strategies, costs: base.costs, effects: base.effects, lambdas: [400], currency: "CNY", comparisons: [{ intervention: "New", comparator: "SoC" }] };
const psa = api.analyzePsa({ strategies: base.strategies, costs: base.costs, effects: base.effects, lambdas: base.lambdas, currency: "CNY" });
const ev = api.evppi(evppiSeed as api.EvppiInput);
const es = api.evsi(evsiSeed as api.EvsiInput);

describe("fuzz: value of information", () => {
  entry("valuation", "evppi", (x) => api.evppi(x as api.EvppiInput), [[evppiSeed], [evppiSpline]]);
  entry("valuation", "evsi", (x) => api.evsi(x as api.EvsiInput), [[evsiSeed]]);
  entry("valuation", "summarizePsa", (x) => api.summarizePsa(x as api.SummarizePsaInput), [[summarySeed]]);
  entry("valuation", "quantile", (x) => api.quantile(x as api.QuantileInput), [[{ values: [4, 1, 3, 2], p: 0.25 }], [{ values: Float64Array.of(1, 2), p: 0.975 }]]);
  entry("plots", "evpiCurveSvg", (x) => api.evpiCurveSvg(x as api.EvpiCurveSvgInput), [[{ psa: JSON.parse(JSON.stringify(psa)), evppi: JSON.parse(JSON.stringify(ev)) }]]);
  entry("plots", "evppiBarsSvg", (x) => api.evppiBarsSvg(x as api.EvppiBarsSvgInput), [[{ evppi: JSON.parse(JSON.stringify(ev)), lambda: 400 }]]);
  entry("plots", "evsiCurveSvg", (x) => api.evsiCurveSvg(x as api.EvsiCurveSvgInput), [[{ evsi: JSON.parse(JSON.stringify(es)) }]]);
  entry("plots", "expectedLossSvg", (x) => api.expectedLossSvg(x as api.ExpectedLossSvgInput), [[{ psa: JSON.parse(JSON.stringify(psa)) }]]);
});
