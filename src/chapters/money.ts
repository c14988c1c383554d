/**
 * `precision-vbp/money` — Exact amounts: Money, currencies, rounding, arithmetic, comparison, allocation by largest remainder and formatting.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module money
 */
export * from "../money/index.js";
