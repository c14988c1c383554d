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
  bundleLimitSchema,
  bundleSettlementTermsSchema,
  settleBundleInputSchema,
  settleBundle,
  type BundleInput,
  type BundleComponentLine,
  type BundlePriceResult,
  type BundleSettlementTerms,
  type BundleSettlement,
} from "./bundle.js";
export { reconcileTargetPriceInputSchema, reconcileTargetPrice, type TargetPriceReconciliation } from "./target-price.js";
export {
  reconcileProviderBundlesInputSchema,
  reconcileProviderBundles,
  type ProviderEpisodeLine,
  type ProviderBundleReconciliation,
} from "./provider-reconciliation.js";
export {
  drgOutlierRuleSchema,
  drgCoefficientSchema,
  drgPaymentInputSchema,
  drgPayment,
  drgTechnologyCostInputSchema,
  drgTechnologyCost,
  drgEfficacyCoefficientInputSchema,
  drgEfficacyCoefficient,
  type DrgOutlierRule,
  type DrgPayment,
  type DrgTechnologyCost,
  type DrgEfficacyCoefficient,
} from "./drg.js";
export {
  dipPointValueInputSchema,
  dipPointValue,
  dipOutlierRuleSchema,
  dipOutlierBandsSchema,
  DIP_DEFAULT_OUTLIER_BANDS,
  dipCasePaymentInputSchema,
  dipCasePayment,
  MAX_HOSPITAL_COEFFICIENT,
  allocateDipBudgetInputSchema,
  allocateDipBudget,
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
  capitationPanelPaymentInputSchema,
  capitationPanelPayment,
  type CapitationAdjustment,
  type CapitationTarget,
  type CapitationPayment,
  type CapitationPanelPayment,
} from "./capitation.js";
export {
  budgetImpactInputSchema,
  budgetImpact,
  budgetImpactScenariosInputSchema,
  budgetImpactScenarios,
  type BudgetImpactInput,
  type BudgetImpactYear,
  type BudgetImpact,
  type BudgetImpactScenarios,
} from "./budget-impact.js";
export { fundHealthInputSchema, fundHealth, type FundHealth } from "./fund-health.js";
export { detectCostAnomaliesInputSchema, detectCostAnomalies, type CostAnomalyLine, type CostAnomalies } from "./cost-anomaly.js";
export * from "./reconciliation/index.js";
export {
  ippsHospitalSchema,
  ippsCaseSchema,
  ippsPaymentInputSchema,
  ippsPaymentsInputSchema,
  ippsPayment,
  ippsPayments,
  type IppsHospital,
  type IppsPayment,
  type IppsPayments,
} from "./prospective-price.js";
