// Every typed error a plot raises names its code, the field path and the reason (house rule:
// a claims officer or an integrator can tell which field to fix).
import { describe, expect, it } from "vitest";
import { cePlaneSvg, ceacSvg, evpiCurveSvg, evppiBarsSvg, evsiCurveSvg, expectedLossSvg, markovTraceSvg, tornadoSvg, twoWaySvg } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

const expectDomain = (fn: () => unknown, code: string, path: readonly (string | number)[], message: string | RegExp) => {
  const e = domainError(fn);
  expect(e.code).toBe(code);
  expect(e.path).toEqual(path);
  if (typeof message === "string") expect(e.message).toContain(message);
  else expect(e.message).toMatch(message);
};

describe("CE plane: typed errors", () => {
  const plane = { strategies: ["A", "B"], costs: [[1, 2, 3], [2, 3, 5]], effects: [[0, 0.1, 0.2], [0.3, 0.2, 0.6]] };
  it("rows per strategy, draws per row, the reference and overflow", () => {
    expectDomain(() => cePlaneSvg({ ...plane, costs: [[1, 2, 3]] }), "INCONSISTENT_INPUT", ["costs"], "costs and effects need one row per strategy (2)");
    expectDomain(() => cePlaneSvg({ ...plane, effects: [[0, 0.1, 0.2]] }), "INCONSISTENT_INPUT", ["costs"], "one row per strategy (2)");
    expectDomain(() => cePlaneSvg({ ...plane, costs: [[1, 2, 3], [2, 3]] }), "INCONSISTENT_INPUT", ["costs", 1], "every strategy needs 3 draws of cost and effect");
    expectDomain(() => cePlaneSvg({ ...plane, effects: [[0, 0.1, 0.2], [0.3, 0.2]] }), "INCONSISTENT_INPUT", ["costs", 1], "needs 3 draws");
    expectDomain(() => cePlaneSvg({ ...plane, reference: "C" }), "UNKNOWN_KEY", ["reference"], 'reference strategy "C" is not among the strategies');
    expectDomain(() => cePlaneSvg({ ...plane, costs: [[1, 2, -1.7e308], [2, 3, 1.7e308]] }), "OUT_OF_DOMAIN", ["costs", 1, 2], "draw 3 of B minus A overflows the float range");
  });
  it("schema issues carry the field path", () => {
    expect(issues(() => cePlaneSvg({ ...plane, lambda: -1 })).map((i) => i.path)).toEqual([["lambda"]]);
    expect(issues(() => cePlaneSvg({ ...plane, maxPoints: 0 })).map((i) => i.path)).toEqual([["maxPoints"]]);
    expect(issues(() => cePlaneSvg({ ...plane, width: 100 })).map((i) => i.path)).toEqual([["width"]]);
  });
});

describe("CEAC: typed errors", () => {
  const curves = { lambdas: [0, 100], strategies: ["A", "B"], probabilities: [[1, 0.4], [0, 0.6]] };
  it("the grid, the rows, the probabilities and the CEAF names", () => {
    expectDomain(() => ceacSvg({ ...curves, lambdas: [], probabilities: [[], []] }), "INCONSISTENT_INPUT", ["lambdas"], "the λ grid is empty");
    expectDomain(() => ceacSvg({ ...curves, probabilities: [[1, 0.4]] }), "INCONSISTENT_INPUT", ["probabilities"], "probabilities need one row per strategy (2)");
    expectDomain(() => ceacSvg({ ...curves, probabilities: [[1, 0.4], [0]] }), "INCONSISTENT_INPUT", ["probabilities", 1], "row 1 has 1 values for 2 λ values");
    expectDomain(() => ceacSvg({ ...curves, probabilities: [[1, 0.4], [0, 1.25]] }), "OUT_OF_DOMAIN", ["probabilities", 1, 1], "probability 1.25 is outside [0, 1]");
    expectDomain(() => ceacSvg({ ...curves, probabilities: [[1, 0.4], [-0.5, 0.6]] }), "OUT_OF_DOMAIN", ["probabilities", 1, 0], "probability -0.5 is outside [0, 1]");
    expectDomain(() => ceacSvg({ ...curves, optimal: ["A"] }), "INCONSISTENT_INPUT", ["optimal"], "optimal needs one strategy per λ (2)");
    expectDomain(() => ceacSvg({ ...curves, optimal: ["A", "Z"] }), "UNKNOWN_KEY", ["optimal", 1], '"Z" is not among the strategies');
  });
  it("probabilities of exactly 0 and 1 are accepted", () => {
    expect(ceacSvg({ ...curves, probabilities: [[1, 0], [0, 1]] })).toContain("</svg>");
  });
});

describe("Markov trace: typed errors", () => {
  it("rows, times and their order", () => {
    expectDomain(() => markovTraceSvg({ states: ["A", "B"], trace: [[1, 0], [0.5]] }), "INCONSISTENT_INPUT", ["trace", 1], "trace row 1 has 1 values for 2 states");
    expectDomain(() => markovTraceSvg({ states: ["A"], trace: [[1], [1]], times: [0] }), "INCONSISTENT_INPUT", ["times"], "times needs one value per trace row (2)");
    expectDomain(() => markovTraceSvg({ states: ["A"], trace: [[1], [1], [1]], times: [0, 2, 1] }), "OUT_OF_DOMAIN", ["times", 2], "times must increase");
  });
});

describe("two-way map: typed errors", () => {
  const grid = { strategies: ["S", "N"], x: { parameter: "a", values: [1, 2] }, y: { parameter: "b", values: [10, 20, 30] }, optimal: [["S", "S", "N"], ["S", "N", "N"]] };
  it("the grid's shape, its names and its order", () => {
    expect(twoWaySvg({ sensitivity: grid })).toContain("</svg>");
    expectDomain(() => twoWaySvg({ sensitivity: { ...grid, optimal: [["S", "S", "N"]] } }), "INCONSISTENT_INPUT", ["sensitivity", "optimal"], "optimal needs one row per x value (2)");
    expectDomain(() => twoWaySvg({ sensitivity: { ...grid, optimal: [["S", "S", "N"], ["S", "N"]] } }), "INCONSISTENT_INPUT", ["sensitivity", "optimal", 1], "optimal[1] needs one entry per y value (3)");
    expectDomain(() => twoWaySvg({ sensitivity: { ...grid, optimal: [["S", "S", "N"], ["S", "X", "N"]] } }), "UNKNOWN_KEY", ["sensitivity", "optimal", 1, 1], '"X" is not among the strategies');
    expectDomain(() => twoWaySvg({ sensitivity: { ...grid, y: { parameter: "b", values: [10, 30, 30] } } }), "INCONSISTENT_INPUT", ["sensitivity", "y", "values", 2], "y values must increase");
    expectDomain(() => twoWaySvg({ sensitivity: { ...grid, x: { parameter: "a", values: [2, 1] } } }), "INCONSISTENT_INPUT", ["sensitivity", "x", "values", 1], "x values must increase");
  });
});

describe("tornado: typed errors", () => {
  it("nothing to draw is UNDEFINED_RESULT on the bars", () => {
    expectDomain(
      () => tornadoSvg({ sensitivity: { tornado: { label: "x", base: null, bars: [{ parameter: "p", low: 0, high: 1, atLow: null, atHigh: null }] } } }),
      "UNDEFINED_RESULT",
      ["sensitivity", "tornado", "bars"],
      "the outcome is undefined at the base case and at every range end",
    );
  });
  it("a non-finite number is a validation issue at its path", () => {
    const bad = issues(() => tornadoSvg({ sensitivity: { tornado: { label: "x", base: "1e999", bars: [{ parameter: "p", low: 0, high: 1, atLow: 1, atHigh: 2 }] } } }));
    expect(bad.map((i) => i.path)).toEqual([["sensitivity", "tornado", "base"]]);
    expect(bad[0]!.message).toContain("is not a finite number");
  });
});

describe("value-of-information plots: typed errors", () => {
  const psa = { currency: "CNY", strategies: ["A", "B"], points: [{ lambda: 0, evpiExact: 1, optimalIndex: 0, expectedLossExact: [0, 1] }, { lambda: 100, evpiExact: 2, optimalIndex: 1, expectedLossExact: [3, 0] }] };
  const evppi = { currency: "CNY", groups: [{ label: "p", points: [{ lambda: 0, evppiExact: 0.5, evpiExact: 1 }, { lambda: 100, evppiExact: 1, evpiExact: 2 }] }] };
  const sample = (n: number) => ({ n, evsiExact: n / 100, populationEvsiExact: null, enbsExact: null, studyCost: null });
  const evsi = { currency: "CNY", points: [{ lambda: 100, evppiExact: 1, curve: [sample(0), sample(50)] }] };

  it("a currency mismatch between the EVPPI overlay and the PSA", () => {
    expectDomain(() => evpiCurveSvg({ psa: psa as never, evppi: { ...evppi, currency: "USD" } as never }), "CURRENCY_MISMATCH", ["evppi", "currency"], "the EVPPI result is in USD, the PSA in CNY");
  });
  it("a λ a result lacks", () => {
    expectDomain(() => evppiBarsSvg({ evppi: evppi as never, lambda: 50 }), "UNKNOWN_KEY", ["evppi", "groups", 0, "points"], 'group "p" has no EVPPI at λ = 50');
    expectDomain(() => evsiCurveSvg({ evsi: evsi as never, lambda: 50 }), "UNKNOWN_KEY", ["lambda"], "the EVSI result has no point at λ = 50");
  });
  it("expected losses that do not match the strategies", () => {
    const short = { ...psa, points: [psa.points[0]!, { ...psa.points[1]!, expectedLossExact: [3] }] };
    expectDomain(() => expectedLossSvg({ psa: short as never }), "INCONSISTENT_INPUT", ["psa", "points", 1, "expectedLossExact"], "point 1 has 1 losses for 2 strategies");
    const beyond = { ...psa, points: [{ ...psa.points[0]!, optimalIndex: 2 }] };
    expectDomain(() => expectedLossSvg({ psa: beyond as never }), "INCONSISTENT_INPUT", ["psa", "points", 0, "optimalIndex"], "point 0 names strategy 2 of 2");
  });
  it("empty results are validation issues at the list", () => {
    expect(issues(() => evpiCurveSvg({ psa: { ...psa, points: [] } as never })).map((i) => [i.path, i.message])).toEqual([[["psa", "points"], "the PSA result has no λ points"]]);
    expect(issues(() => evppiBarsSvg({ evppi: { ...evppi, groups: [] } as never })).map((i) => [i.path, i.message])).toEqual([[["evppi", "groups"], "the EVPPI result has no groups"]]);
    expect(issues(() => evsiCurveSvg({ evsi: { ...evsi, points: [] } as never })).map((i) => [i.path, i.message])).toEqual([[["evsi", "points"], "the EVSI result has no λ points"]]);
    expect(issues(() => expectedLossSvg({ psa: { ...psa, points: [] } as never })).map((i) => [i.path, i.message])).toEqual([[["psa", "points"], "the PSA result has no λ points"]]);
  });
});
