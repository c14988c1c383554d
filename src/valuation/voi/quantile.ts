/**
 * The p-quantile of sorted data by Hyndman & Fan's type 7 (R's default `quantile()`
 * and NumPy's default `linear`): h = (n − 1)·p, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]),
 * 0-based. Data must be sorted ascending and non-empty; p in [0, 1].
 *
 * @example
 * ```ts
 * quantileType7(Float64Array.of(1, 2, 3, 4), 0.25); // 1.75
 * ```
 */
export function quantileType7(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}
