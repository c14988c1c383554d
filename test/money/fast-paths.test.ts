// Issue 22 item 2: the integer fast paths (a short factor read without the regular
// expression, half-up rounding against a table of halves, compare on one scale) give what
// the decimal.js path gives, value for value, and reject what it rejects.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, compare, money, multiply, percentage, round, ROUNDING_MODES, subtract, type Money } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

/** The error `fn` throws, or undefined when it returns. */
const caught = (fn: () => unknown): Error | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e as Error;
  }
};

/** The product in decimal.js alone (the Decimal factor takes the decimal.js path), or the error it raises. */
const viaDecimal = (m: Money, factor: string): string => {
  const e = caught(() => new D(factor));
  if (e !== undefined || !/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(factor)) return "rejected";
  return multiply(m, new D(factor)).toString();
};
const viaFast = (m: Money, factor: string): string => {
  const e = caught(() => multiply(m, factor));
  return e !== undefined ? "rejected" : multiply(m, factor).toString();
};

describe("fast paths agree with decimal.js", () => {
  it("a short factor string is read as decimal.js reads it, and junk is rejected alike (sign, point, digits)", () => {
    const chars = fc.constantFrom("0", "1", "5", "9", ".", "-", "+", "e", " ");
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 15 }), fc.constantFrom("12.34", "-0.07", "0", "99999999.99"), (factor, amount) => {
        expect(viaFast(money(amount), factor)).toBe(viaDecimal(money(amount), factor));
      }),
    );
  });

  it("edge numerals: '.5', '5.', '-0', '+1.50', '1.2.3', '', '-', '-.5'", () => {
    const m = money("10.00");
    expect(multiply(m, ".5").toString()).toBe("CNY 5.00");
    expect(multiply(m, "+1.50").toString()).toBe("CNY 15.00");
    expect(multiply(m, "-.5").toString()).toBe("CNY -5.00");
    expect(multiply(m, "-0").toString()).toBe("CNY 0.00");
    for (const bad of ["5.", "1.2.3", "", "-", "+", ".", "1e2", " 1"]) expect(caught(() => multiply(m, bad))?.name, bad).toBe("ValidationError");
  });

  it("round to cents, every mode: the bigint path equals decimal.js's toDecimalPlaces", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 3, max: 12 }), fc.constantFrom(...ROUNDING_MODES), (u, scale, mode) => {
        const text = new D(u.toString()).dividedBy(new D(10).pow(scale)).toFixed(scale);
        const codes = { "half-up": D.ROUND_HALF_UP, "half-even": D.ROUND_HALF_EVEN, down: D.ROUND_DOWN, up: D.ROUND_UP, floor: D.ROUND_FLOOR, ceil: D.ROUND_CEIL } as const;
        const expected = new D(text).toDecimalPlaces(2, codes[mode]).toFixed(2);
        expect(round(money(text), mode).toJSON().amount).toBe(expected);
      }),
    );
  });

  it("add and subtract on the one-function path equal decimal.js's plus and minus, at equal and unequal scales, in 0-, 2- and 3-digit currencies", () => {
    const amountArb = fc.tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 6 })).map(([u, s]) => new D(u.toString()).dividedBy(new D(10).pow(s)).toFixed(s));
    fc.assert(
      fc.property(amountArb, amountArb, fc.constantFrom("JPY", "CNY", "BHD"), (x, y, currency) => {
        const a = money(x, currency);
        const b = money(y, currency);
        // The expected values come from decimal.js alone, then through money() (canonical form).
        expect(add(a, b)).toEqual(money(new D(x).plus(y).toFixed(), currency));
        expect(subtract(a, b)).toEqual(money(new D(x).minus(y).toFixed(), currency));
        expect(add(a, b).toString()).toBe(money(new D(x).plus(y), currency).toString());
      }),
    );
  });

  it("multiply by a short factor then round half-up equals decimal.js's times and toDecimalPlaces (negative amounts and factors too)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 0, max: 5 }), (cents, n, places) => {
        const amount = new D(cents.toString()).dividedBy(100).toFixed(2);
        const factor = new D(n).dividedBy(new D(10).pow(places)).toFixed(places);
        const exact = new D(amount).times(factor);
        expect(multiply(money(amount), factor)).toEqual(money(exact.toFixed()));
        expect(round(multiply(money(amount), factor)).toJSON().amount).toBe(exact.toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2));
      }),
    );
  });

  it("percentage half-up on the bigint path equals decimal.js (ties away from zero)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), fc.integer({ min: 0, max: 10_000 }), (cents, bp) => {
        const amount = new D(cents.toString()).dividedBy(100).toFixed(2);
        const rate = new D(bp).dividedBy(10_000).toString();
        const expected = new D(amount).times(rate).toDecimalPlaces(2, D.ROUND_HALF_UP).toFixed(2);
        expect(percentage(money(amount), rate).toJSON().amount).toBe(expected);
      }),
    );
  });

  it("compare on equal and unequal scales agrees with decimal.js's comparedTo", () => {
    const amountArb = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 })).map(([u, s]) => new D(u.toString()).dividedBy(new D(10).pow(s)).toFixed(s));
    fc.assert(
      fc.property(amountArb, amountArb, (a, b) => {
        expect(compare(money(a), money(b))).toBe(new D(a).comparedTo(new D(b)));
      }),
    );
  });
});
