// Fuzz: sensitivity analysis (one-way, two-way, on models and metamodels) and its plots.
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const oneCycle = (cost: unknown, u: unknown) => ({
  type: "markov",
  states: ["Alive"],
  initial: { Alive: 1 },
  cycles: 1,
  counting: "beginning",
  transitions: [{ matrix: { Alive: { Alive: 1 } } }],
  streams: { qaly: { values: { Alive: u } }, cost: { values: { Alive: cost }, currency: "CNY" } },
});
const modelSource = {
  type: "model",
  parameters: { drug: { value: 30000 }, u: { value: 0.8 } },
  strategies: [
    { name: "Std", model: oneCycle(10000, 0.5) },
    { name: "New", model: oneCycle({ param: "drug" }, { param: "u" }) },
  ],
};
const metamodelSource = {
  type: "metamodel",
  psa: {
    strategies: ["Std", "New"],
    costs: [[10000, 10000, 10000, 10000, 10000, 10000], [20000, 25000, 30000, 35000, 40000, 45000]],
    effects: [[0.5, 0.5, 0.5, 0.5, 0.5, 0.5], [0.7, 0.9, 0.8, 0.75, 0.85, 0.8]],
    parameterDraws: { drug: [20000, 25000, 30000, 35000, 40000, 45000], u: [0.7, 0.9, 0.8, 0.75, 0.85, 0.8] },
    currency: "CNY",
  },
  degree: 1,
};
const lambda = { amount: "100000", currency: "CNY" };
const oneWay = {
  source: modelSource,
  lambda,
  ranges: [
    { parameter: "drug", low: 10000, high: 60000, points: 3 },
    { parameter: "u", low: 0.6, high: 1 },
  ],
  outcome: { type: "incremental-nmb", strategy: "New", comparator: "Std" },
};
const twoWay = { source: modelSource, lambda, x: { parameter: "drug", low: 10000, high: 60000, points: 3 }, y: { parameter: "u", low: 0.6, high: 1, points: 3 } };

const entry = (module: string, name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], maxCorruptions = 800, randomNearRuns = 60) =>
  fuzzEntry({ module, name, call, seeds, maxCorruptions, randomNearRuns });

describe("fuzz: sensitivity analysis", () => {
  entry("valuation", "oneWaySensitivity", (x) => api.oneWaySensitivity(x as api.OneWaySensitivityInput), [
    [oneWay],
    [{ ...oneWay, source: metamodelSource, outcome: { type: "icer", strategy: "New", comparator: "Std" } }],
    [{ ...oneWay, source: { ...metamodelSource, regressors: "all" }, outcome: { type: "best-nmb" } }],
  ]);
  entry("valuation", "twoWaySensitivity", (x) => api.twoWaySensitivity(x as api.TwoWaySensitivityInput), [[twoWay], [{ ...twoWay, source: metamodelSource }]]);
});

describe("fuzz: sensitivity plots", () => {
  const owsa = api.oneWaySensitivity(oneWay as api.OneWaySensitivityInput);
  const twsa = api.twoWaySensitivity(twoWay as api.TwoWaySensitivityInput);
  entry("plots", "tornadoSvg", (x) => api.tornadoSvg(x as api.TornadoSvgInput), [
    [{ sensitivity: owsa }],
    [{ sensitivity: { currency: "CNY", tornado: { label: "NMB", base: "10", bars: [{ parameter: "p", low: 0, high: 1, atLow: 5, atHigh: "20", threshold: 0.5 }] } }, maxBars: 1 }],
  ]);
  entry("plots", "twoWaySvg", (x) => api.twoWaySvg(x as api.TwoWaySvgInput), [
    [{ sensitivity: twsa }],
    [{ sensitivity: { strategies: ["A", "B"], x: { parameter: "p", values: [0, 1] }, y: { parameter: "q", values: [0, 1] }, optimal: [["A", "B"], ["B", "B"]] } }],
  ]);
});
