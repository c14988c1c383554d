import { isValid, parseISO } from "date-fns";
import { z } from "zod";
import { getCurrency, isCurrencyCode } from "../money/currency.js";
import { D, type Dec, isDecimalText, toDecimalOrReason } from "../money/decimal.js";
import { fromDecimal, isMoney, type Money } from "../money/money.js";
import { ROUNDING_MODES, type Rounding } from "../money/rounding.js";

interface DecimalBounds {
  /** Inclusive lower bound. */
  readonly min?: string;
  /** Exclusive lower bound. */
  readonly above?: string;
  /** Inclusive upper bound. */
  readonly max?: string;
}

/**
 * Defaults: these schemas output Decimals, so in zod 4 give an input-side default with
 * `.prefault("0")` (parsed like any input) rather than `.default(...)`, which expects
 * the parsed Decimal.
 *
 * A schema for an exact decimal given as a decimal string or a JSON number (taken by
 * its shortest representation, so 0.7 is exactly 0.7), with optional bounds.
 * Output: the library's Decimal.
 */
export function decimal(bounds: DecimalBounds = {}) {
  return z.union([z.string(), z.number()]).transform((value, ctx): Dec => {
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
 */
export function amount(bounds: DecimalBounds = {}) {
  return z
    .union([z.string(), z.number()])
    .superRefine((value, ctx) => {
      if (typeof value === "string" && !isDecimalText(value.trim())) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a decimal amount` });
      } else if (typeof value === "number" && !Number.isSafeInteger(value)) {
        ctx.addIssue({ code: "custom", message: `amounts with decimals must be written as strings (got ${value})` });
      }
    })
    .pipe(decimal(bounds));
}

/** An amount, any sign. */
export const amountSchema = amount();
/** An amount ≥ 0 (prices, bills, budgets). */
export const nonNegativeAmountSchema = amount({ min: "0" });

/** A known ISO 4217 currency code. */
export const currencyCodeSchema = z.string().refine(isCurrencyCode, { message: "unknown currency code" });

/** Money in a document, `{ amount: "480000.00", currency: "CNY" }`, or a Money value. Output: Money. */
export function moneyOf(bounds: DecimalBounds = {}) {
  const json = z.object({ amount: amount(bounds), currency: currencyCodeSchema }).transform(
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
export const isoDateSchema = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isValid(parseISO(s)), {
  message: "expected a calendar date YYYY-MM-DD",
});

/** A rounding mode name. */
export const roundingSchema = z.enum(ROUNDING_MODES as [Rounding, ...Rounding[]]);
