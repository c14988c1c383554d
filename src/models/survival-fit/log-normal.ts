// Log-normal (flexsurv `lnorm`): ln T ~ N(meanlog, sdlog²); meanlog unconstrained, sdlog on the log scale.
import { log, logNormalDensity, logNormalUpperTail } from "./math.js";
import type { SurvivalFamily } from "./family.js";

/** The log-normal family: `meanlog`, `sdlog`. */
export const logNormalFamily: SurvivalFamily = {
  name: "log-normal",
  parameters: [
    { name: "meanlog", scale: "identity" },
    { name: "sdlog", scale: "log" },
  ],
  evaluator([meanlog, sdlog]) {
    const m = meanlog as number;
    const s = sdlog as number;
    const logS = log(s);
    return {
      logDensity: (_t, logT) => logNormalDensity((logT - m) / s) - logS - logT,
      logSurvival: (_t, logT) => logNormalUpperTail((logT - m) / s),
    };
  },
  starts: (s) => [[s.meanLogT, Math.max(s.sdLogT, 1e-3)]],
  curve: ([meanlog, sdlog]) => ({ type: "log-normal", meanlog: meanlog as number, sdlog: sdlog as number }),
};
