// The interface every listing-decision kind implements (one kind per file).
import type { Dec } from "../../money/index.js";

/**
 * Where a listing stands: 临时支付目录 / 正式纳入 / 重新谈判 / 调出目录.
 *
 * @category Listing Lifecycle
 */
export type ListingStatus = "provisional" | "formal" | "renegotiating" | "delisted";

/**
 * The terms in effect from a date on.
 *
 * @category Listing Lifecycle
 */
export interface ListingState {
  readonly status: ListingStatus;
  /** The day formal listing took effect; `null` while provisional. */
  readonly formalFrom: string | null;
  readonly price: Dec;
  readonly ratio: Dec;
}

/**
 * What a decision does: the new terms, a sentence, and (renegotiate) a price to record later.
 *
 * @category Listing Lifecycle
 */
export interface DecisionEffect {
  readonly state: ListingState;
  readonly text: string;
  readonly pendingPrice?: { readonly price: Dec; readonly effectiveFrom: string };
}

/**
 * A listing-decision kind: which statuses it may be taken in, and what it does.
 *
 * @category Listing Lifecycle
 */
export interface ListingDecisionKind<D extends { kind: string; decidedOn: string }> {
  readonly kind: D["kind"];
  /** The rule id of the decision's explanation step (kebab case: `care.listing.adjust-rate`). */
  readonly rule: string;
  /** The statuses in which this decision may close a review. */
  readonly allowedIn: readonly ListingStatus[];
  apply(state: ListingState, decision: D): DecisionEffect;
}
