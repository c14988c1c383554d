// The shared schemas: decimals, amounts, currencies, dates, rounding.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { amountSchema, currencyCodeSchema, decimal, decimalSchema, isoDateSchema, money, moneyOf, nonNegativeAmountSchema, nonNegativeDecimalSchema, nonNegativeMoneySchema, parseInput, positiveDecimalSchema, rateSchema, roundingSchema } from "../../src/index.js";
import { issues } from "../typed-errors.js";

/** The messages parseInput reports (failed unions resolved to the branch that got furthest). */
const messages = (schema: z.ZodType, input: unknown) => issues(() => parseInput(schema, input)).map((i) => i.message);

describe("schemas", () => {
  it("decimal schemas and their bounds", () => {
    expect(messages(decimalSchema, "abc")).toEqual(['"abc" is not a decimal number']);
    // zod's number type already refuses NaN and ±Infinity.
    expect(decimalSchema.safeParse(Number.NaN).success).toBe(false);
    expect(decimalSchema.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(decimalSchema.parse("-1.50").toString()).toBe("-1.5");
    expect(messages(nonNegativeDecimalSchema, "-0.01")).toEqual(["must be ≥ 0, got -0.01"]);
    expect(nonNegativeDecimalSchema.parse(0).toString()).toBe("0");
    expect(messages(positiveDecimalSchema, 0)).toEqual(["must be > 0, got 0"]);
    expect(positiveDecimalSchema.parse("0.0001").toString()).toBe("0.0001");
    expect(messages(rateSchema, "1.5")).toEqual(["must be ≤ 1, got 1.5: rates are decimals in [0, 1]: for 1.5% write 0.015"]);
    expect([rateSchema.parse(0).toString(), rateSchema.parse("1").toString()]).toEqual(["0", "1"]);
    expect(issues(() => decimal(null as never))).toEqual([{ path: ["bounds"], code: "invalid_type", message: "bounds are an object { min?, above?, max? }" }]);
    expect(issues(() => decimal({ max: "x" }))).toEqual([{ path: ["bounds", "max"], code: "invalid_decimal", message: '"x" is not a decimal number' }]);
  });

  it("amounts are decimal strings or safe integers", () => {
    expect(amountSchema.parse("-12.50").toString()).toBe("-12.5");
    expect(amountSchema.parse(12).toString()).toBe("12");
    expect(messages(amountSchema, 0.5)).toEqual(["amounts with decimals must be written as strings (got 0.5)"]);
    expect(messages(amountSchema, "1e5")).toEqual(['"1e5" is not a decimal amount: write it without an exponent']);
    expect(messages(nonNegativeAmountSchema, "-1")).toEqual(["must be ≥ 0, got -1"]);
  });

  it("currency codes, money, dates and rounding modes", () => {
    expect(messages(currencyCodeSchema, "cny")).toEqual(["a currency code is three upper-case letters (ISO 4217)", 'unknown currency code "cny"']);
    expect(messages(currencyCodeSchema, "XYZ")).toEqual(['unknown currency code "XYZ"']);
    expect(currencyCodeSchema.parse("JPY")).toBe("JPY");
    expect(nonNegativeMoneySchema.safeParse(money("0")).success).toBe(true);
    expect(nonNegativeMoneySchema.safeParse(money("-0.01")).success).toBe(false);
    const positive = moneyOf({ above: "0" });
    expect([positive.safeParse(money("0")).success, positive.safeParse(money("0.01")).success]).toEqual([false, true]);
    const capped = moneyOf({ max: "10" });
    expect([capped.safeParse(money("10")).success, capped.safeParse(money("10.01")).success]).toEqual([true, false]);
    expect(capped.parse({ amount: "10", currency: "USD" }).toString()).toBe("USD 10.00");
    expect(capped.safeParse({ amount: "10.01", currency: "USD" }).success).toBe(false);
    // The shape check does not abort, so the calendar check reports too.
    expect(messages(isoDateSchema, "2026-1-5")).toEqual(["expected a calendar date YYYY-MM-DD", '"2026-1-5" is not a calendar date']);
    expect(messages(isoDateSchema, "2026-02-30")).toEqual(['"2026-02-30" is not a calendar date']);
    expect(roundingSchema.parse("half-even")).toBe("half-even");
    expect(roundingSchema.safeParse("nearest").success).toBe(false);
  });
});
