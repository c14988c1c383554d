// Sensitivity analysis: one-way (with the tornado) and two-way, on deterministic models
// or on regression metamodels of PSA draws.
export { sensitivitySourceSchema, type SensitivitySourceInput } from "./sources.js";
export { modelSourceSchema } from "./model-source.js";
export { metamodelSourceSchema } from "./metamodel-source.js";
export type { MetamodelFit } from "./source.js";
export { oneWayRangeSchema, twoWayRangeSchema, type OneWayRangeInput, type TwoWayRangeInput } from "./ranges.js";
export { sensitivityOutcomeSchema, type SensitivityOutcome, type SensitivityOutcomeInput, type SensitivityOutcomes, type SensitivityStrategyOutcome } from "./outcomes.js";
export type { DecisionThreshold } from "./thresholds.js";
export {
  oneWaySensitivity,
  oneWaySensitivityInputSchema,
  type OneWaySensitivityInput,
  type OneWaySensitivityResult,
  type OneWayParameter,
  type OneWayPoint,
  type Tornado,
  type TornadoBar,
} from "./one-way.js";
export { twoWaySensitivity, twoWaySensitivityInputSchema, type TwoWaySensitivityInput, type TwoWaySensitivityResult, type TwoWayAxis } from "./two-way.js";
