// The Gompertz curve: a hazard growing (shape > 0) or shrinking (shape < 0) exponentially.
import * as z from "zod";
import { modelExpressionSchema } from "../expression.js";
import { portableExp } from "../portable-math.js";
import { finiteField, positiveField, type SurvivalCurveKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const NAME = "Gompertz";

const gompertzSchema = lazySchema(() => z
  .strictObject({
    /** Gompertz (冈珀茨分布): S(t) = exp(−(rate/shape)(e^(shape·t) − 1)). */
    type: z.literal("gompertz"),
    /** Shape per model time unit, ≠ 0 of either sign (0 is read as the exponential limit). */
    shape: modelExpressionSchema,
    /** Initial hazard rate per model time unit, > 0. */
    rate: modelExpressionSchema,
  })
  .strict());

/** Gompertz: S(t) = exp(−(rate/shape)(e^(shape·t) − 1)), rate > 0, shape finite (0 read as its limit, the exponential). */
export const gompertzCurve: SurvivalCurveKind<typeof gompertzSchema> = {
  type: "gompertz",
  schema: gompertzSchema,
  name: NAME,
  compile: (curve, site) => {
    const shape = finiteField(site, "shape", curve.shape, `${NAME} shape`);
    const rate = positiveField(site, "rate", curve.rate, `${NAME} rate`);
    return (p, d) => {
      const g = shape(p, d);
      const r = rate(p, d);
      if (g === 0) return (t) => portableExp(-r * t);
      return (t) => portableExp(-(r / g) * (portableExp(g * t) - 1));
    };
  },
};
