// The one home of report formatting (issue 13): digit grouping, "CNY 1,200,000.00" from
// Money or from minor units, and percentages. Deterministic: no locale data involved.
import { getCurrency } from "./currency.js";
import { D, type Dec } from "./decimal.js";
import { unitsText } from "./minor-units.js";
import { amountText, type Money } from "./money.js";

/**
 * Human-readable form with thousands separators, for reports: `CNY 1,200,000.00`,
 * `USD -93,250.00`. Deterministic (no locale data involved).
 *
 * @category Money Values
 * @param m - the amount
 * @param options - `currency: false` leaves out the currency code
 * @throws {ValidationError} `invalid_type` when `m` is not Money (path `amount`)
 *
 * @example
 * ```ts
 * formatMoney(money("1200000")); // "CNY 1,200,000.00"
 * ```
 */
export function formatMoney(m: Money, options: { currency?: boolean } = {}): string {
  const number = groupAmountText(amountText(m));
  return options?.currency === false ? number : `${m.currency} ${number}`;
}

/**
 * Thousands separators for a run of digits, in one pass (H3: the look-ahead regex used
 * before was quadratic in the number of digits). Internal.
 */
export function groupDigits(digits: string): string {
  const first = digits.length % 3 || 3;
  const parts = [digits.slice(0, first)];
  for (let i = first; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
  return parts.join(",");
}

/** Thousands separators in a plain decimal text: "-1234567.5" → "-1,234,567.5". Internal. */
export function groupAmountText(text: string): string {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const whole = dot === -1 ? body : body.slice(0, dot);
  return `${negative ? "-" : ""}${groupDigits(whole)}${dot === -1 ? "" : body.slice(dot)}`;
}

/**
 * Minor units as grouped decimal text at `scale`, straight from the integer (no Decimal).
 *
 * @example
 * ```ts
 * groupedText(120_000_000n, 2); // "1,200,000.00"
 * ```
 */
export function groupedText(units: bigint, scale: number): string {
  return groupAmountText(unitsText(units, scale));
}

/**
 * Minor units as {@link formatMoney} prints them (`CNY 1,200,000.00`), straight from the
 * integer: ledgers format several figures per line, and going through Decimal for each
 * is the larger part of their cost.
 *
 * @example
 * ```ts
 * formatUnits(120_000_000n, "CNY"); // "CNY 1,200,000.00"
 * ```
 */
export function formatUnits(units: bigint, currency: string): string {
  return `${currency} ${groupedText(units, getCurrency(currency).minorUnit)}`;
}

/**
 * A memoised {@link formatUnits} for one currency at a known scale (explanations repeat
 * the same few amounts). The memo lives in the returned function, not in the module.
 *
 * @example
 * ```ts
 * const words = amountWords("CNY", 2);
 * words(120_000_000n); // "CNY 1,200,000.00"
 * ```
 */
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

/**
 * A decimal as plain text for results and sentences: every digit, never an exponent.
 *
 * @example
 * ```ts
 * decimalText(new D("1e-7")); // "0.0000001"
 * ```
 */
export function decimalText(d: Dec): string {
  return d.toFixed();
}

/** How {@link percentText} writes a rate: exact (default), a fixed number of places, at most some places, or significant digits. */
export interface PercentPrecision {
  /** Exactly this many decimals, rounded half-up. */
  readonly places?: number;
  /** At most this many decimals, rounded half-up, trailing zeros dropped. */
  readonly maxPlaces?: number;
  /** This many significant digits (for float statistics), trailing zeros dropped. */
  readonly significant?: number;
}

/**
 * A rate as a percentage for sentences: `0.05` → `"5%"`. Exact by default (every digit of
 * the decimal); `places`, `maxPlaces` or `significant` round it for display only.
 *
 * @example
 * ```ts
 * percentText(new D("0.125"));                 // "12.5%"
 * percentText(new D("0.33333"), { places: 1 }); // "33.3%"
 * percentText(0.0123456, { significant: 4 });   // "1.235%"
 * ```
 */
export function percentText(rate: Dec | number, precision: PercentPrecision = {}): string {
  if (typeof rate === "number") {
    const x = rate * 100;
    return `${precision.significant !== undefined ? Number(x.toPrecision(precision.significant)) : x}%`;
  }
  const x = rate.times(100);
  if (precision.places !== undefined) return `${x.toDecimalPlaces(precision.places, D.ROUND_HALF_UP).toFixed(precision.places)}%`;
  if (precision.maxPlaces !== undefined) return `${x.toDecimalPlaces(precision.maxPlaces, D.ROUND_HALF_UP).toString()}%`;
  if (precision.significant !== undefined) return `${x.toSignificantDigits(precision.significant, D.ROUND_HALF_UP).toString()}%`;
  return `${x.toFixed()}%`;
}

/**
 * A float statistic for sentences, to `significant` digits with trailing zeros dropped
 * (`0.1234567891` → `"0.1234568"`): model traces, fitted estimates, simulated means.
 *
 * @example
 * ```ts
 * numberText(2 / 3);    // "0.6666667"
 * numberText(2 / 3, 3); // "0.667"
 * ```
 */
export function numberText(x: number, significant = 7): string {
  return Number(x.toPrecision(significant)).toString();
}
