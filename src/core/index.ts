// The typed errors and error codes live in the kernel; they are re-exported from here,
// where they were before. (The kernel's `invalid`, `inconsistent`, `brand` and
// `deepFreeze` are plumbing, imported from src/kernel by the chapters, not public.)
export {
  ValidationError,
  DomainError,
  formatPath,
  isLibraryError,
  ERROR_CODES,
  isErrorCode,
  type Issue,
  type IssuePath,
  type ErrorCode,
  type ErrorClass,
  type ValidationCode,
  type DomainErrorCode,
} from "../kernel/index.js";
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
