// Money's JSON form.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import { fromJSON, toJSON } from "../../src/index.js";
import { issue } from "../typed-errors.js";

const json = (m: { toJSON(): { amount: string; currency: string } }) => m.toJSON().amount;

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
