/**
 * Statements for a period: what falls due, is paid, withheld, refunded or clawed back
 * between two dates, for one patient or a cohort, read off the contract ledger.
 *
 * @module
 */
export {
  statementPeriodSchema,
  patientStatement,
  patientStatementInputSchema,
  cohortStatement,
  cohortStatementInputSchema,
  type StatementPeriod,
  type StatementUnits,
  type StatementTotals,
  type PatientStatementInput,
  type PatientStatement,
  type CohortStatementInput,
  type CohortStatementRow,
  type CohortStatement,
} from "./statement.js";
