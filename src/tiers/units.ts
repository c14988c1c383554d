// Re-exports of the one minor-units module (src/money/minor-units.ts, money-units.ts),
// under the names this chapter's files import. No logic of its own.
export { fractionOf, roundedProduct, minUnits, maxUnits, toUnits, unitsText, scaleOf, type Fraction } from "../money/minor-units.js";
export { unitsMoney } from "../money/money-units.js";
