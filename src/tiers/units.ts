// Integer arithmetic in minor units (fen, cents) for the waterfall's hot path.
// A bill is split layer by layer many times per patient; bigint sums, minimums and
// one rate multiplication per layer keep a 5-layer split cheap, and the decimal
// library is only used to parse documents and to present results.
import { type Dec, divideRounded, getCurrency, type Money, money, type Rounding, unitsText } from "../money/index.js";
import { D } from "../money/decimal.js";
import { DomainError, type IssuePath } from "../core/index.js";

export { fractionOf, type Fraction } from "../money/index.js";

/** `units × num / den`, rounded once with `mode`. */
export function roundedProduct(units: bigint, num: bigint, den: bigint, mode: Rounding): bigint {
  return divideRounded(units * num, den, mode);
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

export { unitsText } from "../money/index.js";

/** Money from minor units. */
export function unitsMoney(units: bigint, scale: number, currency: string): Money {
  return money(unitsText(units, scale), currency);
}

/** The number of minor digits of a currency. */
export function scaleOf(currency: string, path: IssuePath = ["currency"]): number {
  return getCurrency(currency, path).minorUnit;
}
