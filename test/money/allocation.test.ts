// Allocating Money by weights.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { allocate, allocateUnits, money, round, split, sum, toJSON, ValidationError, zero } from "../../src/index.js";
import { issue, issues, validationError } from "../typed-errors.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

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
