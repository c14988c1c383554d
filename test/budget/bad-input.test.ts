import { describe, expect, it } from "vitest";
import {
  allocateDipBudget,
  budgetImpact,
  capitationPayment,
  DomainError,
  dipCasePayment,
  dipPointValue,
  drgPayment,
  fundHealth,
  reconcileProviderBundles,
  settleBundle,
  ValidationError,
} from "../../src/index.js";
import { caught, issuePaths } from "../typed-errors.js";



describe("budget bad input", () => {
  it("components disagreeing with the bundle price are INCONSISTENT_INPUT at bundle.price", () => {
    const e = caught(() =>
      settleBundle({ bundle: { currency: "CNY", price: "28000", components: [{ name: "drug", amount: "20000" }, { name: "test", amount: "5000" }] }, actualCost: "26000" }),
    );
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("INCONSISTENT_INPUT");
    expect((e as DomainError).path).toEqual(["bundle", "price"]);
  });
  it("a bundle with neither price nor components, and a negative cost, are ValidationErrors", () => {
    expect(issuePaths(() => settleBundle({ bundle: { currency: "CNY",}, actualCost: "1" }))).toContain("bundle.price");
    expect(issuePaths(() => settleBundle({ bundle: { currency: "CNY", price: "10" }, actualCost: "-1" }))).toContain("actualCost");
    expect(issuePaths(() => settleBundle({ bundle: { currency: "CNY", price: "10" }, actualCost: "1", gainSharing: 1.5 }))).toContain("gainSharing");
  });
  it("an episode naming an unknown bundle is UNKNOWN_KEY at its bundleId", () => {
    const e = caught(() => reconcileProviderBundles({ providerId: "H", bundles: { a: { currency: "CNY", price: "1" } }, episodes: [{ episodeId: "e", bundleId: "b", actualCost: "1" }] }));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("UNKNOWN_KEY");
    expect((e as DomainError).path).toEqual(["episodes", 0, "bundleId"]);
  });
  it("uptake outside [0, 1] is a ValidationError at uptake", () => {
    expect(issuePaths(() => budgetImpact({ currency: "CNY", eligible: 100, uptake: 1.2, costPerPatient: "1" }))).toContain("uptake");
    expect(issuePaths(() => budgetImpact({ currency: "CNY", eligible: 100, uptake: [0.5, -0.1], costPerPatient: "1" }))).toContain("uptake.1");
  });
  it("horizon mismatches are ValidationErrors naming the list", () => {
    const e = caught(() => budgetImpact({ currency: "CNY", horizon: 3, eligible: [1, 2], uptake: 0.5, costPerPatient: "1" }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["eligible"]);
    expect((e as ValidationError).issues[0]?.code).toBe("invalid_length");
    expect(issuePaths(() => budgetImpact({ currency: "CNY", eligible: [1, 2, 3], uptake: [0.1, 0.2], costPerPatient: "1" }))).toEqual(["uptake"]);
  });
  it("displaced shares above 1 are INCONSISTENT_INPUT", () => {
    const e = caught(() =>
      budgetImpact({ currency: "CNY", eligible: 1, uptake: 1, costPerPatient: "1", displaced: [{ name: "a", costPerPatient: "1", share: 0.6 }, { name: "b", costPerPatient: "1", share: 0.6 }] }),
    );
    expect((e as DomainError).code).toBe("INCONSISTENT_INPUT");
  });
  it("zero total points: a ValidationError for a point value, UNDEFINED_RESULT for an allocation", () => {
    expect(issuePaths(() => dipPointValue({ currency: "CNY", fundAmount: "100", totalPoints: 0 }))).toContain("totalPoints");
    const e = caught(() => allocateDipBudget({ currency: "CNY", budget: "100", cases: [{ caseId: "a", points: 0 }, { caseId: "b", points: 0 }] }));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("UNDEFINED_RESULT");
    expect((e as DomainError).path).toEqual(["cases"]);
  });
  it("a reimbursement ratio of 0 or above 1 is rejected", () => {
    expect(issuePaths(() => dipPointValue({ currency: "CNY", fundAmount: "100", totalPoints: 1, reimbursementRatio: 0 }))).toContain("reimbursementRatio");
    expect(issuePaths(() => dipPointValue({ currency: "CNY", fundAmount: "100", totalPoints: 1, reimbursementRatio: 1.1 }))).toContain("reimbursementRatio");
  });
  it("DIP outlier banding needs both costs; a gap in the bands is reported", () => {
    expect(issuePaths(() => dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, caseCost: "10" }))).toContain("groupMeanCost");
    const paths = issuePaths(() =>
      dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, caseCost: "10", groupMeanCost: 10, outlierBands: { bands: [{ from: 0, to: 1, value: "standard" }, { from: 2, to: null, value: "excess" }] } }),
    );
    expect(paths).toContain("outlierBands.bands");
  });
  it("DRG needs either a group rate or base rate with weight; coefficients must be positive", () => {
    expect(issuePaths(() => drgPayment({ currency: "CNY", baseRate: "10000" }))).toContain("relativeWeight");
    expect(issuePaths(() => drgPayment({ currency: "CNY", groupRate: "1", baseRate: "1", relativeWeight: 1 }))).toContain("groupRate");
    expect(issuePaths(() => drgPayment({ currency: "CNY", groupRate: "1", coefficients: [{ name: "x", value: 0 }] }))).toContain("coefficients.0.value");
  });
  it("capitation with a metric missing is a ValidationError at that metric", () => {
    expect(
      issuePaths(() => capitationPayment({ currency: "CNY", baseAmount: "1", metrics: {}, targets: [{ kind: "proportional", metric: "control", target: 0.8, maxBonus: 0.1 }] })),
    ).toContain("metrics.control");
  });
  it("fund income of zero is rejected", () => {
    expect(issuePaths(() => fundHealth({ currency: "CNY", income: "0", expenditure: "1" }))).toContain("income");
  });
  it("fractional JSON numbers for amounts are rejected", () => {
    expect(issuePaths(() => settleBundle({ bundle: { currency: "CNY", price: 10.5 }, actualCost: "1" }))).toContain("bundle.price");
  });
});
