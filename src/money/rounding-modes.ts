// The rounding modes, one record each: decimal.js's constant for the mode and whether a
// quotient with a remainder moves away from zero. Money's `round`, `multiply` and
// `divideRounded` all read this table, so the bigint and decimal.js paths cannot disagree
// about a mode, and a new mode is one entry.
import { Decimal } from "./decimal.js";

/**
 * How to round to the minor unit. `half-up` (四舍五入, ties away from zero) is the
 * default of Chinese medical-insurance settlement; `half-even` is banker's rounding;
 * `down`/`up` go toward/away from zero; `floor`/`ceil` toward −∞/+∞.
 *
 * @category Rounding Modes
 */
export type Rounding = "half-up" | "half-even" | "down" | "up" | "floor" | "ceil";

/** Where a remainder lies against half the divisor: below (−1), exactly half (0), above (1). */
type Half = -1 | 0 | 1;

interface RoundingRule {
  /** decimal.js's constant for the mode. */
  readonly decimal: Decimal.Rounding;
  /** Whether a truncated quotient with a remainder moves one unit away from zero. */
  readonly away: (half: Half, negative: boolean, odd: boolean) => boolean;
}

/** Every mode's rule. Internal: read through {@link roundingRule}. */
const RULES: Readonly<Record<Rounding, RoundingRule>> = Object.freeze({
  "half-up": { decimal: Decimal.ROUND_HALF_UP, away: (half: Half) => half >= 0 },
  "half-even": { decimal: Decimal.ROUND_HALF_EVEN, away: (half: Half, _negative: boolean, odd: boolean) => half > 0 || (half === 0 && odd) },
  down: { decimal: Decimal.ROUND_DOWN, away: () => false },
  up: { decimal: Decimal.ROUND_UP, away: () => true },
  floor: { decimal: Decimal.ROUND_FLOOR, away: (_half: Half, negative: boolean) => negative },
  ceil: { decimal: Decimal.ROUND_CEIL, away: (_half: Half, negative: boolean) => !negative },
});

/**
 * Every rounding mode, for schemas and docs.
 *
 * @category Rounding Modes
 */
export const ROUNDING_MODES: readonly Rounding[] = Object.freeze(Object.keys(RULES) as Rounding[]);

/** The rule of a mode, or undefined for anything that is not a mode's name (own keys only: "__proto__" finds nothing). Internal. */
export function roundingRule(mode: unknown): RoundingRule | undefined {
  return typeof mode === "string" && Object.hasOwn(RULES, mode) ? RULES[mode as Rounding] : undefined;
}

/**
 * `n ÷ d` (d > 0) rounded to a whole number with a mode already validated: the rounding
 * decimal.js's `toDecimalPlaces` does, in bigint. Internal.
 */
export function roundQuotient(n: bigint, d: bigint, mode: Rounding): bigint {
  const q = n / d; // truncated toward zero
  const r = n % d; // the sign of n
  if (r === 0n) return q;
  const negative = r < 0n;
  const twice = negative ? -2n * r : 2n * r;
  const half: Half = twice > d ? 1 : twice === d ? 0 : -1;
  return RULES[mode].away(half, negative, q % 2n !== 0n) ? (negative ? q - 1n : q + 1n) : q;
}
