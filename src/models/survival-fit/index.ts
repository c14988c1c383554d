export { SURVIVAL_FIT_FAMILIES, type SurvivalFitFamily } from "./registry.js";
export {
  fitSurvival,
  fitSurvivalInputSchema,
  type FitSurvivalInput,
  type SurvivalFitResult,
  type SurvivalFitEstimate,
  type SurvivalFitDistribution,
} from "./fit.js";
export { fitSurvivalModels, fitSurvivalModelsInputSchema, type FitSurvivalModelsInput, type SurvivalModelComparison } from "./compare.js";
export { kaplanMeier, kaplanMeierInputSchema, type KaplanMeierInput, type KaplanMeierResult } from "./kaplan-meier.js";
export { reconstructPatientData, reconstructPatientDataInputSchema, type ReconstructPatientDataInput, type ReconstructedPatientData } from "./guyot.js";
export { survivalFitForPsa, survivalFitForPsaInputSchema, type SurvivalFitForPsaInput } from "./psa.js";
export type { ParameterScale } from "./family.js";
export { parametricSurvivalCurveSchema } from "../survival-curves.js";
