// Target kind `proportional`: pay achieved ÷ target of the amount, at most 1 + `maxBonus`
// (P4, corrections C6): the bonus grows with the excess as the deduction does with the
// shortfall, and stops at `maxBonus`.
import * as z from "zod";
import { decimal, rateSchema, step } from "../../../core/index.js";
import { D } from "../../../money/decimal.js";
import { pct, text } from "../../common.js";
import { lazySchema } from "../../../kernel/lazy-schema.js";
import type { CapitationTargetKind } from "./kind.js";

/** The schema of a `proportional` target. */
export const proportionalTargetSchema = lazySchema(() => z.strictObject({
  /** Pay achieved ÷ target of the amount, at most 1 + maxBonus (P4, corrections C6). */
  kind: z.literal("proportional"),
  /** The target's name in the explanation; "target N" when absent. */
  name: z.string().optional(),
  /** The measured metric (a key of `metrics`). */
  metric: z.string().min(1),
  /** The target value of the metric, > 0. */
  target: decimal({ above: "0" }),
  /** The largest bonus as a share in [0, 1] of the amount (0.25 = at most 125 %). */
  maxBonus: rateSchema,
}));

/** The `proportional` kind: a factor on the adjusted base, achieved ÷ target capped at 1 + maxBonus. */
export const proportionalTarget: CapitationTargetKind<typeof proportionalTargetSchema, z.output<typeof proportionalTargetSchema>> = {
  type: "proportional",
  schema: proportionalTargetSchema,
  apply(t, { name, metric }) {
    const v = metric(t.metric);
    const ceiling = new D(1).plus(t.maxBonus);
    const achieved = D.max(v, 0).dividedBy(t.target);
    const f = D.min(achieved, ceiling);
    const said = v.lessThan(t.target)
      ? `${name}: ${t.metric} ${text(v)} is below the target ${text(t.target)}: paid ${text(v)} ÷ ${text(t.target)} of the amount.`
      : v.equals(t.target)
        ? `${name}: ${t.metric} ${text(v)} meets the target ${text(t.target)}: paid in full.`
        : achieved.greaterThan(ceiling)
          ? `${name}: ${t.metric} ${text(v)} exceeds the target ${text(t.target)}: the bonus stops at the maximum of ${pct(t.maxBonus)}, paid ${text(ceiling)} of the amount.`
          : `${name}: ${t.metric} ${text(v)} exceeds the target ${text(t.target)}: paid ${text(v)} ÷ ${text(t.target)} of the amount (a bonus, at most ${pct(t.maxBonus)}).`;
    return { factor: f, step: step("budget.capitation.proportional", said, { metric: t.metric, value: v, target: t.target, maxBonus: t.maxBonus }) };
  },
};
