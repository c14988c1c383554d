// Where the decision (the optimal strategy) flips along one parameter's range.
import type { Money } from "../../money/index.js";
import type { StrategyTotals, VariedEvaluator } from "./source.js";

/**
 * The optimal strategy on the unrounded NMB λ·E − C (float64): thresholds are
 * statistics of the model, so the cent rounding of costs must not move them.
 * Ties: the more effective, then the earlier, as everywhere else.
 */
export function floatOptimal(totals: readonly StrategyTotals[], lambda: number): number {
  let best = 0;
  let bestNmb = lambda * totals[0]!.effect - totals[0]!.cost;
  for (let i = 1; i < totals.length; i++) {
    const t = totals[i]!;
    const n = lambda * t.effect - t.cost;
    if (n > bestNmb || (n === bestNmb && t.effect > totals[best]!.effect)) {
      best = i;
      bestNmb = n;
    }
  }
  return best;
}

/**
 * A parameter value at which the optimal strategy changes.
 *
 * @category Sensitivity Analysis
 */
export interface DecisionThreshold {
  /** The value: exact on a linear metamodel, else the midpoint of the final bisection bracket. */
  readonly value: number;
  /** Optimal just below the value. */
  readonly from: string;
  /** Optimal just above it. */
  readonly to: string;
  /**
   * `exact-linear`: solved in closed form where two strategies' NMB lines cross (a
   * degree-1 metamodel: every NMB is linear in the parameter);
   * `bisection-on-model` / `bisection-on-metamodel`: bisection on the decision between
   * two evaluated values where it differs, each step a real run.
   */
  readonly method: "exact-linear" | "bisection-on-model" | "bisection-on-metamodel";
  /** The bracket the value lies in ([value, value] when exact). */
  readonly bracket: readonly [number, number];
}

/** Relative width of the final bracket: 1e-10 of the range (or float resolution). */
export const BISECTION_TOLERANCE = 1e-10;
const MAX_THRESHOLDS = 1000;

/**
 * Bisection between adjacent evaluated values whose decisions differ. Within one
 * bracket it keeps going after a flip until the decision matches the bracket's right
 * end, so A → B → C between two grid values is found as two thresholds; a flip and a
 * flip back between two evaluated values with the same decision is not seen.
 */
export function bisectThresholds(
  names: readonly string[],
  ev: VariedEvaluator,
  lambda: Money,
  values: readonly number[],
  method: "bisection-on-model" | "bisection-on-metamodel",
): DecisionThreshold[] {
  const l = lambda.amount.toNumber();
  const decide = (x: number) => names[floatOptimal(ev.evaluate([x]), l)]!;
  const decisions = values.map(decide);
  const span = (values[values.length - 1] as number) - (values[0] as number);
  const tol = span * BISECTION_TOLERANCE;
  const out: DecisionThreshold[] = [];
  for (let i = 0; i + 1 < values.length && out.length < MAX_THRESHOLDS; i++) {
    let a = values[i] as number;
    const b = values[i + 1] as number;
    let left = decisions[i] as string;
    const right = decisions[i + 1] as string;
    while (left !== right && out.length < MAX_THRESHOLDS) {
      let lo = a;
      let hi = b;
      let atHi = right;
      for (let it = 0; it < 200 && hi - lo > tol; it++) {
        const mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) break; // float resolution reached
        const dm = decide(mid);
        if (dm === left) lo = mid;
        else {
          hi = mid;
          atHi = dm;
        }
      }
      out.push({ value: lo + (hi - lo) / 2, from: left, to: atHi, method, bracket: [lo, hi] });
      if (hi >= b) break;
      a = hi;
      left = atHi;
    }
  }
  return out;
}

/**
 * Exact thresholds when every strategy's NMB is a line in the parameter: walk the upper
 * envelope of the lines from low to high. The NMB lines are read off two evaluations
 * (float64 metamodel predictions, λ as a float), so "exact" means exact on the fitted lines.
 */
export function linearThresholds(names: readonly string[], ev: VariedEvaluator, lambda: Money, low: number, high: number): DecisionThreshold[] {
  const l = lambda.amount.toNumber();
  const nmb = (x: number) => ev.evaluate([x]).map((t) => l * t.effect - t.cost);
  const n0 = nmb(low);
  const n1 = nmb(high);
  const slope = n0.map((v, s) => ((n1[s] as number) - v) / (high - low));
  // optimal just above low: highest NMB at low, then the steeper line, then the earlier
  let cur = 0;
  for (let s = 1; s < names.length; s++) {
    const d = (n0[s] as number) - (n0[cur] as number);
    if (d > 0 || (d === 0 && (slope[s] as number) > (slope[cur] as number))) cur = s;
  }
  const out: DecisionThreshold[] = [];
  let x = low;
  for (;;) {
    let next = -1;
    let at = Infinity;
    for (let s = 0; s < names.length; s++) {
      const ds = (slope[s] as number) - (slope[cur] as number);
      if (!(ds > 0)) continue;
      const t = low + ((n0[cur] as number) - (n0[s] as number)) / ds;
      if (!(t > x) || t > high) continue;
      if (t < at || (t === at && (slope[s] as number) > (slope[next] as number))) {
        at = t;
        next = s;
      }
    }
    if (next < 0) break;
    out.push({ value: at, from: names[cur]!, to: names[next]!, method: "exact-linear", bracket: [at, at] });
    cur = next;
    x = at;
  }
  return out;
}
