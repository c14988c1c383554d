import { describe, expect, it } from "vitest";
import { ValidationError, formatExplanation, runMarkovModel, runModelPsa, runPartitionedSurvival, toFrontierInput } from "../../src/index.js";
import { caught } from "../typed-errors.js";


describe("partitioned survival with Kaplan–Meier curves and discounting", () => {
  it("two annual cycles, values per year, 5% discount from the first cycle", () => {
    const r = runPartitionedSurvival({
      cycles: 2,
      pfs: { type: "kaplan-meier", times: [0, 1, 2], survival: [1, 0.5, 0.25] },
      os: { type: "kaplan-meier", times: [0], survival: [1] },
      streams: { cost: { per: "year", values: { PF: 100, PD: 10 }, discountRate: 0.05, currency: "CNY" } },
    });
    // PF on the grid 1, 0.5, 0.25 → time 0.75 and 0.375; PD 0, 0.5, 0.75 → 0.25 and 0.625
    expect(r.timeInState.PF).toBeCloseTo(1.125, 12);
    expect(r.timeInState.PD).toBeCloseTo(0.875, 12);
    // cycle 1: (75 + 2.5)/1.05 = 73.8095; cycle 2: (37.5 + 6.25)/1.05² = 39.6825; total 113.4921 → 113.49
    expect(r.streams.cost?.discountedPerCycle[0]).toBeCloseTo(77.5 / 1.05, 10);
    expect(r.streams.cost?.money?.total.toString()).toBe("CNY 113.49");
    expect(r.streams.cost?.money?.undiscountedTotal.toString()).toBe("CNY 121.25");
  });
});

describe("Markov base case from distributions", () => {
  it("a Dirichlet row's base case is α / Σα", () => {
    const r = runMarkovModel({
      states: ["A", "B"],
      initial: { A: 1 },
      cycles: 1,
      counting: "end",
      parameters: { rowA: { distribution: { type: "dirichlet", alpha: { A: 3, B: 1 } } } },
      transitions: [{ matrix: { A: { A: { param: "rowA", key: "A" }, B: { param: "rowA", key: "B" } }, B: { B: 1 } } }],
      streams: { ly: { values: { A: 1 } } },
    });
    expect(r.trace[1]).toEqual([0.75, 0.25]);
  });
});

describe("toFrontierInput", () => {
  const result = (cost: number, qaly: number, currency?: string) => ({
    streams: { cost: { total: cost, ...(currency ? { currency } : {}) }, qaly: { total: qaly } },
  });
  it("rounds cost half-up to the cent and keeps the effect", () => {
    const f = toFrontierInput({ strategies: [{ name: "A", result: result(1234.565, 1.5, "USD") }, { name: "B", result: result(10.004, 2) }], currency: "CNY" });
    expect(f.strategies[0]?.cost.toString()).toBe("USD 1234.57");
    expect(f.strategies[1]?.cost.toString()).toBe("CNY 10.00");
    expect(f.strategies.map((s) => s.effect)).toEqual([1.5, 2]);
  });
  it("a missing stream names the strategy and the stream", () => {
    const e = caught(() => toFrontierInput({ strategies: [{ name: "A", result: result(1, 1) }], effectStream: "ly" }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["strategies", 0, "result", "streams", "ly"]);
  });
});

describe("PSA explanation", () => {
  it("names the generator, seed and parameter order", () => {
    const psa = runModelPsa({
      draws: 3,
      seed: 123,
      parameters: { z: { distribution: { type: "normal", mean: 1, sd: 0.1 } }, a: { value: 0.1 } },
      strategies: [
        {
          name: "S",
          model: {
            type: "partitioned-survival",
            cycles: 3,
            pfs: { type: "gompertz", shape: 0, rate: { param: "a" } },
            os: { type: "log-logistic", shape: 2, scale: 5 },
            streams: { qaly: { values: { PF: { param: "z" } } }, cost: { values: { PD: 100 } } },
          },
        },
      ],
    });
    const text = formatExplanation(psa.explanation);
    expect(text).toContain("xoroshiro128+ generator seeded with 123");
    expect(text).toContain("(a, z)");
  });
});
