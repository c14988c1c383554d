// What an order-of-benefit rule is: a pairwise comparison of two plans covering the
// same person that either decides which pays first, or passes to the next rule.
import type { IssuePath } from "../../../core/index.js";
import type { CoveredPerson, PlanCoverage } from "../coverage.js";

/**
 * One plan as a rule sees it: its coverage facts and where it sits in the input (for error paths).
 *
 * @category Coordination of Benefits
 */
export interface RankedPlan {
  readonly coverage: PlanCoverage;
  /** Path of the plan in the input, e.g. `["plans", 1]`. */
  readonly path: IssuePath;
}

/**
 * A rule's decision on a pair: which plan pays first (or that they share equally), and why.
 *
 * @category Coordination of Benefits
 */
export interface OrderVerdict {
  /** `a` or `b` pays first; `tie`: the allowable expense is shared equally. */
  readonly first: "a" | "b" | "tie";
  /** One sentence naming the facts that decided. */
  readonly reason: string;
}

/**
 * An order-of-benefit determination rule. `compare` must be symmetric: swapping `a` and
 * `b` swaps the verdict, so the order never depends on how the plans are listed.
 * @category Coordination of Benefits
 */
export interface OrderRule {
  /** Stable id, used in the explanation as `tiers.coordination.order.<id>`. */
  readonly id: string;
  /** Short title, e.g. "birthday rule". */
  readonly title: string;
  /** The verdict, or null when the rule does not apply to this pair or cannot decide it. */
  compare(a: RankedPlan, b: RankedPlan, person: CoveredPerson): OrderVerdict | null;
}

/** The verdict for `a` first when `aFirst`, else `b` first. */
export function firstOf(aFirst: boolean, reason: string): OrderVerdict {
  return { first: aFirst ? "a" : "b", reason };
}
