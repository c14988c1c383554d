import { amountText, type Money } from "./money.js";

/**
 * Human-readable form with thousands separators, for reports: `CNY 1,200,000.00`,
 * `USD -93,250.00`. Deterministic (no locale data involved).
 *
 * @example
 * ```ts
 * formatMoney(money("1200000")); // "CNY 1,200,000.00"
 * ```
 */
export function formatMoney(m: Money, options: { currency?: boolean } = {}): string {
  const text = amountText(m);
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const [whole = "0", fraction] = body.split(".");
  const grouped = groupDigits(whole);
  const number = `${negative ? "-" : ""}${grouped}${fraction !== undefined ? `.${fraction}` : ""}`;
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
