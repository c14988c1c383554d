// `adjustRate` (提高/降低报销比例): a stated new ratio from the decision date, never a relative change.
import * as z from "zod";
import { careDateSchema } from "../common.js";
import { rateSchema } from "../../core/index.js";
import type { ListingDecisionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A formal review that sets a new reimbursement ratio in [0, 1] (up or down) from its date.
 *
 * @category Listing Lifecycle
 */
export const adjustRateDecisionSchema = lazySchema(() => z.strictObject({
  /** `"adjustRate"`: a new reimbursement ratio (调整报销比例). */
  kind: z.literal("adjustRate"),
  /** The decision day; the new ratio applies to service dates from it. */
  decidedOn: careDateSchema,
  /** The new ratio itself (0.8), never a change (+0.1). */
  ratio: rateSchema,
  /** Free text for the record. */
  note: z.string().optional(),
}));

/** The `adjustRate` kind. */
export const adjustRateDecision: ListingDecisionKind<z.output<typeof adjustRateDecisionSchema>> = {
  kind: "adjustRate",
  rule: "care.listing.adjust-rate",
  allowedIn: ["formal", "renegotiating"],
  apply(state, d) {
    return {
      state: { ...state, ratio: d.ratio },
      text: `Review decided on ${d.decidedOn}: the reimbursement ratio becomes ${d.ratio.toFixed()} (was ${state.ratio.toFixed()}) for service dates from ${d.decidedOn}.`,
    };
  },
};
