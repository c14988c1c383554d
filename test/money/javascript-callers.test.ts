// Junk from JavaScript callers: typed errors at the right path.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { abs, add, allocate, allocateUnits, amountText, divide, equals, formatMoney, fromJSON, fromMinorUnits, getCurrency, isCurrencyCode, isMoney, isNegative, isPositive, isRounded, isZero, max, min, money, multiply, negate, percentage, registerCurrency, round, roundDecimal, split, sum, toJSON, toMinorUnits, zero } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { issue } from "../typed-errors.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("junk from JavaScript callers: typed errors at the right path", () => {
  const m = money("1");
  const junk = { amount: "1", currency: "CNY" } as never;
  const notMoney = "expected Money (made by money() or fromJSON()), got an object";

  it("every operation names the argument that is not Money", () => {
    const cases: [() => unknown, (string | number)[]][] = [
      [() => add(junk, m), ["a"]],
      [() => add(m, junk), ["b"]],
      [() => negate(junk), ["a"]],
      [() => abs(junk), ["a"]],
      [() => multiply(junk, 2), ["a"]],
      [() => divide(junk, 2), ["a"]],
      [() => percentage(junk, "0.5"), ["a"]],
      [() => equals(junk, m), ["a"]],
      [() => equals(m, junk), ["b"]],
      [() => isZero(junk), ["a"]],
      [() => isPositive(junk), ["a"]],
      [() => isNegative(junk), ["a"]],
      [() => round(junk), ["amount"]],
      [() => isRounded(junk), ["amount"]],
      [() => amountText(junk), ["amount"]],
      [() => toMinorUnits(junk), ["amount"]],
      [() => toJSON(junk), ["amount"]],
      [() => allocate(junk, [1]), ["amount"]],
      [() => min(junk), [0]],
      [() => min(m, m, junk), [2]],
      [() => max(junk), [0]],
      [() => max(m, junk), [1]],
      [() => sum([m, junk]), ["items", 1]],
    ];
    for (const [fn, path] of cases) expect(issue(fn)).toEqual({ path, code: "invalid_type", message: notMoney });
    // Holes of a sparse list are not Money either.
    expect(issue(() => sum(new Array<never>(2))).path).toEqual(["items", 0]);
    expect(issue(() => sum("1" as never))).toEqual({ path: ["items"], code: "invalid_type", message: "expected a list of Money, got string" });
    expect(isMoney(undefined)).toBe(false);
    expect(isMoney(5)).toBe(false);
  });

  it("minor units of zero are +0, and counts must be numbers or bigints", () => {
    expect(fromMinorUnits(0n, "CNY").amount.isNegative()).toBe(false);
    expect(issue(() => fromMinorUnits("5" as never, "CNY"))).toEqual({ path: ["units"], code: "invalid_units", message: "string is not a safe integer count of minor units" });
  });

  it("split and allocateUnits check their arguments", () => {
    expect(issue(() => split(m, "2" as never))).toEqual({ path: ["count"], code: "invalid_count", message: "the number of parts is a whole number from 1 to 1000000, got string" });
    expect(issue(() => split(m, 1_000_001))).toEqual({ path: ["count"], code: "invalid_count", message: "the number of parts is a whole number from 1 to 1000000, got 1000001" });
    expect(issue(() => allocateUnits(5 as never, [1n]))).toEqual({ path: ["units"], code: "invalid_type", message: "units to allocate are a bigint, got number" });
    expect(issue(() => allocateUnits(5n, "1" as never))).toEqual({ path: ["weights"], code: "invalid_type", message: "weights are a list of bigints, got string" });
    expect(issue(() => allocateUnits(5n, [1n, 2 as never]))).toEqual({ path: ["weights", 1], code: "invalid_weight", message: "a weight is a bigint ≥ 0" });
    expect(issue(() => allocateUnits(5n, [1n, -1n]))).toEqual({ path: ["weights", 1], code: "invalid_weight", message: "a weight is a bigint ≥ 0" });
    // A negative whole-number weight is reported like any negative weight.
    expect(issue(() => allocate(money("10"), [1, -1]))).toEqual({ path: ["weights", 1], code: "too_small", message: "weights must be ≥ 0, got -1" });
  });

  it("ties go to the earlier part even across a long list (the sort is stable)", () => {
    // 100 weights alternating 3, 1 (total 200); 30 units: every exact share is below 1
    // (0.45 and 0.15), so all 30 units are leftovers. Remainders 90 (weight 3) beat 30
    // (weight 1); the fifty 90s tie, so the first 30 of them by position get a unit:
    // the even positions 0, 2, …, 58.
    const weights = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 3n : 1n));
    const parts = allocateUnits(30n, weights);
    expect(parts).toEqual(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 && i <= 58 ? 1n : 0n)));
    // 100 equal weights, 37 units: the first 37 parts get one each.
    expect(allocateUnits(37n, Array.from({ length: 100 }, () => 1n))).toEqual(Array.from({ length: 100 }, (_, i) => (i < 37 ? 1n : 0n)));
  });

  it("rounding modes are looked up by their own names only", () => {
    expect(issue(() => round(money("1.234"), ["up"] as never))).toEqual({
      path: ["rounding"],
      code: "invalid_enum_value",
      message: "unknown rounding mode object; use one of half-up, half-even, down, up, floor, ceil",
    });
    expect(issue(() => roundDecimal("x" as never, 2))).toEqual({ path: ["value"], code: "invalid_decimal", message: '"x" is not a decimal number' });
    // decimal.js's limit of 1e9 places is accepted, one more is not.
    expect(roundDecimal(new D("1.5"), 1e9).toString()).toBe("1.5");
    expect(issue(() => roundDecimal(new D("1.5"), 1e9 + 1))).toEqual({ path: ["places"], code: "invalid_places", message: "places is a whole number from 0 to 1e9" });
    expect(roundDecimal(new D("1.5"), 0).toString()).toBe("2");
  });

  it("currency codes must be strings", () => {
    expect(issue(() => registerCurrency({ code: ["XTQ"] as never, minorUnit: 2 })).path).toEqual(["code"]);
    expect(issue(() => registerCurrency(null as never)).path).toEqual(["code"]);
    expect(isCurrencyCode("XTQ")).toBe(false);
    expect(issue(() => getCurrency(5 as never))).toEqual({ path: ["currency"], code: "unknown_currency", message: "unknown currency code (number)" });
    expect(issue(() => getCurrency("XYZ", "p" as never)).path).toEqual(["currency"]);
  });

  it("formatMoney tolerates missing options", () => {
    expect(formatMoney(money("5"), null as never)).toBe("CNY 5.00");
    expect(formatMoney(money("5"), undefined)).toBe("CNY 5.00");
  });
});
