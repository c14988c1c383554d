import { DomainError, invalid } from "../kernel/errors.js";
import { describeType } from "./decimal.js";

/**
 * An ISO 4217 currency: its code and the number of digits of its minor unit.
 *
 * @category Currencies
 */
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

// The currency registry is the library's one piece of process state (L4). It is shared
// through a global symbol so that every copy of the library loaded in one process (the ESM
// and the CJS build, two versions in node_modules) sees the same currencies: otherwise one
// copy would accept a code with 0 minor digits after another registered it with 2. It is
// additive only and a code can never change its minor unit, so results never depend on
// registration order or on which copy registered a code. The shared object holds its Map
// in a closure and is frozen and non-writable on globalThis, so it cannot be swapped out.
const REGISTRY_KEY = Symbol.for("precision-vbp.currency-registry");
/** Version of the shared registry's shape; a copy that finds another version refuses to load silently wrong. */
const REGISTRY_VERSION = 1;

interface SharedRegistry {
  readonly version: number;
  get(code: string): Currency | undefined;
  has(code: string): boolean;
  /** Adds an entry unless the code is known; returns the entry now registered for the code. */
  add(entry: Currency): Currency;
  values(): Currency[];
}

function makeRegistry(): SharedRegistry {
  const map = new Map<string, Currency>(BUILT_IN.map((c) => [c.code, Object.freeze({ ...c })]));
  return Object.freeze({
    version: REGISTRY_VERSION,
    get: (code: string) => map.get(code),
    has: (code: string) => map.has(code),
    add: (entry: Currency) => {
      const known = map.get(entry.code);
      if (known) return known;
      const frozen = Object.freeze({ code: entry.code, minorUnit: entry.minorUnit, name: entry.name });
      map.set(frozen.code, frozen);
      return frozen;
    },
    values: () => [...map.values()],
  });
}

let shared: SharedRegistry | undefined;

/** The process-wide registry, created on first use (not at import: the package has no side effects on load). */
function registry(): SharedRegistry {
  if (shared) return shared;
  const host = globalThis as { [REGISTRY_KEY]?: SharedRegistry };
  let found = host[REGISTRY_KEY];
  if (found === undefined) {
    found = makeRegistry();
    Object.defineProperty(globalThis, REGISTRY_KEY, { value: found, writable: false, enumerable: false, configurable: false });
  }
  if (found === null || typeof found !== "object" || found.version !== REGISTRY_VERSION || typeof found.get !== "function") {
    throw new DomainError("CURRENCY_CONFLICT", "another copy of precision-vbp in this process keeps an incompatible currency registry; load one version");
  }
  // Consistency check: the built-in table must agree with what the other copy holds.
  for (const c of BUILT_IN) {
    const other = found.get(c.code);
    if (other !== undefined && other.minorUnit !== c.minorUnit) {
      throw new DomainError("CURRENCY_CONFLICT", `another copy of precision-vbp in this process knows ${c.code} with ${other.minorUnit} minor digits, this one with ${c.minorUnit}`);
    }
    if (other === undefined) found.add(c);
  }
  shared = found;
  return found;
}

const CODE = /^[A-Z]{3}$/;

/**
 * Adds a currency to the registry so Money can be made in it. Registering a code
 * that is already known with the same minor unit is a no-op; with a different one
 * it is a `CURRENCY_CONFLICT` error.
 *
 * @category Currencies
 * @param currency - the code (three upper-case letters), its minor unit (0–8 digits) and an optional name
 * @throws {ValidationError} when the code or the minor unit is malformed (path `code` / `minorUnit`)
 * @throws {DomainError} CURRENCY_CONFLICT when the code is known with another minor unit
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
  const known = registry().get(currency.code);
  if (known) {
    if (known.minorUnit !== currency.minorUnit) {
      throw new DomainError(
        "CURRENCY_CONFLICT",
        `${currency.code} is already known with ${known.minorUnit} minor digits, not ${currency.minorUnit}`,
      );
    }
    return known;
  }
  return registry().add({ code: currency.code, minorUnit: currency.minorUnit, name: typeof currency.name === "string" ? currency.name : currency.code });
}

/**
 * True when `code` names a known currency.
 *
 * @category Currencies
 * @param code - any value
 *
 * @example
 * ```ts
 * isCurrencyCode("CNY"); // true
 * ```
 */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === "string" && registry().has(code);
}

/**
 * Looks up a known currency; unknown codes are a {@link core!ValidationError | ValidationError}.
 *
 * @category Currencies
 * @param code - an ISO 4217 code known to the registry
 * @param path - the field path named in the error (default `currency`)
 * @throws {ValidationError} `unknown_currency` when the code is not known (at `path`)
 *
 * @example
 * ```ts
 * getCurrency("JPY").minorUnit; // 0
 * ```
 */
export function getCurrency(code: string, path: readonly (string | number)[] = ["currency"]): Currency {
  const found = typeof code === "string" ? registry().get(code) : undefined;
  if (!found) throw invalid(Array.isArray(path) ? path : ["currency"], `unknown currency code ${typeof code === "string" ? JSON.stringify(code) : `(${describeType(code)})`}`, "unknown_currency");
  return found;
}

/**
 * All currencies currently known, sorted by code.
 *
 * @category Currencies
 *
 * @example
 * ```ts
 * listCurrencies().map((c) => c.code); // ["AUD", "BHD", …]
 * ```
 */
export function listCurrencies(): readonly Currency[] {
  return registry().values().sort((a, b) => (a.code < b.code ? -1 : 1));
}
