/**
 * Outcome-based contracts: terms as JSON data (one file per term kind, assembled from
 * registries), patient events, ledgers, cohort rules, present value and installment financing.
 *
 * @module
 */
export { addDueOffset, type AddDueOffsetInput, isCalendarDate, MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR, type DueOffset } from "./calendar.js";
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
  shareSchema,
  type ExactShare,
  type ContractInput,
  type ContractTerms,
  type ContractVersionsInput,
  type ConditionTerms,
  type EventMatcher,
} from "./contract-schema.js";
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
export { PAYMENT_KINDS, BONUS_KINDS, RETURN_KINDS, type PreparedOf } from "./terms/registry.js";
export type { EventLookup, RememberedAnswer } from "./conditions.js";
export type {
  PayingTermKind,
  ReturnTermKind,
  PrepareContext,
  MatchersOfKind,
  DraftContext,
  Draft,
  DraftWords,
  PaidMonth,
  PreparedTerm,
  PreparedReturn,
  ReturnTrigger,
} from "./terms/kind.js";
export { fixedBonusTermSchema, type ParsedFixedBonus } from "./terms/fixed-bonus.js";
export { perTreatedMonthBonusTermSchema, type ParsedPerTreatedMonthBonus } from "./terms/per-treated-month-bonus.js";
export type { ParsedSchedule } from "./terms/schedule.js";
export type { ParsedFinancing } from "./terms/financing.js";
export type { ParsedPerTreatedMonth } from "./terms/per-treated-month.js";
export { refundKindSchema, type ParsedRefundTerm } from "./terms/refund.js";
export { clawbackKindSchema, type ParsedClawbackTerm } from "./terms/clawback.js";
export type { ParsedEventReturn } from "./terms/returns.js";
export { evaluateContract, evaluateContractInputSchema, type ContractLike, type EvaluateContractInput } from "./evaluate-contract.js";
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
} from "./evaluate-cohort-terms.js";
export { COHORT_RULE_KINDS, type CohortTerm } from "./cohort-rules/registry.js";
export type { CohortRuleKind, CohortRuleSettlement, CohortOutcomeSummary } from "./cohort-rules/rule-kind.js";
export { performanceDeductionRuleSchema } from "./cohort-rules/performance-deduction.js";
export { outcomeTiersRuleSchema } from "./cohort-rules/outcome-tiers.js";
export { continuationGateRuleSchema } from "./cohort-rules/continuation-gate.js";
export { evidenceRepricingRuleSchema, SUPERIORITY_UPLIFT_RANGE } from "./cohort-rules/evidence-repricing.js";
export { managedEntryRuleSchema } from "./cohort-rules/managed-entry.js";
export {
  evaluateContractMinorUnits,
  type MinorUnitContractEvaluation,
  type MinorUnitLedgerLine,
} from "./evaluate-contract-minor-units.js";
export * from "./outcomes/index.js";
export * from "./statements/index.js";
export type { ParsedMilestoneBonus } from "./terms/milestone-bonus.js";
export type { ParsedPerCycle } from "./terms/per-cycle.js";
export type { ParsedDeadlineReturn, DeadlineSpec } from "./terms/deadline.js";
