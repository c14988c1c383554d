// Budget impact: every sentence of the explanation, the affordability verdicts, and each
// input guard's typed error and path. Expected values are worked by hand in comments.
import { describe, expect, it } from "vitest";
import { budgetImpact, budgetImpactScenarios, MAX_BUDGET_IMPACT_SCENARIOS, MAX_BUDGET_IMPACT_YEARS } from "../../src/index.js";
import { issues, validationError } from "../typed-errors.js";
import { domain, json, m } from "./explain-helpers.js";

// Two years from 2026: eligible 100 then 200, uptake 50 %, 1,000 per patient; half of the
// treated would have had a 400 therapy (200 displaced per patient); one avoided event of
// 100 per patient; discount 10 %; fund expenditure 1,000,000 and surplus 100,000.
const twoYears = {
  currency: "CNY",
  startYear: 2026,
  eligible: [100, 200],
  uptake: 0.5,
  costPerPatient: "1000",
  displaced: [{ name: "old therapy", costPerPatient: "400", share: 0.5 }],
  avoidedEvents: [{ name: "admission", costPerEvent: "100", eventsPerPatient: 1 }],
  discountRate: 0.1,
  fundExpenditure: "1000000",
  fundSurplus: "100000",
  affordability: { maxShareOfExpenditure: 0.05, maxShareOfSurplus: 0.8, maxAnnualAmount: "80000" },
};

describe("budget impact: the explanation a fund committee reads", () => {
  it("explains each year's treated count, displaced and avoided costs, fund shares and limit, then the totals", () => {
    const r = budgetImpact(twoYears);
    // Year 1: 100 × 0.5 = 50 treated; gross 50 × 1,000 = 50,000; displaced 50 × 0.5 × 400 = 10,000;
    // avoided 50 × 1 × 100 = 5,000; net 35,000 = 3.5 % of 1,000,000 and 35 % of 100,000; all three
    // limits hold (3.5 % ≤ 5 %, 35 % ≤ 80 %, 35,000 ≤ 80,000).
    // Year 2: 200 × 0.5 = 100 treated; gross 100,000; displaced 20,000; avoided 10,000; net 70,000
    // = 7 % (above 5 %), 70 % (≤ 80 %), 70,000 ≤ 80,000: one limit broken → above.
    // Discounted: 35,000 + 70,000 / 1.1 = 35,000 + 63,636.3636… → 63,636.36; total 98,636.36.
    expect(json(r.explanation)).toEqual([
      {
        rule: "budget.bia.year",
        text: "Year 1 (2026): 100 eligible × 50% uptake = 50 treated; less displaced therapy CNY 10,000.00; less avoided events CNY 5,000.00; net cost CNY 35,000.00 = 3.5% of fund expenditure, 35% of the fund surplus; within the affordability limit.",
        inputs: { eligible: "100", uptake: "0.5", treated: "50", grossCost: m("50000.00"), displacedCost: m("10000.00"), avoidedCost: m("5000.00") },
        amount: m("35000.00"),
      },
      {
        rule: "budget.bia.year",
        text: "Year 2 (2027): 200 eligible × 50% uptake = 100 treated; less displaced therapy CNY 20,000.00; less avoided events CNY 10,000.00; net cost CNY 70,000.00 = 7% of fund expenditure, 70% of the fund surplus; ABOVE the affordability limit.",
        inputs: { eligible: "200", uptake: "0.5", treated: "100", grossCost: m("100000.00"), displacedCost: m("20000.00"), avoidedCost: m("10000.00") },
        amount: m("70000.00"),
      },
      { rule: "budget.bia.total", text: "Net budget impact over 2 years, undiscounted.", inputs: { totalGrossCost: m("150000.00") }, amount: m("105000.00") },
      { rule: "budget.bia.discounted", text: "Present value at a 10% annual discount rate (year 1 undiscounted).", inputs: { discountRate: "0.1" }, amount: m("98636.36") },
      { rule: "budget.bia.verdict", text: "Years above the affordability limit: 2: not affordable.", inputs: { verdict: "not-affordable" } },
    ]);
    expect(r.verdict).toBe("not-affordable");
    expect(r.horizon).toBe(2);
    expect(json(r.years)).toEqual([
      {
        year: 1, calendarYear: 2026, eligible: "100", uptake: "0.5", treated: "50",
        grossCost: m("50000.00"), displacedCost: m("10000.00"), avoidedCost: m("5000.00"), netCost: m("35000.00"), discountedNetCost: m("35000.00"),
        shareOfExpenditure: "0.035", shareOfSurplus: "0.35", withinLimit: true,
      },
      {
        year: 2, calendarYear: 2027, eligible: "200", uptake: "0.5", treated: "100",
        grossCost: m("100000.00"), displacedCost: m("20000.00"), avoidedCost: m("10000.00"), netCost: m("70000.00"), discountedNetCost: m("63636.36"),
        shareOfExpenditure: "0.07", shareOfSurplus: "0.7", withinLimit: false,
      },
    ]);
    expect(json([r.totalGrossCost, r.totalNetCost, r.totalDiscountedNetCost])).toEqual([m("150000.00"), m("105000.00"), m("98636.36")]);
  });

  it("one year without displaced therapy, avoided events, fund figures or limits says so plainly", () => {
    // 10 × 100 % = 10 treated × 100 = 1,000; nothing displaced or avoided; no fund shares.
    const r = budgetImpact({ currency: "CNY", eligible: 10, uptake: 1, costPerPatient: "100" });
    expect(json(r.explanation)).toEqual([
      {
        rule: "budget.bia.year",
        text: "Year 1: 10 eligible × 100% uptake = 10 treated; net cost CNY 1,000.00.",
        inputs: { eligible: "10", uptake: "1", treated: "10", grossCost: m("1000.00"), displacedCost: m("0.00"), avoidedCost: m("0.00") },
        amount: m("1000.00"),
      },
      { rule: "budget.bia.total", text: "Net budget impact over 1 year, undiscounted.", inputs: { totalGrossCost: m("1000.00") }, amount: m("1000.00") },
      { rule: "budget.bia.verdict", text: "No affordability limit was configured: affordability not assessed.", inputs: { verdict: "not-assessed" } },
    ]);
    expect(r.years[0]).toMatchObject({ calendarYear: null, shareOfExpenditure: null, shareOfSurplus: null, withinLimit: null });
    expect(r.verdict).toBe("not-assessed");
  });

  it("an empty affordability object assesses nothing; a limit every year meets is affordable", () => {
    const none = budgetImpact({ currency: "CNY", eligible: 10, uptake: 1, costPerPatient: "100", affordability: {} });
    expect(none.years[0]!.withinLimit).toBeNull();
    expect(none.verdict).toBe("not-assessed");
    // 1,000 ≤ 1,000 (the limit is inclusive) in both years.
    const ok = budgetImpact({ currency: "CNY", horizon: 2, eligible: 10, uptake: 1, costPerPatient: "100", affordability: { maxAnnualAmount: "1000" } });
    expect(ok.years.map((y) => y.withinLimit)).toEqual([true, true]);
    expect(ok.verdict).toBe("affordable");
    expect(ok.explanation.at(-1)).toEqual({ rule: "budget.bia.verdict", text: "Every year is within the configured affordability limit: affordable.", inputs: { verdict: "affordable" } });
    // The displaced sentence appears without the avoided one, and vice versa.
    const onlyDisplaced = budgetImpact({ currency: "CNY", eligible: 10, uptake: 1, costPerPatient: "100", displaced: [{ name: "x", costPerPatient: "30" }] });
    // share defaults to 1: 10 × 30 = 300 displaced; net 700.
    expect(onlyDisplaced.explanation[0]!.text).toBe("Year 1: 10 eligible × 100% uptake = 10 treated; less displaced therapy CNY 300.00; net cost CNY 700.00.");
    const onlyAvoided = budgetImpact({
      currency: "CNY", eligible: 10, uptake: 1, costPerPatient: "100",
      avoidedEvents: [{ name: "y", costPerEvent: "20", eventsPerPatient: 0.5 }], fundSurplus: "5000",
    });
    // 10 × 0.5 × 20 = 100 avoided; net 900 = 18 % of 5,000.
    expect(onlyAvoided.explanation[0]!.text).toBe("Year 1: 10 eligible × 100% uptake = 10 treated; less avoided events CNY 100.00; net cost CNY 900.00 = 18% of the fund surplus.");
  });

  it("a year above a share-of-surplus limit alone, or an amount limit alone, is not affordable", () => {
    // 1,000 net of 2,000 surplus = 50 % > 40 %.
    const sur = budgetImpact({ currency: "CNY", eligible: 10, uptake: 1, costPerPatient: "100", fundSurplus: "2000", affordability: { maxShareOfSurplus: 0.4 } });
    expect(sur.years[0]!.withinLimit).toBe(false);
    // 1,000 net of 10,000 expenditure = 10 % ≤ 10 % (inclusive).
    const exp = budgetImpact({ currency: "CNY", eligible: 10, uptake: 1, costPerPatient: "100", fundExpenditure: "10000", affordability: { maxShareOfExpenditure: 0.1 } });
    expect(exp.years[0]!.withinLimit).toBe(true);
    const amt = budgetImpact({ currency: "CNY", eligible: 10, uptake: 1, costPerPatient: "100", affordability: { maxAnnualAmount: "999.99" } });
    expect(amt.years[0]!.withinLimit).toBe(false);
    expect(amt.explanation.at(-1)!.text).toBe("Years above the affordability limit: 1: not affordable.");
  });
});

describe("budget impact: bad input", () => {
  it("every per-year list whose length differs from the horizon is named, with the horizon it was held to", () => {
    const all = issues(() =>
      budgetImpact({
        currency: "CNY", horizon: 1, eligible: [1, 2], uptake: [0.1, 0.2], costPerPatient: ["1", "2"],
        displaced: [{ name: "d", costPerPatient: ["1", "2"], share: [0.1, 0.2] }],
        avoidedEvents: [{ name: "a", costPerEvent: ["1", "2"], eventsPerPatient: [1, 2] }],
        fundExpenditure: ["1", "2"], fundSurplus: ["1", "2"],
      }),
    );
    const msg = "has 2 yearly values but the horizon is 1 years";
    expect(all).toEqual([
      { path: ["eligible"], code: "invalid_length", message: msg },
      { path: ["uptake"], code: "invalid_length", message: msg },
      { path: ["costPerPatient"], code: "invalid_length", message: msg },
      { path: ["displaced", 0, "costPerPatient"], code: "invalid_length", message: msg },
      { path: ["displaced", 0, "share"], code: "invalid_length", message: msg },
      { path: ["avoidedEvents", 0, "costPerEvent"], code: "invalid_length", message: msg },
      { path: ["avoidedEvents", 0, "eventsPerPatient"], code: "invalid_length", message: msg },
      { path: ["fundExpenditure"], code: "invalid_length", message: msg },
      { path: ["fundSurplus"], code: "invalid_length", message: msg },
    ]);
    expect(validationError(() => budgetImpact({ currency: "CNY", horizon: 1, eligible: [1, 2], uptake: 1, costPerPatient: "1" })).message).toBe(
      `budgetImpact: invalid input — eligible: ${msg}`,
    );
  });

  it("without a stated horizon the first per-year list sets it, and the message says so", () => {
    expect(issues(() => budgetImpact({ currency: "CNY", eligible: 1, uptake: [0.1, 0.2], costPerPatient: ["1", "2", "3"] }))).toEqual([
      { path: ["costPerPatient"], code: "invalid_length", message: "has 3 yearly values but the horizon is 2 years (from the first per-year list)" },
    ]);
    // No list at all: one year.
    expect(budgetImpact({ currency: "CNY", eligible: 1, uptake: 1, costPerPatient: "1" }).horizon).toBe(1);
  });

  it("displaced shares above all treated patients in a year are an inconsistency naming the year", () => {
    // Year 2: 0.6 + 0.6 = 1.2 > 1 (year 1: 0.1 + 0.1 is fine).
    expect(
      domain(() =>
        budgetImpact({
          currency: "CNY", eligible: 1, uptake: 1, costPerPatient: "1",
          displaced: [{ name: "a", costPerPatient: "1", share: [0.1, 0.6] }, { name: "b", costPerPatient: "1", share: [0.1, 0.6] }],
        }),
      ),
    ).toEqual({
      code: "INCONSISTENT_INPUT",
      path: ["displaced"],
      reason: "in year 2 the displaced therapies' shares add up to 1.2, more than all treated patients",
      details: { year: 2, totalShare: "1.2" },
    });
    // Exactly 1 is allowed.
    expect(() => budgetImpact({ currency: "CNY", eligible: 1, uptake: 1, costPerPatient: "1", displaced: [{ name: "a", costPerPatient: "1", share: 1 }] })).not.toThrow();
  });

  it("a share limit without the fund figure it divides by names the missing field", () => {
    expect(domain(() => budgetImpact({ currency: "CNY", eligible: 1, uptake: 1, costPerPatient: "1", affordability: { maxShareOfExpenditure: 0.1 } }))).toEqual({
      code: "INCONSISTENT_INPUT", path: ["fundExpenditure"], reason: "a limit on the share of fund expenditure needs fundExpenditure", details: {},
    });
    expect(domain(() => budgetImpact({ currency: "CNY", eligible: 1, uptake: 1, costPerPatient: "1", affordability: { maxShareOfSurplus: 0.1 } }))).toEqual({
      code: "INCONSISTENT_INPUT", path: ["fundSurplus"], reason: "a limit on the share of the fund surplus needs fundSurplus", details: {},
    });
  });
});

describe("budget impact scenarios", () => {
  const base = { currency: "CNY", eligible: 10, uptake: 1, costPerPatient: "100" };
  it("the base run is named base with a zero difference; a scenario's difference is its net total minus the base's", () => {
    const r = budgetImpactScenarios({ base, scenarios: [{ name: "price cut", overrides: { costPerPatient: "80" } }] });
    // 10 × 80 = 800 vs 1,000: −200.
    expect(r.runs.map((x) => [x.name, x.differenceFromBase.toString()])).toEqual([["base", "CNY 0.00"], ["price cut", "CNY -200.00"]]);
    expect(r.runs[1]!.result.totalNetCost.toString()).toBe("CNY 800.00");
  });

  it("a bad base or override is reported under its own path and context", () => {
    const b = validationError(() => budgetImpactScenarios({ base: { ...base, uptake: 2 } }));
    expect(b.issues.map((i) => i.path)).toEqual([["base", "uptake"]]);
    expect(b.message.startsWith("budgetImpactScenarios (base): invalid input — base.uptake: ")).toBe(true);
    const s = validationError(() => budgetImpactScenarios({ base, scenarios: [{ name: "ok", overrides: {} }, { name: "fast", overrides: { uptake: 2 } }] }));
    expect(s.issues.map((i) => i.path)).toEqual([["scenarios", 1, "overrides", "uptake"]]);
    expect(s.issues[0]!.code).toBe("invalid_union");
    expect(s.message.startsWith('budgetImpactScenarios (scenario "fast"): invalid input — scenarios[1].overrides.uptake: ')).toBe(true);
  });
});

describe("budget impact: the horizon limit", () => {
  it("a per-year list longer than MAX_BUDGET_IMPACT_YEARS is refused when it sets the horizon, like a stated horizon (regression)", () => {
    // Before: a 10,000-value uptake list ran a 10,000-year analysis (seconds), while horizon: 101 was refused.
    expect(MAX_BUDGET_IMPACT_YEARS).toBe(100);
    const long = Array.from({ length: 101 }, () => 0.5);
    expect(issues(() => budgetImpact({ currency: "CNY", eligible: 1, uptake: long, costPerPatient: "1" }))).toEqual([
      { path: ["uptake"], code: "too_big", message: "has 101 yearly values; a horizon is at most 100 years (MAX_BUDGET_IMPACT_YEARS)" },
    ]);
    expect(issues(() => budgetImpact({ currency: "CNY", horizon: 101, eligible: 1, uptake: 1, costPerPatient: "1" }))[0]!.path).toEqual(["horizon"]);
    // Exactly 100 years is allowed.
    expect(budgetImpact({ currency: "CNY", eligible: 1, uptake: long.slice(1), costPerPatient: "1" }).horizon).toBe(100);
  });
});

describe("budget impact scenarios: the scenario limit", () => {
  it("more than MAX_BUDGET_IMPACT_SCENARIOS scenarios is a too_big error at scenarios", () => {
    expect(MAX_BUDGET_IMPACT_SCENARIOS).toBe(1000);
    const base = { currency: "CNY", eligible: 1, uptake: 1, costPerPatient: "1" };
    const many = Array.from({ length: 1001 }, (_, i) => ({ name: `s${i}`, overrides: {} }));
    const all = issues(() => budgetImpactScenarios({ base, scenarios: many }));
    expect(all.map((i) => [i.path, i.code])).toEqual([[["scenarios"], "too_big"]]);
    expect(budgetImpactScenarios({ base, scenarios: many.slice(0, 2) }).runs).toHaveLength(3);
  });
});
