// Decimal text and conversions.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { allocate, equals, isDecimalText, money, multiply, split, toJSON } from "../../src/index.js";
import { Decimal } from "../../src/money/decimal.js";
import { describeType, quote, toDecimalOrReason } from "../../src/money/decimal.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("decimals", () => {
  it("isDecimalText accepts plain numerals only", () => {
    expect(["1", "-1.5", "+.5", "0.00"].map(isDecimalText)).toEqual([true, true, true, true]);
    expect(["1.", "1e5", " 1", "--1", "1.2.3", ""].map(isDecimalText)).toEqual([false, false, false, false, false, false]);
  });
});

describe("decimal conversion", () => {
  it("toDecimalOrReason refuses surrounding spaces (L3) and explains refusals", () => {
    expect(toDecimalOrReason(" 2.5 ")).toBe('" 2.5 " is not a decimal number');
    expect(toDecimalOrReason("x")).toBe('"x" is not a decimal number');
    expect(toDecimalOrReason(Number.NaN)).toBe("NaN is not a number");
    expect(toDecimalOrReason(Number.NEGATIVE_INFINITY)).toBe("-Infinity is not a finite number");
    expect(toDecimalOrReason(new Decimal(Number.POSITIVE_INFINITY))).toBe("Infinity is not a finite number");
    expect(toDecimalOrReason(null)).toBe("expected a decimal string or number, got null");
    expect(toDecimalOrReason([1])).toBe("expected a decimal string or number, got an array");
    expect(multiply(money("2"), "1.5").amount.toString()).toBe("3"); // 2 × 1.5
    expect(isDecimalText(5 as never)).toBe(false);
  });

  it("quote shows values in messages", () => {
    expect([quote("a"), quote(true), quote(1.5), quote(Number.NaN), quote(10n), quote(undefined), quote(null), quote({})]).toEqual([
      '"a"',
      "true",
      "1.5",
      "NaN",
      "10",
      "(missing)",
      "null",
      "an object",
    ]);
    expect([describeType(null), describeType([]), describeType({}), describeType(1), describeType(undefined)]).toEqual(["null", "an array", "an object", "number", "undefined"]);
  });

  it("weights given as host Decimals are scaled exactly (regression)", () => {
    // With a host precision of 2 digits, 12345 × 10 would become 120000 (2 significant
    // digits) and the split would drift; the library re-creates the weights in its own
    // 64-digit clone, so the result equals the split by the same weights as text.
    const Host = Decimal.clone({ precision: 2 });
    const host = allocate(money("1000.00"), [new Host("12345"), new Host("54321"), new Host("0.1")]).map(json);
    expect(host).toEqual(allocate(money("1000.00"), ["12345", "54321", "0.1"]).map(json));
  });
});
