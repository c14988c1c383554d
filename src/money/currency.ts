import { DomainError, invalid } from "../kernel/errors.js";
import { describeType } from "./decimal.js";

/** An ISO 4217 currency: its code and the number of digits of its minor unit. */
export interface Currency {
  readonly code: string;
  readonly minorUnit: number;
  readonly name: string;
}

// Minor units per ISO 4217 (list one, 2024 edition).
const BUILT_IN: readonly Currency[] = [
  { code: "CNY", minorUnit: 2, name: "Chinese yuan renminbi" },
  { code: "USD", minorUnit: 2, name: "US dollar" },
  { code: "EUR", minorUnit: 2, name: "Euro" },
  { code: "GBP", minorUnit: 2, name: "Pound sterling" },
  { code: "JPY", minorUnit: 0, name: "Japanese yen" },
  { code: "KRW", minorUnit: 0, name: "South Korean won" },
  { code: "HKD", minorUnit: 2, name: "Hong Kong dollar" },
  { code: "MOP", minorUnit: 2, name: "Macanese pataca" },
  { code: "TWD", minorUnit: 2, name: "New Taiwan dollar" },
  { code: "SGD", minorUnit: 2, name: "Singapore dollar" },
  { code: "AUD", minorUnit: 2, name: "Australian dollar" },
  { code: "CAD", minorUnit: 2, name: "Canadian dollar" },
  { code: "CHF", minorUnit: 2, name: "Swiss franc" },
  { code: "SEK", minorUnit: 2, name: "Swedish krona" },
  { code: "NOK", minorUnit: 2, name: "Norwegian krone" },
  { code: "DKK", minorUnit: 2, name: "Danish krone" },
  { code: "INR", minorUnit: 2, name: "Indian rupee" },
  { code: "THB", minorUnit: 2, name: "Thai baht" },
  { code: "VND", minorUnit: 0, name: "Vietnamese dong" },
  { code: "BHD", minorUnit: 3, name: "Bahraini dinar" },
  { code: "KWD", minorUnit: 3, name: "Kuwaiti dinar" },
  { code: "CLP", minorUnit: 0, name: "Chilean peso" },
];

// The one piece of module state: additive only, and a code can never change its
// minor unit once known, so results never depend on registration order.
const registry = new Map<string, Currency>(BUILT_IN.map((c) => [c.code, Object.freeze({ ...c })]));

const CODE = /^[A-Z]{3}$/;

/**
 * Adds a currency to the registry so Money can be made in it. Registering a code
 * that is already known with the same minor unit is a no-op; with a different one
 * it is a `CURRENCY_CONFLICT` error.
 *
 * @example
 * ```ts
 * registerCurrency({ code: "ISK", minorUnit: 0, name: "Icelandic króna" });
 * money("1500", "ISK");
 * ```
 */
export function registerCurrency(currency: { code: string; minorUnit: number; name?: string }): Currency {
  if (typeof currency?.code !== "string" || !CODE.test(currency.code)) {
    throw invalid(["code"], "a currency code is three upper-case letters (ISO 4217)");
  }
  if (!Number.isInteger(currency.minorUnit) || currency.minorUnit < 0 || currency.minorUnit > 8) {
    throw invalid(["minorUnit"], "the minor unit is a whole number of digits from 0 to 8");
  }
  const known = registry.get(currency.code);
  if (known) {
    if (known.minorUnit !== currency.minorUnit) {
      throw new DomainError(
        "CURRENCY_CONFLICT",
        `${currency.code} is already known with ${known.minorUnit} minor digits, not ${currency.minorUnit}`,
      );
    }
    return known;
  }
  const entry = Object.freeze({ code: currency.code, minorUnit: currency.minorUnit, name: currency.name ?? currency.code });
  registry.set(entry.code, entry);
  return entry;
}

/**
 * True when `code` names a known currency.
 *
 * @example
 * ```ts
 * isCurrencyCode("CNY"); // true
 * ```
 */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === "string" && registry.has(code);
}

/**
 * Looks up a known currency; unknown codes are a {@link ValidationError}.
 *
 * @example
 * ```ts
 * getCurrency("JPY").minorUnit; // 0
 * ```
 */
export function getCurrency(code: string, path: readonly (string | number)[] = ["currency"]): Currency {
  const found = typeof code === "string" ? registry.get(code) : undefined;
  if (!found) throw invalid(Array.isArray(path) ? path : ["currency"], `unknown currency code ${typeof code === "string" ? JSON.stringify(code) : `(${describeType(code)})`}`, "unknown_currency");
  return found;
}

/**
 * All currencies currently known, sorted by code.
 *
 * @example
 * ```ts
 * listCurrencies().map((c) => c.code); // ["AUD", "BHD", …]
 * ```
 */
export function listCurrencies(): readonly Currency[] {
  return [...registry.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}
