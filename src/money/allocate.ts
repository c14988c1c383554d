import { DomainError, invalid, ValidationError, type Issue } from "../kernel/errors.js";
import { getCurrency } from "./currency.js";
import { D, type Dec, type DecimalInput, describeType, toDecimalOrReason } from "./decimal.js";

import { fromUnitsAt, minorOf, POW10, requireMoney, scaledFactor, scaledUnits, scaleOf, unitsOf, type Money } from "./money.js";

/**
 * Splits an amount by ratios so that the parts add up to it exactly, to the minor unit.
 *
 * Largest remainder: each part gets the floor of its exact share in minor units; the
 * units left over go one each to the parts with the largest fractional remainders,
 * ties to the earlier part. Weights need not sum to 1; zero weights get zero;
 * negative or all-zero weights are a {@link ValidationError}. A negative amount (a
 * refund) splits symmetrically: `allocate(−a, w) = −allocate(a, w)`.
 * The amount must already be at the currency's scale (a ValidationError `sub_minor_unit` otherwise).
 *
 * Unlike dinero.js, which hands leftover units to the largest ratios, this hands them
 * to the largest remainders: CNY 0.10 by [6, 4, 1] gives 0.05 / 0.04 / 0.01 here.
 *
 * @category Allocation
 * @param amount - the amount to split, already at its currency's minor unit
 * @param weights - non-negative ratios (decimal strings, numbers or Decimals), at least one positive
 * @throws {ValidationError} `sub_minor_unit` when the amount has more decimals than its currency; `too_small` / `invalid_decimal` / `all_zero` for bad weights (path `weights.<i>`)
 *
 * @example
 * ```ts
 * allocate(money("100.00"), [1, 1, 1]);        // 33.34 / 33.33 / 33.33
 * allocate(money("1200000.00"), [40, 30, 30]); // 480000.00 / 360000.00 / 360000.00
 * ```
 */
export function allocate(amount: Money, weights: readonly DecimalInput[]): Money[] {
  requireMoney(amount);
  const scale = minorOf(amount);
  const scaled = scaledUnits(amount);
  if (scaled !== undefined ? scaleOf(amount) > scale : amount.amount.decimalPlaces() > scale) {
    throw invalid(["amount"], `cannot allocate ${amount.toString()}: it has more decimals than ${amount.currency} allows; round it first`, "sub_minor_unit");
  }
  const units = scaled ?? unitsOf(amount.amount, scale);
  const ints = integerWeights(weights);
  const negative = units < 0n;
  const parts = allocateUnits(negative ? -units : units, ints);
  const out: Money[] = new Array<Money>(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = fromUnitsAt(negative ? -parts[i]! : parts[i]!, amount.currency, scale);
  return out;
}

/** The most parts {@link split} makes (a larger count is a mistake, and would exhaust memory). */
const MAX_PARTS = 1_000_000;

/**
 * Splits an amount into `count` parts as equal as the minor unit allows, larger parts first.
 *
 * @category Allocation
 * @param amount - the amount to split, already at its currency's minor unit
 * @param count - the number of parts, a whole number from 1 to 1,000,000
 * @throws {ValidationError} `invalid_count` when `count` is not such a number (path `count`); `sub_minor_unit` as for allocate
 *
 * @example
 * ```ts
 * split(money("373000.00", "USD"), 4); // 93250.00 × 4
 * ```
 */
export function split(amount: Money, count: number): Money[] {
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1 || count > MAX_PARTS) {
    throw invalid(["count"], `the number of parts is a whole number from 1 to ${MAX_PARTS}, got ${typeof count === "number" ? count : describeType(count)}`, "invalid_count");
  }
  return allocate(amount, Array.from({ length: count }, () => 1));
}

/**
 * The largest-remainder split of a non-negative integer count of units by
 * non-negative integer weights (at least one positive). Exposed for modules that
 * allocate counts rather than money (points, units of drug).
 *
 * @category Allocation
 * @param units - a non-negative bigint count of units
 * @param weights - non-negative bigint weights, at least one positive
 * @throws {ValidationError} when `units` is not a bigint ≥ 0 or a weight is not a bigint ≥ 0 (path `weights.<i>`), or every weight is zero
 *
 * @example
 * ```ts
 * allocateUnits(10n, [1n, 1n, 1n]); // [4n, 3n, 3n]
 * ```
 */
export function allocateUnits(units: bigint, weights: readonly bigint[]): bigint[] {
  if (typeof units !== "bigint") throw invalid(["units"], `units to allocate are a bigint, got ${describeType(units)}`, "invalid_type");
  if (!Array.isArray(weights)) throw invalid(["weights"], `weights are a list of bigints, got ${describeType(weights)}`, "invalid_type");
  for (let i = 0; i < weights.length; i++) {
    const w: unknown = weights[i];
    if (typeof w !== "bigint" || w < 0n) throw invalid(["weights", i], "a weight is a bigint ≥ 0", "invalid_weight");
  }
  if (units < 0n) throw invalid(["units"], "units to allocate must be ≥ 0", "too_small");
  let total = 0n;
  for (const w of weights) total += w;
  if (total <= 0n) throw invalid(["weights"], "at least one weight must be positive", "all_zero");
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const w of weights) {
    const product = units * w;
    const base = product / total;
    parts.push(base);
    remainders.push(product % total);
    given += base;
  }
  let left = units - given;
  if (left > 0n) {
    const order = remainders.map((r, i) => ({ r, i }));
    order.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
    for (const { i } of order) {
      if (left === 0n) break;
      parts[i] = (parts[i] as bigint) + 1n;
      left -= 1n;
    }
  }
  return parts;
}

/** Validates decimal weights and scales them to integers with the same ratios. */
function integerWeights(weights: readonly DecimalInput[]): bigint[] {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw invalid(["weights"], "at least one weight is required", "too_small");
  }
  // Fast path: whole-number weights (40/30/30, 1/1/1) need no decimal scaling.
  if (weights.every((w) => typeof w === "number" && Number.isSafeInteger(w) && w >= 0)) {
    if (weights.every((w) => w === 0)) throw invalid(["weights"], "all weights are zero: nothing to allocate by", "all_zero");
    return weights.map((w) => BigInt(w as number));
  }
  // Decimal strings and numbers (0.55, "0.2") scale in bigint; anything unusual (a Decimal,
  // an exponent, a negative or invalid weight) takes the decimal.js path and its messages.
  const fast = scaledWeights(weights);
  if (fast !== undefined) return fast;
  const issues: Issue[] = [];
  const decimals: Dec[] = [];
  weights.forEach((w, i) => {
    const d = toDecimalOrReason(w);
    if (typeof d === "string") issues.push({ path: ["weights", i], code: "invalid_decimal", message: d });
    else if (d.isNegative() && !d.isZero()) issues.push({ path: ["weights", i], code: "too_small", message: `weights must be ≥ 0, got ${d.toString()}` });
    else decimals.push(d);
  });
  if (issues.length > 0) throw new ValidationError(issues, "allocate");
  if (decimals.every((d) => d.isZero())) throw invalid(["weights"], "all weights are zero: nothing to allocate by", "all_zero");
  let places = 0; // a loop, not a spread: Math.max(...list) overflows the stack past ~125,000 weights (M2)
  for (const d of decimals) places = Math.max(places, d.decimalPlaces());
  const factor = new D(10).pow(places);
  return decimals.map((d) => BigInt(d.abs().times(factor).toFixed(0)));
}

/** Non-negative plain-decimal weights as integers with the same ratios, or undefined. */
function scaledWeights(weights: readonly DecimalInput[]): bigint[] | undefined {
  const parsed: [bigint, number][] = [];
  let places = 0;
  let positive = false;
  for (const w of weights) {
    const f = scaledFactor(w);
    if (f === undefined || f[0] < 0n) return undefined;
    if (f[0] > 0n) positive = true;
    if (f[1] > places) places = f[1];
    parsed.push(f);
  }
  if (!positive || places >= POW10.length) return undefined;
  // One common power of ten: the ratios, and so the split, are those of the decimals.
  return parsed.map(([n, s]) => n * POW10[places - s]!);
}
