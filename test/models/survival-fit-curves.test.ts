// The gamma, generalised gamma and mixture-cure curves of the evaluator, and the fitted
// curves used in partitioned-survival models and PSA.
import { describe, expect, it } from "vitest";
import { evaluateSurvivalCurve, fitSurvival, formatExplanation, runModelPsa, runPartitionedSurvival, survivalFitForPsa, type SurvivalCurveInput } from "../../src/index.js";
import { issues } from "../typed-errors.js";
import { simulate } from "./survival-fit-fixture.js";

const at = (curve: SurvivalCurveInput, times: number[]) => evaluateSurvivalCurve({ curve, times }).survival;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("gamma curve: S(t) = Q(shape, rate·t)", () => {
  it("integer shapes: Q(n, x) = e^(−x) Σ_{k<n} x^k / k! (integration by parts of the definition)", () => {
    for (const shape of [1, 2, 3, 7, 20]) {
      for (const rate of [0.5, 2]) {
        const times = [0.1, 1, 4, 10, 30];
        const got = at({ type: "gamma", shape, rate }, times);
        times.forEach((t, i) => {
          const x = rate * t;
          let term = 1;
          let sum = 1;
          for (let k = 1; k < shape; k++) {
            term *= x / k;
            sum += term;
          }
          expect(rel(got[i] as number, Math.exp(-x) * sum)).toBeLessThan(1e-12);
        });
      }
    }
  });

  it("half-integer shapes: Q(½, x) = erfc(√x), Q(3/2, x) = erfc(√x) + 2√(x/π) e^(−x) (erfc values from mpmath)", () => {
    const erfcSqrt = [
      [0.25, 0.47950012218695346232],
      [1, 0.15729920705028513066],
      [4, 0.0046777349810472658379],
    ] as const;
    for (const [x, e] of erfcSqrt) {
      expect(rel(at({ type: "gamma", shape: 0.5, rate: 1 }, [x])[0] as number, e)).toBeLessThan(1e-12);
      const q32 = e + 2 * Math.sqrt(x / Math.PI) * Math.exp(-x);
      expect(rel(at({ type: "gamma", shape: 1.5, rate: 2 }, [x / 2])[0] as number, q32)).toBeLessThan(1e-12);
    }
  });

  it("large shapes (Temme's expansion, a ≥ 1000) against mpmath's gammainc", () => {
    const ref = [
      [1000, 1000, 0.4957947558197844915],
      [2000, 1900, 0.98830417961884988659],
      [5000, 5100, 0.079328881077618976758],
      [250, 240, 0.73234993014598419919],
    ] as const;
    for (const [a, x, q] of ref) expect(rel(at({ type: "gamma", shape: a, rate: 1 }, [x])[0] as number, q)).toBeLessThan(1e-9);
  });

  it("S(0) = 1, decreasing, and shape 1 is the exponential", () => {
    const s = at({ type: "gamma", shape: 1.7, rate: 0.3 }, [0, 1, 2, 5, 10, 50]);
    expect(s[0]).toBe(1);
    for (let i = 1; i < s.length; i++) expect(s[i] as number).toBeLessThan(s[i - 1] as number);
    const e = at({ type: "gamma", shape: 1, rate: 0.3 }, [2, 7]);
    expect(rel(e[1] as number, Math.exp(-2.1))).toBeLessThan(1e-13);
  });
});

describe("generalised gamma curve (Prentice: mu, sigma, Q)", () => {
  const times = [0.5, 2, 6, 12, 24, 60];
  it("Q = 1 is the Weibull with shape 1/sigma and scale e^mu", () => {
    const g = at({ type: "generalised-gamma", mu: 2.3, sigma: 0.7, Q: 1 }, times);
    const w = at({ type: "weibull", shape: 1 / 0.7, scale: Math.exp(2.3) }, times);
    times.forEach((_, i) => expect(rel(g[i] as number, w[i] as number)).toBeLessThan(1e-12));
  });

  it("Q = 0 is the log-normal (meanlog mu, sdlog sigma), and Q = ±1e−6 is within 1e−5 of it", () => {
    const ln = at({ type: "log-normal", meanlog: 2.3, sdlog: 0.7 }, times);
    expect(at({ type: "generalised-gamma", mu: 2.3, sigma: 0.7, Q: 0 }, times)).toEqual(ln);
    for (const Q of [1e-6, -1e-6]) {
      const g = at({ type: "generalised-gamma", mu: 2.3, sigma: 0.7, Q }, times);
      times.forEach((_, i) => expect(Math.abs((g[i] as number) - (ln[i] as number))).toBeLessThan(1e-5));
    }
  });

  it("Q = sigma is the gamma with shape Q^−2 and rate 1/(e^mu Q²)", () => {
    const g = at({ type: "generalised-gamma", mu: 1.2, sigma: 0.4, Q: 0.4 }, times);
    const gm = at({ type: "gamma", shape: 1 / 0.16, rate: 1 / (Math.exp(1.2) * 0.16) }, times);
    times.forEach((_, i) => expect(rel(g[i] as number, gm[i] as number)).toBeLessThan(1e-11));
  });

  it("Q = −1: S(t) = P(1, e^(−w)) = 1 − exp(−e^(−w)), w = (ln t − mu)/sigma", () => {
    const g = at({ type: "generalised-gamma", mu: 2, sigma: 0.5, Q: -1 }, times);
    times.forEach((t, i) => {
      const w = (Math.log(t) - 2) / 0.5;
      expect(rel(g[i] as number, 1 - Math.exp(-Math.exp(-w)))).toBeLessThan(1e-12);
    });
  });

  it("rejects sigma ≤ 0 with the path of the field", () => {
    expect(issues(() => at({ type: "generalised-gamma", mu: 1, sigma: 0, Q: 0.5 }, [1]))[0]?.path).toEqual(["curve", "sigma"]);
    expect(issues(() => at({ type: "gamma", shape: 1, rate: -1 }, [1]))[0]?.path).toEqual(["curve", "rate"]);
  });
});

describe("mixture-cure curve", () => {
  it("S(t) = π + (1 − π)·S_u(t)", () => {
    const s = at({ type: "mixture-cure", cureFraction: 0.3, uncured: { type: "exponential", rate: 0.2 } }, [0, 1, 5, 100]);
    [0, 1, 5, 100].forEach((t, i) => expect(rel(s[i] as number, 0.3 + 0.7 * Math.exp(-0.2 * t))).toBeLessThan(1e-14));
  });
  it("a cure fraction outside [0, 1) is refused at its path; a nested Kaplan–Meier or cure curve is a shape error", () => {
    expect(issues(() => at({ type: "mixture-cure", cureFraction: 1, uncured: { type: "exponential", rate: 0.2 } }, [1]))[0]?.path).toEqual(["curve", "cureFraction"]);
    expect(issues(() => at({ type: "mixture-cure", cureFraction: 0.2, uncured: { type: "kaplan-meier", times: [0], survival: [1] } } as never, [1]))[0]?.path[0]).toBe("curve");
  });
});

describe("fitted curves in models", () => {
  const { times, events } = simulate("weibull", [1.5, 12], 800, 17, 40);
  const fit = fitSurvival({ times, events, family: "weibull", timeUnit: "month" });
  const pfsData = simulate("gamma", [1.2, 0.3], 800, 18, 30);
  const pfsFit = fitSurvival({ ...pfsData, family: "gamma" });

  const model = (os: SurvivalCurveInput, pfs: SurvivalCurveInput) => ({
    cycles: 60,
    timeUnit: "month" as const,
    pfs,
    os,
    streams: { qaly: { per: "year" as const, values: { PF: 0.8, PD: 0.6 } }, cost: { values: { PF: "2000", PD: "500" }, currency: "CNY" } },
  });

  it("a fit's curve goes straight into a partitioned-survival model", () => {
    const r = runPartitionedSurvival(model(fit.curve, pfsFit.curve));
    const shape = fit.estimates[0]?.estimate as number;
    const scale = fit.estimates[1]?.estimate as number;
    // OS occupancy at 12 months = 1 − Dead = exp(−(12/scale)^shape)
    expect(rel(1 - (r.occupancy.Dead[12] as number), Math.exp(-((12 / scale) ** shape)))).toBeLessThan(1e-12);
  });

  it("a fit is plain JSON: after a round trip its curve and distribution still work, and its explanation reads", () => {
    const copy = JSON.parse(JSON.stringify(fit)) as typeof fit;
    expect(copy).toEqual(fit);
    const r = runPartitionedSurvival(model(copy.curve, pfsFit.curve));
    expect(r.timeInState.PF).toBe(runPartitionedSurvival(model(fit.curve, pfsFit.curve)).timeInState.PF);
    const text = formatExplanation(fit.explanation);
    expect(text).toMatch(/800 patients \(times in months\)/);
    expect(text).toMatch(/shape = 1\.\d+ \(SE 0\.\d+, 95% CI/);
    expect(text).toMatch(/AIC \d+(\.\d+)?, BIC/);
  });

  it("survivalFitForPsa: a multivariate-normal parameter and a curve that reads it; PSA draws reproduce the fit's covariance", () => {
    const os = survivalFitForPsa({ fit, parameter: "osFit" });
    expect(os.curve).toEqual({ type: "weibull", shape: { param: "osFit", key: "shape" }, scale: { param: "osFit", key: "scale" } });
    const pfs = survivalFitForPsa({ fit: pfsFit, parameter: "pfsFit" });
    const input = {
      parameters: { osFit: os.parameter, pfsFit: pfs.parameter },
      strategies: [{ name: "New", model: { type: "partitioned-survival" as const, ...model(os.curve, pfs.curve) } }],
      draws: 4000,
      seed: 2026,
      includeParameterDraws: true,
    };
    const psa = runModelPsa(input as never);
    const again = runModelPsa(input as never);
    expect(Array.from(again.costs[0] as Float64Array)).toEqual(Array.from(psa.costs[0] as Float64Array));
    const logShape = Array.from(psa.parameterDraws?.["osFit.shape"] as Float64Array, Math.log);
    const logScale = Array.from(psa.parameterDraws?.["osFit.scale"] as Float64Array, Math.log);
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    const ms = mean(logShape);
    const mc = mean(logScale);
    const cov = mean(logShape.map((v, i) => (v - ms) * ((logScale[i] as number) - mc)));
    const vs = mean(logShape.map((v) => (v - ms) ** 2));
    const C = fit.distribution.covariance;
    // 4,000 draws: the mean within 4 standard errors of the mean, variances within 10%
    expect(Math.abs(ms - (fit.distribution.mean[0] as number))).toBeLessThan(4 * Math.sqrt((C[0]?.[0] as number) / 4000));
    expect(Math.abs(vs / (C[0]?.[0] as number) - 1)).toBeLessThan(0.1);
    expect(Math.abs(cov - (C[0]?.[1] as number))).toBeLessThan(0.15 * Math.sqrt((C[0]?.[0] as number) * (C[1]?.[1] as number)));
    // the base case is the fitted curve
    const base = runPartitionedSurvival({ ...model(os.curve, pfs.curve), parameters: { osFit: os.parameter, pfsFit: pfs.parameter } } as never);
    const direct = runPartitionedSurvival(model(fit.curve, pfsFit.curve));
    expect(base.timeInState.PF).toBeCloseTo(direct.timeInState.PF, 10);
    expect(base.timeInState.PD).toBeCloseTo(direct.timeInState.PD, 10);
  });

  it("a cure fit gives a mixture-cure curve and a PSA curve over all three parameters", () => {
    const cured = simulate("weibull", [1.4, 6], 1500, 23, 1e9);
    const follow = cured.times.map((_, i) => 25 + (i % 20));
    const ev = cured.times.map((t, i) => (i % 10 < 3 ? 0 : t <= (follow[i] as number) ? 1 : 0) as 0 | 1);
    const tt = cured.times.map((t, i) => ((ev[i] as number) === 1 ? t : (follow[i] as number)));
    const f = fitSurvival({ times: tt, events: ev, family: "weibull", cure: true });
    const p = survivalFitForPsa({ fit: f, parameter: "os" });
    expect(p.curve).toEqual({ type: "mixture-cure", cureFraction: { param: "os", key: "cureFraction" }, uncured: { type: "weibull", shape: { param: "os", key: "shape" }, scale: { param: "os", key: "scale" } } });
    const s = evaluateSurvivalCurve({ curve: f.curve, times: [1000] }).survival[0] as number;
    expect(Math.abs(s - (f.estimates[2]?.estimate as number))).toBeLessThan(1e-12);
  });

  it("multivariate-normal parameters are validated: positive definite, symmetric, lengths, unique keys", () => {
    const bad = (distribution: unknown) =>
      issues(() => evaluateSurvivalCurve({ curve: { type: "exponential", rate: { param: "p", key: "rate" } }, times: [1], parameters: { p: { distribution } } as never }));
    const ok = { type: "multivariate-normal", keys: ["rate"], mean: [-2], covariance: [[0.01]], transform: ["exp"] };
    expect(evaluateSurvivalCurve({ curve: { type: "exponential", rate: { param: "p", key: "rate" } }, times: [1], parameters: { p: { distribution: ok } } as never }).survival[0]).toBeCloseTo(Math.exp(-Math.exp(-2)), 14);
    expect(bad({ ...ok, covariance: [[-1]] })[0]?.path).toEqual(["parameters", "p", "distribution", "covariance"]);
    expect(bad({ ...ok, keys: ["a", "b"], mean: [0, 0], transform: ["exp", "exp"], covariance: [[1, 0.5], [0.4, 1]] })[0]?.path).toEqual(["parameters", "p", "distribution", "covariance", 1, 0]);
    expect(bad({ ...ok, mean: [0, 1] })[0]?.path).toEqual(["parameters", "p", "distribution", "mean"]);
    expect(bad({ ...ok, keys: ["a", "a"], mean: [0, 0], transform: ["exp", "exp"], covariance: [[1, 0], [0, 1]] })[0]?.path).toEqual(["parameters", "p", "distribution", "keys"]);
    expect(bad({ ...ok, extra: 1 })[0]?.code).toBe("unrecognized_keys");
  });
});
