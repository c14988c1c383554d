import { type IssuePath, invalid } from "../kernel/errors.js";
import { getCurrency } from "./currency.js";
import { unitsText } from "./minor-units.js";
import { D, Decimal, type Dec, type DecimalInput, describeType, isDecimalText, quote, toDecimalOrReason } from "./decimal.js";

/** The JSON form of Money: the amount as a decimal string, at least at the currency's scale. */
export interface MoneyJSON {
  readonly amount: string;
  readonly currency: string;
}

/**
 * An exact amount in a currency. Immutable; every operation returns a new value.
 * `amount` may carry more decimals than the currency's minor unit (an unrounded
 * intermediate such as 0.125); rounding is always an explicit step.
 * Serialises with `JSON.stringify` as `{ "amount": "480000.00", "currency": "CNY" }`.
 */
export interface Money {
  readonly amount: Dec;
  readonly currency: string;
  toJSON(): MoneyJSON;
  toString(): string;
}

const proto = {
  toJSON(this: Money): MoneyJSON {
    return { amount: amountText(this), currency: this.currency };
  },
  toString(this: Money): string {
    return `${this.currency} ${amountText(this)}`;
  },
  // How Node's util.inspect (the REPL, console.log, notebooks) shows Money: the exact
  // amount with its currency, never a float-looking `{ amount: 840000 }`.
  [Symbol.for("nodejs.util.inspect.custom")](this: Money): string {
    return `Money(${this.currency} ${amountText(this)})`;
  },
};

/**
 * The amount as text with at least the currency's minor digits: `"480000.00"`.
 *
 * @example
 * ```ts
 * amountText(money("480000")); // "480000.00"
 * ```
 */
export function amountText(m: Money): string {
  requireMoney(m);
  let text = texts.get(m);
  if (text === undefined) {
    const scale = getCurrency(m.currency).minorUnit;
    const a = m.amount.isZero() ? new D(0) : m.amount;
    text = a.toFixed(Math.max(scale, a.decimalPlaces()));
    texts.set(m, text);
  }
  return text;
}

// Money is immutable, so its text never changes: ledgers reuse the same Money values
// (a contract's installment amounts) across a whole cohort, and formatting them once
// saves most of the cost of writing a million settlement records.
const texts = new WeakMap<Money, string>();

/**
 * An integer count of minor units as a Decimal at `scale` digits, built from its digits
 * (parsing is much cheaper than dividing by 10^scale).
 */
export function decimalFromUnits(units: bigint, scale: number): Dec {
  return new D(unitsText(units, scale));
}

/** The integer count of minor units of an amount known to be at `scale` digits or fewer. */
export function unitsOf(amount: Dec, scale: number): bigint {
  const text = amount.toFixed(scale);
  return BigInt(scale === 0 ? text : text.replace(".", ""));
}

/** Builds Money from an already-validated Decimal; internal fast path. */
export function fromDecimal(amount: Dec, currency: string): Money {
  const m = Object.create(proto) as { amount: Dec; currency: string };
  // The Decimal is frozen too (L1): Money is shared (memos, results, prepared documents),
  // so `m.amount.s = -1` on one result must not change another's.
  // (its digit array `d` as well: freezing the Decimal alone is shallow).
  if (!Object.isFrozen(amount)) {
    Object.freeze((amount as unknown as { d?: unknown }).d);
    Object.freeze(amount);
  }
  m.amount = amount;
  m.currency = currency;
  return Object.freeze(m) as Money;
}

/**
 * True when `value` is Money made by this library.
 *
 * @example
 * ```ts
 * isMoney(money("1")); // true
 * ```
 */
export function isMoney(value: unknown): value is Money {
  return typeof value === "object" && value !== null && Object.getPrototypeOf(value) === proto;
}

/**
 * Returns `value` if it is Money made by this library; otherwise throws a
 * {@link ValidationError} at `path` (plain `{ amount, currency }` JSON must go through
 * {@link fromJSON} first). Guards the money operations against junk from JS callers.
 */
export function requireMoney(value: unknown, path: IssuePath = ["amount"]): Money {
  if (!isMoney(value)) throw invalid(path, `expected Money (made by money() or fromJSON()), got ${describeType(value)}`, "invalid_type");
  return value;
}

/**
 * Makes Money from a decimal string, a Decimal, or a JS number that is exact at
 * the currency's scale. `0.1 + 0.2` is rejected: pass `"0.3"` instead. Numbers
 * whose minor units exceed 2^53 are rejected too (pass a string).
 *
 * @example
 * ```ts
 * money("1200000.00", "CNY"); // CNY 1200000.00
 * money(93250, "USD");        // USD 93250.00
 * money(0.1 + 0.2);           // throws ValidationError: not exact at 2 decimals
 * ```
 */
export function money(amount: DecimalInput, currency = "CNY"): Money {
  const c = getCurrency(currency);
  if (typeof amount === "number") {
    if (Number.isNaN(amount)) throw invalid(["amount"], "NaN is not an amount", "not_finite");
    if (!Number.isFinite(amount)) throw invalid(["amount"], `${amount} is not an amount`, "not_finite");
    const d = new D(amount);
    if (d.decimalPlaces() > c.minorUnit) {
      throw invalid(
        ["amount"],
        `the number ${amount} is not exact at ${c.code}'s ${c.minorUnit} decimals; pass the amount as a decimal string`,
        "inexact_number",
      );
    }
    if (d.abs().times(new D(10).pow(c.minorUnit)).greaterThan(Number.MAX_SAFE_INTEGER)) {
      throw invalid(["amount"], `the number ${amount} is beyond the exact range of JS numbers; pass a decimal string`, "inexact_number");
    }
    return fromDecimal(d, c.code);
  }
  if (typeof amount === "string") {
    // No trimming (L3): the same rule as the amount schema of documents; no more digits than are held exactly (M3).
    const d = toDecimalOrReason(amount);
    if (typeof d === "string") throw invalid(["amount"], d.startsWith("a decimal") ? d : `"${amount}" is not a decimal amount`, "invalid_decimal");
    return fromDecimal(d, c.code);
  }
  if (Decimal.isDecimal(amount)) {
    if (!amount.isFinite()) throw invalid(["amount"], `${amount.toString()} is not an amount`, "not_finite");
    // Not `instanceof D`: decimal.js clones share one prototype, so a host Decimal passes
    // that test and would keep the host's precision and rounding. Check the constructor.
    const d = toDecimalOrReason(amount);
    if (typeof d === "string") throw invalid(["amount"], d, "invalid_decimal");
    return fromDecimal(d, c.code);
  }
  throw invalid(["amount"], `expected a decimal string, number or Decimal, got ${describeType(amount)}`, "invalid_type");
}

/**
 * Money from an integer count of minor units (cents, fen, yen).
 *
 * @example
 * ```ts
 * fromMinorUnits(12345n, "CNY"); // CNY 123.45
 * ```
 */
export function fromMinorUnits(units: bigint | number, currency = "CNY"): Money {
  const c = getCurrency(currency);
  if (typeof units !== "bigint" && !(typeof units === "number" && Number.isSafeInteger(units))) {
    throw invalid(["units"], `${typeof units === "number" ? units : describeType(units)} is not a safe integer count of minor units`, "invalid_units");
  }
  return fromDecimal(decimalFromUnits(BigInt(units), c.minorUnit), c.code);
}

/**
 * The amount as an integer count of minor units. The amount must already be at
 * the currency's scale (round first).
 *
 * @example
 * ```ts
 * toMinorUnits(money("123.45")); // 12345n
 * ```
 */
export function toMinorUnits(m: Money): bigint {
  requireMoney(m);
  const scale = getCurrency(m.currency).minorUnit;
  if (m.amount.decimalPlaces() > scale) {
    throw invalid(["amount"], `${m.toString()} has more decimals than ${m.currency} allows; round it first`, "sub_minor_unit");
  }
  return unitsOf(m.amount, scale);
}

/**
 * Zero in a currency.
 *
 * @example
 * ```ts
 * zero("USD"); // USD 0.00
 * ```
 */
export function zero(currency = "CNY"): Money {
  return fromDecimal(new D(0), getCurrency(currency).code);
}

/**
 * The JSON form, `{ amount: "480000.00", currency: "CNY" }`.
 *
 * @example
 * ```ts
 * toJSON(money("480000", "CNY")); // { amount: "480000.00", currency: "CNY" }
 * ```
 */
export function toJSON(m: Money): MoneyJSON {
  return requireMoney(m).toJSON();
}

/**
 * Money from its JSON form; the amount must be a decimal string (or a safe integer).
 *
 * @example
 * ```ts
 * fromJSON({ amount: "480000.00", currency: "CNY" });
 * ```
 */
export function fromJSON(json: unknown): Money {
  if (typeof json !== "object" || json === null) throw invalid([], `expected { amount, currency }, got ${describeType(json)}`, "invalid_type");
  const { amount, currency } = json as { amount?: unknown; currency?: unknown };
  if (typeof currency !== "string") throw invalid(["currency"], "currency code is required", "invalid_type");
  if (typeof amount === "number" && !Number.isSafeInteger(amount)) {
    throw invalid(["amount"], "a fractional amount must be a decimal string in JSON", "invalid_type");
  }
  if (typeof amount !== "string" && typeof amount !== "number") {
    throw invalid(["amount"], `expected a decimal string, got ${describeType(amount)}`, "invalid_type");
  }
  return money(amount, currency);
}
