import * as z from "zod";
import { parseInput, step, ValidationError, type IssuePath, type Step } from "../core/index.js";
import type { CompiledModel } from "./compiled.js";
import { compileMarkovModel, markovModelSchema } from "./markov.js";
import { compilePartitionedSurvival, partitionedSurvivalModelSchema } from "./partitioned-survival.js";
import { modelParametersSchema, parameterTable, sampleParameters } from "./parameters.js";
import { seededUniform } from "./random.js";
import { moneyFromFloat } from "./streams.js";
import type { Money } from "../money/index.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * A model of either type, tagged: `{ type: "markov", ... }` or `{ type: "partitioned-survival", ... }`.
 *
 * @category PSA
 */
export const decisionModelSchema = lazySchema(() => z.discriminatedUnion("type", [
  markovModelSchema.extend({ type: z.literal("markov") }),
  partitionedSurvivalModelSchema.extend({ type: z.literal("partitioned-survival") }),
]));

/**
 * A tagged model as accepted by {@link decisionModelSchema}.
 *
 * @category PSA
 */
export type DecisionModelInput = z.input<typeof decisionModelSchema>;

/** The strategies of a model PSA or sensitivity source: named decision models, names unique. */
export const modelStrategiesSchema = lazySchema(() => z
  .array(
    z
      .strictObject({
        /** Strategy name (策略), unique. */
        name: z.string().min(1),
        /** The strategy's tagged model (Markov or partitioned survival). */
        model: decisionModelSchema,
      })
      .strict(),
  )
  .min(1)
  .refine((s) => new Set(s.map((x) => x.name)).size === s.length, { message: "strategy names must be unique" }));

/**
 * Input of {@link runModelPsa}: shared parameters with their distributions, the
 * strategies' models (their expressions reference the shared parameters), which
 * streams are cost and effect, the number of draws and the seed (0 … 2^31 − 1).
 *
 * @category PSA
 */
export const runModelPsaInputSchema = lazySchema(() => z
  .strictObject({
    /** Shared named parameters with their distributions, sampled once per draw for every strategy. */
    parameters: modelParametersSchema,
    /** The strategies compared, with their models; names unique. */
    strategies: modelStrategiesSchema,
    /** Name of the money stream that is the cost; default `cost`. */
    costStream: z.string().min(1).default("cost"),
    /** Name of the stream that is the effect; default `qaly`. */
    effectStream: z.string().min(1).default("qaly"),
    /** Number of PSA draws (抽样次数), an integer in [1, 1,000,000]. */
    draws: z.number().int().min(1).max(1_000_000),
    /** Seed of the random stream, an integer in [0, 2^31 − 1]: the same seed gives the same draws. */
    seed: z.number().int().min(0).max(2_147_483_647),
    /** Also return every draw's parameter values (for a metamodel or EVPPI); default false. */
    includeParameterDraws: z.boolean().default(false),
  })
  .strict());

/**
 * Input of {@link runModelPsa}.
 *
 * @category PSA
 */
export type RunModelPsaInput = z.input<typeof runModelPsaInputSchema>;

/**
 * Options of {@link runModelPsa} that are not part of the PSA document.
 *
 * @category PSA
 */
export interface RunModelPsaOptions {
  /** Called after each draw with the draws done and the total, in order (1 … draws); it observes only. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * PSA draws per strategy, shaped for valuation's `analyzePsa` (add `lambdas`).
 *
 * @category PSA
 */
export interface ModelPsaResult {
  readonly strategies: string[];
  /** costs[s][k]: discounted cost of strategy s in draw k. */
  readonly costs: Float64Array[];
  /** effects[s][k]: discounted effect of strategy s in draw k. */
  readonly effects: Float64Array[];
  readonly draws: number;
  readonly seed: number;
  /** Currency of the cost stream, when it declares one. */
  readonly currency?: string;
  /** Per strategy: mean cost (Money, half-up, when the stream has a currency) and mean effect over the draws. */
  readonly summary: { readonly name: string; readonly meanCost: number; readonly meanCostMoney?: Money; readonly meanEffect: number }[];
  /** Sampled parameter values per draw (`name` or `name.key` for Dirichlet keys), when asked for. */
  readonly parameterDraws?: Record<string, Float64Array>;
  readonly explanation: Step[];
}

/**
 * Runs every strategy's model once per PSA draw. Each draw samples all parameters
 * once (in name order) from a xoroshiro128+ generator seeded with `seed`, and every
 * strategy sees the same draw, so incremental results are paired. Same seed and
 * document ⇒ bit-identical draws on every platform.
 *
 * @param input - shared parameters, the strategies' tagged models, the cost and effect stream names, draws and seed (`runModelPsaInputSchema`).
 * @param options - optional, not part of the document: how a caller follows a long run.
 * @param options.onProgress - called after each draw with the draws done and the total (`onProgress(k, draws)` for k = 1 … draws, in order), e.g. for a progress bar; it only observes: the draws and results are the same with or without it. An error it throws ends the run.
 * @returns the strategies' cost and effect per draw, ready for `analyzePsa`.
 * @throws {ValidationError} when the input does not match `runModelPsaInputSchema` (path named): an unknown key, a missing field, a value out of range; issue `currency_mismatch` when the cost streams use different currencies.
 * @throws {DomainError} OUT_OF_DOMAIN when a draw gives a value out of range (the draw is named).
 * @throws {ValidationError} when `options.onProgress` is given and is not a function (path `onProgress`).
 * @example
 * ```ts
 * // With progress: runModelPsa(input, { onProgress: (done, total) => console.error(`${done}/${total}`) })
 * const psa = runModelPsa({
 *   parameters: { pDeath: { value: 0.2, distribution: { type: "beta", alpha: 20, beta: 80 } } },
 *   strategies: [{ name: "Standard", model: { type: "markov", states: ["Alive", "Dead"], initial: { Alive: 1 }, cycles: 10,
 *     transitions: [{ matrix: { Alive: { Alive: "complement", Dead: { param: "pDeath" } }, Dead: { Dead: 1 } } }],
 *     counting: "life-table",
 *     streams: { qaly: { values: { Alive: 0.7 } }, cost: { values: { Alive: "500" }, currency: "CNY" } } } }],
 *   draws: 1000, seed: 42,
 * });
 * // analyzePsa({ ...psa, lambdas: [50000, 100000] })
 * ```
 *
 * @category PSA
 */
export function runModelPsa(input: RunModelPsaInput, options?: RunModelPsaOptions): ModelPsaResult {
  const onProgress = options?.onProgress;
  if (onProgress !== undefined && typeof onProgress !== "function") throw new ValidationError([{ path: ["onProgress"], code: "invalid_type", message: "expected a function (done, total) => void" }], "runModelPsa");
  const parsed = parseInput(runModelPsaInputSchema, input, "runModelPsa");
  const table = parameterTable(parsed.parameters);
  const { compiled, currency } = compileStrategies(parsed, table, []);

  const K = parsed.draws;
  const costs = parsed.strategies.map(() => new Float64Array(K));
  const effects = parsed.strategies.map(() => new Float64Array(K));
  const keys: { label: string; slot: number }[] = [];
  for (const name of table.names) {
    const slot = table.slots.get(name);
    if (typeof slot === "number") keys.push({ label: name, slot });
    else if (slot) for (const [key, s] of slot) keys.push({ label: `${name}.${key}`, slot: s });
  }
  const parameterDraws = parsed.includeParameterDraws ? Object.fromEntries(keys.map((k) => [k.label, new Float64Array(K)])) : undefined;

  const u = seededUniform(parsed.seed);
  const params = Float64Array.from(table.base);
  const scratch = compiled.map((c) => new Float64Array(c.model.streamNames.length));
  for (let k = 0; k < K; k++) {
    sampleParameters(table, u, params);
    if (parameterDraws) for (const { label, slot } of keys) (parameterDraws[label] as Float64Array)[k] = params[slot] as number;
    compiled.forEach((c, s) => {
      const out = scratch[s] as Float64Array;
      c.model.totals(params, k, out);
      (costs[s] as Float64Array)[k] = out[c.cost] as number;
      (effects[s] as Float64Array)[k] = out[c.effect] as number;
    });
    if (onProgress !== undefined) onProgress(k + 1, K);
  }

  // Each draw's total is finite, but their sum can overflow: then average the draws pre-divided.
  const mean = (a: Float64Array) => {
    const m = a.reduce((x, y) => x + y, 0) / a.length;
    return Number.isFinite(m) ? m : a.reduce((x, y) => x + y / a.length, 0);
  };
  const summary = parsed.strategies.map((s, i) => {
    const meanCost = mean(costs[i] as Float64Array);
    const meanEffect = mean(effects[i] as Float64Array);
    return currency === undefined ? { name: s.name, meanCost, meanEffect } : { name: s.name, meanCost, meanCostMoney: moneyFromFloat(meanCost, currency), meanEffect };
  });
  const explanation: Step[] = [
    step(
      "models.psa.draws",
      `${K} PSA draws from a xoroshiro128+ generator seeded with ${parsed.seed}; each draw samples ${table.names.length} parameter(s) in name order (${table.names.join(", ") || "none"}) and runs all ${parsed.strategies.length} strategies on the same values.`,
      { draws: K, seed: parsed.seed, parameters: [...table.names] },
    ),
    ...summary.map((s) =>
      step(
        "models.psa.mean",
        `${s.name}: mean ${parsed.costStream} ${s.meanCostMoney ? s.meanCostMoney.toString() : Number(s.meanCost.toPrecision(7))}, mean ${parsed.effectStream} ${Number(s.meanEffect.toPrecision(7))} over ${K} draws.`,
        { strategy: s.name, meanCost: s.meanCost, meanEffect: s.meanEffect },
        s.meanCostMoney,
      ),
    ),
  ];
  const base = { strategies: parsed.strategies.map((s) => s.name), costs, effects, draws: K, seed: parsed.seed, summary, explanation };
  return {
    ...base,
    ...(currency === undefined ? {} : { currency }),
    ...(parameterDraws === undefined ? {} : { parameterDraws }),
  };
}

/** A strategy's compiled model and the indexes of its cost and effect streams. */
export interface CompiledStrategy {
  readonly model: CompiledModel<unknown>;
  readonly cost: number;
  readonly effect: number;
}

/**
 * Compiles every strategy's model once against one parameter table, finds its cost and
 * effect streams, runs the base case (so errors in constant inputs surface before any
 * draw or setting) and checks that the cost streams share one currency. Shared by the
 * PSA runner and the deterministic sensitivity analysis.
 */
export function compileStrategies(
  doc: Pick<z.output<typeof runModelPsaInputSchema>, "strategies" | "costStream" | "effectStream">,
  table: ReturnType<typeof parameterTable>,
  path: IssuePath,
): { compiled: CompiledStrategy[]; currency: string | undefined } {
  const compiled = doc.strategies.map((s, i): CompiledStrategy => {
    const prefix = [...path, "strategies", i, "model"];
    const { type, ...model } = s.model;
    const m: CompiledModel<unknown> =
      type === "markov"
        ? compileMarkovModel(model as z.output<typeof markovModelSchema>, table, prefix)
        : compilePartitionedSurvival(model as z.output<typeof partitionedSurvivalModelSchema>, table, prefix);
    const cost = m.streamNames.indexOf(doc.costStream);
    const effect = m.streamNames.indexOf(doc.effectStream);
    for (const [which, idx, name] of [["cost", cost, doc.costStream], ["effect", effect, doc.effectStream]] as const) {
      if (idx < 0) {
        throw new ValidationError([
          { path: [...prefix, "streams"], code: "unknown_reference", message: `strategy "${s.name}" has no ${which} stream "${name}" (it has ${m.streamNames.join(", ")})` },
        ]);
      }
    }
    m.totals(table.base, undefined, new Float64Array(m.streamNames.length));
    return { model: m, cost, effect };
  });
  const currencies = new Set(doc.strategies.map((s) => s.model.streams[doc.costStream]?.currency).filter((c): c is string => c !== undefined));
  if (currencies.size > 1) {
    throw new ValidationError([{ path: [...path, "strategies"], code: "currency_mismatch", message: `cost streams use different currencies: ${[...currencies].join(", ")}` }]);
  }
  return { compiled, currency: [...currencies][0] };
}
