// Fuzz: time in state and tunnels (through runMarkovModel), cohort subgroups, microsimulation
// and contract pricing under uncertainty.
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const tunnel = {
  states: ["Well", "Sick", "Dead"],
  initial: { Well: 1 },
  cycles: 4,
  counting: "life-table",
  tunnels: { Sick: 2 },
  transitions: [{ matrix: { Well: { Well: "complement", Sick: { mul: [0.05, { var: "cycle" }] } }, Sick: { Sick: "complement", Dead: { at: [0.3, 0.1], by: "stateTime" } }, Dead: { Dead: 1 } } }],
  streams: { qaly: { values: { Well: 0.9, Sick: { pow: [0.5, { var: "stateTime" }] } }, discountRate: 0.03 }, cost: { values: { Sick: "1000" }, currency: "CNY" } },
};
const subgroups = {
  model: { type: "markov", ...tunnel, transitions: [{ matrix: { Well: { Well: "complement", Sick: { mul: [0.1, { attr: "risk" }] } }, Sick: { Sick: "complement", Dead: { max: [0.1, { attr: "line", is: "3L" }] } }, Dead: { Dead: 1 } } }] },
  attributes: { risk: { type: "number", min: 0, max: 5 }, line: { type: "category", levels: ["2L", "3L"] } },
  subgroups: [{ name: "a", weight: 2, attributes: { risk: 1, line: "2L" } }, { name: "b", weight: 1, attributes: { risk: 2, line: "3L" } }],
};
const microsim = {
  model: { ...tunnel, timeUnit: "month" },
  parameters: { p: { value: 0.1, distribution: { type: "beta", alpha: 10, beta: 90 } } },
  attributes: { age: { type: "number", min: 18 }, sex: { type: "category", levels: ["F", "M"] } },
  population: { size: 20, attributes: { age: { uniform: { min: 40, max: 80 } }, sex: { shares: { F: 0.5, M: 0.5 } } } },
  seed: 9,
  startDate: "2026-01-31",
  events: { start: "infusion", onEnter: { Sick: { kind: "progression" }, Dead: { kind: "death" } }, assessments: { atCycles: [2], response: { Well: "CR", Sick: "PD" } } },
  subgroupBy: ["sex", { attribute: "age", breaks: [65] }],
};
const k1 = {
  id: "K1",
  currency: "CNY",
  price: "1200000.00",
  payment: {
    type: "schedule",
    installments: [
      { id: "a", share: "0.4", due: { months: 0 } },
      { id: "b", share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: ["crs"] }] },
      { id: "c", share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse"] }] },
    ],
  },
};
const cart = {
  states: ["Remission", "CRS", "Relapse"],
  initial: { Remission: 1 },
  cycles: 8,
  timeUnit: "month",
  counting: "end",
  transitions: [{ matrix: { Remission: { Remission: "complement", CRS: { at: [{ param: "pCrs" }, 0], by: "cycle" }, Relapse: 0.1 }, CRS: { Remission: "complement", Relapse: 0.1 }, Relapse: { Relapse: 1 } } }],
  streams: { cost: { values: { Remission: "1000", Relapse: "5000" }, currency: "CNY" }, qaly: { per: "year", values: { Remission: 0.8, CRS: 0.5, Relapse: 0.5 } } },
};
const pricing = {
  therapy: cart,
  comparator: { ...cart, transitions: [{ matrix: { Remission: { Remission: "complement", Relapse: 0.3 }, CRS: { CRS: 1 }, Relapse: { Relapse: 1 } } }] },
  parameters: { pCrs: { value: 0.2, distribution: { type: "beta", alpha: 20, beta: 80 } } },
  attributes: {},
  population: { size: 10, attributes: {} },
  seed: 4,
  psa: { draws: 3 },
  startDate: "2026-01-15",
  asOf: "2026-12-31",
  events: { start: "infusion", onEnter: { CRS: { kind: "crs", grade: 3 }, Relapse: { kind: "relapse" } } },
  contract: k1,
  lambda: { amount: "300000", currency: "CNY" },
};

const entry = (name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], maxCorruptions = 500, randomNearRuns = 40) =>
  fuzzEntry({ module: "models", name, call, seeds, maxCorruptions, randomNearRuns, junkRuns: 100 });

describe("fuzz: time in state, subgroups, microsimulation, contract pricing", () => {
  entry("runMarkovModel (tunnels)", (x) => api.runMarkovModel(x as api.RunMarkovModelInput), [[tunnel]]);
  entry("runModelSubgroups", (x) => api.runModelSubgroups(x as api.RunModelSubgroupsInput), [[subgroups]]);
  entry("runMicrosimulation", (x) => api.runMicrosimulation(x as api.RunMicrosimulationInput), [[microsim]], 400, 30);
  entry("priceContractUnderUncertainty", (x) => api.priceContractUnderUncertainty(x as api.PriceContractUnderUncertaintyInput), [[pricing]], 400, 30);
});
