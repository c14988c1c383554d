import * as z from "zod";
import { currencyCodeSchema, DomainError, parseInput, positiveDecimalSchema, step, type Step } from "../core/index.js";
import { type Dec, formatMoney, type Money, money, round } from "../money/index.js";
import { D } from "../money/decimal.js";
import { checkUniqueNames } from "./shared.js";

const MAX_REPORTED = 20;

export const rowSchema = z.custom<number[] | Float64Array>((v) => v instanceof Float64Array || Array.isArray(v), {
  message: "expected an array of numbers or a Float64Array",
});

/** Adds issues for ragged rows and non-finite entries of a strategy × draw matrix (shared with the VOI inputs; not public). */
export function checkMatrix(rows: readonly (number[] | Float64Array)[], name: string, strategies: number, ctx: z.RefinementCtx): number | null {
  if (rows.length !== strategies) {
    ctx.addIssue({ code: "custom", message: `${name} has ${rows.length} row(s) but there are ${strategies} strategies`, path: [name] });
    return null;
  }
  const draws = rows[0]?.length ?? 0;
  let reported = 0;
  rows.forEach((row, s) => {
    if (row.length !== draws) {
      ctx.addIssue({ code: "custom", message: `ragged matrix: row ${s} has ${row.length} draws, row 0 has ${draws}`, path: [name, s] });
      reported++;
      return;
    }
    for (let k = 0; k < row.length && reported < MAX_REPORTED; k++) {
      const v = row[k];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        ctx.addIssue({ code: "custom", message: `expected a finite number, got ${typeof v === "number" ? String(v) : v === null ? "null" : typeof v}`, path: [name, s, k] });
        reported++;
      }
    }
  });
  return reported === 0 ? draws : null;
}

/**
 * Input of {@link analyzePsa}: PSA draws as strategy × draw matrices
 * (`costs[s][k]` is the cost of strategy `s` in draw `k`), and a λ grid.
 */
export const psaInputSchema = z
  .strictObject({
    strategies: z.array(z.string().min(1)).min(1, "at least one strategy is needed"),
    costs: z.array(rowSchema),
    effects: z.array(rowSchema),
    /** Willingness-to-pay values per QALY, each ≥ 0. */
    lambdas: z.array(z.number().min(0)).min(1, "at least one λ is needed"),
    /** Currency of the costs (default CNY). */
    currency: currencyCodeSchema.optional(),
    /** Population the decision affects: population EVPI = population × the unrounded EVPI, rounded once. */
    population: positiveDecimalSchema.optional(),
    // The other keys of a runModelPsa result, so that result can be passed as it is; ignored here.
    draws: z.unknown().optional(),
    seed: z.unknown().optional(),
    summary: z.unknown().optional(),
    explanation: z.unknown().optional(),
    parameterDraws: z.unknown().optional(),
  })
  .superRefine(checkDrawMatrices);

/** Strategy names unique; cost and effect matrices strategy × draw, of one draw count ≥ 1. */
export function checkDrawMatrices(doc: { strategies: string[]; costs: readonly (number[] | Float64Array)[]; effects: readonly (number[] | Float64Array)[] }, ctx: z.RefinementCtx): void {
  checkUniqueNames(doc.strategies, ctx, (i) => ["strategies", i]);
  const kc = checkMatrix(doc.costs, "costs", doc.strategies.length, ctx);
  const ke = checkMatrix(doc.effects, "effects", doc.strategies.length, ctx);
  if (kc !== null && ke !== null) {
    if (kc !== ke) ctx.addIssue({ code: "custom", message: `costs have ${kc} draws but effects have ${ke}`, path: ["effects"] });
    else if (kc === 0) ctx.addIssue({ code: "custom", message: "at least one draw is needed", path: ["costs"] });
  }
}

/** Input of {@link analyzePsa}. */
export type PsaInput = z.input<typeof psaInputSchema>;

/** PSA results at one λ. */
export interface PsaPoint {
  readonly lambda: number;
  /** Per strategy (input order): share of draws in which it has the highest NMB (CEAC). */
  readonly ceac: readonly number[];
  /** Per strategy: the number of draws it wins (sums to the draw count exactly). */
  readonly wins: readonly number[];
  /** CEAF: the strategy with the highest expected NMB (ties: the earlier). */
  readonly optimal: string;
  readonly optimalIndex: number;
  /** The CEAC value of the optimal strategy (the CEAF curve). */
  readonly optimalProbability: number;
  /** Per strategy: mean NMB over draws, rounded half-up to the minor unit. */
  readonly expectedNmb: readonly Money[];
  /** Per strategy: mean over draws of (max NMB − its NMB), the expected loss of choosing it. */
  readonly expectedLoss: readonly Money[];
  /** EVPI = mean max NMB − max mean NMB (≥ 0), rounded half-up; equals the optimal strategy's expected loss. */
  readonly evpi: Money;
  /** The unrounded figures beside the rounded ones: the float64 statistics as Decimals. */
  readonly expectedNmbExact: readonly Dec[];
  readonly expectedLossExact: readonly Dec[];
  readonly evpiExact: Dec;
  /** population × evpiExact rounded half-up once, and unrounded; null without a population. */
  readonly populationEvpi: Money | null;
  readonly populationEvpiExact: Dec | null;
}

/** CEAC, CEAF, expected loss and EVPI over a λ grid. */
export interface PsaResult {
  readonly strategies: readonly string[];
  readonly draws: number;
  readonly currency: string;
  readonly points: readonly PsaPoint[];
  readonly explanation: readonly Step[];
}

/**
 * Probabilistic sensitivity analysis summaries over a λ grid: the
 * cost-effectiveness acceptability curve (CEAC), the acceptability frontier
 * (CEAF), each strategy's expected loss, and the expected value of perfect
 * information (EVPI).
 *
 * Runs on float64 typed arrays; each draw's winner is decided by exact `>`
 * comparison of `λ·E − C`, ties going to the earlier strategy, so results are
 * reproducible to the bit. Sums run in a fixed order and the max-NMB sum
 * dominates each strategy's sum term by term, so EVPI and losses are never
 * negative. Only money-valued figures (expected NMB, losses, EVPI) become Money.
 *
 * @example
 * ```ts
 * const r = analyzePsa({
 *   strategies: ["S1", "S2"],
 *   costs: [[100, 120, 80, 110], [200, 260, 150, 210]],
 *   effects: [[1.0, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]],
 *   lambdas: [300],
 * });
 * r.points[0].ceac;            // [0.5, 0.5]
 * r.points[0].optimal;         // "S2"
 * r.points[0].evpi.toString(); // "CNY 30.00"
 * ```
 */
export function analyzePsa(input: PsaInput): PsaResult {
  const doc = parseInput(psaInputSchema, input, "analyzePsa");
  const currency = doc.currency ?? "CNY";
  const S = doc.strategies.length;
  const K = doc.costs[0]!.length;
  // Draw-major copies keep each draw's strategies adjacent in memory for the inner loop.
  const C = new Float64Array(S * K);
  const E = new Float64Array(S * K);
  for (let s = 0; s < S; s++) {
    const cr = doc.costs[s]!;
    const er = doc.effects[s]!;
    for (let k = 0; k < K; k++) {
      C[k * S + s] = cr[k]!;
      E[k * S + s] = er[k]!;
    }
  }
  const wins = new Int32Array(S);
  const sums = new Float64Array(S);
  const toExact = (x: number, what: string): Dec => {
    if (!Number.isFinite(x)) throw new DomainError("UNDEFINED_RESULT", `${what} overflowed float64; rescale the inputs`);
    return new D(x);
  };
  const toMoney = (x: Dec): Money => round(money(x, currency));
  const points: PsaPoint[] = doc.lambdas.map((lambda) => {
    const sumMax = psaKernel(lambda, C, E, S, K, wins, sums);
    const meanMax = sumMax / K;
    let optimalIndex = 0;
    for (let s = 1; s < S; s++) if (sums[s]! > sums[optimalIndex]!) optimalIndex = s;
    const ceac = Array.from(wins, (w) => w / K);
    const expectedNmbExact: Dec[] = [];
    const expectedLossExact: Dec[] = [];
    for (let s = 0; s < S; s++) {
      const mean = sums[s]! / K;
      expectedNmbExact.push(toExact(mean, "expected NMB"));
      expectedLossExact.push(toExact(meanMax - mean, "expected loss"));
    }
    const expectedNmb = expectedNmbExact.map(toMoney);
    const expectedLoss = expectedLossExact.map(toMoney);
    const evpiExact = expectedLossExact[optimalIndex]!;
    const populationEvpiExact = doc.population === undefined ? null : evpiExact.times(doc.population);
    return {
      lambda,
      ceac,
      wins: Array.from(wins),
      optimal: doc.strategies[optimalIndex]!,
      optimalIndex,
      optimalProbability: ceac[optimalIndex]!,
      expectedNmb,
      expectedLoss,
      evpi: expectedLoss[optimalIndex]!,
      expectedNmbExact,
      expectedLossExact,
      evpiExact,
      populationEvpi: populationEvpiExact === null ? null : toMoney(populationEvpiExact),
      populationEvpiExact,
    };
  });
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const explanation: Step[] = [
    step(
      "valuation.psa.draws",
      `${K} draw(s) of ${S} strategies evaluated at ${points.length} λ value(s); each draw's winner is the strategy with the highest λ·E − C, exact ties going to the earlier strategy.`,
      { strategies: [...doc.strategies], draws: K, lambdas: points.length },
    ),
    step(
      "valuation.psa.ceaf",
      `At λ = ${first.lambda} the strategy with the highest expected NMB is ${first.optimal} (probability cost-effective ${first.optimalProbability}); at λ = ${last.lambda} it is ${last.optimal} (${last.optimalProbability}).`,
      { firstLambda: first.lambda, lastLambda: last.lambda },
    ),
    step(
      "valuation.psa.evpi",
      `EVPI = mean over draws of the best NMB − the best mean NMB: ${formatMoney(first.evpi)} at λ = ${first.lambda}${points.length > 1 ? `, ${formatMoney(last.evpi)} at λ = ${last.lambda}` : ""}.`,
      { lambda: first.lambda, evpiExact: first.evpiExact },
      first.evpi,
    ),
  ];
  if (first.populationEvpi !== null && first.populationEvpiExact !== null) {
    explanation.push(
      step(
        "valuation.psa.population-evpi",
        `Population EVPI = ${String(doc.population)} × the unrounded EVPI, rounded once: ${formatMoney(first.populationEvpi)} at λ = ${first.lambda}.`,
        { population: doc.population!, evpiExact: first.evpiExact, populationEvpiExact: first.populationEvpiExact },
        first.populationEvpi,
      ),
    );
  }
  return { strategies: [...doc.strategies], draws: K, currency, points, explanation };
}

/**
 * One λ over all draws: fills `wins` and `sums` (Σ NMB per strategy) and returns
 * Σ max NMB. A standalone function over typed arrays so the engine keeps it monomorphic.
 */
function psaKernel(lambda: number, C: Float64Array, E: Float64Array, S: number, K: number, wins: Int32Array, sums: Float64Array): number {
  wins.fill(0);
  sums.fill(0);
  let sumMax = 0;
  const n = S * K;
  for (let base = 0; base < n; base += S) {
    let bestV = lambda * (E[base] as number) - (C[base] as number);
    let bestS = 0;
    sums[0] = (sums[0] as number) + bestV;
    for (let s = 1; s < S; s++) {
      const v = lambda * (E[base + s] as number) - (C[base + s] as number);
      sums[s] = (sums[s] as number) + v;
      if (v > bestV) {
        bestV = v;
        bestS = s;
      }
    }
    wins[bestS] = (wins[bestS] as number) + 1;
    sumMax += bestV;
  }
  return sumMax;
}

/** Input of {@link psaInputFromDraws}: draw-major PSA output, one entry per draw. */
export const psaDrawsInputSchema = z.strictObject({
  strategies: z.array(z.string().min(1)).min(1),
  /** `draws[k].costs[s]`, `draws[k].effects[s]`: strategy `s` in draw `k`. */
  draws: z.array(z.strictObject({ costs: z.array(z.number()), effects: z.array(z.number()) })).min(1, "at least one draw is needed"),
  lambdas: z.array(z.number().min(0)).min(1),
  currency: currencyCodeSchema.optional(),
}).superRefine((doc, ctx) => {
  const S = doc.strategies.length;
  doc.draws.forEach((d, k) => {
    if (d.costs.length !== S) ctx.addIssue({ code: "custom", message: `draw ${k} has ${d.costs.length} costs for ${S} strategies`, path: ["draws", k, "costs"] });
    if (d.effects.length !== S) ctx.addIssue({ code: "custom", message: `draw ${k} has ${d.effects.length} effects for ${S} strategies`, path: ["draws", k, "effects"] });
  });
});

/** Input of {@link psaInputFromDraws} as written by callers. */
export type PsaDrawsInput = z.input<typeof psaDrawsInputSchema>;

/**
 * Turns draw-major PSA output (one record per draw) into the strategy × draw
 * matrices {@link analyzePsa} takes, as Float64Arrays.
 *
 * @example
 * ```ts
 * analyzePsa(psaInputFromDraws({
 *   strategies: ["S1", "S2"],
 *   draws: [{ costs: [100, 200], effects: [1.0, 1.5] }, { costs: [120, 260], effects: [1.2, 1.4] }],
 *   lambdas: [300],
 * }));
 * ```
 */
export function psaInputFromDraws(input: PsaDrawsInput): PsaInput {
  const doc = parseInput(psaDrawsInputSchema, input, "psaInputFromDraws");
  const S = doc.strategies.length;
  const K = doc.draws.length;
  const costs = Array.from({ length: S }, () => new Float64Array(K));
  const effects = Array.from({ length: S }, () => new Float64Array(K));
  doc.draws.forEach((d, k) => {
    for (let s = 0; s < S; s++) {
      costs[s]![k] = d.costs[s]!;
      effects[s]![k] = d.effects[s]!;
    }
  });
  return doc.currency === undefined
    ? { strategies: doc.strategies, costs, effects, lambdas: doc.lambdas }
    : { strategies: doc.strategies, costs, effects, lambdas: doc.lambdas, currency: doc.currency };
}
