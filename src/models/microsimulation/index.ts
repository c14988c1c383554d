export {
  runMicrosimulationInputSchema,
  microsimulationModelSchema,
  microsimulationEventsSchema,
  attributeSamplerSchema,
  simulatedPatientSchema,
  subgroupBySchema,
  type RunMicrosimulationInput,
  type MicrosimulationEventsInput,
} from "./schema.js";
export {
  runMicrosimulation,
  type MicrosimulationResult,
  type MicrosimulationStreamSummary,
  type MicrosimulationSubgroup,
  type SimulatedPatientRecord,
} from "./run.js";
