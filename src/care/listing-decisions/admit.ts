// `admit` (正式纳入): a provisional listing becomes formal on the decision date.
import * as z from "zod";
import { careDateSchema } from "../common.js";
import type { ListingDecisionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Admit a provisionally listed technology to the formal catalogue: F = the decision date.
 *
 * @category Listing Lifecycle
 */
export const admitDecisionSchema = lazySchema(() => z.strictObject({
  /** `"admit"`: a provisional listing becomes formal (正式纳入). */
  kind: z.literal("admit"),
  /** The decision day; formal listing starts on it. */
  decidedOn: careDateSchema,
  /** Free text for the record. */
  note: z.string().optional(),
}));

/** The `admit` kind. */
export const admitDecision: ListingDecisionKind<z.output<typeof admitDecisionSchema>> = {
  kind: "admit",
  rule: "care.listing.admit",
  allowedIn: ["provisional"],
  apply(state, d) {
    return {
      state: { ...state, status: "formal", formalFrom: d.decidedOn },
      text: `Admitted to the formal catalogue on ${d.decidedOn}; formal reviews now count from that day.`,
    };
  },
};
