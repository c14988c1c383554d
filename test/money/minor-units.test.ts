// Money in minor units and back.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { fromMinorUnits, money, round, split, toJSON, toMinorUnits, zero } from "../../src/index.js";
import { issue } from "../typed-errors.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("minor units", () => {
  it("builds amounts from minor units, padding and signing", () => {
    // 5 fen = 0.05 (padded to 3 digits "005" then split "0" + "05").
    expect(json(fromMinorUnits(5n, "CNY"))).toBe("0.05");
    expect(json(fromMinorUnits(-5n, "CNY"))).toBe("-0.05");
    expect(json(fromMinorUnits(123456n, "CNY"))).toBe("1234.56");
    // JPY has no minor digits: 5 units = 5 yen.
    expect(json(fromMinorUnits(5n, "JPY"))).toBe("5");
    expect(json(fromMinorUnits(-7n, "JPY"))).toBe("-7");
    // BHD has 3: 12345 fils = 12.345.
    expect(json(fromMinorUnits(-12345n, "BHD"))).toBe("-12.345");
    expect(json(fromMinorUnits(150, "USD"))).toBe("1.50");
    expect(fromMinorUnits(150, "USD").currency).toBe("USD");
  });

  it("rejects non-integer unit counts", () => {
    expect(issue(() => fromMinorUnits(1.5, "CNY"))).toEqual({ path: ["units"], code: "invalid_units", message: "1.5 is not a safe integer count of minor units" });
    expect(issue(() => fromMinorUnits(2 ** 53, "CNY"))).toEqual({ path: ["units"], code: "invalid_units", message: "9007199254740992 is not a safe integer count of minor units" });
  });

  it("reads minor units back, refusing sub-unit amounts", () => {
    expect(toMinorUnits(money("-1.5"))).toBe(-150n); // −1.50 yuan = −150 fen
    expect(toMinorUnits(money("42", "JPY"))).toBe(42n);
    expect(toMinorUnits(money("1.234", "BHD"))).toBe(1234n);
    expect(issue(() => toMinorUnits(money("0.125")))).toEqual({
      path: ["amount"],
      code: "sub_minor_unit",
      message: "CNY 0.125 has more decimals than CNY allows; round it first",
    });
  });

  it("B2: zero and fromMinorUnits assume no currency (a JavaScript caller that leaves it out gets a typed error)", () => {
    const required = { path: ["currency"], code: "invalid_type", message: 'the currency is required: a document that states amounts states its currency (e.g. "CNY")' };
    expect(issue(() => (zero as unknown as () => unknown)())).toEqual(required);
    expect(issue(() => (fromMinorUnits as unknown as (u: bigint) => unknown)(5n))).toEqual(required);
    // An unknown code is still its own error.
    expect(issue(() => zero("XXY")).code).toBe("unknown_currency");
  });

  it("zero knows its currency's scale", () => {
    expect(zero("JPY").toJSON()).toEqual({ amount: "0", currency: "JPY" });
    expect(zero("CNY").toJSON()).toEqual({ amount: "0.00", currency: "CNY" });
    expect(toJSON(money("3", "USD"))).toEqual({ amount: "3.00", currency: "USD" });
  });
});
