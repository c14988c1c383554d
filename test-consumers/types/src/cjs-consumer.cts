// The CommonJS declarations (.d.cts) from a CommonJS module.
import lib = require("precision-vbp");
import moneyChapter = require("precision-vbp/money");

const m = moneyChapter.money("2.50");
const text: string = lib.formatMoney(m);
// @ts-expect-error no such method on the library's ExactDecimal
m.amount.noSuchMethod();
export = text;
