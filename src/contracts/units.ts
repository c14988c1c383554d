// Per-patient arithmetic runs in integer minor units (bigint): sums, comparisons and
// rate shares are exact there and far cheaper than Decimal. Decimal is used only when
// a contract is parsed and when Money is handed back to the caller.
import { type Dec, divideRounded, type Fraction, money, type Money, type Rounding, unitsText } from "../money/index.js";
import { D } from "../money/decimal.js";

export { fractionOf as toFraction, type Fraction } from "../money/index.js";

/** Money at its currency's scale as minor units. */
export function toUnits(amount: Dec, scale: number): bigint {
  return BigInt(amount.times(new D(10).pow(scale)).toFixed(0));
}

export { divideRounded as divRound } from "../money/index.js";

/** `units × rate`, rounded once with the given mode. */
export function shareOf(units: bigint, rate: Fraction, mode: Rounding): bigint {
  return divideRounded(units * rate.num, rate.den, mode);
}

export { unitsText } from "../money/index.js";
import { groupDigits } from "../money/format.js";

/** "1,200,000.00": thousands separators for explanation sentences. */
export function groupedText(units: bigint, scale: number): string {
  const text = unitsText(units, scale);
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const whole = dot === -1 ? body : body.slice(0, dot);
  const rest = dot === -1 ? "" : body.slice(dot);
  return `${negative ? "-" : ""}${groupDigits(whole)}${rest}`;
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
