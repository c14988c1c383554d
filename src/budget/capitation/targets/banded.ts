// Target kind `banded`: a banded table over one metric whose values are adjustments (P2, P3).
import * as z from "zod";
import { bandedTableSchema, describeBand, lookupBand, step } from "../../../core/index.js";
import { cash, text } from "../../common.js";
import { lazySchema } from "../../../kernel/lazy-schema.js";
import { adjustmentAmount, capitationAdjustmentSchema, describeAdjustment } from "../adjustments.js";
import type { CapitationTargetKind } from "./kind.js";

/** The schema of a `banded` target. */
export const bandedTargetSchema = lazySchema(() => z.strictObject({
  /** A banded table over one metric whose values are adjustments (P2, P3). */
  kind: z.literal("banded"),
  /** The target's name in the explanation; "target N" when absent. */
  name: z.string().optional(),
  /** The measured metric the table reads (a key of `metrics`). */
  metric: z.string().min(1),
  /** Bands over the metric's value whose values are adjustments. */
  table: bandedTableSchema(capitationAdjustmentSchema),
}));

/** The `banded` kind: the band the metric falls in gives a fixed adjustment. */
export const bandedTarget: CapitationTargetKind<typeof bandedTargetSchema, z.output<typeof bandedTargetSchema>> = {
  type: "banded",
  schema: bandedTargetSchema,
  apply(t, { name, base, currency, metric }) {
    const v = metric(t.metric);
    const band = lookupBand(t.table, v, ["metrics", t.metric]);
    const amt = adjustmentAmount(band.value, base);
    return {
      adjustment: amt,
      step: step(
        "budget.capitation.banded",
        `${name}: ${t.metric} = ${text(v)} falls in ${describeBand(t.table, band)}${band.label ? ` (${band.label})` : ""}: ${describeAdjustment(band.value)}.`,
        { metric: t.metric, value: v },
        cash(amt, currency),
      ),
    };
  },
};
