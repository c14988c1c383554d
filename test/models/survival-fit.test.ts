// Maximum-likelihood survival fitting: recovery of known parameters, the exponential's
// closed form, AIC selection, cure models, convergence failures.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateSurvivalCurve, fitSurvival, fitSurvivalModels, SURVIVAL_FIT_FAMILIES, type SurvivalFitFamily } from "../../src/index.js";
import { runs } from "../arbitraries.js";
import { domainError } from "../typed-errors.js";
import { simulate, TRUTH } from "./survival-fit-fixture.js";

// every case is a full maximum-likelihood fit of 1,000 patients: a deep run (PBT_RUNS) raises the count, capped
const fitRuns = (n: number) => Math.min(runs(n), 40);

describe("exponential: the closed-form MLE", () => {
  it("rate = events / total time, exactly (5 patients: 3 events, 2 + 5 + 7 + 11 + 13 = 38)", () => {
    const fit = fitSurvival({ times: [2, 5, 7, 11, 13], events: [1, 1, 0, 1, 0], family: "exponential" });
    expect(fit.estimates[0]?.estimate).toBe(3 / 38);
    expect(fit.curve).toEqual({ type: "exponential", rate: 3 / 38 });
    // ℓ = d ln λ − λ Σt = 3 ln(3/38) − 3
    expect(fit.logLik).toBeCloseTo(3 * Math.log(3 / 38) - 3, 10);
    // observed information d/λ² ⇒ SE(λ) = λ/√d; the Hessian is numerical (steps of 1% of a
    // standard error), good to about 1e-5 relative
    expect(Math.abs((fit.estimates[0]?.standardError ?? 0) / (3 / 38 / Math.sqrt(3)) - 1)).toBeLessThan(1e-4);
    expect(fit.aic).toBeCloseTo(-2 * (3 * Math.log(3 / 38) - 3) + 2, 9);
    expect(fit.bic).toBeCloseTo(-2 * (3 * Math.log(3 / 38) - 3) + Math.log(5), 9);
  });

  it("matches events / total time exactly on simulated data (a property over seeds)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const { times, events } = simulate("exponential", [0.08], 500, seed, 40);
        let total = 0;
        for (const t of times) total += t;
        const d = events.filter((e) => e === 1).length;
        const fit = fitSurvival({ times, events, family: "exponential" });
        expect(fit.estimates[0]?.estimate).toBe(d / total);
        expect(fit.convergence.gradientNorm).toBeLessThan(1e-3);
      }),
      { numRuns: fitRuns(10) },
    );
  });
});

// 5 SE, not 4: a CI run drew seed 409243961, whose log-normal fit lands 4.0003 SE from the truth
// (a 4-SE miss has odds ~6e-5 per parameter, and CI fits hundreds); that case is pinned below.
describe("recovery of the generating parameters (1,000 patients, within 5 standard errors)", () => {
  for (const family of SURVIVAL_FIT_FAMILIES) {
    it(`${family}`, () => {
      const truth = TRUTH[family];
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
          const { times, events } = simulate(family, truth.p, 1000, seed, truth.censorMax);
          const fit = fitSurvival({ times, events, family });
          fit.estimates.forEach((e, i) => {
            const p = truth.p[i] as number;
            expect(Math.abs(e.estimate - p)).toBeLessThanOrEqual(5 * e.standardError);
            // and the standard error is that of 1,000 patients, not of a flat likelihood
            expect(e.standardError).toBeLessThan(0.25 * Math.max(Math.abs(p), 0.1));
          });
          expect(fit.convergence.gradientNorm).toBeLessThanOrEqual(1e-3);
        }),
        { numRuns: fitRuns(family === "generalised-gamma" ? 3 : 4), examples: [[409243961]] },
      );
    });
  }

  it("the 95% interval covers the truth about 95% of the time (Weibull, 40 seeds, at least 33 covered)", () => {
    let covered = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { times, events } = simulate("weibull", [1.5, 12], 300, seed, 40);
      const fit = fitSurvival({ times, events, family: "weibull" });
      const shape = fit.estimates[0];
      if (shape && shape.lower95 <= 1.5 && 1.5 <= shape.upper95) covered++;
    }
    // Binomial(40, 0.95): P(X ≤ 32) ≈ 0.002
    expect(covered).toBeGreaterThanOrEqual(33);
  });
});

describe("AIC picks the generating family on large samples (4,000 patients)", () => {
  // A family that nests the generator (the generalised gamma nests the Weibull, log-normal,
  // gamma and exponential) fits at least as well and wins on AIC by chance, with probability
  // P(χ²₁ > 2) ≈ 16%; that is how AIC works, so the nesting family is left out here.
  const nests: Partial<Record<SurvivalFitFamily, SurvivalFitFamily[]>> = { weibull: ["generalised-gamma"], "log-normal": ["generalised-gamma"], gamma: ["generalised-gamma"] };
  const cases: [SurvivalFitFamily, number][] = [
    ["weibull", 11],
    ["log-normal", 12],
    ["log-logistic", 13],
    ["gompertz", 14],
    ["gamma", 15],
  ];
  for (const [family, seed] of cases) {
    it(`${family}`, () => {
      const truth = TRUTH[family];
      const { times, events } = simulate(family, truth.p, 4000, seed, truth.censorMax);
      const families = SURVIVAL_FIT_FAMILIES.filter((f) => !(nests[family] ?? []).includes(f));
      const cmp = fitSurvivalModels({ times, events, families });
      expect(cmp.failures).toEqual([]);
      expect(cmp.fits).toHaveLength(families.length);
      expect(cmp.best).toBe(family);
      for (let i = 1; i < cmp.fits.length; i++) expect((cmp.fits[i] as { aic: number }).aic).toBeGreaterThanOrEqual((cmp.fits[i - 1] as { aic: number }).aic);
    });
  }

  it("the generalised gamma nests the Weibull (Q = 1): its log-likelihood is at least the Weibull's", () => {
    const { times, events } = simulate("weibull", [1.5, 12], 1000, 5, 40);
    const w = fitSurvival({ times, events, family: "weibull" });
    const g = fitSurvival({ times, events, family: "generalised-gamma" });
    expect(g.logLik).toBeGreaterThanOrEqual(w.logLik - 1e-6);
    expect(g.aic).toBeCloseTo(-2 * g.logLik + 6, 9);
  });
});

describe("mixture cure models", () => {
  it("recovers a cure fraction of 0.3 over a Weibull (2,000 patients, within 5 SE)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const base = simulate("weibull", [1.4, 8], 2000, seed, 1e9);
        // a seeded 30% never fail: censored at a follow-up uniform on (20, 60)
        let x = seed >>> 0;
        const next = () => {
          x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
          return x / 2 ** 32;
        };
        const times: number[] = [];
        const events: (0 | 1)[] = [];
        base.times.forEach((t) => {
          const follow = 20 + 40 * next();
          const cured = next() < 0.3;
          const ev = !cured && t <= follow;
          times.push(ev ? t : follow);
          events.push(ev ? 1 : 0);
        });
        const fit = fitSurvival({ times, events, family: "weibull", cure: true });
        expect(fit.curve.type).toBe("mixture-cure");
        const [shape, scale, pi] = fit.estimates;
        expect(pi?.name).toBe("cureFraction");
        // 5 SE: at 200 runs a 4-SE bound fails about once in a hundred CI runs (seed 650820823,
        // draw 1927156601, was 4.6 SE off); the wald SEs of a 2,000-patient fit are approximate.
        expect(Math.abs((pi?.estimate ?? 0) - 0.3)).toBeLessThanOrEqual(5 * (pi?.standardError ?? 0));
        expect(Math.abs((shape?.estimate ?? 0) - 1.4)).toBeLessThanOrEqual(5 * (shape?.standardError ?? 0));
        expect(Math.abs((scale?.estimate ?? 0) - 8)).toBeLessThanOrEqual(5 * (scale?.standardError ?? 0));
        expect(fit.parameterCount).toBe(3);
        expect(fit.distribution.transform).toEqual(["exp", "exp", "logistic"]);
      }),
      { numRuns: fitRuns(3) },
    );
  });

  for (const family of SURVIVAL_FIT_FAMILIES) {
    it(`a cure fraction of 0.3 over the ${family} (800 patients, every third of ten cured, follow-up 60–99)`, () => {
      const base = simulate(family, TRUTH[family].p, 800, 31, 1e9);
      const times: number[] = [];
      const events: (0 | 1)[] = [];
      base.times.forEach((t, i) => {
        const follow = 60 + (i % 40);
        const cured = (i * 7919) % 10 < 3; // 7919 is prime to 10: exactly 3 in every 10 consecutive patients
        const ev = !cured && t <= follow;
        times.push(ev ? t : follow);
        events.push(ev ? 1 : 0);
      });
      const fit = fitSurvival({ times, events, family, cure: true });
      const pi = fit.estimates[fit.estimates.length - 1];
      expect(Math.abs((pi?.estimate ?? 0) - 0.3)).toBeLessThanOrEqual(4 * (pi?.standardError ?? 0));
      expect(evaluateSurvivalCurve({ curve: fit.curve, times: [1e6] }).survival[0]).toBeCloseTo(pi?.estimate ?? 0, 9);
    });
  }

  it("a cure fraction with no plateau in the data runs to 0: NOT_CONVERGED, path cure", () => {
    const { times, events } = simulate("exponential", [0.1], 500, 3, 1e9);
    const e = domainError(() => fitSurvival({ times, events, family: "exponential", cure: true }));
    expect(e.code).toBe("NOT_CONVERGED");
    expect(e.path).toEqual(["cure"]);
  });
});

describe("convergence checks", () => {
  it("every patient failing at the same time has no finite Weibull MLE (shape → ∞): NOT_CONVERGED", () => {
    const e = domainError(() => fitSurvival({ times: [5, 5, 5, 5, 5, 5], events: [1, 1, 1, 1, 1, 1], family: "weibull" }));
    expect(e.code).toBe("NOT_CONVERGED");
    expect(e.path).toEqual(["family"]);
    expect(e.message).toMatch(/weibull fit did not converge/);
  });

  it("fitSurvivalModels lists families that do not converge and ranks the rest", () => {
    const times = [5, 5, 5, 5, 5, 5];
    const events = [1, 1, 1, 1, 1, 1] as (0 | 1)[];
    const cmp = fitSurvivalModels({ times, events, families: ["exponential", "weibull"] });
    expect(cmp.best).toBe("exponential");
    expect(cmp.failures.map((f) => f.family)).toEqual(["weibull"]);
  });

  it("reports its checks in the result and the explanation", () => {
    const { times, events } = simulate("gamma", [2.5, 0.25], 400, 9, 40);
    const fit = fitSurvival({ times, events, family: "gamma", timeUnit: "month" });
    expect(fit.convergence.hessianNegativeDefinite).toBe(true);
    expect(fit.convergence.gradientNorm).toBeLessThanOrEqual(fit.convergence.gradientTolerance);
    expect(fit.timeUnit).toBe("month");
    const rules = fit.explanation.map((s) => s.rule);
    expect(rules).toContain("models.survival-fit.optimiser");
    expect(rules).toContain("models.survival-fit.criteria");
    expect(fit.explanation[0]?.text).toMatch(/400 patients \(times in months\)/);
    // the covariance is symmetric positive definite, keyed as the curve's parameters
    const c = fit.distribution.covariance;
    expect(c[0]?.[1]).toBe(c[1]?.[0]);
    expect(fit.distribution.keys).toEqual(["shape", "rate"]);
  });

  it("same data ⇒ the same bits (deterministic optimiser)", () => {
    const { times, events } = simulate("log-logistic", [2.2, 10], 300, 4, 50);
    const a = fitSurvival({ times, events, family: "log-logistic" });
    const b = fitSurvival({ times, events, family: "log-logistic" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("a Gompertz with falling hazard fits a negative shape", () => {
    const { times, events } = simulate("gompertz", [-0.05, 0.1], 1500, 21, 60);
    const fit = fitSurvival({ times, events, family: "gompertz" });
    const shape = fit.estimates[0];
    expect(shape?.estimate).toBeLessThan(0);
    expect(Math.abs((shape?.estimate ?? 0) + 0.05)).toBeLessThanOrEqual(4 * (shape?.standardError ?? 0));
  });
});

