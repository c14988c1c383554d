/**
 * Budget: how a payer settles with providers under fixed-price payment (bundles,
 * DRG, DIP, capitation with performance), and whether a fund can afford a new
 * therapy (budget impact, fund health, cost anomalies).
 *
 * @module
 */
export {
  bundleComponentSchema,
  bundleSchema,
  bundlePriceInputSchema,
  bundlePrice,
  type BundlePriceInput,
  bundleLimitSchema,
  bundleSettlementTermsSchema,
  settleBundleInputSchema,
  settleBundle,
  type SettleBundleInput,
  type BundleInput,
  type BundleComponentLine,
  type BundlePriceResult,
  type BundleSettlementTerms,
  type BundleSettlement,
} from "./bundle.js";
export { reconcileTargetPriceInputSchema, reconcileTargetPrice, type ReconcileTargetPriceInput, type TargetPriceReconciliation } from "./target-price.js";
export {
  reconcileProviderBundlesInputSchema,
  reconcileProviderBundles,
  type ReconcileProviderBundlesInput,
  type ProviderEpisodeLine,
  type ProviderBundleReconciliation,
} from "./provider-reconciliation.js";
export {
  drgOutlierRuleSchema,
  drgCoefficientSchema,
  drgPaymentInputSchema,
  drgPayment,
  type DrgPaymentInput,
  drgTechnologyCostInputSchema,
  drgTechnologyCost,
  type DrgTechnologyCostInput,
  drgEfficacyCoefficientInputSchema,
  drgEfficacyCoefficient,
  type DrgEfficacyCoefficientInput,
  type DrgOutlierRule,
  type DrgPayment,
  type DrgTechnologyCost,
  type DrgEfficacyCoefficient,
} from "./drg.js";
export {
  dipPointValueInputSchema,
  dipPointValue,
  type DipPointValueInput,
  dipOutlierRuleSchema,
  dipOutlierBandsSchema,
  DIP_DEFAULT_OUTLIER_BANDS,
  dipCasePaymentInputSchema,
  dipCasePayment,
  type DipCasePaymentInput,
  MAX_HOSPITAL_COEFFICIENT,
  allocateDipBudgetInputSchema,
  allocateDipBudget,
  type AllocateDipBudgetInput,
  type DipPointValue,
  type DipOutlierRule,
  type DipCasePayment,
  type DipBudgetAllocation,
} from "./dip.js";
export {
  capitationAdjustmentSchema,
  capitationTargetSchema,
  capitationPaymentInputSchema,
  capitationPayment,
  type CapitationPaymentInput,
  capitationPanelPaymentInputSchema,
  capitationPanelPayment,
  type CapitationPanelPaymentInput,
  type CapitationAdjustment,
  type CapitationTarget,
  type CapitationPayment,
  type CapitationPanelPayment,
} from "./capitation.js";
export {
  budgetImpactInputSchema,
  MAX_BUDGET_IMPACT_YEARS,
  MAX_BUDGET_IMPACT_SCENARIOS,
  budgetImpact,
  budgetImpactScenariosInputSchema,
  budgetImpactScenarios,
  type BudgetImpactScenariosInput,
  type BudgetImpactInput,
  type BudgetImpactYear,
  type BudgetImpact,
  type BudgetImpactScenarios,
} from "./budget-impact.js";
export { fundHealthInputSchema, fundHealth, type FundHealthInput, type FundHealth } from "./fund-health.js";
export { detectCostAnomaliesInputSchema, detectCostAnomalies, type DetectCostAnomaliesInput, type CostAnomalyLine, type CostAnomalies } from "./cost-anomaly.js";
export * from "./reconciliation/index.js";
export {
  ippsHospitalSchema,
  ippsCaseSchema,
  ippsPaymentInputSchema,
  ippsPaymentsInputSchema,
  ippsPayment,
  ippsPayments,
  type IppsPaymentInput,
  type IppsPaymentsInput,
  type IppsHospital,
  type IppsPayment,
  type IppsPayments,
} from "./prospective-price.js";
