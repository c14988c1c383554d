// The amount memo of cohort settlement (src/cohort/amount-memo.ts, not exported): texts
// written once per distinct amount and read back exactly. Internal, so it is left out of
// the runs against the packed build (*.internal.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountTextAt, amountUnitsAt } from "../../src/cohort/amount-memo.js";
import { unitsText } from "../../src/money/minor-units.js";

describe("cohort amount memo", () => {
  it("text and units round-trip exactly at every scale, and the memo gives the same text as unitsText", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 8 }), (units, scale) => {
        const text = amountTextAt(units, scale);
        expect(text).toBe(unitsText(units, scale));
        expect(amountTextAt(units, scale)).toBe(text); // a memo hit agrees
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

});
