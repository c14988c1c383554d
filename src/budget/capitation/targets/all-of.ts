// Target kind `all-of`: `met` when every metric reaches its `min`, else `notMet` (P1).
import * as z from "zod";
import { decimalSchema, step } from "../../../core/index.js";
import type { Dec } from "../../../money/index.js";
import { cash, text } from "../../common.js";
import { lazySchema } from "../../../kernel/lazy-schema.js";
import { adjustmentAmount, capitationAdjustmentSchema, describeAdjustment } from "../adjustments.js";
import type { CapitationTargetKind } from "./kind.js";

/** The schema of an `all-of` target. */
export const allOfTargetSchema = lazySchema(() => z.strictObject({
  /** Met when every condition holds (P1). */
  kind: z.literal("all-of"),
  /** The target's name in the explanation; "target N" when absent. */
  name: z.string().optional(),
  /** The conditions, at least one: each metric at or above its min. */
  conditions: z
    .array(
      z.strictObject({
        /** The measured metric (a key of `metrics`). */
        metric: z.string().min(1),
        /** The least value that meets the condition (inclusive). */
        min: decimalSchema,
      }),
    )
    .min(1),
  /** The adjustment when every condition is met. */
  met: capitationAdjustmentSchema,
  /** The adjustment otherwise. */
  notMet: capitationAdjustmentSchema,
}));

/** The `all-of` kind: one fixed adjustment when every condition holds, another otherwise. */
export const allOfTarget: CapitationTargetKind<typeof allOfTargetSchema, z.output<typeof allOfTargetSchema>> = {
  type: "all-of",
  schema: allOfTargetSchema,
  apply(t, { name, base, currency, metric }) {
    // Every condition's metric is looked up before any is compared: a missing metric after
    // a failed condition is a typed error too, not a crash in the sentence below.
    const values = t.conditions.map((cond) => metric(cond.metric));
    const met = t.conditions.every((cond, k) => (values[k] as Dec).greaterThanOrEqualTo(cond.min));
    const adj = met ? t.met : t.notMet;
    const amt = adjustmentAmount(adj, base);
    const conds = t.conditions.map((cond, k) => `${cond.metric} ${text(values[k] as Dec)} ≥ ${text(cond.min)}`).join(" and ");
    return {
      adjustment: amt,
      step: step(
        "budget.capitation.all-of",
        met ? `${name}: all targets met (${conds}): ${describeAdjustment(adj)}.` : `${name}: not all targets met (${conds}): ${describeAdjustment(adj)}.`,
        Object.fromEntries(t.conditions.map((cond, k) => [cond.metric, values[k] as Dec])),
        cash(amt, currency),
      ),
    };
  },
};
