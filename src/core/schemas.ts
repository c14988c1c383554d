import { isValid, parseISO } from "date-fns";
import { z } from "zod";
import { invalid } from "./errors.js";
import { getCurrency, isCurrencyCode } from "../money/currency.js";
import { D, type Dec, toDecimalOrReason } from "../money/decimal.js";
import { fromDecimal, isMoney, type Money } from "../money/money.js";
import { ROUNDING_MODES, type Rounding } from "../money/rounding.js";

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/** A decimal numeral as text; the pattern shows in the generated JSON Schema. */
function decimalText(what: string) {
  // abort: a continuable failure would let the union pass the raw text on, untransformed,
  // to the refinements of the enclosing object (which expect a Decimal).
  return z.string().regex(DECIMAL_PATTERN, { error: (issue) => `${JSON.stringify(issue.input)} is not a decimal ${what}`, abort: true });
}

/** Bounds for {@link decimal} and {@link amount}: `min` inclusive, `above` exclusive, `max` inclusive (decimal strings). */
export interface DecimalBounds {
  /** Inclusive lower bound. */
  readonly min?: string;
  /** Exclusive lower bound. */
  readonly above?: string;
  /** Inclusive upper bound. */
  readonly max?: string;
}

/** Bounds are decimals; junk would otherwise surface as decimal.js errors at parse time. */
function checkBounds(bounds: unknown): asserts bounds is DecimalBounds {
  if (bounds === null || typeof bounds !== "object") throw invalid(["bounds"], "bounds are an object { min?, above?, max? }", "invalid_type");
  for (const key of ["min", "above", "max"] as const) {
    const v = (bounds as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const d = toDecimalOrReason(v);
    if (typeof d === "string") throw invalid(["bounds", key], d, "invalid_decimal");
  }
}

/**
 * Defaults: these schemas output Decimals, so in zod 4 give an input-side default with
 * `.prefault("0")` (parsed like any input) rather than `.default(...)`, which expects
 * the parsed Decimal.
 *
 * A schema for an exact decimal given as a decimal string or a JSON number (taken by
 * its shortest representation, so 0.7 is exactly 0.7), with optional bounds.
 * Output: the library's Decimal.
 *
 * @example
 * ```ts
 * const coefficient = decimal({ above: "0" }); // a positive decimal
 * ```
 */
export function decimal(bounds: DecimalBounds = {}) {
  checkBounds(bounds);
  return z.union([decimalText("number"), z.number()]).transform((value, ctx): Dec => {
    const d = toDecimalOrReason(value);
    if (typeof d === "string") {
      ctx.addIssue({ code: "custom", message: d });
      return z.NEVER;
    }
    if (bounds.min !== undefined && d.lessThan(bounds.min)) {
      ctx.addIssue({ code: "custom", message: `must be ≥ ${bounds.min}, got ${d.toString()}` });
      return z.NEVER;
    }
    if (bounds.above !== undefined && d.lessThanOrEqualTo(bounds.above)) {
      ctx.addIssue({ code: "custom", message: `must be > ${bounds.above}, got ${d.toString()}` });
      return z.NEVER;
    }
    if (bounds.max !== undefined && d.greaterThan(bounds.max)) {
      ctx.addIssue({ code: "custom", message: `must be ≤ ${bounds.max}, got ${d.toString()}` });
      return z.NEVER;
    }
    return d;
  });
}

/** Any exact decimal (string or number). */
export const decimalSchema = decimal();
/** A decimal ≥ 0. */
export const nonNegativeDecimalSchema = decimal({ min: "0" });
/** A decimal > 0 (coefficients, multipliers, weights of a DRG). */
export const positiveDecimalSchema = decimal({ above: "0" });
/** A rate or ratio: a decimal in [0, 1] (0.7 = 70%). */
export const rateSchema = decimal({ min: "0", max: "1" });

/**
 * A money amount in a document: a decimal string (`"1200000.00"`) or a safe integer.
 * Fractional JSON numbers are refused because they may already carry binary error.
 *
 * @example
 * ```ts
 * z.strictObject({ price: amount({ min: "0" }) });
 * ```
 */
export function amount(bounds: DecimalBounds = {}) {
  checkBounds(bounds);
  return z
    .union([
      decimalText("amount"),
      z.number().refine(Number.isSafeInteger, { error: (issue) => `amounts with decimals must be written as strings (got ${String(issue.input)})`, abort: true }),
    ])
    .pipe(decimal(bounds));
}

/** An amount, any sign. */
export const amountSchema = amount();
/** An amount ≥ 0 (prices, bills, budgets). */
export const nonNegativeAmountSchema = amount({ min: "0" });

/** A known ISO 4217 currency code. */
export const currencyCodeSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'the currency is required: a document that states amounts states its currency (e.g. "CNY")' : "a currency code is a string of three upper-case letters (ISO 4217)") })
  .regex(/^[A-Z]{3}$/, { error: "a currency code is three upper-case letters (ISO 4217)" })
  .refine(isCurrencyCode, { error: (issue) => `unknown currency code ${JSON.stringify(issue.input)}` });

/**
 * Money in a document, `{ amount: "480000.00", currency: "CNY" }`, or a Money value. Output: Money.
 *
 * @example
 * ```ts
 * const positivePrice = moneyOf({ above: "0" });
 * ```
 */
export function moneyOf(bounds: DecimalBounds = {}) {
  checkBounds(bounds);
  const json = z.strictObject({ amount: amount(bounds), currency: currencyCodeSchema }).transform(
    (m): Money => fromDecimal(m.amount, getCurrency(m.currency).code),
  );
  return z.union([z.custom<Money>((v) => isMoney(v) && withinBounds(v.amount, bounds), { message: "amount out of range" }), json]);
}

function withinBounds(d: Dec, b: DecimalBounds): boolean {
  if (b.min !== undefined && d.lessThan(b.min)) return false;
  if (b.above !== undefined && d.lessThanOrEqualTo(b.above)) return false;
  if (b.max !== undefined && d.greaterThan(b.max)) return false;
  return true;
}

/** Money, any sign. */
export const moneySchema = moneyOf();
/** Money ≥ 0. */
export const nonNegativeMoneySchema = moneyOf({ min: "0" });

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). Output: the same string. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a calendar date YYYY-MM-DD" })
  .refine((s) => isValid(parseISO(s)), { error: (issue) => `${JSON.stringify(issue.input)} is not a calendar date` });

/** A rounding mode name. */
export const roundingSchema = z.enum(ROUNDING_MODES as [Rounding, ...Rounding[]]);
