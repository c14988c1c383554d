// The smaller calculators: buy N get M, catastrophic burden, coordination of benefits.
// Exact behaviour (wording, limits, paths) first pinned by the mutation runs; amounts worked by hand (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import {
  ValidationError,
  buyGetFreeUnits,
  catastrophicBurden,
  coordinateBenefits,
} from "../../src/index.js";
import { caught, domainError, issues, validationMessage } from "../typed-errors.js";

const amt = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

describe("buy N get M", () => {
  it("explains complete cycles and the incomplete one", () => {
    const r = buyGetFreeUnits({ units: 10, buy: 2, get: 1 });
    // 3 cycles of 3 (9 units, 3 free) + 1 left, paid: 7 paid, 3 free, saving 0.3.
    expect([r.paidUnits, r.freeUnits, r.fullCycles, r.partialUnits, r.savingShare]).toEqual([7, 3, 3, 1, "0.3"]);
    expect(r.explanation[0]!.text).toBe("Buy 2, get 1 free on 10 units: 3 complete cycle(s) of 3 give 3 free; the 1 unit(s) left give 0 free. The patient pays for 7 unit(s).");
    expect(r.explanation[0]!.rule).toBe("tiers.manufacturer.buy-get");
    // 11 units, buy 2 get 2: 2 cycles of 4 (4 free) + 3 left: 2 paid, 1 free → 5 free; 5/11 = 0.454545.
    const s = buyGetFreeUnits({ units: 11, buy: 2, get: 2 });
    expect([s.paidUnits, s.freeUnits, s.savingShare]).toEqual([6, 5, "0.454545"]);
    expect(s.explanation[0]!.text).toContain("the 3 unit(s) left give 1 free");
    expect(buyGetFreeUnits({ units: 0, buy: 2, get: 1 }).savingShare).toBe("0");
  });
});

describe("buy N get M: input checks and wording", () => {
  it("complete cycles give cycles × get free units, and the step lists its figures", () => {
    const r = buyGetFreeUnits({ units: 11, buy: 1, get: 2 });
    // Cycles of 3: 3 complete (9 units, 3 × 2 = 6 free); 2 left: 1 paid, 1 free → 4 paid, 7 free; 7/11 = 0.636363… → 0.636364.
    expect([r.paidUnits, r.freeUnits, r.fullCycles, r.partialUnits, r.savingShare]).toEqual([4, 7, 3, 2, "0.636364"]);
    expect(r.explanation[0]!.text).toBe("Buy 1, get 2 free on 11 units: 3 complete cycle(s) of 3 give 6 free; the 2 unit(s) left give 1 free. The patient pays for 4 unit(s).");
    expect(r.explanation[0]!.inputs).toEqual({ units: 11, buy: 1, get: 2, fullCycles: 3, partialUnits: 2, paidUnits: 4, freeUnits: 7 });
  });

  it("bad input names buyGetFreeUnits", () => {
    expect(validationMessage(() => buyGetFreeUnits({ units: 1, buy: 0, get: 1 })).startsWith("buyGetFreeUnits: invalid input — buy: ")).toBe(true);
  });
});

describe("catastrophic burden", () => {
  it("strictly above the threshold is catastrophic", () => {
    const at = catastrophicBurden({ currency: "CNY", outOfPocket: "20000", householdIncome: "100000" });
    // 20,000 / 100,000 = 20%: not above the default 20%.
    expect([at.catastrophic, at.ratio, at.threshold]).toEqual([false, "0.2", "0.2"]);
    expect(at.explanation[0]!.text).toBe(
      "Out-of-pocket CNY 20,000.00 is 20% of household income CNY 100,000.00: not above the 20% threshold, so the burden is not catastrophic.",
    );
    const above = catastrophicBurden({ currency: "CNY", outOfPocket: "20001", householdIncome: "100000" });
    expect(above.catastrophic).toBe(true);
    expect(above.explanation[0]!.text).toBe(
      "Out-of-pocket CNY 20,001.00 is 20.001% of household income CNY 100,000.00: above the 20% threshold, so the burden is catastrophic.",
    );
    // 1 / 3 = 0.333333 to 6 places; threshold 40%, in USD.
    const usd = catastrophicBurden({ outOfPocket: "1", householdIncome: "3", threshold: "0.4", currency: "USD" });
    expect([usd.catastrophic, usd.ratio, usd.threshold]).toEqual([false, "0.333333", "0.4"]);
    expect(usd.explanation[0]!.text).toBe("Out-of-pocket USD 1.00 is 33.3333% of household income USD 3.00: not above the 40% threshold, so the burden is not catastrophic.");
  });
});

describe("catastrophic burden: input checks and wording", () => {
  it("the step has its rule and its inputs", () => {
    const r = catastrophicBurden({ currency: "CNY", outOfPocket: "30000", householdIncome: "100000" });
    // 30,000 / 100,000 = 0.3 > 0.2.
    expect(r.catastrophic).toBe(true);
    const s = r.explanation[0]!;
    expect(s.rule).toBe("tiers.catastrophic");
    expect([amt(s.inputs.outOfPocket as never), amt(s.inputs.householdIncome as never), s.inputs.ratio, s.inputs.threshold]).toEqual(["30000.00", "100000.00", "0.3", "0.2"]);
  });

  it("bad input names catastrophicBurden", () => {
    expect(validationMessage(() => catastrophicBurden({ currency: "CNY", outOfPocket: "1", householdIncome: "0" })).startsWith("catastrophicBurden: invalid input — householdIncome: ")).toBe(true);
  });
});

describe("coordination of benefits", () => {
  it("explains each method", () => {
    const std = coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "standard" });
    expect(std.explanation.map((s) => s.text)).toEqual([
      "Standard coordination: the secondary pays the smaller of its normal benefit CNY 700.00 and what the primary left, CNY 1,000.00 − CNY 800.00 = CNY 200.00: CNY 200.00.",
      "The patient is left with CNY 1,000.00 − CNY 800.00 − CNY 200.00 = CNY 0.00.",
    ]);
    expect(std.explanation.map((s) => s.rule)).toEqual(["tiers.coordination.standard", "tiers.coordination.patient"]);
    expect(std.explanation[0]!.inputs).not.toHaveProperty("coinsurance");
    // Standard, normal benefit smaller than what is left: min(150, 200) = 150.
    expect(amt(coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 150, method: "standard" }).secondaryPays)).toBe("150.00");
    const nd = coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 900, method: "nonDuplication" });
    expect(nd.explanation[0]!.text).toBe(
      "Non-duplication (carve-out): the secondary pays its normal benefit CNY 900.00 less what the primary paid, CNY 800.00, floored at 0: CNY 100.00.",
    );
    // Non-duplication: max(0, 1,000 − 0) = 1,000, capped at what the primary left, 500 − 0 = 500.
    expect(amt(coordinateBenefits({ currency: "CNY", allowed: 500, primaryPaid: 0, secondaryNormalBenefit: 1000, method: "nonDuplication" }).secondaryPays)).toBe("500.00");
    const mob = coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits", coinsurance: "0.8", remainingDeductible: "50" });
    // 80% × (1,000 − 800 − 50) = 120; the patient keeps 200 − 120 = 80.
    expect(mob.explanation.map((s) => s.text)).toEqual([
      "Maintenance of benefits: the secondary pays 80% of (CNY 1,000.00 − CNY 800.00 − remaining deductible CNY 50.00), floored at 0: CNY 120.00.",
      "The patient is left with CNY 1,000.00 − CNY 800.00 − CNY 120.00 = CNY 80.00.",
    ]);
    expect(mob.explanation[0]!.inputs).toMatchObject({ coinsurance: "0.8", method: "maintenanceOfBenefits" });
    expect(amt(mob.patient)).toBe("80.00");
    // Deductible above what is left: max(0, 200 − 300) = 0.
    expect(amt(coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits", coinsurance: 1, remainingDeductible: "300" }).secondaryPays)).toBe("0.00");
    // No remaining deductible: 100% × 200 = 200.
    expect(amt(coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits", coinsurance: 1 }).secondaryPays)).toBe("200.00");
  });

  it("rounds with the named mode and checks its inputs", () => {
    // 0.333 × (10 − 0.01) = 3.32667: up 3.33, down 3.32.
    const base = { currency: "CNY", allowed: "10", primaryPaid: 0, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits", coinsurance: "0.333", remainingDeductible: "0.01" } as const;
    expect(amt(coordinateBenefits({ ...base, rounding: "up" }).secondaryPays)).toBe("3.33");
    expect(amt(coordinateBenefits({ ...base, rounding: "down" }).secondaryPays)).toBe("3.32");
    expect(amt(coordinateBenefits(base).secondaryPays)).toBe("3.33");
    expect(coordinateBenefits({ ...base, currency: "USD" }).secondaryPays.currency).toBe("USD");
    const e = domainError(() => coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 1200, secondaryNormalBenefit: 0, method: "standard" }));
    expect([e.code, e.message]).toEqual(["INCONSISTENT_INPUT", "primaryPaid: the primary paid CNY 1,200.00, more than the allowed CNY 1,000.00"]);
    // primary = allowed is fine: nothing left.
    expect(amt(coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 1000, secondaryNormalBenefit: 50, method: "standard" }).secondaryPays)).toBe("0.00");
    expect(issues(() => coordinateBenefits({ currency: "CNY", allowed: 1, primaryPaid: 0, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits" }))).toEqual([
      { path: ["coinsurance"], code: "missing_coinsurance", message: "maintenance of benefits needs the secondary's coinsurance rate" },
    ]);
  });
});

describe("coordination of benefits: input checks and wording", () => {
  it("bad input names coordinateBenefits", () => {
    expect(validationMessage(() => coordinateBenefits({ currency: "CNY", allowed: -1, primaryPaid: 0, secondaryNormalBenefit: 0, method: "standard" })).startsWith("coordinateBenefits: invalid input — allowed: ")).toBe(true);
  });
});
