// Per-patient arithmetic runs in integer minor units (bigint): sums, comparisons and
// rate shares are exact there and far cheaper than Decimal. Decimal is used only when
// a contract is parsed and when Money is handed back to the caller.
import { D, type Dec, money, type Money, type Rounding } from "../money/index.js";

/** A rate held as an exact fraction `num / den` (den a power of ten). */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** A decimal rate as an exact fraction. */
export function toFraction(rate: Dec): Fraction {
  const places = rate.decimalPlaces();
  const den = 10n ** BigInt(places);
  return { num: BigInt(rate.times(new D(10).pow(places)).toFixed(0)), den };
}

/** Money at its currency's scale as minor units. */
export function toUnits(amount: Dec, scale: number): bigint {
  return BigInt(amount.times(new D(10).pow(scale)).toFixed(0));
}

/** `n / d` rounded to an integer with a named mode (d > 0). */
export function divRound(n: bigint, d: bigint, mode: Rounding): bigint {
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
    }
    if (up) q += 1n;
  }
  return negative ? -q : q;
}

/** `units × rate`, rounded once with the given mode. */
export function shareOf(units: bigint, rate: Fraction, mode: Rounding): bigint {
  return divRound(units * rate.num, rate.den, mode);
}

/** Minor units as a decimal string at the currency's scale: 48000000n, 2 → "480000.00". */
export function unitsText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (scale === 0) return negative ? `-${digits}` : digits;
  const padded = digits.padStart(scale + 1, "0");
  const text = `${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** "1,200,000.00": thousands separators for explanation sentences. */
export function groupedText(units: bigint, scale: number): string {
  const text = unitsText(units, scale);
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const whole = dot === -1 ? body : body.slice(0, dot);
  const rest = dot === -1 ? "" : body.slice(dot);
  return `${negative ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${rest}`;
}

/**
 * Turns minor units into Money, reusing earlier objects for repeated amounts (Money is
 * immutable, so sharing is safe and spares a Decimal per ledger line in big cohorts).
 */
export interface MoneyMaker {
  (units: bigint): Money;
}

/** A {@link MoneyMaker} for one currency with a bounded memo. */
export function moneyMaker(currency: string, scale: number, limit = 4096): MoneyMaker {
  const memo = new Map<bigint, Money>();
  return (units: bigint): Money => {
    const hit = memo.get(units);
    if (hit !== undefined) return hit;
    const m = money(unitsText(units, scale), currency);
    if (memo.size < limit) memo.set(units, m);
    return m;
  };
}

/** A memoised "CNY 1,200,000.00" formatter for one currency (explanations repeat the same few amounts). */
export function amountWords(currency: string, scale: number, limit = 4096): (units: bigint) => string {
  const memo = new Map<bigint, string>();
  return (units: bigint): string => {
    const hit = memo.get(units);
    if (hit !== undefined) return hit;
    const text = `${currency} ${groupedText(units, scale)}`;
    if (memo.size < limit) memo.set(units, text);
    return text;
  };
}
