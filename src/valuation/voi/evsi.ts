import * as z from "zod";
import { type Dec, formatMoney, type Money, money, round } from "../../money/index.js";
import { DomainError, nonNegativeMoneySchema, parseInput, step, type Step } from "../../core/index.js";
import { prepareBasis, preposterior } from "./metamodel-fit.js";
import { buildBasis, describeMetamodel, type Metamodel, metamodelSchema } from "./metamodels.js";
import { diagnostics, fitDifferences, groupDraws, type EvppiFit } from "./evppi.js";
import { checkGroup, checkVoiBase, meanMaxMinusMaxMean, moneyPair, nmbAt, populationPair, voiBaseShape, voiData } from "./voi-input.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The cost of a proposed study: a fixed cost plus a cost per patient enrolled.
 *
 * @category Value of Information
 */
export const studyCostSchema = lazySchema(() => z.strictObject({
  /** The study's fixed cost, ≥ 0. */
  fixed: nonNegativeMoneySchema,
  /** The cost per enrolled patient, ≥ 0 (ENBS counts it n times). */
  perPatient: nonNegativeMoneySchema,
}));

/**
 * Input of {@link evsi}: PSA draws with their sampled parameters, the parameter group a
 * proposed study would inform, the study sizes to value, the prior effective sample size.
 *
 * @category Value of Information
 */
export const evsiInputSchema = lazySchema(() => z
  .strictObject({
    ...voiBaseShape,
    /** The parameters the study informs. */
    group: z.array(z.string().min(1)).min(1, "the study must inform at least one parameter"),
    /** Study sample sizes n (patients), each a whole number ≥ 0. */
    sampleSizes: z.array(z.number().int().min(0).max(1e9)).min(1, "at least one sample size is needed"),
    /** n0: the prior's effective sample size, one for the group or one per member (in group order). */
    priorSampleSize: z.union([z.number().positive().finite(), z.array(z.number().positive().finite())]),
    /** The metamodel fitted to the draws (`poly` or `spline`). */
    method: metamodelSchema,
    /** With a population, gives ENBS(n) = population EVSI(n) − (fixed + perPatient × n). */
    studyCost: studyCostSchema.optional(),
  })
  .superRefine((doc, ctx) => {
    if (checkVoiBase(doc, ctx) === null) return;
    checkGroup(doc.group, doc.parameters, ctx, ["group"]);
    if (Array.isArray(doc.priorSampleSize) && doc.priorSampleSize.length !== doc.group.length) {
      ctx.addIssue({ code: "custom", message: `priorSampleSize has ${doc.priorSampleSize.length} values for a group of ${doc.group.length}`, path: ["priorSampleSize"] });
    }
    if (doc.studyCost !== undefined) {
      if (doc.population === undefined) ctx.addIssue({ code: "custom", message: "the expected net benefit of sampling needs a population (EVSI per patient cannot be set against a study's total cost)", path: ["population"] });
      (["fixed", "perPatient"] as const).forEach((k) => {
        if (doc.studyCost![k].currency !== doc.currency) ctx.addIssue({ code: "custom", message: `studyCost.${k} is in ${doc.studyCost![k].currency}, the PSA in ${doc.currency}`, path: ["studyCost", k] });
      });
    }
  }));

/**
 * Input of {@link evsi}.
 *
 * @category Value of Information
 */
export type EvsiInput = z.input<typeof evsiInputSchema>;

/**
 * EVSI for one study size at one λ.
 *
 * @category Value of Information
 */
export interface EvsiSample {
  readonly n: number;
  readonly evsi: Money;
  readonly evsiExact: Dec;
  readonly populationEvsi: Money | null;
  readonly populationEvsiExact: Dec | null;
  /** fixed + perPatient × n, exact (null without a study cost). */
  readonly studyCost: Money | null;
  /** population EVSI − study cost, rounded once, and unrounded; null without a study cost. */
  readonly enbs: Money | null;
  readonly enbsExact: Dec | null;
}

/**
 * The EVSI curve at one λ.
 *
 * @category Value of Information
 */
export interface EvsiPoint {
  readonly lambda: number;
  readonly optimal: string;
  /** The limit n → ∞: EVPPI of the group from the same fits. */
  readonly evppi: Money;
  readonly evppiExact: Dec;
  readonly curve: readonly EvsiSample[];
  /** The sample size with the largest ENBS on the grid (ties: the smaller n), or null without a study cost. */
  readonly bestSampleSize: number | null;
  readonly fits: readonly EvppiFit[];
}

/**
 * Result of {@link evsi}.
 *
 * @category Value of Information
 */
export interface EvsiResult {
  readonly strategies: readonly string[];
  readonly draws: number;
  readonly currency: string;
  readonly group: readonly string[];
  readonly priorSampleSize: readonly number[];
  readonly method: Metamodel;
  readonly methodDescription: string;
  readonly population: Dec | null;
  readonly points: readonly EvsiPoint[];
  readonly explanation: readonly Step[];
}

/**
 * Expected value of sample information (EVSI) of a study of size n on a parameter
 * group, by the regression-based Gaussian approximation (Jalal & Alarid-Escudero 2018,
 * dampack's `calc_evsi`): the metamodel of the net-benefit differences is fitted as
 * for EVPPI, then each basis column of parameter j is shrunk towards its mean by
 * √(n / (n + n0_j)), so the variance of the preposterior fitted values is n/(n + n0)
 * of the EVPPI fit's, and EVSI(n) = mean of the row maxima − the largest mean. EVSI(0)
 * is 0 and EVSI(n) rises towards EVPPI. With a population and a study cost, the
 * expected net benefit of sampling ENBS(n) = population × EVSI(n) − fixed − perPatient × n.
 *
 * @example
 * ```ts
 * declare const costs: Float64Array[], effects: Float64Array[], pDraws: Float64Array;
 * const r = evsi({
 *   strategies: ["SoC", "New"], costs, effects,
 *   parameters: [{ name: "pResponse", draws: pDraws }],
 *   group: ["pResponse"], sampleSizes: [0, 50, 100, 500], priorSampleSize: 20,
 *   lambdas: [150000], currency: "CNY", method: { type: "spline" },
 *   population: 5000,
 *   studyCost: { fixed: { amount: "2000000", currency: "CNY" }, perPatient: { amount: "30000", currency: "CNY" } },
 * });
 * r.points[0].curve.map((c) => c.enbs);
 * ```
 *
 * @param input - the PSA draws, the study's data-generating parameters, sample sizes, λ grid and optional study cost
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused)
 * @throws {DomainError} when a metamodel cannot be fitted (the code names why)
 * @category Value of Information
 */
export function evsi(input: EvsiInput): EvsiResult {
  const doc = parseInput(evsiInputSchema, input, "evsi");
  const data = voiData(doc);
  const { K } = data;
  const n0 = Array.isArray(doc.priorSampleSize) ? doc.priorSampleSize : doc.group.map(() => doc.priorSampleSize as number);
  const { basis, allowRidge } = buildBasis(doc.method, groupDraws(doc, doc.group), doc.group);
  const prep = prepareBasis(basis, allowRidge);
  const points: EvsiPoint[] = doc.lambdas.map((lambda) => {
    const { nmb, optimal } = nmbAt(data, lambda);
    const { fits, fitted } = fitDifferences(prep, nmb, optimal, K);
    const ev = moneyPair(meanMaxMinusMaxMean(fitted, K), doc.currency, "EVPPI");
    const curve = doc.sampleSizes.map((n): EvsiSample => {
      const factors = n0.map((m) => Math.sqrt(n / (n + m)));
      const pre = fits.map((f) => (f === null ? new Float64Array(K) : preposterior(basis, f.beta, factors)));
      const e = moneyPair(meanMaxMinusMaxMean(pre, K), doc.currency, "EVSI");
      const pop = populationPair(e.exact, doc.population, doc.currency);
      if (doc.studyCost === undefined || pop.exact === null) {
        return { n, evsi: e.rounded, evsiExact: e.exact, populationEvsi: pop.rounded, populationEvsiExact: pop.exact, studyCost: null, enbs: null, enbsExact: null };
      }
      const costExact = doc.studyCost.fixed.amount.plus(doc.studyCost.perPatient.amount.times(n));
      const enbsExact = pop.exact.minus(costExact);
      return {
        n,
        evsi: e.rounded,
        evsiExact: e.exact,
        populationEvsi: pop.rounded,
        populationEvsiExact: pop.exact,
        studyCost: money(costExact, doc.currency),
        enbs: round(money(enbsExact, doc.currency)),
        enbsExact,
      };
    });
    let bestSampleSize: number | null = null;
    let bestEnbs: Dec | null = null;
    for (const c of curve) {
      if (c.enbsExact === null) continue;
      if (bestEnbs === null || c.enbsExact.greaterThan(bestEnbs) || (c.enbsExact.equals(bestEnbs) && c.n < bestSampleSize!)) {
        bestEnbs = c.enbsExact;
        bestSampleSize = c.n;
      }
    }
    return { lambda, optimal: doc.strategies[optimal]!, evppi: ev.rounded, evppiExact: ev.exact, curve, bestSampleSize, fits: diagnostics(fits, doc.strategies, K) };
  });
  if (points.length === 0) throw new DomainError("INCONSISTENT_INPUT", "no λ to evaluate", { path: ["lambdas"] });
  const first = points[0]!;
  const lastN = first.curve[first.curve.length - 1]!;
  const explanation: Step[] = [
    step(
      "valuation.voi.evsi.method",
      `EVSI by the Gaussian approximation over ${K} draws: the differences NMB_s − NMB_d* are regressed on ${doc.group.join(" + ")} by ${describeMetamodel(doc.method)}; for a study of n patients each parameter's basis columns are shrunk towards their mean by √(n/(n + n0)) with n0 = ${n0.join(", ")}, and EVSI is the mean row maximum of the shrunk fit − its largest mean.`,
      { draws: K, group: [...doc.group], priorSampleSize: [...n0], method: doc.method.type },
    ),
    step(
      "valuation.voi.evsi.curve",
      `At λ = ${first.lambda}: EVSI(${lastN.n}) = ${formatMoney(lastN.evsi)} per patient, EVPPI (n → ∞) ${formatMoney(first.evppi)}${first.bestSampleSize === null ? "" : `; the largest ENBS on the grid is at n = ${first.bestSampleSize}`}.`,
      { lambda: first.lambda, n: lastN.n, evsiExact: lastN.evsiExact, evppiExact: first.evppiExact },
      lastN.evsi,
    ),
  ];
  return {
    strategies: [...doc.strategies],
    draws: K,
    currency: doc.currency,
    group: [...doc.group],
    priorSampleSize: n0,
    method: doc.method,
    methodDescription: describeMetamodel(doc.method),
    population: doc.population ?? null,
    points,
    explanation,
  };
}

