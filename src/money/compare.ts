import { assertSameCurrency } from "./arithmetic.js";
import { compareScaled, requireMoney, sameScaleUnits, scaledUnits, scaleOf, type Money } from "./money.js";

/** −1, 0 or 1 for two amounts of one currency (already checked): bigint when both are scaled. */
export function compareAmounts(a: Money, b: Money): -1 | 0 | 1 {
  const x = scaledUnits(a);
  const y = scaledUnits(b);
  if (x !== undefined && y !== undefined) return compareScaled(x, scaleOf(a), y, scaleOf(b));
  return a.amount.comparedTo(b.amount) as -1 | 0 | 1;
}

/** The sign of an amount: −1, 0 or 1. */
function sign(a: Money): -1 | 0 | 1 {
  const x = scaledUnits(a);
  if (x !== undefined) return x < 0n ? -1 : x > 0n ? 1 : 0;
  return a.amount.isZero() ? 0 : a.amount.lessThan(0) ? -1 : 1;
}

/**
 * −1, 0 or 1 as a is less than, equal to or greater than b (same currency required).
 *
 * @category Operations
 * @param a - the first amount
 * @param b - the second amount, in the same currency
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {DomainError} CURRENCY_MISMATCH when the two amounts are in different currencies
 *
 * @example
 * ```ts
 * compare(money("1.00"), money("1")); // 0
 * ```
 */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  // Both scaled at one scale in one currency (every rounded amount): one bigint comparison.
  const same = sameScaleUnits(a, b);
  if (same !== undefined) return same;
  assertSameCurrency(a, b);
  return compareAmounts(a, b);
}

/**
 * a = b in value and currency (1.0 equals 1.00).
 *
 * @category Operations
 * @param a - the first amount
 * @param b - the second amount
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 *
 * @example
 * ```ts
 * equals(money("1.0"), money("1.00")); // true
 * ```
 */
export function equals(a: Money, b: Money): boolean {
  requireMoney(a, ["a"]);
  requireMoney(b, ["b"]);
  return a.currency === b.currency && compareAmounts(a, b) === 0;
}

/**
 * a < b.
 *
 * @category Operations
 * @param a - the first amount
 * @param b - the second amount, in the same currency
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {DomainError} CURRENCY_MISMATCH when the two amounts are in different currencies
 *
 * @example
 * ```ts
 * lessThan(money("1"), money("2")); // true
 * ```
 */
export function lessThan(a: Money, b: Money): boolean {
  return compare(a, b) < 0;
}

/**
 * a ≤ b.
 *
 * @category Operations
 * @param a - the first amount
 * @param b - the second amount, in the same currency
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {DomainError} CURRENCY_MISMATCH when the two amounts are in different currencies
 *
 * @example
 * ```ts
 * lessThanOrEqual(money("2"), money("2")); // true
 * ```
 */
export function lessThanOrEqual(a: Money, b: Money): boolean {
  return compare(a, b) <= 0;
}

/**
 * a > b.
 *
 * @category Operations
 * @param a - the first amount
 * @param b - the second amount, in the same currency
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {DomainError} CURRENCY_MISMATCH when the two amounts are in different currencies
 *
 * @example
 * ```ts
 * greaterThan(money("2"), money("1")); // true
 * ```
 */
export function greaterThan(a: Money, b: Money): boolean {
  return compare(a, b) > 0;
}

/**
 * a ≥ b.
 *
 * @category Operations
 * @param a - the first amount
 * @param b - the second amount, in the same currency
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {DomainError} CURRENCY_MISMATCH when the two amounts are in different currencies
 *
 * @example
 * ```ts
 * greaterThanOrEqual(money("1"), money("2")); // false
 * ```
 */
export function greaterThanOrEqual(a: Money, b: Money): boolean {
  return compare(a, b) >= 0;
}

/**
 * The amount is exactly zero.
 *
 * @category Operations
 * @param a - the amount
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 *
 * @example
 * ```ts
 * isZero(money("0.00")); // true
 * ```
 */
export function isZero(a: Money): boolean {
  requireMoney(a, ["a"]);
  return sign(a) === 0;
}

/**
 * The amount is above zero.
 *
 * @category Operations
 * @param a - the amount
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 *
 * @example
 * ```ts
 * isPositive(money("0.01")); // true
 * ```
 */
export function isPositive(a: Money): boolean {
  requireMoney(a, ["a"]);
  return sign(a) > 0;
}

/**
 * The amount is below zero.
 *
 * @category Operations
 * @param a - the amount
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 *
 * @example
 * ```ts
 * isNegative(money("-0.01")); // true
 * ```
 */
export function isNegative(a: Money): boolean {
  requireMoney(a, ["a"]);
  return sign(a) < 0;
}
