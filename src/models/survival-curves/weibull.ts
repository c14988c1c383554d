// The Weibull curve: a hazard rising (shape > 1) or falling (shape < 1) as a power of t.
import * as z from "zod";
import { modelExpressionSchema } from "../expression.js";
import { portableExp, portableLog } from "../portable-math.js";
import { shapeScaleCompile, type SurvivalCurveKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const NAME = "Weibull";

const weibullSchema = lazySchema(() => z
  .strictObject({
    /** Weibull (威布尔分布): S(t) = exp(−(t/scale)^shape). */
    type: z.literal("weibull"),
    /** Shape, > 0 (above 1: a rising hazard). */
    shape: modelExpressionSchema,
    /** Scale in model time units, > 0. */
    scale: modelExpressionSchema,
  })
  .strict());

/** Weibull: S(t) = exp(−(t/scale)^shape), shape, scale > 0. */
export const weibullCurve: SurvivalCurveKind<typeof weibullSchema> = {
  type: "weibull",
  schema: weibullSchema,
  name: NAME,
  compile: shapeScaleCompile(NAME, (k, l, t) => portableExp(-portableExp(k * portableLog(t / l)))),
};
