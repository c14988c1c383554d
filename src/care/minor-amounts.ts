// Private helpers of the care chapter's money code (test gates, KPIs, recovery, funds):
// amounts are held as bigint minor units once parsed, checked against the document's
// stated currency and scale, with the offending field's path in every error.
import { DomainError, invalid, type IssuePath } from "../core/index.js";
import { type Dec, fromMinorUnits, getCurrency, type Money, unitsText } from "../money/index.js";

/** Minor units of a parsed decimal amount in `currency`; more decimals than the currency allows is an error at `path`. */
export function unitsAt(amount: Dec, currency: string, path: IssuePath): bigint {
  const scale = getCurrency(currency).minorUnit;
  if (amount.decimalPlaces() > scale) {
    throw invalid(path, `${amount.toFixed()} has more decimals than ${currency} allows (${scale})`, "sub_minor_unit");
  }
  return BigInt(amount.times(10 ** scale).toFixed(0));
}

/** Minor units of Money that must be in `currency` (CURRENCY_MISMATCH at `path` otherwise). */
export function unitsOfMoneyIn(m: Money, currency: string, path: IssuePath): bigint {
  if (m.currency !== currency) {
    throw new DomainError("CURRENCY_MISMATCH", `the amount is in ${m.currency} but the document is in ${currency}`, {
      path,
      details: { expected: currency, got: m.currency },
    });
  }
  return unitsAt(m.amount, currency, path);
}

/** Money from minor units. */
export function cash(units: bigint, currency: string): Money {
  return fromMinorUnits(units, currency);
}

/**
 * Minor units as formatMoney prints them (`CNY 1,200,000.00`), straight from the integer:
 * the ledgers format several figures per line, and going through Decimal for each is the
 * larger part of their cost.
 */
export function formatUnits(units: bigint, currency: string): string {
  const text = unitsText(units, getCurrency(currency).minorUnit);
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const whole = dot === -1 ? body : body.slice(0, dot);
  let grouped = "";
  for (let end = whole.length; end > 0; end -= 3) grouped = end - 3 > 0 ? `,${whole.slice(end - 3, end)}${grouped}` : `${whole.slice(0, end)}${grouped}`;
  return `${currency} ${negative ? "-" : ""}${grouped}${dot === -1 ? "" : body.slice(dot)}`;
}
