// Fuzz: the models module (Markov MK1, partitioned survival PS1, survival curves, seeded PSA,
// frontier input) and the plots module (CE plane, CEAC, frontier SVG).
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const mk1 = {
  states: ["Alive", "Dead"],
  initial: { Alive: 1 },
  cycles: 3,
  transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }],
  counting: "life-table",
  streams: {
    qaly: { values: { Alive: 0.7 }, discountRate: 0.03 },
    cost: { values: { Alive: "500" }, discountRate: 0.03, currency: "CNY" },
  },
};
const mk2 = {
  states: ["A", "B", "D"],
  initial: { A: 1 },
  cycles: 4,
  counting: "end",
  transitions: [
    { throughCycle: 2, matrix: { A: { A: "complement", B: { param: "pAB" }, D: 0.05 }, B: { B: "complement", D: 0.1 }, D: { D: 1 } } },
    { matrix: { A: { A: "complement", B: 0.2, D: 0.05 }, B: { B: "complement", D: 0.1 }, D: { D: 1 } } },
  ],
  parameters: { pAB: { value: 0.15 } },
  streams: { ly: { values: { A: 1, B: 1 } }, cost: { values: { A: [100, 100, 50, 50], B: { add: [200, 1] } }, discountRate: 0.06, currency: "GBP" } },
};
const ps1 = {
  cycles: 24,
  timeUnit: "month",
  pfs: { type: "exponential", rate: 0.1 },
  os: { type: "exponential", rate: 0.05 },
  streams: {
    qaly: { per: "year", values: { PF: 0.8, PD: 0.6 } },
    cost: { values: { PF: "20000", PD: "5000" }, currency: "CNY" },
  },
};
const psaSeed = {
  draws: 20,
  seed: 42,
  parameters: {
    pDeath: { value: 0.2, distribution: { type: "beta", alpha: 20, beta: 80 } },
    hr: { value: 0.7, distribution: { type: "lognormal", meanlog: Math.log(0.7), sdlog: 0.15 } },
    drug: { value: 3000, distribution: { type: "gamma", shape: 25, scale: 120 } },
  },
  strategies: ["Standard", "New"].map((name) => ({
    name,
    model: {
      type: "markov",
      states: ["Alive", "Dead"],
      initial: { Alive: 1 },
      cycles: 5,
      counting: "life-table",
      transitions: [{ matrix: { Alive: { Alive: "complement", Dead: name === "New" ? { mul: [{ param: "pDeath" }, { param: "hr" }] } : { param: "pDeath" } }, Dead: { Dead: 1 } } }],
      streams: {
        qaly: { values: { Alive: 0.75 }, discountRate: 0.05 },
        cost: { values: { Alive: name === "New" ? { add: [1000, { param: "drug" }] } : 1000 }, discountRate: 0.05, currency: "CNY" },
      },
    },
  })),
};
const psSeedModel = { type: "partitioned-survival", ...ps1, cycles: 6, pfs: { type: "weibull", shape: 1.2, scale: { param: "scale" } } };
const psaSeed2 = {
  draws: 10,
  seed: 7,
  parameters: { scale: { value: 10, distribution: { type: "normal", mean: 10, sd: 1 } } },
  strategies: [{ name: "PS", model: psSeedModel }],
  includeParameterDraws: true,
};

const entry = (module: string, name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], maxCorruptions = 1200, randomNearRuns = 80) =>
  fuzzEntry({ module, name, call, seeds, maxCorruptions, randomNearRuns });

describe("fuzz: models", () => {
  entry("models", "runMarkovModel", (x) => api.runMarkovModel(x as api.RunMarkovModelInput), [[mk1], [mk2]]);
  entry("models", "runPartitionedSurvival", (x) => api.runPartitionedSurvival(x as api.RunPartitionedSurvivalInput), [[ps1]]);
  entry("models", "evaluateSurvivalCurve", (x) => api.evaluateSurvivalCurve(x as api.EvaluateSurvivalCurveInput), [
    [{ curve: { type: "exponential", rate: { mul: [0.1, { param: "hr" }] } }, times: [0, 5, 10], parameters: { hr: { value: 0.5 } } }],
    [{ curve: { type: "log-logistic", shape: 2, scale: 10 }, times: [10, 20] }],
  ]);
  entry("models", "runModelPsa", (x) => api.runModelPsa(x as api.RunModelPsaInput), [[psaSeed], [psaSeed2]], 400, 30);
  entry("models", "toFrontierInput", (x) => api.toFrontierInput(x as api.ToFrontierInputInput), [
    [{ strategies: [{ name: "Mono", result: api.runMarkovModel(mk1 as api.RunMarkovModelInput) }, { name: "PS", result: api.runPartitionedSurvival(ps1 as api.RunPartitionedSurvivalInput) }], effectStream: "qaly" }],
  ], 600, 50);
});

const plane = {
  strategies: ["S1", "S2", "S3"],
  costs: [new Float64Array([100, 120, 80, 110]), [200, 260, 150, 210], [300, 310, 290, 305]],
  effects: [[1.0, 1.2, 0.9, 1.1], new Float64Array([1.5, 1.4, 1.6, 1.3]), [1.7, 1.8, 1.6, 1.9]],
  lambda: 300,
  title: "V5 draws",
};
const ceac = {
  lambdas: [0, 100, 200, 300],
  strategies: ["S1", "S2"],
  probabilities: [
    [1, 0.75, 0.5, 0.5],
    [0, 0.25, 0.5, 0.5],
  ],
  optimal: ["S1", "S1", "S2", "S2"],
};
const v3 = [
  { name: "A", cost: 0, effect: 0, status: "ND" },
  { name: "B", cost: 100000, effect: 1, status: "ND" },
  { name: "D", cost: 250000, effect: 0.9, status: "D" },
  { name: "C", cost: 300000, effect: 1.5, status: "ED" },
  { name: "E", cost: 500000, effect: 2.5, status: "ND" },
];

describe("fuzz: plots", () => {
  entry("plots", "cePlaneSvg", (x) => api.cePlaneSvg(x as api.CePlaneSvgInput), [[plane], [{ ...plane, incremental: false, lambda: undefined }]]);
  entry("plots", "ceacSvg", (x) => api.ceacSvg(x as api.CeacSvgInput), [[ceac]]);
  entry("plots", "frontierSvg", (x) => api.frontierSvg(x as api.FrontierSvgInput), [[{ strategies: v3 }]]);
});
