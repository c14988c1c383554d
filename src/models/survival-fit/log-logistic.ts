// Log-logistic (flexsurv `llogis`): S(t) = 1/(1 + (t/scale)^shape),
// f(t) = (shape/scale)(t/scale)^(shape−1) / (1 + (t/scale)^shape)²; both on the log scale.
import { exp, log, log1pExp } from "./math.js";
import type { SurvivalFamily } from "./family.js";

/** The log-logistic family: `shape`, `scale`. */
export const logLogisticFamily: SurvivalFamily = {
  name: "log-logistic",
  parameters: [
    { name: "shape", scale: "log" },
    { name: "scale", scale: "log" },
  ],
  evaluator([shape, scale]) {
    const k = shape as number;
    const logScale = log(scale as number);
    const c = log(k) - logScale;
    return {
      logDensity: (_t, logT) => {
        const z = k * (logT - logScale);
        return c + ((k - 1) / k) * z - 2 * log1pExp(z);
      },
      logSurvival: (_t, logT) => -log1pExp(k * (logT - logScale)),
    };
  },
  starts(s) {
    // ln T is logistic with sd π/(√3·shape) and median ln scale
    const shape = Math.PI / (Math.sqrt(3) * Math.max(s.sdLogT, 1e-3));
    return [[shape, exp(s.meanLogT)]];
  },
  curve: ([shape, scale]) => ({ type: "log-logistic", shape: shape as number, scale: scale as number }),
};
