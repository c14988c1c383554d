// Integer arithmetic in minor units (fen, cents) for the waterfall's hot path.
// A bill is split layer by layer many times per patient; bigint sums, minimums and
// one rate multiplication per layer keep a 5-layer split cheap, and the decimal
// library is only used to parse documents and to present results.
import { D, type Dec, getCurrency, type Money, money, type Rounding } from "../money/index.js";
import { DomainError, type IssuePath } from "../core/index.js";

/** A rate as an exact fraction `num / den` with `den` a power of ten (or a unit count). */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** The fraction of an exact decimal in [0, 1]. */
export function fractionOf(rate: Dec): Fraction {
  const dp = rate.decimalPlaces();
  const den = 10n ** BigInt(dp);
  return { num: BigInt(rate.times(new D(10).pow(dp)).toFixed(0)), den };
}

/** `units × num / den`, rounded with `mode`; all operands are non-negative. */
export function roundedProduct(units: bigint, num: bigint, den: bigint, mode: Rounding): bigint {
  const product = units * num;
  const q = product / den;
  const r = product % den;
  if (r === 0n) return q;
  switch (mode) {
    case "down":
    case "floor":
      return q;
    case "up":
    case "ceil":
      return q + 1n;
    case "half-even": {
      const twice = r * 2n;
      if (twice > den) return q + 1n;
      if (twice < den) return q;
      return q % 2n === 0n ? q : q + 1n;
    }
    default:
      return r * 2n >= den ? q + 1n : q;
  }
}

/** The smaller of two bigints. */
export function minUnits(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** The larger of two bigints. */
export function maxUnits(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

const POWERS = [1, 10, 100, 1000, 10000].map((n) => new D(n));

/** Minor units of an amount already at the currency's scale; finer amounts are a `SUB_MINOR_UNIT` error. */
export function toUnits(amount: Dec, scale: number, path: IssuePath, what = "amount"): bigint {
  const scaled = scale === 0 ? amount : amount.times(POWERS[scale] ?? new D(10).pow(scale));
  if (!scaled.isInteger()) {
    throw new DomainError("SUB_MINOR_UNIT", `${what} ${amount.toString()} has more decimals than the currency's ${scale}`, { path });
  }
  return BigInt(scaled.toFixed(0));
}

/** Decimal text of a count of minor units: 1234567n at scale 2 → "12345.67". */
export function unitsText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, "0");
  const text = `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** Money from minor units. */
export function unitsMoney(units: bigint, scale: number, currency: string): Money {
  return money(unitsText(units, scale), currency);
}

/** The number of minor digits of a currency. */
export function scaleOf(currency: string, path: IssuePath = ["currency"]): number {
  return getCurrency(currency, path).minorUnit;
}
