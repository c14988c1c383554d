// B3: implausible coefficients are refused; messages say what form is expected.
import { describe, expect, it } from "vitest";
import { bundlePrice, dipCasePayment, MAX_HOSPITAL_COEFFICIENT } from "../../src/index.js";
import { issues } from "../typed-errors.js";

describe("B3: plausibility", () => {
  it("B3: a DIP hospital coefficient of 93 (meant 0.93) is a ValidationError, not CNY 1,897,944-style overpayment", () => {
    const found = issues(() => dipCasePayment({ currency: "CNY", pointValue: "20", groupPoints: 2500, hospitalCoefficient: 93 }));
    expect(found).toEqual([{ path: ["hospitalCoefficient"], code: "custom", message: expect.stringContaining("written 0.93") }]);
    expect(MAX_HOSPITAL_COEFFICIENT).toBe(3);
    // 20 × 2,500 × 0.93 = 46,500.
    expect(dipCasePayment({ currency: "CNY", pointValue: "20", groupPoints: 2500, hospitalCoefficient: 0.93 }).payment!.toString()).toBe("CNY 46500.00");
  });

  it('B3: a rate written "80%" says "rates are decimals in [0, 1]: write 0.8"', () => {
    const bundle = { currency: "CNY", components: [{ name: "a", amount: "100" }] };
    expect(issues(() => bundlePrice({ bundle: { ...bundle, packageDiscount: "80%" } }))[0]!.message).toBe('"80%" is not a decimal number: rates are decimals in [0, 1]: write 0.8');
    expect(issues(() => bundlePrice({ bundle: { ...bundle, packageDiscount: 80 } }))[0]!.message).toContain("for 80% write 0.8");
  });
});
