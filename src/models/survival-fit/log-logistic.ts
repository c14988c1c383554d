// Log-logistic (flexsurv `llogis`): S(t) = 1/(1 + (t/scale)^shape),
// f(t) = (shape/scale)(t/scale)^(shape−1) / (1 + (t/scale)^shape)²; both on the log scale.
import { exp, log1pExp } from "./math.js";
import { SHAPE_SCALE_PARAMETERS, shapeScaleTerms, type SurvivalFamily } from "./family.js";

/** The log-logistic family: `shape`, `scale`. */
export const logLogisticFamily: SurvivalFamily = {
  name: "log-logistic",
  parameters: SHAPE_SCALE_PARAMETERS,
  evaluator([shape, scale]) {
    const { k, logScale, logRate: c } = shapeScaleTerms(shape as number, scale as number);
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
