// Risk corridors (ACO REACH-style): the organisation keeps a share of savings or losses
// by band of their size as a share of the benchmark, after a discount and a quality
// withhold earned back by the quality score.
import * as z from "zod";
import { decimal, nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step, type Step } from "../../core/index.js";
import { formatMoney, money, round, type Money } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { pct, text } from "../common.js";
import { capLimits, capSchema, corridorSchema, runMechanism, statedCurrencySchema, type Reconciliation, type SchemeWords } from "./mechanism.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A risk-corridor reconciliation document. `benchmark` is the performance-year benchmark
 * before the discount; `qualityWithhold.rate` of it is withheld and `score` (0–1) of the
 * withhold is earned back. `gains` and `losses` are corridor tables over the ratio of
 * savings (losses) to the final benchmark.
 *
 * @category Reconciliation
 */
export const reconcileRiskCorridorsInputSchema = lazySchema(() => z.strictObject({
  /** The scheme: `risk-corridors`. */
  scheme: z.literal("risk-corridors"),
  /** ISO 4217 code of every amount (stated, never defaulted). */
  currency: statedCurrencySchema,
  /** A label such as "Global" or "Professional", shown in the explanation. */
  option: z.string().min(1).optional(),
  /** The performance-year benchmark before the discount, an amount > 0. */
  benchmark: decimal({ above: "0" }),
  /** The benchmark discount, a share in [0, 1] of the benchmark. */
  discount: rateSchema,
  /** The quality withhold: a share of the benchmark withheld and the part of it earned back. */
  qualityWithhold: z
    .strictObject({
      /** The withheld share in [0, 1] of the benchmark. */
      rate: rateSchema,
      /** The quality score in [0, 1]: the share of the withhold earned back. */
      score: rateSchema,
    })
    .optional(),
  /** The total cost of care for the year, an amount ≥ 0. */
  actual: nonNegativeAmountSchema,
  /** The corridors sharing savings (ratio of savings to the final benchmark). */
  gains: corridorSchema,
  /** The corridors sharing losses. */
  losses: corridorSchema,
  /** The cap on the organisation's share of savings; none when absent. */
  stopGain: capSchema.optional(),
  /** The cap on its share of losses; none when absent. */
  stopLoss: capSchema.optional(),
  /** How the discount, withhold, shares and caps are rounded; half-up by default. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * A risk-corridor document as stored (JSON).
 *
 * @category Reconciliation
 */
export type ReconcileRiskCorridorsInput = z.input<typeof reconcileRiskCorridorsInputSchema>;

/**
 * A risk-corridor reconciliation: the common result plus the benchmark build-up.
 *
 * @category Reconciliation
 */
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
 * @category Reconciliation
 * @param input - the risk-corridor document.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, a corridor has a gap, an overlap or (flat) falling shares, or a cap gives no limit (path named)
 * @throws {DomainError} UNDEFINED_RESULT when the final benchmark is zero
 *
 * @example
 * ```ts
 * const corridor = { method: "marginal" as const, bands: [
 *   { from: 0, to: 0.25, share: 1 }, { from: 0.25, to: 0.35, share: 0.5 },
 *   { from: 0.35, to: 0.5, share: 0.25 }, { from: 0.5, to: null, share: 0.1 }] };
 * reconcileRiskCorridors({ scheme: "risk-corridors", currency: "USD", benchmark: "100000000",
 *   discount: 0, actual: "70000000", gains: corridor, losses: corridor }).providerAmount;
 * // USD 27500000.00 (25m at 100% + 5m at 50%)
 * ```
 */
export function reconcileRiskCorridors(input: ReconcileRiskCorridorsInput): RiskCorridorReconciliation {
  return computeRiskCorridors(parseInput(reconcileRiskCorridorsInputSchema, input, "reconcileRiskCorridors"));
}
