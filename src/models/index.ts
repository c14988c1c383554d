export { modelExpressionSchema, type ModelExpression } from "./expression.js";
export { modelDistributionSchema, type ModelDistributionInput } from "./distributions/registry.js";
export { modelParameterSchema, modelParametersSchema, type ModelParameterInput } from "./parameters.js";
export {
  modelStreamSchema,
  modelStreamsSchema,
  MODEL_TIME_UNITS,
  type ModelTimeUnit,
  type ModelStreamInput,
  type ModelStreamResult,
} from "./streams.js";
export {
  markovModelSchema,
  runMarkovModelInputSchema,
  transitionMatrixSchema,
  runMarkovModel,
  type MarkovModelInput,
  type RunMarkovModelInput,
  type MarkovModelResult,
  type TransitionMatrixInput,
  type CountingMethod,
} from "./markov.js";
export {
  survivalCurveSchema,
  evaluateSurvivalCurveInputSchema,
  evaluateSurvivalCurve,
  type SurvivalCurveInput,
  type EvaluateSurvivalCurveInput,
} from "./survival-curves.js";
export {
  PARTITIONED_SURVIVAL_STATES,
  partitionedSurvivalModelSchema,
  runPartitionedSurvivalInputSchema,
  runPartitionedSurvival,
  type PartitionedSurvivalModelInput,
  type RunPartitionedSurvivalInput,
  type PartitionedSurvivalResult,
} from "./partitioned-survival.js";
export { decisionModelSchema, runModelPsaInputSchema, runModelPsa, type DecisionModelInput, type RunModelPsaInput, type RunModelPsaOptions, type ModelPsaResult } from "./psa.js";
export { toFrontierInputInputSchema, toFrontierInput, type ToFrontierInputInput, type ModelFrontierInput } from "./frontier-input.js";
export { MODEL_VARIABLES, type ModelVariable } from "./expression.js";
export { tunnelsSchema, type TunnelsInput } from "./time-in-state.js";
export { modelAttributesSchema, attributeDeclarationSchema, attributeValuesSchema, type ModelAttributesInput } from "./attributes.js";
export {
  runModelSubgroupsInputSchema,
  runModelSubgroups,
  type RunModelSubgroupsInput,
  type ModelSubgroupsResult,
  type SubgroupResult,
  type SubgroupStreamTotals,
} from "./subgroups.js";
export * from "./microsimulation/index.js";
export {
  priceContractUnderUncertaintyInputSchema,
  priceContractUnderUncertainty,
  type PriceContractUnderUncertaintyInput,
  type ContractPricingResult,
  type PricedCostEffectiveness,
  type PricedPatient,
} from "./contract-pricing.js";
