// Pieces shared by the valuation calculators. Not part of the public API.
import * as z from "zod";
import { decimalSchema, moneySchema } from "../core/index.js";
import { DomainError, type IssuePath } from "../core/index.js";
import { type Dec, type Money, money, round, type Rounding } from "../money/index.js";
import { D, Decimal } from "../money/decimal.js";
import { lazySchema } from "../kernel/lazy-schema.js";
import { invalid } from "../kernel/index.js";

/**
 * An effect (QALYs, life-years): a finite decimal given as a number, a decimal
 * string, or a Decimal (so `qaly(...).qalys` can be passed straight on).
 */
export const effectSchema = lazySchema(() => z.union([
  z
    .custom<Dec>((v) => Decimal.isDecimal(v), { message: "expected a decimal" })
    .refine((v) => v.isFinite(), { message: "an effect must be finite" })
    .transform((v): Dec => new D(v)),
  decimalSchema,
]));

/** A cost: Money, or `{ amount, currency }` in a document. Any sign: cost offsets are legitimate. */
export const costSchema = moneySchema;

/**
 * The strategies a frontier or a net-benefit table compares, at least one: a name, an
 * expected cost and an expected effect each. (Unique names are checked by the document
 * that holds the list, with {@link checkUniqueNames}.)
 */
export const strategiesSchema = lazySchema(() => z
  .array(
    z.strictObject({
      /** The strategy's name, unique among the strategies. */
      name: z.string().min(1),
      /** Its expected cost (any sign: cost offsets are legitimate). */
      cost: costSchema,
      /** Its expected effect in QALYs (a number, a decimal string or a Decimal). */
      effect: effectSchema,
    }),
  )
  .min(1, "at least one strategy is needed"));

/** A willingness-to-pay per QALY: Money, or `{ amount, currency }`, never negative. */
export const lambdaMoneySchema = lazySchema(() => moneySchema.refine((m) => !m.amount.isNegative(), {
  message: "a willingness-to-pay threshold cannot be negative",
}));

/** Every Money in `items` (at least one: the currency is taken from them, never assumed) must share one currency; returns it. */
export function commonCurrency(items: readonly { readonly money: Money; readonly path: IssuePath }[]): string {
  const first = items[0];
  // Every caller's schema asks for at least one amount; an empty list is refused rather than given a currency.
  if (first === undefined) throw invalid([], "at least one amount is needed to take the currency from", "too_small");
  for (const item of items) {
    if (item.money.currency !== first.money.currency) {
      throw new DomainError(
        "CURRENCY_MISMATCH",
        `currency mismatch: ${item.money.currency} here, ${first.money.currency} elsewhere; convert before comparing strategies`,
        { path: item.path, details: { expected: first.money.currency, got: item.money.currency } },
      );
    }
  }
  return first.money.currency;
}

/** Rounds an exact decimal money figure to the currency's minor unit. */
export function roundedMoney(value: Dec, currency: string, rounding: Rounding = "half-up"): Money {
  return round(money(value, currency), rounding);
}

/** A decimal shown with a fixed number of places, half-up, for sentences. */
export function fixed(value: Dec, places: number): string {
  return new D(value).toDecimalPlaces(places, D.ROUND_HALF_UP).toFixed(places);
}

/** A short, readable decimal for sentences (trailing zeros dropped, at most 6 places). */
export function short(value: Dec): string {
  return new D(value).toDecimalPlaces(6, D.ROUND_HALF_UP).toString();
}

/** Adds a zod issue for every duplicated name. */
export function checkUniqueNames(names: readonly string[], ctx: z.RefinementCtx, path: (i: number) => (string | number)[]): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      ctx.addIssue({ code: "custom", message: `duplicate strategy name "${name}" (also at index ${earlier})`, path: path(i) });
    } else seen.set(name, i);
  });
}
