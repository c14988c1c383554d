import DecimalJs from "decimal.js";
import type { DecimalRoundingCode, ExactDecimal, ExactDecimalConstructor } from "./exact-decimal.js";

// decimal.js typed as the library's own interfaces (./exact-decimal.ts), so no declaration
// the package ships names decimal.js (issue 21 item 2). Type annotations only.
const Decimal = DecimalJs as unknown as ExactDecimalConstructor;
type Decimal = ExactDecimal;
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace Decimal {
  /** A rounding mode code of the underlying arithmetic. */
  type Rounding = DecimalRoundingCode;
}

/**
 * The library's private Decimal constructor.
 *
 * A clone, so that the host application's global `Decimal.set` never changes our
 * results and we never change theirs. 64 significant digits keep every sum,
 * product and rate of realistic amounts exact; only non-terminating quotients
 * (1/3, powers with fractional exponents) are cut, far below a minor unit.
 */
export const D = Decimal.clone({
  // Every setting is explicit: `clone` copies the rest from the host's global Decimal at
  // import time, so a host's `Decimal.set({ maxE: 6 })` would otherwise reach us (M1).
  precision: 64,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
  maxE: 9e15,
  minE: -9e15,
  modulo: Decimal.ROUND_DOWN,
  crypto: false,
});

/**
 * Most significant digits of an accepted decimal (amounts, rates, coefficients): the
 * private Decimal's precision, so every accepted value is held exactly (M3). A longer
 * numeral is a ValidationError naming the field.
 *
 * @category Money Values
 */
export const MAX_SIGNIFICANT_DIGITS = 64;

/**
 * Longest decimal numeral accepted, in characters (sign, digits, point, leading zeros).
 *
 * @category Money Values
 */
export const MAX_DECIMAL_TEXT_LENGTH = 100;

/** Why a decimal numeral is too long to be held exactly, or undefined when it fits. */
export function decimalLengthReason(text: string): string | undefined {
  if (text.length > MAX_DECIMAL_TEXT_LENGTH) return `a decimal has at most ${MAX_DECIMAL_TEXT_LENGTH} characters (MAX_DECIMAL_TEXT_LENGTH), got ${text.length}`;
  const digits = text.replace(/[^0-9]/g, "").replace(/^0+/, "").replace(/0+$/, "");
  if (digits.length > MAX_SIGNIFICANT_DIGITS) return `a decimal has at most ${MAX_SIGNIFICANT_DIGITS} significant digits (MAX_SIGNIFICANT_DIGITS), got ${digits.length}: it could not be held exactly`;
  return undefined;
}

/**
 * A decimal value of the library (an instance of its private clone).
 *
 * @category Money Values
 */
export type Dec = ExactDecimal;

/**
 * Anything the library accepts where it needs an exact decimal: a decimal string, a finite number, or a Decimal.
 *
 * @category Money Values
 */
export type DecimalInput = string | number | ExactDecimal;

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/**
 * True when `text` is a plain decimal numeral such as `"-12.50"` (no exponent, no spaces).
 *
 * @category Money Values
 * @param text - the text to check (any value is answered, never thrown on)
 * @throws never: a value that is not a decimal numeral (of any type) gives false
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
    // No trimming: one rule with the document schemas, which refuse surrounding spaces (L3).
    if (value.length > MAX_DECIMAL_TEXT_LENGTH) return decimalLengthReason(value)!;
    if (!isDecimalText(value)) return `"${value}" is not a decimal number`;
    const tooLong = decimalLengthReason(value);
    if (tooLong !== undefined) return tooLong;
    return new D(value);
  }
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN is not a number";
    if (!Number.isFinite(value)) return `${value} is not a finite number`;
    return new D(value);
  }
  if (Decimal.isDecimal(value)) {
    const d = value as Decimal;
    if (!d.isFinite()) return `${d.toString()} is not a finite number`;
    if (d.precision() > MAX_SIGNIFICANT_DIGITS) return `a decimal has at most ${MAX_SIGNIFICANT_DIGITS} significant digits (MAX_SIGNIFICANT_DIGITS), got ${d.precision()}`;
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
