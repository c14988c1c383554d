// Money arithmetic.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { abs, assertSameCurrency, divide, DomainError, isNegative, money, multiply, negate, percentage, ratio, subtract, toJSON, zero } from "../../src/index.js";
import { domainError, issue } from "../typed-errors.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("arithmetic", () => {
  it("mismatched currencies name both sides", () => {
    const e = domainError(() => assertSameCurrency(money("1"), money("1", "USD")));
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
    const e = domainError(() => divide(money("10"), "0"));
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
    const e = domainError(() => ratio(money("1"), money("0")));
    expect(e.code).toBe("UNDEFINED_RESULT");
    expect(e.message).toBe("cannot take a ratio to zero CNY");
  });
});
