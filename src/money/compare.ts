import { assertSameCurrency } from "./arithmetic.js";
import type { Money } from "./money.js";

/**
 * −1, 0 or 1 as a is less than, equal to or greater than b (same currency required).
 *
 * @example
 * ```ts
 * compare(money("1.00"), money("1")); // 0
 * ```
 */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amount.comparedTo(b.amount) as -1 | 0 | 1;
}

/** a = b in value and currency (1.0 equals 1.00). */
export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amount.equals(b.amount);
}

/** a < b. */
export function lessThan(a: Money, b: Money): boolean {
  return compare(a, b) < 0;
}

/** a ≤ b. */
export function lessThanOrEqual(a: Money, b: Money): boolean {
  return compare(a, b) <= 0;
}

/** a > b. */
export function greaterThan(a: Money, b: Money): boolean {
  return compare(a, b) > 0;
}

/** a ≥ b. */
export function greaterThanOrEqual(a: Money, b: Money): boolean {
  return compare(a, b) >= 0;
}

/** The amount is exactly zero. */
export function isZero(a: Money): boolean {
  return a.amount.isZero();
}

/** The amount is above zero. */
export function isPositive(a: Money): boolean {
  return a.amount.greaterThan(0);
}

/** The amount is below zero. */
export function isNegative(a: Money): boolean {
  return a.amount.lessThan(0);
}
