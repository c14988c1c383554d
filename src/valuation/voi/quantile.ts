import * as z from "zod";
import { parseInput } from "../../core/index.js";
import { rowSchema } from "../psa.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** The p-quantile of sorted, non-empty data by Hyndman–Fan type 7 (internal; see {@link quantile}). */
export function quantileType7(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const t = h - lo;
  // R's form (1 − t)·x[j] + t·x[j+1]: a convex combination, so it cannot overflow
  return t === 0 ? sorted[lo]! : (1 - t) * sorted[lo]! + t * sorted[hi]!;
}

/**
 * Input of {@link quantile}: finite values (any order) and a probability in [0, 1].
 *
 * @category Value of Information
 */
export const quantileInputSchema = lazySchema(() => z
  .strictObject({
    /** The data, finite numbers in any order (an array or a Float64Array), at least one. */
    values: rowSchema,
    /** The probability, in [0, 1]. */
    p: z.number().min(0).max(1),
  })
  .superRefine((doc, ctx) => {
    if (doc.values.length === 0) ctx.addIssue({ code: "custom", message: "at least one value is needed", path: ["values"] });
    for (let i = 0; i < doc.values.length; i++) {
      const v = doc.values[i];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        ctx.addIssue({ code: "custom", message: "expected a finite number", path: ["values", i] });
        return;
      }
    }
  }));

/**
 * Input of {@link quantile}.
 *
 * @category Value of Information
 */
export type QuantileInput = z.input<typeof quantileInputSchema>;

/**
 * The p-quantile by Hyndman & Fan's type 7 (R's default `quantile()` and NumPy's
 * default `linear`), the rule the PSA summaries use: with the values sorted ascending
 * and 0-based, h = (n − 1)·p and Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 *
 * @example
 * ```ts
 * quantile({ values: [4, 1, 3, 2], p: 0.25 }); // 1.75
 * ```
 *
 * @param input - `{ values, p }`: the data and the probability in [0, 1]
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused); empty data or p outside [0, 1] is refused at its field
 * @category Value of Information
 */
export function quantile(input: QuantileInput): number {
  const doc = parseInput(quantileInputSchema, input, "quantile");
  return quantileType7(Float64Array.from(doc.values).sort(), doc.p);
}
