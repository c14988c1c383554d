// Gamma (R's dgamma, flexsurv `gamma`): f(t) = rate^shape t^(shape−1) e^(−rate·t)/Γ(shape),
// S(t) = Q(shape, rate·t); shape and rate on the log scale.
import { log, logGamma, logIncompleteGammaTails } from "./math.js";
import type { SurvivalFamily } from "./family.js";

/** The gamma family: `shape`, `rate`. */
export const gammaFamily: SurvivalFamily = {
  name: "gamma",
  parameters: [
    { name: "shape", scale: "log" },
    { name: "rate", scale: "log" },
  ],
  evaluator([shape, rate]) {
    const a = shape as number;
    const r = rate as number;
    const c = a * log(r) - logGamma(a);
    return {
      logDensity: (t, logT) => c + (a - 1) * logT - r * t,
      logSurvival: (t) => logIncompleteGammaTails(a, r * t).logQ,
    };
  },
  starts(s) {
    // var(ln T) = trigamma(shape) ≈ 1/shape for a crude start; then mean shape/rate
    const shape = Math.min(1e3, Math.max(0.05, 1 / Math.max(s.sdLogT * s.sdLogT, 1e-6)));
    return [
      [shape, shape / s.meanT],
      [1, s.events / s.totalTime],
    ];
  },
  curve: ([shape, rate]) => ({ type: "gamma", shape: shape as number, rate: rate as number }),
};
