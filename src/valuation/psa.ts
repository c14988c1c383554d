import * as z from "zod";
import { currencyCodeSchema, DomainError, parseInput, positiveDecimalSchema, step, type Step, ValidationError } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { type Dec, formatMoney, type Money, money, round } from "../money/index.js";
import { D } from "../money/decimal.js";
import { checkUniqueNames } from "./shared.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const MAX_REPORTED = 20;

export const rowSchema = lazySchema(() => z.custom<number[] | Float64Array>((v) => v instanceof Float64Array || Array.isArray(v), {
  message: "expected an array of numbers or a Float64Array",
}));

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
 *
 * @category PSA
 */
export const analyzePsaInputSchema = lazySchema(() => z
  .strictObject({
    /** Strategy names, unique, at least one. */
    strategies: z.array(z.string().min(1)).min(1, "at least one strategy is needed"),
    /** `costs[s][k]`: the cost of strategy s in draw k (arrays of finite numbers or Float64Arrays). */
    costs: z.array(rowSchema),
    /** `effects[s][k]`: the effect (QALYs) of strategy s in draw k. */
    effects: z.array(rowSchema),
    /** Willingness-to-pay values per QALY, each ≥ 0. */
    lambdas: z.array(z.number().min(0)).min(1, "at least one λ is needed"),
    /** ISO 4217 code of the costs; required (no default: B2). */
    currency: currencyCodeSchema,
    /** Population the decision affects: population EVPI = population × the unrounded EVPI, rounded once. */
    population: positiveDecimalSchema.optional(),
    // The other keys of a runModelPsa result, so that result can be passed as it is; ignored here.
    /** Ignored (a runModelPsa result's draw count). */
    draws: z.unknown().optional(),
    /** Ignored (a runModelPsa result's seed). */
    seed: z.unknown().optional(),
    /** Ignored (a runModelPsa result's summary). */
    summary: z.unknown().optional(),
    /** Ignored (a runModelPsa result's explanation). */
    explanation: z.unknown().optional(),
    /** Ignored (a runModelPsa result's sampled parameters). */
    parameterDraws: z.unknown().optional(),
  })
  .superRefine(checkDrawMatrices));

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

/**
 * Input of {@link analyzePsa}.
 *
 * @category PSA
 */
export type AnalyzePsaInput = z.input<typeof analyzePsaInputSchema>;

/**
 * PSA results at one λ.
 *
 * @category PSA
 */
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

/**
 * CEAC, CEAF, expected loss and EVPI over a λ grid.
 *
 * @category PSA
 */
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
 *   currency: "CNY",
 * });
 * r.points[0].ceac;            // [0.5, 0.5]
 * r.points[0].optimal;         // "S2"
 * r.points[0].evpi.toString(); // "CNY 30.00"
 * ```
 *
 * @param input - `{ strategies, costs, effects, lambdas, currency, population? }`: strategy × draw matrices, the λ grid and the currency of the costs
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused): a missing currency at `currency`; ragged or non-finite matrices name the row and draw (`costs.<s>.<k>`)
 * @throws {DomainError} UNDEFINED_RESULT when a sum overflows float64
 * @category PSA
 */
export function analyzePsa(input: AnalyzePsaInput): PsaResult {
  const doc = parseInput(analyzePsaInputSchema, input, "analyzePsa");
  const acc = newAccumulator(doc);
  accumulate(acc, doc.costs, doc.effects);
  return summarise(acc);
}

/**
 * Input of {@link createPsaAccumulator}: what {@link analyzePsa} takes, without the draws
 * (they come in chunks through {@link addPsaDraws}).
 *
 * @category PSA
 */
export const psaAccumulatorInputSchema = lazySchema(() => z
  .strictObject({
    /** Strategy names, unique, at least one. */
    strategies: z.array(z.string().min(1)).min(1, "at least one strategy is needed"),
    /** Willingness-to-pay values per QALY, each ≥ 0. */
    lambdas: z.array(z.number().min(0)).min(1, "at least one λ is needed"),
    /** ISO 4217 code of the costs; required (no default: B2). */
    currency: currencyCodeSchema,
    /** Population the decision affects (as in {@link analyzePsa}). */
    population: positiveDecimalSchema.optional(),
  })
  .superRefine((doc, ctx) => checkUniqueNames(doc.strategies, ctx, (i) => ["strategies", i])));

/**
 * Input of {@link createPsaAccumulator}.
 *
 * @category PSA
 */
export type PsaAccumulatorInput = z.input<typeof psaAccumulatorInputSchema>;

/**
 * The running state of a streamed PSA: per λ and strategy the win count and the NMB sum,
 * per λ the sum of the best NMB, and the draw count. O(strategies × λ) memory whatever
 * the number of draws. Made by {@link createPsaAccumulator}; {@link addPsaDraws} updates it
 * in place (draws are added in the order given); {@link finishPsa} reads it.
 *
 * @category PSA
 */
export interface PsaAccumulator {
  readonly strategies: readonly string[];
  readonly lambdas: readonly number[];
  readonly currency: string;
  readonly population: Dec | null;
  /** Draws added so far. */
  draws: number;
  /** `wins[l × S + s]`: draws strategy s won at λ number l. */
  readonly wins: Int32Array;
  /** `sums[l × S + s]`: Σ NMB of strategy s at λ number l, in draw order. */
  readonly sums: Float64Array;
  /** `sumMax[l]`: Σ over draws of the best NMB at λ number l, in draw order. */
  readonly sumMax: Float64Array;
  /** Scratch: one block of draws, draw-major (reused; not state). */
  readonly blockC: Float64Array;
  readonly blockE: Float64Array;
}

/**
 * Starts a streamed PSA: memory stays O(strategies × λ) however many draws are added,
 * and {@link finishPsa} gives the same result, to the bit, as {@link analyzePsa} on all
 * the draws at once (the sums run over the draws in the same order).
 *
 * @example
 * ```ts
 * const acc = createPsaAccumulator({ strategies: ["S1", "S2"], lambdas: [300], currency: "CNY" });
 * addPsaDraws({ accumulator: acc, costs: [[100, 120], [200, 260]], effects: [[1.0, 1.2], [1.5, 1.4]] });
 * addPsaDraws({ accumulator: acc, costs: [[80, 110], [150, 210]], effects: [[0.9, 1.1], [1.6, 1.3]] });
 * finishPsa(acc).points[0].evpi.toString(); // "CNY 30.00", as analyzePsa on the four draws
 * ```
 *
 * @param input - `{ strategies, lambdas, currency, population? }`: what {@link analyzePsa} takes, without the draws
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused): a missing currency at `currency`
 * @category PSA
 */
export function createPsaAccumulator(input: PsaAccumulatorInput): PsaAccumulator {
  const doc = parseInput(psaAccumulatorInputSchema, input, "createPsaAccumulator");
  return newAccumulator(doc);
}

/**
 * Input of {@link addPsaDraws}: a chunk of draws as strategy × draw matrices.
 *
 * @category PSA
 */
export interface PsaDrawsChunk {
  readonly accumulator: PsaAccumulator;
  /** `costs[s][k]`: strategy s in the chunk's draw k (arrays of numbers or Float64Arrays). */
  readonly costs: readonly (readonly number[] | Float64Array)[];
  readonly effects: readonly (readonly number[] | Float64Array)[];
}

const chunkSchema = lazySchema(() => z
  .strictObject({
    /** The accumulator made by createPsaAccumulator. */
    accumulator: z.custom<PsaAccumulator>(isAccumulator, { message: "expected a PSA accumulator made by createPsaAccumulator" }),
    /** The chunk's `costs[s][k]`. */
    costs: z.array(rowSchema),
    /** The chunk's `effects[s][k]`. */
    effects: z.array(rowSchema),
  })
  .superRefine((doc, ctx) => {
    if (!isAccumulator(doc.accumulator)) return;
    const S = doc.accumulator.strategies.length;
    const kc = checkMatrix(doc.costs, "costs", S, ctx);
    const ke = checkMatrix(doc.effects, "effects", S, ctx);
    if (kc !== null && ke !== null && kc !== ke) ctx.addIssue({ code: "custom", message: `costs have ${kc} draws but effects have ${ke}`, path: ["effects"] });
  }));

/**
 * Adds a chunk of PSA draws to an accumulator, after the draws added before (order
 * matters only to the last bit of the sums, as in any float64 sum; keep the draw order to
 * match {@link analyzePsa} to the bit). The chunk is validated like analyzePsa's matrices;
 * an invalid chunk is a ValidationError and leaves the accumulator unchanged. An empty
 * chunk adds nothing. Returns the accumulator.
 *
 * @example
 * ```ts
 * const acc = createPsaAccumulator({ strategies: ["A", "B"], lambdas: [20_000, 50_000], currency: "EUR" });
 * declare const chunks: { costs: Float64Array[]; effects: Float64Array[] }[];
 * for (const chunk of chunks) addPsaDraws({ accumulator: acc, costs: chunk.costs, effects: chunk.effects });
 * const result = finishPsa(acc);
 * ```
 *
 * @param input - `{ accumulator, costs, effects }`: the accumulator and a chunk of strategy × draw matrices
 * @throws {ValidationError} when the accumulator was not made by createPsaAccumulator, or the chunk is ragged, non-finite or of the wrong shape (path of each entry); the accumulator is then unchanged
 * @category PSA
 */
export function addPsaDraws(input: PsaDrawsChunk): PsaAccumulator {
  const doc = parseInput(chunkSchema, input, "addPsaDraws");
  accumulate(doc.accumulator, doc.costs, doc.effects);
  return doc.accumulator;
}

/**
 * The PSA summary of every draw added so far: the same {@link PsaResult} as
 * {@link analyzePsa}. With no draws added it is a ValidationError. Does not change the
 * accumulator (more draws may be added and the summary taken again).
 *
 * @example
 * ```ts
 * declare const acc: ReturnType<typeof createPsaAccumulator>;
 * const result = finishPsa(acc);
 * result.points.map((p) => p.optimal);
 * ```
 *
 * @param accumulator - an accumulator made by {@link createPsaAccumulator}
 * @throws {ValidationError} when `accumulator` was not made by createPsaAccumulator (path `accumulator`) or holds no draws (path `draws`)
 * @throws {DomainError} UNDEFINED_RESULT when a sum overflows float64
 * @category PSA
 */
export function finishPsa(accumulator: PsaAccumulator): PsaResult {
  if (!isAccumulator(accumulator)) throw invalid(["accumulator"], "expected a PSA accumulator made by createPsaAccumulator", "invalid_type");
  if (accumulator.draws === 0) throw invalid(["draws"], "at least one draw is needed", "too_small");
  return summarise(accumulator);
}

/**
 * Runs a PSA over draws given as an iterable of chunks (a generator reading a file, a
 * model run in batches), in bounded memory: {@link createPsaAccumulator}, then
 * {@link addPsaDraws} per chunk, then {@link finishPsa}.
 *
 * @example
 * ```ts
 * function* chunks() {
 *   yield { costs: [[100, 120], [200, 260]], effects: [[1.0, 1.2], [1.5, 1.4]] };
 *   yield { costs: [[80, 110], [150, 210]], effects: [[0.9, 1.1], [1.6, 1.3]] };
 * }
 * analyzePsaChunks({ strategies: ["S1", "S2"], lambdas: [300], currency: "CNY", chunks: chunks() });
 * ```
 *
 * @param input - the settings of {@link createPsaAccumulator} and `chunks`, an iterable of `{ costs, effects }`
 * @throws {ValidationError} when the settings are invalid, `chunks` is not iterable, or a chunk is invalid (path `chunks.<i>.…`), or no draw was given
 * @throws {DomainError} UNDEFINED_RESULT when a sum overflows float64
 * @category PSA
 */
export function analyzePsaChunks(input: PsaAccumulatorInput & { readonly chunks: Iterable<{ readonly costs: PsaDrawsChunk["costs"]; readonly effects: PsaDrawsChunk["effects"] }> }): PsaResult {
  if (typeof input !== "object" || input === null) throw invalid([], "expected the PSA settings and chunks", "invalid_type");
  const { chunks, ...settings } = input;
  if (chunks === null || typeof chunks !== "object" || typeof (chunks as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== "function") {
    throw invalid(["chunks"], "expected an iterable of { costs, effects } chunks", "invalid_type");
  }
  const acc = createPsaAccumulator(settings);
  let i = 0;
  for (const chunk of chunks) {
    if (typeof chunk !== "object" || chunk === null) throw invalid(["chunks", i], "expected a { costs, effects } chunk", "invalid_type");
    try {
      addPsaDraws({ accumulator: acc, costs: chunk.costs, effects: chunk.effects });
    } catch (e) {
      if (e instanceof ValidationError) throw new ValidationError(e.issues.map((issue) => ({ ...issue, path: ["chunks", i, ...issue.path] })), "analyzePsaChunks");
      throw e;
    }
    i++;
  }
  return finishPsa(acc);
}

const accumulators = new WeakSet<object>();

function isAccumulator(v: unknown): v is PsaAccumulator {
  return typeof v === "object" && v !== null && accumulators.has(v);
}

/** Draws per block of the draw-major scratch copy: about 256 KiB per matrix, so a block stays in cache across the λ grid. */
function blockDraws(S: number): number {
  return Math.max(1, Math.floor(32_768 / S));
}

function newAccumulator(doc: { strategies: string[]; lambdas: number[]; currency: string; population?: Dec | undefined }): PsaAccumulator {
  const S = doc.strategies.length;
  const L = doc.lambdas.length;
  const B = blockDraws(S);
  const acc: PsaAccumulator = {
    strategies: [...doc.strategies],
    lambdas: [...doc.lambdas],
    currency: doc.currency,
    population: doc.population ?? null,
    draws: 0,
    wins: new Int32Array(L * S),
    sums: new Float64Array(L * S),
    sumMax: new Float64Array(L),
    blockC: new Float64Array(B * S),
    blockE: new Float64Array(B * S),
  };
  accumulators.add(acc);
  return acc;
}

/**
 * Adds validated strategy × draw matrices to the running sums, block by block: each block is
 * copied draw-major (a draw's strategies adjacent for the inner loop) and scanned once per λ.
 * Per (λ, strategy) the additions happen in draw order whatever the blocks, so the sums are
 * the same bits however the draws were chunked.
 */
function accumulate(acc: PsaAccumulator, costs: readonly (readonly number[] | Float64Array)[], effects: readonly (readonly number[] | Float64Array)[]): void {
  const S = acc.strategies.length;
  const K = costs[0]?.length ?? 0;
  const B = blockDraws(S);
  const C = acc.blockC;
  const E = acc.blockE;
  const L = acc.lambdas.length;
  for (let k0 = 0; k0 < K; k0 += B) {
    const n = Math.min(B, K - k0);
    for (let s = 0; s < S; s++) {
      const cr = costs[s]!;
      const er = effects[s]!;
      for (let k = 0; k < n; k++) {
        C[k * S + s] = cr[k0 + k]!;
        E[k * S + s] = er[k0 + k]!;
      }
    }
    for (let l = 0; l < L; l++) acc.sumMax[l] = psaKernel(acc.lambdas[l]!, C, E, S, n * S, acc.wins, acc.sums, l * S, acc.sumMax[l]!);
  }
  acc.draws += K;
}

function summarise(acc: PsaAccumulator): PsaResult {
  const { currency, strategies } = acc;
  const S = strategies.length;
  const K = acc.draws;
  const toExact = (x: number, what: string): Dec => {
    if (!Number.isFinite(x)) throw new DomainError("UNDEFINED_RESULT", `${what} overflowed float64; rescale the inputs`);
    return new D(x);
  };
  const toMoney = (x: Dec): Money => round(money(x, currency));
  const points: PsaPoint[] = acc.lambdas.map((lambda, l) => {
    const o = l * S;
    const sums = acc.sums.subarray(o, o + S);
    const wins = acc.wins.subarray(o, o + S);
    const meanMax = acc.sumMax[l]! / K;
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
    const populationEvpiExact = acc.population === null ? null : evpiExact.times(acc.population);
    return {
      lambda,
      ceac,
      wins: Array.from(wins),
      optimal: strategies[optimalIndex]!,
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
      { strategies: [...strategies], draws: K, lambdas: points.length },
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
        `Population EVPI = ${String(acc.population)} × the unrounded EVPI, rounded once: ${formatMoney(first.populationEvpi)} at λ = ${first.lambda}.`,
        { population: acc.population!, evpiExact: first.evpiExact, populationEvpiExact: first.populationEvpiExact },
        first.populationEvpi,
      ),
    );
  }
  return { strategies: [...strategies], draws: K, currency, points, explanation };
}

/**
 * One λ over one block of draws (draw-major, `n` = draws × S entries): adds each strategy's
 * NMB to `sums[o + s]` and each draw's winner to `wins[o + s]`, and returns `sumMax` plus
 * the block's best NMBs, added one draw at a time. A standalone function over typed arrays
 * so the engine keeps it monomorphic.
 */
function psaKernel(lambda: number, C: Float64Array, E: Float64Array, S: number, n: number, wins: Int32Array, sums: Float64Array, o: number, sumMax: number): number {
  for (let base = 0; base < n; base += S) {
    let bestV = lambda * (E[base] as number) - (C[base] as number);
    let bestS = 0;
    sums[o] = (sums[o] as number) + bestV;
    for (let s = 1; s < S; s++) {
      const v = lambda * (E[base + s] as number) - (C[base + s] as number);
      sums[o + s] = (sums[o + s] as number) + v;
      if (v > bestV) {
        bestV = v;
        bestS = s;
      }
    }
    wins[o + bestS] = (wins[o + bestS] as number) + 1;
    sumMax += bestV;
  }
  return sumMax;
}

/**
 * Input of {@link psaInputFromDraws}: draw-major PSA output, one entry per draw.
 *
 * @category PSA
 */
export const psaInputFromDrawsInputSchema = lazySchema(() => z.strictObject({
  /** Strategy names, at least one. */
  strategies: z.array(z.string().min(1)).min(1),
  /** `draws[k].costs[s]`, `draws[k].effects[s]`: strategy `s` in draw `k`. */
  draws: z
    .array(
      z.strictObject({
        /** One cost per strategy, in strategy order. */
        costs: z.array(z.number()),
        /** One effect (QALYs) per strategy, in strategy order. */
        effects: z.array(z.number()),
      }),
    )
    .min(1, "at least one draw is needed"),
  /** Willingness-to-pay values per QALY, each ≥ 0. */
  lambdas: z.array(z.number().min(0)).min(1),
  /** ISO 4217 code of the costs; required (no default: B2). */
  currency: currencyCodeSchema,
}).superRefine((doc, ctx) => {
  const S = doc.strategies.length;
  doc.draws.forEach((d, k) => {
    if (d.costs.length !== S) ctx.addIssue({ code: "custom", message: `draw ${k} has ${d.costs.length} costs for ${S} strategies`, path: ["draws", k, "costs"] });
    if (d.effects.length !== S) ctx.addIssue({ code: "custom", message: `draw ${k} has ${d.effects.length} effects for ${S} strategies`, path: ["draws", k, "effects"] });
  });
}));

/**
 * Input of {@link psaInputFromDraws} as written by callers.
 *
 * @category PSA
 */
export type PsaInputFromDrawsInput = z.input<typeof psaInputFromDrawsInputSchema>;

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
 *   currency: "CNY",
 * }));
 * ```
 *
 * @param input - `{ strategies, draws, lambdas, currency }`: one `{ costs, effects }` record per draw, and the currency of the costs
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused): a missing currency at `currency`; a draw with the wrong number of costs or effects is refused at `draws.<k>.costs` / `draws.<k>.effects`
 * @category PSA
 */
export function psaInputFromDraws(input: PsaInputFromDrawsInput): AnalyzePsaInput {
  const doc = parseInput(psaInputFromDrawsInputSchema, input, "psaInputFromDraws");
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
  return { strategies: doc.strategies, costs, effects, lambdas: doc.lambdas, currency: doc.currency };
}
