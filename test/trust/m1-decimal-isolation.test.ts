// M1: the host's decimal.js settings never reach the library, and the library exports no handle to its own.
import Decimal from "decimal.js";
import { afterEach, describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

const saved = { maxE: Decimal.maxE, minE: Decimal.minE, modulo: Decimal.modulo, crypto: Decimal.crypto };
afterEach(() => {
  Decimal.set(saved);
});

describe("M1: Decimal isolation", () => {
  it("M1: every setting of the private clone is explicit, whatever the host's global Decimal says", () => {
    expect({ precision: D.precision, rounding: D.rounding, toExpNeg: D.toExpNeg, toExpPos: D.toExpPos, maxE: D.maxE, minE: D.minE, modulo: D.modulo, crypto: D.crypto }).toEqual({
      precision: 64,
      rounding: Decimal.ROUND_HALF_UP,
      toExpNeg: -30,
      toExpPos: 40,
      maxE: 9e15,
      minE: -9e15,
      modulo: Decimal.ROUND_DOWN,
      crypto: false,
    });
  });

  it("M1: a host's Decimal.set({ maxE: 6, minE: -3 }) changes nothing for money() and multiply()", async () => {
    Decimal.set({ maxE: 6, minE: -3 });
    // A clone made now (as at import in a host that configured first) must still hold the library's own values.
    expect(D.maxE).toBe(9e15);
    expect(api.money("12345678.90").toString()).toBe("CNY 12345678.90");
    // 0.01 × 0.0001 = 0.000001 → rounds to 0.00 honestly at 2 decimals, and exactly as a Decimal.
    expect(api.multiply(api.money("0.01"), "0.0001").amount.toFixed()).toBe("0.000001");
  });

  it("M1: D and Decimal are not part of the public API", () => {
    expect("D" in api).toBe(false);
    expect("Decimal" in api).toBe(false);
  });
});
