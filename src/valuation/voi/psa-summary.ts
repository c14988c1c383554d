import * as z from "zod";
import { type Dec, type Money, money, round } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { currencyCodeSchema, DomainError, parseInput, step, type Step } from "../../core/index.js";
import { checkDrawMatrices, rowSchema } from "../psa.js";
import { quantileType7 } from "./quantile.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Input of {@link summarizePsa}: PSA draws (strategy × draw), λ values and the comparisons to summarise.
 *
 * @category PSA
 */
export const summarizePsaInputSchema = lazySchema(() => z
  .strictObject({
    /** Strategy names, unique, at least one. */
    strategies: z.array(z.string().min(1)).min(1, "at least one strategy is needed"),
    /** `costs[s][k]`: strategy s in draw k. */
    costs: z.array(rowSchema),
    /** `effects[s][k]`: strategy s in draw k (QALYs). */
    effects: z.array(rowSchema),
    /** Willingness-to-pay values per QALY, each finite and ≥ 0. */
    lambdas: z.array(z.number().min(0).finite()).min(1, "at least one λ is needed"),
    /** Currency of the costs (stated: no default). */
    currency: currencyCodeSchema,
    /** Incremental comparisons; absent: every other strategy against the first. */
    comparisons: z
      .array(
        z.strictObject({
          /** The new strategy of the comparison. */
          intervention: z.string().min(1),
          /** The strategy it is compared with. */
          comparator: z.string().min(1),
        }),
      )
      .optional(),
  })
  .superRefine((doc, ctx) => {
    checkDrawMatrices(doc, ctx);
    const names = new Set(doc.strategies);
    doc.comparisons?.forEach((c, i) => {
      (["intervention", "comparator"] as const).forEach((k) => {
        if (!names.has(c[k])) ctx.addIssue({ code: "custom", message: `"${c[k]}" is not among the strategies`, path: ["comparisons", i, k] });
      });
      if (c.intervention === c.comparator) ctx.addIssue({ code: "custom", message: "a strategy cannot be compared with itself", path: ["comparisons", i, "comparator"] });
    });
  }));

/**
 * Input of {@link summarizePsa}.
 *
 * @category PSA
 */
export type SummarizePsaInput = z.input<typeof summarizePsaInputSchema>;

/**
 * Mean, sample SD (n − 1; null for one draw) and the 2.5% / 97.5% quantiles (Hyndman–Fan type 7).
 *
 * @category PSA
 */
export interface DrawSummary {
  readonly mean: number;
  readonly sd: number | null;
  readonly q025: number;
  readonly q975: number;
}

/**
 * One strategy's PSA summary.
 *
 * @category PSA
 */
export interface StrategySummary {
  readonly strategy: string;
  readonly cost: DrawSummary;
  readonly effect: DrawSummary;
  /** Per λ (input order): NMB = λ·E − C summarised, and the share of draws in which this strategy has the highest NMB (ties: the earlier). */
  readonly atLambda: readonly { readonly lambda: number; readonly nmb: DrawSummary; readonly probabilityCostEffective: number }[];
}

/**
 * One incremental comparison's PSA summary.
 *
 * @category PSA
 */
export interface ComparisonSummary {
  readonly intervention: string;
  readonly comparator: string;
  readonly incrementalCost: DrawSummary;
  readonly incrementalEffect: DrawSummary;
  /** ICER of the means, ΔC̄ / ΔĒ, rounded half-up; null when ΔĒ = 0. */
  readonly icerOfMeans: Money | null;
  /** The quotient before rounding. */
  readonly icerOfMeansExact: Dec | null;
  /** Quadrant of (ΔĒ, ΔC̄). */
  readonly quadrant: "NE" | "SE" | "NW" | "SW" | "ORIGIN";
  /** Per λ: ΔNMB summarised, and the share of draws with ΔNMB > 0 (the intervention strictly better). */
  readonly atLambda: readonly { readonly lambda: number; readonly incrementalNmb: DrawSummary; readonly probabilityCostEffective: number }[];
}

/**
 * Result of {@link summarizePsa}.
 *
 * @category PSA
 */
export interface PsaSummaryResult {
  readonly draws: number;
  readonly currency: string;
  readonly strategies: readonly StrategySummary[];
  readonly comparisons: readonly ComparisonSummary[];
  readonly explanation: readonly Step[];
}

function summarise(x: Float64Array): DrawSummary {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
  const sorted = Float64Array.from(x).sort();
  const out = { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null, q025: quantileType7(sorted, 0.025), q975: quantileType7(sorted, 0.975) };
  if (![out.mean, out.sd ?? 0, out.q025, out.q975].every(Number.isFinite)) throw new DomainError("UNDEFINED_RESULT", "a PSA summary overflowed float64; rescale the inputs");
  return out;
}

/**
 * PSA summaries per strategy and per incremental comparison: mean, SD and the 2.5% and
 * 97.5% quantiles of cost, effect and NMB at each λ; the probability of being
 * cost-effective; the ICER of the means with its quadrant.
 *
 * Quantiles follow Hyndman & Fan's type 7 (R's default). SDs divide by K − 1. The
 * probability a strategy is cost-effective is its CEAC value among all strategies (as
 * `analyzePsa`); for a comparison it is the share of draws with ΔNMB > 0.
 *
 * @example
 * ```ts
 * const s = summarizePsa({
 *   strategies: ["S1", "S2"],
 *   costs: [[100, 120, 80, 110], [200, 260, 150, 210]],
 *   effects: [[1.0, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]],
 *   lambdas: [300], currency: "CNY",
 * });
 * s.strategies[0].cost.mean;               // 102.5
 * s.comparisons[0].icerOfMeans?.toString(); // "CNY 256.25" (ΔC̄ 102.5 / ΔĒ 0.4)
 * ```
 *
 * @param input - `{ strategies, costs, effects, comparator?, … }`: strategy × draw matrices
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused): ragged or non-finite matrices name the row and draw
 * @category PSA
 */
export function summarizePsa(input: SummarizePsaInput): PsaSummaryResult {
  const doc = parseInput(summarizePsaInputSchema, input, "summarizePsa");
  const S = doc.strategies.length;
  const K = doc.costs[0]!.length;
  const C = doc.costs.map((r) => Float64Array.from(r));
  const E = doc.effects.map((r) => Float64Array.from(r));
  const nmbs = doc.lambdas.map((l) => C.map((c, s) => Float64Array.from(c, (v, k) => l * E[s]![k]! - v)));
  const wins = nmbs.map((rows) => {
    const w = new Int32Array(S);
    for (let k = 0; k < K; k++) {
      let best = 0;
      for (let s = 1; s < S; s++) if (rows[s]![k]! > rows[best]![k]!) best = s;
      w[best] = w[best]! + 1;
    }
    return w;
  });
  const strategies: StrategySummary[] = doc.strategies.map((name, s) => ({
    strategy: name,
    cost: summarise(C[s]!),
    effect: summarise(E[s]!),
    atLambda: doc.lambdas.map((lambda, l) => ({ lambda, nmb: summarise(nmbs[l]![s]!), probabilityCostEffective: wins[l]![s]! / K })),
  }));
  const pairs = doc.comparisons ?? doc.strategies.slice(1).map((n) => ({ intervention: n, comparator: doc.strategies[0]! }));
  const index = new Map(doc.strategies.map((n, i) => [n, i] as const));
  const comparisons: ComparisonSummary[] = pairs.map(({ intervention, comparator }) => {
    const a = index.get(intervention)!;
    const b = index.get(comparator)!;
    const dC = Float64Array.from(C[a]!, (v, k) => v - C[b]![k]!);
    const dE = Float64Array.from(E[a]!, (v, k) => v - E[b]![k]!);
    const incrementalCost = summarise(dC);
    const incrementalEffect = summarise(dE);
    const mc = new D(incrementalCost.mean);
    const me = new D(incrementalEffect.mean);
    const exact = me.isZero() ? null : mc.div(me);
    const quadrant = me.isZero() && mc.isZero() ? "ORIGIN" : me.greaterThanOrEqualTo(0) && mc.lessThanOrEqualTo(0) ? "SE" : me.lessThanOrEqualTo(0) && mc.greaterThanOrEqualTo(0) ? "NW" : me.greaterThan(0) ? "NE" : "SW";
    return {
      intervention,
      comparator,
      incrementalCost,
      incrementalEffect,
      icerOfMeans: exact === null ? null : round(money(exact, doc.currency)),
      icerOfMeansExact: exact,
      quadrant,
      atLambda: doc.lambdas.map((lambda, l) => {
        const d = Float64Array.from(nmbs[l]![a]!, (v, k) => v - nmbs[l]![b]![k]!);
        let better = 0;
        for (let k = 0; k < K; k++) if (d[k]! > 0) better++;
        return { lambda, incrementalNmb: summarise(d), probabilityCostEffective: better / K };
      }),
    };
  });
  const explanation: Step[] = [
    step(
      "valuation.psa.summary",
      `${K} draw(s) of ${S} strategies summarised: mean, SD (divisor K − 1), 2.5% and 97.5% quantiles (Hyndman–Fan type 7, R's default) of cost, effect and NMB at ${doc.lambdas.length} λ value(s); ${comparisons.length} incremental comparison(s) with the ICER of the means.`,
      { draws: K, strategies: [...doc.strategies], comparisons: comparisons.map((c) => `${c.intervention} vs ${c.comparator}`) },
    ),
  ];
  return { draws: K, currency: doc.currency, strategies, comparisons, explanation };
}
