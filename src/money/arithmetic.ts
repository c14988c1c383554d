import { DomainError, invalid } from "../kernel/errors.js";
import { D, type Dec, type DecimalInput, toDecimalOrReason } from "./decimal.js";
import { fromDecimal, isMoney, requireMoney, type Money } from "./money.js";
import { DEFAULT_ROUNDING, round, type Rounding } from "./rounding.js";

/**
 * Throws `CURRENCY_MISMATCH` unless both amounts share a currency.
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
 * @example
 * ```ts
 * add(money("1.10"), money("2.20")); // CNY 3.30
 * ```
 */
export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return fromDecimal(a.amount.plus(b.amount), a.currency);
}

/**
 * a − b, exactly.
 *
 * @example
 * ```ts
 * subtract(money("10.00"), money("2.50")); // CNY 7.50
 * ```
 */
export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return fromDecimal(a.amount.minus(b.amount), a.currency);
}

/**
 * −a.
 *
 * @example
 * ```ts
 * negate(money("93250.00", "USD")); // USD -93250.00
 * ```
 */
export function negate(a: Money): Money {
  requireMoney(a, ["a"]);
  return fromDecimal(a.amount.isZero() ? new D(0) : a.amount.negated(), a.currency);
}

/**
 * |a|.
 *
 * @example
 * ```ts
 * abs(money("-5.00")); // CNY 5.00
 * ```
 */
export function abs(a: Money): Money {
  requireMoney(a, ["a"]);
  return fromDecimal(a.amount.abs(), a.currency);
}

/**
 * a × factor, exact and unrounded (follow with {@link round} at the end of the money step).
 *
 * @example
 * ```ts
 * round(multiply(money("99250.00"), "0.75")); // CNY 74437.50
 * ```
 */
export function multiply(a: Money, factor: DecimalInput): Money {
  requireMoney(a, ["a"]);
  return fromDecimal(a.amount.times(toFactor(factor)), a.currency);
}

/**
 * a ÷ divisor, to 64 significant digits and unrounded (round at the end of the step).
 * Dividing by zero is a `UNDEFINED_RESULT` error.
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
 * @example
 * ```ts
 * percentage(money("99250.00"), "0.75"); // CNY 74437.50
 * ```
 */
export function percentage(a: Money, rate: DecimalInput, rounding: Rounding = DEFAULT_ROUNDING): Money {
  requireMoney(a, ["a"]);
  const r = toFactor(rate, "rate");
  if (r.isNegative() || r.greaterThan(1)) throw invalid(["rate"], `a rate is a decimal in [0, 1], got ${r.toString()}`, "out_of_range");
  return round(fromDecimal(a.amount.times(r), a.currency), rounding);
}

/**
 * a ÷ b as a plain Decimal (same currency); `UNDEFINED_RESULT` when b is zero.
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
