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
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const number = `${negative ? "-" : ""}${grouped}${fraction !== undefined ? `.${fraction}` : ""}`;
  return options?.currency === false ? number : `${m.currency} ${number}`;
}
