// Weibull (R's dweibull, flexsurv `weibull`): S(t) = exp(−(t/scale)^shape),
// f(t) = (shape/scale)(t/scale)^(shape−1) S(t); shape and scale on the log scale.
import { exp } from "./math.js";
import { SHAPE_SCALE_PARAMETERS, shapeScaleTerms, type SurvivalFamily } from "./family.js";

const EULER = 0.5772156649015329;

/** The Weibull family: `shape`, `scale`. */
export const weibullFamily: SurvivalFamily = {
  name: "weibull",
  parameters: SHAPE_SCALE_PARAMETERS,
  evaluator([shape, scale]) {
    const { k, logScale, logRate: c } = shapeScaleTerms(shape as number, scale as number);
    return {
      logDensity: (_t, logT) => {
        const z = logT - logScale;
        return c + (k - 1) * z - exp(k * z);
      },
      logSurvival: (_t, logT) => -exp(k * (logT - logScale)),
    };
  },
  starts(s) {
    // ln T is Gumbel with sd π/(√6·shape) and mean ln scale − γ/shape
    const shape = Math.PI / (Math.sqrt(6) * Math.max(s.sdLogT, 1e-3));
    return [
      [shape, exp(s.meanLogT + EULER / shape)],
      [1, s.totalTime / Math.max(s.events, 1)],
    ];
  },
  curve: ([shape, scale]) => ({ type: "weibull", shape: shape as number, scale: scale as number }),
};
