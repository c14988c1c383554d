// What a secondary payment method is: a formula on the claim's figures in minor units
// (the allowable expense, what the plans before paid, the plan's normal benefit), plus
// the sentence that explains it. The result is always clamped to [0, what is unpaid].
import type * as z from "zod";
import type { Rounding } from "../../../money/index.js";

/**
 * The figures a secondary method reads, in minor units.
 *
 * @category Coordination of Benefits
 */
export interface SecondaryFacts {
  /** The allowable expense of the claim. */
  readonly allowable: bigint;
  /** What the plans ahead of this one paid. */
  readonly paidBefore: bigint;
  /** What this plan would pay were it the only plan (its normal benefit). */
  readonly normal: bigint;
  /** What this plan's own deductible would absorb of the claim were it the only plan. */
  readonly deductibleAlone: bigint;
  readonly rounding: Rounding;
  /** Minor digits of the currency (to read the method's own amounts). */
  readonly scale: number;
  /** Formats minor units for sentences. */
  readonly fmt: (u: bigint) => string;
}

/**
 * A method's payment before the clamp, with its sentence and the figures it used.
 *
 * @category Coordination of Benefits
 */
export interface MethodOutcome {
  readonly pay: bigint;
  readonly text: string;
  readonly inputs: Readonly<Record<string, string>>;
}

/**
 * One secondary payment method: its document schema and its formula.
 *
 * @category Coordination of Benefits
 */
export interface SecondaryMethod<S extends z.ZodType = z.ZodType> {
  readonly kind: string;
  readonly schema: S;
  pay(params: z.output<S>, facts: SecondaryFacts): MethodOutcome;
}

/** The smaller of two bigints. */
export const minU = (a: bigint, b: bigint): bigint => (a < b ? a : b);
/** The larger of two bigints. */
export const maxU = (a: bigint, b: bigint): bigint => (a > b ? a : b);
