/**
 * `precision-vbp/cohort` — Settling a whole cohort of patients against one contract, streaming, with running totals.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module cohort
 */
export * from "../cohort/index.js";
