// Exponential: S(t) = exp(−rate·t), f(t) = rate·exp(−rate·t); rate on the log scale.
import { log } from "./math.js";
import type { SurvivalFamily } from "./family.js";

/** The exponential family (flexsurv `exp`): one parameter, `rate`. */
export const exponentialFamily: SurvivalFamily = {
  name: "exponential",
  parameters: [{ name: "rate", scale: "log" }],
  evaluator([rate]) {
    const r = rate as number;
    const logRate = log(r);
    return { logDensity: (t) => logRate - r * t, logSurvival: (t) => -r * t };
  },
  // the closed-form MLE: events over total time at risk
  starts: (s) => [[s.events / s.totalTime]],
  closedForm: (s) => [s.events / s.totalTime],
  curve: ([rate]) => ({ type: "exponential", rate: rate as number }),
};
