// The care ledgers' integer formatter prints exactly what formatMoney prints.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatUnits } from "../../src/care/minor-amounts.js";
import { formatMoney, fromMinorUnits } from "../../src/index.js";
import { runs } from "../arbitraries.js";

describe("care: formatUnits", () => {
  it("equals formatMoney(fromMinorUnits(units)) for CNY, JPY and any sign", () => {
    expect(formatUnits(120_000_000n, "CNY")).toBe("CNY 1,200,000.00");
    expect(formatUnits(-5n, "CNY")).toBe("CNY -0.05");
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.constantFrom("CNY", "JPY", "USD"), (u, c) => {
        expect(formatUnits(u, c)).toBe(formatMoney(fromMinorUnits(u, c)));
      }),
      { numRuns: runs(500) },
    );
  });
});
