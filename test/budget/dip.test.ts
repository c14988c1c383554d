// DIP point value, case payment and budget allocation: every explanation step pinned
// with its inputs, and each input guard's typed error and path.
import { describe, expect, it } from "vitest";
import { allocateDipBudget, DIP_DEFAULT_OUTLIER_BANDS, dipCasePayment, dipPointValue, MAX_HOSPITAL_COEFFICIENT } from "../../src/index.js";
import { issues, validationError } from "../typed-errors.js";
import { domain, json, m } from "./explain-helpers.js";

describe("DIP point value", () => {
  it("a budget point value from a fund already the cost pool", () => {
    // 1,200,000,000 ÷ 60,000,000 = 20.
    expect(json(dipPointValue({ currency: "CNY", fundAmount: "1200000000", totalPoints: "60000000" }))).toEqual({
      kind: "budget",
      totalCostPool: "1200000000",
      pointValue: "20",
      explanation: [
        {
          rule: "budget.dip.cost-pool",
          text: "The fund amount is taken as the total-cost pool (reimbursement ratio 1).",
          inputs: { fundAmount: m("1200000000.00"), reimbursementRatio: "1" },
          amount: m("1200000000.00"),
        },
        {
          rule: "budget.dip.point-value",
          text: "The budget point value (预算点值) is the total-cost pool divided by the total points, kept unrounded: 20.",
          inputs: { totalCostPool: "1200000000", totalPoints: "60000000", pointValue: "20" },
        },
      ],
    });
  });

  it("a settlement point value grossed up by the reimbursement ratio", () => {
    // 800 ÷ 0.8 = 1,000 pool; ÷ 400 points = 2.5.
    const r = dipPointValue({ currency: "CNY", kind: "settlement", fundAmount: "800", reimbursementRatio: 0.8, totalPoints: 400 });
    expect(json(r.explanation)).toEqual([
      {
        rule: "budget.dip.cost-pool",
        text: "The fund amount is grossed up by the fund reimbursement ratio 80% to the total-cost pool.",
        inputs: { fundAmount: m("800.00"), reimbursementRatio: "0.8" },
        amount: m("1000.00"),
      },
      {
        rule: "budget.dip.point-value",
        text: "The settlement point value (结算点值) is the total-cost pool divided by the total points, kept unrounded: 2.5.",
        inputs: { totalCostPool: "1000", totalPoints: "400", pointValue: "2.5" },
      },
    ]);
    expect([r.kind, r.totalCostPool, r.pointValue]).toEqual(["settlement", "1000", "2.5"]);
  });
});

describe("DIP case payment", () => {
  it("without costs the case scores the group points, paid at point value × hospital coefficient", () => {
    // 2,500 × 20 × 1.1 = 55,000.
    const r = dipCasePayment({ currency: "CNY", pointValue: "20", groupPoints: "2500", hospitalCoefficient: 1.1 });
    expect(json(r)).toEqual({
      costRatio: null, rule: "standard", band: null, casePoints: "2500", payment: m("55000.00"), expertReview: false,
      explanation: [
        { rule: "budget.dip.case-points", text: "The case scores 2500 points (the group points).", inputs: { groupPoints: "2500", casePoints: "2500" } },
        {
          rule: "budget.dip.case-payment", text: "Case points × point value × hospital-level coefficient, rounded once.",
          inputs: { casePoints: "2500", pointValue: "20", hospitalCoefficient: "1.1", rounding: "half-up" }, amount: m("55000.00"),
        },
      ],
    });
  });

  it("each default band: proportional, standard, excess and expert review, with the band's label", () => {
    const base = { currency: "CNY", pointValue: "10", groupPoints: "100", groupMeanCost: "1000" };
    // 400 ÷ 1,000 = 0.4 → proportional: 0.4 × 100 = 40 points × 10 = 400.
    const low = dipCasePayment({ ...base, caseCost: "400" });
    expect(json(low.explanation)).toEqual([
      {
        rule: "budget.dip.outlier-band", text: "Case cost CNY 400.00 is 0.4× the group mean cost, in low outlier band [0, 0.5): proportional rule.",
        inputs: { caseCost: m("400.00"), groupMeanCost: m("1000.00"), costRatio: "0.4", rule: "proportional" },
      },
      { rule: "budget.dip.case-points", text: "The case scores 40 points (ratio × group points).", inputs: { groupPoints: "100", casePoints: "40" } },
      {
        rule: "budget.dip.case-payment", text: "Case points × point value × hospital-level coefficient, rounded once.",
        inputs: { casePoints: "40", pointValue: "10", hospitalCoefficient: "1", rounding: "half-up" }, amount: m("400.00"),
      },
    ]);
    expect([low.costRatio, low.rule, low.band, low.casePoints]).toEqual(["0.4", "proportional", "[0, 0.5)", "40"]);
    // 1,500 ÷ 1,000 = 1.5 → standard: 100 points → 1,000.
    const mid = dipCasePayment({ ...base, caseCost: "1500" });
    expect(mid.explanation[0]!.text).toBe("Case cost CNY 1,500.00 is 1.5× the group mean cost, in normal band [0.5, 2): standard rule.");
    expect(mid.payment!.toString()).toBe("CNY 1000.00");
    // 3,000 ÷ 1,000 = 3 → excess: (3 − 1) × 100 = 200 points → 2,000.
    const high = dipCasePayment({ ...base, caseCost: "3000" });
    expect(high.explanation[1]!.text).toBe("The case scores 200 points ((ratio − 1) × group points).");
    expect([high.rule, high.casePoints, high.payment!.toString()]).toEqual(["excess", "200", "CNY 2000.00"]);
    // 5,000 ÷ 1,000 = 5 → expert review from 5 inclusive.
    const ext = dipCasePayment({ ...base, caseCost: "5000" });
    expect(json(ext)).toEqual({
      costRatio: "5", rule: "expert-review", band: "[5, +∞)", casePoints: "0", payment: null, expertReview: true,
      explanation: [
        {
          rule: "budget.dip.outlier-band", text: "Case cost CNY 5,000.00 is 5× the group mean cost, in extreme band [5, +∞): expert-review rule.",
          inputs: { caseCost: m("5000.00"), groupMeanCost: m("1000.00"), costRatio: "5", rule: "expert-review" },
        },
        { rule: "budget.dip.expert-review", text: "The case is flagged for expert review; no automatic payment is made.", inputs: { groupPoints: "100" } },
      ],
    });
    expect(DIP_DEFAULT_OUTLIER_BANDS.bands.map((b) => b.value)).toEqual(["proportional", "standard", "excess", "expert-review"]);
  });

  it("a band without a label names only its interval; rounding is the one given", () => {
    const bands = { bands: [{ from: null, to: null, value: "proportional" as const }] };
    // 1 ÷ 3 → ratio 0.333…; points 33.33…; × 1 = 33.33… → down 33.33.
    const r = dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 100, groupMeanCost: 3, caseCost: "1", outlierBands: bands, rounding: "down" });
    expect(r.explanation[0]!.text.endsWith("the group mean cost, in band (−∞, +∞): proportional rule.")).toBe(true);
    expect(r.payment!.toString()).toBe("CNY 33.33");
    expect(r.explanation[2]!.inputs.rounding).toBe("down");
  });

  it("costs come in pairs: each missing half is named", () => {
    expect(issues(() => dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, caseCost: "10" }))).toEqual([
      { path: ["groupMeanCost"], code: "custom", message: "outlier banding needs both caseCost and groupMeanCost" },
    ]);
    expect(issues(() => dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, groupMeanCost: 10 }))).toEqual([
      { path: ["caseCost"], code: "custom", message: "outlier banding needs both caseCost and groupMeanCost" },
    ]);
  });

  it("a hospital coefficient above the plausible maximum says how a percentage is written (B3)", () => {
    expect(MAX_HOSPITAL_COEFFICIENT).toBe(3);
    const pctLike = issues(() => dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, hospitalCoefficient: 93 }));
    expect(pctLike).toEqual([
      { path: ["hospitalCoefficient"], code: "custom", message: "a hospital coefficient is a multiplier in (0, 3] (MAX_HOSPITAL_COEFFICIENT), got 93; a coefficient of 93% is written 0.93" },
    ]);
    // 100 is still read as a percentage; 101 is not.
    expect(issues(() => dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, hospitalCoefficient: 100 }))[0]!.message.endsWith("got 100; a coefficient of 100% is written 1")).toBe(true);
    expect(issues(() => dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, hospitalCoefficient: 101 }))[0]!.message.endsWith("(MAX_HOSPITAL_COEFFICIENT), got 101")).toBe(true);
    // 3 itself is accepted: 1 × 1 × 3 = 3.
    expect(dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, hospitalCoefficient: 3 }).payment!.toString()).toBe("CNY 3.00");
    expect(validationError(() => dipCasePayment({ currency: "CNY", pointValue: 1, groupPoints: 1, hospitalCoefficient: 3.01 })).issues[0]!.path).toEqual(["hospitalCoefficient"]);
  });
});

describe("DIP budget allocation", () => {
  it("splits by largest remainder and explains the split and its check", () => {
    // 100 over points 1 : 2 → 33.33 + 66.67 (the remainder cent goes to the larger remainder, 66.666…).
    const r = allocateDipBudget({ currency: "CNY", budget: "100.00", cases: [{ caseId: "a", points: 1 }, { caseId: "b", points: 2 }] });
    expect(json(r.lines)).toEqual([{ caseId: "a", points: "1", amount: m("33.33") }, { caseId: "b", points: "2", amount: m("66.67") }]);
    expect(r.totalPoints).toBe("3");
    expect(r.pointValue.startsWith("33.3333333333")).toBe(true);
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["budget.dip.allocate", "The budget is split over 2 cases in proportion to their points (3 in all), by largest remainder so no cent is lost."],
      ["budget.dip.allocate-check", "The case amounts add up to the budget exactly."],
    ]);
    expect(r.explanation[0]!.amount!.toString()).toBe("CNY 100.00");
    expect(r.explanation[1]!.amount!.toString()).toBe("CNY 100.00");
    expect(r.explanation[1]!.inputs).toEqual({});
    expect(json(r.explanation[0]!.inputs)).toMatchObject({ totalPoints: "3" });
  });

  it("a budget finer than the currency's cents and zero total points are refused", () => {
    expect(issues(() => allocateDipBudget({ currency: "CNY", budget: "100.001", cases: [{ caseId: "a", points: 1 }] }))).toEqual([
      { path: ["budget"], code: "sub_minor_unit", message: "the budget 100.001 has more decimals than CNY allows" },
    ]);
    expect(domain(() => allocateDipBudget({ currency: "CNY", budget: "100", cases: [{ caseId: "a", points: 0 }, { caseId: "b", points: 0 }] }))).toEqual({
      code: "UNDEFINED_RESULT", path: ["cases"], reason: "the cases have zero total points: there is nothing to distribute the budget by", details: {},
    });
  });
});
