// Private helpers shared by the budget calculators; not part of the public API.
import { currencyCodeSchema, decimal, DomainError, type IssuePath } from "../core/index.js";
import { type Dec, money, round, type Money, type Rounding } from "../money/index.js";
import { D } from "../money/decimal.js";

/** Currency field of every budget input: an ISO code, always stated (a document that states amounts states its currency). */
export const budgetCurrencySchema = currencyCodeSchema;

/** Money from a parsed decimal amount in the input's currency. */
export function cash(amount: Dec, currency: string): Money {
  return money(amount, currency);
}

/** Exact product of an amount by factors, rounded once with the given mode. */
export function roundedProduct(base: Money, factors: readonly Dec[], rounding: Rounding): Money {
  let exact = base.amount;
  for (const f of factors) exact = exact.times(f);
  return round(money(exact, base.currency), rounding);
}

/** A decimal as plain text for results: no exponent, trailing zeros trimmed by decimal.js. */
export function text(d: Dec): string {
  return d.toFixed();
}

/** Percentage text for sentences: 0.05 → "5%". */
export function pct(d: Dec): string {
  return `${d.times(100).toFixed()}%`;
}

/** Throws INCONSISTENT_INPUT with a path. */
export function inconsistent(path: IssuePath, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError("INCONSISTENT_INPUT", message, { path, details });
}

/** Zero as the library's decimal. */
export const ZERO: Dec = new D(0);
/** One as the library's decimal. */
export const ONE: Dec = new D(1);

/** A signed rate in [−1, 1] (quality adjustments that may raise or lower an amount). */
export const signedRateSchema = decimal({ min: "-1", max: "1" });
