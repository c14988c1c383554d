// DRG and DIP case payments: the error paths of the outlier-band lookup, the expert-review
// flag only for cases that actually go to review, a DIP case without costs, and every
// entry point naming itself in its ValidationError message.
import { describe, expect, it } from "vitest";
import { allocateDipBudget, dipCasePayment, dipPointValue, drgEfficacyCoefficient, drgPayment, drgTechnologyCost } from "../../src/index.js";
import { domainError, validationMessage } from "../typed-errors.js";

// Bands over cost ÷ rate covering [0, 3) only: a ratio of 3 or more is outside the domain.
const closedBands = {
  domain: { min: 0, max: 3 },
  bands: [
    { from: 0, to: 2, value: { method: "group-rate" as const } },
    { from: 2, to: 3, value: { method: "expert-review" as const } },
  ],
};

describe("DRG outlier bands: the review flag and the lookup's path", () => {
  it("a case in a band with an automatic rule is paid and not flagged for review", () => {
    // 15,000 ÷ 10,000 = 1.5 → [0, 2): group rate, paid 10,000, no review.
    const r = drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "15000", outlierBands: closedBands });
    expect([r.outlierRule, r.payment?.toString(), r.expertReview]).toEqual(["group-rate", "CNY 10000.00", false]);
  });

  it("a case in the review band is flagged and unpaid", () => {
    // 25,000 ÷ 10,000 = 2.5 → [2, 3): expert review.
    const r = drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "25000", outlierBands: closedBands });
    expect([r.outlierRule, r.payment, r.expertReview]).toEqual(["expert-review", null, true]);
  });

  it("a cost ratio outside the bands' domain is OUT_OF_DOMAIN at actualCost", () => {
    // 40,000 ÷ 10,000 = 4 ≥ 3, the domain's upper end.
    const e = domainError(() => drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "40000", outlierBands: closedBands }));
    expect([e.code, e.path]).toEqual(["OUT_OF_DOMAIN", ["actualCost"]]);
  });
});

describe("DIP case payment: no costs, the review band and the lookup's path", () => {
  it("without caseCost and groupMeanCost the case is standard: group points × point value", () => {
    // 2,500 points × 20 = 50,000.
    const r = dipCasePayment({ currency: "CNY", pointValue: "20", groupPoints: "2500" });
    expect([r.costRatio, r.rule, r.band, r.casePoints, r.payment?.toString(), r.expertReview]).toEqual([null, "standard", null, "2500", "CNY 50000.00", false]);
  });

  it("a cost ratio outside the bands' domain is OUT_OF_DOMAIN at caseCost", () => {
    // 5,000 ÷ 1,000 = 5 ≥ 2, the domain's upper end.
    const outlierBands = { domain: { min: 0, max: 2 }, bands: [{ from: 0, to: 2, value: "standard" as const }] };
    const e = domainError(() => dipCasePayment({ currency: "CNY", pointValue: "10", groupPoints: "100", caseCost: "5000", groupMeanCost: "1000", outlierBands }));
    expect([e.code, e.path]).toEqual(["OUT_OF_DOMAIN", ["caseCost"]]);
  });
});

describe("every DRG and DIP entry point names itself in a ValidationError", () => {
  it.each([
    ["drgTechnologyCost", () => drgTechnologyCost({ currency: "CNY", items: [] })],
    ["drgEfficacyCoefficient", () => drgEfficacyCoefficient({ responseRate: 2, oneYearSurvival: 0.5 })],
    ["dipPointValue", () => dipPointValue({ nope: 1 } as never)],
    ["dipCasePayment", () => dipCasePayment({ currency: "CNY", pointValue: "20" } as never)],
    ["allocateDipBudget", () => allocateDipBudget({ currency: "CNY", budget: "100", cases: [] })],
  ])("%s", (name, call) => {
    expect(validationMessage(call).startsWith(`${name}: invalid input — `)).toBe(true);
  });
});
