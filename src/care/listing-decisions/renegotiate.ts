// `renegotiate` (重新谈判): the contracts chapter's K9 trigger lands here. Terms stay as
// they are until a negotiated price is recorded with its effective date (≥ the decision);
// the library never computes that price.
import * as z from "zod";
import { careDateSchema } from "../common.js";
import { nonNegativeAmountSchema } from "../../core/index.js";
import type { ListingDecisionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A review that opens a price renegotiation; `newPrice`, once agreed, ends it.
 *
 * @category Listing Lifecycle
 */
export const renegotiateDecisionSchema = lazySchema(() => z.strictObject({
  /** `"renegotiate"`: the price is renegotiated (重新谈判). */
  kind: z.literal("renegotiate"),
  /** The decision day; the listing is renegotiating until a new price applies. */
  decidedOn: careDateSchema,
  /** The negotiated price and the service date it applies from; absent while still negotiating. */
  newPrice: z
    .strictObject({
      /** The negotiated price, ≥ 0, in the listing's currency. */
      price: nonNegativeAmountSchema,
      /** The first service date the price applies to; on or after the decision. */
      effectiveFrom: careDateSchema,
    })
    .optional(),
  /** Free text for the record. */
  note: z.string().optional(),
}));

/** The `renegotiate` kind. */
export const renegotiateDecision: ListingDecisionKind<z.output<typeof renegotiateDecisionSchema>> = {
  kind: "renegotiate",
  rule: "care.listing.renegotiate",
  allowedIn: ["formal", "renegotiating"],
  apply(state, d) {
    const base = {
      state: { ...state, status: "renegotiating" as const },
      text: `Review decided on ${d.decidedOn}: price renegotiation opened; price ${state.price.toFixed()} and ratio ${state.ratio.toFixed()} stay until a new price takes effect.`,
    };
    return d.newPrice === undefined ? base : { ...base, pendingPrice: { price: d.newPrice.price, effectiveFrom: d.newPrice.effectiveFrom } };
  },
};
