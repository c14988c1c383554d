// The log-logistic curve: a hazard that may rise and then fall.
import * as z from "zod";
import { modelExpressionSchema } from "../expression.js";
import { portableExp, portableLog } from "../portable-math.js";
import { shapeScaleCompile, type SurvivalCurveKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const NAME = "log-logistic";

const logLogisticSchema = lazySchema(() => z
  .strictObject({
    /** Log-logistic (对数逻辑斯谛分布): S(t) = 1 / (1 + (t/scale)^shape). */
    type: z.literal("log-logistic"),
    /** Shape, > 0. */
    shape: modelExpressionSchema,
    /** Scale in model time units (the median), > 0. */
    scale: modelExpressionSchema,
  })
  .strict());

/** Log-logistic: S(t) = 1 / (1 + (t/scale)^shape), shape, scale > 0. */
export const logLogisticCurve: SurvivalCurveKind<typeof logLogisticSchema> = {
  type: "log-logistic",
  schema: logLogisticSchema,
  name: NAME,
  compile: shapeScaleCompile(NAME, (k, l, t) => 1 / (1 + portableExp(k * portableLog(t / l)))),
};
