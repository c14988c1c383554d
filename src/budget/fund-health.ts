import * as z from "zod";
import { amount, nonNegativeAmountSchema, parseInput, rateSchema, step, type Step } from "../core/index.js";
import { money, type Money } from "../money/index.js";
import { budgetCurrencySchema, cash, pct, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link fundHealth}: a fund's income and expenditure for a period.
 *
 * @category Fund Health and Cost Anomalies
 */
export const fundHealthInputSchema = lazySchema(() => z.strictObject({
  /** ISO 4217 code of income and expenditure (stated, never defaulted). */
  currency: budgetCurrencySchema,
  /** The period's label ("2026"), for the reader. */
  period: z.string().optional(),
  /** Fund income for the period (> 0). */
  income: amount({ above: "0" }),
  /** Fund expenditure for the period (基金支出), ≥ 0. */
  expenditure: nonNegativeAmountSchema,
  /** Warn when the surplus rate falls below this; 5% by default. */
  warningRate: rateSchema.prefault(0.05),
}));

/**
 * A fund's health for a period.
 *
 * @category Fund Health and Cost Anomalies
 */
export interface FundHealth {
  readonly income: Money;
  readonly expenditure: Money;
  /** income − expenditure (negative is a deficit). */
  readonly surplus: Money;
  /** (income − expenditure) ÷ income, exact decimal text. */
  readonly surplusRate: string;
  readonly warningRate: string;
  /** `healthy` above the warning line, `warning` at or below it (corrections C7: reaching the line is the alarm), `deficit` when spending exceeds income. */
  readonly status: "healthy" | "warning" | "deficit";
  readonly warning: boolean;
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link fundHealth} as stored (JSON): what {@link fundHealthInputSchema} parses.
 *
 * @category Fund Health and Cost Anomalies
 */
export type FundHealthInput = z.input<typeof fundHealthInputSchema>;

/**
 * Fund surplus rate (基金结余率) = (income − expenditure) ÷ income, with a warning
 * at or below the warning line (5% by default; reaching the line is the alarm, corrections C7) and a deficit status when spending exceeds income.
 *
 * @category Fund Health and Cost Anomalies
 * @param input - the currency, period, income (> 0), expenditure and warning rate.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown (income ≤ 0, a warning rate outside [0, 1]; path named)
 *
 * @example
 * ```ts
 * fundHealth({ currency: "CNY", income: "1000000000", expenditure: "970000000" }).status; // "warning" (3% < 5%)
 * ```
 */
export function fundHealth(input: FundHealthInput): FundHealth {
  const p = parseInput(fundHealthInputSchema, input, "fundHealth");
  const income = cash(p.income, p.currency);
  const expenditure = cash(p.expenditure, p.currency);
  const surplus = money(p.income.minus(p.expenditure), p.currency);
  const rate = surplus.amount.dividedBy(p.income);
  const status: FundHealth["status"] = rate.isNegative() ? "deficit" : rate.lessThanOrEqualTo(p.warningRate) ? "warning" : "healthy";
  return {
    income,
    expenditure,
    surplus,
    surplusRate: text(rate),
    warningRate: text(p.warningRate),
    status,
    warning: status !== "healthy",
    explanation: [
      step("budget.fund.surplus", "The fund surplus is income less expenditure.", { income, expenditure }, surplus),
      step(
        "budget.fund.surplus-rate",
        `The surplus rate is ${pct(rate)} of income${status === "healthy" ? `, above the ${pct(p.warningRate)} warning line` : status === "warning" ? `, at or below the ${pct(p.warningRate)} warning line` : ": the fund is in deficit"}.`,
        { surplusRate: rate, warningRate: p.warningRate, status },
      ),
    ],
  };
}
