// `delist` (调出目录): no cover from the decision date, and no further reviews.
import * as z from "zod";
import { careDateSchema } from "../common.js";
import type { ListingDecisionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Remove the technology from the catalogue: no cover for service dates from the decision date.
 *
 * @category Listing Lifecycle
 */
export const delistDecisionSchema = lazySchema(() => z.strictObject({
  /** `"delist"`: the technology leaves the list (调出目录). */
  kind: z.literal("delist"),
  /** The decision day; no fund share for service dates from it. */
  decidedOn: careDateSchema,
  /** Free text for the record. */
  note: z.string().optional(),
}));

/** The `delist` kind. */
export const delistDecision: ListingDecisionKind<z.output<typeof delistDecisionSchema>> = {
  kind: "delist",
  rule: "care.listing.delist",
  allowedIn: ["provisional", "formal", "renegotiating"],
  apply(state, d) {
    return { state: { ...state, status: "delisted" }, text: `Delisted on ${d.decidedOn}: no cover for service dates from that day, no further reviews.` };
  },
};
