/**
 * `precision-vbp/budget` — Budget settlement: bundles, DRG and DIP, capitation, target prices, budget impact, reconciliation and fund health.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module budget
 */
export * from "../budget/index.js";
