// Regressions found by fuzzing (test/fuzz): each was an untyped throw, a NaN or a crash.
import { describe, expect, it } from "vitest";
import { add, allocateUnits, compare, D, formatMoney, fromMinorUnits, getCurrency, isDecimalText, money, round, roundDecimal, split, sum, ValidationError, type Money, type Rounding } from "../../src/index.js";

const junkMoney = { amount: "1.00", currency: "CNY" } as unknown as Money;

describe("money regressions (fuzz)", () => {
  it("operations given something other than Money throw a ValidationError, not a TypeError", () => {
    expect(() => add(null as unknown as Money, money("1"))).toThrow(ValidationError);
    expect(() => compare(money("1"), junkMoney)).toThrow(ValidationError);
    expect(() => round(undefined as unknown as Money)).toThrow(ValidationError);
    expect(() => formatMoney(junkMoney)).toThrow(ValidationError);
  });
  it("a rounding mode named like an Object.prototype member is unknown, not a decimal.js error", () => {
    for (const mode of ["__proto__", "constructor", "toString"]) expect(() => round(money("0.125"), mode as Rounding)).toThrow(ValidationError);
  });
  it("a bigint or object where a currency code goes is a ValidationError (no JSON.stringify of a bigint)", () => {
    expect(() => getCurrency(10n as unknown as string)).toThrow(ValidationError);
    expect(() => money("1", 10n as unknown as string)).toThrow(ValidationError);
  });
  it("fromMinorUnits refuses non-integers of any type; roundDecimal refuses bad places", () => {
    expect(() => fromMinorUnits(null as unknown as bigint)).toThrow(ValidationError);
    expect(() => fromMinorUnits("abc" as unknown as bigint)).toThrow(ValidationError);
    expect(() => roundDecimal(new D("1.25"), -1)).toThrow(ValidationError);
    expect(() => roundDecimal(null as never, 2)).toThrow(ValidationError);
  });
  it("split refuses a huge count instead of exhausting memory (RangeError: invalid array length)", () => {
    expect(() => split(money("10"), Number.MAX_SAFE_INTEGER)).toThrow(ValidationError);
    expect(() => split(money("10"), Symbol("n") as unknown as number)).toThrow(ValidationError);
  });
  it("sum checks every slot of a sparse list; allocateUnits checks its weights", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => sum([, ,] as unknown as Money[], "USD")).toThrow(ValidationError);
    expect(() => allocateUnits(10n, [1n, null as unknown as bigint])).toThrow(ValidationError);
    expect(() => allocateUnits(10n, [5n, -3n])).toThrow(ValidationError);
  });
  it("isDecimalText is false for non-strings (a null-prototype object used to throw)", () => {
    expect(isDecimalText(Object.create(null) as string)).toBe(false);
  });
});
