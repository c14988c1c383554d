import { invalid } from "../kernel/errors.js";
import { assertSameCurrency } from "./arithmetic.js";
import { getCurrency } from "./currency.js";
import { D } from "./decimal.js";
import { describeType } from "./decimal.js";
import { compareAmounts } from "./compare.js";
import { fromDecimal, fromUnitsAt, LIMIT, requireMoney, scaledUnits, scaleOf, type Money } from "./money.js";

/**
 * The exact sum of many amounts. An empty list needs `currency` to know what zero it is.
 *
 * @category Operations
 * @param items - the amounts, all in one currency (may be empty when `currency` is given)
 * @param currency - the currency of the total, required for an empty list; checked against every item
 * @throws {ValidationError} when an item is not Money or the list is empty with no currency (path `items`)
 * @throws {DomainError} CURRENCY_MISMATCH when the amounts are in different currencies
 *
 * @example
 * ```ts
 * sum([money("1.10"), money("2.20")]);  // CNY 3.30
 * sum([], "USD");                       // USD 0.00
 * ```
 */
export function sum(items: readonly Money[], currency?: string): Money {
  if (!Array.isArray(items)) throw invalid(["items"], `expected a list of Money, got ${describeType(items)}`, "invalid_type");
  for (let i = 0; i < items.length; i++) requireMoney(items[i], ["items", i]); // holes of a sparse list too
  const first = items[0];
  const code = currency ?? first?.currency;
  if (code === undefined) throw invalid(["items"], "the sum of no amounts needs a currency", "missing_currency");
  const minor = getCurrency(code).minorUnit;
  // Amounts at the minor scale (every rounded amount) add as bigints; anything else, or a
  // total leaving the scaled range, is summed in decimal.js as before.
  let units = 0n;
  let scaled = true;
  for (const item of items) {
    const u = scaledUnits(item);
    if (u === undefined || scaleOf(item) !== minor || item.currency !== code) {
      scaled = false;
      break;
    }
    units += u;
    if (units >= LIMIT || units <= -LIMIT) {
      scaled = false; // decimal.js would round this partial total to 64 digits: let it
      break;
    }
  }
  if (scaled) return fromUnitsAt(units, code, minor);
  let total = new D(0);
  for (const item of items) {
    if (item.currency !== code) assertSameCurrency(fromDecimal(total, code), item);
    total = total.plus(item.amount);
  }
  return fromDecimal(total, code);
}

/**
 * The smallest of one or more amounts (the earliest among equals).
 *
 * @category Operations
 * @param first - the first amount
 * @param rest - further amounts in the same currency
 * @throws {ValidationError} when an argument is not Money
 * @throws {DomainError} CURRENCY_MISMATCH when the amounts are in different currencies
 *
 * @example
 * ```ts
 * min(money("5"), money("3")); // CNY 3.00
 * ```
 */
export function min(first: Money, ...rest: readonly Money[]): Money {
  requireMoney(first, [0]);
  rest.forEach((m, i) => requireMoney(m, [i + 1]));
  let best = first;
  for (const m of rest) {
    assertSameCurrency(best, m);
    if (compareAmounts(m, best) < 0) best = m;
  }
  return best;
}

/**
 * The largest of one or more amounts (the earliest among equals).
 *
 * @category Operations
 * @param first - the first amount
 * @param rest - further amounts in the same currency
 * @throws {ValidationError} when an argument is not Money
 * @throws {DomainError} CURRENCY_MISMATCH when the amounts are in different currencies
 *
 * @example
 * ```ts
 * max(money("5"), money("3")); // CNY 5.00
 * ```
 */
export function max(first: Money, ...rest: readonly Money[]): Money {
  requireMoney(first, [0]);
  rest.forEach((m, i) => requireMoney(m, [i + 1]));
  let best = first;
  for (const m of rest) {
    assertSameCurrency(best, m);
    if (compareAmounts(m, best) > 0) best = m;
  }
  return best;
}

/**
 * Clamps an amount into [low, high].
 *
 * @category Operations
 * @param m - the amount to bound
 * @param low - the lower bound (same currency)
 * @param high - the upper bound (same currency; it wins when below `low`)
 * @throws {ValidationError} when an argument is not Money
 * @throws {DomainError} CURRENCY_MISMATCH when the amounts are in different currencies
 *
 * @example
 * ```ts
 * clamp(money("120"), money("0"), money("100")); // CNY 100.00
 * ```
 */
export function clamp(m: Money, low: Money, high: Money): Money {
  return min(max(m, low), high);
}
