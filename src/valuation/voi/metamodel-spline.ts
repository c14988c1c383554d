// The penalised regression spline metamodel (GAM-style): a smooth main effect per
// parameter and, for a group, a tensor-product interaction for every subset of two or
// more of its members (a functional ANOVA decomposition).
import * as z from "zod";
import { DomainError } from "../../core/index.js";
import type { Basis } from "./metamodel-fit.js";
import type { MetamodelKind } from "./metamodel-kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Above this many columns a fit is refused: X'X alone would cost draws × columns².
 *
 * @category Value of Information
 */
export const MAX_SPLINE_COLUMNS = 400;

/**
 * `{ type: "spline" }`: per strategy, penalised least squares on cubic B-spline main
 * effects (mgcv's `s(p, k)`) plus, for groups, a tensor-product interaction of the
 * constrained margins for every subset of two or more members (mgcv's `ti(p1, p2)`, …,
 * `ti(p1, …, pP)`; dampack fits only the top-order `ti`, which for three or more
 * parameters leaves out their pairwise interactions), with a second-order difference penalty
 * and the smoothing parameter chosen by generalised cross-validation.
 *
 * @category Value of Information
 */
export const splineMethodSchema = lazySchema(() => z.strictObject({
  /** A penalised regression spline metamodel. */
  type: z.literal("spline"),
  /** B-spline basis functions per main effect (mgcv's `k`, default 10 there and here). */
  basisDimension: z.number().int().min(4).max(40).default(10),
  /** Basis functions per margin of the interaction (mgcv's `ti` default 5). */
  interactionDimension: z.number().int().min(4).max(10).default(5),
  /** Fit the interactions of a group's members (ignored for one parameter). */
  interactions: z.boolean().default(true),
}));

/**
 * Parsed options of the spline metamodel.
 *
 * @category Value of Information
 */
export type SplineMethod = z.output<typeof splineMethodSchema>;

interface Margin {
  /** draws × cols, centred (sum-to-zero constraint applied). */
  readonly B: Float64Array;
  readonly cols: number;
  /** cols × cols penalty in the constrained parametrisation. */
  readonly S: Float64Array;
}

/** Cubic B-spline values at x for clamped knots t: the four non-zero ones and the first index. */
function bsplineAt(x: number, t: readonly number[], nb: number, out: Float64Array): number {
  // the knot span i with t[i] ≤ x < t[i+1], 3 ≤ i ≤ nb − 1 (x = max falls in the last span)
  let lo = 3;
  let hi = nb;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x >= t[mid]!) lo = mid;
    else hi = mid;
  }
  const i = lo;
  const left = [0, 0, 0, 0];
  const right = [0, 0, 0, 0];
  out[0] = 1;
  for (let j = 1; j <= 3; j++) {
    left[j] = x - t[i + 1 - j]!;
    right[j] = t[i + j]! - x;
    let saved = 0;
    for (let r = 0; r < j; r++) {
      const temp = out[r]! / (right[r + 1]! + left[j - r]!);
      out[r] = saved + right[r + 1]! * temp;
      saved = left[j - r]! * temp;
    }
    out[j] = saved;
  }
  return i - 3;
}

/**
 * One parameter's constrained, penalised cubic B-spline basis with `nb` functions:
 * interior knots at quantiles of the draws, the sum-to-zero constraint applied by the
 * null space of the column means (a Householder reflection, as mgcv does), the
 * difference penalty carried into that parametrisation.
 */
function margin(x: Float64Array, nb: number, name: string): Margin {
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  const a = sorted[0]!;
  const b = sorted[n - 1]!;
  if (!Number.isFinite(b - a)) throw new DomainError("UNDEFINED_RESULT", `parameter "${name}" spans more than the float range; rescale it`, { path: ["parameters", name] });
  const m = nb - 4;
  const knots: number[] = [a, a, a, a];
  for (let j = 1; j <= m; j++) {
    const h = ((n - 1) * j) / (m + 1);
    const l = Math.floor(h);
    const q = sorted[l]! + (h - l) * ((sorted[Math.min(l + 1, n - 1)] ?? 0) - sorted[l]!);
    knots.push(q);
  }
  knots.push(b, b, b, b);
  for (let j = 4; j <= m + 4; j++) {
    if (!(knots[j]! > knots[j - 1]!)) {
      throw new DomainError("OUT_OF_DOMAIN", `parameter "${name}" has too few distinct values for a spline basis of dimension ${nb}; lower the dimension or use the polynomial metamodel`, { path: ["parameters", name] });
    }
  }
  const raw = new Float64Array(n * nb);
  const vals = new Float64Array(4);
  const means = new Float64Array(nb);
  for (let i = 0; i < n; i++) {
    const first = bsplineAt(x[i]!, knots, nb, vals);
    for (let r = 0; r < 4; r++) {
      raw[i * nb + first + r] = vals[r]!;
      means[first + r] = means[first + r]! + vals[r]!;
    }
  }
  for (let c = 0; c < nb; c++) means[c] = means[c]! / n;
  // Householder H = I − 2vv'/v'v maps the mean vector onto e1; its other columns span the constraint's null space.
  const norm = Math.sqrt(means.reduce((s, v) => s + v * v, 0));
  const v = Float64Array.from(means);
  v[0] = v[0]! + (means[0]! >= 0 ? norm : -norm);
  const vv = v.reduce((s, e) => s + e * e, 0);
  const Z = new Float64Array(nb * (nb - 1)); // nb × (nb − 1)
  for (let r = 0; r < nb; r++) for (let c = 1; c < nb; c++) Z[r * (nb - 1) + c - 1] = (r === c ? 1 : 0) - (2 * v[r]! * v[c]!) / vv;
  const cols = nb - 1;
  const B = new Float64Array(n * cols);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let r = 0; r < nb; r++) {
        const br = raw[i * nb + r]!;
        if (br !== 0) s += br * Z[r * cols + c]!;
      }
      B[i * cols + c] = s;
    }
  }
  // second-order difference penalty D'D, then Z'(D'D)Z
  const P = new Float64Array(nb * nb);
  for (let r = 0; r + 2 < nb; r++) {
    const w = [1, -2, 1];
    for (let u = 0; u < 3; u++) for (let s = 0; s < 3; s++) P[(r + u) * nb + r + s] = P[(r + u) * nb + r + s]! + w[u]! * w[s]!;
  }
  const S = new Float64Array(cols * cols);
  for (let c1 = 0; c1 < cols; c1++) {
    for (let c2 = 0; c2 < cols; c2++) {
      let s = 0;
      for (let r1 = 0; r1 < nb; r1++) {
        const z1 = Z[r1 * cols + c1]!;
        if (z1 === 0) continue;
        for (let r2 = 0; r2 < nb; r2++) s += z1 * P[r1 * nb + r2]! * Z[r2 * cols + c2]!;
      }
      S[c1 * cols + c2] = s;
    }
  }
  return { B, cols, S };
}

/** Every subset of 0..P−1 with at least two members, smaller subsets first, each in index order. */
function interactionSubsets(P: number): number[][] {
  const out: number[][] = [];
  for (let mask = 1; mask < 1 << P; mask++) {
    const members = [...Array(P).keys()].filter((j) => (mask >> j) & 1);
    if (members.length > 1) out.push(members);
  }
  return out.sort((a, b) => a.length - b.length || a.join(",").localeCompare(b.join(",")));
}

/**
 * The tensor-product interaction of constrained margins (mgcv's `ti`): the row-wise
 * Kronecker product of the margins, penalty Σ_j I ⊗ … ⊗ S_j ⊗ … ⊗ I, columns centred
 * so the preposterior keeps the prior mean.
 */
function tensorBlock(margins: readonly Margin[], n: number): Margin {
  let B = Float64Array.from({ length: n }, () => 1);
  let cols = 1;
  let pens: Float64Array[] = [];
  const eye = (k: number) => Float64Array.from({ length: k * k }, (_, q) => (q % (k + 1) === 0 ? 1 : 0));
  const kron = (L: Float64Array, lc: number, R: Float64Array, rc: number) => {
    const out = new Float64Array(lc * rc * lc * rc);
    const w = lc * rc;
    for (let a1 = 0; a1 < lc; a1++)
      for (let a2 = 0; a2 < lc; a2++) {
        const l = L[a1 * lc + a2]!;
        if (l === 0) continue;
        for (let c1 = 0; c1 < rc; c1++) for (let c2 = 0; c2 < rc; c2++) out[(a1 * rc + c1) * w + a2 * rc + c2] = l * R[c1 * rc + c2]!;
      }
    return out;
  };
  for (const mg of margins) {
    const nc = cols * mg.cols;
    const nb = new Float64Array(n * nc);
    for (let i = 0; i < n; i++) for (let a = 0; a < cols; a++) for (let c = 0; c < mg.cols; c++) nb[i * nc + a * mg.cols + c] = B[i * cols + a]! * mg.B[i * mg.cols + c]!;
    pens = pens.map((Sp) => kron(Sp, cols, eye(mg.cols), mg.cols));
    pens.push(kron(eye(cols), cols, mg.S, mg.cols));
    B = nb;
    cols = nc;
  }
  const S = new Float64Array(cols * cols);
  for (const Sp of pens) for (let q = 0; q < S.length; q++) S[q] = S[q]! + Sp[q]!;
  for (let c = 0; c < cols; c++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += B[i * cols + c]!;
    m /= n;
    for (let i = 0; i < n; i++) B[i * cols + c] = B[i * cols + c]! - m;
  }
  return { B, cols, S };
}

/** Columns of a spline basis for a group of `members` parameters. */
export function splineColumns(method: SplineMethod, members: number): number {
  const main = members * (method.basisDimension - 1);
  const inter = method.interactions ? interactionSubsets(members).reduce((t, sub) => t + (method.interactionDimension - 1) ** sub.length, 0) : 0;
  return 1 + main + inter;
}

/** Intercept, one smooth per parameter, and the interaction term; penalties scaled to their block of X'X. */
export function splineBasis(method: SplineMethod, params: readonly Float64Array[], names: readonly string[]): Basis {
  const n = params[0]!.length;
  const P = params.length;
  const total = splineColumns(method, P);
  if (total > MAX_SPLINE_COLUMNS) {
    throw new DomainError("OUT_OF_DOMAIN", `a spline basis for ${P} parameters would have ${total} columns (limit ${MAX_SPLINE_COLUMNS}); lower interactionDimension or set interactions: false`, { path: ["method", "interactionDimension"] });
  }
  if (total >= n) throw new DomainError("OUT_OF_DOMAIN", `${n} draws cannot fit a spline basis of ${total} columns; use more draws or a smaller basis`, { path: ["method", "basisDimension"] });
  const blocks: { B: Float64Array; cols: number; S: Float64Array; members: number[] }[] = [];
  params.forEach((x, j) => blocks.push({ ...margin(x, method.basisDimension, names[j]!), members: [j] }));
  if (P > 1 && method.interactions) {
    const margins = params.map((x, j) => margin(x, method.interactionDimension, names[j]!));
    for (const subset of interactionSubsets(P)) blocks.push({ ...tensorBlock(subset.map((j) => margins[j]!), n), members: subset });
  }
  const X = new Float64Array(n * total);
  const penalty = new Float64Array(total * total);
  const columnParams: number[][] = [[]];
  for (let i = 0; i < n; i++) X[i * total] = 1;
  let off = 1;
  for (const blk of blocks) {
    let gTrace = 0;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < blk.cols; c++) {
        const v = blk.B[i * blk.cols + c]!;
        X[i * total + off + c] = v;
        gTrace += v * v;
      }
    }
    let sTrace = 0;
    for (let c = 0; c < blk.cols; c++) sTrace += blk.S[c * blk.cols + c]!;
    // one smoothing parameter for all terms: scale each penalty to its block's size
    const scale = sTrace > 0 ? gTrace / sTrace : 0;
    for (let c1 = 0; c1 < blk.cols; c1++) {
      columnParams.push(blk.members);
      for (let c2 = 0; c2 < blk.cols; c2++) penalty[(off + c1) * total + off + c2] = blk.S[c1 * blk.cols + c2]! * scale;
    }
    off += blk.cols;
  }
  return { X, rows: n, columns: total, penalty, columnParams };
}

/** The spline metamodel kind (registered in metamodels.ts). */
export const splineMetamodel: MetamodelKind<typeof splineMethodSchema> = {
  type: "spline",
  schema: splineMethodSchema,
  basis: splineBasis,
  allowRidge: true,
  describe: (method) =>
    `penalised cubic regression splines (${method.basisDimension} basis functions per parameter${method.interactions ? `, tensor interaction with ${method.interactionDimension} per margin` : ", no interaction"}), smoothing chosen by GCV`,
};
