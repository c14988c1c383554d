// Report formatting of Money.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { formatMoney, money, toJSON } from "../../src/index.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("formatting", () => {
  it("groups thousands only in the integer part", () => {
    expect(formatMoney(money("999.99"))).toBe("CNY 999.99");
    expect(formatMoney(money("1000"))).toBe("CNY 1,000.00");
    expect(formatMoney(money("-999"))).toBe("CNY -999.00");
    expect(formatMoney(money("1234567.891"))).toBe("CNY 1,234,567.891");
    expect(formatMoney(money("-1000000", "JPY"), { currency: false })).toBe("-1,000,000");
    expect(formatMoney(money("5"), { currency: true })).toBe("CNY 5.00");
  });
});
