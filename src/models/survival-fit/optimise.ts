// Maximising a log-likelihood over an unconstrained vector: Nelder–Mead from the
// best starting point, then damped Newton steps on finite-difference derivatives, then
// the convergence checks. Every number here is float64 statistics.
import { CholeskyDecomposition, Matrix, inverse } from "ml-matrix";
import { nelderMead } from "./nelder-mead.js";

/**
 * Largest scaled gradient accepted at an optimum: max over parameters of |∂ℓ/∂θᵢ|·SE(θᵢ),
 * the change in the log-likelihood over one standard error of a parameter (free of the
 * units of time and of the parameterisation).
 */
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
  /** max |∂ℓ/∂θᵢ|·SE(θᵢ) (max |∂ℓ/∂θᵢ| when the Hessian is not negative definite). */
  readonly gradientNorm: number;
  readonly hessianPositiveDefinite: boolean;
  /** The covariance (inverse observed information, −H⁻¹) when the Hessian is negative definite. */
  readonly covariance?: number[][];
  /** Why the optimum is not accepted, when it is not. */
  readonly failure?: string;
}

/**
 * Per-coordinate scales for the finite differences: the standard errors implied by a
 * negative definite diagonal of H when there is one, else max(1, |xᵢ|)/10. Steps in
 * units of the standard error keep truncation and rounding errors balanced whatever the
 * units of time (a Gompertz shape per month and per day differ by 30×).
 */
function scales(x: readonly number[], H?: number[][]): number[] {
  return x.map((xi, i) => {
    const hii = H?.[i]?.[i];
    if (hii !== undefined && hii < 0 && Number.isFinite(hii)) return 1 / Math.sqrt(-hii);
    return Math.max(1, Math.abs(xi)) / 10;
  });
}

/** Central-difference gradient of f, steps of 10⁻³ of each coordinate's scale. */
export function gradient(f: (x: number[]) => number, x: number[], scale: readonly number[] = scales(x)): number[] {
  return x.map((xi, i) => {
    const h = 1e-3 * (scale[i] as number);
    const up = x.slice();
    const down = x.slice();
    up[i] = xi + h;
    down[i] = xi - h;
    return (f(up) - f(down)) / (up[i] - (down[i] as number));
  });
}

/** Central-difference Hessian of f (symmetric by construction), steps of 10⁻² of each coordinate's scale. */
export function hessian(f: (x: number[]) => number, x: number[], fx: number, scale: readonly number[] = scales(x)): number[][] {
  const k = x.length;
  const h = scale.map((s) => 1e-2 * s);
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
export function maximise(logLik: (x: number[]) => number, starts: number[][], maxIterations: number, exact?: number[]): OptimumReport {
  let evaluations = 0;
  const f = (x: number[]) => {
    evaluations++;
    const v = logLik(x);
    return Number.isFinite(v) ? v : Number.NEGATIVE_INFINITY;
  };
  if (exact !== undefined) {
    // a closed-form maximum: only the checks and the information matrix
    const fx = f(exact);
    const h0 = hessian(f, exact, fx);
    const sc = scales(exact, h0);
    return assess(exact, fx, gradient(f, exact, sc), hessian(f, exact, fx, sc), 0, 0, 0, true);
  }
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
    const r = nelderMead(negative, x, { maxIterations, initialStep: restart === 0 ? 0.1 : 0.02, valueTolerance: 1e-6, pointTolerance: 1e-4 });
    nmEvaluations += evaluations - before;
    nmIterations += r.iterations;
    x = Array.from(r.x);
  }
  let fx = f(x);
  let newton = 0;
  let stopped = false;
  let H = hessian(f, x, fx);
  let sc = scales(x, H);
  let g = gradient(f, x, sc);
  H = hessian(f, x, fx, sc);
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
        moved = fy > fx;
        x = y;
        fx = fy;
        break;
      }
      t /= 2;
    }
    sc = scales(x, H);
    g = gradient(f, x, sc);
    H = hessian(f, x, fx, sc);
    const decrement = g.reduce((s, gi, i) => s + gi * t * (d[i] as number), 0);
    if (!moved || Math.abs(decrement) < 1e-12 * Math.max(1, Math.abs(fx))) {
      newton++;
      stopped = true;
      break;
    }
  }
  return assess(x, fx, g, H, nmIterations, nmEvaluations, newton, stopped);

  /** The checks and the covariance at the point where the search stopped. */
  function assess(x: number[], fx: number, g: number[], H: number[][], nmIterations: number, nmEvaluations: number, newton: number, stopped: boolean): OptimumReport {
    const pd = negativeDefinite(H);
    const covariance = pd ? inverse(new Matrix(H).neg()).to2DArray() : undefined;
    // |∂ℓ/∂θᵢ| times the standard error of θᵢ: the change in ℓ over one standard error, free of units
    const gradientNorm = Math.max(...g.map((gi, i) => Math.abs(gi) * (covariance ? Math.sqrt(Math.max(0, (covariance[i] as number[])[i] as number)) : 1)));
    const base = { theta: x, logLik: fx, gradient: g, hessian: H, nelderMeadIterations: nmIterations, nelderMeadEvaluations: nmEvaluations, newtonSteps: newton, evaluations, gradientNorm, hessianPositiveDefinite: pd };
    if (!Number.isFinite(fx)) return { ...base, failure: "the log-likelihood is not finite at the optimum" };
    if (!stopped) return { ...base, failure: `the Newton polish reached its limit of ${NEWTON_STEPS} steps without settling` };
    if (!pd) return { ...base, failure: "the Hessian of the log-likelihood is not negative definite at the optimum: the parameters are not identified by these data (a flat or saddle-shaped likelihood, or a parameter running off to infinity)" };
    if (!(gradientNorm <= GRADIENT_TOLERANCE)) {
      return { ...base, failure: `the scaled gradient norm at the optimum is ${gradientNorm.toPrecision(3)}, above the tolerance ${GRADIENT_TOLERANCE}: the optimiser stopped before a stationary point (iteration limit ${maxIterations})` };
    }
    if (covariance === undefined) return { ...base, failure: "the observed information could not be inverted" };
    if (!covariance.every((r, i) => r.every(Number.isFinite) && (r[i] as number) > 0)) return { ...base, failure: "the observed information could not be inverted" };
    // symmetrise the rounding of the inverse
    for (let i = 0; i < x.length; i++) for (let j = 0; j < i; j++) (covariance[i] as number[])[j] = (covariance[j] as number[])[i] = ((covariance[i] as number[])[j] as number + ((covariance[j] as number[])[i] as number)) / 2;
    return { ...base, covariance };
  }

  function failed(at: number[], failure: string): OptimumReport {
    return { theta: at, logLik: Number.NEGATIVE_INFINITY, gradient: [], hessian: [], nelderMeadIterations: 0, nelderMeadEvaluations: 0, newtonSteps: 0, evaluations, gradientNorm: Number.POSITIVE_INFINITY, hessianPositiveDefinite: false, failure };
  }
}
