// The interface every capitation target kind implements (one kind per file in this folder).
import type { Step } from "../../../core/index.js";
import type { Dec } from "../../../money/index.js";

/** What a target may read while it is applied. */
export interface TargetContext {
  /** The target's name in the explanation ("target N" when the document gives none). */
  readonly name: string;
  /** The programme's base amount (what a rate adjustment is a share of). */
  readonly base: Dec;
  readonly currency: string;
  /** A measured metric's value; a typed error (`missing_metric`, path `metrics.<name>`) when it was not measured. */
  metric(name: string): Dec;
}

/**
 * What a target did: a fixed `adjustment` added to the base, or a `factor` that scales the
 * adjusted base; and the explanation step that says so.
 */
export type TargetOutcome = { readonly adjustment: Dec; readonly step: Step } | { readonly factor: Dec; readonly step: Step };

/** A capitation target kind: its schema (one member of the target union) and how it applies. Internal. */
export interface CapitationTargetKind<S, T extends { readonly kind: string }> {
  /** The tag (`kind`) this record declares. */
  readonly type: T["kind"];
  /** The target's schema, a strict object tagged by `kind`. */
  readonly schema: S;
  apply(target: T, ctx: TargetContext): TargetOutcome;
}
