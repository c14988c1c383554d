// The exponential curve: a constant hazard.
import * as z from "zod";
import { modelExpressionSchema } from "../expression.js";
import { portableExp } from "../portable-math.js";
import { positiveField, type SurvivalCurveKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const NAME = "exponential";

const exponentialSchema = lazySchema(() => z
  .strictObject({
    /** Exponential (指数分布): S(t) = exp(−rate·t). */
    type: z.literal("exponential"),
    /** Hazard rate per model time unit, > 0. */
    rate: modelExpressionSchema,
  })
  .strict());

/** Exponential: S(t) = exp(−rate·t), rate > 0. */
export const exponentialCurve: SurvivalCurveKind<typeof exponentialSchema> = {
  type: "exponential",
  schema: exponentialSchema,
  name: NAME,
  compile: (curve, site) => {
    const rate = positiveField(site, "rate", curve.rate, `${NAME} rate`);
    return (p, d) => {
      const r = rate(p, d);
      return (t) => portableExp(-r * t);
    };
  },
};
