// Issue 13: every capitation target kind and adjustment form the schema accepts has its
// record, and the payment reaches it (internal: the registries are not public API).
import { describe, expect, it } from "vitest";
import { capitationAdjustmentSchema, capitationPayment, capitationTargetSchema, type CapitationTarget } from "../../src/index.js";
import { ADJUSTMENT_FORMS } from "../../src/budget/capitation/adjustments.js";
import { CAPITATION_TARGET_KINDS } from "../../src/budget/capitation/targets/index.js";

// One target per kind the schema should accept, keyed by kind: a kind missing here does not type-check.
const samples: { [K in CapitationTarget["kind"]]: Extract<CapitationTarget, { kind: K }> } = {
  banded: { kind: "banded", metric: "x", table: { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 1, value: { amount: "20" } }] } },
  "all-of": { kind: "all-of", conditions: [{ metric: "x", min: 0.5 }], met: { rate: 0.1 }, notMet: { amount: "-5" } },
  proportional: { kind: "proportional", metric: "x", target: 0.8, maxBonus: 0.25 },
};

describe("capitation kinds: one record each", () => {
  it("the target schema accepts exactly the kinds with a record, and each kind's record pays", () => {
    const tags = (capitationTargetSchema as unknown as { options: { shape: { kind: { value: string } } }[] }).options.map((o) => o.shape.kind.value);
    expect(tags).toEqual(["banded", "all-of", "proportional"]);
    expect(CAPITATION_TARGET_KINDS.map((k) => k.type)).toEqual(Object.keys(samples));
    // Base 100, x = 0.6: banded +20; all-of met (0.6 ≥ 0.5) → +10 % of 100 = +10;
    // proportional 0.6 ÷ 0.8 = 0.75 → (100 + 20 + 10) × 0.75 = 97.50.
    const r = capitationPayment({ currency: "CNY", baseAmount: "100", metrics: { x: 0.6 }, targets: Object.values(samples) });
    expect(r.explanation.map((s) => s.rule)).toEqual(["budget.capitation.base", "budget.capitation.banded", "budget.capitation.all-of", "budget.capitation.proportional", "budget.capitation.payment"]);
    expect(r.adjustments.map((a) => [a.adjustment?.toString() ?? null, a.factor])).toEqual([["CNY 20.00", null], ["CNY 10.00", null], [null, "0.75"]]);
    expect(r.payment.toString()).toBe("CNY 97.50");
  });

  it("the adjustment schema's fields are exactly the forms with a record, each worded by its form", () => {
    expect(Object.keys((capitationAdjustmentSchema as unknown as { shape: object }).shape)).toEqual(Object.keys(ADJUSTMENT_FORMS));
    expect(Object.keys(ADJUSTMENT_FORMS)).toEqual(["rate", "amount"]);
    const banded = (value: object) =>
      capitationPayment({ currency: "CNY", baseAmount: "200", metrics: { x: 0.5 }, targets: [{ kind: "banded", name: "T", metric: "x", table: { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 1, value }] } } as never] });
    // rate −0.25 of 200 = −50; amount 30 = +30.
    expect([banded({ rate: -0.25 }).explanation[1]!.text, banded({ rate: -0.25 }).payment.toString()]).toEqual(["T: x = 0.5 falls in [0, 1]: -25%.", "CNY 150.00"]);
    expect([banded({ amount: "30" }).explanation[1]!.text, banded({ amount: "30" }).payment.toString()]).toEqual(["T: x = 0.5 falls in [0, 1]: +30.", "CNY 230.00"]);
    expect(banded({ rate: 0 }).explanation[1]!.text).toBe("T: x = 0.5 falls in [0, 1]: no change.");
    // Neither or both forms: the one message, built from the forms' names.
    for (const value of [{}, { rate: 0.1, amount: "1" }]) {
      expect(capitationAdjustmentSchema.safeParse(value).error?.issues.map((i) => i.message)).toEqual(["give exactly one of rate or amount"]);
    }
  });
});
