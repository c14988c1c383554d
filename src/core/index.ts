export {
  ValidationError,
  DomainError,
  formatPath,
  isLibraryError,
  invalid,
  inconsistent,
  ERROR_CODES,
  isErrorCode,
  type Issue,
  type IssuePath,
  type ErrorCode,
  type ErrorClass,
  type ValidationCode,
  type DomainErrorCode,
} from "./errors.js";
export { brand, deepFreeze, type Brand } from "../kernel/brand.js";
export { parseInput, MAX_DOCUMENT_DEPTH } from "./parse.js";
export { step, formatExplanation, type Step, type Explanation, type ExplainValue } from "./explain.js";
export {
  bandedTable,
  lookupBand,
  bandedTableSchema,
  describeBand,
  describeInterval,
  type Band,
  type BandInput,
  type BandedTable,
  type BandedTableInput,
  type BandClosure,
} from "./bands.js";
export {
  decimal,
  decimalSchema,
  nonNegativeDecimalSchema,
  positiveDecimalSchema,
  rateSchema,
  amount,
  amountSchema,
  nonNegativeAmountSchema,
  currencyCodeSchema,
  moneyOf,
  moneySchema,
  nonNegativeMoneySchema,
  isoDateSchema,
  roundingSchema,
  type DecimalBounds,
} from "./schemas.js";
