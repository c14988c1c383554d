// Pieces shared by the VOI calculators (not public): the PSA-with-parameters input,
// the per-λ net-benefit differences, and money conversion of float statistics.
import * as z from "zod";
import { currencyCodeSchema, DomainError, positiveDecimalSchema } from "../../core/index.js";
import { type Dec, type Money, money, round } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { checkMatrix, rowSchema } from "../psa.js";
import { checkUniqueNames } from "../shared.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * One sampled parameter: its name and its value in every PSA draw (same order as the cost and effect draws).
 *
 * @category Value of Information
 */
export const sampledParameterSchema = lazySchema(() => z.strictObject({
  /** The parameter's name, unique. */
  name: z.string().min(1),
  /** Its value in each PSA draw, in draw order (one per draw). */
  draws: rowSchema,
}));

/** The fields every VOI input shares: PSA draws with their sampled parameters, a λ grid, the currency, an optional population. */
export const voiBaseShape = lazySchema(() => ({
  strategies: z.array(z.string().min(1)).min(2, "value of information needs at least two strategies"),
  /** costs[s][k]: cost of strategy s in draw k. */
  costs: z.array(rowSchema),
  /** effects[s][k]: effect of strategy s in draw k. */
  effects: z.array(rowSchema),
  /** The sampled input parameters of the same draws. */
  parameters: z.array(sampledParameterSchema).min(1, "at least one sampled parameter is needed"),
  /** Willingness-to-pay values per unit of effect, each ≥ 0. */
  lambdas: z.array(z.number().min(0).finite()).min(1, "at least one λ is needed"),
  /** Currency of the costs: stated, never assumed. */
  currency: currencyCodeSchema,
  /** Population the decision affects (e.g. discounted patients over the technology's lifetime): population figures are per-patient figures × this, exactly. */
  population: positiveDecimalSchema.optional(),
} as const));

interface BaseDoc {
  strategies: string[];
  costs: (number[] | Float64Array)[];
  effects: (number[] | Float64Array)[];
  parameters: { name: string; draws: number[] | Float64Array }[];
}

/** Checks the matrices, the parameters' draw counts and unique names; returns the draw count or null. */
export function checkVoiBase(doc: BaseDoc, ctx: z.RefinementCtx): number | null {
  checkUniqueNames(doc.strategies, ctx, (i) => ["strategies", i]);
  const kc = checkMatrix(doc.costs, "costs", doc.strategies.length, ctx);
  const ke = checkMatrix(doc.effects, "effects", doc.strategies.length, ctx);
  if (kc === null || ke === null) return null;
  if (kc !== ke) {
    ctx.addIssue({ code: "custom", message: `costs have ${kc} draws but effects have ${ke}`, path: ["effects"] });
    return null;
  }
  if (kc < 3) {
    ctx.addIssue({ code: "custom", message: `a regression metamodel needs more draws than this (${kc})`, path: ["costs"] });
    return null;
  }
  const seen = new Map<string, number>();
  let ok = true;
  doc.parameters.forEach((p, i) => {
    const earlier = seen.get(p.name);
    if (earlier !== undefined) {
      ctx.addIssue({ code: "custom", message: `duplicate parameter name "${p.name}" (also at index ${earlier})`, path: ["parameters", i, "name"] });
      ok = false;
    } else seen.set(p.name, i);
    if (p.draws.length !== kc) {
      ctx.addIssue({ code: "custom", message: `parameter "${p.name}" has ${p.draws.length} draws, the PSA has ${kc}`, path: ["parameters", i, "draws"] });
      ok = false;
      return;
    }
    for (let k = 0; k < p.draws.length; k++) {
      const v = p.draws[k];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        ctx.addIssue({ code: "custom", message: `expected a finite number, got ${typeof v === "number" ? String(v) : v === null ? "null" : typeof v}`, path: ["parameters", i, "draws", k] });
        ok = false;
        return;
      }
    }
  });
  return ok ? kc : null;
}

/** Checks one group of parameter names against the known ones (path prefix given). */
export function checkGroup(group: readonly string[], known: readonly { name: string }[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  const names = new Set(known.map((p) => p.name));
  const inGroup = new Set<string>();
  group.forEach((name, i) => {
    if (!names.has(name)) ctx.addIssue({ code: "custom", message: `unknown parameter "${name}": not among parameters[].name`, path: [...path, i] });
    if (inGroup.has(name)) ctx.addIssue({ code: "custom", message: `parameter "${name}" appears twice in the group`, path: [...path, i] });
    inGroup.add(name);
  });
}

/** Draw-major float64 copies of the PSA for the λ loop. */
export interface VoiData {
  readonly S: number;
  readonly K: number;
  readonly C: Float64Array[];
  readonly E: Float64Array[];
}

/** Copies the matrices into Float64Arrays. */
export function voiData(doc: BaseDoc): VoiData {
  return {
    S: doc.strategies.length,
    K: doc.costs[0]!.length,
    C: doc.costs.map((r) => Float64Array.from(r)),
    E: doc.effects.map((r) => Float64Array.from(r)),
  };
}

/** At one λ: each strategy's NMB draws, the optimal-in-expectation strategy d*, and EVPI as a float. */
export function nmbAt(data: VoiData, lambda: number): { nmb: Float64Array[]; optimal: number; evpi: number } {
  const { S, K, C, E } = data;
  const nmb = Array.from({ length: S }, () => new Float64Array(K));
  const sums = new Float64Array(S);
  let sumMax = 0;
  for (let k = 0; k < K; k++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < S; s++) {
      const v = lambda * E[s]![k]! - C[s]![k]!;
      nmb[s]![k] = v;
      sums[s] = sums[s]! + v;
      if (v > best) best = v;
    }
    sumMax += best;
  }
  let optimal = 0;
  for (let s = 1; s < S; s++) if (sums[s]! > sums[optimal]!) optimal = s;
  // the same expression as analyzePsa, so the two EVPIs agree to the bit
  const evpi = sumMax / K - sums[optimal]! / K;
  if (!Number.isFinite(evpi)) throw new DomainError("UNDEFINED_RESULT", `net monetary benefit at λ = ${lambda} overflowed float64; rescale the inputs`, { path: ["lambdas"] });
  return { nmb, optimal, evpi };
}

/**
 * E_k[max_s F_s(k)] − max_s E_k[F_s(k)] over the fitted differences (d*'s row is 0).
 * The max-sum and each row's sum run in the same order, so the result is never negative.
 */
export function meanMaxMinusMaxMean(rows: readonly Float64Array[], K: number): number {
  let sumMax = 0;
  const sums = new Float64Array(rows.length);
  for (let k = 0; k < K; k++) {
    let best = Number.NEGATIVE_INFINITY;
    for (let s = 0; s < rows.length; s++) {
      const v = rows[s]![k]!;
      sums[s] = sums[s]! + v;
      if (v > best) best = v;
    }
    sumMax += best;
  }
  let maxSum = Number.NEGATIVE_INFINITY;
  for (const v of sums) if (v > maxSum) maxSum = v;
  return sumMax / K - maxSum / K;
}

/** A float statistic as an exact Decimal (its shortest round-trip decimal) and as Money rounded half-up. */
export function moneyPair(x: number, currency: string, what: string): { exact: Dec; rounded: Money } {
  if (!Number.isFinite(x)) throw new DomainError("UNDEFINED_RESULT", `${what} overflowed float64; rescale the inputs`);
  const exact = new D(x);
  return { exact, rounded: round(money(exact, currency)) };
}

/** Per-patient exact figure × population, exactly, and rounded. */
export function populationPair(exact: Dec, population: Dec | undefined, currency: string): { exact: Dec | null; rounded: Money | null } {
  if (population === undefined) return { exact: null, rounded: null };
  const p = exact.times(population);
  return { exact: p, rounded: round(money(p, currency)) };
}
