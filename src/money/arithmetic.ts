import { DomainError, invalid } from "../kernel/errors.js";
import { D, type Dec, type DecimalInput, toDecimalOrReason } from "./decimal.js";
import { addSameCurrency, fromDecimal, isMoney, minorOf, multiplyScaled, POW10, requireMoney, scaledFactor, scaledUnits, scaleOf, tryScaled, type Money } from "./money.js";
import { DEFAULT_ROUNDING, decimalRounding, round, roundPow10HalfUp, roundQuotient, type Rounding } from "./rounding.js";
import { fromUnitsAt, LIMIT } from "./money.js";

// Each operation works on the scaled bigints when both sides are held that way and the
// result stays in range (every realistic amount), and otherwise does what it always did in
// decimal.js: the two paths give the same value, the first one at integer speed.

/** x·10^-sx ± y·10^-sy on scaled units, or undefined when out of the scaled range. */
function addScaled(a: Money, x: bigint, y: bigint, sx: number, sy: number): Money | undefined {
  if (sx === sy) return tryScaled(x + y, sx, a.currency, minorOf(a));
  if (sx < sy) return tryScaled(x * POW10[sy - sx]! + y, sy, a.currency, minorOf(a));
  return tryScaled(x + y * POW10[sx - sy]!, sx, a.currency, minorOf(a));
}

/**
 * Throws `CURRENCY_MISMATCH` unless both amounts share a currency.
 *
 * @category Operations
 * @param a - the first amount
 * @param b - the second amount
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {DomainError} CURRENCY_MISMATCH when the two amounts are in different currencies
 *
 * @example
 * ```ts
 * assertSameCurrency(money("1"), money("1", "USD")); // throws CURRENCY_MISMATCH
 * ```
 */
export function assertSameCurrency(a: Money, b: Money): void {
  // Checked inline first: this runs on every add, and the error paths allocate.
  if (!isMoney(a)) requireMoney(a, ["a"]);
  if (!isMoney(b)) requireMoney(b, ["b"]);
  if (a.currency !== b.currency) {
    throw new DomainError("CURRENCY_MISMATCH", `currency mismatch: ${a.currency} and ${b.currency} cannot be combined`, {
      details: { left: a.currency, right: b.currency },
    });
  }
}

/** A factor or rate as an exact Decimal; `name` labels the error. */
export function toFactor(value: DecimalInput, name = "factor"): Dec {
  const d = toDecimalOrReason(value);
  if (typeof d === "string") throw invalid([name], d, "invalid_decimal");
  return d;
}

/**
 * a + b, exactly. Different currencies are a `CURRENCY_MISMATCH` error.
 *
 * @category Operations
 * @param a - the first amount
 * @param b - the amount added, in the same currency
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {DomainError} CURRENCY_MISMATCH when the two amounts are in different currencies
 *
 * @example
 * ```ts
 * add(money("1.10"), money("2.20")); // CNY 3.30
 * ```
 */
export function add(a: Money, b: Money): Money {
  // Two scaled amounts of one currency (every realistic case): one function, no re-checks.
  const fast = addSameCurrency(a, b, false);
  if (fast !== undefined) return fast;
  assertSameCurrency(a, b);
  const x = scaledUnits(a);
  const y = scaledUnits(b);
  if (x !== undefined && y !== undefined) {
    const r = addScaled(a, x, y, scaleOf(a), scaleOf(b));
    if (r !== undefined) return r;
  }
  return fromDecimal(a.amount.plus(b.amount), a.currency);
}

/**
 * a − b, exactly.
 *
 * @category Operations
 * @param a - the amount subtracted from
 * @param b - the amount subtracted, in the same currency
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {DomainError} CURRENCY_MISMATCH when the two amounts are in different currencies
 *
 * @example
 * ```ts
 * subtract(money("10.00"), money("2.50")); // CNY 7.50
 * ```
 */
export function subtract(a: Money, b: Money): Money {
  const fast = addSameCurrency(a, b, true);
  if (fast !== undefined) return fast;
  assertSameCurrency(a, b);
  const x = scaledUnits(a);
  const y = scaledUnits(b);
  if (x !== undefined && y !== undefined) {
    const r = addScaled(a, x, -y, scaleOf(a), scaleOf(b));
    if (r !== undefined) return r;
  }
  return fromDecimal(a.amount.minus(b.amount), a.currency);
}

/**
 * −a.
 *
 * @category Operations
 * @param a - the amount
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 *
 * @example
 * ```ts
 * negate(money("93250.00", "USD")); // USD -93250.00
 * ```
 */
export function negate(a: Money): Money {
  requireMoney(a, ["a"]);
  const x = scaledUnits(a);
  if (x !== undefined) return tryScaled(-x, scaleOf(a), a.currency, minorOf(a))!;
  return fromDecimal(a.amount.isZero() ? new D(0) : a.amount.negated(), a.currency);
}

/**
 * |a|.
 *
 * @category Operations
 * @param a - the amount
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 *
 * @example
 * ```ts
 * abs(money("-5.00")); // CNY 5.00
 * ```
 */
export function abs(a: Money): Money {
  requireMoney(a, ["a"]);
  const x = scaledUnits(a);
  if (x !== undefined) return x >= 0n ? a : tryScaled(-x, scaleOf(a), a.currency, minorOf(a))!;
  return fromDecimal(a.amount.abs(), a.currency);
}

/**
 * a × factor, exact and unrounded (follow with {@link round} at the end of the money step).
 *
 * @category Operations
 * @param a - the amount
 * @param factor - an exact factor: a decimal string, a finite number or a Decimal
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {ValidationError} `invalid_decimal` when the factor is not a finite decimal (path `factor`)
 *
 * @example
 * ```ts
 * round(multiply(money("99250.00"), "0.75")); // CNY 74437.50
 * ```
 */
export function multiply(a: Money, factor: DecimalInput): Money {
  const fast = multiplyScaled(a, factor);
  if (fast !== undefined) return fast;
  requireMoney(a, ["a"]);
  const x = scaledUnits(a);
  if (x !== undefined) {
    const f = scaledFactor(factor);
    if (f !== undefined) {
      const r = tryScaled(x * f[0], scaleOf(a) + f[1], a.currency, minorOf(a));
      if (r !== undefined) return r;
    }
  }
  return fromDecimal(a.amount.times(toFactor(factor)), a.currency);
}

/**
 * a ÷ divisor, to 64 significant digits and unrounded (round at the end of the step).
 * Dividing by zero is a `UNDEFINED_RESULT` error.
 *
 * @category Operations
 * @param a - the amount
 * @param divisor - a non-zero decimal string, finite number or Decimal
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {ValidationError} `invalid_decimal` when the divisor is not a finite decimal (path `divisor`)
 * @throws {DomainError} UNDEFINED_RESULT when the divisor is zero
 *
 * @example
 * ```ts
 * round(divide(money("100.00"), 3)); // CNY 33.33
 * ```
 */
export function divide(a: Money, divisor: DecimalInput): Money {
  requireMoney(a, ["a"]);
  const d = toFactor(divisor, "divisor");
  if (d.isZero()) throw new DomainError("UNDEFINED_RESULT", `cannot divide ${a.toString()} by zero`);
  return fromDecimal(a.amount.dividedBy(d), a.currency);
}

/**
 * The rate's share of an amount, rounded to the minor unit (half-up unless told).
 * The rate is a decimal in [0, 1]: `0.75` is 75%.
 *
 * @category Operations
 * @param a - the amount
 * @param rate - the share, a decimal in [0, 1]
 * @param rounding - how to round to the minor unit (default half-up)
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {ValidationError} `out_of_range` when the rate is outside [0, 1], `invalid_decimal` when it is not a decimal (path `rate`), `invalid_enum_value` for an unknown rounding mode (path `rounding`)
 *
 * @example
 * ```ts
 * percentage(money("99250.00"), "0.75"); // CNY 74437.50
 * ```
 */
export function percentage(a: Money, rate: DecimalInput, rounding: Rounding = DEFAULT_ROUNDING): Money {
  requireMoney(a, ["a"]);
  const x = scaledUnits(a);
  if (x !== undefined) {
    const f = scaledFactor(rate);
    // In [0, 1] and the product in range: round the scaled product directly.
    if (f !== undefined && f[0] >= 0n && f[0] <= POW10[f[1]]!) {
      const minor = minorOf(a);
      const s = scaleOf(a) + f[1];
      const p = x * f[0];
      if (p >= LIMIT || p <= -LIMIT) return percentageInDecimal(a, rate, rounding);
      if (s <= minor) return tryScaled(p, s, a.currency, minor)!;
      if (rounding === "half-up") return fromUnitsAt(roundPow10HalfUp(p, s - minor), a.currency, minor);
      decimalRounding(rounding);
      return fromUnitsAt(roundQuotient(p, POW10[s - minor]!, rounding), a.currency, minor);
    }
  }
  return percentageInDecimal(a, rate, rounding);
}

function percentageInDecimal(a: Money, rate: DecimalInput, rounding: Rounding): Money {
  const r = toFactor(rate, "rate");
  if (r.isNegative() || r.greaterThan(1)) throw invalid(["rate"], `a rate is a decimal in [0, 1], got ${r.toString()}`, "out_of_range");
  return round(fromDecimal(a.amount.times(r), a.currency), rounding);
}

/**
 * a ÷ b as a plain Decimal (same currency); `UNDEFINED_RESULT` when b is zero.
 *
 * @category Operations
 * @param a - the numerator amount
 * @param b - the denominator amount, same currency, not zero
 * @throws {ValidationError} `invalid_type` when an argument is not Money made by this library (path `a` / `b` / `amount`)
 * @throws {DomainError} CURRENCY_MISMATCH when the two amounts are in different currencies
 * @throws {DomainError} UNDEFINED_RESULT when `b` is zero
 *
 * @example
 * ```ts
 * ratio(money("720000"), money("1200000")).toString(); // "0.6"
 * ```
 */
export function ratio(a: Money, b: Money): Dec {
  assertSameCurrency(a, b);
  if (b.amount.isZero()) throw new DomainError("UNDEFINED_RESULT", `cannot take a ratio to zero ${b.currency}`);
  return a.amount.dividedBy(b.amount);
}
