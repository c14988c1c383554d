// The mixture cure curve: a cured share that never dies of the disease, and a
// parametric curve for the rest.
import * as z from "zod";
import { modelExpressionSchema, modelValueError } from "../expression.js";
import { fieldExpression, type SurvivalCurveKind } from "./kind.js";
import { compileParametricCurve, parametricSurvivalCurveSchema } from "./parametric.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const mixtureCureSchema = lazySchema(() => z
  .strictObject({
    /** Mixture cure model (治愈模型): S(t) = cureFraction + (1 − cureFraction)·S_u(t). */
    type: z.literal("mixture-cure"),
    /** Share of patients cured (治愈比例), in [0, 1). */
    cureFraction: modelExpressionSchema,
    /** The survival S_u of the uncured: any parametric curve. */
    uncured: parametricSurvivalCurveSchema,
  })
  .strict());

/** Mixture cure: S(t) = cureFraction + (1 − cureFraction)·S_u(t), S_u parametric, cureFraction in [0, 1). */
export const mixtureCureCurve: SurvivalCurveKind<typeof mixtureCureSchema> = {
  type: "mixture-cure",
  schema: mixtureCureSchema,
  name: "mixture cure",
  compile: (curve, site) => {
    const piF = fieldExpression(site, "cureFraction", curve.cureFraction);
    const path = [...site.path, "cureFraction"];
    const uncured = compileParametricCurve(curve.uncured, { table: site.table, path: [...site.path, "uncured"] });
    return (p, d) => {
      const pi = piF(p);
      if (!(pi >= 0 && pi < 1)) throw modelValueError(path, `the cure fraction must lie in [0, 1), got ${pi}`, d);
      const su = uncured(p, d);
      return (t) => pi + (1 - pi) * su(t);
    };
  },
};
