// Private helpers shared by the budget calculators; not part of the public API.
import { currencyCodeSchema, decimal } from "../core/index.js";
import { type Dec, money, type Money } from "../money/index.js";
import { D } from "../money/decimal.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/** Currency field of every budget input: an ISO code, always stated (a document that states amounts states its currency). */
export const budgetCurrencySchema = currencyCodeSchema;

/** Money from a parsed decimal amount in the input's currency. */
export function cash(amount: Dec, currency: string): Money {
  return money(amount, currency);
}

// One home each for these (issue 13): decimal and percent text in money/format.ts,
// the INCONSISTENT_INPUT shorthand in the kernel's errors.
export { decimalText as text, percentText as pct } from "../money/format.js";
export { inconsistent } from "../kernel/errors.js";

/** Zero as the library's decimal. */
export const ZERO: Dec = new D(0);
/** One as the library's decimal. */
export const ONE: Dec = new D(1);

/** A signed rate in [−1, 1] (quality adjustments that may raise or lower an amount). */
export const signedRateSchema = lazySchema(() => decimal({ min: "-1", max: "1" }));
