// Integer arithmetic in minor units (fen, cents): the hot paths of contracts, tiers and
// cohort settlement sum, compare and take rate shares in bigint, where it is exact and
// cheap, and use Decimal only to parse documents and to hand Money back.
//
// This is the one minor-units module (issue 13): contracts, tiers, cohort, care and budget
// take their integer helpers from here. One error policy: an amount finer than the
// currency's minor unit is never rounded silently, it is a ValidationError
// `sub_minor_unit` at the field's path.
import { invalid, type IssuePath } from "../kernel/errors.js";
import { getCurrency } from "./currency.js";
import { D, Decimal, type Dec, describeType, quote } from "./decimal.js";
import { roundingRule, roundQuotient, type Rounding } from "./rounding-modes.js";

/**
 * A rate held as an exact fraction `num / den` (den a power of ten, or a unit count).
 *
 * @category Allocation
 */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * A decimal as an exact fraction with a power-of-ten denominator.
 *
 * @category Allocation
 * @param rate - an exact decimal rate
 * @throws {ValidationError} `invalid_type` when the rate is not a finite Decimal (path `rate`)
 *
 * @example
 * ```ts
 * fractionOf(money("0.75").amount); // { num: 75n, den: 100n }
 * ```
 */
export function fractionOf(rate: Dec): Fraction {
  if (!Decimal.isDecimal(rate) || !rate.isFinite()) throw invalid(["rate"], `expected a finite Decimal, got ${describeType(rate)}`, "invalid_type");
  const places = rate.decimalPlaces();
  return { num: BigInt(rate.times(new D(10).pow(places)).toFixed(0)), den: 10n ** BigInt(places) };
}

/**
 * `n ÷ d` rounded to a whole number with a named mode (d > 0); the sign of `n` is
 * respected, so `floor` and `ceil` round toward −∞ and +∞ and `half-up` ties away from zero.
 *
 * @category Rounding Modes
 * @param n - the bigint numerator
 * @param d - the bigint denominator, > 0
 * @param mode - the rounding mode
 * @throws {ValidationError} `invalid_type` when `n` is not a bigint (path `n`), `too_small` when `d` is not a positive bigint (path `d`), `invalid_enum_value` for an unknown mode (path `rounding`)
 *
 * @example
 * ```ts
 * divideRounded(743_750n * 75n, 100n, "half-up"); // 557813n (557,812.5 rounded up)
 * divideRounded(-5n, 2n, "floor");                 // -3n
 * ```
 */
export function divideRounded(n: bigint, d: bigint, mode: Rounding): bigint {
  if (typeof n !== "bigint") throw invalid(["n"], `expected a bigint, got ${describeType(n)}`, "invalid_type");
  if (typeof d !== "bigint" || d <= 0n) throw invalid(["d"], "the divisor must be a positive bigint", "too_small");
  if (roundingRule(mode) === undefined) throw invalid(["rounding"], `unknown rounding mode ${quote(mode)}`, "invalid_enum_value");
  return roundQuotient(n, d, mode);
}

/**
 * A count of minor units as decimal text at the currency's scale.
 *
 * @category Money Values
 * @param units - an integer count of minor units
 * @param scale - the number of minor digits, 0 to 8
 * @throws {ValidationError} `invalid_type` when `units` is not a bigint (path `units`), `invalid_scale` when `scale` is not a whole number from 0 to 8 (path `scale`)
 *
 * @example
 * ```ts
 * unitsText(48_000_000n, 2); // "480000.00"
 * unitsText(-5n, 2);         // "-0.05"
 * ```
 */
export function unitsText(units: bigint, scale: number): string {
  if (typeof units !== "bigint") throw invalid(["units"], `expected a bigint, got ${describeType(units)}`, "invalid_type");
  if (!Number.isInteger(scale) || scale < 0 || scale > 8) throw invalid(["scale"], "the scale is a whole number of digits from 0 to 8", "invalid_scale");
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, "0");
  const text = `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/**
 * `units × rate`, rounded once with `mode`: the rate as a {@link Fraction}, or as a
 * numerator and a denominator.
 *
 * @example
 * ```ts
 * roundedProduct(743_750n, { num: 75n, den: 100n }, "half-up"); // 557813n
 * roundedProduct(743_750n, 75n, 100n, "half-up");              // 557813n
 * ```
 */
export function roundedProduct(units: bigint, rate: Fraction, mode: Rounding): bigint;
export function roundedProduct(units: bigint, num: bigint, den: bigint, mode: Rounding): bigint;
export function roundedProduct(units: bigint, a: Fraction | bigint, b: bigint | Rounding, c?: Rounding): bigint {
  if (typeof a === "bigint") return divideRounded(units * a, b as bigint, c as Rounding);
  return divideRounded(units * a.num, a.den, b as Rounding);
}

/**
 * The smaller of two counts of minor units.
 *
 * @example
 * ```ts
 * minUnits(5n, 3n); // 3n
 * ```
 */
export function minUnits(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/**
 * The larger of two counts of minor units.
 *
 * @example
 * ```ts
 * maxUnits(5n, 3n); // 5n
 * ```
 */
export function maxUnits(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

const POWERS = [1, 10, 100, 1000, 10000].map((n) => new D(n));

/**
 * Minor units of an amount already at the currency's `scale`. An amount with more
 * decimals is never rounded: it is a `ValidationError` with code `sub_minor_unit` at
 * `path`; `what` names the amount in the message.
 *
 * @example
 * ```ts
 * toUnits(new D("12.34"), 2);                                // 1234n
 * toUnits(new D("0.001"), 2, ["bill"], "the bill");          // throws: bill: the bill 0.001 has more decimals than the currency's 2
 * ```
 */
export function toUnits(amount: Dec, scale: number, path: IssuePath = ["amount"], what = "the amount"): bigint {
  if (!Decimal.isDecimal(amount) || !amount.isFinite()) throw invalid(path, `expected a finite Decimal, got ${describeType(amount)}`, "invalid_type");
  const scaled = scale === 0 ? amount : amount.times(POWERS[scale] ?? new D(10).pow(scale));
  if (!scaled.isInteger()) throw invalid(path, `${what} ${amount.toString()} has more decimals than the currency's ${scale}`, "sub_minor_unit");
  return BigInt(scaled.toFixed(0));
}

const AMOUNT_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * Minor units of a plain decimal text at `scale`, or null when the text is not a plain
 * decimal or has more decimals than the scale (never truncated). No Decimal involved:
 * the cohort reads its running totals back with it.
 *
 * @example
 * ```ts
 * unitsOfText("1200.5", 2); // 120050n
 * unitsOfText("0.001", 2);  // null
 * ```
 */
export function unitsOfText(text: string, scale: number): bigint | null {
  if (typeof text !== "string" || !AMOUNT_TEXT.test(text)) return null;
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const whole = dot === -1 ? body : body.slice(0, dot);
  const fraction = dot === -1 ? "" : body.slice(dot + 1);
  if (fraction.length > scale) return null;
  const magnitude = BigInt(whole + fraction.padEnd(scale, "0"));
  return negative ? -magnitude : magnitude;
}

/**
 * The number of minor digits of a currency (an unknown code is a ValidationError at `path`).
 *
 * @example
 * ```ts
 * scaleOf("JPY"); // 0
 * ```
 */
export function scaleOf(currency: string, path: IssuePath = ["currency"]): number {
  return getCurrency(currency, path).minorUnit;
}

