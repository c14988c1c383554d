import { parseInput, step, type Step } from "../core/index.js";
import { formatMoney, type Money } from "../money/index.js";
import { isFrontierResult, type FrontierResult } from "./frontier.js";
import { lambdaMoneySchema, roundedMoney } from "./shared.js";
import { DomainError } from "../core/index.js";
import * as z from "zod";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Willingness to pay per QALY: Money, or `{ amount, currency }`.
 *
 * @category Frontier
 */
export type LambdaInput = Money | { readonly amount: string | number; readonly currency: string };

/**
 * The strategy to adopt at one λ.
 *
 * @category Frontier
 */
export interface OptimalStrategyResult {
  readonly lambda: Money;
  readonly name: string;
  /** Its NMB at λ, rounded half-up. */
  readonly nmb: Money;
  /** Strategies identical to it in cost and effect (equally optimal; the earliest in input order is named). */
  readonly tiedWith: readonly string[];
  readonly explanation: readonly Step[];
}

/**
 * Input of {@link optimalStrategy}: a result of {@link frontier} and one willingness to pay.
 *
 * @category Frontier
 */
export const optimalStrategyInputSchema = lazySchema(() => z.strictObject({
  /** The result of {@link frontier} (not a copy: only results made by `frontier()` are accepted). */
  frontier: z.custom<FrontierResult>(isFrontierResult, { message: "expected the result of frontier()" }),
  /** Willingness to pay per QALY (意愿支付阈值), ≥ 0, in the frontier's currency. */
  lambda: lambdaMoneySchema,
}));

/**
 * Input of {@link optimalStrategy} as written by callers.
 *
 * @category Frontier
 */
export interface OptimalStrategyInput {
  readonly frontier: FrontierResult;
  readonly lambda: LambdaInput;
}

/**
 * The optimal strategy at willingness to pay λ: the frontier strategy with the
 * highest ICER ≤ λ (the least costly frontier point when none qualifies). This is
 * also the strategy with the highest NMB; at λ exactly equal to an ICER both ends
 * tie on NMB and the more effective one is chosen. Comparison is exact:
 * `ΔC ≤ λ·ΔE`, no division.
 *
 * @example
 * ```ts
 * declare const v3: Parameters<typeof frontier>[0];
 * optimalStrategy({ frontier: frontier(v3), lambda: { amount: "200000", currency: "CNY" } }).name; // "B"
 * optimalStrategy({ frontier: frontier(v3), lambda: { amount: "300000", currency: "CNY" } }).name; // "E"
 * ```
 *
 * @param input - `{ frontier, lambda }`: a result of {@link frontier} and λ per QALY
 * @throws {ValidationError} when `frontier` is not a result of frontier() (a copy is refused) or λ is negative (path `frontier` / `lambda`)
 * @throws {DomainError} CURRENCY_MISMATCH when λ is not in the frontier's currency (path `lambda`)
 * @category Frontier
 */
export function optimalStrategy(input: OptimalStrategyInput): OptimalStrategyResult {
  const doc = parseInput(optimalStrategyInputSchema, input, "optimalStrategy");
  const result = doc.frontier;
  const l = doc.lambda;
  if (l.currency !== result.currency) {
    throw new DomainError("CURRENCY_MISMATCH", `λ is in ${l.currency} but the frontier is in ${result.currency}`, {
      path: ["lambda"],
      details: { expected: result.currency, got: l.currency },
    });
  }
  const hull = result.frontier.filter((s, i, all) => i === 0 || !s.effect.equals(all[i - 1]!.effect));
  let chosen = hull[0]!;
  for (let j = 1; j < hull.length; j++) {
    const cur = hull[j]!;
    const prev = hull[j - 1]!;
    const dC = cur.cost.amount.minus(prev.cost.amount);
    const dE = cur.effect.minus(prev.effect);
    if (dC.greaterThan(l.amount.times(dE))) break;
    chosen = cur;
  }
  const nmb = roundedMoney(l.amount.times(chosen.effect).minus(chosen.cost.amount), result.currency);
  const sentence =
    chosen.icer === null
      ? `At λ = ${formatMoney(l)} per QALY no frontier ICER is affordable, so the least costly frontier strategy ${chosen.name} is optimal.`
      : `At λ = ${formatMoney(l)} per QALY the optimal strategy is ${chosen.name}, the frontier strategy with the highest ICER (${formatMoney(chosen.icer)}) not above λ.`;
  return {
    lambda: l,
    name: chosen.name,
    nmb,
    tiedWith: chosen.identicalTo,
    explanation: [step("valuation.frontier.optimal", sentence, { lambda: l, icer: chosen.icer }, nmb)],
  };
}
