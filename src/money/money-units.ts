// Minor units ↔ Money: the bridge between the bigint helpers of minor-units.ts (which
// know nothing of Money, so money.ts can use them) and Money values.
import { DomainError, type IssuePath } from "../kernel/errors.js";
import { money, type Money } from "./money.js";
import { scaleOf, toUnits, unitsText } from "./minor-units.js";

/**
 * Money from minor units at a known scale.
 *
 * @example
 * ```ts
 * unitsMoney(123_456n, 2, "CNY").toString(); // "CNY 1234.56"
 * ```
 */
export function unitsMoney(units: bigint, scale: number, currency: string): Money {
  return money(unitsText(units, scale), currency);
}

/**
 * Minor units of Money that must be in `currency`: another currency is
 * `CURRENCY_MISMATCH` at `path`, more decimals than the currency allows `sub_minor_unit`.
 *
 * @example
 * ```ts
 * unitsOfMoneyIn(money("12.30", "CNY"), "CNY", ["fee"]); // 1230n
 * ```
 */
export function unitsOfMoneyIn(m: Money, currency: string, path: IssuePath): bigint {
  if (m.currency !== currency) {
    throw new DomainError("CURRENCY_MISMATCH", `the amount is in ${m.currency} but the document is in ${currency}`, { path, details: { expected: currency, got: m.currency } });
  }
  return toUnits(m.amount, scaleOf(currency), path);
}

/** Turns minor units into Money (see {@link moneyMaker}). */
export interface MoneyMaker {
  (units: bigint): Money;
}

/**
 * Money from minor units for one currency, reusing earlier objects for repeated amounts
 * (Money is deep-immutable, so sharing is safe and spares a Decimal per ledger line).
 * The memo lives in the returned function, held by the prepared object it serves.
 *
 * @example
 * ```ts
 * const cash = moneyMaker("CNY", 2);
 * cash(100n) === cash(100n); // true
 * ```
 */
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
