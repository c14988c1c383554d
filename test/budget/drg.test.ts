// DRG case payment, technology cost and efficacy coefficient: every explanation step
// pinned with its inputs, and each input guard's typed error and path.
import { describe, expect, it } from "vitest";
import { drgEfficacyCoefficient, drgPayment, drgTechnologyCost } from "../../src/index.js";
import { issues, validationError } from "../typed-errors.js";
import { domain, json, m } from "./explain-helpers.js";

const bands = {
  domain: { min: 0, max: null },
  bands: [
    { from: 0, to: 0.5, value: { method: "actual-cost" as const, factor: 0.9 }, label: "low" },
    { from: 0.5, to: 2, value: { method: "group-rate" as const } },
    { from: 2, to: 3, value: { method: "group-rate-plus-excess" as const, factor: 0.5 }, label: "high" },
    { from: 3, to: null, value: { method: "expert-review" as const } },
  ],
};

describe("DRG case payment: the explanation", () => {
  it("base × weight, a subgroup uplift and two coefficients, each step with its running rate", () => {
    // 10,000 × 3 = 30,000; × 1.2 (EGFR+ +20 %) = 36,000; × 1.2 efficacy = 43,200; × 1.05 AI = 45,360.
    const r = drgPayment({
      currency: "CNY", group: "ES31", baseRate: "10000", relativeWeight: 3, subgroup: { name: "EGFR+", uplift: 0.2 },
      coefficients: [{ name: "efficacy", kind: "efficacy", value: 1.2 }, { name: "AI reading", kind: "technology", value: 1.05 }],
    });
    expect(json(r.explanation)).toEqual([
      { rule: "budget.drg.base", text: "Base rate × relative weight of group ES31.", inputs: { baseRate: m("10000.00"), relativeWeight: "3" }, amount: m("30000.00") },
      { rule: "budget.drg.subgroup-uplift", text: "The case is in subgroup EGFR+: +20%.", inputs: { subgroup: "EGFR+", uplift: "0.2" }, amount: m("36000.00") },
      { rule: "budget.drg.coefficient.efficacy", text: "The efficacy coefficient ×1.2 applies.", inputs: { coefficient: "1.2" }, amount: m("43200.00") },
      { rule: "budget.drg.coefficient.technology", text: "The AI reading coefficient ×1.05 applies.", inputs: { coefficient: "1.05" }, amount: m("45360.00") },
      { rule: "budget.drg.rate", text: "The case's payment rate, rounded once.", inputs: { rounding: "half-up" }, amount: m("45360.00") },
    ]);
    expect(json(r)).toMatchObject({
      paymentRate: m("45360.00"), payment: m("45360.00"), actualCost: null, costRatio: null, outlierRule: "none",
      outlierBand: null, expertReview: false, providerKeeps: null, providerBears: null,
    });
  });

  it("a group rate and a subgroup with its own rate; a coefficient of kind other by default; a surplus kept", () => {
    // Group rate 20,000 replaced by the HER2+ subgroup's 25,000, × 1.1 = 27,500; cost 27,000 → keeps 500.
    const r = drgPayment({ currency: "CNY", groupRate: "20000", subgroup: { name: "HER2+", groupRate: "25000" }, coefficients: [{ name: "regional", value: 1.1 }], actualCost: "27000" });
    expect(json(r.explanation)).toEqual([
      { rule: "budget.drg.group-rate", text: "The payment rate of the group is CNY 20,000.00.", inputs: {}, amount: m("20000.00") },
      { rule: "budget.drg.subgroup-rate", text: "The case is in subgroup HER2+, which has its own rate.", inputs: { subgroup: "HER2+" }, amount: m("25000.00") },
      { rule: "budget.drg.coefficient.other", text: "The regional coefficient ×1.1 applies.", inputs: { coefficient: "1.1" }, amount: m("27500.00") },
      { rule: "budget.drg.rate", text: "The case's payment rate, rounded once.", inputs: { rounding: "half-up" }, amount: m("27500.00") },
      { rule: "budget.drg.actual-cost", text: "The case's actual cost is CNY 27,000.00.", inputs: {}, amount: m("27000.00") },
      {
        rule: "budget.drg.settlement",
        text: "The fund pays the case payment; the hospital keeps the surplus (结余留用).",
        inputs: { payment: m("27500.00"), actualCost: m("27000.00"), providerKeeps: m("500.00"), providerBears: m("0.00") },
        amount: m("27500.00"),
      },
    ]);
    // 27,000 ÷ 27,500 = 0.98181… (64 significant digits).
    expect(r.costRatio!.startsWith("0.98181818")).toBe(true);
    expect(r.outlierRule).toBe("none");
    expect(r.expertReview).toBe(false);
  });

  it("an overrun is borne by the hospital; cost equal to the rate keeps nothing and bears nothing", () => {
    const over = drgPayment({ currency: "CNY", group: "X", groupRate: "10000", actualCost: "12000" });
    expect(over.explanation[2]!.text).toBe("The case's actual cost is CNY 12,000.00.");
    expect(json(over.explanation.at(-1))).toEqual({
      rule: "budget.drg.settlement",
      text: "The fund pays the case payment; the overrun is not compensated (超支不补) and the hospital bears it.",
      inputs: { payment: m("10000.00"), actualCost: m("12000.00"), providerKeeps: m("0.00"), providerBears: m("2000.00") },
      amount: m("10000.00"),
    });
    expect(over.explanation[0]!.text).toBe("The payment rate of group X is CNY 10,000.00.");
    const even = drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "10000" });
    expect([even.providerKeeps?.toString(), even.providerBears?.toString(), even.costRatio]).toEqual(["CNY 0.00", "CNY 0.00", "1"]);
    expect(even.explanation.at(-1)!.text).toBe("The fund pays the case payment; the hospital keeps the surplus (结余留用).");
  });

  it("each outlier rule, with its band, label and sentence", () => {
    // Low: 4,000 ÷ 10,000 = 0.4 < 0.5 → actual cost × 0.9 = 3,600; keeps 0? 3,600 − 4,000 = −400 → bears 400.
    const low = drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "4000", outlierBands: bands });
    expect(json(low.explanation.find((s) => s.rule === "budget.drg.outlier"))).toEqual({
      rule: "budget.drg.outlier", text: "Cost is 0.4× the rate, in low band [0, 0.5): paid by the actual-cost rule.", inputs: { costRatio: "0.4", rule: "actual-cost" }, amount: m("3600.00"),
    });
    expect(json(low)).toMatchObject({ payment: m("3600.00"), costRatio: "0.4", outlierRule: "actual-cost", outlierBand: "[0, 0.5)", providerBears: m("400.00"), providerKeeps: m("0.00") });
    // Normal: 15,000 ÷ 10,000 = 1.5 → group rate, no label.
    const mid = drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "15000", outlierBands: bands });
    expect(mid.explanation.find((s) => s.rule === "budget.drg.outlier")!.text).toBe("Cost is 1.5× the rate, in band [0.5, 2): paid by the group-rate rule.");
    expect(mid.payment!.toString()).toBe("CNY 10000.00");
    // High: 25,000 ÷ 10,000 = 2.5 → 10,000 + (25,000 − 2 × 10,000) × 0.5 = 12,500.
    const high = drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "25000", outlierBands: bands });
    expect(high.explanation.find((s) => s.rule === "budget.drg.outlier")!.text).toBe("Cost is 2.5× the rate, in high band [2, 3): paid by the group-rate-plus-excess rule.");
    expect(high.payment!.toString()).toBe("CNY 12500.00");
    expect(high.providerBears!.toString()).toBe("CNY 12500.00");
    // Extreme: 40,000 ÷ 10,000 = 4 → expert review: no payment, no settlement step.
    const ext = drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "40000", outlierBands: bands });
    expect(json(ext.explanation.at(-1))).toEqual({
      rule: "budget.drg.outlier", text: "Cost is 4× the rate, in band [3, +∞): the case goes to expert review, with no automatic payment.", inputs: { costRatio: "4", rule: "expert-review" },
    });
    expect(json(ext)).toMatchObject({ payment: null, expertReview: true, providerKeeps: null, providerBears: null, outlierRule: "expert-review", outlierBand: "[3, +∞)" });
  });

  it("the excess rule counts only the cost above the band's lower multiple; a band from −∞ counts all of it", () => {
    // Band from null: threshold 0, so 10,000 + 25,000 × 0.5 = 22,500.
    const open = { bands: [{ from: null, to: null, value: { method: "group-rate-plus-excess" as const, factor: 0.5 } }] };
    expect(drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "25000", outlierBands: open }).payment!.toString()).toBe("CNY 22500.00");
    // factor defaults to 1: 10,000 + (25,000 − 20,000) = 15,000.
    const deflt = { domain: { min: 0, max: null }, bands: [{ from: 0, to: 2, value: { method: "group-rate" as const } }, { from: 2, to: null, value: { method: "group-rate-plus-excess" as const } }] };
    expect(drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "25000", outlierBands: deflt }).payment!.toString()).toBe("CNY 15000.00");
    // actual-cost factor defaults to 1.
    const ac = { bands: [{ from: null, to: null, value: { method: "actual-cost" as const } }] };
    expect(drgPayment({ currency: "CNY", groupRate: "10000", actualCost: "2500.5", outlierBands: ac }).payment!.toString()).toBe("CNY 2500.50");
  });

  it("a payment rate of zero without bands gives no ratio; with bands it is an undefined result", () => {
    const z0 = drgPayment({ currency: "CNY", groupRate: "0", actualCost: "100" });
    expect(z0.costRatio).toBeNull();
    expect(z0.providerBears!.toString()).toBe("CNY 100.00");
    expect(domain(() => drgPayment({ currency: "CNY", groupRate: "0", actualCost: "100", outlierBands: bands }))).toEqual({
      code: "UNDEFINED_RESULT", path: ["outlierBands"], reason: "outlier bands need a positive payment rate to compare the cost with", details: {},
    });
  });

  it("rounds the payment rate once, by the rounding given", () => {
    // 1,000.005 × 1 → half-up 1,000.01, down 1,000.00.
    expect(drgPayment({ currency: "CNY", baseRate: "1000.005", relativeWeight: 1 }).paymentRate.toString()).toBe("CNY 1000.01");
    const down = drgPayment({ currency: "CNY", baseRate: "1000.005", relativeWeight: 1, rounding: "down" });
    expect(down.paymentRate.toString()).toBe("CNY 1000.00");
    expect(down.explanation.at(-1)!.inputs).toEqual({ rounding: "down" });
  });
});

describe("DRG case payment: bad input", () => {
  it("each missing or conflicting rate field is named with its reason", () => {
    expect(issues(() => drgPayment({ currency: "CNY" }))).toEqual([
      { path: ["baseRate"], code: "custom", message: "baseRate is required when groupRate is not given" },
      { path: ["relativeWeight"], code: "custom", message: "relativeWeight is required when groupRate is not given" },
    ]);
    expect(issues(() => drgPayment({ currency: "CNY", relativeWeight: 1 }))).toEqual([{ path: ["baseRate"], code: "custom", message: "baseRate is required when groupRate is not given" }]);
    expect(issues(() => drgPayment({ currency: "CNY", groupRate: "1", relativeWeight: 1 }))).toEqual([
      { path: ["groupRate"], code: "custom", message: "give either groupRate or baseRate with relativeWeight, not both" },
    ]);
    expect(issues(() => drgPayment({ currency: "CNY", groupRate: "1", baseRate: "1" }))).toEqual([
      { path: ["groupRate"], code: "custom", message: "give either groupRate or baseRate with relativeWeight, not both" },
    ]);
    expect(issues(() => drgPayment({ currency: "CNY", groupRate: "1", outlierBands: bands }))).toEqual([
      { path: ["actualCost"], code: "custom", message: "outlier bands need the case's actual cost" },
    ]);
    expect(issues(() => drgPayment({ currency: "CNY", groupRate: "1", subgroup: { name: "s" } }))).toEqual([
      { path: ["subgroup"], code: "custom", message: "a subgroup gives exactly one of uplift or groupRate" },
    ]);
    expect(issues(() => drgPayment({ currency: "CNY", groupRate: "1", subgroup: { name: "s", uplift: 0.1, groupRate: "2" } }))[0]!.path).toEqual(["subgroup"]);
    expect(validationError(() => drgPayment({ currency: "CNY" })).message.startsWith("drgPayment: invalid input — ")).toBe(true);
  });
});

describe("DRG technology cost", () => {
  it("each item is counted at its coefficient and rounded once; the total adds the counted amounts", () => {
    // 1,200 × 1.3 = 1,560; 333.33 × 0.5 = 166.665 → 166.67 (half-up); total 1,726.67.
    const r = drgTechnologyCost({ currency: "CNY", items: [{ name: "NGS panel", actualCost: "1200", coefficient: 1.3 }, { name: "AI read", actualCost: "333.33", coefficient: 0.5 }] });
    expect(json(r)).toEqual({
      items: [
        { name: "NGS panel", actualCost: m("1200.00"), coefficient: "1.3", counted: m("1560.00") },
        { name: "AI read", actualCost: m("333.33"), coefficient: "0.5", counted: m("166.67") },
      ],
      countedTotal: m("1726.67"),
      explanation: [
        { rule: "budget.drg.technology", text: "NGS panel is counted at 130% of its actual cost.", inputs: { actualCost: m("1200.00"), coefficient: "1.3" }, amount: m("1560.00") },
        { rule: "budget.drg.technology", text: "AI read is counted at 50% of its actual cost.", inputs: { actualCost: m("333.33"), coefficient: "0.5" }, amount: m("166.67") },
        { rule: "budget.drg.technology-total", text: "Total technology cost counted in the cost base.", inputs: {}, amount: m("1726.67") },
      ],
    });
    expect(drgTechnologyCost({ currency: "CNY", items: [{ name: "a", actualCost: "333.33", coefficient: 0.5 }], rounding: "down" }).countedTotal.toString()).toBe("CNY 166.66");
    expect(validationError(() => drgTechnologyCost({ currency: "CNY", items: [] })).issues[0]!.path).toEqual(["items"]);
  });
});

describe("DRG efficacy coefficient", () => {
  it("qualifies at both thresholds inclusive, with the C4 reading noted for the default 1.2", () => {
    const r = drgEfficacyCoefficient({ responseRate: 0.8, oneYearSurvival: 0.6 });
    expect(json(r)).toEqual({
      qualifies: true,
      coefficient: "1.2",
      explanation: [
        {
          rule: "budget.drg.efficacy",
          text: "Response rate 80% ≥ 80% and one-year survival 60% ≥ 60%: efficacy coefficient ×1.2 (「增加1.2倍」 read as 'to 1.2 times').",
          inputs: { responseRate: "0.8", oneYearSurvival: "0.6" },
        },
      ],
    });
    // An explicit 2.2 has no C4 note.
    expect(drgEfficacyCoefficient({ responseRate: 0.9, oneYearSurvival: 0.7, coefficient: 2.2 }).explanation[0]!.text).toBe(
      "Response rate 90% ≥ 80% and one-year survival 70% ≥ 60%: efficacy coefficient ×2.2.",
    );
  });

  it("misses when either outcome is below its threshold, and gives ×1", () => {
    const text = "The group does not meet both outcome thresholds (response ≥ 70%, one-year survival ≥ 50%): coefficient ×1.";
    const lowResponse = drgEfficacyCoefficient({ responseRate: 0.69, oneYearSurvival: 0.9, minResponseRate: 0.7, minOneYearSurvival: 0.5 });
    expect([lowResponse.qualifies, lowResponse.coefficient, lowResponse.explanation[0]!.text]).toEqual([false, "1", text]);
    const lowSurvival = drgEfficacyCoefficient({ responseRate: 0.9, oneYearSurvival: 0.49, minResponseRate: 0.7, minOneYearSurvival: 0.5 });
    expect([lowSurvival.qualifies, lowSurvival.coefficient]).toEqual([false, "1"]);
  });
});
