// Pins of exact behaviour that the mutation run (docs/quality-mutation.md) showed
// the other money tests left loose: boundaries, error texts and paths, identities.
// Every expected value is worked out by hand in the comment beside it.
import { describe, expect, it } from "vitest";
import { abs, add, allocate, allocateUnits, amountText, assertSameCurrency, clamp, compare, divide, DomainError, equals, formatMoney, fromJSON, fromMinorUnits, getCurrency, greaterThan, greaterThanOrEqual, isCurrencyCode, isDecimalText, isMoney, isNegative, isPositive, isRounded, isZero, lessThan, lessThanOrEqual, listCurrencies, max, min, money, multiply, negate, percentage, ratio, registerCurrency, round, roundDecimal, split, subtract, sum, toJSON, toMinorUnits, ValidationError, zero, type Rounding } from "../../src/index.js";
import { D, Decimal } from "../../src/money/decimal.js";
import { describeType, quote, toDecimalOrReason } from "../../src/money/decimal.js";
import { validationError } from "../typed-errors.js";

/** The single issue of a ValidationError thrown by `fn`. */
function issue(fn: () => unknown): { path: readonly (string | number)[]; code: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    const issues = (e as ValidationError).issues;
    expect(issues).toHaveLength(1);
    return issues[0]!;
  }
  throw new Error("expected a ValidationError");
}

function domain(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error("expected a DomainError");
}

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("money(): construction boundaries and messages", () => {
  it("prints zero without a sign and keeps extra decimals", () => {
    // "-0" is zero: printed as 0.00, never -0.00.
    expect(json(money("-0"))).toBe("0.00");
    expect(json(money("-0.000"))).toBe("0.00");
    // 0.125 has 3 decimals, more than CNY's 2: printed as is (max(2, 3) = 3 digits).
    expect(json(money("0.125"))).toBe("0.125");
    // 7 has 0 decimals: padded to max(2, 0) = 2 digits.
    expect(json(money("7"))).toBe("7.00");
    expect(amountText(money("1.5", "BHD"))).toBe("1.500");
    expect(money("12.5").toString()).toBe("CNY 12.50");
  });

  it("refuses surrounding spaces (one rule with the amount schema, L3) and rejects non-decimals with the input quoted", () => {
    expect(issue(() => money(" 1.5 "))).toEqual({ path: ["amount"], code: "invalid_decimal", message: '" 1.5 " is not a decimal amount' });
    expect(issue(() => money("abc"))).toEqual({ path: ["amount"], code: "invalid_decimal", message: '"abc" is not a decimal amount' });
  });

  it("rejects NaN and infinities with their own messages", () => {
    expect(issue(() => money(Number.NaN))).toEqual({ path: ["amount"], code: "not_finite", message: "NaN is not an amount" });
    expect(issue(() => money(Number.POSITIVE_INFINITY))).toEqual({ path: ["amount"], code: "not_finite", message: "Infinity is not an amount" });
    expect(issue(() => money(new Decimal(Number.NaN)))).toEqual({ path: ["amount"], code: "not_finite", message: "NaN is not an amount" });
  });

  it("accepts a JS number exactly at the currency's scale and no finer", () => {
    // 1.25 has 2 decimals = CNY's 2: accepted.
    expect(json(money(1.25))).toBe("1.25");
    // 1.5 has 1 decimal > JPY's 0: rejected.
    expect(issue(() => money(1.5, "JPY"))).toEqual({
      path: ["amount"],
      code: "inexact_number",
      message: "the number 1.5 is not exact at JPY's 0 decimals; pass the amount as a decimal string",
    });
  });

  it("accepts numbers up to 2^53 − 1 minor units, rejects from 2^53 on (either sign)", () => {
    // JPY has 0 decimals, so minor units = the number itself.
    expect(json(money(Number.MAX_SAFE_INTEGER, "JPY"))).toBe("9007199254740991");
    expect(json(money(-Number.MAX_SAFE_INTEGER, "JPY"))).toBe("-9007199254740991");
    const tooBig = issue(() => money(2 ** 53, "JPY"));
    expect(tooBig).toEqual({
      path: ["amount"],
      code: "inexact_number",
      message: "the number 9007199254740992 is beyond the exact range of JS numbers; pass a decimal string",
    });
    expect(issue(() => money(-(2 ** 53), "JPY")).code).toBe("inexact_number");
    // CNY: 90071992547409.91 is not representable, but 2^53 / 100 scaled: 10^14 yuan = 10^16 fen > 2^53 − 1.
    expect(issue(() => money(1e14, "CNY")).code).toBe("inexact_number");
    // 10^13 yuan = 10^15 fen < 2^53 − 1 ≈ 9.007e15: fine.
    expect(json(money(1e13, "CNY"))).toBe("10000000000000.00");
  });

  it("takes Decimals from the host's decimal.js into the library's own 64-digit clone (regression)", () => {
    // A host Decimal configured with 5 significant digits. decimal.js clones share one
    // prototype, so `instanceof D` used to accept it as is and 1/3 came out as 0.33333.
    const Host = Decimal.clone({ precision: 5 });
    const m = money(new Host("1"));
    expect(m.amount.constructor).toBe(D);
    // The library's clone divides to 64 significant digits: 1/3 = 0.333… (64 threes).
    expect(divide(m, 3).amount.toString()).toBe(`0.${"3".repeat(64)}`);
    expect(divide(money("1"), new Host(3)).amount.toString()).toBe(`0.${"3".repeat(64)}`);
    expect(multiply(money("1"), new Host("0.5")).amount.constructor).toBe(D);
    // The library's own Decimals are taken as they are.
    const own = new D("2.5");
    expect(money(own).amount).toBe(own);
  });

  it("names the type of junk", () => {
    expect(issue(() => money(true as unknown as string))).toEqual({
      path: ["amount"],
      code: "invalid_type",
      message: "expected a decimal string, number or Decimal, got boolean",
    });
    expect(issue(() => money([] as unknown as string)).message).toBe("expected a decimal string, number or Decimal, got an array");
  });

  it("isMoney recognises only the library's Money", () => {
    expect(isMoney(money("1"))).toBe(true);
    expect(isMoney({ amount: new D(1), currency: "CNY" })).toBe(false);
    expect(isMoney(null)).toBe(false);
    expect(isMoney("CNY 1.00")).toBe(false);
    expect(Object.isFrozen(money("1"))).toBe(true);
  });
});

describe("minor units", () => {
  it("builds amounts from minor units, padding and signing", () => {
    // 5 fen = 0.05 (padded to 3 digits "005" then split "0" + "05").
    expect(json(fromMinorUnits(5n))).toBe("0.05");
    expect(json(fromMinorUnits(-5n))).toBe("-0.05");
    expect(json(fromMinorUnits(123456n))).toBe("1234.56");
    // JPY has no minor digits: 5 units = 5 yen.
    expect(json(fromMinorUnits(5n, "JPY"))).toBe("5");
    expect(json(fromMinorUnits(-7n, "JPY"))).toBe("-7");
    // BHD has 3: 12345 fils = 12.345.
    expect(json(fromMinorUnits(-12345n, "BHD"))).toBe("-12.345");
    expect(json(fromMinorUnits(150, "USD"))).toBe("1.50");
    expect(fromMinorUnits(150, "USD").currency).toBe("USD");
  });

  it("rejects non-integer unit counts", () => {
    expect(issue(() => fromMinorUnits(1.5))).toEqual({ path: ["units"], code: "invalid_units", message: "1.5 is not a safe integer count of minor units" });
    expect(issue(() => fromMinorUnits(2 ** 53))).toEqual({ path: ["units"], code: "invalid_units", message: "9007199254740992 is not a safe integer count of minor units" });
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

  it("zero knows its currency's scale", () => {
    expect(zero("JPY").toJSON()).toEqual({ amount: "0", currency: "JPY" });
    expect(zero().toJSON()).toEqual({ amount: "0.00", currency: "CNY" });
    expect(toJSON(money("3", "USD"))).toEqual({ amount: "3.00", currency: "USD" });
  });
});

describe("JSON form", () => {
  it("accepts a safe-integer amount and refuses other types", () => {
    expect(fromJSON({ amount: 5, currency: "CNY" }).toJSON()).toEqual({ amount: "5.00", currency: "CNY" });
    expect(issue(() => fromJSON({ amount: 0.5, currency: "CNY" }))).toEqual({
      path: ["amount"],
      code: "invalid_type",
      message: "a fractional amount must be a decimal string in JSON",
    });
    expect(issue(() => fromJSON({ amount: true, currency: "CNY" }))).toEqual({
      path: ["amount"],
      code: "invalid_type",
      message: "expected a decimal string, got boolean",
    });
    expect(issue(() => fromJSON({ amount: "1", currency: 5 }))).toEqual({ path: ["currency"], code: "invalid_type", message: "currency code is required" });
    expect(issue(() => fromJSON(null))).toEqual({ path: [], code: "invalid_type", message: "expected { amount, currency }, got null" });
    expect(issue(() => fromJSON(7))).toEqual({ path: [], code: "invalid_type", message: "expected { amount, currency }, got number" });
  });
});

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
    const e = domain(() => registerCurrency({ code: "USD", minorUnit: 3 }));
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

describe("arithmetic", () => {
  it("mismatched currencies name both sides", () => {
    const e = domain(() => assertSameCurrency(money("1"), money("1", "USD")));
    expect(e.code).toBe("CURRENCY_MISMATCH");
    expect(e.message).toBe("currency mismatch: CNY and USD cannot be combined");
    expect(e.details).toEqual({ left: "CNY", right: "USD" });
    expect(() => subtract(money("1"), money("1", "USD"))).toThrow(DomainError);
    expect(() => ratio(money("1"), money("1", "USD"))).toThrow(DomainError);
  });

  it("subtract, negate, abs", () => {
    expect(json(subtract(money("10.00"), money("2.50")))).toBe("7.50"); // 10 − 2.5
    expect(json(subtract(money("2.50"), money("10.00")))).toBe("-7.50");
    expect(json(negate(money("3.20")))).toBe("-3.20");
    expect(json(negate(money("-3.20")))).toBe("3.20");
    // Negating zero gives +0, not −0.
    expect(negate(money("0")).amount.isNegative()).toBe(false);
    expect(json(abs(money("-4.5")))).toBe("4.50");
    expect(json(abs(money("4.5")))).toBe("4.50");
  });

  it("multiply and divide are exact and name a bad factor", () => {
    expect(multiply(money("10.00"), "0.333").amount.toString()).toBe("3.33"); // 10 × 0.333
    expect(issue(() => multiply(money("1"), "x"))).toEqual({ path: ["factor"], code: "invalid_decimal", message: '"x" is not a decimal number' });
    expect(divide(money("10.00"), 4).amount.toString()).toBe("2.5"); // 10 / 4
    expect(issue(() => divide(money("1"), "y")).path).toEqual(["divisor"]);
    const e = domain(() => divide(money("10"), "0"));
    expect(e.code).toBe("UNDEFINED_RESULT");
    expect(e.message).toBe("cannot divide CNY 10.00 by zero");
  });

  it("percentage accepts rates 0 and 1 exactly and rounds with the named mode", () => {
    expect(json(percentage(money("99.99"), 1))).toBe("99.99");
    expect(json(percentage(money("99.99"), 0))).toBe("0.00");
    // 0.25 × 0.10 = 0.025: half-up 0.03, half-even 0.02, down 0.02.
    expect(json(percentage(money("0.10"), "0.25"))).toBe("0.03");
    expect(json(percentage(money("0.10"), "0.25", "half-even"))).toBe("0.02");
    expect(json(percentage(money("0.10"), "0.25", "down"))).toBe("0.02");
    expect(issue(() => percentage(money("1"), "1.01"))).toEqual({ path: ["rate"], code: "out_of_range", message: "a rate is a decimal in [0, 1], got 1.01" });
    expect(issue(() => percentage(money("1"), "-0.01")).message).toBe("a rate is a decimal in [0, 1], got -0.01");
  });

  it("ratio divides same-currency amounts; a zero denominator is undefined", () => {
    expect(ratio(money("720000"), money("1200000")).toString()).toBe("0.6"); // 720/1200
    const e = domain(() => ratio(money("1"), money("0")));
    expect(e.code).toBe("UNDEFINED_RESULT");
    expect(e.message).toBe("cannot take a ratio to zero CNY");
  });
});

describe("comparison", () => {
  const one = money("1.00");
  const two = money("2");
  it("orders amounts with strict and non-strict boundaries", () => {
    expect([compare(one, two), compare(two, one), compare(one, money("1"))]).toEqual([-1, 1, 0]);
    expect([lessThan(one, two), lessThan(two, one), lessThan(one, one)]).toEqual([true, false, false]);
    expect([lessThanOrEqual(one, two), lessThanOrEqual(two, one), lessThanOrEqual(one, one)]).toEqual([true, false, true]);
    expect([greaterThan(two, one), greaterThan(one, two), greaterThan(one, one)]).toEqual([true, false, false]);
    expect([greaterThanOrEqual(two, one), greaterThanOrEqual(one, two), greaterThanOrEqual(one, one)]).toEqual([true, false, true]);
  });

  it("equality needs the same currency and value", () => {
    expect(equals(money("1.0"), money("1.00"))).toBe(true);
    expect(equals(money("1"), money("1", "USD"))).toBe(false);
    expect(equals(money("1"), money("1.01"))).toBe(false);
  });

  it("sign tests", () => {
    expect([isZero(money("0")), isZero(money("0.01")), isZero(money("-0.01"))]).toEqual([true, false, false]);
    expect([isPositive(money("0.01")), isPositive(money("0")), isPositive(money("-0.01"))]).toEqual([true, false, false]);
    expect([isNegative(money("-0.01")), isNegative(money("0")), isNegative(money("0.01"))]).toEqual([true, false, false]);
  });
});

describe("aggregates", () => {
  it("sum checks currency even when it is given", () => {
    expect(json(sum([money("1.10"), money("2.20"), money("-0.30")]))).toBe("3.00"); // 1.1 + 2.2 − 0.3
    expect(sum([money("1", "USD")]).currency).toBe("USD");
    expect(domain(() => sum([money("1", "USD")], "CNY")).code).toBe("CURRENCY_MISMATCH");
    expect(issue(() => sum([]))).toEqual({ path: ["items"], code: "missing_currency", message: "the sum of no amounts needs a currency" });
    expect(issue(() => sum([], "XYZ")).path).toEqual(["currency"]);
  });

  it("min and max return the earliest of equal amounts, and clamp bounds", () => {
    const a = money("1.0");
    const b = money("1.00");
    expect(min(a, b)).toBe(a);
    expect(max(a, b)).toBe(a);
    const five = money("5");
    const three = money("3");
    const seven = money("7");
    expect(min(five, three, seven)).toBe(three);
    expect(max(five, seven, three)).toBe(seven);
    expect(min(five)).toBe(five);
    expect(() => min(five, money("1", "USD"))).toThrow(DomainError);
    expect(clamp(money("9"), three, seven)).toBe(seven);
    expect(clamp(money("1"), three, seven)).toBe(three);
    expect(clamp(five, three, seven)).toBe(five);
  });
});

describe("rounding", () => {
  it("returns the same Money when already at scale", () => {
    // 1.23 has exactly CNY's 2 decimals (1.20 would count as 1.2, one decimal).
    const m = money("1.23");
    expect(round(m)).toBe(m);
    expect(round(m, "up")).toBe(m);
    const fine = money("1.201");
    expect(round(fine)).not.toBe(fine);
    expect(json(round(fine, "up"))).toBe("1.21"); // away from zero
  });

  it("maps every mode to its decimal.js constant", () => {
    // −2.345 at 2 digits: half-up −2.35, half-even −2.34, down −2.34, up −2.35, floor −2.35, ceil −2.34.
    const modes: Rounding[] = ["half-up", "half-even", "down", "up", "floor", "ceil"];
    expect(modes.map((m) => json(round(money("-2.345"), m)))).toEqual(["-2.35", "-2.34", "-2.34", "-2.35", "-2.35", "-2.34"]);
  });

  it("rejects unknown and inherited mode names", () => {
    expect(issue(() => round(money("0.125"), "nearest" as Rounding))).toEqual({
      path: ["rounding"],
      code: "invalid_enum_value",
      message: 'unknown rounding mode "nearest"; use one of half-up, half-even, down, up, floor, ceil',
    });
    expect(issue(() => round(money("0.125"), "toString" as Rounding)).path).toEqual(["rounding"]);
  });

  it("roundDecimal rounds plain decimals to any number of places", () => {
    expect(roundDecimal(new D("2.345"), 2).toString()).toBe("2.35"); // half-up by default
    expect(roundDecimal(new D("2.345"), 2, "half-even").toString()).toBe("2.34");
    expect(roundDecimal(new D("2.5"), 0, "down").toString()).toBe("2");
    expect(issue(() => roundDecimal(new D("1"), -1)).path).toEqual(["places"]);
    expect(issue(() => roundDecimal(new D("1"), 1.5)).path).toEqual(["places"]);
  });

  it("isRounded compares decimals with the currency's scale", () => {
    expect([isRounded(money("1.23")), isRounded(money("1.2")), isRounded(money("1.234"))]).toEqual([true, true, false]);
    expect([isRounded(money("5", "JPY")), isRounded(money("1.234", "BHD")), isRounded(money("1.2345", "BHD"))]).toEqual([true, true, false]);
  });
});

describe("formatting", () => {
  it("groups thousands only in the integer part", () => {
    expect(formatMoney(money("999.99"))).toBe("CNY 999.99");
    expect(formatMoney(money("1000"))).toBe("CNY 1,000.00");
    expect(formatMoney(money("-999"))).toBe("CNY -999.00");
    expect(formatMoney(money("1234567.891"))).toBe("CNY 1,234,567.891");
    expect(formatMoney(money("-1000000", "JPY"), { currency: false })).toBe("-1,000,000");
    expect(formatMoney(money("5"), { currency: true })).toBe("CNY 5.00");
  });
});

describe("decimals", () => {
  it("isDecimalText accepts plain numerals only", () => {
    expect(["1", "-1.5", "+.5", "0.00"].map(isDecimalText)).toEqual([true, true, true, true]);
    expect(["1.", "1e5", " 1", "--1", "1.2.3", ""].map(isDecimalText)).toEqual([false, false, false, false, false, false]);
  });
});

describe("allocation", () => {
  it("allocateUnits: largest remainders, ties to the earlier part", () => {
    // 10 by [1, 1, 1]: floors 3, 3, 3 (remainders 1, 1, 1 of 3); 1 left → first part.
    expect(allocateUnits(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    // 7 by [1, 2]: exact 7/3 = 2.33, 14/3 = 4.67; floors 2, 4; the 1 left → larger remainder (second).
    expect(allocateUnits(7n, [1n, 2n])).toEqual([2n, 5n]);
    // 5 by [0, 3, 0, 2]: 15/5 = 3, 10/5 = 2 exactly; nothing left over.
    expect(allocateUnits(5n, [0n, 3n, 0n, 2n])).toEqual([0n, 3n, 0n, 2n]);
    // 2 by [1, 1, 1]: floors 0, 0, 0, remainders all 2 of 3; 2 left → first two parts.
    expect(allocateUnits(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    // 3 by [1, 3, 3, 1]: exact 0.375, 1.125, 1.125, 0.375 → floors 0, 1, 1, 0 with remainders 3, 1, 1, 3 (of 8); 1 left → first.
    expect(allocateUnits(3n, [1n, 3n, 3n, 1n])).toEqual([1n, 1n, 1n, 0n]);
    expect(allocateUnits(0n, [1n, 2n])).toEqual([0n, 0n]);
  });

  it("allocateUnits rejects negative units and weights that sum to nothing", () => {
    expect(issue(() => allocateUnits(-1n, [1n]))).toEqual({ path: ["units"], code: "too_small", message: "units to allocate must be ≥ 0" });
    expect(issue(() => allocateUnits(5n, [0n, 0n]))).toEqual({ path: ["weights"], code: "all_zero", message: "at least one weight must be positive" });
    expect(issue(() => allocateUnits(5n, []))).toEqual({ path: ["weights"], code: "all_zero", message: "at least one weight must be positive" });
  });

  it("decimal weights scale to integers with the same ratios", () => {
    // [0.5, 0.25, 0.25] × 100 = [50, 25, 25]: 1.00 → 0.50 / 0.25 / 0.25.
    expect(allocate(money("1.00"), ["0.5", "0.25", "0.25"]).map(json)).toEqual(["0.50", "0.25", "0.25"]);
    // Mixed number and text weights, with a zero: [0, 1.5, 0.5] → 0 / 0.75 / 0.25 of 1.00.
    expect(allocate(money("1.00"), [0, "1.5", 0.5]).map(json)).toEqual(["0.00", "0.75", "0.25"]);
    // A negative zero weight is zero, not negative.
    expect(allocate(money("1.00"), ["-0", "1"]).map(json)).toEqual(["0.00", "1.00"]);
    expect(issue(() => allocate(money("1.00"), ["0", "0.0"]))).toEqual({ path: ["weights"], code: "all_zero", message: "all weights are zero: nothing to allocate by" });
    expect(issue(() => allocate(money("1.00"), [0, 0]))).toEqual({ path: ["weights"], code: "all_zero", message: "all weights are zero: nothing to allocate by" });
    expect(issue(() => allocate(money("1.00"), []))).toEqual({ path: ["weights"], code: "too_small", message: "at least one weight is required" });
  });

  it("collects every bad weight, with its index", () => {
    try {
      allocate(money("1.00"), [1, "-2", "x"]);
      throw new Error("expected a ValidationError");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues).toEqual([
        { path: ["weights", 1], code: "too_small", message: "weights must be ≥ 0, got -2" },
        { path: ["weights", 2], code: "invalid_decimal", message: '"x" is not a decimal number' },
      ]);
      expect((e as ValidationError).message).toMatch(/^allocate: /);
    }
  });

  it("the sub_minor_unit error names the amount and its path", () => {
    const e = validationError(() => allocate(money("0.125"), [1]));
    expect(e.issues).toEqual([{ path: ["amount"], code: "sub_minor_unit", message: "cannot allocate CNY 0.125: it has more decimals than CNY allows; round it first" }]);
    expect(e.message).toBe("invalid input — amount: cannot allocate CNY 0.125: it has more decimals than CNY allows; round it first");
  });

  it("split makes 1 part, and refuses 0 or a fraction", () => {
    expect(split(money("1.00"), 1).map(json)).toEqual(["1.00"]);
    // 0.05 into 2: 0.03 / 0.02 (larger first).
    expect(split(money("0.05"), 2).map(json)).toEqual(["0.03", "0.02"]);
    expect(issue(() => split(money("1"), 0)).path).toEqual(["count"]);
    expect(issue(() => split(money("1"), 2.5)).path).toEqual(["count"]);
  });

  it("allocates in currencies with 0 and 3 minor digits", () => {
    // BHD 1.000 by [1, 2]: 1000 fils → 333.33 / 666.67 → floors 333 / 666, 1 left → larger remainder (second).
    expect(allocate(money("1", "BHD"), [1, 2]).map(json)).toEqual(["0.333", "0.667"]);
    expect(allocate(money("-10", "JPY"), [1, 2]).map(json)).toEqual(["-3", "-7"]);
  });
});

describe("junk from JavaScript callers: typed errors at the right path", () => {
  const m = money("1");
  const junk = { amount: "1", currency: "CNY" } as never;
  const notMoney = "expected Money (made by money() or fromJSON()), got an object";

  it("every operation names the argument that is not Money", () => {
    const cases: [() => unknown, (string | number)[]][] = [
      [() => add(junk, m), ["a"]],
      [() => add(m, junk), ["b"]],
      [() => negate(junk), ["a"]],
      [() => abs(junk), ["a"]],
      [() => multiply(junk, 2), ["a"]],
      [() => divide(junk, 2), ["a"]],
      [() => percentage(junk, "0.5"), ["a"]],
      [() => equals(junk, m), ["a"]],
      [() => equals(m, junk), ["b"]],
      [() => isZero(junk), ["a"]],
      [() => isPositive(junk), ["a"]],
      [() => isNegative(junk), ["a"]],
      [() => round(junk), ["amount"]],
      [() => isRounded(junk), ["amount"]],
      [() => amountText(junk), ["amount"]],
      [() => toMinorUnits(junk), ["amount"]],
      [() => toJSON(junk), ["amount"]],
      [() => allocate(junk, [1]), ["amount"]],
      [() => min(junk), [0]],
      [() => min(m, m, junk), [2]],
      [() => max(junk), [0]],
      [() => max(m, junk), [1]],
      [() => sum([m, junk]), ["items", 1]],
    ];
    for (const [fn, path] of cases) expect(issue(fn)).toEqual({ path, code: "invalid_type", message: notMoney });
    // Holes of a sparse list are not Money either.
    expect(issue(() => sum(new Array<never>(2))).path).toEqual(["items", 0]);
    expect(issue(() => sum("1" as never))).toEqual({ path: ["items"], code: "invalid_type", message: "expected a list of Money, got string" });
    expect(isMoney(undefined)).toBe(false);
    expect(isMoney(5)).toBe(false);
  });

  it("minor units of zero are +0, and counts must be numbers or bigints", () => {
    expect(fromMinorUnits(0n).amount.isNegative()).toBe(false);
    expect(issue(() => fromMinorUnits("5" as never))).toEqual({ path: ["units"], code: "invalid_units", message: "string is not a safe integer count of minor units" });
  });

  it("split and allocateUnits check their arguments", () => {
    expect(issue(() => split(m, "2" as never))).toEqual({ path: ["count"], code: "invalid_count", message: "the number of parts is a whole number from 1 to 1000000, got string" });
    expect(issue(() => split(m, 1_000_001))).toEqual({ path: ["count"], code: "invalid_count", message: "the number of parts is a whole number from 1 to 1000000, got 1000001" });
    expect(issue(() => allocateUnits(5 as never, [1n]))).toEqual({ path: ["units"], code: "invalid_type", message: "units to allocate are a bigint, got number" });
    expect(issue(() => allocateUnits(5n, "1" as never))).toEqual({ path: ["weights"], code: "invalid_type", message: "weights are a list of bigints, got string" });
    expect(issue(() => allocateUnits(5n, [1n, 2 as never]))).toEqual({ path: ["weights", 1], code: "invalid_weight", message: "a weight is a bigint ≥ 0" });
    expect(issue(() => allocateUnits(5n, [1n, -1n]))).toEqual({ path: ["weights", 1], code: "invalid_weight", message: "a weight is a bigint ≥ 0" });
    // A negative whole-number weight is reported like any negative weight.
    expect(issue(() => allocate(money("10"), [1, -1]))).toEqual({ path: ["weights", 1], code: "too_small", message: "weights must be ≥ 0, got -1" });
  });

  it("ties go to the earlier part even across a long list (the sort is stable)", () => {
    // 100 weights alternating 3, 1 (total 200); 30 units: every exact share is below 1
    // (0.45 and 0.15), so all 30 units are leftovers. Remainders 90 (weight 3) beat 30
    // (weight 1); the fifty 90s tie, so the first 30 of them by position get a unit:
    // the even positions 0, 2, …, 58.
    const weights = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 3n : 1n));
    const parts = allocateUnits(30n, weights);
    expect(parts).toEqual(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 && i <= 58 ? 1n : 0n)));
    // 100 equal weights, 37 units: the first 37 parts get one each.
    expect(allocateUnits(37n, Array.from({ length: 100 }, () => 1n))).toEqual(Array.from({ length: 100 }, (_, i) => (i < 37 ? 1n : 0n)));
  });

  it("rounding modes are looked up by their own names only", () => {
    expect(issue(() => round(money("1.234"), ["up"] as never))).toEqual({
      path: ["rounding"],
      code: "invalid_enum_value",
      message: "unknown rounding mode object; use one of half-up, half-even, down, up, floor, ceil",
    });
    expect(issue(() => roundDecimal("x" as never, 2))).toEqual({ path: ["value"], code: "invalid_decimal", message: '"x" is not a decimal number' });
    // decimal.js's limit of 1e9 places is accepted, one more is not.
    expect(roundDecimal(new D("1.5"), 1e9).toString()).toBe("1.5");
    expect(issue(() => roundDecimal(new D("1.5"), 1e9 + 1))).toEqual({ path: ["places"], code: "invalid_places", message: "places is a whole number from 0 to 1e9" });
    expect(roundDecimal(new D("1.5"), 0).toString()).toBe("2");
  });

  it("currency codes must be strings", () => {
    expect(issue(() => registerCurrency({ code: ["XTQ"] as never, minorUnit: 2 })).path).toEqual(["code"]);
    expect(issue(() => registerCurrency(null as never)).path).toEqual(["code"]);
    expect(isCurrencyCode("XTQ")).toBe(false);
    expect(issue(() => getCurrency(5 as never))).toEqual({ path: ["currency"], code: "unknown_currency", message: "unknown currency code (number)" });
    expect(issue(() => getCurrency("XYZ", "p" as never)).path).toEqual(["currency"]);
  });

  it("formatMoney tolerates missing options", () => {
    expect(formatMoney(money("5"), null as never)).toBe("CNY 5.00");
    expect(formatMoney(money("5"), undefined)).toBe("CNY 5.00");
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
