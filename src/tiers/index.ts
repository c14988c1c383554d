/**
 * Tiers: who pays which part of a bill (coverage layers, annual accumulators,
 * coordination of benefits), stratified reimbursement rates, and claim review triage.
 *
 * @module
 */
export {
  coverageLayerSchema,
  coveragePlanSchema,
  parseLayers,
  isCoveragePlan,
  COVERAGE_LAYER_KIND_NAMES,
  type CoverageLayerKind,
  type CoverageLayerInput,
  type CoveragePlanInput,
  type CoverageLayer,
  type CoveragePlan,
  type ManufacturerProgram,
  type UnitBand,
  type ParsedLayerCommon,
} from "./layers.js";
export {
  annualAccumulatorsSchema,
  familyAccumulatorsSchema,
  startBenefitYear,
  startBenefitYearInputSchema,
  type AnnualAccumulators,
  type AnnualAccumulatorsInput,
  type FamilyAccumulators,
  type FamilyAccumulatorsInput,
  type LayerAccumulator,
} from "./accumulators.js";
export {
  splitBill,
  splitBillInputSchema,
  type SplitBillInput,
  type SplitBillResult,
  type LayerPayment,
  type LineSplit,
  type LineLayerPayment,
} from "./split-bill.js";
export { billLineSchema, categoryTermsSchema, CATALOGUE_CLASSES, type BillLineInput, type CatalogueClass, type CategoryTerms } from "./categories.js";
export { limitFields, type LayerLimits } from "./limits.js";
export { layerVariantSchema, type VariantRule } from "./variants.js";
export type { BasicLayer } from "./layers/basic.js";
export type { SupplementaryLayer } from "./layers/supplementary.js";
export type { CommercialLayer } from "./layers/commercial.js";
export type { ManufacturerLayer } from "./layers/manufacturer.js";
export type { AssistanceLayer } from "./layers/assistance.js";
export type { PoolLayer } from "./layers/pool.js";
export type {
  LayerKind,
  LayerVariant,
  LayerCovers,
  LayerClaimFacts,
  LayerPlanContext,
  LayerPart,
  LayerPrepareContext,
  LayerRuleDescription,
  MinorUnitFamilyAccumulator,
} from "./layers/kind.js";
export { buyGetFreeUnits, buyGetFreeUnitsInputSchema, type BuyGetFreeUnitsResult } from "./buy-get.js";
export {
  stratifiedRateSchema,
  resolveStratifiedRate,
  type ResolveStratifiedRateInput,
  type StratifiedRate,
  type StratifiedRateInput,
  type ResolvedRate,
  type PatientAttributes,
} from "./stratified-rate.js";
export {
  splitBillMinorUnits,
  type SplitBillMinorUnitsInput,
  type MinorUnitClaim,
  type MinorUnitLine,
  type MinorUnitSplit,
  type LayerLimitedBy,
} from "./waterfall.js";
export type { MinorUnitAccumulator } from "./accumulators.js";
export {
  coordinateBenefits,
  coordinateBenefitsInputSchema,
  type CoordinateBenefitsResult,
  coveredPersonSchema,
  coveringParentSchema,
  planCoverageSchema,
  type CoveredPerson,
  type PlanCoverage,
  type PlanCoverageInput,
  determineBenefitOrder,
  determineBenefitOrderInputSchema,
  type BenefitOrderResult,
  type PairVerdict,
  ORDER_RULES,
  type OrderRule,
  type OrderVerdict,
  type RankedPlan,
  SECONDARY_METHODS,
  secondaryMethodSchema,
  type SecondaryMethodKind,
  type SecondaryMethodDoc,
  type SecondaryMethod,
  type SecondaryFacts,
  type MethodOutcome,
  medicareSecondaryPayment,
  medicareSecondaryPaymentInputSchema,
  type MedicareSecondaryPaymentResult,
  benefitReserveSchema,
  type BenefitReserve,
  type BenefitReserveInput,
  coordinateClaim,
  coordinateClaimInputSchema,
  type CoordinateClaimInput,
  type CoordinateClaimResult,
  type CoordinatedPlanPayment,
} from "./coordination/index.js";
export { catastrophicBurden, catastrophicBurdenInputSchema, type CatastrophicBurdenResult } from "./catastrophic.js";
export {
  stratifiedReimbursement,
  stratifiedReimbursementInputSchema,
  type StratifiedReimbursementResult,
} from "./stratified-reimbursement.js";
export {
  greenChannelDeadlines,
  greenChannelDeadlinesInputSchema,
  isoInstantSchema,
  formatInstant,
  type FormatInstantInput,
  type DueCheck,
  type GreenChannelDeadlinesResult,
} from "./green-channel.js";
export {
  triageClaim,
  triageClaimInputSchema,
  claimReviewRulesSchema,
  REVIEW_ACTIONS,
  type ReviewRisk,
  type TriageClaimResult,
} from "./triage.js";
export {
  addWorkingDays,
  addWorkingDaysInputSchema,
  countWorkingDays,
  countWorkingDaysInputSchema,
  reviewDeadline,
  reviewDeadlineInputSchema,
  workingDayCalendarSchema,
  type WorkingDayCalendarInput,
  type ReviewDeadlineResult,
} from "./working-days.js";
