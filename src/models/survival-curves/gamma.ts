// The gamma curve: the regularised upper incomplete gamma.
import * as z from "zod";
import { modelExpressionSchema } from "../expression.js";
import { portableExp } from "../portable-math.js";
import { logIncompleteGammaTails } from "../special-functions.js";
import { positiveField, type SurvivalCurveKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const NAME = "gamma";

const gammaSchema = lazySchema(() => z
  .strictObject({
    /** Gamma (伽马分布): S(t) = Q(shape, rate·t). */
    type: z.literal("gamma"),
    /** Shape, > 0. */
    shape: modelExpressionSchema,
    /** Rate per model time unit, > 0. */
    rate: modelExpressionSchema,
  })
  .strict());

/** Gamma: S(t) = Q(shape, rate·t), shape, rate > 0. */
export const gammaCurve: SurvivalCurveKind<typeof gammaSchema> = {
  type: "gamma",
  schema: gammaSchema,
  name: NAME,
  compile: (curve, site) => {
    const shape = positiveField(site, "shape", curve.shape, `${NAME} shape`);
    const rate = positiveField(site, "rate", curve.rate, `${NAME} rate`);
    return (p, d) => {
      const a = shape(p, d);
      const r = rate(p, d);
      return (t) => (t <= 0 ? 1 : portableExp(logIncompleteGammaTails(a, r * t).logQ));
    };
  },
};
