// Catastrophic health expenditure (灾难性卫生支出): out-of-pocket above a share of household income.
import * as z from "zod";
import { currencyCodeSchema, type Explanation, nonNegativeAmountSchema, parseInput, positiveDecimalSchema, rateSchema, step } from "../core/index.js";
import { formatMoney, money } from "../money/index.js";
import { D } from "../money/decimal.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The zod schema of {@link catastrophicBurden}'s input.
 *
 * @category Coverage Layers
 */
export const catastrophicBurdenInputSchema = lazySchema(() => z
  .strictObject({
    /** The household's out-of-pocket health spending over the period (自付医疗支出), ≥ 0. */
    outOfPocket: nonNegativeAmountSchema,
    /** Household income over the same period; must be positive. */
    householdIncome: positiveDecimalSchema,
    /** The share of income above which spending is catastrophic; default 0.2 (20%). */
    threshold: rateSchema.optional(),
    /** The currency of every amount in the input (ISO 4217 code, e.g. `CNY`, `USD`); always stated. */
    currency: currencyCodeSchema,
  })
  .strict());

/**
 * Result of {@link catastrophicBurden}.
 *
 * @category Coverage Layers
 */
export interface CatastrophicBurdenResult {
  /** True when out-of-pocket / income is strictly above the threshold. */
  readonly catastrophic: boolean;
  /** out-of-pocket / income, to 6 decimals (the comparison itself is exact). */
  readonly ratio: string;
  readonly threshold: string;
  readonly explanation: Explanation;
}

/**
 * Flags catastrophic burden: out-of-pocket spending above a share (default 20%) of household income.
 *
 * @param input - Out-of-pocket spending, household income and the threshold share.
 * @throws {ValidationError} when the input does not match `catastrophicBurdenInputSchema` (the field path is named).
 * @example
 * ```ts
 * catastrophicBurden({ currency: "CNY", outOfPocket: "30000", householdIncome: "100000" }); // catastrophic: true, ratio "0.3"
 * ```
 * @category Coverage Layers
 */
export function catastrophicBurden(input: z.input<typeof catastrophicBurdenInputSchema>): CatastrophicBurdenResult {
  const x = parseInput(catastrophicBurdenInputSchema, input, "catastrophicBurden");
  const currency = x.currency;
  const threshold = x.threshold ?? new D("0.2");
  const exact = x.outOfPocket.dividedBy(x.householdIncome);
  const catastrophic = exact.greaterThan(threshold);
  const ratio = exact.toDecimalPlaces(6).toString();
  const oop = money(x.outOfPocket, currency);
  const income = money(x.householdIncome, currency);
  return {
    catastrophic,
    ratio,
    threshold: threshold.toString(),
    explanation: [
      step(
        "tiers.catastrophic",
        `Out-of-pocket ${formatMoney(oop)} is ${exact.times(100).toDecimalPlaces(4).toString()}% of household income ${formatMoney(income)}: ${catastrophic ? "above" : "not above"} the ${threshold.times(100).toString()}% threshold, so the burden is ${catastrophic ? "" : "not "}catastrophic.`,
        { outOfPocket: oop, householdIncome: income, ratio, threshold: threshold.toString() },
      ),
    ],
  };
}
