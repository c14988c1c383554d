import Decimal from "decimal.js";

/**
 * The library's private Decimal constructor.
 *
 * A clone, so that the host application's global `Decimal.set` never changes our
 * results and we never change theirs. 64 significant digits keep every sum,
 * product and rate of realistic amounts exact; only non-terminating quotients
 * (1/3, powers with fractional exponents) are cut, far below a minor unit.
 */
export const D = Decimal.clone({
  precision: 64,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});

/** A decimal value of the library (an instance of its private clone). */
export type Dec = Decimal;

/** Anything the library accepts where it needs an exact decimal: a decimal string, a finite number, or a Decimal. */
export type DecimalInput = string | number | Decimal;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/**
 * True when `text` is a plain decimal numeral such as `"-12.50"` (no exponent, no spaces).
 *
 * @example
 * ```ts
 * isDecimalText("-12.50"); // true
 * isDecimalText("1e5");    // false
 * ```
 */
export function isDecimalText(text: string): boolean {
  return typeof text === "string" && DECIMAL_TEXT.test(text);
}

/**
 * Converts input to the private Decimal, or returns a reason it cannot.
 * Numbers are taken by their shortest round-trip representation (0.7 → "0.7").
 */
export function toDecimalOrReason(value: unknown): Decimal | string {
  if (typeof value === "string") {
    const text = value.trim();
    if (!isDecimalText(text)) return `"${value}" is not a decimal number`;
    return new D(text);
  }
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN is not a number";
    if (!Number.isFinite(value)) return `${value} is not a finite number`;
    return new D(value);
  }
  if (Decimal.isDecimal(value)) {
    const d = value as Decimal;
    if (!d.isFinite()) return `${d.toString()} is not a finite number`;
    // decimal.js clones share one prototype (`instanceof D` holds for a host Decimal too):
    // re-create anything not made by our clone so the host's settings never apply.
    return d.constructor === D ? d : new D(d);
  }
  return `expected a decimal string or number, got ${describeType(value)}`;
}

/**
 * A value quoted for an error message: JSON for strings, numbers and booleans, the type
 * otherwise (JSON.stringify throws on a bigint and says nothing useful about objects).
 */
export function quote(value: unknown): string {
  if (typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))) return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value === undefined) return "(missing)";
  return describeType(value);
}

/** A short description of a value's type for error messages. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}

export { Decimal };
