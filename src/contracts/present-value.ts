import * as z from "zod";
import { type Explanation, moneySchema, parseInput, rateSchema, roundingSchema, type Step, step } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { type Dec, type Money, money, round } from "../money/index.js";
import { D } from "../money/decimal.js";
import { parseContract } from "./parse-contract.js";
import { dueOffsetSchema } from "./contract-schema.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const paymentsForm = lazySchema(() => z.strictObject({
  /** The payments to discount, at least one. */
  payments: z
    .array(
      z.strictObject({
        /** The payment, with its currency (all payments in one currency). */
        amount: moneySchema,
        /** When it is due, as an offset from treatment start (months of 1/12 year, days of 1/365 year). */
        due: dueOffsetSchema,
      })
    )
    .min(1),
  /** Annual discount rate, a decimal in [0, 1] (0.05 = 5% a year), compounded over fractional years. */
  annualRate: rateSchema,
  /** Rounding mode of the present value (rounded once, to the currency's minor unit); default `half-up`. */
  rounding: roundingSchema.default("half-up"),
}));

const contractForm = lazySchema(() => z.strictObject({
  /** A contract (JSON) with a dated schedule (`schedule` or `financing`), every payment assumed made. */
  contract: z.unknown(),
  /** Annual discount rate, a decimal in [0, 1] (0.05 = 5% a year), compounded over fractional years. */
  annualRate: rateSchema,
  /** Rounding mode of the present value (rounded once, to the currency's minor unit); default `half-up`. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * Input of {@link schedulePresentValue}: either explicit payments with their offsets
 * from treatment start, or a contract whose whole schedule is assumed paid (the
 * "all-well" schedule), plus an annual discount rate.
 *
 * @category Financing
 */
export const schedulePresentValueInputSchema = lazySchema(() => z.union([paymentsForm, contractForm]));

/**
 * Input of {@link schedulePresentValue} as the caller writes it.
 *
 * @category Financing
 */
export type SchedulePresentValueInput = z.input<typeof schedulePresentValueInputSchema>;

/**
 * Result of {@link schedulePresentValue}.
 *
 * @category Financing
 */
export interface SchedulePresentValueResult {
  /** Present value at treatment start, rounded once. */
  readonly presentValue: Money;
  /** Undiscounted total. */
  readonly nominal: Money;
  readonly explanation: Explanation;
}

/**
 * Present value at treatment start of a payment schedule at an annual discount rate:
 * each payment is weighted by `(1 + r)^(−t)`, t in years = months / 12 + days / 365;
 * the exact sum is rounded once at the end.
 *
 * @example
 * ```ts
 * declare const k3: ReturnType<typeof parseContract>;
 * schedulePresentValue({ contract: k3, annualRate: "0.03" }).presentValue; // USD 367999.97
 * ```
 *
 * @param input - The `annualRate` and either a `contract` with a dated schedule or a list of `payments` (amount and due offset).
 * @throws {ValidationError} when the input does not match `schedulePresentValueInputSchema`, the contract is invalid or not a dated schedule (`contract.payment.type`), or the payments mix currencies (`payments[i].amount.currency`).
 * @category Financing
 */
export function schedulePresentValue(input: SchedulePresentValueInput): SchedulePresentValueResult {
  const parsed = parseInput(schedulePresentValueInputSchema, input, "schedulePresentValue");
  let payments: { amount: Money; due: { months: number; days: number } }[];
  if ("payments" in parsed) {
    payments = parsed.payments;
    const currency = payments[0]!.amount.currency;
    payments.forEach((p, i) => {
      if (p.amount.currency !== currency) {
        throw invalid(["payments", i, "amount", "currency"], `all payments must be in ${currency}, got ${p.amount.currency}`, "currency_mismatch");
      }
    });
  } else {
    const c = parseContract(parsed.contract);
    if (c.payment.type !== "installments") {
      throw invalid(["contract", "payment", "type"], "present value needs a dated schedule (schedule or financing), not per-treated-month pricing");
    }
    payments = c.payment.installments.map((i) => ({ amount: i.amount, due: i.due }));
  }
  const currency = payments[0]!.amount.currency;
  const growth = new D(1).plus(parsed.annualRate);
  let total: Dec = new D(0);
  let nominal: Dec = new D(0);
  const steps: Step[] = [];
  for (const p of payments) {
    const years = new D(p.due.months).dividedBy(12).plus(new D(p.due.days).dividedBy(365));
    const factor = growth.pow(years.negated());
    const value = p.amount.amount.times(factor);
    total = total.plus(value);
    nominal = nominal.plus(p.amount.amount);
    steps.push(
      step("contracts.present-value.payment", `${p.amount.toString()} due after ${years.toSignificantDigits(6).toString()} years × (1 + ${parsed.annualRate.toString()})^(−${years.toSignificantDigits(6).toString()}) = ${value.toFixed(4)}.`, {
        months: p.due.months,
        days: p.due.days,
        factor: factor.toSignificantDigits(12).toString(),
      }),
    );
  }
  const presentValue = round(money(total, currency), parsed.rounding);
  steps.push(step("contracts.present-value.total", `Present value at ${parsed.annualRate.toString()} a year: ${presentValue.toString()} (nominal ${money(nominal, currency).toString()}), rounded ${parsed.rounding} once.`, { annualRate: parsed.annualRate }, presentValue));
  return { presentValue, nominal: round(money(nominal, currency)), explanation: steps };
}

