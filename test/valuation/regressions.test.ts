// Regressions found by fuzzing (test/fuzz).
import { describe, expect, it } from "vitest";
import { analyzePsa, classifyIcerByGdp, frontier, optimalStrategy, qaly, quadrantOf, valueScore, ValidationError, type FrontierResult } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });

describe("valuation regressions (fuzz)", () => {
  it("an empty string where a decimal goes is a ValidationError (was TypeError in the object's refinement)", () => {
    expect(() => qaly({ periods: [{ utility: "", repeat: 3 }] })).toThrow(ValidationError);
    expect(() => classifyIcerByGdp({ icer: cny("100"), gdpPerCapita: cny("10"), multiples: { high: "", moderate: 3 } })).toThrow(ValidationError);
    expect(() => valueScore({ dimensions: [{ name: "a", score: 80, weight: "" }] })).toThrow(ValidationError);
  });
  it("optimalStrategy reads only results of frontier(); quadrantOf only finite Decimals", () => {
    const r = frontier({ strategies: [{ name: "A", cost: cny("0"), effect: 0 }, { name: "B", cost: cny("100"), effect: 1 }] });
    expect(optimalStrategy({ frontier: r, lambda: cny("200") }).name).toBe("B");
    expect(() => optimalStrategy({ frontier: { ...r, frontier: null } as unknown as FrontierResult, lambda: cny("200") })).toThrow(ValidationError);
    expect(() => quadrantOf({ deltaEffect: null as never, deltaCost: new D(1) })).toThrow(ValidationError);
  });
  it("a non-finite PSA entry that is an object is reported, not a TypeError from String()", () => {
    expect(() => analyzePsa({ strategies: ["A"], costs: [[1, Object.create(null) as number]], effects: [[1, 1]], lambdas: [1], currency: "CNY" })).toThrow(ValidationError);
  });
});
