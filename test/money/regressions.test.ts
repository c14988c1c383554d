// Regressions found by fuzzing (test/fuzz): each was an untyped throw, a NaN or a crash.
import { describe, expect, it } from "vitest";
import { add, allocateUnits, compare, formatMoney, fromMinorUnits, getCurrency, isDecimalText, money, round, roundDecimal, split, sum, ValidationError, type Money, type Rounding } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

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
    expect(() => fromMinorUnits(null as unknown as bigint, "CNY")).toThrow(ValidationError);
    expect(() => fromMinorUnits("abc" as unknown as bigint, "CNY")).toThrow(ValidationError);
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

describe("minor-unit helpers shared by contracts, tiers and cohort", () => {
  it("divideRounded rounds n ÷ d with every mode, respecting the sign", async () => {
    const { divideRounded } = await import("../../src/index.js");
    // 25 ÷ 10 = 2.5 (a tie) and −25 ÷ 10 = −2.5; 24 ÷ 10 = 2.4.
    const modes = ["half-up", "half-even", "down", "up", "floor", "ceil"] as const;
    expect(modes.map((m) => divideRounded(25n, 10n, m))).toEqual([3n, 2n, 2n, 3n, 2n, 3n]);
    expect(modes.map((m) => divideRounded(-25n, 10n, m))).toEqual([-3n, -2n, -2n, -3n, -3n, -2n]);
    expect(modes.map((m) => divideRounded(24n, 10n, m))).toEqual([2n, 2n, 2n, 3n, 2n, 3n]);
    expect(divideRounded(35n, 10n, "half-even")).toBe(4n); // 3.5 → the even 4
  });

  it("fractionOf and unitsText are exact", async () => {
    const { fractionOf, unitsText } = await import("../../src/index.js");
    expect(fractionOf(new D("0.075"))).toEqual({ num: 75n, den: 1000n });
    expect([unitsText(48_000_000n, 2), unitsText(-5n, 2), unitsText(334n, 0), unitsText(0n, 3)]).toEqual(["480000.00", "-0.05", "334", "0.000"]);
  });
});
