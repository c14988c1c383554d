// Bad input to the fitting functions: typed errors naming the field.
import { describe, expect, it } from "vitest";
import { fitSurvival, fitSurvivalModels, kaplanMeier, survivalFitForPsa } from "../../src/index.js";
import { issues } from "../typed-errors.js";

const ok = { times: [1, 2, 3, 4, 5], events: [1, 1, 0, 1, 1] as (0 | 1)[], family: "weibull" as const };
const first = (fn: () => unknown) => issues(fn)[0];

describe("fitSurvival: bad input", () => {
  it("non-positive or non-finite times → times[i]", () => {
    expect(first(() => fitSurvival({ ...ok, times: [1, 0, 3, 4, 5] }))?.path).toEqual(["times", 1]);
    expect(first(() => fitSurvival({ ...ok, times: [1, 2, -3, 4, 5] }))?.path).toEqual(["times", 2]);
    expect(first(() => fitSurvival({ ...ok, times: [1, 2, 3, Number.NaN, 5] }))?.path).toEqual(["times", 3]);
    expect(first(() => fitSurvival({ ...ok, times: [1, 2, 3, 4, Number.POSITIVE_INFINITY] }))?.path).toEqual(["times", 4]);
  });
  it("event flags other than 0/1 → events[i]", () => {
    expect(first(() => fitSurvival({ ...ok, events: [1, 2, 0, 1, 1] as never }))?.path).toEqual(["events", 1]);
    expect(first(() => fitSurvival({ ...ok, events: [1, 1, true, 1, 1] as never }))?.path).toEqual(["events", 2]);
    expect(first(() => fitSurvival({ ...ok, events: [1, 1, 0, 0.5, 1] as never }))?.message).toMatch(/0 \(censored\) or 1 \(event\)/);
  });
  it("mismatched lengths → events", () => {
    const e = first(() => fitSurvival({ ...ok, events: [1, 1, 0, 1] }));
    expect(e?.path).toEqual(["events"]);
    expect(e?.code).toBe("invalid_length");
  });
  it("fewer events than parameters → events, too_few_events", () => {
    const e = first(() => fitSurvival({ ...ok, events: [1, 0, 0, 0, 0], family: "weibull" }));
    expect(e?.path).toEqual(["events"]);
    expect(e?.code).toBe("too_few_events");
    expect(first(() => fitSurvival({ ...ok, events: [1, 1, 0, 0, 0], family: "generalised-gamma" }))?.code).toBe("too_few_events");
    // the cure fraction is a parameter too
    expect(first(() => fitSurvival({ ...ok, events: [1, 1, 0, 0, 0], cure: true }))?.code).toBe("too_few_events");
  });
  it("all censored → events, no_events", () => {
    const e = first(() => fitSurvival({ ...ok, events: [0, 0, 0, 0, 0], family: "exponential" }));
    expect(e?.path).toEqual(["events"]);
    expect(e?.code).toBe("too_few_events");
  });
  it("unknown keys, unknown family, empty data, bad options", () => {
    expect(first(() => fitSurvival({ ...ok, weights: [1] } as never))?.code).toBe("unrecognized_keys");
    expect(first(() => fitSurvival({ ...ok, family: "beta" } as never))?.path).toEqual(["family"]);
    expect(first(() => fitSurvival({ ...ok, times: [], events: [] }))?.path).toEqual(["times"]);
    expect(first(() => fitSurvival({ ...ok, maxIterations: 0 }))?.path).toEqual(["maxIterations"]);
    expect(first(() => fitSurvival({ ...ok, timeUnit: "fortnight" } as never))?.path).toEqual(["timeUnit"]);
    expect(first(() => fitSurvival({ ...ok, cure: "yes" } as never))?.path).toEqual(["cure"]);
  });
});

describe("fitSurvivalModels, kaplanMeier, survivalFitForPsa: bad input", () => {
  it("duplicate or unknown families → families", () => {
    expect(first(() => fitSurvivalModels({ times: ok.times, events: ok.events, families: ["weibull", "weibull"] }))?.path).toEqual(["families"]);
    expect(first(() => fitSurvivalModels({ times: ok.times, events: ok.events, families: ["cox"] } as never))?.path).toEqual(["families", 0]);
  });
  it("kaplanMeier checks like the fit", () => {
    expect(first(() => kaplanMeier({ times: [1, 2], events: [1] }))?.path).toEqual(["events"]);
    expect(first(() => kaplanMeier({ times: [0], events: [1] }))?.path).toEqual(["times", 0]);
  });
  it("survivalFitForPsa needs a fit-shaped object and a name", () => {
    expect(first(() => survivalFitForPsa({ fit: {}, parameter: "x" } as never))?.path[0]).toBe("fit");
    expect(first(() => survivalFitForPsa({ fit: { curve: { type: "weibull", shape: 1, scale: 2 }, distribution: { type: "multivariate-normal", keys: ["shape"], mean: [0], covariance: [[1]], transform: ["exp"] } }, parameter: "x" }))?.path).toEqual(["fit", "curve", "scale"]);
    expect(first(() => survivalFitForPsa({ fit: { curve: { type: "exponential", rate: 1 }, distribution: { type: "multivariate-normal", keys: ["rate", "shape"], mean: [0, 0], covariance: [[1, 0], [0, 1]], transform: ["exp", "exp"] } }, parameter: "x" }))?.path).toEqual(["fit", "distribution", "keys"]);
    expect(first(() => survivalFitForPsa({ fit: { curve: { type: "exponential", rate: 1 }, distribution: { type: "multivariate-normal", keys: ["rate"], mean: [0], covariance: [[1]], transform: ["exp"] } }, parameter: "" }))?.path).toEqual(["parameter"]);
  });
});

describe("kaplanMeier", () => {
  it("worked by hand: times 1, 2, 2, 3 with a censoring at 2 (still at risk at 2)", () => {
    // S(1) = 3/4; at 2: 3 at risk, 1 event → 3/4 · 2/3 = 1/2; at 3: 1 at risk, 1 event → 0
    const km = kaplanMeier({ times: [1, 2, 2, 3], events: [1, 0, 1, 1] });
    expect(km.curve).toEqual({ type: "kaplan-meier", times: [0, 1, 2, 3], survival: [1, 0.75, 0.5, 0] });
    expect(km.atRisk).toEqual([4, 4, 3, 1]);
  });
});
