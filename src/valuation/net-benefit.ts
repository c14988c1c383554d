import * as z from "zod";
import { parseInput, step, type Step } from "../core/index.js";
import { type Dec, formatMoney, type Money } from "../money/index.js";
import { checkUniqueNames, commonCurrency, lambdaMoneySchema, roundedMoney, short, strategiesSchema } from "./shared.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link netBenefit}: strategies, λ, and optionally the comparator for incremental figures.
 *
 * @category Pairwise Comparison
 */
export const netBenefitInputSchema = lazySchema(() => z
  .strictObject({
    /** The strategies, at least one. */
    strategies: strategiesSchema,
    /** Willingness to pay per QALY (意愿支付阈值). NHB needs λ > 0. */
    lambda: lambdaMoneySchema,
    /** Name of the comparator for incremental NMB/NHB; default the first strategy. */
    comparator: z.string().optional(),
  })
  .superRefine((doc, ctx) => {
    checkUniqueNames(doc.strategies.map((s) => s.name), ctx, (i) => ["strategies", i, "name"]);
    if (doc.comparator !== undefined && !doc.strategies.some((s) => s.name === doc.comparator)) {
      ctx.addIssue({ code: "custom", message: `comparator "${doc.comparator}" is not one of the strategies`, path: ["comparator"] });
    }
  }));

/**
 * Input of {@link netBenefit} as written by callers.
 *
 * @category Pairwise Comparison
 */
export type NetBenefitInput = z.input<typeof netBenefitInputSchema>;

/**
 * Net benefit of one strategy.
 *
 * @category Pairwise Comparison
 */
export interface StrategyNetBenefit {
  readonly name: string;
  /** NMB = λ·E − C, rounded half-up to the minor unit. */
  readonly nmb: Money;
  /** NHB = E − C/λ in QALYs (exact to 64 digits); null when λ = 0. */
  readonly nhb: Dec | null;
  /** NMB minus the comparator's NMB (rounded once, from exact figures). */
  readonly incrementalNmb: Money;
  /** NHB minus the comparator's NHB; null when λ = 0. */
  readonly incrementalNhb: Dec | null;
}

/**
 * NMB and NHB of every strategy at one λ.
 *
 * @category Pairwise Comparison
 */
export interface NetBenefitResult {
  readonly lambda: Money;
  readonly comparator: string;
  readonly strategies: readonly StrategyNetBenefit[];
  /** The strategy with the highest NMB (ties: the more effective, then the earlier). */
  readonly best: string;
  readonly explanation: readonly Step[];
}

/**
 * Net monetary benefit `NMB = λ·E − C` and net health benefit `NHB = E − C/λ`
 * (净货币收益 / 净健康收益), absolute and incremental against a comparator.
 *
 * @example
 * ```ts
 * const r = netBenefit({
 *   lambda: { amount: "150000", currency: "CNY" },
 *   strategies: [
 *     { name: "comparator", cost: { amount: "100000", currency: "CNY" }, effect: 1.5 },
 *     { name: "new", cost: { amount: "300000", currency: "CNY" }, effect: 2.5 },
 *   ],
 * });
 * r.strategies[1].nmb.toString();            // "CNY 75000.00"
 * r.strategies[1].incrementalNmb.toString(); // "CNY -50000.00"
 * ```
 *
 * @param input - `{ strategies, lambda, comparator? }`: the strategies, λ, and the comparator of the incremental figures (default the first)
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused); an unknown comparator is refused at `comparator`
 * @throws {DomainError} CURRENCY_MISMATCH when two amounts are in different currencies (path of the later one)
 * @category Pairwise Comparison
 */
export function netBenefit(input: NetBenefitInput): NetBenefitResult {
  const doc = parseInput(netBenefitInputSchema, input, "netBenefit");
  const currency = commonCurrency([
    { money: doc.lambda, path: ["lambda"] },
    ...doc.strategies.map((s, i) => ({ money: s.cost, path: ["strategies", i, "cost"] })),
  ]);
  const lambda = doc.lambda.amount;
  const comparatorName = doc.comparator ?? doc.strategies[0]!.name;
  const comp = doc.strategies.find((s) => s.name === comparatorName)!;
  const nmbOf = (s: { cost: Money; effect: Dec }) => lambda.times(s.effect).minus(s.cost.amount);
  const nhbOf = (s: { cost: Money; effect: Dec }) => (lambda.isZero() ? null : s.effect.minus(s.cost.amount.dividedBy(lambda)));
  const compNmb = nmbOf(comp);
  const compNhb = nhbOf(comp);
  let bestIndex = 0;
  let bestNmb: Dec | null = null;
  const explanation: Step[] = [];
  const strategies = doc.strategies.map((s, i): StrategyNetBenefit => {
    const exact = nmbOf(s);
    const nhb = nhbOf(s);
    const best = doc.strategies[bestIndex]!;
    if (bestNmb === null || exact.greaterThan(bestNmb) || (exact.equals(bestNmb) && s.effect.greaterThan(best.effect))) {
      bestNmb = exact;
      bestIndex = i;
    }
    const nmb = roundedMoney(exact, currency);
    explanation.push(
      step(
        "valuation.nmb.strategy",
        `${s.name}: NMB = ${formatMoney(doc.lambda)} × ${short(s.effect)} − ${formatMoney(s.cost)} = ${formatMoney(nmb)}${nhb === null ? "" : `; NHB = ${short(nhb)} QALYs`}.`,
        { cost: s.cost, effect: s.effect, lambda: doc.lambda },
        nmb,
      ),
    );
    return {
      name: s.name,
      nmb,
      nhb,
      incrementalNmb: roundedMoney(exact.minus(compNmb), currency),
      incrementalNhb: nhb === null || compNhb === null ? null : nhb.minus(compNhb),
    };
  });
  const best = doc.strategies[bestIndex]!.name;
  explanation.push(step("valuation.nmb.best", `Highest NMB at this λ: ${best} (incremental figures are against ${comparatorName}).`, { best, comparator: comparatorName }));
  return { lambda: doc.lambda, comparator: comparatorName, strategies, best, explanation };
}
