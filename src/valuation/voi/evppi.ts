import * as z from "zod";
import { type Dec, formatMoney, type Money } from "../../money/index.js";
import { parseInput, step, type Step } from "../../core/index.js";
import { fitResponse, type Fit, prepareBasis, type PreparedBasis } from "./metamodel-fit.js";
import { buildBasis, describeMetamodel, type Metamodel, metamodelSchema } from "./metamodels.js";
import { checkGroup, checkVoiBase, meanMaxMinusMaxMean, moneyPair, nmbAt, populationPair, voiBaseShape, voiData, type VoiData } from "./voi-input.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Input of {@link evppi}: PSA draws with their sampled parameters, the parameter
 * groups to value (a group of one is a single parameter), the λ grid and the metamodel.
 *
 * @category Value of Information
 */
export const evppiInputSchema = lazySchema(() => z
  .strictObject({
    ...voiBaseShape,
    /** Each group is a list of parameter names; EVPPI is reported per group. */
    groups: z.array(z.array(z.string().min(1)).min(1, "a group needs at least one parameter")).min(1, "at least one parameter group is needed"),
    /** The regression metamodel, chosen per call. */
    method: metamodelSchema,
  })
  .superRefine((doc, ctx) => {
    if (checkVoiBase(doc, ctx) === null) return;
    doc.groups.forEach((g, i) => checkGroup(g, doc.parameters, ctx, ["groups", i]));
  }));

/**
 * Input of {@link evppi}.
 *
 * @category Value of Information
 */
export type EvppiInput = z.input<typeof evppiInputSchema>;

/**
 * Fit diagnostics of one strategy's metamodel (the regression of NMB_s − NMB_d*).
 *
 * @category Value of Information
 */
export interface EvppiFit {
  readonly strategy: string;
  /** 1 − RSS/TSS; null when the difference is constant over the draws (nothing to explain). */
  readonly rSquared: number | null;
  /** √(RSS / (draws − edf)). */
  readonly residualSd: number;
  /** Effective degrees of freedom, intercept included (the column count for OLS). */
  readonly edf: number;
  /** Smoothing parameter chosen by GCV (0 for the polynomial). */
  readonly smoothing: number;
}

/**
 * EVPPI of one group at one λ.
 *
 * @category Value of Information
 */
export interface EvppiPoint {
  readonly lambda: number;
  /** d*: the strategy with the highest mean NMB (ties: the earlier), against which differences are taken. */
  readonly optimal: string;
  /** EVPPI per patient, rounded half-up to the minor unit. */
  readonly evppi: Money;
  /** The same before rounding (the float64 estimate as a Decimal). */
  readonly evppiExact: Dec;
  /** EVPI at the same λ from the same draws, rounded and unrounded: the ceiling EVPPI estimates. */
  readonly evpi: Money;
  readonly evpiExact: Dec;
  /**
   * True when the estimate exceeds EVPI by more than float noise (1e-9 relative). The true EVPPI never does; a regression
   * estimate can when the metamodel is misspecified (e.g. an additive polynomial for a
   * group whose parameters interact) or overfits. Not capped, so the figure stays the
   * method's; try the spline or a larger basis.
   */
  readonly exceedsEvpi: boolean;
  /** population × evppiExact, rounded once; null without a population. */
  readonly populationEvppi: Money | null;
  readonly populationEvppiExact: Dec | null;
  /** One entry per strategy other than d*. */
  readonly fits: readonly EvppiFit[];
}

/**
 * EVPPI of one parameter group over the λ grid.
 *
 * @category Value of Information
 */
export interface EvppiGroup {
  readonly parameters: readonly string[];
  /** The names joined with " + ". */
  readonly label: string;
  /** Columns of the regression basis (intercept included). */
  readonly basisColumns: number;
  /** Ridge added to X'X to make it invertible (0 when none; spline only). */
  readonly ridge: number;
  readonly points: readonly EvppiPoint[];
}

/**
 * Result of {@link evppi}.
 *
 * @category Value of Information
 */
export interface EvppiResult {
  readonly strategies: readonly string[];
  readonly draws: number;
  readonly currency: string;
  readonly method: Metamodel;
  readonly methodDescription: string;
  readonly population: Dec | null;
  readonly groups: readonly EvppiGroup[];
  readonly explanation: readonly Step[];
}

/** Fits the differences against d* for every strategy; d*'s row is 0. Shared with EVSI. */
export function fitDifferences(prep: PreparedBasis, nmb: readonly Float64Array[], optimal: number, K: number): { fits: (Fit | null)[]; fitted: Float64Array[] } {
  const fits: (Fit | null)[] = [];
  const fitted: Float64Array[] = [];
  nmb.forEach((row, s) => {
    if (s === optimal) {
      fits.push(null);
      fitted.push(new Float64Array(K));
      return;
    }
    const y = new Float64Array(K);
    const base = nmb[optimal]!;
    for (let k = 0; k < K; k++) y[k] = row[k]! - base[k]!;
    const f = fitResponse(prep, y);
    fits.push(f);
    fitted.push(f.fitted);
  });
  return { fits, fitted };
}

/** The diagnostics of each non-d* strategy's fit. */
export function diagnostics(fits: readonly (Fit | null)[], strategies: readonly string[], K: number): EvppiFit[] {
  const out: EvppiFit[] = [];
  fits.forEach((f, s) => {
    if (f === null) return;
    const dfRes = K - f.edf;
    out.push({
      strategy: strategies[s]!,
      rSquared: f.tss > 0 ? Math.min(1, Math.max(0, 1 - f.rss / f.tss)) : null,
      residualSd: dfRes > 0 ? Math.sqrt(f.rss / dfRes) : 0,
      edf: f.edf,
      smoothing: f.smoothing,
    });
  });
  return out;
}

/** Group members as float arrays, in group order. */
export function groupDraws(doc: { parameters: { name: string; draws: number[] | Float64Array }[] }, group: readonly string[]): Float64Array[] {
  const byName = new Map(doc.parameters.map((p) => [p.name, p.draws] as const));
  return group.map((name) => Float64Array.from(byName.get(name)!));
}

/**
 * Expected value of partial perfect information (EVPPI) of parameters and parameter
 * groups, from PSA draws and their sampled parameters, by regression metamodelling of
 * the net-benefit differences (Strong, Oakley & Brennan 2014; dampack's `calc_evppi`).
 *
 * At each λ: d* is the strategy with the highest mean NMB; for every other strategy s
 * the differences NMB_s − NMB_d* are regressed on a basis of the group's parameters
 * (`method`: `poly`, the additive polynomial of dampack's `type = "poly"`, or `spline`,
 * penalised regression splines with a tensor interaction); with the fitted values
 * F_s (F_d* = 0), EVPPI = mean over draws of max_s F_s − max_s mean F_s. The second
 * term is 0 up to rounding for OLS with an intercept (dampack omits it); keeping it
 * makes the estimate never negative.
 *
 * @example
 * ```ts
 * declare const socCosts: Float64Array, newCosts: Float64Array, socEffects: Float64Array, newEffects: Float64Array;
 * declare const pDraws: Float64Array, uDraws: Float64Array;
 * const r = evppi({
 *   strategies: ["SoC", "New"],
 *   costs: [socCosts, newCosts], effects: [socEffects, newEffects],
 *   parameters: [{ name: "pResponse", draws: pDraws }, { name: "uResponse", draws: uDraws }],
 *   groups: [["pResponse"], ["uResponse"], ["pResponse", "uResponse"]],
 *   lambdas: [100000, 200000], currency: "CNY",
 *   method: { type: "poly", degree: 2 },
 * });
 * r.groups[2].points[0].evppi;      // Money, rounded to cents
 * r.groups[2].points[0].evppiExact; // Decimal, unrounded
 * ```
 *
 * @param input - the PSA draws (costs, effects, the sampled parameters), λ grid and the parameter groups with their metamodel
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused)
 * @throws {DomainError} when a metamodel cannot be fitted (the code names why)
 * @category Value of Information
 */
export function evppi(input: EvppiInput): EvppiResult {
  const doc = parseInput(evppiInputSchema, input, "evppi");
  const data = voiData(doc);
  const { K } = data;
  const perLambda = doc.lambdas.map((lambda) => ({ lambda, ...nmbAt(data, lambda) }));
  const groups: EvppiGroup[] = doc.groups.map((group) => {
    const { basis, allowRidge } = buildBasis(doc.method, groupDraws(doc, group), group);
    const prep = prepareBasis(basis, allowRidge);
    const points = perLambda.map(({ lambda, nmb, optimal, evpi: evpiFloat }) => groupPoint(doc, data, prep, lambda, nmb, optimal, evpiFloat));
    return { parameters: [...group], label: group.join(" + "), basisColumns: basis.columns, ridge: prep.ridge, points };
  });
  const explanation = explainEvppi(doc, groups, K);
  return {
    strategies: [...doc.strategies],
    draws: K,
    currency: doc.currency,
    method: doc.method,
    methodDescription: describeMetamodel(doc.method),
    population: doc.population ?? null,
    groups,
    explanation,
  };
}

function groupPoint(
  doc: z.output<typeof evppiInputSchema>,
  data: VoiData,
  prep: PreparedBasis,
  lambda: number,
  nmb: Float64Array[],
  optimal: number,
  evpiFloat: number,
): EvppiPoint {
  const { fits, fitted } = fitDifferences(prep, nmb, optimal, data.K);
  const value = meanMaxMinusMaxMean(fitted, data.K);
  const e = moneyPair(value, doc.currency, "EVPPI");
  const v = moneyPair(evpiFloat, doc.currency, "EVPI");
  const pop = populationPair(e.exact, doc.population, doc.currency);
  return {
    lambda,
    optimal: doc.strategies[optimal]!,
    evppi: e.rounded,
    evppiExact: e.exact,
    evpi: v.rounded,
    evpiExact: v.exact,
    // beyond float noise: a perfect fit reproduces EVPI only to about 1e-12 relative
    exceedsEvpi: value > evpiFloat * (1 + 1e-9) + 1e-9,
    populationEvppi: pop.rounded,
    populationEvppiExact: pop.exact,
    fits: diagnostics(fits, doc.strategies, data.K),
  };
}

function explainEvppi(doc: z.output<typeof evppiInputSchema>, groups: readonly EvppiGroup[], K: number): Step[] {
  const steps: Step[] = [
    step(
      "valuation.voi.evppi.method",
      `EVPPI by regression metamodel over ${K} draws: at each λ the differences NMB_s − NMB_d* (d* = highest mean NMB) are regressed on the group's parameters by ${describeMetamodel(doc.method)}; EVPPI = mean of the row maxima of the fitted values − the largest fitted mean.`,
      { draws: K, method: doc.method.type, groups: groups.length, lambdas: doc.lambdas.length },
    ),
  ];
  for (const g of groups) {
    const p = g.points[0]!;
    const worst = p.fits.reduce<number | null>((m, f) => (f.rSquared === null ? m : m === null ? f.rSquared : Math.min(m, f.rSquared)), null);
    steps.push(
      step(
        "valuation.voi.evppi.group",
        `${g.label}: EVPPI ${formatMoney(p.evppi)} per patient at λ = ${p.lambda} (EVPI ${formatMoney(p.evpi)}), ${g.basisColumns} basis columns${worst === null ? "" : `, lowest R² ${worst.toFixed(3)}`}${p.populationEvppi === null ? "" : `; population EVPPI ${formatMoney(p.populationEvppi)}`}.${g.points.some((q) => q.exceedsEvpi) ? " Warning: the estimate exceeds EVPI at some λ, a sign the metamodel misfits; try the spline or a larger basis." : ""}`,
        { parameters: [...g.parameters], lambda: p.lambda, evppiExact: p.evppiExact, evpiExact: p.evpiExact },
        p.evppi,
      ),
    );
  }
  return steps;
}
