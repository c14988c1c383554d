import * as z from "zod";
import { nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step, type Step } from "../core/index.js";
import { money, round, type Dec, type Money, type Rounding, formatMoney } from "../money/index.js";
import { D } from "../money/decimal.js";
import { budgetCurrencySchema, cash, pct, signedRateSchema, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link reconcileTargetPrice} (BPCI-style target-price reconciliation).
 * `qualityAdjustment` scales a positive reconciliation amount by (1 + rate), e.g. −0.05;
 * `repaymentQualityAdjustment` does the same for a repayment. `capRate` caps the result
 * at ± that share of the total target. `order` says whether quality or cap comes first.
 *
 * @category Bundled Payment
 */
export const reconcileTargetPriceInputSchema = lazySchema(() => z.strictObject({
  /** ISO 4217 code of every amount (stated, never defaulted). */
  currency: budgetCurrencySchema,
  /** Benchmark price per episode before the discount. */
  benchmarkPrice: nonNegativeAmountSchema,
  /** Discount taken off the benchmark to set the target: 0.03 = 3%. */
  discount: rateSchema.prefault(0),
  /** Number of episodes in the period (a whole number ≥ 1). */
  episodes: z.number().int().min(1),
  /** Total actual spending on those episodes. */
  actualSpending: nonNegativeAmountSchema,
  /** Quality adjustment in [−1, 1] of an amount owed to the provider: scales it by (1 + rate); 0 by default. */
  qualityAdjustment: signedRateSchema.prefault(0),
  /** Quality adjustment in [−1, 1] of a repayment: scales it by (1 + rate); 0 by default. */
  repaymentQualityAdjustment: signedRateSchema.prefault(0),
  /** Cap on the result as a share of the total target (0.2 = ±20%); none when absent. */
  capRate: rateSchema.optional(),
  /** Whether the quality adjustment or the cap applies first; quality first by default. */
  order: z.enum(["quality-then-cap", "cap-then-quality"]).default("quality-then-cap"),
  /** How the target price, cap and adjusted amount are rounded; half-up by default. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * The outcome of a target-price reconciliation over a period.
 *
 * @category Bundled Payment
 */
export interface TargetPriceReconciliation {
  /** Target price per episode: benchmark × (1 − discount), rounded. */
  readonly targetPrice: Money;
  /** Target price × episodes. */
  readonly totalTarget: Money;
  readonly actualSpending: Money;
  /** Total target − actual spending, before quality adjustment and cap. */
  readonly reconciliationAmount: Money;
  /** The cap (± this amount), or null when none. */
  readonly cap: Money | null;
  /** True when the cap changed the amount. */
  readonly capApplied: boolean;
  /** The amount after quality adjustment and cap: positive is owed to the provider, negative is a repayment. */
  readonly finalAmount: Money;
  readonly direction: "owed-to-provider" | "repayment" | "none";
  readonly order: "quality-then-cap" | "cap-then-quality";
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link reconcileTargetPrice} as stored (JSON): what {@link reconcileTargetPriceInputSchema} parses.
 *
 * @category Bundled Payment
 */
export type ReconcileTargetPriceInput = z.input<typeof reconcileTargetPriceInputSchema>;

/**
 * Reconciles a provider's actual spending against a discounted target price over a
 * period (B3): the difference is owed to the provider (positive) or repaid (negative),
 * adjusted for quality and capped at a share of the total target, in a stated order.
 *
 * @category Bundled Payment
 * @param input - the benchmark price, discount, number of episodes, actual spending, quality adjustments, cap rate, order and rounding.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown (`caprate` for `capRate` is refused, path named)
 *
 * @example
 * ```ts
 * const r = reconcileTargetPrice({ currency: "CNY",
 *   benchmarkPrice: "30000", discount: 0.03, episodes: 100, actualSpending: "2800000",
 *   qualityAdjustment: -0.05, capRate: 0.2,
 * });
 * r.finalAmount; // CNY 104500.00
 * ```
 */
export function reconcileTargetPrice(input: ReconcileTargetPriceInput): TargetPriceReconciliation {
  const p = parseInput(reconcileTargetPriceInputSchema, input, "reconcileTargetPrice");
  const c = p.currency;
  const steps: Step[] = [];
  const benchmark = cash(p.benchmarkPrice, c);
  const targetPrice = round(money(benchmark.amount.times(new D(1).minus(p.discount)), c), p.rounding);
  steps.push(
    step("budget.target-price.target", `The target price is the benchmark less a ${pct(p.discount)} discount.`, { benchmarkPrice: benchmark, discount: p.discount }, targetPrice),
  );
  const totalTarget = money(targetPrice.amount.times(p.episodes), c);
  steps.push(step("budget.target-price.total-target", `Over ${p.episodes} episodes the total target is ${formatMoney(totalTarget)}.`, { targetPrice, episodes: p.episodes }, totalTarget));
  const actual = cash(p.actualSpending, c);
  const raw = money(totalTarget.amount.minus(actual.amount), c);
  steps.push(
    step("budget.target-price.reconciliation", "The reconciliation amount is the total target less actual spending (positive: owed to the provider; negative: repayment).", { totalTarget, actualSpending: actual }, raw),
  );
  const cap = p.capRate === undefined ? null : round(money(totalTarget.amount.times(p.capRate), c), p.rounding);
  let amount = raw;
  let capApplied = false;
  const applyQuality = (): void => {
    const rate: Dec = amount.amount.greaterThan(0) ? p.qualityAdjustment : amount.amount.lessThan(0) ? p.repaymentQualityAdjustment : new D(0);
    const before = amount;
    amount = adjust(amount, rate, p.rounding);
    steps.push(
      step(
        "budget.target-price.quality",
        rate.isZero()
          ? "No quality adjustment applies to this amount."
          : `The quality adjustment of ${pct(rate)} scales the ${before.amount.greaterThan(0) ? "positive amount" : "repayment"} by ${text(new D(1).plus(rate))}.`,
        { amount: before, qualityAdjustment: rate },
        amount,
      ),
    );
  };
  const applyCap = (): void => {
    if (cap === null) return;
    const before = amount;
    if (amount.amount.greaterThan(cap.amount)) amount = cap;
    else if (amount.amount.lessThan(cap.amount.negated())) amount = money(cap.amount.negated(), c);
    const bound = !amount.amount.equals(before.amount);
    capApplied = capApplied || bound;
    steps.push(
      step(
        "budget.target-price.cap",
        bound
          ? `The amount is capped at ±${pct(p.capRate as Dec)} of the total target (±${formatMoney(cap)}).`
          : `The cap of ±${pct(p.capRate as Dec)} of the total target (±${formatMoney(cap)}) does not bind.`,
        { amount: before, capRate: p.capRate as Dec, cap },
        amount,
      ),
    );
  };
  steps.push(
    step(
      "budget.target-price.order",
      p.order === "quality-then-cap" ? "The quality adjustment is applied first, then the cap." : "The cap is applied first, then the quality adjustment.",
      { order: p.order },
    ),
  );
  if (p.order === "quality-then-cap") {
    applyQuality();
    applyCap();
  } else {
    applyCap();
    applyQuality();
  }
  const direction = amount.amount.greaterThan(0) ? "owed-to-provider" : amount.amount.lessThan(0) ? "repayment" : "none";
  steps.push(
    step(
      "budget.target-price.result",
      direction === "owed-to-provider" ? "The payer owes the provider this amount." : direction === "repayment" ? "The provider repays this amount to the payer." : "Nothing is owed either way.",
      {},
      amount,
    ),
  );
  return { targetPrice, totalTarget, actualSpending: actual, reconciliationAmount: raw, cap, capApplied, finalAmount: amount, direction, order: p.order, explanation: steps };
}

function adjust(amount: Money, rate: Dec, rounding: Rounding): Money {
  if (rate.isZero()) return amount;
  return round(money(amount.amount.times(new D(1).plus(rate)), amount.currency), rounding);
}
