// The log-normal curve: ln t is normal.
import * as z from "zod";
import { modelExpressionSchema } from "../expression.js";
import { portableLog } from "../portable-math.js";
import { finiteField, positiveField, type SurvivalCurveKind } from "./kind.js";
import { normalUpperTail } from "./normal-tail.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const NAME = "log-normal";

const logNormalSchema = lazySchema(() => z
  .strictObject({
    /** Log-normal (对数正态分布): S(t) = 1 − Φ((ln t − meanlog) / sdlog). */
    type: z.literal("log-normal"),
    /** Mean of ln t. */
    meanlog: modelExpressionSchema,
    /** Standard deviation of ln t, > 0. */
    sdlog: modelExpressionSchema,
  })
  .strict());

/** Log-normal: S(t) = 1 − Φ((ln t − meanlog) / sdlog), meanlog finite, sdlog > 0. */
export const logNormalCurve: SurvivalCurveKind<typeof logNormalSchema> = {
  type: "log-normal",
  schema: logNormalSchema,
  name: NAME,
  compile: (curve, site) => {
    const mu = finiteField(site, "meanlog", curve.meanlog, `${NAME} meanlog`);
    const sd = positiveField(site, "sdlog", curve.sdlog, `${NAME} sdlog`);
    return (p, d) => {
      const m = mu(p, d);
      const s = sd(p, d);
      return (t) => (t <= 0 ? 1 : normalUpperTail((portableLog(t) - m) / s));
    };
  },
};
