export { isDecimalText, MAX_SIGNIFICANT_DIGITS, MAX_DECIMAL_TEXT_LENGTH, type Dec, type DecimalInput } from "./decimal.js";
export { registerCurrency, getCurrency, isCurrencyCode, listCurrencies, type Currency } from "./currency.js";
export {
  money,
  zero,
  fromMinorUnits,
  toMinorUnits,
  toJSON,
  fromJSON,
  isMoney,
  amountText,
  type Money,
  type MoneyJSON,
} from "./money.js";
export type { ExactDecimal, ExactDecimalValue, DecimalRoundingCode } from "./exact-decimal.js";
export { round, roundDecimal, isRounded, ROUNDING_MODES, DEFAULT_ROUNDING, type Rounding } from "./rounding.js";
export { add, subtract, negate, abs, multiply, divide, percentage, ratio, assertSameCurrency } from "./arithmetic.js";
export {
  compare,
  equals,
  lessThan,
  lessThanOrEqual,
  greaterThan,
  greaterThanOrEqual,
  isZero,
  isPositive,
  isNegative,
} from "./compare.js";
export { sum, min, max, clamp } from "./aggregate.js";
export { allocate, split, allocateUnits } from "./allocate.js";
export { formatMoney } from "./format.js";
// The other minor-units and formatting helpers (toUnits, unitsOfText, roundedProduct,
// formatUnits, percentText, …) are the chapters' plumbing: imported from
// ./minor-units.js, ./money-units.js and ./format.js, not part of the public surface.
export { fractionOf, divideRounded, unitsText, type Fraction } from "./minor-units.js";
