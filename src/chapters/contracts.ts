/**
 * `precision-vbp/contracts` — Outcome-based agreements: contract documents, patient events, dated ledgers, cohort-level terms, financing and present value.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module contracts
 */
export * from "../contracts/index.js";
