// Seeded simulation of right-censored survival data from known parameters, by inverse
// CDFs (and the gamma sampler of the PSA chapter for gamma and generalised gamma).
import { sampleStandardGamma, sampleStandardNormal, seededUniform } from "../../src/models/random.js";
import type { SurvivalFitFamily } from "../../src/index.js";

/** One draw of T (in months, say) from a family at given natural parameters. */
export function drawTime(family: SurvivalFitFamily, p: readonly number[], u: () => number): number {
  const U = 1 - u(); // (0, 1]
  const [a, b, c] = p as [number, number, number];
  switch (family) {
    case "exponential":
      return -Math.log(U) / a;
    case "weibull":
      return b * (-Math.log(U)) ** (1 / a);
    case "log-logistic":
      return b * ((1 - U) / U) ** (1 / a);
    case "log-normal":
      return Math.exp(a + b * sampleStandardNormal(u));
    case "gompertz":
      // S(t) = U ⇒ t = ln(1 − shape·ln U / rate) / shape; with shape < 0 some never fail (∞)
      return Math.log(1 - (a * Math.log(U)) / b) / a;
    case "gamma":
      return sampleStandardGamma(u, a) / b;
    case "generalised-gamma": {
      const g = sampleStandardGamma(u, 1 / (c * c));
      return Math.exp(a + b * (Math.log(c * c * g) / c));
    }
  }
}

/** n patients with event times from the family and uniform censoring on (0, censorMax). */
export function simulate(family: SurvivalFitFamily, p: readonly number[], n: number, seed: number, censorMax: number): { times: number[]; events: (0 | 1)[] } {
  const u = seededUniform(seed);
  const times: number[] = [];
  const events: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    const t = drawTime(family, p, u);
    const c = censorMax * (1 - u());
    times.push(Number.isFinite(t) && t <= c ? t : c);
    events.push(Number.isFinite(t) && t <= c ? 1 : 0);
  }
  return { times, events };
}

/** True parameters and a censoring horizon (≈ 15–35% censored) per family. */
export const TRUTH: Record<SurvivalFitFamily, { p: number[]; censorMax: number }> = {
  exponential: { p: [0.08], censorMax: 40 },
  weibull: { p: [1.5, 12], censorMax: 40 },
  "log-logistic": { p: [2.2, 10], censorMax: 50 },
  "log-normal": { p: [2.2, 0.8], censorMax: 50 },
  gompertz: { p: [0.08, 0.04], censorMax: 40 },
  gamma: { p: [2.5, 0.25], censorMax: 40 },
  "generalised-gamma": { p: [2.4, 0.6, 0.5], censorMax: 50 },
};
