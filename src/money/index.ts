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
export { formatMoney, formatUnits, decimalText, numberText, groupedText, amountWords, percentText, type PercentPrecision } from "./format.js";
export {
  fractionOf,
  divideRounded,
  unitsText,
  roundedProduct,
  minUnits,
  maxUnits,
  toUnits,
  unitsOfText,
  scaleOf,
  type Fraction,
} from "./minor-units.js";
export { unitsMoney, unitsOfMoneyIn, moneyMaker, type MoneyMaker } from "./money-units.js";
