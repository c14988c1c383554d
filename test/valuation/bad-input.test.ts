import { describe, expect, it } from "vitest";
import {
  analyzePsa,
  applyThreshold,
  assessAdmission,
  DomainError,
  frontier,
  icer,
  netBenefit,
  optimalStrategy,
  psaInputFromDraws,
  qaly,
  selectThreshold,
  ValidationError,
  valueBasedPrice,
  valueScore,
} from "../../src/index.js";
import { domainError, issuePaths } from "../typed-errors.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });



/** Code and dotted path of the DomainError `fn` throws. */
function domainCode(fn: () => unknown): { code: string; path: string } {
  const e = domainError(fn);
  return { code: e.code, path: e.path.join(".") };
}

describe("bad input is rejected with typed errors", () => {
  it("non-finite effects and costs in a frontier", () => {
    expect(issuePaths(() => frontier({ strategies: [{ name: "A", cost: cny("1"), effect: Number.NaN }] }))).toContain("strategies.0.effect");
    expect(issuePaths(() => frontier({ strategies: [{ name: "A", cost: cny("1"), effect: Number.POSITIVE_INFINITY }] }))).toContain("strategies.0.effect");
    expect(issuePaths(() => frontier({ strategies: [{ name: "A", cost: { amount: "Infinity", currency: "CNY" }, effect: 1 }] })).some((p) => p.startsWith("strategies.0.cost"))).toBe(true);
    expect(issuePaths(() => icer({ intervention: { cost: cny("1"), effect: "abc" }, comparator: { cost: cny("1"), effect: 1 } }))).toContain("intervention.effect");
  });

  it("duplicate strategy names", () => {
    const paths = issuePaths(() =>
      frontier({ strategies: [{ name: "A", cost: cny("1"), effect: 1 }, { name: "A", cost: cny("2"), effect: 2 }] }),
    );
    expect(paths).toContain("strategies.1.name");
    expect(issuePaths(() => analyzePsa({ strategies: ["S", "S"], costs: [[1], [2]], effects: [[1], [1]], lambdas: [1], currency: "CNY" }))).toContain("strategies.1");
    expect(issuePaths(() => netBenefit({ lambda: cny("1"), strategies: [{ name: "X", cost: cny("1"), effect: 1 }, { name: "X", cost: cny("1"), effect: 1 }] }))).toContain("strategies.1.name");
  });

  it("empty input", () => {
    expect(issuePaths(() => frontier({ strategies: [] }))).toContain("strategies");
    expect(issuePaths(() => qaly({ periods: [] }))).toContain("periods");
    expect(issuePaths(() => analyzePsa({ strategies: [], costs: [], effects: [], lambdas: [1], currency: "CNY" }))).toContain("strategies");
    expect(issuePaths(() => analyzePsa({ strategies: ["S"], costs: [[]], effects: [[]], lambdas: [1], currency: "CNY" }))).toContain("costs");
    expect(issuePaths(() => analyzePsa({ strategies: ["S"], costs: [[1]], effects: [[1]], lambdas: [], currency: "CNY" }))).toContain("lambdas");
    expect(issuePaths(() => valueScore({ dimensions: [] }))).toContain("dimensions");
  });

  it("utilities outside the configured range", () => {
    expect(issuePaths(() => qaly({ periods: [{ utility: 1.2 }] }))).toContain("periods.0.utility");
    expect(issuePaths(() => qaly({ periods: [{ utility: 0.5 }, { utility: -1.5 }] }))).toContain("periods.1.utility");
    expect(issuePaths(() => qaly({ periods: [{ utility: -0.3 }], utilityFloor: -0.2 }))).toContain("periods.0.utility");
    // Within a configured floor, negative utilities (worse than death) are legitimate.
    expect(qaly({ periods: [{ utility: -0.3 }], utilityFloor: -0.594 }).qalys.toString()).toBe("-0.3");
    expect(issuePaths(() => qaly({ periods: [{ utility: 0.5 }], discountRate: 1.5 }))).toContain("discountRate");
  });

  it("weights not summing to 1 and scores outside [0, 100]", () => {
    expect(issuePaths(() => valueScore({ dimensions: [{ name: "a", score: 50, weight: 0.5 }, { name: "b", score: 50, weight: 0.4 }] }))).toContain("dimensions");
    expect(issuePaths(() => valueScore({ dimensions: [{ name: "a", score: 101, weight: 1 }] }))).toContain("dimensions.0.score");
    expect(issuePaths(() => valueScore({ dimensions: [{ name: "a", score: -1, weight: 1 }] }))).toContain("dimensions.0.score");
    expect(
      issuePaths(() => valueScore({ dimensions: [{ name: "a", weight: 1, indicators: [{ name: "x", score: 10, weight: 0.3 }] }] })),
    ).toContain("dimensions.0.indicators");
  });

  it("ragged PSA matrices and non-finite draws", () => {
    expect(issuePaths(() => analyzePsa({ strategies: ["A", "B"], costs: [[1, 2], [1]], effects: [[1, 2], [1, 2]], lambdas: [1], currency: "CNY" }))).toContain("costs.1");
    expect(issuePaths(() => analyzePsa({ strategies: ["A", "B"], costs: [[1, 2]], effects: [[1, 2], [1, 2]], lambdas: [1], currency: "CNY" }))).toContain("costs");
    expect(issuePaths(() => analyzePsa({ strategies: ["A"], costs: [[1, 2]], effects: [[1, 2, 3]], lambdas: [1], currency: "CNY" }))).toContain("effects");
    expect(issuePaths(() => analyzePsa({ strategies: ["A"], costs: [new Float64Array([1, Number.NaN])], effects: [[1, 2]], lambdas: [1], currency: "CNY" }))).toContain("costs.0.1");
    expect(issuePaths(() => analyzePsa({ strategies: ["A"], costs: [[1]], effects: [[Number.POSITIVE_INFINITY]], lambdas: [1], currency: "CNY" }))).toContain("effects.0.0");
    expect(issuePaths(() => analyzePsa({ strategies: ["A"], costs: [[1]], effects: [[1]], lambdas: [-1], currency: "CNY" }))).toContain("lambdas.0");
    expect(issuePaths(() => psaInputFromDraws({ strategies: ["A", "B"], draws: [{ costs: [1], effects: [1, 2] }], lambdas: [1], currency: "CNY" }))).toContain("draws.0.costs");
  });

  it("mixed currencies are a CURRENCY_MISMATCH", () => {
    const e = domainCode(() => frontier({ strategies: [{ name: "A", cost: cny("1"), effect: 1 }, { name: "B", cost: { amount: "2", currency: "USD" }, effect: 2 }] }));
    expect(e).toEqual({ code: "CURRENCY_MISMATCH", path: "strategies.1.cost" });
    const r = frontier({ strategies: [{ name: "A", cost: cny("1"), effect: 1 }] });
    expect(domainCode(() => optimalStrategy({ frontier: r, lambda: { amount: "1", currency: "USD" } })).code).toBe("CURRENCY_MISMATCH");
  });

  it("negative λ, thresholds and impossible admission figures", () => {
    expect(issuePaths(() => netBenefit({ lambda: cny("-1"), strategies: [{ name: "A", cost: cny("1"), effect: 1 }] }))).toContain("lambda");
    expect(issuePaths(() => applyThreshold({ icer: cny("1"), threshold: cny("10"), upperThreshold: cny("5") }))).toContain("upperThreshold");
    expect(issuePaths(() => valueBasedPrice({ lambda: cny("-5"), incrementalEffect: 1, comparatorCost: cny("0"), nonDrugCost: cny("0") }))).toContain("lambda");
    const paths = issuePaths(() =>
      assessAdmission({
        technology: {
          seriousAdverseEventRate: 1.2,
          icer: cny("1"),
          gdpPerCapita: cny("0"),
          newAnnualSpending: cny("1"),
          fundAnnualExpenditure: cny("1"),
          annualOutOfPocket: cny("1"),
          householdAnnualIncome: cny("1"),
          committedSupply: 1,
          estimatedNeed: 1,
        },
      }),
    );
    expect(paths).toContain("technology.seriousAdverseEventRate");
    expect(paths).toContain("technology.gdpPerCapita");
  });

  it("a threshold policy naming an unknown fact is UNKNOWN_KEY", () => {
    const e = domainCode(() =>
      selectThreshold({
        policy: { rules: [{ label: "x", when: [{ fact: "months", op: ">=", value: 12 }], threshold: cny("150000") }], default: cny("89000") },
        facts: { lifeExtensionMonths: 14 },
      }),
    );
    expect(e).toEqual({ code: "UNKNOWN_KEY", path: "policy.rules.0.when.0.fact" });
  });

  it("negative costs (cost offsets) and negative incremental effects are legitimate", () => {
    const r = frontier({
      strategies: [
        { name: "offset", cost: cny("-50000"), effect: 1 },
        { name: "usual", cost: cny("0"), effect: 1.5 },
        { name: "worse", cost: cny("10000"), effect: 0.5 },
      ],
    });
    expect(r.strategies.map((s) => s.status)).toEqual(["ND", "ND", "D"]);
    // usual vs offset: 50,000 / 0.5 = 100,000
    expect(r.strategies[1]!.icer?.toString()).toBe("CNY 100000.00");
    const sw = icer({ intervention: { cost: cny("-20000"), effect: 1 }, comparator: { cost: cny("30000"), effect: 1.5 } });
    // ΔC −50,000, ΔE −0.5 → SW, 100,000 saved per QALY lost
    expect(sw.quadrant).toBe("SW");
    expect(sw.icer?.toString()).toBe("CNY 100000.00");
    expect(sw.label).toBe("CNY 100,000.00 saved per QALY lost");
  });
});
