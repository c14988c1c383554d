import { describe, expect, it } from "vitest";
import {
  add,
  allocate,
  compare,
  divide,
  DomainError,
  fromJSON,
  getCurrency,
  max,
  money,
  percentage,
  registerCurrency,
  round,
  split,
  sum,
  toMinorUnits,
  ValidationError,
  type Rounding,
} from "../../src/index.js";
import { firstIssue } from "../typed-errors.js";


describe("bad input to money", () => {
  it("rejects NaN and ±Infinity, naming the amount", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const issue = firstIssue(() => money(bad));
      expect(issue.path).toEqual(["amount"]);
      expect(issue.message).toMatch(/NaN|Infinity/);
    }
  });

  it("rejects a JS number not exact at the currency's scale (0.1 + 0.2)", () => {
    const issue = firstIssue(() => money(0.1 + 0.2, "CNY"));
    expect(issue.message).toMatch(/not exact at CNY's 2 decimals/);
    expect(() => money(0.5, "JPY")).toThrow(ValidationError);
    expect(money(0.3, "CNY").toJSON().amount).toBe("0.30");
  });

  it("rejects numbers beyond 2^53 minor units and asks for a string", () => {
    expect(() => money(2 ** 60, "CNY")).toThrow(/decimal string/);
    expect(money("1152921504606846976.00").toJSON().amount).toBe("1152921504606846976.00");
  });

  it("rejects text that is not a decimal", () => {
    for (const bad of ["abc", "1e5", "1,000", "", "0x10", "1.2.3"]) expect(firstIssue(() => money(bad)).path).toEqual(["amount"]);
  });

  it("rejects non-numeric types", () => {
    expect(firstIssue(() => money({} as unknown as string)).message).toMatch(/got an object/);
    expect(firstIssue(() => money(null as unknown as string)).message).toMatch(/got null/);
  });

  it("rejects unknown currency codes, naming the currency", () => {
    const issue = firstIssue(() => money("1", "XYZ"));
    expect(issue.path).toEqual(["currency"]);
    expect(issue.message).toMatch(/unknown currency code "XYZ"/);
    expect(() => getCurrency("cny")).toThrow(ValidationError);
  });

  it("rejects mixed-currency arithmetic everywhere, with code CURRENCY_MISMATCH", () => {
    const cny = money("1");
    const usd = money("1", "USD");
    for (const op of [() => add(cny, usd), () => compare(cny, usd), () => sum([cny, usd]), () => max(cny, usd)]) {
      expect(op).toThrow(DomainError);
      try {
        op();
      } catch (e) {
        expect((e as DomainError).code).toBe("CURRENCY_MISMATCH");
      }
    }
  });

  it("rejects negative, all-zero, empty and non-numeric allocation weights", () => {
    expect(firstIssue(() => allocate(money("10"), [1, -1])).path).toEqual(["weights", 1]);
    expect(firstIssue(() => allocate(money("10"), [0, 0, 0])).message).toMatch(/all weights are zero/);
    expect(firstIssue(() => allocate(money("10"), [])).path).toEqual(["weights"]);
    expect(firstIssue(() => allocate(money("10"), [1, Number.NaN])).path).toEqual(["weights", 1]);
    expect(firstIssue(() => allocate(money("10"), [1, "x"])).path).toEqual(["weights", 1]);
    expect(firstIssue(() => split(money("10"), 0)).path).toEqual(["count"]);
  });

  it("refuses to allocate an amount finer than the minor unit", () => {
    try {
      allocate(money("0.125"), [1, 1]);
      throw new Error("expected an error");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]!.code).toBe("sub_minor_unit");
    }
    expect(() => toMinorUnits(money("0.125"))).toThrow(/round it first/);
  });

  it("rejects rates outside [0, 1], unknown rounding modes and division by zero", () => {
    expect(firstIssue(() => percentage(money("10"), "1.5")).path).toEqual(["rate"]);
    expect(firstIssue(() => percentage(money("10"), -0.1)).path).toEqual(["rate"]);
    expect(firstIssue(() => round(money("0.125"), "nearest" as Rounding)).path).toEqual(["rounding"]);
    expect(() => divide(money("10"), 0)).toThrow(DomainError);
  });

  it("needs a currency for the sum of nothing", () => {
    expect(firstIssue(() => sum([])).message).toMatch(/needs a currency/);
    expect(sum([], "USD").toJSON()).toEqual({ amount: "0.00", currency: "USD" });
  });

  it("rejects malformed JSON money", () => {
    expect(firstIssue(() => fromJSON({ amount: 0.1, currency: "CNY" })).path).toEqual(["amount"]);
    expect(firstIssue(() => fromJSON({ amount: "1" })).path).toEqual(["currency"]);
    expect(firstIssue(() => fromJSON("1 CNY")).path).toEqual([]);
  });

  it("registers new currencies but never changes a known minor unit", () => {
    expect(registerCurrency({ code: "ISK", minorUnit: 0 }).minorUnit).toBe(0);
    expect(money("1500", "ISK").toJSON().amount).toBe("1500");
    expect(registerCurrency({ code: "ISK", minorUnit: 0 }).code).toBe("ISK");
    expect(() => registerCurrency({ code: "JPY", minorUnit: 2 })).toThrow(DomainError);
    expect(() => registerCurrency({ code: "ab", minorUnit: 2 })).toThrow(ValidationError);
    expect(() => registerCurrency({ code: "ABC", minorUnit: 1.5 })).toThrow(ValidationError);
  });
});
