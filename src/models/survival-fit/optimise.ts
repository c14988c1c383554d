// Maximising a log-likelihood over an unconstrained vector: Nelder–Mead from the
// best starting point, then damped Newton steps on finite-difference derivatives, then
// the convergence checks. Every number here is float64 statistics.
import { CholeskyDecomposition, Matrix, inverse } from "ml-matrix";
import { nelderMead } from "./nelder-mead.js";

/** Largest |∂ℓ/∂θᵢ| (log-likelihood units per unit of an unconstrained parameter) accepted at an optimum. */
export const GRADIENT_TOLERANCE = 1e-3;
/** Newton polishing steps after the simplex. */
const NEWTON_STEPS = 100;

/** The maximiser's report: where it stopped and how it knows it is a maximum. */
export interface OptimumReport {
  readonly theta: number[];
  readonly logLik: number;
  readonly gradient: number[];
  /** ∂²ℓ/∂θᵢ∂θⱼ at the optimum. */
  readonly hessian: number[][];
  /** Iterations and objective evaluations of the two Nelder–Mead runs (the second restarts from the first's result). */
  readonly nelderMeadIterations: number;
  readonly nelderMeadEvaluations: number;
  readonly newtonSteps: number;
  readonly evaluations: number;
  /** max |∂ℓ/∂θᵢ|. */
  readonly gradientNorm: number;
  readonly hessianPositiveDefinite: boolean;
  /** The covariance (inverse observed information, −H⁻¹) when the Hessian is negative definite. */
  readonly covariance?: number[][];
  /** Why the optimum is not accepted, when it is not. */
  readonly failure?: string;
}

function step(x: number): number {
  return 1e-4 * Math.max(1, Math.abs(x));
}

/** Central-difference gradient of f. */
export function gradient(f: (x: number[]) => number, x: number[]): number[] {
  return x.map((xi, i) => {
    const h = step(xi) / 10;
    const up = x.slice();
    const down = x.slice();
    up[i] = xi + h;
    down[i] = xi - h;
    return (f(up) - f(down)) / (up[i] - (down[i] as number));
  });
}

/** Central-difference Hessian of f (symmetric by construction). */
export function hessian(f: (x: number[]) => number, x: number[], fx: number): number[][] {
  const k = x.length;
  const h = x.map(step);
  const at = (di: number, i: number, dj: number, j: number) => {
    const y = x.slice();
    y[i] = (y[i] as number) + di * (h[i] as number);
    y[j] = (y[j] as number) + dj * (h[j] as number);
    return f(y);
  };
  const H: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    const hi = h[i] as number;
    const row = H[i] as number[];
    row[i] = (at(1, i, 1, i) - 2 * fx + at(-1, i, -1, i)) / (4 * hi * hi);
    for (let j = 0; j < i; j++) {
      const v = (at(1, i, 1, j) - at(1, i, -1, j) - at(-1, i, 1, j) + at(-1, i, -1, j)) / (4 * hi * (h[j] as number));
      row[j] = v;
      (H[j] as number[])[i] = v;
    }
  }
  return H;
}

function negativeDefinite(H: number[][]): boolean {
  return H.every((r) => r.every(Number.isFinite)) && new CholeskyDecomposition(new Matrix(H).neg()).isPositiveDefinite();
}

/**
 * Maximises `logLik` from the best of `starts`: Nelder–Mead (twice, at most
 * `maxIterations` iterations), then Newton steps with step halving (Levenberg damping
 * where the Hessian is not negative definite), then checks gradient norm, Hessian
 * definiteness and the iteration limit.
 */
export function maximise(logLik: (x: number[]) => number, starts: number[][], maxIterations: number): OptimumReport {
  let evaluations = 0;
  const f = (x: number[]) => {
    evaluations++;
    const v = logLik(x);
    return Number.isFinite(v) ? v : Number.NEGATIVE_INFINITY;
  };
  let x0 = starts[0] as number[];
  let best = f(x0);
  for (const s of starts.slice(1)) {
    const v = f(s);
    if (v > best) {
      best = v;
      x0 = s;
    }
  }
  if (!Number.isFinite(best)) return failed(x0, "the log-likelihood is not finite at any starting point");

  let nmEvaluations = 0;
  let nmIterations = 0;
  const negative = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? -v : Number.MAX_VALUE;
  };
  let x = x0.slice();
  for (let restart = 0; restart < 2; restart++) {
    const before = evaluations;
    const r = nelderMead(negative, x, { maxIterations, initialStep: restart === 0 ? 0.1 : 0.02, valueTolerance: 1e-9, pointTolerance: 1e-7 });
    nmEvaluations += evaluations - before;
    nmIterations += r.iterations;
    x = Array.from(r.x);
  }
  let fx = f(x);
  let newton = 0;
  let stopped = false;
  let g = gradient(f, x);
  let H = hessian(f, x, fx);
  for (; newton < NEWTON_STEPS; newton++) {
    if (!g.every(Number.isFinite) || !H.every((r) => r.every(Number.isFinite))) {
      stopped = true;
      break;
    }
    // solve (−H + μI) d = g, μ = 0 when −H is positive definite
    let mu = 0;
    let d: number[] | undefined;
    for (let attempt = 0; attempt < 30 && d === undefined; attempt++) {
      const A = new Matrix(H).neg();
      for (let i = 0; i < x.length; i++) A.set(i, i, A.get(i, i) + mu);
      const chol = new CholeskyDecomposition(A);
      if (chol.isPositiveDefinite()) d = chol.solve(Matrix.columnVector(g)).to1DArray();
      else mu = mu === 0 ? 1e-6 * Math.max(1, ...H.map((r, i) => Math.abs(r[i] as number))) : mu * 10;
    }
    if (d === undefined) {
      stopped = true;
      break;
    }
    let t = 1;
    let moved = false;
    for (let half = 0; half < 40; half++) {
      const y = x.map((xi, i) => xi + t * (d[i] as number));
      const fy = f(y);
      if (fy >= fx) {
        moved = fy > fx || y.every((yi, i) => yi === x[i]);
        x = y;
        fx = fy;
        break;
      }
      t /= 2;
    }
    g = gradient(f, x);
    H = hessian(f, x, fx);
    const decrement = g.reduce((s, gi, i) => s + gi * t * (d[i] as number), 0);
    if (!moved || Math.abs(decrement) < 1e-12 * Math.max(1, Math.abs(fx))) {
      newton++;
      stopped = true;
      break;
    }
  }
  const gradientNorm = Math.max(...g.map(Math.abs));
  const pd = negativeDefinite(H);
  const base = { theta: x, logLik: fx, gradient: g, hessian: H, nelderMeadIterations: nmIterations, nelderMeadEvaluations: nmEvaluations, newtonSteps: newton, evaluations, gradientNorm, hessianPositiveDefinite: pd };
  if (!Number.isFinite(fx)) return { ...base, failure: "the log-likelihood is not finite at the optimum" };
  if (!stopped) return { ...base, failure: `the Newton polish reached its limit of ${NEWTON_STEPS} steps without settling` };
  if (!(gradientNorm <= GRADIENT_TOLERANCE)) {
    return { ...base, failure: `the gradient norm at the optimum is ${gradientNorm.toPrecision(3)}, above the tolerance ${GRADIENT_TOLERANCE}: the optimiser stopped before a stationary point (iteration limit ${maxIterations}, or a parameter running off to infinity)` };
  }
  if (!pd) return { ...base, failure: "the Hessian of the log-likelihood is not negative definite at the optimum: the parameters are not identified by these data (a flat or saddle-shaped likelihood)" };
  const covariance = inverse(new Matrix(H).neg()).to2DArray();
  if (!covariance.every((r, i) => r.every(Number.isFinite) && (r[i] as number) > 0)) return { ...base, failure: "the observed information could not be inverted" };
  // symmetrise the rounding of the inverse
  for (let i = 0; i < x.length; i++) for (let j = 0; j < i; j++) (covariance[i] as number[])[j] = (covariance[j] as number[])[i] = ((covariance[i] as number[])[j] as number + ((covariance[j] as number[])[i] as number)) / 2;
  return { ...base, covariance };

  function failed(at: number[], failure: string): OptimumReport {
    return { theta: at, logLik: Number.NEGATIVE_INFINITY, gradient: [], hessian: [], nelderMeadIterations: 0, nelderMeadEvaluations: 0, newtonSteps: 0, evaluations, gradientNorm: Number.POSITIVE_INFINITY, hessianPositiveDefinite: false, failure };
  }
}
