/**
 * `precision-vbp/valuation` — Health-economic valuation: QALYs, discounting, ICERs, the efficiency frontier, thresholds, net benefit, PSA summaries, sensitivity analysis and value of information.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module valuation
 */
export * from "../valuation/index.js";
