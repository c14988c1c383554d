// Sensitivity source kind "metamodel": a linear-regression metamodel of each strategy's
// cost and effect on the sampled parameters of a PSA (dampack's owsa/twsa semantics).
import { CholeskyDecomposition, Matrix } from "ml-matrix";
import * as z from "zod";
import { userRecord } from "../../core/schemas.js";
import { currencyCodeSchema, DomainError, step, ValidationError, type IssuePath } from "../../core/index.js";
import type { MetamodelFit, PreparedSource, SourceKind, StrategyTotals, VariedEvaluator } from "./source.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const series = lazySchema(() => z.union([
  z.array(z.number()),
  z.custom<Float64Array>((v) => v instanceof Float64Array && v.every((x) => Number.isFinite(x)), { message: "expected an array or Float64Array of finite numbers" }),
]));

/**
 * A metamodel sensitivity source: PSA draws with their sampled parameters — the result
 * of `runModelPsa({ ..., includeParameterDraws: true })` as is, or the same shape built
 * by hand — the polynomial degree, and which parameters to regress on:
 * - `"varied"` (dampack's choice): only the parameter(s) being varied; a two-way
 *   metamodel adds every product p1^i·p2^j (i, j = 1…degree);
 * - `"all"`: every parameter that varies across the draws, additively (plus the
 *   two-way products), predicting with the parameters not varied at their means.
 *
 * @category Sensitivity Analysis
 */
export const metamodelSourceSchema = lazySchema(() => z
  .object({
    /** The source kind: a regression metamodel fitted to PSA draws. */
    type: z.literal("metamodel"),
    /** The PSA draws with their sampled parameters (a runModelPsa result passes as is). */
    psa: z
      .object({
        /** Strategy names. */
        strategies: z.array(z.string().min(1)).min(1),
        /** `costs[s][k]`: strategy s in draw k. */
        costs: z.array(series).min(1),
        /** `effects[s][k]`: strategy s in draw k (QALYs). */
        effects: z.array(series).min(1),
        /** Required; optional in the type only so that `runModelPsa`'s result type passes as is. */
        parameterDraws: userRecord(z.string().min(1), series).optional(),
        /** Currency of the costs; when given it must be λ's (λ's currency is the analysis's, so none is assumed). */
        currency: currencyCodeSchema.optional(),
      }),
    // not strict: the rest of runModelPsa's result (draws, seed, summary, explanation) is ignored
    /** Polynomial degree of the metamodel, 1–6. */
    degree: z.number().int().min(1).max(6),
    /** Which parameters to regress on: `varied` (default) or `all`. */
    regressors: z.enum(["varied", "all"]).default("varied"),
  })
  .strict());

type MetamodelSource = z.output<typeof metamodelSourceSchema>;

interface Column {
  readonly name: string;
  readonly mean: number;
  readonly sd: number;
}

function tooLarge(path: IssuePath): DomainError {
  return new DomainError("UNDEFINED_RESULT", "the draws are too large for a float64 regression (sums of squares overflow); rescale them", { path });
}

function meanOf(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m += ((a[i] as number) - m) / (i + 1);
  return m;
}

/** Validates shapes and fits; every fit is OLS on standardised powers (normal equations solved by ml-matrix's Cholesky). */
export function prepareMetamodelSource(doc: MetamodelSource, path: IssuePath): PreparedSource {
  const psa = doc.psa;
  const S = psa.strategies.length;
  const p = [...path, "psa"];
  if (new Set(psa.strategies).size !== S) throw new ValidationError([{ path: [...p, "strategies"], code: "duplicate_id", message: "strategy names must be unique" }]);
  for (const key of ["costs", "effects"] as const) {
    if (psa[key].length !== S) {
      throw new DomainError("INCONSISTENT_INPUT", `${key} needs one series per strategy (${S}), got ${psa[key].length}`, { path: [...p, key] });
    }
  }
  const K = psa.costs[0]!.length;
  for (const key of ["costs", "effects"] as const) {
    psa[key].forEach((row, s) => {
      if (row.length !== K) throw new DomainError("INCONSISTENT_INPUT", `${key}[${s}] has ${row.length} draws, costs[0] has ${K}`, { path: [...p, key, s] });
    });
  }
  if (psa.parameterDraws === undefined) {
    throw new ValidationError([{ path: [...p, "parameterDraws"], code: "missing_field", message: "the PSA has no parameter draws: run it with includeParameterDraws: true" }]);
  }
  const parameterDraws = psa.parameterDraws;
  const names = Object.keys(parameterDraws).sort();
  const columns = new Map<string, Column>();
  for (const name of names) {
    const x = parameterDraws[name] as ArrayLike<number>;
    if (x.length !== K) throw new DomainError("INCONSISTENT_INPUT", `parameterDraws.${name} has ${x.length} draws, the outcomes ${K}`, { path: [...p, "parameterDraws", name] });
    const mean = meanOf(x);
    let ss = 0;
    for (let k = 0; k < K; k++) ss += ((x[k] as number) - mean) ** 2;
    const sd = Math.sqrt(ss / K);
    if (!Number.isFinite(sd)) throw tooLarge([...p, "parameterDraws", name]);
    columns.set(name, { name, mean, sd });
  }
  const varying = names.filter((n) => (columns.get(n) as Column).sd > 0);
  // Responses: costs of every strategy, then effects.
  const Y: Float64Array[] = [...psa.costs, ...psa.effects].map((r) => Float64Array.from(r as ArrayLike<number>));
  const yMeans = Y.map(meanOf);
  const d = doc.degree;

  /** One design row: intercept, z^1…z^d per regressor, then the two-way products. */
  const designRow = (regs: readonly Column[], z: readonly number[], pair: readonly [number, number] | null, out: number[]): void => {
    out.length = 0;
    out.push(1);
    regs.forEach((_, r) => {
      let v = 1;
      for (let j = 1; j <= d; j++) out.push((v *= z[r] as number));
    });
    if (pair !== null) {
      const [a, b] = pair;
      for (let i = 1; i <= d; i++) for (let j = 1; j <= d; j++) out.push((z[a] as number) ** i * (z[b] as number) ** j);
    }
  };

  const evaluator = (varied: readonly string[]): VariedEvaluator => {
    for (const v of varied) {
      if ((columns.get(v) as Column).sd === 0) {
        throw new DomainError("UNDEFINED_RESULT", `parameter "${v}" has the same value in every draw, so a metamodel cannot say how outcomes change with it`, { path: [...p, "parameterDraws", v] });
      }
    }
    const regNames = doc.regressors === "varied" ? [...varied] : [...varied, ...varying.filter((n) => !varied.includes(n))];
    const regs = regNames.map((n) => columns.get(n) as Column);
    const pair: [number, number] | null = varied.length === 2 ? [0, 1] : null;
    const width = 1 + regs.length * d + (pair ? d * d : 0);
    if (K <= width) {
      throw new DomainError("INCONSISTENT_INPUT", `${K} draws cannot fit a metamodel with ${width} coefficients; give more draws than coefficients`, { path: [...p, "costs", 0] });
    }
    // Normal equations XᵀX·B = XᵀY, accumulated in one pass over the draws and solved by
    // Cholesky (ml-matrix): the columns are standardised powers, so XᵀX stays well
    // conditioned for the degrees allowed, and a pass is far cheaper than a K-row QR.
    const G = new Float64Array(width * width);
    const H = new Float64Array(width * 2 * S);
    const X = new Float64Array(K * width);
    const row: number[] = [];
    const z = new Array<number>(regs.length);
    const draws = regs.map((c) => parameterDraws[c.name] as ArrayLike<number>);
    for (let k = 0; k < K; k++) {
      regs.forEach((c, r) => (z[r] = ((draws[r] as ArrayLike<number>)[k]! - c.mean) / c.sd));
      designRow(regs, z, pair, row);
      for (let a = 0; a < width; a++) {
        const xa = row[a] as number;
        X[k * width + a] = xa;
        for (let b = a; b < width; b++) G[a * width + b] = (G[a * width + b] as number) + xa * (row[b] as number);
        for (let j = 0; j < 2 * S; j++) H[a * 2 * S + j] = (H[a * 2 * S + j] as number) + xa * (Y[j] as Float64Array)[k]!;
      }
    }
    if (!G.every(Number.isFinite) || !H.every(Number.isFinite)) throw tooLarge([...p, "costs"]);
    const gram = new Matrix(width, width);
    for (let a = 0; a < width; a++) for (let b = a; b < width; b++) {
      gram.set(a, b, G[a * width + b] as number);
      gram.set(b, a, G[a * width + b] as number);
    }
    const chol = new CholeskyDecomposition(gram);
    const L = chol.lowerTriangularMatrix;
    const deficient = !chol.isPositiveDefinite() || Array.from({ length: width }, (_, j) => L.get(j, j) ** 2 / gram.get(j, j)).some((r) => !(r > 1e-10));
    if (deficient) {
      throw new DomainError("UNDEFINED_RESULT", `the metamodel's design matrix is rank deficient (regressors ${regNames.join(", ")}, degree ${d}): too few distinct parameter values for this degree`, { path: [...path, "degree"] });
    }
    const rhs = new Matrix(width, 2 * S);
    for (let a = 0; a < width; a++) for (let j = 0; j < 2 * S; j++) rhs.set(a, j, H[a * 2 * S + j] as number);
    const solved = chol.solve(rhs);
    const B = Array.from({ length: 2 * S }, (_, j) => Float64Array.from({ length: width }, (_, a) => solved.get(a, j)));
    const rSquared = psa.strategies.map((strategy, s) => {
      const r2 = (j: number): number | null => {
        const y = Y[j] as Float64Array;
        const beta = B[j] as Float64Array;
        let res = 0;
        let tot = 0;
        for (let k = 0; k < K; k++) {
          let f = 0;
          for (let a = 0; a < width; a++) f += (X[k * width + a] as number) * (beta[a] as number);
          res += ((y[k] as number) - f) ** 2;
          tot += ((y[k] as number) - (yMeans[j] as number)) ** 2;
        }
        if (!Number.isFinite(res) || !Number.isFinite(tot)) throw tooLarge([...p, j < S ? "costs" : "effects", j % S]);
        return tot === 0 ? null : Math.max(-1, 1 - res / tot);
      };
      return { strategy, cost: r2(s), effect: r2(S + s) };
    });
    const fit: MetamodelFit = { regressors: regNames, degree: d, columns: width, draws: K, rSquared };
    const zs = new Array<number>(regs.length).fill(0);
    return {
      linear: d === 1,
      fit,
      evaluate(values) {
        zs.fill(0); // parameters not varied sit at their means
        varied.forEach((_, r) => (zs[r] = ((values[r] as number) - regs[r]!.mean) / regs[r]!.sd));
        designRow(regs, zs, pair, row);
        const out: StrategyTotals[] = [];
        for (let s = 0; s < S; s++) {
          let cost = 0;
          let effect = 0;
          const bc = B[s] as Float64Array;
          const be = B[S + s] as Float64Array;
          for (let j = 0; j < width; j++) {
            cost += (row[j] as number) * (bc[j] as number);
            effect += (row[j] as number) * (be[j] as number);
          }
          if (!Number.isFinite(cost) || !Number.isFinite(effect)) {
            throw new DomainError("UNDEFINED_RESULT", `the metamodel's prediction at ${varied.map((n, k) => `${n} = ${values[k]}`).join(", ")} overflows`, { path: [...path, "psa"] });
          }
          out.push({ cost, effect });
        }
        return out;
      },
    };
  };

  return {
    kind: "metamodel",
    strategies: [...psa.strategies],
    currency: psa.currency,
    thresholdMethod: "bisection-on-metamodel",
    baseValue(name, at) {
      const c = Object.hasOwn(parameterDraws, name) ? columns.get(name) : undefined;
      if (c === undefined) {
        const known = names.length === 0 ? "the PSA has no parameter draws (run it with includeParameterDraws: true)" : `the sampled parameters are ${names.join(", ")}`;
        throw new ValidationError([{ path: at, code: "unknown_reference", message: `unknown parameter "${name}"; ${known}` }]);
      }
      return c.mean;
    },
    baseline: () => psa.strategies.map((_, s) => ({ cost: yMeans[s] as number, effect: yMeans[S + s] as number })),
    evaluator,
    explanation: [
      step(
        "valuation.sensitivity.metamodel",
        `Linear-regression metamodel of each strategy's cost and effect on ${K} PSA draws: ordinary least squares (normal equations, Cholesky) on an intercept and ${d === 1 ? "the linear term" : `powers 1…${d}`} of the ${doc.regressors === "varied" ? "varied parameter(s) only" : "parameters that vary across the draws"}, plus the products of the two parameters' ${d === 1 ? "terms" : "powers"} in a two-way analysis; parameters not varied sit at their means. Base case: the PSA means.`,
        { draws: K, degree: d, regressors: doc.regressors, parameters: names },
      ),
    ],
  };
}

/** The `metamodel` source kind (registered in sources.ts). */
export const metamodelSource: SourceKind<typeof metamodelSourceSchema> = { type: "metamodel", schema: metamodelSourceSchema, prepare: prepareMetamodelSource };
