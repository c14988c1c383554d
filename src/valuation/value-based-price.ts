import * as z from "zod";
import { parseInput, roundingSchema, step, type Step } from "../core/index.js";
import { formatMoney, type Money, money, round, type Rounding } from "../money/index.js";
import { commonCurrency, costSchema, effectSchema, lambdaMoneySchema, short } from "./shared.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link valueBasedPrice}.
 *
 * @category Thresholds and Price
 */
export const valueBasedPriceInputSchema = lazySchema(() => z.strictObject({
  /** Willingness to pay per QALY. */
  lambda: lambdaMoneySchema,
  /** QALYs gained by the new strategy over the comparator (ΔE). */
  incrementalEffect: effectSchema,
  /** The comparator arm's total cost. */
  comparatorCost: costSchema,
  /** The new arm's costs other than the drug (administration, monitoring, adverse events…). */
  nonDrugCost: costSchema,
  /** The current or proposed price, to report the headroom against. */
  currentPrice: costSchema.optional(),
  /** Rounding of the maximum price; default `floor`, so the ICER at the rounded price never exceeds λ. */
  rounding: roundingSchema.optional(),
}));

/**
 * Input of {@link valueBasedPrice} as written by callers.
 *
 * @category Thresholds and Price
 */
export type ValueBasedPriceInput = z.input<typeof valueBasedPriceInputSchema>;

/**
 * The value-based price, or why there is none.
 *
 * @category Thresholds and Price
 */
export interface ValueBasedPriceResult {
  /** False when ΔE ≤ 0 or the formula gives a price ≤ 0: no positive value-based price exists. */
  readonly hasPositivePrice: boolean;
  /** The highest drug price at which ICER = λ, rounded (null when there is no positive price). */
  readonly maxPrice: Money | null;
  /** `C_comparator + λ·ΔE − C_non-drug`, unrounded, whatever its sign. */
  readonly formulaValue: Money;
  /** maxPrice − currentPrice, when a current price was given and a positive price exists. */
  readonly headroom: Money | null;
  readonly reason: string;
  readonly explanation: readonly Step[];
}

/**
 * The value-based price (price headroom): the highest drug price at which the new
 * strategy's ICER equals λ, `Pmax = C_comparator + λ·ΔE − C_non-drug`. When ΔE ≤ 0
 * no price makes the therapy worth it, and the result says so instead of
 * returning a number; likewise when the formula gives zero or less.
 *
 * @example
 * ```ts
 * valueBasedPrice({
 *   lambda: { amount: "150000", currency: "CNY" },
 *   incrementalEffect: 1,
 *   comparatorCost: { amount: "100000", currency: "CNY" },
 *   nonDrugCost: { amount: "20000", currency: "CNY" },
 * }).maxPrice?.toString(); // "CNY 230000.00"
 * ```
 *
 * @param input - `{ lambda, incrementalEffect, comparatorCost, nonDrugCost, currentPrice?, rounding? }`
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused)
 * @throws {DomainError} CURRENCY_MISMATCH when two amounts are in different currencies (path of the later one)
 * @category Thresholds and Price
 */
export function valueBasedPrice(input: ValueBasedPriceInput): ValueBasedPriceResult {
  const doc = parseInput(valueBasedPriceInputSchema, input, "valueBasedPrice");
  const currency = commonCurrency([
    { money: doc.lambda, path: ["lambda"] },
    { money: doc.comparatorCost, path: ["comparatorCost"] },
    { money: doc.nonDrugCost, path: ["nonDrugCost"] },
    ...(doc.currentPrice ? [{ money: doc.currentPrice, path: ["currentPrice"] }] : []),
  ]);
  const rounding: Rounding = doc.rounding ?? "floor";
  const dE = doc.incrementalEffect;
  const value = doc.comparatorCost.amount.plus(doc.lambda.amount.times(dE)).minus(doc.nonDrugCost.amount);
  const formulaValue = money(value, currency);
  const explanation: Step[] = [
    step(
      "valuation.price.formula",
      `Pmax = comparator cost ${formatMoney(doc.comparatorCost)} + λ ${formatMoney(doc.lambda)} × ΔE ${short(dE)} − non-drug cost ${formatMoney(doc.nonDrugCost)}.`,
      { comparatorCost: doc.comparatorCost, lambda: doc.lambda, incrementalEffect: dE, nonDrugCost: doc.nonDrugCost },
      formulaValue,
    ),
  ];
  if (!dE.greaterThan(0)) {
    const reason = `ΔE = ${short(dE)} QALYs: the new strategy gains no health, so no positive price makes it cost-effective.`;
    explanation.push(step("valuation.price.none", reason, { incrementalEffect: dE }));
    return { hasPositivePrice: false, maxPrice: null, formulaValue, headroom: null, reason, explanation };
  }
  const maxPrice = round(formulaValue, rounding);
  if (!maxPrice.amount.greaterThan(0)) {
    const reason = `The formula gives ${formatMoney(maxPrice)}: even a free drug would not bring the ICER down to λ.`;
    explanation.push(step("valuation.price.none", reason, {}));
    return { hasPositivePrice: false, maxPrice: null, formulaValue, headroom: null, reason, explanation };
  }
  const reason = `At a drug price of ${formatMoney(maxPrice)} the ICER is at most λ (${formatMoney(doc.lambda)} per QALY); rounded ${rounding}.`;
  explanation.push(step("valuation.price.max", reason, { rounding }, maxPrice));
  let headroom: Money | null = null;
  if (doc.currentPrice) {
    headroom = money(maxPrice.amount.minus(doc.currentPrice.amount), currency);
    explanation.push(
      step("valuation.price.headroom", `Against the current price ${formatMoney(doc.currentPrice)} the headroom is ${formatMoney(headroom)}.`, { currentPrice: doc.currentPrice }, headroom),
    );
  }
  return { hasPositivePrice: true, maxPrice, formulaValue, headroom, reason, explanation };
}
