export {
  settleCohort,
  settleCohortPatient,
  prepareCohortSettlement,
  isCohortSettlementError,
  emptyCohortTotals,
  addToCohortTotals,
  cohortTotalsToJSON,
  cohortPatientSchema,
  type CohortPatient,
  type CohortSettlementRecord,
  type CohortSettlementError,
  type CohortSettlementOptions,
  type PreparedCohortSettlement,
  type CohortTotals,
  type CohortTotalsJSON,
} from "./settle-cohort.js";
export { mergeCohortTotals, cohortTotalsFromJSON } from "./merge-totals.js";
