// The forms of a capitation adjustment (`rate` of the base, or a fixed `amount`): one
// record each, holding the form's arithmetic and wording, beside the form's field in the
// schema. The schema's check and message, the payment and the explanation all read
// ADJUSTMENT_FORMS; a form without its field, or a field without its form, does not
// type-check (the shape `satisfies` the forms' keys).
import * as z from "zod";
import { amountSchema, decimal } from "../../core/index.js";
import type { Dec } from "../../money/index.js";
import { pct, text } from "../common.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** Everything about one form of adjustment. Internal. */
export interface AdjustmentForm {
  /** The signed change to the base the adjustment makes. */
  change(value: Dec, base: Dec): Dec;
  /** A non-zero value in words, without its sign ("10%", "500"). */
  words(value: Dec): string;
}

/** Every adjustment form, keyed by its field, in the order the schema and its message list them. */
export const ADJUSTMENT_FORMS = {
  rate: { change: (r, base) => base.times(r), words: (r) => pct(r) },
  amount: { change: (a) => a, words: (a) => text(a) },
} as const satisfies Record<string, AdjustmentForm>;

/** An adjustment form's field name. */
export type AdjustmentField = keyof typeof ADJUSTMENT_FORMS;

const FIELDS = Object.keys(ADJUSTMENT_FORMS) as AdjustmentField[];

/**
 * A capitation adjustment: either a signed `rate` of the base (0.1 = +10%, −0.05 = −5%)
 * or a signed fixed `amount` ("500", "-300").
 *
 * @category Capitation
 */
export const capitationAdjustmentSchema = lazySchema(() => z
  .strictObject({
    /** A signed share of the base, ≥ −1 (0.1 = +10 %, −0.05 = −5 %). */
    rate: decimal({ min: "-1" }).optional(),
    /** A signed fixed amount ("500", "-300") in the programme's currency. */
    amount: amountSchema.optional(),
  } satisfies Record<AdjustmentField, z.ZodType>)
  .refine((a) => FIELDS.filter((f) => a[f] !== undefined).length === 1, { message: `give exactly one of ${FIELDS.join(" or ")}` }));

/** A parsed adjustment: exactly one form's field is set. */
export type ParsedAdjustment = z.output<typeof capitationAdjustmentSchema>;

/** The form a parsed adjustment takes, and its value. */
function formOf(adj: ParsedAdjustment): { form: AdjustmentForm; value: Dec } {
  for (const f of FIELDS) {
    const value = adj[f];
    if (value !== undefined) return { form: ADJUSTMENT_FORMS[f], value };
  }
  // The schema's refinement guarantees one field; reaching here is a bug, not bad input.
  throw new Error("capitation adjustment without a form");
}

/** The signed change an adjustment makes to `base`. */
export function adjustmentAmount(adj: ParsedAdjustment, base: Dec): Dec {
  const { form, value } = formOf(adj);
  return form.change(value, base);
}

/** An adjustment in words: "no change", "+10%", "-300". */
export function describeAdjustment(adj: ParsedAdjustment): string {
  const { form, value } = formOf(adj);
  return value.isZero() ? "no change" : `${value.isNegative() ? "" : "+"}${form.words(value)}`;
}
