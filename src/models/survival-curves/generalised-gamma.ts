// The generalised gamma curve (Prentice 1974, flexsurv's `gengamma`): the gamma,
// Weibull and log-normal as special cases.
import * as z from "zod";
import { modelExpressionSchema } from "../expression.js";
import { portableExp, portableLog } from "../portable-math.js";
import { logIncompleteGammaTails } from "../special-functions.js";
import { finiteField, positiveField, type SurvivalCurveKind } from "./kind.js";
import { normalUpperTail } from "./normal-tail.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const NAME = "generalised gamma";

const generalisedGammaSchema = lazySchema(() => z
  .strictObject({
    /** Generalised gamma (广义伽马分布), Prentice 1974 (flexsurv's `gengamma`). */
    type: z.literal("generalised-gamma"),
    /** Location of ln t, finite. */
    mu: modelExpressionSchema,
    /** Scale of ln t, > 0. */
    sigma: modelExpressionSchema,
    /** Shape, finite of either sign (0: the log-normal). */
    Q: modelExpressionSchema,
  })
  .strict());

/** The survival of the generalised gamma (Prentice) at w = (ln t − mu)/sigma. */
export function generalisedGammaSurvival(w: number, q: number): number {
  if (q === 0) return normalUpperTail(w);
  const a = 1 / (q * q);
  const qw = q * w;
  const u = a * portableExp(qw);
  const tails = logIncompleteGammaTails(a, u, qw);
  return portableExp(q > 0 ? tails.logQ : tails.logP);
}

/**
 * Generalised gamma: with w = (ln t − mu)/sigma, γ = Q^−2 and u = γ·e^(Q·w), S(t) = Q(γ, u)
 * for Q > 0, P(γ, u) for Q < 0, the log-normal 1 − Φ(w) for Q = 0; sigma > 0, mu and Q finite.
 */
export const generalisedGammaCurve: SurvivalCurveKind<typeof generalisedGammaSchema> = {
  type: "generalised-gamma",
  schema: generalisedGammaSchema,
  name: NAME,
  compile: (curve, site) => {
    const mu = finiteField(site, "mu", curve.mu, `${NAME} mu`);
    const sigma = positiveField(site, "sigma", curve.sigma, `${NAME} sigma`);
    const q = finiteField(site, "Q", curve.Q, `${NAME} Q`);
    return (p, d) => {
      const m = mu(p, d);
      const s = sigma(p, d);
      const shape = q(p, d);
      return (t) => (t <= 0 ? 1 : generalisedGammaSurvival((portableLog(t) - m) / s, shape));
    };
  },
};
