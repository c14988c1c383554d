/**
 * `precision-vbp/care` — Care programmes: test gates, follow-up, earmarked funds, service packages, provider KPIs and incentive points.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module care
 */
export * from "../care/index.js";
