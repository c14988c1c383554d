// Generalised gamma in Prentice's (1974) parameterisation (flexsurv `gengamma`): with
// w = (ln t − mu)/sigma and γ = Q^−2,
//   ln f(t) = ln|Q| + γ ln γ − ln σ − ln t − ln Γ(γ) + γ(Qw − e^(Qw)),
//   S(t) = Q(γ, γe^(Qw)) for Q > 0, P(γ, γe^(Qw)) for Q < 0, the log-normal at Q = 0.
// Q = 1 is the Weibull (shape 1/σ, scale e^mu), Q = σ the gamma, Q = 0 the log-normal.
// The density is written as −ln σ − ln t − ½ln 2π − stirlingError(γ) − γ(e^(Qw) − 1 − Qw),
// the same quantity without the cancellation of γ ln γ against ln Γ(γ) as Q → 0.
import { exp, expm1MinusX, log, logIncompleteGammaTails, logNormalDensity, logNormalUpperTail, stirlingError } from "./math.js";
import type { SurvivalFamily } from "./family.js";

const HALF_LOG_2PI = 0.91893853320467274178;
/** Below this |Q| the log-normal limit is used (its error is of order |Q|). */
export const GENGAMMA_LOGNORMAL_Q = 1e-8;

/** The generalised gamma family: `mu`, `sigma`, `Q`. */
export const generalisedGammaFamily: SurvivalFamily = {
  name: "generalised-gamma",
  parameters: [
    { name: "mu", scale: "identity" },
    { name: "sigma", scale: "log" },
    { name: "Q", scale: "identity" },
  ],
  evaluator([mu, sigma, Q]) {
    const m = mu as number;
    const s = sigma as number;
    const q = Q as number;
    const logS = log(s);
    if (Math.abs(q) < GENGAMMA_LOGNORMAL_Q) {
      return {
        logDensity: (_t, logT) => logNormalDensity((logT - m) / s) - logS - logT,
        logSurvival: (_t, logT) => logNormalUpperTail((logT - m) / s),
      };
    }
    const g = 1 / (q * q);
    const c = -logS - HALF_LOG_2PI - stirlingError(g);
    return {
      logDensity: (_t, logT) => c - logT - g * expm1MinusX((q * (logT - m)) / s),
      logSurvival: (_t, logT) => {
        const qw = (q * (logT - m)) / s;
        const tails = logIncompleteGammaTails(g, g * exp(qw), qw);
        return q > 0 ? tails.logQ : tails.logP;
      },
    };
  },
  starts: (s) => {
    const sd = Math.max(s.sdLogT, 1e-3);
    return [-1, -0.5, 0.2, 0.5, 1, 1.5].map((q) => [s.meanLogT, sd, q]);
  },
  curve: ([mu, sigma, Q]) => ({ type: "generalised-gamma", mu: mu as number, sigma: sigma as number, Q: Q as number }),
};
