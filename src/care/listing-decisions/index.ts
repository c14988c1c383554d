// The registry of listing-decision kinds: a new kind is one file plus one line in each list.
import * as z from "zod";
import { invalid } from "../../kernel/index.js";
import { adjustRateDecision, adjustRateDecisionSchema } from "./adjust-rate.js";
import { admitDecision, admitDecisionSchema } from "./admit.js";
import { delistDecision, delistDecisionSchema } from "./delist.js";
import type { ListingDecisionKind } from "./kind.js";
import { keepDecision, keepDecisionSchema } from "./keep.js";
import { renegotiateDecision, renegotiateDecisionSchema } from "./renegotiate.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

export type { ListingDecisionKind, ListingState, ListingStatus, DecisionEffect } from "./kind.js";
export { admitDecisionSchema, keepDecisionSchema, adjustRateDecisionSchema, renegotiateDecisionSchema, delistDecisionSchema };

/**
 * One decision on a listing, dated on its decision day; `kind` picks the rule.
 *
 * @category Listing Lifecycle
 */
export const listingDecisionSchema = lazySchema(() => z.discriminatedUnion("kind", [
  admitDecisionSchema,
  keepDecisionSchema,
  adjustRateDecisionSchema,
  renegotiateDecisionSchema,
  delistDecisionSchema,
]));

/**
 * A parsed listing decision.
 *
 * @category Listing Lifecycle
 */
export type ListingDecision = z.output<typeof listingDecisionSchema>;

const KINDS: readonly ListingDecisionKind<never>[] = [admitDecision, keepDecision, adjustRateDecision, renegotiateDecision, delistDecision] as never;

/** The kind behind a parsed decision (the schema has already restricted `kind` to these). */
export function decisionKind(kind: ListingDecision["kind"]): ListingDecisionKind<ListingDecision> {
  const found = KINDS.find((k) => k.kind === kind);
  if (found === undefined) throw invalid(["kind"], `unknown listing decision kind ${String(kind)}`, "invalid_enum_value");
  return found as unknown as ListingDecisionKind<ListingDecision>;
}
