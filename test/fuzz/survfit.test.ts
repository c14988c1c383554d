// Fuzz: survival fitting (fitSurvival, fitSurvivalModels, kaplanMeier, the Guyot
// reconstruction, survivalFitForPsa) and the gamma / generalised gamma / mixture-cure curves.
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const times = [1.2, 2.5, 3.1, 4.8, 5.5, 6.0, 7.7, 9.1, 10.4, 12.0, 14.2, 18.5];
const events = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0];
const fit = api.fitSurvival({ times, events: events as (0 | 1)[], family: "weibull" });

const entry = (name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][]) =>
  fuzzEntry({ module: "models", name, call, seeds, maxCorruptions: 250, randomNearRuns: 40, junkRuns: 100 });

describe("fuzz: survival fitting", () => {
  entry("fitSurvival", (x) => api.fitSurvival(x as api.FitSurvivalInput), [
    [{ times, events, family: "weibull" }],
    [{ times, events, family: "generalised-gamma", timeUnit: "month", maxIterations: 500 }],
    // a plateau: eight patients followed to 30 without an event
    [{ times: [...times, 30, 30, 30, 30, 30, 30, 30, 30], events: [...events, 0, 0, 0, 0, 0, 0, 0, 0], family: "log-normal", cure: true }],
  ]);
  entry("fitSurvivalModels", (x) => api.fitSurvivalModels(x as api.FitSurvivalModelsInput), [[{ times, events, families: ["exponential", "gamma", "gompertz"] }]]);
  entry("kaplanMeier", (x) => api.kaplanMeier(x as api.KaplanMeierInput), [[{ times, events }]]);
  entry("reconstructPatientData", (x) => api.reconstructPatientData(x as api.ReconstructPatientDataInput), [
    [{ km: { times: [0, 1, 2, 3, 4, 6], survival: [1, 0.9, 0.8, 0.7, 0.6, 0.5] }, atRisk: { times: [0, 3], counts: [20, 12] } }],
    [{ km: { times: [0, 2, 3, 4, 6], survival: [1, 0.9, 0.8, 0.8, 0.4] }, atRisk: { times: [0, 4], counts: [10, 6] }, totalEvents: 5 }],
  ]);
  entry("survivalFitForPsa", (x) => api.survivalFitForPsa(x as api.SurvivalFitForPsaInput), [[{ fit: JSON.parse(JSON.stringify(fit)), parameter: "os" }]]);
  entry("evaluateSurvivalCurve (gamma family)", (x) => api.evaluateSurvivalCurve(x as api.EvaluateSurvivalCurveInput), [
    [{ curve: { type: "gamma", shape: 2.5, rate: 0.3 }, times: [0, 1, 10, 100] }],
    [{ curve: { type: "generalised-gamma", mu: 2, sigma: 0.7, Q: -0.4 }, times: [0, 1, 10, 100] }],
    [{ curve: { type: "mixture-cure", cureFraction: 0.25, uncured: { type: "generalised-gamma", mu: 2, sigma: 0.7, Q: 0.6 } }, times: [0, 5, 50] }],
    [{ curve: { type: "exponential", rate: { param: "p", key: "rate" } }, times: [1, 2], parameters: { p: { distribution: { type: "multivariate-normal", keys: ["rate"], mean: [-2], covariance: [[0.01]], transform: ["exp"] } } } }],
  ]);
});
