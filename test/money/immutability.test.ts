// Money is immutable without being frozen (issue 22: freezing every new value cost most of
// an add): its state is private, its public properties are getters without setters, and
// its prototype is frozen. These tests pin what that guarantees, and that deep equality
// (which cannot see private state) still tells different amounts apart.
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { add, amountText, equals, money, multiply, round, toJSON, toMinorUnits } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

describe("Money is immutable", () => {
  it("assigning a property throws (modules are strict) and changes nothing", () => {
    const m = money("12.50", "CNY");
    expect(() => {
      (m as { currency: string }).currency = "USD";
    }).toThrow(TypeError);
    expect(() => {
      (m as unknown as { amount: unknown }).amount = money("99").amount;
    }).toThrow(TypeError);
    expect(m.currency).toBe("CNY");
    expect(m.toString()).toBe("CNY 12.50");
    expect(toMinorUnits(m)).toBe(1250n);
  });

  it("has no own properties to change: its state is private", () => {
    const m = money("12.50", "CNY");
    expect(Reflect.ownKeys(m)).toEqual([]);
    expect(Object.keys(m)).toEqual([]);
    // JSON still has both fields (toJSON is on the prototype).
    expect(JSON.stringify(m)).toBe('{"amount":"12.50","currency":"CNY"}');
  });

  it("its prototype is frozen: no getter or method can be swapped for every Money at once", () => {
    const proto = Object.getPrototypeOf(money("1")) as object;
    expect(Object.isFrozen(proto)).toBe(true);
    expect(() => Object.defineProperty(proto, "amount", { get: () => 0 })).toThrow(TypeError);
    expect(() => {
      (proto as { toString: () => string }).toString = () => "forged";
    }).toThrow(TypeError);
    expect(Object.isFrozen(proto.constructor)).toBe(true);
    expect(money("1").toString()).toBe("CNY 1.00");
  });

  it("a property defined on one value shadows only what that value shows; its JSON, text and the fast paths read the private state", () => {
    const m = money("12.50", "CNY");
    Object.defineProperty(m, "currency", { value: "USD" });
    Object.defineProperty(m, "amount", { value: money("99").amount });
    // 12.50 + 1.00 in CNY: the held amount and currency, not the shadows.
    expect(add(m, money("1.00", "CNY")).toString()).toBe("CNY 13.50");
    expect(toJSON(m)).toEqual({ amount: "12.50", currency: "CNY" });
    expect(String(m)).toBe("CNY 12.50");
    expect(amountText(round(multiply(m, "0.5")))).toBe("6.25");
  });

  it("the Decimal it hands out is frozen, so the amount cannot be changed through it", () => {
    const m = money("12.50", "CNY");
    expect(() => {
      (m.amount as unknown as { s: number }).s = -1;
    }).toThrow(TypeError);
    expect(m.toString()).toBe("CNY 12.50");
  });
});

describe("deep equality sees the amount and currency", () => {
  it("toEqual and toStrictEqual fail for different amounts or currencies, and pass for equal ones", () => {
    expect(money("1.00")).not.toEqual(money("2.00"));
    expect(money("1.00")).not.toEqual(money("1.01"));
    expect(money("1.00", "CNY")).not.toEqual(money("1.00", "USD"));
    expect(money("0.125")).not.toEqual(money("0.12"));
    expect(money("1.00")).not.toStrictEqual(money("2.00"));
    // 1.0 and 1.00 are one amount.
    expect(money("1.0")).toEqual(money("1.00"));
    expect(money("1.0")).toStrictEqual(money("1.00"));
    expect(add(money("0.10"), money("0.20"))).toEqual(money("0.3"));
  });

  it("inside results too", () => {
    expect({ net: money("1.00"), lines: [money("2.00")] }).not.toEqual({ net: money("1.00"), lines: [money("3.00")] });
    expect({ net: money("1.00"), lines: [money("2.00")] }).toEqual({ net: money("1"), lines: [money("2")] });
  });

  it("and for node:assert's deep equality", () => {
    expect(isDeepStrictEqual(money("1.00"), money("2.00"))).toBe(false);
    expect(isDeepStrictEqual(money("1.00", "CNY"), money("1.00", "USD"))).toBe(false);
    expect(isDeepStrictEqual(money("1.0"), money("1.00"))).toBe(true);
    expect(equals(money("1.0"), money("1.00"))).toBe(true);
  });

  it("a value far beyond the scaled range (held as a Decimal) is compared by its digits", () => {
    // 10^70 and 2 × 10^70 have 71 digits before the point: beyond 10^64, so Decimal-held.
    expect(money(new D("1e70"))).toEqual(money(new D("10e69")));
    expect(money(new D("1e70"))).not.toEqual(money(new D("2e70")));
    expect(money(new D("1e70"), "CNY")).not.toEqual(money(new D("1e70"), "USD"));
  });

  it("Money does not equal a plain look-alike", () => {
    expect(money("1.00")).not.toEqual({ amount: money("1.00").amount, currency: "CNY" });
    expect(money("1.00")).not.toEqual({});
  });
});
