// KPI comparison kind `reference`: the rate against a given reference rate (001's
// 「省級平均水平(25%)」), flagged at a relative deviation of ±0.40 by default.
import * as z from "zod";
import { decimal } from "../../core/index.js";
import { deviationThresholdSchema, directionSchema, fixed4, fractionOf, judgeDeviation, type PreparedComparison } from "./deviation.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of a `reference` comparison: `{ kind: "reference", rate: 0.25, direction: "low-is-bad" }`.
 *
 * @category Provider KPIs
 */
export const referenceComparisonSchema = lazySchema(() => z
  .object({
    /** `"reference"`: compared with a stated reference rate. */
    kind: z.literal("reference"),
    /** The reference rate, in (0, 1]. */
    rate: decimal({ above: "0", max: "1" }),
    /** Whether a high or a low rate is bad. */
    direction: directionSchema,
    /** The relative deviation that flags; 0.4 by default. */
    deviation: deviationThresholdSchema,
  })
  .strict());

/**
 * A parsed `reference` comparison.
 *
 * @category Provider KPIs
 */
export type ReferenceComparison = z.output<typeof referenceComparisonSchema>;

function prepare(rule: ReferenceComparison): PreparedComparison {
  const ref = fractionOf(rule.rate);
  const t = fractionOf(rule.deviation);
  return {
    reference: { numerator: null, denominator: null, rate: fixed4(ref.num, ref.den) },
    description: `reference rate ${rule.rate.toFixed()}, ${rule.direction}, flagged at a deviation of ${rule.deviation.toFixed()}`,
    judge: (c) => judgeDeviation(c, ref, rule.direction, t),
  };
}

/** The `reference` kind. */
export const referenceComparisonKind = { schema: referenceComparisonSchema, prepare } as const;
