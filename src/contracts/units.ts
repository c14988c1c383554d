// Re-exports of the one minor-units module (src/money/minor-units.ts, format.ts,
// money-units.ts), under the names this chapter's files import. No logic of its own.
export { fractionOf as toFraction, divideRounded as divRound, roundedProduct as shareOf, toUnits, unitsText, type Fraction } from "../money/minor-units.js";
export { groupedText, amountWords } from "../money/format.js";
export { moneyMaker, type MoneyMaker } from "../money/money-units.js";
