// Making Money: accepted forms, boundaries and the messages of refusals.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { amountText, divide, isMoney, max, money, multiply, toJSON, zero } from "../../src/index.js";
import { D, Decimal } from "../../src/money/decimal.js";
import { issue } from "../typed-errors.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("money(): construction boundaries and messages", () => {
  it("prints zero without a sign and keeps extra decimals", () => {
    // "-0" is zero: printed as 0.00, never -0.00.
    expect(json(money("-0"))).toBe("0.00");
    expect(json(money("-0.000"))).toBe("0.00");
    // 0.125 has 3 decimals, more than CNY's 2: printed as is (max(2, 3) = 3 digits).
    expect(json(money("0.125"))).toBe("0.125");
    // 7 has 0 decimals: padded to max(2, 0) = 2 digits.
    expect(json(money("7"))).toBe("7.00");
    expect(amountText(money("1.5", "BHD"))).toBe("1.500");
    expect(money("12.5").toString()).toBe("CNY 12.50");
  });

  it("refuses surrounding spaces (one rule with the amount schema, L3) and rejects non-decimals with the input quoted", () => {
    expect(issue(() => money(" 1.5 "))).toEqual({ path: ["amount"], code: "invalid_decimal", message: '" 1.5 " is not a decimal amount' });
    expect(issue(() => money("abc"))).toEqual({ path: ["amount"], code: "invalid_decimal", message: '"abc" is not a decimal amount' });
  });

  it("rejects NaN and infinities with their own messages", () => {
    expect(issue(() => money(Number.NaN))).toEqual({ path: ["amount"], code: "not_finite", message: "NaN is not an amount" });
    expect(issue(() => money(Number.POSITIVE_INFINITY))).toEqual({ path: ["amount"], code: "not_finite", message: "Infinity is not an amount" });
    expect(issue(() => money(new Decimal(Number.NaN)))).toEqual({ path: ["amount"], code: "not_finite", message: "NaN is not an amount" });
  });

  it("accepts a JS number exactly at the currency's scale and no finer", () => {
    // 1.25 has 2 decimals = CNY's 2: accepted.
    expect(json(money(1.25))).toBe("1.25");
    // 1.5 has 1 decimal > JPY's 0: rejected.
    expect(issue(() => money(1.5, "JPY"))).toEqual({
      path: ["amount"],
      code: "inexact_number",
      message: "the number 1.5 is not exact at JPY's 0 decimals; pass the amount as a decimal string",
    });
  });

  it("accepts numbers up to 2^53 − 1 minor units, rejects from 2^53 on (either sign)", () => {
    // JPY has 0 decimals, so minor units = the number itself.
    expect(json(money(Number.MAX_SAFE_INTEGER, "JPY"))).toBe("9007199254740991");
    expect(json(money(-Number.MAX_SAFE_INTEGER, "JPY"))).toBe("-9007199254740991");
    const tooBig = issue(() => money(2 ** 53, "JPY"));
    expect(tooBig).toEqual({
      path: ["amount"],
      code: "inexact_number",
      message: "the number 9007199254740992 is beyond the exact range of JS numbers; pass a decimal string",
    });
    expect(issue(() => money(-(2 ** 53), "JPY")).code).toBe("inexact_number");
    // CNY: 90071992547409.91 is not representable, but 2^53 / 100 scaled: 10^14 yuan = 10^16 fen > 2^53 − 1.
    expect(issue(() => money(1e14, "CNY")).code).toBe("inexact_number");
    // 10^13 yuan = 10^15 fen < 2^53 − 1 ≈ 9.007e15: fine.
    expect(json(money(1e13, "CNY"))).toBe("10000000000000.00");
  });

  it("takes Decimals from the host's decimal.js into the library's own 64-digit clone (regression)", () => {
    // A host Decimal configured with 5 significant digits. decimal.js clones share one
    // prototype, so `instanceof D` used to accept it as is and 1/3 came out as 0.33333.
    const Host = Decimal.clone({ precision: 5 });
    const m = money(new Host("1"));
    expect(m.amount.constructor).toBe(D);
    // The library's clone divides to 64 significant digits: 1/3 = 0.333… (64 threes).
    expect(divide(m, 3).amount.toString()).toBe(`0.${"3".repeat(64)}`);
    expect(divide(money("1"), new Host(3)).amount.toString()).toBe(`0.${"3".repeat(64)}`);
    expect(multiply(money("1"), new Host("0.5")).amount.constructor).toBe(D);
    // The library's own Decimals are taken as they are.
    const own = new D("2.5");
    expect(money(own).amount).toBe(own);
  });

  it("names the type of junk", () => {
    expect(issue(() => money(true as unknown as string))).toEqual({
      path: ["amount"],
      code: "invalid_type",
      message: "expected a decimal string, number or Decimal, got boolean",
    });
    expect(issue(() => money([] as unknown as string)).message).toBe("expected a decimal string, number or Decimal, got an array");
  });

  it("isMoney recognises only the library's Money", () => {
    expect(isMoney(money("1"))).toBe(true);
    expect(isMoney({ amount: new D(1), currency: "CNY" })).toBe(false);
    expect(isMoney(null)).toBe(false);
    expect(isMoney("CNY 1.00")).toBe(false);
    // The brand is the private state, not the prototype: an object made from Money's
    // prototype is not Money, and the class cannot be called to make one.
    const proto = Object.getPrototypeOf(money("1")) as object;
    expect(isMoney(Object.create(proto))).toBe(false);
    const Ctor = proto.constructor as new (...args: unknown[]) => unknown;
    expect(() => new Ctor(Symbol("make Money"), "CNY", 2, 5n, 2, null)).toThrow(TypeError);
  });
});
