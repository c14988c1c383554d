// The amount texts of cohort settlement (src/cohort/amount-text.ts, not exported): the
// double-arithmetic fast path writes exactly unitsText's text and reads it back exactly,
// on both sides of 2^53. Internal, so it is left out of the runs against the packed
// build (*.internal.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountTextAt, amountUnitsAt } from "../../src/cohort/amount-text.js";
import { unitsText } from "../../src/money/minor-units.js";

describe("cohort amount texts", () => {
  it("text and units round-trip exactly at every scale, and the text is unitsText's", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }), (units, scale) => {
        const text = amountTextAt(units, scale);
        expect(text).toBe(unitsText(units, scale));
        expect(amountUnitsAt(text, scale)).toBe(units);
        expect(amountUnitsAt(String(text), scale)).toBe(units);
      }),
    );
  });

  it("reads short and whole forms, and refuses junk and sub-minor-unit amounts rather than truncating", () => {
    expect(amountUnitsAt("12.5", 2)).toBe(1250n);
    expect(amountUnitsAt("7", 2)).toBe(700n);
    expect(amountUnitsAt("-0.01", 2)).toBe(-1n);
    expect(amountUnitsAt("15", 0)).toBe(15n);
    expect(amountUnitsAt("1.005", 2)).toBeNull(); // CNY has 2 decimals; old code read 1.00
    expect(amountUnitsAt("1.5", 0)).toBeNull();
    for (const junk of ["", "-", "1.", ".5", "1e3", " 1", "1,000.00", "+1", "NaN"]) expect(amountUnitsAt(junk, 2)).toBeNull();
  });

  it("around 2^53 (where the double path hands over to bigint) and at 15 and 16 digits", () => {
    const edge = BigInt(Number.MAX_SAFE_INTEGER); // 9007199254740991
    for (const u of [edge - 1n, edge, edge + 1n, edge + 2n, -edge, -edge - 1n, 10n ** 15n - 1n, 10n ** 15n, 10n ** 16n + 7n]) {
      for (const scale of [0, 2, 3, 8]) {
        expect(amountTextAt(u, scale)).toBe(unitsText(u, scale));
        expect(amountUnitsAt(unitsText(u, scale), scale)).toBe(u);
      }
    }
    // 9007199254740993 is not a double: read as digits it must still come back exact.
    expect(amountUnitsAt("90071992547409.93", 2)).toBe(9007199254740993n);
    expect(amountUnitsAt("999999999999999", 2)).toBe(99999999999999900n); // 15 digits, scaled past 2^53
    expect(amountTextAt(-5n, 2)).toBe("-0.05");
    expect(amountTextAt(0n, 3)).toBe("0.000");
    expect(amountUnitsAt("-0", 2)).toBe(0n);
    expect(amountUnitsAt("007.10", 2)).toBe(710n);
  });
});
