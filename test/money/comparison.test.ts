// Comparing Money.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { compare, equals, greaterThan, greaterThanOrEqual, isNegative, isPositive, isZero, lessThan, lessThanOrEqual, money, toJSON } from "../../src/index.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("comparison", () => {
  const one = money("1.00");
  const two = money("2");
  it("orders amounts with strict and non-strict boundaries", () => {
    expect([compare(one, two), compare(two, one), compare(one, money("1"))]).toEqual([-1, 1, 0]);
    expect([lessThan(one, two), lessThan(two, one), lessThan(one, one)]).toEqual([true, false, false]);
    expect([lessThanOrEqual(one, two), lessThanOrEqual(two, one), lessThanOrEqual(one, one)]).toEqual([true, false, true]);
    expect([greaterThan(two, one), greaterThan(one, two), greaterThan(one, one)]).toEqual([true, false, false]);
    expect([greaterThanOrEqual(two, one), greaterThanOrEqual(one, two), greaterThanOrEqual(one, one)]).toEqual([true, false, true]);
  });

  it("equality needs the same currency and value", () => {
    expect(equals(money("1.0"), money("1.00"))).toBe(true);
    expect(equals(money("1"), money("1", "USD"))).toBe(false);
    expect(equals(money("1"), money("1.01"))).toBe(false);
  });

  it("sign tests", () => {
    expect([isZero(money("0")), isZero(money("0.01")), isZero(money("-0.01"))]).toEqual([true, false, false]);
    expect([isPositive(money("0.01")), isPositive(money("0")), isPositive(money("-0.01"))]).toEqual([true, false, false]);
    expect([isNegative(money("-0.01")), isNegative(money("0")), isNegative(money("0.01"))]).toEqual([true, false, false]);
  });
});
