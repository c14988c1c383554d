// Gompertz (flexsurv `gompertz`): hazard h(t) = rate·e^(shape·t),
// S(t) = exp(−(rate/shape)(e^(shape·t) − 1)); shape of either sign (negative: a plateau
// at exp(rate/shape), so the family can describe a cured fraction), rate on the log scale.
import { exp, expm1, log } from "./math.js";
import type { SurvivalFamily } from "./family.js";

/** −H(t) = −(rate/shape)(e^(shape·t) − 1), read as −rate·t (1 + shape·t/2 …) near shape = 0. */
function logSurvival(shape: number, rate: number, t: number): number {
  const x = shape * t;
  if (Math.abs(x) < 1e-8) return -rate * t * (1 + x / 2);
  return (-rate * expm1(x)) / shape;
}

/** The Gompertz family: `shape`, `rate`. */
export const gompertzFamily: SurvivalFamily = {
  name: "gompertz",
  parameters: [
    { name: "shape", scale: "identity" },
    { name: "rate", scale: "log" },
  ],
  evaluator([shape, rate]) {
    const g = shape as number;
    const r = rate as number;
    const logRate = log(r);
    return {
      logDensity: (t) => logRate + g * t + logSurvival(g, r, t),
      logSurvival: (t) => logSurvival(g, r, t),
    };
  },
  starts(s) {
    const rate = s.events / s.totalTime;
    const small = 0.1 / Math.max(s.maxT, 1e-12);
    return [
      [small, rate * exp(-0.5 * small * s.meanT)],
      [-small, rate],
      [0.001 / Math.max(s.maxT, 1e-12), rate],
    ];
  },
  curve: ([shape, rate]) => ({ type: "gompertz", shape: shape as number, rate: rate as number }),
};
