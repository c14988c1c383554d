// Episode reconciliation (BPCI Advanced / CJR-style): per-episode target prices summed
// over a performance year, quality categories setting the discount and eligibility,
// stop-gain and stop-loss limits by year (one-sided years have none), true-ups.
import * as z from "zod";
import { amountSchema, currencyCodeSchema, decimal, DomainError, lookupBand, nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step, type Step } from "../../core/index.js";
import { formatMoney, money, round, type Dec, type Money } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { pct, signedRateSchema, text } from "../common.js";
import { flatShare, orderSchema, runMechanism, statedCurrencySchema, strictBandedTableSchema, type Reconciliation, type SchemeWords } from "./mechanism.js";

const positiveAmount = decimal({ above: "0" });

/**
 * How an episode type's benchmark price is set: a given price (BPCI Advanced), or a blend
 * of the provider's own and the regional historical price (CJR), with weights in proportion
 * (`{ provider: 2, regional: 1 }` is two thirds provider, exactly).
 */
export const episodeBenchmarkSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("price"), benchmarkPrice: positiveAmount }),
  z.strictObject({
    kind: z.literal("blended"),
    providerHistory: positiveAmount,
    regionalHistory: positiveAmount,
    weights: z
      .strictObject({ provider: decimal({ min: "0" }), regional: decimal({ min: "0" }) })
      .refine((w) => w.provider.plus(w.regional).greaterThan(0), { message: "the blend weights may not both be zero", path: ["provider"] }),
  }),
]);

/** A quality category: the discount it sets, whether it may earn a payment, and adjustments of either side. */
export const episodeQualityCategorySchema = z.strictObject({
  name: z.string().min(1),
  discount: rateSchema,
  eligibleForGains: z.boolean(),
  gainAdjustment: signedRateSchema.optional(),
  lossAdjustment: signedRateSchema.optional(),
});

/**
 * An episode reconciliation document for one performance year. Each episode's actual
 * spending states its currency, which must be the document's. `limits.stopLoss: null`
 * makes the year one-sided (no repayment). `previouslyReconciled` turns the result into a
 * true-up against an earlier reconciliation of the same year.
 */
export const reconcileEpisodesInputSchema = z
  .strictObject({
    scheme: z.literal("episode"),
    currency: statedCurrencySchema,
    year: z.string().min(1),
    episodeTypes: z.array(z.strictObject({ id: z.string().min(1), benchmark: episodeBenchmarkSchema })).min(1),
    /** The discount when no quality categories are given. */
    discount: rateSchema.optional(),
    quality: z.strictObject({ score: decimal(), categories: strictBandedTableSchema(episodeQualityCategorySchema) }).optional(),
    episodes: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          type: z.string().min(1),
          actual: z.strictObject({ amount: nonNegativeAmountSchema, currency: currencyCodeSchema }),
          /** This episode's own benchmark price (case-mix adjusted), instead of its type's. */
          benchmarkPrice: positiveAmount.optional(),
        }),
      )
      .min(1),
    limits: z.strictObject({ stopGain: rateSchema, stopLoss: rateSchema.nullable() }),
    previouslyReconciled: amountSchema.optional(),
    order: orderSchema,
    rounding: roundingSchema.default("half-up"),
  })
  .superRefine((p, ctx) => {
    if ((p.discount === undefined) === (p.quality === undefined)) ctx.addIssue({ code: "custom", path: ["discount"], message: "give either discount or quality categories (which set the discount), not both or neither" });
  });

/** An episode reconciliation document as stored (JSON). */
export type ReconcileEpisodesInput = z.input<typeof reconcileEpisodesInputSchema>;

/** One episode's line. */
export interface EpisodeLine {
  readonly id: string;
  readonly type: string;
  readonly targetPrice: Money;
  readonly actual: Money;
  /** Target − actual for this episode. */
  readonly difference: Money;
}

/** An episode reconciliation: the common result plus lines, per-type totals and the true-up. */
export interface EpisodeReconciliation extends Reconciliation {
  readonly year: string;
  readonly discount: string;
  readonly qualityCategory: string | null;
  readonly lines: readonly EpisodeLine[];
  readonly byType: readonly { readonly type: string; readonly episodes: number; readonly target: Money; readonly actual: Money }[];
  readonly previouslyReconciled: Money | null;
  /** providerAmount − previouslyReconciled (what changes hands now), or null. */
  readonly trueUp: Money | null;
}

const words: SchemeWords = {
  rule: "budget.episode",
  provider: "the participant",
  target: "the total target price",
  actual: "actual episode spending",
  gains: "reconciliation payment",
  losses: "repayment",
  minimumSavings: "minimum savings rate",
  minimumLoss: "minimum loss rate",
  stopGain: "stop-gain limit",
  stopLoss: "stop-loss limit",
};

/** Computes a parsed episode reconciliation document. */
export function computeEpisodes(p: z.output<typeof reconcileEpisodesInputSchema>): EpisodeReconciliation {
  const c = p.currency;
  const steps: Step[] = [];
  const types = new Map<string, z.output<typeof episodeBenchmarkSchema>>();
  p.episodeTypes.forEach((t, i) => {
    if (types.has(t.id)) throw new DomainError("INCONSISTENT_INPUT", `episode type "${t.id}" is listed twice`, { path: ["episodeTypes", i, "id"] });
    types.set(t.id, t.benchmark);
  });
  let discount: Dec;
  let category: z.output<typeof episodeQualityCategorySchema> | null = null;
  if (p.quality !== undefined) {
    const band = lookupBand(p.quality.categories, p.quality.score, ["quality", "score"]);
    category = band.value;
    discount = category.discount;
    steps.push(
      step(
        "budget.episode.quality",
        `Quality score ${text(p.quality.score)} is in category ${category.name}: discount ${pct(discount)}${category.eligibleForGains ? "" : ", not eligible for a reconciliation payment"}.`,
        { qualityScore: p.quality.score, category: category.name, discount },
      ),
    );
  } else {
    discount = p.discount as Dec;
  }
  const typePrice = new Map<string, Money>();
  for (const [id, b] of types) {
    // one division, after the weighted sum, so a 2 : 1 blend is exact before the single rounding
    const bench = b.kind === "price" ? b.benchmarkPrice : b.providerHistory.times(b.weights.provider).plus(b.regionalHistory.times(b.weights.regional)).dividedBy(b.weights.provider.plus(b.weights.regional));
    const price = round(money(bench.times(new D(1).minus(discount)), c), p.rounding);
    typePrice.set(id, price);
    steps.push(
      step(
        "budget.episode.target-price",
        b.kind === "price"
          ? `Episode type ${id}: benchmark ${formatMoney(money(bench, c))} less the ${pct(discount)} discount.`
          : `Episode type ${id}: the provider's history ${formatMoney(money(b.providerHistory, c))} and the regional ${formatMoney(money(b.regionalHistory, c))} blended ${text(b.weights.provider)} : ${text(b.weights.regional)}, less the ${pct(discount)} discount.`,
        { discount },
        price,
      ),
    );
  }
  const lines: EpisodeLine[] = [];
  const totals = new Map<string, { episodes: number; target: Dec; actual: Dec }>();
  let targetSum = new D(0);
  let actualSum = new D(0);
  p.episodes.forEach((e, i) => {
    if (e.actual.currency !== c) {
      throw new DomainError("CURRENCY_MISMATCH", `episode ${e.id} is in ${e.actual.currency}; the reconciliation is in ${c}`, {
        path: ["episodes", i, "actual", "currency"],
        details: { episode: e.id, currency: e.actual.currency, expected: c },
      });
    }
    const price = typePrice.get(e.type);
    if (price === undefined) {
      throw new DomainError("UNKNOWN_KEY", `episode ${e.id} names type "${e.type}", which is not among the episode types`, { path: ["episodes", i, "type"], details: { type: e.type } });
    }
    const targetPrice = e.benchmarkPrice === undefined ? price : round(money(e.benchmarkPrice.times(new D(1).minus(discount)), c), p.rounding);
    const actual = money(e.actual.amount, c);
    lines.push({ id: e.id, type: e.type, targetPrice, actual, difference: money(targetPrice.amount.minus(actual.amount), c) });
    targetSum = targetSum.plus(targetPrice.amount);
    actualSum = actualSum.plus(actual.amount);
    const t = totals.get(e.type) ?? { episodes: 0, target: new D(0), actual: new D(0) };
    totals.set(e.type, { episodes: t.episodes + 1, target: t.target.plus(targetPrice.amount), actual: t.actual.plus(actual.amount) });
  });
  const byType = [...totals].map(([type, t]) => ({ type, episodes: t.episodes, target: money(t.target, c), actual: money(t.actual, c) }));
  const target = money(targetSum, c);
  const actual = money(actualSum, c);
  steps.push(
    step(
      "budget.episode.total-target",
      `The total target price sums the target prices of ${lines.length} episode${lines.length === 1 ? "" : "s"} (${byType.map((t) => `${t.type}: ${t.episodes}, ${formatMoney(t.target)}`).join("; ")}).`,
      {},
      target,
    ),
  );
  const oneSided = p.limits.stopLoss === null;
  steps.push(
    step(
      "budget.episode.limits",
      oneSided
        ? `Performance year ${p.year}: stop-gain ${pct(p.limits.stopGain)} of the total target; a one-sided year with no repayment.`
        : `Performance year ${p.year}: stop-gain ${pct(p.limits.stopGain)} and stop-loss ${pct(p.limits.stopLoss as Dec)} of the total target.`,
      { stopGain: p.limits.stopGain, stopLoss: p.limits.stopLoss },
    ),
  );
  const capOf = (rate: Dec): Money => round(money(targetSum.times(rate), c), p.rounding);
  const gainAdj = category?.gainAdjustment ?? new D(0);
  const lossAdj = category?.lossAdjustment ?? new D(0);
  const r = runMechanism(
    "episode",
    {
      words,
      target,
      actual,
      ratioBase: target,
      ratioBaseName: "the total target price",
      minimumSavingsRate: new D(0),
      minimumLossRate: new D(0),
      downside: !oneSided,
      gainEligible: category === null || category.eligibleForGains,
      ineligibleReason: category === null ? undefined : `Quality category ${category.name} is not eligible for a reconciliation payment`,
      gains: flatShare(new D(1)),
      losses: flatShare(new D(1)),
      gainQuality: { factor: new D(1).plus(gainAdj), text: gainAdj.isZero() ? "" : `Quality category ${category?.name}: the reconciliation payment is adjusted by ${pct(gainAdj)}` },
      lossQuality: { factor: new D(1).plus(lossAdj), text: lossAdj.isZero() ? "" : `Quality category ${category?.name}: the repayment is adjusted by ${pct(lossAdj)}` },
      gainCaps: [{ label: `${pct(p.limits.stopGain)} of the total target`, amount: capOf(p.limits.stopGain) }],
      lossCaps: oneSided ? [] : [{ label: `${pct(p.limits.stopLoss as Dec)} of the total target`, amount: capOf(p.limits.stopLoss as Dec) }],
      order: p.order,
      rounding: p.rounding,
    },
    steps,
  );
  let trueUp: Money | null = null;
  const previous = p.previouslyReconciled === undefined ? null : money(p.previouslyReconciled, c);
  if (previous !== null) {
    trueUp = money(r.providerAmount.amount.minus(previous.amount), c);
    steps.push(
      step(
        "budget.episode.true-up",
        `Against the earlier reconciliation of ${formatMoney(previous)}, the true-up is ${trueUp.amount.isNegative() ? `a repayment of ${formatMoney(money(trueUp.amount.negated(), c))}` : `a payment of ${formatMoney(trueUp)}`}.`,
        { previouslyReconciled: previous, providerAmount: r.providerAmount },
        trueUp,
      ),
    );
  }
  return { ...r, explanation: steps, year: p.year, discount: text(discount), qualityCategory: category?.name ?? null, lines, byType, previouslyReconciled: previous, trueUp };
}

/**
 * Reconciles a performance year of episodes against their target prices (BPCI Advanced /
 * CJR-style): each episode's target price (its type's benchmark, given or blended from
 * provider and regional history, less the discount its quality category sets) is summed;
 * the total target less actual spending is paid or repaid, within the year's stop-gain
 * and stop-loss limits; a one-sided year has no repayment.
 *
 * @example
 * ```ts
 * reconcileEpisodes({ scheme: "episode", currency: "USD", year: "PY1",
 *   episodeTypes: [{ id: "LEJR", benchmark: { kind: "price", benchmarkPrice: "25000" } }], discount: 0.03,
 *   episodes: [{ id: "e1", type: "LEJR", actual: { amount: "22000", currency: "USD" } }],
 *   limits: { stopGain: 0.2, stopLoss: 0.2 }, order: "quality-then-cap" }).providerAmount; // USD 2250.00
 * ```
 */
export function reconcileEpisodes(input: ReconcileEpisodesInput): EpisodeReconciliation {
  return computeEpisodes(parseInput(reconcileEpisodesInputSchema, input, "reconcileEpisodes"));
}
