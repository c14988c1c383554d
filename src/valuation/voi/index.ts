// Value of information and PSA summaries: EVPPI, EVSI (with ENBS), per-strategy and
// incremental PSA summaries.
export { evppi, evppiInputSchema, type EvppiInput, type EvppiResult, type EvppiGroup, type EvppiPoint, type EvppiFit } from "./evppi.js";
export { evsi, evsiInputSchema, studyCostSchema, type EvsiInput, type EvsiResult, type EvsiPoint, type EvsiSample } from "./evsi.js";
export { metamodelSchema, type Metamodel, type MetamodelInput } from "./metamodels.js";
export { polyMethodSchema, type PolyMethod } from "./metamodel-poly.js";
export { splineMethodSchema, type SplineMethod, MAX_SPLINE_COLUMNS } from "./metamodel-spline.js";
export { sampledParameterSchema } from "./voi-input.js";
export {
  summarizePsa,
  summarizePsaInputSchema,
  type SummarizePsaInput,
  type PsaSummaryResult,
  type StrategySummary,
  type ComparisonSummary,
  type DrawSummary,
} from "./psa-summary.js";
export { quantile, quantileInputSchema, type QuantileInput } from "./quantile.js";
