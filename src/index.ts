/**
 * precision-vbp — value-based payment for precision medicine.
 *
 * Exact money, health-economic valuation, outcome-based contracts, multi-payer bill
 * splits and provider/fund budget settlement, as pure functions over JSON data.
 *
 * @packageDocumentation
 */
export * from "./core/index.js";
export * from "./money/index.js";
