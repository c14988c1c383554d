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

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

function validationPaths(fn: () => unknown): string[] {
  const e = catchError(fn);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).issues.map((i) => i.path.join("."));
}

describe("budget bad input", () => {
  it("components disagreeing with the bundle price are INCONSISTENT_INPUT at bundle.price", () => {
    const e = catchError(() =>
      settleBundle({ bundle: { currency: "CNY", price: "28000", components: [{ name: "drug", amount: "20000" }, { name: "test", amount: "5000" }] }, actualCost: "26000" }),
    );
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("INCONSISTENT_INPUT");
    expect((e as DomainError).path).toEqual(["bundle", "price"]);
  });
  it("a bundle with neither price nor components, and a negative cost, are ValidationErrors", () => {
    expect(validationPaths(() => settleBundle({ bundle: { currency: "CNY",}, actualCost: "1" }))).toContain("bundle.price");
    expect(validationPaths(() => settleBundle({ bundle: { currency: "CNY", price: "10" }, actualCost: "-1" }))).toContain("actualCost");
    expect(validationPaths(() => settleBundle({ bundle: { currency: "CNY", price: "10" }, actualCost: "1", gainSharing: 1.5 }))).toContain("gainSharing");
  });
  it("an episode naming an unknown bundle is UNKNOWN_KEY at its bundleId", () => {
    const e = catchError(() => reconcileProviderBundles({ providerId: "H", bundles: { a: { currency: "CNY", price: "1" } }, episodes: [{ episodeId: "e", bundleId: "b", actualCost: "1" }] }));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("UNKNOWN_KEY");
    expect((e as DomainError).path).toEqual(["episodes", 0, "bundleId"]);
  });
  it("uptake outside [0, 1] is a ValidationError at uptake", () => {
    expect(validationPaths(() => budgetImpact({ currency: "CNY", eligible: 100, uptake: 1.2, costPerPatient: "1" }))).toContain("uptake");
    expect(validationPaths(() => budgetImpact({ currency: "CNY", eligible: 100, uptake: [0.5, -0.1], costPerPatient: "1" }))).toContain("uptake.1");
  });
  it("horizon mismatches are ValidationErrors naming the list", () => {
    const e = catchError(() => budgetImpact({ currency: "CNY", horizon: 3, eligible: [1, 2], uptake: 0.5, costPerPatient: "1" }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["eligible"]);
    expect((e as ValidationError).issues[0]?.code).toBe("invalid_length");
    expect(validationPaths(() => budgetImpact({ currency: "CNY", eligible: [1, 2, 3], uptake: [0.1, 0.2], costPerPatient: "1" }))).toEqual(["uptake"]);
  });
  it("displaced shares above 1 are INCONSISTENT_INPUT", () => {
    const e = catchError(() =>
      budgetImpact({ currency: "CNY", eligible: 1, uptake: 1, costPerPatient: "1", displaced: [{ name: "a", costPerPatient: "1", share: 0.6 }, { name: "b", costPerPatient: "1", share: 0.6 }] }),
    );
    expect((e as DomainError).code).toBe("INCONSISTENT_INPUT");
  });
  it("zero total points: a ValidationError for a point value, UNDEFINED_RESULT for an allocation", () => {
    expect(validationPaths(() => dipPointValue({ currency: "CNY", fundAmount: "100", totalPoints: 0 }))).toContain("totalPoints");
    const e = catchError(() => allocateDipBudget({ currency: "CNY", budget: "100", cases: [{ caseId: "a", points: 0 }, { caseId: "b", points: 0 }] }));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("UNDEFINED_RESULT");
    expect((e as DomainError).path).toEqual(["cases"]);
  });
  it("a reimbursement ratio of 0 or above 1 is rejected", () => {
    expect(validationPaths(() => dipPointValue({ currency: "CNY", fundAmount: "100", totalPoints: 1, reimbursementRatio: 0 }))).toContain("reimbursementRatio");
    expect(validationPaths(() => dipPointValue({ currency: "CNY", fundAmount: "100", totalPoints: 1, reimbursementRatio: 1.1 }))).toContain("reimbursementRatio");
  });
  it("DIP outlier banding needs both costs; a gap in the bands is reported", () => {
    expect(validationPaths(() => dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, caseCost: "10" }))).toContain("groupMeanCost");
    const paths = validationPaths(() =>
      dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, caseCost: "10", groupMeanCost: 10, outlierBands: { bands: [{ from: 0, to: 1, value: "standard" }, { from: 2, to: null, value: "excess" }] } }),
    );
    expect(paths).toContain("outlierBands.bands");
  });
  it("DRG needs either a group rate or base rate with weight; coefficients must be positive", () => {
    expect(validationPaths(() => drgPayment({ currency: "CNY", baseRate: "10000" }))).toContain("relativeWeight");
    expect(validationPaths(() => drgPayment({ currency: "CNY", groupRate: "1", baseRate: "1", relativeWeight: 1 }))).toContain("groupRate");
    expect(validationPaths(() => drgPayment({ currency: "CNY", groupRate: "1", coefficients: [{ name: "x", value: 0 }] }))).toContain("coefficients.0.value");
  });
  it("capitation with a metric missing is a ValidationError at that metric", () => {
    expect(
      validationPaths(() => capitationPayment({ currency: "CNY", baseAmount: "1", metrics: {}, targets: [{ kind: "proportional", metric: "control", target: 0.8, maxBonus: 0.1 }] })),
    ).toContain("metrics.control");
  });
  it("fund income of zero is rejected", () => {
    expect(validationPaths(() => fundHealth({ currency: "CNY", income: "0", expenditure: "1" }))).toContain("income");
  });
  it("fractional JSON numbers for amounts are rejected", () => {
    expect(validationPaths(() => settleBundle({ bundle: { currency: "CNY", price: 10.5 }, actualCost: "1" }))).toContain("bundle.price");
  });
});
