// Sums, minimum, maximum, clamp.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { clamp, DomainError, max, min, money, sum, toJSON } from "../../src/index.js";
import { domainError, issue } from "../typed-errors.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

describe("aggregates", () => {
  it("sum checks currency even when it is given", () => {
    expect(json(sum([money("1.10"), money("2.20"), money("-0.30")]))).toBe("3.00"); // 1.1 + 2.2 − 0.3
    expect(sum([money("1", "USD")]).currency).toBe("USD");
    expect(domainError(() => sum([money("1", "USD")], "CNY")).code).toBe("CURRENCY_MISMATCH");
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
