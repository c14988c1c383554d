// Nelder–Mead simplex minimiser (the standard coefficients: reflection 1, expansion 2,
// contraction ½, shrink ½, as in Lagarias et al. 1998).
//
// Written here rather than taken from the fmin 0.0.4 package, which cannot serve:
// its bundle is UMD inside a `"type": "module"` package, so Node and Vite load it as an
// ES module with an empty namespace (it registers itself on `globalThis.fmin` instead),
// and its nelderMead assigns an undeclared loop variable in the shrink step, which
// throws `ReferenceError: i is not defined` in strict mode (every ES module) the first
// time a simplex has to shrink.

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  readonly maxIterations: number;
  /** Initial simplex: each coordinate moved by this much (absolute). */
  readonly initialStep: number;
  /** Stop when the simplex's values and coordinates both span less than these. */
  readonly valueTolerance: number;
  readonly pointTolerance: number;
}

/** The minimum found, its value and the iterations used. */
export interface NelderMeadResult {
  readonly x: number[];
  readonly fx: number;
  readonly iterations: number;
  /** True when the tolerances were met before the iteration limit. */
  readonly converged: boolean;
}

/** Minimises f from x0. */
export function nelderMead(f: (x: number[]) => number, x0: readonly number[], options: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = (p[i] as number) + options.initialStep;
    pts.push(p);
  }
  const vals = pts.map(f);
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const point = (centroid: number[], worst: number[], coef: number) => centroid.map((c, j) => c + coef * (c - (worst[j] as number)));
  let iterations = 0;
  let converged = false;
  for (; iterations < options.maxIterations; iterations++) {
    order.sort((a, b) => (vals[a] as number) - (vals[b] as number) || a - b);
    const best = order[0] as number;
    const worstI = order[n] as number;
    const secondWorst = order[n - 1] as number;
    let spread = 0;
    for (const i of order) for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(((pts[i] as number[])[j] as number) - ((pts[best] as number[])[j] as number)));
    if (Math.abs((vals[worstI] as number) - (vals[best] as number)) <= options.valueTolerance && spread <= options.pointTolerance) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (const i of order.slice(0, n)) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + ((pts[i] as number[])[j] as number) / n;
    const worst = pts[worstI] as number[];
    const r = point(centroid, worst, 1);
    const fr = f(r);
    if (fr < (vals[best] as number)) {
      const e = point(centroid, worst, 2);
      const fe = f(e);
      if (fe < fr) {
        pts[worstI] = e;
        vals[worstI] = fe;
      } else {
        pts[worstI] = r;
        vals[worstI] = fr;
      }
      continue;
    }
    if (fr < (vals[secondWorst] as number)) {
      pts[worstI] = r;
      vals[worstI] = fr;
      continue;
    }
    // contraction: outside when the reflection improved on the worst, inside otherwise
    const outside = fr < (vals[worstI] as number);
    const c = point(centroid, worst, outside ? 0.5 : -0.5);
    const fc = f(c);
    if (fc < (outside ? fr : (vals[worstI] as number))) {
      pts[worstI] = c;
      vals[worstI] = fc;
      continue;
    }
    const b = pts[best] as number[];
    for (const i of order.slice(1)) {
      pts[i] = (pts[i] as number[]).map((v, j) => (b[j] as number) + 0.5 * (v - (b[j] as number)));
      vals[i] = f(pts[i] as number[]);
    }
  }
  order.sort((a, b) => (vals[a] as number) - (vals[b] as number) || a - b);
  const best = order[0] as number;
  return { x: pts[best] as number[], fx: vals[best] as number, iterations, converged };
}
