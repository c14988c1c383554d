import { invalid } from "../kernel/errors.js";
import { getCurrency } from "./currency.js";
import { D, Decimal, type Dec, toDecimalOrReason } from "./decimal.js";
import { fromDecimal, fromUnitsAt, HALF_POW10, minorOf, POW10, requireMoney, roundHalfUpScaled, scaledUnits, scaleOf, type Money } from "./money.js";

/**
 * How to round to the minor unit. `half-up` (四舍五入, ties away from zero) is the
 * default of Chinese medical-insurance settlement; `half-even` is banker's rounding;
 * `down`/`up` go toward/away from zero; `floor`/`ceil` toward −∞/+∞.
 *
 * @category Rounding Modes
 */
export type Rounding = "half-up" | "half-even" | "down" | "up" | "floor" | "ceil";

/**
 * Every rounding mode, for schemas and docs.
 *
 * @category Rounding Modes
 */
export const ROUNDING_MODES: readonly Rounding[] = ["half-up", "half-even", "down", "up", "floor", "ceil"];

/**
 * The default rounding mode: half-up.
 *
 * @category Rounding Modes
 */
export const DEFAULT_ROUNDING: Rounding = "half-up";

const MODE: Record<Rounding, Decimal.Rounding> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
};

/** decimal.js's constant for a rounding mode; rejects unknown names. */
export function decimalRounding(mode: Rounding): Decimal.Rounding {
  // own keys only: "__proto__" or "constructor" must not find Object.prototype's members
  const r = typeof mode === "string" && Object.hasOwn(MODE, mode) ? MODE[mode] : undefined;
  if (r === undefined) throw invalid(["rounding"], `unknown rounding mode ${typeof mode === "string" ? JSON.stringify(mode) : typeof mode}; use one of ${ROUNDING_MODES.join(", ")}`, "invalid_enum_value");
  return r;
}

/**
 * Rounds to the currency's minor unit with a named mode (default half-up).
 *
 * @category Rounding Modes
 * @param m - the amount
 * @param mode - the rounding mode (default half-up)
 * @throws {ValidationError} `invalid_enum_value` for an unknown mode (path `rounding`), `invalid_type` when `m` is not Money (path `amount`)
 *
 * @example
 * ```ts
 * round(money("0.125"));              // CNY 0.13
 * round(money("0.125"), "half-even"); // CNY 0.12
 * ```
 */
export function round(m: Money, mode: Rounding = DEFAULT_ROUNDING): Money {
  if (mode === "half-up") {
    // The default mode on a scaled amount: one bigint division, no re-checks.
    const fast = roundHalfUpScaled(m);
    if (fast !== undefined) return fast;
  }
  requireMoney(m);
  const u = scaledUnits(m);
  if (u !== undefined) {
    const minor = minorOf(m);
    const s = scaleOf(m);
    if (s <= minor) return m;
    if (mode === "half-up") return fromUnitsAt(roundPow10HalfUp(u, s - minor), m.currency, minor);
    decimalRounding(mode); // the same check and message as the decimal.js path
    return fromUnitsAt(roundQuotient(u, POW10[s - minor]!, mode), m.currency, minor);
  }
  const scale = getCurrency(m.currency).minorUnit;
  if (m.amount.decimalPlaces() <= scale) return m;
  return fromDecimal(m.amount.toDecimalPlaces(scale, decimalRounding(mode)), m.currency);
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
  let away: boolean;
  switch (mode) {
    case "half-up":
    case "half-even": {
      const twice = negative ? -2n * r : 2n * r;
      away = twice > d || (twice === d && (mode === "half-up" || q % 2n !== 0n));
      break;
    }
    case "down":
      away = false;
      break;
    case "up":
      away = true;
      break;
    case "floor":
      away = negative;
      break;
    default: // "ceil"
      away = !negative;
  }
  return away ? (negative ? q - 1n : q + 1n) : q;
}

/**
 * `u ÷ 10^k` (1 ≤ k ≤ 2 × MAX_EXACT_SCALE) rounded half-up: the case of almost every
 * amount, with the half of the power of ten from a table. Internal.
 */
export function roundPow10HalfUp(u: bigint, k: number): bigint {
  // (u ± 10^k / 2) ÷ 10^k, truncated toward zero: u ÷ 10^k rounded half away from zero, in one division.
  return (u < 0n ? u - HALF_POW10[k]! : u + HALF_POW10[k]!) / POW10[k]!;
}

/**
 * Rounds a plain decimal to `places` digits with a named mode.
 *
 * @category Rounding Modes
 * @param value - the decimal to round
 * @param places - the number of decimal places, a whole number from 0 to 1e9
 * @param mode - the rounding mode (default half-up)
 * @throws {ValidationError} when the value is not a finite decimal (path `value`), `places` is out of range (path `places`) or the mode is unknown (path `rounding`)
 *
 * @example
 * ```ts
 * roundDecimal(money("2.262889").amount, 3); // 2.263
 * ```
 */
export function roundDecimal(value: Dec, places: number, mode: Rounding = DEFAULT_ROUNDING): Dec {
  const d = toDecimalOrReason(value);
  if (typeof d === "string") throw invalid(["value"], d, "invalid_decimal");
  if (!Number.isSafeInteger(places) || places < 0 || places > 1e9) throw invalid(["places"], "places is a whole number from 0 to 1e9", "invalid_places");
  return new D(d).toDecimalPlaces(places, decimalRounding(mode));
}

/**
 * True when the amount has no more decimals than its currency allows.
 *
 * @category Rounding Modes
 * @param m - the amount
 * @throws {ValidationError} `invalid_type` when `m` is not Money (path `amount`)
 *
 * @example
 * ```ts
 * isRounded(money("0.125")); // false
 * ```
 */
export function isRounded(m: Money): boolean {
  requireMoney(m);
  return m.amount.decimalPlaces() <= getCurrency(m.currency).minorUnit;
}
