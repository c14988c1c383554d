// The one minor-units module (issue 13; internal helpers, imported from their files): bigint helpers and report formatting agree with
// the Money path, and an amount finer than the currency is never rounded silently.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, fromMinorUnits, money, toMinorUnits } from "../../src/index.js";
import { amountWords, decimalText, formatUnits, groupedText, percentText } from "../../src/money/format.js";
import { maxUnits, minUnits, roundedProduct, scaleOf, toUnits, unitsOfText, unitsText } from "../../src/money/minor-units.js";
import { moneyMaker, unitsMoney, unitsOfMoneyIn } from "../../src/money/money-units.js";
import { D } from "../../src/money/decimal.js";
import { runs } from "../arbitraries.js";
import { domainError, issues } from "../typed-errors.js";

describe("minor units", () => {
  it("formatUnits prints exactly what formatMoney prints, for CNY, JPY and any sign", () => {
    expect(formatUnits(120_000_000n, "CNY")).toBe("CNY 1,200,000.00");
    expect(formatUnits(-5n, "CNY")).toBe("CNY -0.05");
    expect(groupedText(123_456_789n, 0)).toBe("123,456,789");
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom("CNY", "JPY", "USD", "BHD"), (u, c) => {
        expect(formatUnits(u, c)).toBe(formatMoney(fromMinorUnits(u, c)));
        expect(unitsMoney(u, scaleOf(c), c).toString()).toBe(fromMinorUnits(u, c).toString());
      }),
      { numRuns: runs(500) },
    );
  });

  it("toUnits is exact at the scale and refuses finer amounts with sub_minor_unit at the path (never rounds)", () => {
    expect(toUnits(new D("12.34"), 2)).toBe(1234n);
    expect(toUnits(new D("-0.05"), 2)).toBe(-5n);
    expect(toUnits(new D("1500"), 0)).toBe(1500n);
    expect(issues(() => toUnits(new D("0.001"), 2, ["bill"], "the bill"))).toEqual([{ path: ["bill"], code: "sub_minor_unit", message: "the bill 0.001 has more decimals than the currency's 2" }]);
    expect(issues(() => toUnits(new D("1.5"), 0))).toEqual([{ path: ["amount"], code: "sub_minor_unit", message: "the amount 1.5 has more decimals than the currency's 0" }]);
  });

  it("unitsOfText reads back what unitsText writes, and refuses finer or malformed text (null)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 4 }), (u, scale) => {
        expect(unitsOfText(unitsText(u, scale), scale)).toBe(u);
      }),
      { numRuns: runs(500) },
    );
    expect(unitsOfText("1.5", 2)).toBe(150n);
    expect(unitsOfText("0.001", 2)).toBeNull();
    expect(unitsOfText("1e3", 2)).toBeNull();
    expect(unitsOfText(" 1", 2)).toBeNull();
  });

  it("roundedProduct takes a fraction or a numerator and denominator, rounded once", () => {
    // 743,750 × 0.75 = 557,812.5 → half-up 557,813, down 557,812.
    expect(roundedProduct(743_750n, { num: 75n, den: 100n }, "half-up")).toBe(557_813n);
    expect(roundedProduct(743_750n, 75n, 100n, "down")).toBe(557_812n);
    expect([minUnits(3n, -4n), maxUnits(3n, -4n)]).toEqual([-4n, 3n]);
  });

  it("unitsOfMoneyIn checks the currency (CURRENCY_MISMATCH at the path) and the scale", () => {
    expect(unitsOfMoneyIn(money("12.30", "CNY"), "CNY", ["fee"])).toBe(1230n);
    const e = domainError(() => unitsOfMoneyIn(money("1", "USD"), "CNY", ["fee"]));
    expect([e.code, e.path]).toEqual(["CURRENCY_MISMATCH", ["fee"]]);
    expect(toMinorUnits(money("12.30", "CNY"))).toBe(1230n);
  });

  it("moneyMaker reuses one immutable Money per amount", () => {
    const cash = moneyMaker("CNY", 2);
    expect(cash(100n)).toBe(cash(100n));
    expect(cash(100n).toString()).toBe("CNY 1.00");
    expect(Object.isFrozen(cash(100n).amount)).toBe(true);
  });
});

describe("format", () => {
  it("percentText: exact by default; fixed places, at most some places, or significant digits for display", () => {
    expect(percentText(new D("0.05"))).toBe("5%");
    expect(percentText(new D("0.125"))).toBe("12.5%");
    expect(percentText(new D("0.33333"), { places: 1 })).toBe("33.3%");
    expect(percentText(new D("0.035"), { places: 1 })).toBe("3.5%");
    expect(percentText(new D("0.0123456789"), { maxPlaces: 6 })).toBe("1.234568%");
    expect(percentText(new D("0.03"), { maxPlaces: 6 })).toBe("3%");
    expect(percentText(0.0123456, { significant: 4 })).toBe("1.235%");
    expect(percentText(new D("0.0123456"), { significant: 4 })).toBe("1.235%");
  });

  it("decimalText never uses an exponent", () => {
    expect(decimalText(new D("1e-7"))).toBe("0.0000001");
    expect(decimalText(new D("1.50"))).toBe("1.5");
  });
});
