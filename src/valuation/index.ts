// Valuation: QALYs, ICERs, the frontier, net benefit, thresholds, PSA, value-based
// price, the multi-dimension value score and the admission assessment.
export { type CycleTiming, cycleTimingSchema } from "./discounting.js";
export { qaly, qalyInputSchema, type QalyInput, type QalyResult, type QalyCycle } from "./qaly.js";
export { discountedCost, discountedCostInputSchema, type DiscountedCostInput, type DiscountedCostResult } from "./discounted-cost.js";
export { icer, icerInputSchema, quadrantOf, quadrantOfInputSchema, type QuadrantOfInput, type IcerInput, type IcerResult, type Quadrant, type IcerReading } from "./icer.js";
export { netBenefit, netBenefitInputSchema, type NetBenefitInput, type NetBenefitResult, type StrategyNetBenefit } from "./net-benefit.js";
export { frontier, frontierInputSchema, type FrontierInput, type FrontierResult, type FrontierStrategy, type FrontierStatus } from "./frontier.js";
export { optimalStrategy, optimalStrategyInputSchema, type OptimalStrategyInput, type OptimalStrategyResult, type LambdaInput } from "./optimal-strategy.js";
export {
  classifyIcerByGdp,
  classifyIcerByGdpInputSchema,
  applyThreshold,
  applyThresholdInputSchema,
  selectThreshold,
  selectThresholdInputSchema,
  thresholdPolicySchema,
  thresholdConditionSchema,
  type ClassifyIcerByGdpInput,
  type GdpBand,
  type GdpBandResult,
  type ApplyThresholdInput,
  type ThresholdResult,
  type ThresholdVerdict,
  type SelectThresholdInput,
  type SelectedThreshold,
} from "./thresholds.js";
export { valueBasedPrice, valueBasedPriceInputSchema, type ValueBasedPriceInput, type ValueBasedPriceResult } from "./value-based-price.js";
export {
  analyzePsa,
  analyzePsaInputSchema,
  psaInputFromDraws,
  psaInputFromDrawsInputSchema,
  type AnalyzePsaInput,
  type PsaResult,
  type PsaPoint,
  type PsaInputFromDrawsInput,
  createPsaAccumulator,
  addPsaDraws,
  finishPsa,
  analyzePsaChunks,
  psaAccumulatorInputSchema,
  type PsaAccumulator,
  type PsaAccumulatorInput,
  type PsaDrawsChunk,
} from "./psa.js";
export { valueScore, valueScoreInputSchema, type ValueScoreInput, type ValueScoreResult } from "./value-score.js";
export {
  assessAdmission,
  assessAdmissionInputSchema,
  admissionTechnologySchema,
  admissionRulesSchema,
  therapyTypeSchema,
  type AssessAdmissionInput,
  type AdmissionResult,
  type AdmissionDimension,
  type AdmissionStage,
  type DimensionOutcome,
} from "./admission.js";
export {
  oneWaySensitivity,
  oneWaySensitivityInputSchema,
  twoWaySensitivity,
  twoWaySensitivityInputSchema,
  sensitivitySourceSchema,
  modelSourceSchema,
  metamodelSourceSchema,
  oneWayRangeSchema,
  twoWayRangeSchema,
  sensitivityOutcomeSchema,
  type SensitivitySourceInput,
  type MetamodelFit,
  type OneWayRangeInput,
  type TwoWayRangeInput,
  type SensitivityOutcome,
  type SensitivityOutcomeInput,
  type SensitivityOutcomes,
  type SensitivityStrategyOutcome,
  type DecisionThreshold,
  type OneWaySensitivityInput,
  type OneWaySensitivityResult,
  type OneWayParameter,
  type OneWayPoint,
  type Tornado,
  type TornadoBar,
  type TwoWaySensitivityInput,
  type TwoWaySensitivityResult,
  type TwoWayAxis,
} from "./sensitivity/index.js";
export * from "./voi/index.js";
