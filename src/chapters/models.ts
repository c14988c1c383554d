/**
 * `precision-vbp/models` — Decision models: Markov cohort, partitioned survival, microsimulation, model PSA and parametric survival fitting.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module models
 */
export * from "../models/index.js";
export * from "../models/survival-fit/index.js";
