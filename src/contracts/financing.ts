import * as z from "zod";
import { type Explanation, nonNegativeMoneySchema, parseInput, rateSchema, roundingSchema, step } from "../core/index.js";
import { fromMinorUnits, getCurrency, type Money, money, round, split, sum } from "../money/index.js";
import { D } from "../money/decimal.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link installmentFinancing}: a principal, a rate per period (0.03 = 3% per
 * period) and a number of periods.
 *
 * @category Financing
 */
export const installmentFinancingInputSchema = lazySchema(() => z.strictObject({
  /** The amount financed (the contract price), ≥ 0, with its currency. */
  principal: nonNegativeMoneySchema,
  /** Interest rate per period, a decimal in [0, 1] (0.03 = 3% per period); 0 splits the principal evenly. */
  periodicRate: rateSchema,
  /** Number of equal payments, 1–1200. */
  periods: z.number().int().min(1).max(1200),
  /** Rounding mode of each payment (to the currency's minor unit); default `half-up`. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * Input of {@link installmentFinancing} as the caller writes it.
 *
 * @category Financing
 */
export type InstallmentFinancingInput = z.input<typeof installmentFinancingInputSchema>;

/**
 * Result of {@link installmentFinancing}.
 *
 * @category Financing
 */
export interface InstallmentFinancingResult {
  /** The payment of each period, in order (equal, except for a zero-rate split of an indivisible principal). */
  readonly payments: readonly Money[];
  /** The payment of one period (the first). */
  readonly payment: Money;
  /** What all payments add up to. */
  readonly total: Money;
  /** Total minus principal: what the financing costs. */
  readonly interest: Money;
  readonly explanation: Explanation;
}

/**
 * Equal periodic payments that repay a principal `L` at periodic rate `i` over `n`
 * periods (an annuity): `L·i / (1 − (1 + i)^(−n))`, rounded once to the minor unit.
 * At rate 0 the principal is split into `n` parts through `allocate`, so they sum to it exactly.
 *
 * @example
 * ```ts
 * installmentFinancing({ principal: { amount: "2125000", currency: "USD" }, periodicRate: "0.03", periods: 5 }).payment;
 * // USD 464003.46
 * installmentFinancing({ principal: { amount: "2125000", currency: "USD" }, periodicRate: 0, periods: 5 }).payment;
 * // USD 425000.00
 * ```
 *
 * @param input - The `principal` (money), the `periodicRate`, the number of `periods` and an optional `rounding`.
 * @throws {ValidationError} when the input does not match `installmentFinancingInputSchema` or the principal's currency is unknown (the field path is named, e.g. `principal.currency`).
 * @category Financing
 */
export function installmentFinancing(input: InstallmentFinancingInput): InstallmentFinancingResult {
  const { principal, periodicRate, periods, rounding } = parseInput(installmentFinancingInputSchema, input, "installmentFinancing");
  getCurrency(principal.currency);
  let payments: Money[];
  let text: string;
  if (periodicRate.isZero()) {
    payments = split(round(principal, rounding), periods);
    text = `At rate 0 the principal ${principal.toString()} is split into ${periods} equal payments (exact split).`;
  } else {
    const factor = periodicRate.dividedBy(new D(1).minus(new D(1).plus(periodicRate).pow(-periods)));
    const each = round(money(principal.amount.times(factor), principal.currency), rounding);
    payments = Array.from({ length: periods }, () => each);
    text = `Annuity: ${principal.toString()} × ${periodicRate.toString()} / (1 − (1 + ${periodicRate.toString()})^(−${periods})) = ${each.toString()} per period (rounded ${rounding}).`;
  }
  const total = sum(payments, principal.currency);
  const interest = money(total.amount.minus(principal.amount), principal.currency);
  const payment = payments[0] ?? fromMinorUnits(0n, principal.currency);
  return {
    payments,
    payment,
    total,
    interest,
    explanation: [
      step("contracts.financing.payment", text, { principal, periodicRate, periods }, payment),
      step("contracts.financing.total", `${periods} payments total ${total.toString()}, of which ${interest.toString()} is the cost of financing.`, { periods }, total),
    ],
  };
}

