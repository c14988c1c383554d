// Episode reconciliation (BPCI Advanced / CJR-style): per-episode target prices summed
// over a performance year, quality categories setting the discount and eligibility,
// stop-gain and stop-loss limits by year (one-sided years have none), true-ups.
import * as z from "zod";
import { amountSchema, bandedTableSchema, currencyCodeSchema, decimal, DomainError, lookupBand, nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step, type Step } from "../../core/index.js";
import { formatMoney, money, round, type Dec, type Money } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { pct, signedRateSchema, text } from "../common.js";
import { flatShare, orderSchema, runMechanism, statedCurrencySchema, type Reconciliation, type SchemeWords } from "./mechanism.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const positiveAmount = lazySchema(() => decimal({ above: "0" }));

/**
 * How an episode type's benchmark price is set: a given price (BPCI Advanced), or a blend
 * of the provider's own and the regional historical price (CJR), with weights in proportion
 * (`{ provider: 2, regional: 1 }` is two thirds provider, exactly).
 *
 * @category Reconciliation
 */
export const episodeBenchmarkSchema = lazySchema(() => z.discriminatedUnion("kind", [
  z.strictObject({
    /** A given benchmark price (BPCI Advanced). */
    kind: z.literal("price"),
    /** The benchmark price per episode, an amount > 0. */
    benchmarkPrice: positiveAmount,
  }),
  z.strictObject({
    /** A blend of the provider's and the regional history (CJR). */
    kind: z.literal("blended"),
    /** The provider's own historical price per episode, > 0. */
    providerHistory: positiveAmount,
    /** The regional historical price per episode, > 0. */
    regionalHistory: positiveAmount,
    /** The blend's weights, in proportion (2 : 1 is two thirds provider). */
    weights: z
      .strictObject({
        /** The provider history's weight, ≥ 0. */
        provider: decimal({ min: "0" }),
        /** The regional history's weight, ≥ 0. */
        regional: decimal({ min: "0" }),
      })
      .refine((w) => w.provider.plus(w.regional).greaterThan(0), { message: "the blend weights may not both be zero", path: ["provider"] }),
  }),
]));

/**
 * A quality category: the discount it sets, whether it may earn a payment, and adjustments of either side.
 *
 * @category Reconciliation
 */
export const episodeQualityCategorySchema = lazySchema(() => z.strictObject({
  /** The category's name ("Acceptable"). */
  name: z.string().min(1),
  /** The discount it sets, a share in [0, 1] of the benchmark. */
  discount: rateSchema,
  /** Whether a participant in it may earn a reconciliation payment. */
  eligibleForGains: z.boolean(),
  /** Adjustment in [−1, 1] of a reconciliation payment (−0.1 = −10 %). */
  gainAdjustment: signedRateSchema.optional(),
  /** Adjustment in [−1, 1] of a repayment. */
  lossAdjustment: signedRateSchema.optional(),
}));

/**
 * An episode reconciliation document for one performance year. Each episode's actual
 * spending states its currency, which must be the document's. `limits.stopLoss: null`
 * makes the year one-sided (no repayment). `previouslyReconciled` turns the result into a
 * true-up against an earlier reconciliation of the same year.
 *
 * @category Reconciliation
 */
export const reconcileEpisodesInputSchema = lazySchema(() => z
  .strictObject({
    /** The scheme: `episode`. */
    scheme: z.literal("episode"),
    /** ISO 4217 code of every amount (stated, never defaulted). */
    currency: statedCurrencySchema,
    /** The performance year's label ("PY1"). */
    year: z.string().min(1),
    /** The episode types and their benchmarks, at least one, ids unique. */
    episodeTypes: z
      .array(
        z.strictObject({
          /** The episode type's id ("LEJR"). */
          id: z.string().min(1),
          /** How its benchmark price is set. */
          benchmark: episodeBenchmarkSchema,
        }),
      )
      .min(1),
    /** The discount when no quality categories are given. */
    discount: rateSchema.optional(),
    /** The quality score and the categories it falls in (which set the discount). */
    quality: z
      .strictObject({
        /** The participant's composite quality score. */
        score: decimal(),
        /** Bands over the score whose values are quality categories. */
        categories: bandedTableSchema(episodeQualityCategorySchema),
      })
      .optional(),
    /** The year's episodes, at least one. */
    episodes: z
      .array(
        z.strictObject({
          /** The episode's id. */
          id: z.string().min(1),
          /** Its episode type (an id of `episodeTypes`). */
          type: z.string().min(1),
          /** Its actual spending, with its currency (which must be the document's). */
          actual: z.strictObject({
            /** The amount spent, ≥ 0. */
            amount: nonNegativeAmountSchema,
            /** Its ISO 4217 code. */
            currency: currencyCodeSchema,
          }),
          /** This episode's own benchmark price (case-mix adjusted), instead of its type's. */
          benchmarkPrice: positiveAmount.optional(),
        }),
      )
      .min(1),
    /** The year's stop-gain and stop-loss limits as shares of the total target. */
    limits: z.strictObject({
      /** The stop-gain limit, a share in [0, 1] of the total target price. */
      stopGain: rateSchema,
      /** The stop-loss limit, a share in [0, 1]; null for a one-sided year (no repayment). */
      stopLoss: rateSchema.nullable(),
    }),
    /** An earlier reconciliation of the same year (signed amount): the result becomes a true-up. */
    previouslyReconciled: amountSchema.optional(),
    /** Whether the quality adjustment or the cap applies first. */
    order: orderSchema,
    /** How target prices, caps and adjusted amounts are rounded; half-up by default. */
    rounding: roundingSchema.default("half-up"),
  })
  .superRefine((p, ctx) => {
    if ((p.discount === undefined) === (p.quality === undefined)) ctx.addIssue({ code: "custom", path: ["discount"], message: "give either discount or quality categories (which set the discount), not both or neither" });
  }));

/**
 * An episode reconciliation document as stored (JSON).
 *
 * @category Reconciliation
 */
export type ReconcileEpisodesInput = z.input<typeof reconcileEpisodesInputSchema>;

/**
 * One episode's line.
 *
 * @category Reconciliation
 */
export interface EpisodeLine {
  readonly id: string;
  readonly type: string;
  readonly targetPrice: Money;
  readonly actual: Money;
  /** Target − actual for this episode. */
  readonly difference: Money;
}

/**
 * An episode reconciliation: the common result plus lines, per-type totals and the true-up.
 *
 * @category Reconciliation
 */
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

type Benchmark = z.output<typeof episodeBenchmarkSchema>;
interface BenchmarkBehaviour<B extends Benchmark> {
  /** The benchmark before the discount, unrounded. */
  amount(b: B): Dec;
  /** The benchmark less the discount, in words (after "Episode type <id>: "). */
  words(b: B, bench: Dec, currency: string, discount: Dec): string;
}

/** Everything about one benchmark kind: its amount and its words. Adding a kind is one entry. */
const BENCHMARKS: { readonly [K in Benchmark["kind"]]: BenchmarkBehaviour<Extract<Benchmark, { kind: K }>> } = {
  price: {
    amount: (b) => b.benchmarkPrice,
    words: (_b, bench, c, discount) => `benchmark ${formatMoney(money(bench, c))} less the ${pct(discount)} discount`,
  },
  blended: {
    // one division, after the weighted sum, so a 2 : 1 blend is exact before the single rounding
    amount: (b) => b.providerHistory.times(b.weights.provider).plus(b.regionalHistory.times(b.weights.regional)).dividedBy(b.weights.provider.plus(b.weights.regional)),
    words: (b, _bench, c, discount) =>
      `the provider's history ${formatMoney(money(b.providerHistory, c))} and the regional ${formatMoney(money(b.regionalHistory, c))} blended ${text(b.weights.provider)} : ${text(b.weights.regional)}, less the ${pct(discount)} discount`,
  },
};

/** The entry of a benchmark's kind, widened to the union (what each entry accepts for its own kind). */
function benchmarkOf(b: Benchmark): BenchmarkBehaviour<Benchmark> {
  return BENCHMARKS[b.kind] as unknown as BenchmarkBehaviour<Benchmark>;
}

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
    const benchmark = benchmarkOf(b);
    const bench = benchmark.amount(b);
    const price = round(money(bench.times(new D(1).minus(discount)), c), p.rounding);
    typePrice.set(id, price);
    steps.push(
      step(
        "budget.episode.target-price",
        `Episode type ${id}: ${benchmark.words(b, bench, c, discount)}.`,
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
 * @category Reconciliation
 * @param input - the episode reconciliation document.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, or both or neither of `discount` and `quality` are given (path named)
 * @throws {DomainError} INCONSISTENT_INPUT when an episode type is listed twice; CURRENCY_MISMATCH when an episode's spending is in another currency; UNKNOWN_KEY when an episode names an unknown type; OUT_OF_DOMAIN when the quality score falls outside the categories
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
