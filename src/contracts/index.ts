/**
 * Outcome-based contracts: terms as JSON data, patient events, ledgers, cohort terms,
 * present value and installment financing.
 *
 * @module
 */
export { addOffset as addDueOffset, isCalendarDate, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR, type DueOffset } from "./calendar.js";
export {
  OUTCOME_EVENT_KINDS,
  RESPONSE_CATEGORIES,
  outcomeEventSchema,
  outcomeEventsSchema,
  type OutcomeEvent,
  type OutcomeEventKind,
  type ResponseCategory,
} from "./events.js";
export {
  dueOffsetSchema,
  eventMatcherSchema,
  conditionSchema,
  installmentTermSchema,
  scheduleTermSchema,
  financingTermSchema,
  perTreatedMonthTermSchema,
  paymentTermSchema,
  bonusTermSchema,
  refundTermSchema,
  effectivePeriodSchema,
  contractSchema,
  contractVersionsSchema,
  type ContractInput,
  type ContractTerms,
  type ContractVersionsInput,
  type ConditionTerms,
  type EventMatcher,
} from "./terms.js";
export {
  parseContract,
  parseContractVersions,
  isParsedContract,
  isParsedContractVersions,
  type ParsedContract,
  type ParsedContractVersions,
  type ParsedCondition,
  type ParsedInstallment,
  type ParsedPayment,
  type ParsedBonus,
  type ParsedRefund,
} from "./parse-contract.js";
export { evaluateContract, evaluateContractInputSchema, type ContractLike } from "./evaluate-contract.js";
export type { ContractEvaluation, LedgerLine, LedgerLineKind, LedgerTotals, MinorUnitLedgerTotals, FailedCondition } from "./ledger.js";
export {
  schedulePresentValue,
  schedulePresentValueInputSchema,
  type SchedulePresentValueInput,
  type SchedulePresentValueResult,
} from "./present-value.js";
export {
  installmentFinancing,
  installmentFinancingInputSchema,
  type InstallmentFinancingInput,
  type InstallmentFinancingResult,
} from "./financing.js";
export {
  evaluateCohortTerms,
  evaluateCohortTermsInputSchema,
  cohortTermSchema,
  cohortOutcomeSummarySchema,
  type CohortTermInput,
  type CohortOutcomeSummaryInput,
  type EvaluateCohortTermsInput,
  type CohortEvaluation,
  type CohortTermResult,
  type CohortLine,
} from "./cohort-terms.js";
export {
  evaluateContractMinorUnits,
  type MinorUnitContractEvaluation,
  type MinorUnitLedgerLine,
} from "./evaluate-contract-minor-units.js";
