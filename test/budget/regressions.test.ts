// Regressions found by fuzzing (test/fuzz).
import { describe, expect, it } from "vitest";
import { capitationPayment, ValidationError } from "../../src/index.js";

describe("budget regressions (fuzz)", () => {
  it("a target metric named like an Object.prototype member is a missing metric, not a TypeError", () => {
    for (const metric of ["__proto__", "constructor", "toString"]) {
      expect(() => capitationPayment({ currency: "CNY", baseAmount: "8000", metrics: { hba1cControl: 0.6 }, targets: [{ kind: "all-of", conditions: [{ metric, min: 0.6 }], met: { rate: 0.1 }, notMet: { rate: -0.05 } }] })).toThrow(ValidationError);
    }
  });
});
