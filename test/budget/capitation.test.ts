// Capitation with performance targets (P1–P4): every explanation sentence and step input
// pinned, the floor at zero, the panel total, and each input guard's typed error and path.
import { describe, expect, it } from "vitest";
import { capitationPanelPayment, capitationPayment } from "../../src/index.js";
import { issue, issues } from "../typed-errors.js";
import { json, m } from "./explain-helpers.js";

const bpTable = {
  domain: { min: 0, max: 1 },
  bands: [
    { from: 0, to: 0.6, value: { amount: "-100" } },
    { from: 0.6, to: 0.7, value: { amount: "0" } },
    { from: 0.7, to: 1, value: { rate: 0.1 }, label: "good" },
  ],
};

const programme = {
  currency: "CNY",
  baseAmount: "1000",
  metrics: { bp: 0.75, a1c: 0.6, hosp: 0.3 },
  targets: [
    { kind: "banded" as const, name: "BP", metric: "bp", table: bpTable },
    { kind: "all-of" as const, conditions: [{ metric: "a1c", min: 0.6 }, { metric: "hosp", min: 0.2 }], met: { amount: "50" }, notMet: { amount: "-50" } },
    { kind: "proportional" as const, name: "P4", metric: "hosp", target: 0.2, maxBonus: 0.25 },
  ],
};

describe("capitation payment: the explanation", () => {
  it("a banded target, an all-of target and a proportional target capped at its bonus", () => {
    // BP 0.75 in [0.7, 1] → +10 % of 1,000 = +100; all-of met (0.6 ≥ 0.6, 0.3 ≥ 0.2) → +50;
    // proportional 0.3 ÷ 0.2 = 1.5 > 1 + 0.25 → factor 1.25. (1,000 + 100 + 50) × 1.25 = 1,437.50.
    const r = capitationPayment(programme);
    expect(json(r)).toEqual({
      baseAmount: m("1000.00"),
      adjustments: [
        { target: "BP", adjustment: m("100.00"), factor: null },
        { target: "target 2", adjustment: m("50.00"), factor: null },
        { target: "P4", adjustment: null, factor: "1.25" },
      ],
      payment: m("1437.50"),
      explanation: [
        { rule: "budget.capitation.base", text: "The base capitation amount is CNY 1,000.00.", inputs: {}, amount: m("1000.00") },
        { rule: "budget.capitation.banded", text: "BP: bp = 0.75 falls in [0.7, 1] (good): +10%.", inputs: { metric: "bp", value: "0.75" }, amount: m("100.00") },
        { rule: "budget.capitation.all-of", text: "target 2: all targets met (a1c 0.6 ≥ 0.6 and hosp 0.3 ≥ 0.2): +50.", inputs: { a1c: "0.6", hosp: "0.3" }, amount: m("50.00") },
        {
          rule: "budget.capitation.proportional",
          text: "P4: hosp 0.3 exceeds the target 0.2: the bonus stops at the maximum of 25%, paid 1.25 of the amount.",
          inputs: { metric: "hosp", value: "0.3", target: "0.2", maxBonus: "0.25" },
        },
        { rule: "budget.capitation.payment", text: "The capitation payment after performance adjustments, rounded once.", inputs: { rounding: "half-up" }, amount: m("1437.50") },
      ],
    });
  });

  it("a proportional target below, on, above and exactly at its ceiling", () => {
    const run = (v: number) => capitationPayment({ currency: "CNY", baseAmount: "1000", metrics: { x: v }, targets: [{ kind: "proportional", name: "X", metric: "x", target: 0.2, maxBonus: 0.25 }] });
    // 0.15 ÷ 0.2 = 0.75 → 750.
    const below = run(0.15);
    expect([below.explanation[1]!.text, below.adjustments[0]!.factor, below.payment.toString()]).toEqual(["X: x 0.15 is below the target 0.2: paid 0.15 ÷ 0.2 of the amount.", "0.75", "CNY 750.00"]);
    const on = run(0.2);
    expect([on.explanation[1]!.text, on.adjustments[0]!.factor, on.payment.toString()]).toEqual(["X: x 0.2 meets the target 0.2: paid in full.", "1", "CNY 1000.00"]);
    // 0.22 ÷ 0.2 = 1.1 ≤ 1.25 → 1,100.
    const above = run(0.22);
    expect([above.explanation[1]!.text, above.adjustments[0]!.factor, above.payment.toString()]).toEqual([
      "X: x 0.22 exceeds the target 0.2: paid 0.22 ÷ 0.2 of the amount (a bonus, at most 25%).", "1.1", "CNY 1100.00",
    ]);
    // 0.25 ÷ 0.2 = 1.25 = the ceiling: still the uncapped sentence.
    const atCeiling = run(0.25);
    expect([atCeiling.explanation[1]!.text, atCeiling.payment.toString()]).toEqual(["X: x 0.25 exceeds the target 0.2: paid 0.25 ÷ 0.2 of the amount (a bonus, at most 25%).", "CNY 1250.00"]);
    // A negative outcome pays nothing (achieved counts from 0), not a negative amount.
    const negative = run(-0.1);
    expect([negative.adjustments[0]!.factor, negative.payment.toString()]).toEqual(["0", "CNY 0.00"]);
  });

  it("an all-of target not met, and how each kind of adjustment reads", () => {
    const run = (met: object, notMet: object, a: number) =>
      capitationPayment({ currency: "CNY", baseAmount: "1000", metrics: { a }, targets: [{ kind: "all-of", name: "T", conditions: [{ metric: "a", min: 0.5 }], met, notMet } as never] });
    // 0.4 < 0.5: not met → −5 % of 1,000 = −50.
    const miss = run({ amount: "10" }, { rate: -0.05 }, 0.4);
    expect(json(miss.explanation[1])).toEqual({ rule: "budget.capitation.all-of", text: "T: not all targets met (a 0.4 ≥ 0.5): -5%.", inputs: { a: "0.4" }, amount: m("-50.00") });
    expect(miss.payment.toString()).toBe("CNY 950.00");
    expect(run({ amount: "0" }, { amount: "0" }, 0.5).explanation[1]!.text).toBe("T: all targets met (a 0.5 ≥ 0.5): no change.");
    expect(run({ rate: 0 }, { amount: "0" }, 0.5).explanation[1]!.text).toBe("T: all targets met (a 0.5 ≥ 0.5): no change.");
    expect(run({ amount: "-300" }, { amount: "0" }, 0.9).explanation[1]!.text).toBe("T: all targets met (a 0.9 ≥ 0.5): -300.");
    expect(run({ rate: 0.2 }, { amount: "0" }, 0.9).explanation[1]!.text).toBe("T: all targets met (a 0.9 ≥ 0.5): +20%.");
  });

  it("a banded target without a label, and a payment floored at zero", () => {
    // 0.5 in [0, 0.6) → −100 twice on a base of 150: 150 − 200 = −50 → floored at 0.
    const r = capitationPayment({
      currency: "CNY", baseAmount: "150", metrics: { bp: 0.5 },
      targets: [{ kind: "banded", metric: "bp", table: bpTable }, { kind: "banded", name: "again", metric: "bp", table: bpTable }],
    });
    expect(json(r.explanation.slice(1))).toEqual([
      { rule: "budget.capitation.banded", text: "target 1: bp = 0.5 falls in [0, 0.6): -100.", inputs: { metric: "bp", value: "0.5" }, amount: m("-100.00") },
      { rule: "budget.capitation.banded", text: "again: bp = 0.5 falls in [0, 0.6): -100.", inputs: { metric: "bp", value: "0.5" }, amount: m("-100.00") },
      { rule: "budget.capitation.floor", text: "Adjustments exceed the base; the payment is floored at zero.", inputs: { beforeFloor: m("-50.00") } },
      { rule: "budget.capitation.payment", text: "The capitation payment after performance adjustments, rounded once.", inputs: { rounding: "half-up" }, amount: m("0.00") },
    ]);
    // Exactly zero is not floored (no floor step).
    const zero = capitationPayment({ currency: "CNY", baseAmount: "100", metrics: { bp: 0.5 }, targets: [{ kind: "banded", metric: "bp", table: bpTable }] });
    expect(zero.explanation.map((s) => s.rule)).toEqual(["budget.capitation.base", "budget.capitation.banded", "budget.capitation.payment"]);
    expect(zero.payment.toString()).toBe("CNY 0.00");
  });

  it("rounds once by the rounding given", () => {
    // 1,000 × (1 ÷ 3) = 333.333… → half-up 333.33, up 333.34.
    const input = { currency: "CNY", baseAmount: "1000", metrics: { x: 1 }, targets: [{ kind: "proportional" as const, metric: "x", target: 3, maxBonus: 0 }] };
    expect(capitationPayment(input).payment.toString()).toBe("CNY 333.33");
    const up = capitationPayment({ ...input, rounding: "up" });
    expect(up.payment.toString()).toBe("CNY 333.34");
    expect(up.explanation.at(-1)!.inputs).toEqual({ rounding: "up" });
    expect(up.adjustments[0]!.target).toBe("target 1");
  });

  it("the panel total is the per-enrollee payment times the enrollees, explained last", () => {
    // 1,437.50 × 3 = 4,312.50.
    const r = capitationPanelPayment({ ...programme, enrollees: 3 });
    expect(r.enrollees).toBe(3);
    expect(r.perEnrollee.payment.toString()).toBe("CNY 1437.50");
    expect(json(r.explanation.at(-1))).toEqual({ rule: "budget.capitation.panel", text: "3 enrollees × CNY 1,437.50 per enrollee.", inputs: { enrollees: 3, perEnrollee: m("1437.50") }, amount: m("4312.50") });
    expect(r.explanation).toHaveLength(6);
    expect(r.total.toString()).toBe("CNY 4312.50");
  });
});

describe("capitation payment: bad input", () => {
  it("a target's metric that was not measured is named under metrics, for every kind", () => {
    const missing = { path: ["metrics", "nope"], code: "missing_metric", message: 'the metric "nope" is not among the measured metrics' };
    expect(issue(() => capitationPayment({ currency: "CNY", baseAmount: "1", metrics: {}, targets: [{ kind: "banded", metric: "nope", table: bpTable }] }))).toEqual(missing);
    expect(issue(() => capitationPayment({ currency: "CNY", baseAmount: "1", metrics: {}, targets: [{ kind: "proportional", metric: "nope", target: 1, maxBonus: 0 }] }))).toEqual(missing);
    expect(
      issue(() => capitationPayment({ currency: "CNY", baseAmount: "1", metrics: {}, targets: [{ kind: "all-of", conditions: [{ metric: "nope", min: 0 }], met: { amount: "0" }, notMet: { amount: "0" } }] })),
    ).toEqual(missing);
  });

  it("a missing metric after a failed all-of condition is a typed error, not a crash (regression)", () => {
    // Before: `every` stopped at the failed first condition and the sentence read the missing
    // metric as undefined: a raw TypeError.
    expect(
      issue(() =>
        capitationPayment({
          currency: "CNY", baseAmount: "100", metrics: { a: 0 },
          targets: [{ kind: "all-of", conditions: [{ metric: "a", min: 1 }, { metric: "nope", min: 0 }], met: { amount: "1" }, notMet: { amount: "0" } }],
        }),
      ),
    ).toEqual({ path: ["metrics", "nope"], code: "missing_metric", message: 'the metric "nope" is not among the measured metrics' });
  });

  it("metric names of Object.prototype are looked up as own keys only", () => {
    const t = (metric: string) => [{ kind: "proportional" as const, metric, target: 1, maxBonus: 0 }];
    expect(issue(() => capitationPayment({ currency: "CNY", baseAmount: "1", metrics: {}, targets: t("constructor") })).code).toBe("missing_metric");
    const own = JSON.parse('{"__proto__": 0.5}') as Record<string, number>;
    // 100 × 0.5 ÷ 1 = 50.
    expect(capitationPayment({ currency: "CNY", baseAmount: "100", metrics: own, targets: t("__proto__") }).payment.toString()).toBe("CNY 50.00");
  });

  it("an adjustment gives exactly one of rate or amount", () => {
    const msg = "give exactly one of rate or amount";
    expect(issues(() => capitationPayment({ currency: "CNY", baseAmount: "1", metrics: { a: 1 }, targets: [{ kind: "all-of", conditions: [{ metric: "a", min: 0 }], met: {}, notMet: { rate: 0.1, amount: "1" } }] }))).toEqual([
      { path: ["targets", 0, "met"], code: "custom", message: msg },
      { path: ["targets", 0, "notMet"], code: "custom", message: msg },
    ]);
  });
});
