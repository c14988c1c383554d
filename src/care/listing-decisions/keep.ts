// `keep`: a formal review that changes nothing.
import * as z from "zod";
import { careDateSchema } from "../common.js";
import type { ListingDecisionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A formal review that keeps the listing as it is.
 *
 * @category Listing Lifecycle
 */
export const keepDecisionSchema = lazySchema(() => z.strictObject({
  /** `"keep"`: a formal review keeps the listing as it is. */
  kind: z.literal("keep"),
  /** The decision day. */
  decidedOn: careDateSchema,
  /** Free text for the record. */
  note: z.string().optional(),
}));

/** The `keep` kind. */
export const keepDecision: ListingDecisionKind<z.output<typeof keepDecisionSchema>> = {
  kind: "keep",
  rule: "care.listing.keep",
  allowedIn: ["formal", "renegotiating"],
  apply(state, d) {
    return { state, text: `Review decided on ${d.decidedOn}: listing kept, terms unchanged.` };
  },
};
