// Integer arithmetic in minor units (fen, cents): the hot paths of contracts, tiers and
// cohort settlement sum, compare and take rate shares in bigint, where it is exact and
// cheap, and use Decimal only to parse documents and to hand Money back.
import { invalid } from "../core/errors.js";
import { D, Decimal, type Dec, describeType, quote } from "./decimal.js";
import type { Rounding } from "./rounding.js";

/** A rate held as an exact fraction `num / den` (den a power of ten, or a unit count). */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/**
 * A decimal as an exact fraction with a power-of-ten denominator.
 *
 * @example
 * ```ts
 * fractionOf(new D("0.75")); // { num: 75n, den: 100n }
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
 * @example
 * ```ts
 * divideRounded(743_750n * 75n, 100n, "half-up"); // 557813n (557,812.5 rounded up)
 * divideRounded(-5n, 2n, "floor");                 // -3n
 * ```
 */
export function divideRounded(n: bigint, d: bigint, mode: Rounding): bigint {
  if (typeof n !== "bigint") throw invalid(["n"], `expected a bigint, got ${describeType(n)}`, "invalid_type");
  if (typeof d !== "bigint" || d <= 0n) throw invalid(["d"], "the divisor must be a positive bigint", "too_small");
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  const r = a % d;
  if (r !== 0n) {
    const twice = 2n * r;
    let up: boolean;
    switch (mode) {
      case "half-up":
        up = twice >= d;
        break;
      case "half-even":
        up = twice > d || (twice === d && q % 2n === 1n);
        break;
      case "down":
        up = false;
        break;
      case "up":
        up = true;
        break;
      case "floor":
        up = negative;
        break;
      case "ceil":
        up = !negative;
        break;
      default:
        throw invalid(["rounding"], `unknown rounding mode ${quote(mode)}`, "invalid_enum_value");
    }
    if (up) q += 1n;
  }
  return negative ? -q : q;
}

/**
 * A count of minor units as decimal text at the currency's scale.
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
