import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import * as z from "zod";
import { invalid } from "./errors.js";
import { getCurrency, isCurrencyCode } from "../money/currency.js";
import { D, type Dec, toDecimalOrReason } from "../money/decimal.js";
import { fromDecimal, isMoney, type Money } from "../money/money.js";
import { ROUNDING_MODES, type Rounding } from "../money/rounding.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const DECIMAL_PATTERN = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/** A decimal numeral as text; the pattern shows in the generated JSON Schema. */
function decimalText(what: string) {
  // abort: a continuable failure would let the union pass the raw text on, untransformed,
  // to the refinements of the enclosing object (which expect a Decimal).
  return z.string().regex(DECIMAL_PATTERN, { error: (issue) => `${JSON.stringify(issue.input)} is not a decimal ${what}${formHint(issue.input)}`, abort: true });
}

/** What form was expected, for the usual slips: "80%", "1,200", "1e5", " 12" (B3). */
function formHint(input: unknown): string {
  if (typeof input !== "string") return "";
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(input);
  if (percent) return `: rates are decimals in [0, 1]: write ${new D(percent[1]!).dividedBy(100).toFixed()}`;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(input)) return `: write it without thousands separators (${input.replace(/,/g, "")})`;
  if (/^\s|\s$/.test(input)) return ": remove the surrounding spaces";
  if (/e/i.test(input) && Number.isFinite(Number(input))) return ": write it without an exponent";
  return "";
}

/**
 * Bounds for {@link decimal} and {@link amount}: `min` inclusive, `above` exclusive, `max` inclusive (decimal strings).
 *
 * @category Schemas
 */
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
 *
 * @category Schemas
 * @param bounds - optional `{ min, above, max }` as decimal strings (`min`/`max` inclusive, `above` exclusive)
 * @param kind - `"rate"` makes a value above `max` and at most 100 suggest the decimal form (80 → 0.8); internal
 * @throws {ValidationError} at `bounds` / `bounds.<key>` when a bound is not a decimal
 */
export function decimal(bounds: DecimalBounds = {}, /** @internal "rate": messages say rates are decimals in [0, 1]. */ kind?: "rate") {
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
      const hint = kind === "rate" && d.lessThanOrEqualTo(100) ? `: rates are decimals in [0, 1]: for ${d.toFixed()}% write ${d.dividedBy(100).toFixed()}` : "";
      ctx.addIssue({ code: "custom", message: `must be ≤ ${bounds.max}, got ${d.toString()}${hint}` });
      return z.NEVER;
    }
    return d;
  });
}

/**
 * Any exact decimal (string or number).
 *
 * @category Schemas
 */
export const decimalSchema = lazySchema(() => decimal());
/**
 * A decimal ≥ 0.
 *
 * @category Schemas
 */
export const nonNegativeDecimalSchema = lazySchema(() => decimal({ min: "0" }));
/**
 * A decimal > 0 (coefficients, multipliers, weights of a DRG).
 *
 * @category Schemas
 */
export const positiveDecimalSchema = lazySchema(() => decimal({ above: "0" }));
/**
 * A rate or ratio: a decimal in [0, 1] (0.7 = 70%).
 *
 * @category Schemas
 */
export const rateSchema = lazySchema(() => decimal({ min: "0", max: "1" }, "rate"));

/**
 * A money amount in a document: a decimal string (`"1200000.00"`) or a safe integer.
 * Fractional JSON numbers are refused because they may already carry binary error.
 *
 * @example
 * ```ts
 * z.strictObject({ price: amount({ min: "0" }) });
 * ```
 *
 * @category Schemas
 * @param bounds - optional `{ min, above, max }` as decimal strings (`min`/`max` inclusive, `above` exclusive)
 * @throws {ValidationError} at `bounds` / `bounds.<key>` when a bound is not a decimal
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

/**
 * An amount, any sign.
 *
 * @category Schemas
 */
export const amountSchema = lazySchema(() => amount());
/**
 * An amount ≥ 0 (prices, bills, budgets).
 *
 * @category Schemas
 */
export const nonNegativeAmountSchema = lazySchema(() => amount({ min: "0" }));

/**
 * A known ISO 4217 currency code.
 *
 * @category Schemas
 */
export const currencyCodeSchema = lazySchema(() => z
  .string({ error: (issue) => (issue.input === undefined ? 'the currency is required: a document that states amounts states its currency (e.g. "CNY")' : "a currency code is a string of three upper-case letters (ISO 4217)") })
  .regex(/^[A-Z]{3}$/, { error: "a currency code is three upper-case letters (ISO 4217)" })
  .refine(isCurrencyCode, { error: (issue) => `unknown currency code ${JSON.stringify(issue.input)}` }));

/**
 * Money in a document, `{ amount: "480000.00", currency: "CNY" }`, or a Money value. Output: Money.
 *
 * @example
 * ```ts
 * const positivePrice = moneyOf({ above: "0" });
 * ```
 *
 * @category Schemas
 * @param bounds - optional `{ min, above, max }` on the amount, as decimal strings
 * @throws {ValidationError} at `bounds` / `bounds.<key>` when a bound is not a decimal
 */
export function moneyOf(bounds: DecimalBounds = {}) {
  checkBounds(bounds);
  const json = z
    .strictObject({
      /** The amount as a decimal string (`"480000.00"`) or a safe integer, at most the currency's minor digits. */
      amount: amount(bounds),
      /** The ISO 4217 currency code (`"CNY"`); required, never defaulted. */
      currency: currencyCodeSchema,
    })
    .transform(
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

/**
 * Money, any sign.
 *
 * @category Schemas
 */
export const moneySchema = lazySchema(() => moneyOf());
/**
 * Money ≥ 0.
 *
 * @category Schemas
 */
export const nonNegativeMoneySchema = lazySchema(() => moneyOf({ min: "0" }));

/**
 * A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). Output: the same string.
 *
 * @category Schemas
 */
export const isoDateSchema = lazySchema(() => z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected a calendar date YYYY-MM-DD" })
  .refine((s) => isValid(parseISO(s)), { error: (issue) => `${JSON.stringify(issue.input)} is not a calendar date` }));

/**
 * A rounding mode name.
 *
 * @category Schemas
 */
export const roundingSchema = lazySchema(() => z.enum(ROUNDING_MODES as [Rounding, ...Rounding[]]));

// zod's record parsing skips an own `__proto__` key silently (and builds a plain `{}`),
// so a layer, category or parameter named "__proto__" would vanish. The key is renamed
// to this placeholder for the record's own parse and named back afterwards.
const PROTO_KEY = "\u0000__proto__";

function escapeProtoKey(input: unknown, ctx: { addIssue: (issue: { code: "custom"; message: string; input: unknown }) => void }): unknown {
  if (input !== null && typeof input === "object" && Object.hasOwn(input, PROTO_KEY)) {
    ctx.addIssue({ code: "custom", message: "a key may not start with a NUL character", input });
    return input;
  }
  if (input === null || typeof input !== "object" || Array.isArray(input) || !Object.hasOwn(input, "__proto__")) return input;
  const proto = Object.getPrototypeOf(input) as unknown;
  if (proto !== Object.prototype && proto !== null) return input;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    const value = (input as Record<string, unknown>)[key];
    Object.defineProperty(copy, key === "__proto__" ? PROTO_KEY : key, { value, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * A map keyed by user-chosen names (layer ids, category labels, parameter names…):
 * every string works as a key, `__proto__`, `constructor` and `toString` included. The
 * output is a null-prototype object, so a lookup never finds `Object.prototype`'s
 * members. In JSON Schema it is an object with `additionalProperties` of `value`.
 *
 * @example
 * ```ts
 * const rates = parseInput(userRecord(z.string(), rateSchema), { __proto__: 0.5 } as never);
 * ```
 */
export function userRecord<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V) {
  return z
    .preprocess(escapeProtoKey, z.record(key, value))
    .transform((record): Record<z.output<K>, z.output<V>> => {
      const out = Object.create(null) as Record<string, unknown>;
      for (const k of Object.keys(record)) out[k === PROTO_KEY ? "__proto__" : k] = (record as Record<string, unknown>)[k];
      return out as Record<z.output<K>, z.output<V>>;
    }) as unknown as z.ZodType<Record<z.output<K>, z.output<V>>, Record<z.input<K>, z.input<V>>>;
}

export { PROTO_KEY as ESCAPED_PROTO_KEY };
