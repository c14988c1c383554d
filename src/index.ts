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
export * from "./valuation/index.js";
export * from "./models/index.js";
export * from "./contracts/index.js";
export * from "./tiers/index.js";
export * from "./budget/index.js";
export * from "./plots/index.js";
export * from "./cohort/index.js";
export * from "./care/index.js";
export * from "./models/survival-fit/index.js";
