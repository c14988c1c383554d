// Coordination of benefits: order of benefits, secondary methods, Medicare Secondary Payer, whole claims.
export { coordinateBenefits, coordinateBenefitsInputSchema, type CoordinateBenefitsResult } from "./coordinate-benefits.js";
export {
  coveredPersonSchema,
  coveringParentSchema,
  planCoverageSchema,
  type CoveredPerson,
  type PlanCoverage,
  type PlanCoverageInput,
} from "./coverage.js";
export { determineBenefitOrder, determineBenefitOrderInputSchema, type BenefitOrderResult, type PairVerdict } from "./benefit-order.js";
export { ORDER_RULES } from "./order-rules/registry.js";
export type { OrderRule, OrderVerdict, RankedPlan } from "./order-rules/rule.js";
export { SECONDARY_METHODS, secondaryMethodSchema, type SecondaryMethodKind, type SecondaryMethodDoc } from "./methods/registry.js";
export type { SecondaryMethod, SecondaryFacts, MethodOutcome } from "./methods/method.js";
export { medicareSecondaryPayment, medicareSecondaryPaymentInputSchema, type MedicareSecondaryPaymentResult } from "./medicare-secondary.js";
export { benefitReserveSchema, type BenefitReserve, type BenefitReserveInput } from "./benefit-reserve.js";
export {
  coordinateClaim,
  coordinateClaimInputSchema,
  type CoordinateClaimInput,
  type CoordinateClaimResult,
  type CoordinatedPlanPayment,
} from "./coordinate-claim.js";
