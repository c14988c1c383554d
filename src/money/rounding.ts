import { invalid } from "../kernel/errors.js";
import { getCurrency } from "./currency.js";
import { D, Decimal, type Dec, toDecimalOrReason } from "./decimal.js";
import { ROUNDING_MODES, roundingRule, roundQuotient, type Rounding } from "./rounding-modes.js";
import { fromDecimal, fromUnitsAt, HALF_POW10, minorOf, POW10, requireMoney, roundHalfUpScaled, scaledUnits, scaleOf, type Money } from "./money.js";

export { ROUNDING_MODES, roundQuotient, type Rounding } from "./rounding-modes.js";

/**
 * The default rounding mode: half-up.
 *
 * @category Rounding Modes
 */
export const DEFAULT_ROUNDING: Rounding = "half-up";

/** decimal.js's constant for a rounding mode; rejects unknown names. */
export function decimalRounding(mode: Rounding): Decimal.Rounding {
  const r = roundingRule(mode)?.decimal;
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
