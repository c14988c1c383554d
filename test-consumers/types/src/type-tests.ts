// Type tests: the shipped declarations keep their types (no silent `any`).
import { money, type Money } from "precision-vbp/money";
import { splitBill, type SplitBillResult } from "precision-vbp/tiers";

// @ts-expect-error Money.amount is the library's ExactDecimal, which has no such method
money("1").amount.noSuchMethod();

// @ts-expect-error an amount is not a number
const n: number = money("1").amount;

// @ts-expect-error Money has no arithmetic methods of its own: use add(), subtract(), …
money("1").plus(money("2"));

// @ts-expect-error splitBill takes one named-argument object
splitBill("100000");

const m: Money = money("1");
const fixed: string = m.amount.plus("0.5").toFixed(2);
const result = null as unknown as SplitBillResult;
const currency: string = result.covered.currency;
export { n, fixed, currency };
