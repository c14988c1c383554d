// Every survival-curve type through the public evaluator: its value at one time, worked
// by hand, and the exact issue (path, code, message) each of its parameter checks raises.
// Pins the per-type behaviour the curve records (src/models/survival-curves/) carry, so a
// type whose record drifts from the evaluator it replaced fails here.
import { describe, expect, it } from "vitest";
import { evaluateSurvivalCurve, runModelPsa, type SurvivalCurveInput } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

const at = (curve: SurvivalCurveInput, t: number) => evaluateSurvivalCurve({ curve, times: [t] }).survival[0] as number;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const E1 = Math.exp(-1);

describe("each curve type reads its own formula", () => {
  // Parameters chosen so each formula reduces to a number known by hand.
  const cases: [string, SurvivalCurveInput, number, number][] = [
    ["exponential: exp(−0.5·2) = e^−1", { type: "exponential", rate: 0.5 }, 2, E1],
    ["weibull: exp(−(2/4)^2) = e^−¼", { type: "weibull", shape: 2, scale: 4 }, 2, Math.exp(-0.25)],
    ["log-logistic: 1 / (1 + (2/4)^2) = 0.8", { type: "log-logistic", shape: 2, scale: 4 }, 2, 0.8],
    ["log-normal at its median: 1 − Φ(0) = ½", { type: "log-normal", meanlog: Math.log(2), sdlog: 1 }, 2, 0.5],
    ["gompertz: exp(−(ln2/ln2)(e^(ln2·1) − 1)) = e^−1", { type: "gompertz", shape: Math.log(2), rate: Math.log(2) }, 1, E1],
    ["gompertz shape 0: the exponential limit exp(−0.5·2) = e^−1", { type: "gompertz", shape: 0, rate: 0.5 }, 2, E1],
    ["gamma shape 1: Q(1, 0.5·2) = e^−1", { type: "gamma", shape: 1, rate: 0.5 }, 2, E1],
    ["generalised gamma Q = 1: w = 0, γ = 1, u = 1, Q(1, 1) = e^−1", { type: "generalised-gamma", mu: Math.log(2), sigma: 1, Q: 1 }, 2, E1],
    ["generalised gamma Q = 0: the log-normal 1 − Φ(0) = ½", { type: "generalised-gamma", mu: Math.log(2), sigma: 1, Q: 0 }, 2, 0.5],
    ["mixture cure: ½ + ½·e^−1", { type: "mixture-cure", cureFraction: 0.5, uncured: { type: "exponential", rate: 0.5 } }, 2, 0.5 + 0.5 * E1],
    ["kaplan-meier: the step from t = 1", { type: "kaplan-meier", times: [0, 1, 3], survival: [1, 0.6, 0.2] }, 2, 0.6],
  ];
  it.each(cases)("%s", (_, curve, t, expected) => {
    expect(rel(at(curve, t), expected)).toBeLessThan(1e-12);
  });

  it("S(0) = 1 for every parametric type (the t ≤ 0 branch, or exp(0))", () => {
    for (const [, curve] of cases) if (curve.type !== "kaplan-meier") expect(at(curve, 0)).toBe(1);
  });
});

describe("each curve type's parameter checks: path, code and wording", () => {
  const NAN = { div: [0, 0] } as const;
  const INF = { div: [1, 0] } as const;
  const positive = (label: string, got: string) => `${label} must be a positive finite number, got ${got}`;
  const finite = (label: string, got: string) => `${label} must be finite, got ${got}`;
  const cases: [SurvivalCurveInput, (string | number)[], string][] = [
    [{ type: "exponential", rate: 0 }, ["curve", "rate"], positive("exponential rate", "0")],
    [{ type: "weibull", shape: -1, scale: 4 }, ["curve", "shape"], positive("Weibull shape", "-1")],
    [{ type: "weibull", shape: 1, scale: INF }, ["curve", "scale"], positive("Weibull scale", "Infinity")],
    [{ type: "log-logistic", shape: 0, scale: 4 }, ["curve", "shape"], positive("log-logistic shape", "0")],
    [{ type: "log-logistic", shape: 1, scale: -2 }, ["curve", "scale"], positive("log-logistic scale", "-2")],
    [{ type: "log-normal", meanlog: NAN, sdlog: 1 }, ["curve", "meanlog"], finite("log-normal meanlog", "NaN")],
    [{ type: "log-normal", meanlog: 0, sdlog: 0 }, ["curve", "sdlog"], positive("log-normal sdlog", "0")],
    [{ type: "gompertz", shape: INF, rate: 1 }, ["curve", "shape"], finite("Gompertz shape", "Infinity")],
    [{ type: "gompertz", shape: 0.1, rate: -1 }, ["curve", "rate"], positive("Gompertz rate", "-1")],
    [{ type: "gamma", shape: 0, rate: 1 }, ["curve", "shape"], positive("gamma shape", "0")],
    [{ type: "gamma", shape: 1, rate: NAN }, ["curve", "rate"], positive("gamma rate", "NaN")],
    [{ type: "generalised-gamma", mu: INF, sigma: 1, Q: 1 }, ["curve", "mu"], finite("generalised gamma mu", "Infinity")],
    [{ type: "generalised-gamma", mu: 0, sigma: -1, Q: 1 }, ["curve", "sigma"], positive("generalised gamma sigma", "-1")],
    [{ type: "generalised-gamma", mu: 0, sigma: 1, Q: NAN }, ["curve", "Q"], finite("generalised gamma Q", "NaN")],
    [{ type: "mixture-cure", cureFraction: -0.1, uncured: { type: "exponential", rate: 1 } }, ["curve", "cureFraction"], "the cure fraction must lie in [0, 1), got -0.1"],
    [{ type: "mixture-cure", cureFraction: 0.5, uncured: { type: "weibull", shape: 1, scale: 0 } }, ["curve", "uncured", "scale"], positive("Weibull scale", "0")],
  ];
  it.each(cases)("%j", (curve, path, message) => {
    expect(issues(() => at(curve, 1))).toEqual([{ path, code: "out_of_range", message }]);
  });

  it("checks run in field order: the first bad field is the one reported", () => {
    expect(issues(() => at({ type: "weibull", shape: 0, scale: 0 }, 1))[0]?.path).toEqual(["curve", "shape"]);
    expect(issues(() => at({ type: "log-normal", meanlog: INF, sdlog: 0 }, 1))[0]?.path).toEqual(["curve", "meanlog"]);
    expect(issues(() => at({ type: "gompertz", shape: NAN, rate: 0 }, 1))[0]?.path).toEqual(["curve", "shape"]);
    expect(issues(() => at({ type: "generalised-gamma", mu: NAN, sigma: 0, Q: NAN }, 1))[0]?.path).toEqual(["curve", "mu"]);
    expect(issues(() => at({ type: "generalised-gamma", mu: 0, sigma: 0, Q: NAN }, 1))[0]?.path).toEqual(["curve", "sigma"]);
    // The cure fraction is checked before the uncured curve's parameters.
    expect(issues(() => at({ type: "mixture-cure", cureFraction: 1, uncured: { type: "exponential", rate: 0 } }, 1))[0]?.path).toEqual(["curve", "cureFraction"]);
  });

  it("unknown parameters are reported at compile time, in field order, under the curve's path", () => {
    const ref = { param: "nope" };
    const message = 'unknown parameter "nope"; declare it under parameters';
    expect(issues(() => at({ type: "weibull", shape: ref, scale: ref }, 1))).toEqual([{ path: ["curve", "shape", "param"], code: "unknown_reference", message }]);
    expect(issues(() => at({ type: "generalised-gamma", mu: 0, sigma: ref, Q: ref }, 1))).toEqual([{ path: ["curve", "sigma", "param"], code: "unknown_reference", message }]);
    expect(issues(() => at({ type: "mixture-cure", cureFraction: ref, uncured: { type: "gamma", shape: ref, rate: 1 } }, 1))).toEqual([{ path: ["curve", "cureFraction", "param"], code: "unknown_reference", message }]);
    expect(issues(() => at({ type: "mixture-cure", cureFraction: 0.5, uncured: { type: "gamma", shape: ref, rate: 1 } }, 1))).toEqual([{ path: ["curve", "uncured", "shape", "param"], code: "unknown_reference", message }]);
  });

  it("a NaN survival (finite parameters overflowing together) is refused at the curve's path", () => {
    // Gompertz rate/shape = 1e308/1e-308 overflows to Infinity; times (e^(shape·t) − 1) = 0 at t = 0 gives NaN.
    expect(issues(() => at({ type: "gompertz", shape: 1e-308, rate: 1e308 }, 0))).toEqual([
      { path: ["curve"], code: "out_of_range", message: "the curve is undefined at t = 0: its parameters overflow the float range" },
    ]);
  });

  it("in a PSA draw the same check is a DomainError naming the draw", () => {
    const e = domainError(() =>
      runModelPsa({
        parameters: { k: { value: 1, distribution: { type: "normal", mean: -5, sd: 0.001 } } },
        strategies: [{ name: "A", model: { type: "partitioned-survival", cycles: 2, pfs: { type: "exponential", rate: 0.1 }, os: { type: "weibull", shape: { param: "k" }, scale: 10 }, streams: { cost: { values: { PF: 1 }, currency: "CNY" }, qaly: { values: { PF: 1 } } } } }],
        draws: 1,
        seed: 1,
      }),
    );
    // Every draw of normal(−5, 0.001) is negative: the first draw fails the shape check.
    expect(e.code).toBe("OUT_OF_DOMAIN");
    expect(e.reason).toMatch(/^PSA draw 1: Weibull shape must be a positive finite number, got -[45]\.\d+$/);
    expect(e.path).toEqual(["strategies", 0, "model", "os", "shape"]);
    expect(e.details).toEqual({ draw: 1 });
  });
});
