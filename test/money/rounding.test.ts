// Rounding Money and decimals.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { isRounded, money, round, roundDecimal, toJSON, zero, type Rounding } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { issue } from "../typed-errors.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

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
