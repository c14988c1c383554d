// Integer helpers of the waterfall (minor units, fractions, rounding).
// Exact behaviour (wording, limits, paths) first pinned by the mutation runs; amounts worked by hand (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import { D } from "../../src/money/decimal.js";
import { fractionOf, maxUnits, minUnits, roundedProduct, scaleOf, toUnits, unitsText } from "../../src/money/minor-units.js";
import { domainError, issues, subMinorUnit } from "../typed-errors.js";

describe("integer helpers", () => {
  it("roundedProduct rounds units × num / den with each mode", () => {
    // 5 × 1 / 2 = 2.5: down/floor 2, up/ceil 3, half-even 2, half-up 3.
    expect((["down", "floor", "up", "ceil", "half-even", "half-up"] as const).map((m) => roundedProduct(5n, 1n, 2n, m))).toEqual([2n, 2n, 3n, 3n, 2n, 3n]);
    // 7 / 2 = 3.5: half-even → 4. 7 / 3 = 2.33: half-even 2, half-up 2. 8 / 3 = 2.67: half-even 3, half-up 3.
    expect([roundedProduct(7n, 1n, 2n, "half-even"), roundedProduct(7n, 1n, 3n, "half-even"), roundedProduct(7n, 1n, 3n, "half-up")]).toEqual([4n, 2n, 2n]);
    expect([roundedProduct(8n, 1n, 3n, "half-even"), roundedProduct(8n, 1n, 3n, "half-up")]).toEqual([3n, 3n]);
    expect(roundedProduct(6n, 1n, 3n, "up")).toBe(2n);
  });

  it("fractions, minima, units and text", () => {
    expect(fractionOf(new D("0.75"))).toEqual({ num: 75n, den: 100n });
    expect([minUnits(2n, 3n), minUnits(3n, 2n), maxUnits(2n, 3n), maxUnits(3n, 2n)]).toEqual([2n, 2n, 3n, 3n]);
    expect(toUnits(new D("12.34"), 2, ["x"])).toBe(1234n);
    expect(toUnits(new D("12"), 0, ["x"])).toBe(12n);
    expect(toUnits(new D("1.2345"), 5, ["x"])).toBe(123450n); // beyond the table of powers
    const e = subMinorUnit(() => toUnits(new D("1.5"), 0, ["x"]));
    expect(e.message).toBe("x: the amount 1.5 has more decimals than the currency's 0");
    expect([unitsText(5n, 2), unitsText(-5n, 2), unitsText(-5n, 0), unitsText(5n, 0), unitsText(123456n, 3)]).toEqual(["0.05", "-0.05", "-5", "5", "123.456"]);
    expect(scaleOf("BHD")).toBe(3);
    expect(issues(() => scaleOf("XYZ", ["plan", "currency"]))[0]!.path).toEqual(["plan", "currency"]);
  });
});

describe("minor-unit helpers", () => {
  it("scaleOf reports an unknown currency at currency by default", () => {
    expect(issues(() => scaleOf("XYZ"))).toEqual([{ path: ["currency"], code: "unknown_currency", message: 'unknown currency code "XYZ"' }]);
    expect([scaleOf("CNY"), scaleOf("JPY")]).toEqual([2, 0]);
  });
});
