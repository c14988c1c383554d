// The kernel (typed errors, error codes, brands) is re-exported from here, where it was before.
export * from "../kernel/index.js";
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
