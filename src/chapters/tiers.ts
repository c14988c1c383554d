/**
 * `precision-vbp/tiers` — Multi-payer bill splits: coverage layers, accumulators, coordination of benefits, catastrophic cover and triage.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module tiers
 */
export * from "../tiers/index.js";
