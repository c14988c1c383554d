// Parameter ranges and the grid of values evaluated over each.
import * as z from "zod";
import { lazySchema } from "../../kernel/lazy-schema.js";

const finite = lazySchema(() => z.number().refine((x) => Number.isFinite(x), { message: "must be a finite number" }));

function checkOrder(r: { low: number; high: number }, ctx: z.RefinementCtx): void {
  if (r.low > r.high) ctx.addIssue({ code: "custom", path: ["high"], message: `low ${r.low} is above high ${r.high}` });
  else if (r.low === r.high) ctx.addIssue({ code: "custom", path: ["high"], message: `the range is empty: low and high are both ${r.low}` });
}

/**
 * One parameter's one-way range: `low` < `high`, and optionally `points` (≥ 2) evenly
 * spaced values from low to high inclusive (default 2: low and high). The base case is
 * added when it lies strictly inside the range, so the default is low / base / high.
 *
 * @category Sensitivity Analysis
 */
export const oneWayRangeSchema = lazySchema(() => z
  .object({
    /** The parameter's name in the source. */
    parameter: z.string().min(1),
    /** The lowest value, finite, < `high`. */
    low: finite,
    /** The highest value, finite. */
    high: finite,
    /** How many evenly spaced values from low to high inclusive, 2–1001 (default 2). */
    points: z.number().int().min(2).max(1001).optional(),
  })
  .strict()
  .superRefine(checkOrder));

/**
 * One axis of a two-way grid: `points` (2–201) evenly spaced values from `low` to `high` inclusive.
 *
 * @category Sensitivity Analysis
 */
export const twoWayRangeSchema = lazySchema(() => z
  .object({
    /** The parameter's name in the source. */
    parameter: z.string().min(1),
    /** The lowest value, finite, < `high`. */
    low: finite,
    /** The highest value, finite. */
    high: finite,
    /** How many evenly spaced values from low to high inclusive, 2–201. */
    points: z.number().int().min(2).max(201),
  })
  .strict()
  .superRefine(checkOrder));

/**
 * A one-way range as accepted by {@link oneWayRangeSchema}.
 *
 * @category Sensitivity Analysis
 */
export type OneWayRangeInput = z.input<typeof oneWayRangeSchema>;
/**
 * A two-way axis as accepted by {@link twoWayRangeSchema}.
 *
 * @category Sensitivity Analysis
 */
export type TwoWayRangeInput = z.input<typeof twoWayRangeSchema>;

/** `n` evenly spaced values from low to high, both ends exact. */
export function evenly(low: number, high: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === 0 ? low : i === n - 1 ? high : low + ((high - low) * i) / (n - 1)));
}

/** The values a one-way range evaluates, ascending, with the base case when strictly inside. */
export function oneWayValues(r: { low: number; high: number; points?: number | undefined }, base: number): number[] {
  const values = evenly(r.low, r.high, r.points ?? 2);
  if (base > r.low && base < r.high && !values.includes(base)) values.push(base);
  return values.sort((a, b) => a - b);
}
