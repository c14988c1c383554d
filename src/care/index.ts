/**
 * Care: health management and programme administration — listing lifecycle, follow-up
 * and adherence, incentive points and the follow-up uplift, risk-tier service packages,
 * test before drug, provider KPI benchmarks, unbundling and recovery, earmarked funds
 * (care.md §1–8). Pure functions of dated records and an as-of date.
 *
 * @module
 */
export {
  listingSchema,
  listingEntrySchema,
  listingParametersSchema,
  listingStatusInputSchema,
  listingStatus,
  listingFundShareInputSchema,
  listingFundShare,
  listingPeriodsInputSchema,
  listingPeriods,
  listingReviewDatesInputSchema,
  listingReviewDates,
  type ListingInput,
  type ListingPeriod,
  type ListingReview,
  type ListingStatusResult,
  type ListingFundShare,
  type ListingHistory,
} from "./listing-lifecycle.js";
export {
  listingDecisionSchema,
  admitDecisionSchema,
  keepDecisionSchema,
  adjustRateDecisionSchema,
  renegotiateDecisionSchema,
  delistDecisionSchema,
  type ListingDecision,
  type ListingDecisionKind,
  type ListingState,
  type ListingStatus,
  type DecisionEffect,
} from "./listing-decisions/index.js";
export {
  FOLLOW_UP_STATUSES,
  followUpAssessmentSchema,
  followUpWindowSchema,
  followUpScheduleSchema,
  followUpEventSchema,
  followUpStatusInputSchema,
  followUpStatus,
  followUpCohortInputSchema,
  followUpCohort,
  type FollowUpStatus,
  type FollowUpAssessment,
  type AdherenceRate,
  type FollowUpResult,
  type FollowUpCohortRow,
  type FollowUpCohortResult,
} from "./follow-up.js";
export {
  pointsAwardRuleSchema,
  pointsRulesSchema,
  pointsEventSchema,
  pointsRedemptionSchema,
  incentivePointsInputSchema,
  incentivePoints,
  incentivePointsCohortInputSchema,
  incentivePointsCohort,
  followUpUpliftInputSchema,
  followUpUplift,
  type AwardPeriod,
  type PointsLedgerLine,
  type PointsEventOutcome,
  type IncentivePointsResult,
  type IncentivePointsCohortRow,
  type FollowUpUplift,
} from "./incentive-points.js";
export {
  DEFAULT_RISK_TIERS,
  DEFAULT_SERVICE_PACKAGES,
  riskTierTableSchema,
  riskTierInputSchema,
  riskTier,
  servicePackageItemSchema,
  servicePackageSchema,
  servicePackageCostInputSchema,
  servicePackageCost,
  packageEnrolmentSchema,
  packageClaimLineSchema,
  classifyPackageClaimsInputSchema,
  classifyPackageClaims,
  type RiskTier,
  type ServicePackageInput,
  type ServicePackageCost,
  type PackageLineClass,
  type PackageYear,
  type PackageLine,
  type PackageClaims,
} from "./service-packages.js";
export { anchoredSeries } from "../contracts/anchored-series.js";
export {
  checkTestGate,
  checkTestGateInputSchema,
  checkTestResult,
  checkTestResultInputSchema,
  testGateSchema,
  testResultSchema,
  TEST_GATE_REJECTIONS,
  type TestGateRejection,
  type TestGateInput,
  type TestGate,
  type TestResult,
  type TestGateResult,
  type UsedTestResult,
} from "./test-gate.js";
export { qualifyingResultSchema, type QualifyingResult } from "./qualifying-results/index.js";
export { categoryQualifyingSchema, type CategoryQualifying } from "./qualifying-results/category.js";
export { levelQualifyingSchema, type LevelQualifying } from "./qualifying-results/level.js";
export {
  testGateSetSchema,
  testGatePredicate,
  testGatePredicateInputSchema,
  triageWithTestGate,
  triageWithTestGateInputSchema,
  type TestGateSetInput,
  type TriageWithTestGateResult,
} from "./test-gate-triage.js";
export {
  benchmarkProviderKpi,
  benchmarkProviderKpiInputSchema,
  type ProviderKpiBenchmark,
  type ProviderKpiLine,
  type ProviderKpiStatus,
} from "./provider-kpis.js";
export { kpiComparisonSchema, type KpiComparison } from "./kpi-comparisons/index.js";
export { targetComparisonSchema, type TargetComparison } from "./kpi-comparisons/target.js";
export { referenceComparisonSchema, type ReferenceComparison } from "./kpi-comparisons/reference.js";
export { pooledComparisonSchema, type PooledComparison } from "./kpi-comparisons/pooled.js";
export {
  detectUnbundling,
  detectUnbundlingInputSchema,
  unbundlingPackageSchema,
  unbundlingClaimLineSchema,
  type UnbundlingPackageInput,
  type UnbundlingLineStatus,
  type UnbundlingLine,
  type UnbundledEpisode,
  type UnbundlingResult,
} from "./unbundling.js";
export {
  recoveryLedger,
  recoveryLedgerInputSchema,
  recoveryEntrySchema,
  type RecoveryEntryInput,
  type RecoveryLine,
  type RecoveryLedger,
} from "./recovery-ledger.js";
export {
  earmarkedFundLedger,
  earmarkedFundLedgerInputSchema,
  earmarkedFundSchema,
  fundPaymentSchema,
  type EarmarkedFundLedgerInput,
  type FundLedgerLine,
  type EarmarkedFundLedger,
} from "./earmarked-fund.js";
export { fundFloorSchema, type FundFloor } from "./fund-floors/index.js";
export { amountFloorSchema, type AmountFloor } from "./fund-floors/amount.js";
export { shareOfYearFloorSchema, type ShareOfYearFloor } from "./fund-floors/share-of-year.js";
