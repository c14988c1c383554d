// Regressions found by fuzzing (test/fuzz).
import { describe, expect, it } from "vitest";
import { DomainError, evaluateSurvivalCurve, runMarkovModel, runModelPsa, runPartitionedSurvival, toFrontierInput, ValidationError, type RunMarkovModelInput } from "../../src/index.js";

const mk1 = (alive: number | string): RunMarkovModelInput => ({
  states: ["Alive", "Dead"],
  initial: { Alive: 1 },
  cycles: 3,
  transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }],
  counting: "life-table",
  streams: { qaly: { values: { Alive: alive }, discountRate: 0.03 } },
});

describe("models regressions (fuzz)", () => {
  it("a stream that overflows the float range is an OUT_OF_DOMAIN error, not Infinity in the result", () => {
    expect(() => runMarkovModel(mk1(1e308))).toThrow(DomainError);
    expect(() =>
      runPartitionedSurvival({ cycles: 24, timeUnit: "month", pfs: { type: "exponential", rate: 0.1 }, os: { type: "exponential", rate: 0.05 }, streams: { qaly: { per: "year", values: { PF: "1".repeat(400), PD: 0.6 } } } }),
    ).toThrow(DomainError);
  });
  it("a log-logistic curve with a subnormal scale reads S = 0 (portableLog(Infinity) was NaN)", () => {
    expect(evaluateSurvivalCurve({ curve: { type: "log-logistic", shape: 2, scale: 5e-324 }, times: [10, 20] }).survival).toEqual([0, 0]);
  });
  it("a Gompertz curve whose parameters overflow together is refused rather than NaN", () => {
    expect(() => evaluateSurvivalCurve({ curve: { type: "gompertz", shape: 1e-308, rate: 1e308 }, times: [1] })).toThrow(ValidationError);
  });
  it("PSA means of huge but finite draws stay finite", () => {
    const r = runModelPsa({
      draws: 4,
      seed: 1,
      parameters: { big: { value: 1e308, distribution: { type: "normal", mean: 1e308, sd: 1e300 } } },
      strategies: [{ name: "S", model: { type: "markov", states: ["A"], initial: { A: 1 }, cycles: 1, counting: "end", transitions: [{ matrix: { A: { A: 1 } } }], streams: { qaly: { values: { A: { param: "big" } } }, cost: { values: { A: 1 }, currency: "CNY" } } } }],
    });
    expect(Number.isFinite(r.summary[0]!.meanEffect)).toBe(true);
  });
  it("toFrontierInput does not read a stream named like an Object.prototype member", () => {
    const result = runMarkovModel(mk1(0.7));
    expect(() => toFrontierInput({ strategies: [{ name: "A", result }], effectStream: "toString", costStream: "qaly" })).toThrow(ValidationError);
  });
});
