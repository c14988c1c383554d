// Risk corridors (ACO REACH-style): the organisation keeps a share of savings or losses
// by band of their size as a share of the benchmark, after a discount and a quality
// withhold earned back by the quality score.
import * as z from "zod";
import { decimal, nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step, type Step } from "../../core/index.js";
import { formatMoney, money, round, type Money } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { pct, text } from "../common.js";
import { capLimits, capSchema, corridorSchema, runMechanism, statedCurrencySchema, type Reconciliation, type SchemeWords } from "./mechanism.js";

/**
 * A risk-corridor reconciliation document. `benchmark` is the performance-year benchmark
 * before the discount; `qualityWithhold.rate` of it is withheld and `score` (0–1) of the
 * withhold is earned back. `gains` and `losses` are corridor tables over the ratio of
 * savings (losses) to the final benchmark.
 */
export const reconcileRiskCorridorsInputSchema = z.strictObject({
  scheme: z.literal("risk-corridors"),
  currency: statedCurrencySchema,
  /** A label such as "Global" or "Professional", shown in the explanation. */
  option: z.string().min(1).optional(),
  benchmark: decimal({ above: "0" }),
  discount: rateSchema,
  qualityWithhold: z.strictObject({ rate: rateSchema, score: rateSchema }).optional(),
  actual: nonNegativeAmountSchema,
  gains: corridorSchema,
  losses: corridorSchema,
  stopGain: capSchema.optional(),
  stopLoss: capSchema.optional(),
  rounding: roundingSchema.default("half-up"),
});

/** A risk-corridor document as stored (JSON). */
export type ReconcileRiskCorridorsInput = z.input<typeof reconcileRiskCorridorsInputSchema>;

/** A risk-corridor reconciliation: the common result plus the benchmark build-up. */
export interface RiskCorridorReconciliation extends Reconciliation {
  readonly option: string | null;
  readonly benchmark: Money;
  readonly discountAmount: Money;
  readonly withheld: Money;
  readonly earnedBack: Money;
}

/** Computes a parsed risk-corridor document. */
export function computeRiskCorridors(p: z.output<typeof reconcileRiskCorridorsInputSchema>): RiskCorridorReconciliation {
  const c = p.currency;
  const steps: Step[] = [];
  const benchmark = money(p.benchmark, c);
  const discountAmount = round(money(p.benchmark.times(p.discount), c), p.rounding);
  const withheld = p.qualityWithhold === undefined ? money(0, c) : round(money(p.benchmark.times(p.qualityWithhold.rate), c), p.rounding);
  const earnedBack = p.qualityWithhold === undefined ? money(0, c) : round(money(withheld.amount.times(p.qualityWithhold.score), c), p.rounding);
  const target = money(benchmark.amount.minus(discountAmount.amount).minus(withheld.amount).plus(earnedBack.amount), c);
  const label = p.option === undefined ? "" : ` (${p.option})`;
  steps.push(step("budget.corridors.benchmark", `The performance-year benchmark${label} is ${formatMoney(benchmark)}.`, {}, benchmark));
  steps.push(step("budget.corridors.discount", `A ${pct(p.discount)} benchmark discount is taken off.`, { discount: p.discount }, discountAmount));
  if (p.qualityWithhold !== undefined) {
    steps.push(
      step(
        "budget.corridors.withhold",
        `${pct(p.qualityWithhold.rate)} of the benchmark is withheld for quality; a quality score of ${text(p.qualityWithhold.score)} earns back ${formatMoney(earnedBack)} of the ${formatMoney(withheld)}.`,
        { withholdRate: p.qualityWithhold.rate, qualityScore: p.qualityWithhold.score, withheld },
        earnedBack,
      ),
    );
  }
  steps.push(step("budget.corridors.final-benchmark", "The final benchmark: benchmark − discount − withhold + earned-back withhold.", {}, target));
  const words: SchemeWords = {
    rule: "budget.corridors",
    provider: "the organisation",
    target: "the final benchmark",
    actual: "total cost of care",
    gains: "share of savings",
    losses: "share of losses",
    minimumSavings: "minimum savings rate",
    minimumLoss: "minimum loss rate",
    stopGain: "stop-gain",
    stopLoss: "stop-loss",
  };
  const r = runMechanism(
    "risk-corridors",
    {
      words,
      target,
      actual: money(p.actual, c),
      ratioBase: target,
      ratioBaseName: "the final benchmark",
      minimumSavingsRate: new D(0),
      minimumLossRate: new D(0),
      downside: true,
      gainEligible: true,
      gains: p.gains,
      losses: p.losses,
      gainQuality: { factor: new D(1), text: "" },
      lossQuality: { factor: new D(1), text: "" },
      gainCaps: p.stopGain === undefined ? [] : capLimits(p.stopGain, target, { benchmark: "the final benchmark" }, p.rounding),
      lossCaps: p.stopLoss === undefined ? [] : capLimits(p.stopLoss, target, { benchmark: "the final benchmark" }, p.rounding),
      order: "quality-then-cap",
      rounding: p.rounding,
    },
    steps,
  );
  return { ...r, option: p.option ?? null, benchmark, discountAmount, withheld, earnedBack };
}

/**
 * Reconciles a year under risk corridors (ACO REACH-style): the final benchmark is the
 * benchmark less a discount and a quality withhold, plus the part of the withhold the
 * quality score earns back; the organisation keeps, of savings or losses, each corridor's
 * share of the part of the ratio (to the final benchmark) that falls in it.
 *
 * @example
 * ```ts
 * const corridor = { method: "marginal", bands: [
 *   { from: 0, to: 0.25, share: 1 }, { from: 0.25, to: 0.35, share: 0.5 },
 *   { from: 0.35, to: 0.5, share: 0.25 }, { from: 0.5, to: null, share: 0.1 }] } as const;
 * reconcileRiskCorridors({ scheme: "risk-corridors", currency: "USD", benchmark: "100000000",
 *   discount: 0, actual: "70000000", gains: corridor, losses: corridor }).providerAmount;
 * // USD 27500000.00 (25m at 100% + 5m at 50%)
 * ```
 */
export function reconcileRiskCorridors(input: ReconcileRiskCorridorsInput): RiskCorridorReconciliation {
  return computeRiskCorridors(parseInput(reconcileRiskCorridorsInputSchema, input, "reconcileRiskCorridors"));
}
