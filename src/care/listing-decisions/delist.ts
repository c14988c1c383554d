// `delist` (调出目录): no cover from the decision date, and no further reviews.
import * as z from "zod";
import { careDateSchema } from "../common.js";
import type { ListingDecisionKind } from "./kind.js";

/**
 * Remove the technology from the catalogue: no cover for service dates from the decision date.
 *
 * @category Listing Lifecycle
 */
export const delistDecisionSchema = z.strictObject({
  kind: z.literal("delist"),
  decidedOn: careDateSchema,
  note: z.string().optional(),
});

/** The `delist` kind. */
export const delistDecision: ListingDecisionKind<z.output<typeof delistDecisionSchema>> = {
  kind: "delist",
  rule: "care.listing.delist",
  allowedIn: ["provisional", "formal", "renegotiating"],
  apply(state, d) {
    return { state: { ...state, status: "delisted" }, text: `Delisted on ${d.decidedOn}: no cover for service dates from that day, no further reviews.` };
  },
};
