// The currency registry.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { getCurrency, isCurrencyCode, listCurrencies, registerCurrency, toJSON } from "../../src/index.js";
import { domainError, issue } from "../typed-errors.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("currencies", () => {
  it("registers a currency with a default name and checks code and minor unit", () => {
    // Codes unique to this file: the registry is shared by every test in a worker.
    expect(registerCurrency({ code: "XTA", minorUnit: 8 })).toEqual({ code: "XTA", minorUnit: 8, name: "XTA" });
    expect(registerCurrency({ code: "XTB", minorUnit: 0, name: "Test B" })).toEqual({ code: "XTB", minorUnit: 0, name: "Test B" });
    expect(getCurrency("XTA").minorUnit).toBe(8);
    expect(isCurrencyCode("XTA")).toBe(true);
    expect(issue(() => registerCurrency({ code: "XTC", minorUnit: 9 }))).toEqual({
      path: ["minorUnit"],
      code: "invalid_value",
      message: "the minor unit is a whole number of digits from 0 to 8",
    });
    expect(issue(() => registerCurrency({ code: "XTC", minorUnit: -1 })).path).toEqual(["minorUnit"]);
    expect(issue(() => registerCurrency({ code: "XTCD", minorUnit: 2 }))).toEqual({
      path: ["code"],
      code: "invalid_value",
      message: "a currency code is three upper-case letters (ISO 4217)",
    });
    expect(issue(() => registerCurrency({ code: "xtc", minorUnit: 2 })).path).toEqual(["code"]);
    expect(isCurrencyCode("XTC")).toBe(false);
  });

  it("a known code keeps its minor unit", () => {
    const same = registerCurrency({ code: "USD", minorUnit: 2 });
    expect(same).toBe(getCurrency("USD"));
    const e = domainError(() => registerCurrency({ code: "USD", minorUnit: 3 }));
    expect(e.code).toBe("CURRENCY_CONFLICT");
    expect(e.message).toBe("USD is already known with 2 minor digits, not 3");
  });

  it("names unknown codes and honours the caller's path", () => {
    expect(issue(() => getCurrency("XYZ"))).toEqual({ path: ["currency"], code: "unknown_currency", message: 'unknown currency code "XYZ"' });
    expect(issue(() => getCurrency("XYZ", ["plan", "currency"])).path).toEqual(["plan", "currency"]);
    expect(isCurrencyCode(840)).toBe(false);
  });

  it("lists currencies sorted by code", () => {
    const codes = listCurrencies().map((c) => c.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes.indexOf("AUD")).toBeLessThan(codes.indexOf("CNY"));
    expect(codes).toContain("BHD");
    // BHD, KWD have 3 minor digits; JPY, KRW, VND, CLP none (ISO 4217).
    expect(["BHD", "KWD", "JPY", "KRW", "VND", "CLP", "CNY"].map((c) => getCurrency(c).minorUnit)).toEqual([3, 3, 0, 0, 0, 0, 2]);
  });
});
