// Penalised least squares shared by the VOI metamodels (not public).
//
// One basis X (draws × columns) serves every strategy and every λ: only the response
// changes. So the decompositions are done once per basis and each response costs two
// passes over X. With G = X'X = LL' (Cholesky) and L⁻¹SL⁻ᵀ = U diag(d) U' (symmetric
// eigendecomposition), the penalised fit with smoothing parameter λ is
//   β(λ) = T diag(1 / (1 + λ d)) T' X'y,  T = L⁻ᵀU,
// its effective degrees of freedom are Σ 1 / (1 + λ d), and its residual sum of
// squares is ‖y‖² − ‖z‖² + Σ z² (λd / (1 + λd))² with z = T' X'y, so GCV can be
// searched over λ for O(columns) per trial. Without a penalty d = 0 and β is the OLS fit.
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix, inverse } from "ml-matrix";
import { DomainError } from "../../core/index.js";

/** A design matrix for one parameter group (column 0 is the intercept, the others are centred). */
export interface Basis {
  /** Row-major draws × columns. */
  readonly X: Float64Array;
  readonly rows: number;
  readonly columns: number;
  /** Columns × columns penalty, or null for ordinary least squares. */
  readonly penalty: Float64Array | null;
  /** For each column, the group members (indices) it is a function of: [] for the intercept. */
  readonly columnParams: readonly (readonly number[])[];
}

/** A basis decomposed for fitting. */
export interface PreparedBasis {
  readonly basis: Basis;
  /** T = L⁻ᵀU, columns × columns, row-major. */
  readonly T: Float64Array;
  /** Eigenvalues of L⁻¹SL⁻ᵀ (all 0 without a penalty). */
  readonly d: Float64Array;
  /** A ridge added to X'X to make it invertible (0 when none was needed). */
  readonly ridge: number;
}

/** One fitted response. */
export interface Fit {
  readonly beta: Float64Array;
  readonly fitted: Float64Array;
  readonly rss: number;
  readonly tss: number;
  readonly edf: number;
  /** Smoothing parameter chosen by GCV (0 without a penalty). */
  readonly smoothing: number;
}

/** Decomposes a basis; `allowRidge` lets a penalised basis add a tiny ridge when X'X is singular. */
export function prepareBasis(basis: Basis, allowRidge: boolean): PreparedBasis {
  const { X, rows: n, columns: p } = basis;
  // X'X as dot products of contiguous columns: sequential memory access, which is
  // several times faster than accumulating row by row for wide bases
  const cols = Array.from({ length: p }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const o = i * p;
    for (let a = 0; a < p; a++) cols[a]![i] = X[o + a]!;
  }
  const G = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    const ca = cols[a]!;
    for (let b = a; b < p; b++) {
      const cb = cols[b]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += ca[i]! * cb[i]!;
      G[a * p + b] = s;
      G[b * p + a] = s;
    }
  }
  if (!G.every(Number.isFinite)) throw new DomainError("UNDEFINED_RESULT", "the regression basis overflowed float64; rescale the parameters");
  let ridge = 0;
  let chol = new CholeskyDecomposition(toMatrix(G, p));
  if (!chol.isPositiveDefinite()) {
    if (!allowRidge) {
      throw new DomainError("OUT_OF_DOMAIN", "the regression basis is collinear (a parameter is constant, or has fewer distinct values than the basis needs); lower the degree or drop the parameter");
    }
    let maxDiag = 0;
    for (let a = 0; a < p; a++) maxDiag = Math.max(maxDiag, G[a * p + a]!);
    ridge = 1e-9 * maxDiag;
    const Gr = Float64Array.from(G);
    for (let a = 0; a < p; a++) Gr[a * p + a] = Gr[a * p + a]! + ridge;
    chol = new CholeskyDecomposition(toMatrix(Gr, p));
    if (!chol.isPositiveDefinite()) throw new DomainError("OUT_OF_DOMAIN", "the regression basis is singular even with a ridge; reduce the basis dimension");
  }
  const Linv = inverse(chol.lowerTriangularMatrix);
  let T: Matrix;
  let d: Float64Array;
  if (basis.penalty === null) {
    T = Linv.transpose();
    d = new Float64Array(p);
  } else {
    const S = toMatrix(basis.penalty, p);
    const M = Linv.mmul(S).mmul(Linv.transpose());
    // symmetrise against rounding before the symmetric eigensolver
    const Ms = M.add(M.transpose()).mul(0.5);
    const evd = new EigenvalueDecomposition(Ms, { assumeSymmetric: true });
    d = Float64Array.from(evd.realEigenvalues, (v) => (v > 0 ? v : 0));
    T = Linv.transpose().mmul(evd.eigenvectorMatrix);
  }
  const Tf = new Float64Array(p * p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) Tf[a * p + b] = T.get(a, b);
  return { basis, T: Tf, d, ridge };
}

function toMatrix(flat: Float64Array, p: number): Matrix {
  const m = new Matrix(p, p);
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) m.set(a, b, flat[a * p + b]!);
  return m;
}

/** Fits one response; the smoothing parameter (when there is a penalty) minimises GCV. */
export function fitResponse(prep: PreparedBasis, y: Float64Array): Fit {
  const { X, rows: n, columns: p } = prep.basis;
  const { T, d } = prep;
  const Xty = new Float64Array(p);
  let yy = 0;
  let ysum = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    yy += yi * yi;
    ysum += yi;
    const o = i * p;
    for (let a = 0; a < p; a++) Xty[a] = Xty[a]! + X[o + a]! * yi;
  }
  const z = new Float64Array(p);
  let zz = 0;
  for (let b = 0; b < p; b++) {
    let s = 0;
    for (let a = 0; a < p; a++) s += T[a * p + b]! * Xty[a]!;
    z[b] = s;
    zz += s * s;
  }
  const base = Math.max(0, yy - zz);
  const rssAt = (lam: number) => {
    let r = base;
    for (let b = 0; b < p; b++) {
      const f = (lam * d[b]!) / (1 + lam * d[b]!);
      r += z[b]! * z[b]! * f * f;
    }
    return r;
  };
  const edfAt = (lam: number) => {
    let e = 0;
    for (let b = 0; b < p; b++) e += 1 / (1 + lam * d[b]!);
    return e;
  };
  let dmax = 0;
  for (let b = 0; b < p; b++) dmax = Math.max(dmax, d[b]!);
  let smoothing = 0;
  if (dmax > 0) {
    const gcv = (rho: number) => {
      const lam = 10 ** rho / dmax;
      const e = edfAt(lam);
      return n - e > 0 ? (n * rssAt(lam)) / ((n - e) * (n - e)) : Number.POSITIVE_INFINITY;
    };
    // coarse grid on log10(λ·dmax), then golden-section search around the best point
    let best = -8;
    let bestV = gcv(best);
    for (let rho = -7.75; rho <= 8; rho += 0.25) {
      const v = gcv(rho);
      if (v < bestV) {
        bestV = v;
        best = rho;
      }
    }
    let lo = best - 0.25;
    let hi = best + 0.25;
    const g = (Math.sqrt(5) - 1) / 2;
    let c = hi - g * (hi - lo);
    let e = lo + g * (hi - lo);
    let fc = gcv(c);
    let fe = gcv(e);
    for (let it = 0; it < 40; it++) {
      if (fc < fe) {
        hi = e;
        e = c;
        fe = fc;
        c = hi - g * (hi - lo);
        fc = gcv(c);
      } else {
        lo = c;
        c = e;
        fc = fe;
        e = lo + g * (hi - lo);
        fe = gcv(e);
      }
    }
    const rho = (lo + hi) / 2;
    smoothing = gcv(rho) <= bestV ? 10 ** rho / dmax : 10 ** best / dmax;
  }
  const beta = new Float64Array(p);
  for (let b = 0; b < p; b++) {
    const w = z[b]! / (1 + smoothing * d[b]!);
    if (w === 0) continue;
    for (let a = 0; a < p; a++) beta[a] = beta[a]! + T[a * p + b]! * w;
  }
  const fitted = predict(prep.basis, beta);
  let rss = 0;
  const mean = ysum / n;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i]! - fitted[i]!;
    rss += r * r;
    const t = y[i]! - mean;
    tss += t * t;
  }
  if (![rss, tss].every(Number.isFinite) || !beta.every(Number.isFinite) || !fitted.every(Number.isFinite)) {
    throw new DomainError("UNDEFINED_RESULT", "the metamodel fit overflowed float64 (net-benefit differences too large to square); rescale the costs and effects");
  }
  return { beta, fitted, rss, tss, edf: edfAt(smoothing), smoothing };
}

/** X·β. */
export function predict(basis: Basis, beta: Float64Array): Float64Array {
  const { X, rows: n, columns: p } = basis;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * p;
    let s = 0;
    for (let a = 0; a < p; a++) s += X[o + a]! * beta[a]!;
    out[i] = s;
  }
  return out;
}

/**
 * The Gaussian-approximation preposterior of a fit (Jalal & Alarid-Escudero 2018, as
 * dampack's `predict_ga`): each basis column of parameter j is pulled towards its mean
 * by √(n/(n + n0_j)) — the columns here are centred, so it is a scaling — interaction
 * columns by the product over their members, and the fit is re-evaluated.
 */
export function preposterior(basis: Basis, beta: Float64Array, factors: readonly number[]): Float64Array {
  const shrunk = Float64Array.from(beta, (b, a) => {
    let f = 1;
    for (const j of basis.columnParams[a]!) f *= factors[j]!;
    return b * f;
  });
  return predict(basis, shrunk);
}
