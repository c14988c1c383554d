// QALYs, discounted costs and the value score as a reviewer reads them: each cycle's
// place in time, the timing rule in words, the steps, and each guard's message and path.
// Figures worked by hand in the comments.
import { describe, expect, it } from "vitest";
import { discountedCost, qaly, valueScore } from "../../src/index.js";
import { domainError, issue } from "../typed-errors.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
const d6 = (x: { toDecimalPlaces(n: number): { toString(): string } }) => x.toDecimalPlaces(6).toString();

describe("qaly: cycles, timing and steps", () => {
  it("three years at 0.8, 3 %, counted at the end", () => {
    const r = qaly({ periods: [{ utility: 0.8, repeat: 3 }], discountRate: 0.03 });
    // Σ 1.03^−t for t = 1, 2, 3 = 0.970874 + 0.942596 + 0.915142 = 2.828611; × 0.8 = 2.262889.
    expect([d6(r.qalys), d6(r.lifeYears), r.undiscountedQalys.toString(), r.undiscountedLifeYears.toString(), r.timing, r.discountRate.toString()]).toEqual(["2.262889", "2.828611", "2.4", "3", "end", "0.03"]);
    expect(r.cycles.map((c) => [c.index, c.start.toString(), c.end.toString(), c.utility.toString(), d6(c.discountFactor), d6(c.qalys), d6(c.lifeYears)])).toEqual([
      [1, "0", "1", "0.8", "0.970874", "0.776699", "0.970874"],
      [2, "1", "2", "0.8", "0.942596", "0.754077", "0.942596"],
      [3, "2", "3", "0.8", "0.915142", "0.732113", "0.915142"],
    ]);
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["valuation.qaly.timing", "3 cycle(s) over 3 year(s), discounted at 3% a year, each cycle counted at its end, so the first cycle is discounted by one cycle."],
      ["valuation.qaly.total", "Undiscounted 2.4 QALYs become 2.262889 QALYs after discounting."],
      ["valuation.qaly.life-years", "Life-years: 3 undiscounted, 2.828611 discounted."],
    ]);
    expect(json(r.explanation[0]!.inputs)).toEqual({ cycles: 3, discountRate: "0.03", timing: "end" });
    expect(String(r.explanation[1]!.inputs.undiscountedQalys)).toBe("2.4");
    expect(d6(r.explanation[1]!.inputs.qalys as never)).toBe("2.262889");
    expect(String(r.explanation[2]!.inputs.undiscountedLifeYears)).toBe("3");
    expect(d6(r.explanation[2]!.inputs.lifeYears as never)).toBe("2.828611");
  });

  it("start and middle timing, in words and in the factors", () => {
    const start = qaly({ periods: [{ utility: 1, repeat: 2 }], discountRate: 0.03, timing: "start" });
    // t = 0 and 1: 1 + 0.970874.
    expect(start.cycles.map((c) => d6(c.discountFactor))).toEqual(["1", "0.970874"]);
    expect(start.explanation[0]!.text).toBe("2 cycle(s) over 2 year(s), discounted at 3% a year, each cycle counted at its start, so the first cycle is not discounted.");
    const mid = qaly({ periods: [{ utility: 1, repeat: 2 }], discountRate: 0.03, timing: "middle" });
    // t = 0.5 and 1.5: 1.03^−0.5 = 0.985329, 1.03^−1.5 = 0.956630.
    expect(mid.cycles.map((c) => d6(c.discountFactor))).toEqual(["0.985329", "0.95663"]);
    expect(mid.explanation[0]!.text).toBe("2 cycle(s) over 2 year(s), discounted at 3% a year, each cycle counted at its midpoint (half-cycle correction).");
    expect(mid.timing).toBe("middle");
  });

  it("cycles of different lengths are laid end to end", () => {
    // 0.5 y at 1, then 2 × 0.25 y at 0.5: ends 0.5, 0.75, 1; undiscounted QALYs 0.5 + 0.125 + 0.125.
    const r = qaly({ periods: [{ utility: 1, years: 0.5 }, { utility: 0.5, years: 0.25, repeat: 2 }], discountRate: 0.1 });
    expect(r.cycles.map((c) => [c.index, c.start.toString(), c.end.toString()])).toEqual([[1, "0", "0.5"], [2, "0.5", "0.75"], [3, "0.75", "1"]]);
    expect([r.undiscountedQalys.toString(), r.undiscountedLifeYears.toString()]).toEqual(["0.75", "1"]);
    // 1.1^−0.5 = 0.953463, 1.1^−0.75 = 0.931012, 1.1^−1 = 0.909091.
    expect(r.cycles.map((c) => d6(c.discountFactor))).toEqual(["0.953463", "0.931012", "0.909091"]);
    expect(r.explanation[0]!.text).toBe("3 cycle(s) over 1 year(s), discounted at 10% a year, each cycle counted at its end, so the first cycle is discounted by one cycle.");
  });

  it("no discounting: every factor is 1", () => {
    const r = qaly({ periods: [{ utility: 0.5, repeat: 2 }] });
    expect(r.cycles.map((c) => c.discountFactor.toString())).toEqual(["1", "1"]);
    expect(r.explanation[0]!.text).toBe("2 cycle(s) over 2 year(s), discounted at 0% a year, each cycle counted at its end, so the first cycle is discounted by one cycle.");
  });

  it("utilities outside [floor, 1] and too many cycles are refused with the reason", () => {
    const high = issue(() => qaly({ periods: [{ utility: 1 }, { utility: 1.01 }] }));
    expect([high.path, high.message]).toEqual([["periods", 1, "utility"], "utility 1.01 is outside the accepted range [-1, 1]"]);
    const low = issue(() => qaly({ periods: [{ utility: -0.5 }], utilityFloor: -0.4 }));
    expect([low.path, low.message]).toEqual([["periods", 0, "utility"], "utility -0.5 is outside the accepted range [-0.4, 1]"]);
    expect(qaly({ periods: [{ utility: -1 }, { utility: 1 }] }).undiscountedQalys.toString()).toBe("0");
    const many = issue(() => qaly({ periods: [{ utility: 1, repeat: 100_000 }, { utility: 1 }] }));
    expect([many.path, many.message]).toEqual([["periods"], "at most 100000 cycles in one call, got 100001"]);
  });
});

describe("discountedCost: present value, rounded once", () => {
  it("CNY 1,000 a year for 2 years at 5 %: 952.3809524 + 907.0294785 = 1,859.4104309 → 1,859.41", () => {
    const r = discountedCost({ periods: [{ cost: cny("1000"), repeat: 2 }], discountRate: 0.05 });
    expect([r.presentValue.toString(), r.undiscounted.toString(), r.timing]).toEqual(["CNY 1859.41", "CNY 2000.00", "end"]);
    expect(r.presentValueExact.amount.toDecimalPlaces(6).toString()).toBe("1859.410431");
    expect(r.cycles.map((c) => [c.index, c.at, c.cost.toString(), Number(c.discountFactor).toFixed(6), c.presentValue.amount.toDecimalPlaces(6).toString()])).toEqual([
      [1, "1", "CNY 1000.00", "0.952381", "952.380952"],
      [2, "2", "CNY 1000.00", "0.907029", "907.029478"],
    ]);
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["valuation.cost.discount", "2 cycle(s) of costs discounted at 5% a year, each cycle counted at its end, so the first cycle is discounted by one cycle."],
      ["valuation.cost.present-value", "Present value of the cost stream, rounded half-up once at the end."],
    ]);
    expect(json(r.explanation[0]!.inputs)).toEqual({ cycles: 2, discountRate: "0.05", timing: "end", undiscounted: cny("2000.00") });
    expect(new Set(Object.keys(r.explanation[1]!.inputs))).toEqual(new Set(["exact"]));
    expect(r.explanation[1]!.amount?.toString()).toBe("CNY 1859.41");
  });

  it("the rounding mode is the caller's, and says so", () => {
    const up = discountedCost({ periods: [{ cost: cny("1000"), repeat: 2 }], discountRate: 0.05, rounding: "up", timing: "start" });
    // start: 1,000 + 952.380952 = 1,952.380952 → up 1,952.39.
    expect(up.presentValue.toString()).toBe("CNY 1952.39");
    expect(up.cycles.map((c) => c.at)).toEqual(["0", "1"]);
    expect(up.explanation[1]!.text).toBe("Present value of the cost stream, rounded up once at the end.");
    expect(up.explanation[0]!.text).toBe("2 cycle(s) of costs discounted at 5% a year, each cycle counted at its start, so the first cycle is not discounted.");
    // Half-years in the middle: at 0.25 and 0.75.
    const mid = discountedCost({ periods: [{ cost: cny("100"), years: 0.5, repeat: 2 }], timing: "middle" });
    expect([mid.cycles.map((c) => c.at), mid.presentValue.toString(), mid.cycles[0]!.discountFactor]).toEqual([["0.25", "0.75"], "CNY 200.00", "1"]);
  });

  it("costs in two currencies are a CURRENCY_MISMATCH at the period", () => {
    const e = domainError(() => discountedCost({ periods: [{ cost: cny("1") }, { cost: { amount: "1", currency: "USD" } }] }));
    expect([e.code, e.path, e.details]).toEqual(["CURRENCY_MISMATCH", ["periods", 1, "cost"], { expected: "CNY", got: "USD" }]);
  });
});

describe("valueScore: weighted dimensions and indicators", () => {
  it("the guide's example: 32 + 18 + 14 + 5 = 69", () => {
    const r = valueScore({ dimensions: [
      { name: "clinical", score: 80, weight: 0.4 },
      { name: "economic", score: 60, weight: 0.3 },
      { name: "patient", score: 70, weight: 0.2 },
      { name: "social", score: 50, weight: 0.1 },
    ] });
    expect(r.score.toString()).toBe("69");
    expect(r.dimensions.map((d) => [d.name, d.weight.toString(), d.score.toString(), d.contribution.toString()])).toEqual([
      ["clinical", "0.4", "80", "32"], ["economic", "0.3", "60", "18"], ["patient", "0.2", "70", "14"], ["social", "0.1", "50", "5"],
    ]);
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["valuation.score.dimension", "clinical: 80 × weight 0.4 = 32."],
      ["valuation.score.dimension", "economic: 60 × weight 0.3 = 18."],
      ["valuation.score.dimension", "patient: 70 × weight 0.2 = 14."],
      ["valuation.score.dimension", "social: 50 × weight 0.1 = 5."],
      ["valuation.score.total", "Value score = 69 out of 100."],
    ]);
    expect(json(r.explanation[0]!.inputs)).toEqual({ score: "80", weight: "0.4" });
    expect(json(r.explanation[4]!.inputs)).toEqual({ score: "69" });
  });

  it("a dimension scored by indicators: 10 × 0.3 + 90 × 0.7 = 66", () => {
    const r = valueScore({ dimensions: [{ name: "clinical", weight: 0.5, indicators: [{ name: "x", score: 10, weight: 0.3 }, { name: "y", score: 90, weight: 0.7 }] }, { name: "other", score: 40, weight: 0.5 }] });
    // 0.5 × 66 + 0.5 × 40 = 53.
    expect(r.score.toString()).toBe("53");
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["valuation.score.indicators", "clinical: indicators x 10 × 0.3, y 90 × 0.7 give 66."],
      ["valuation.score.dimension", "clinical: 66 × weight 0.5 = 33."],
      ["valuation.score.dimension", "other: 40 × weight 0.5 = 20."],
      ["valuation.score.total", "Value score = 53 out of 100."],
    ]);
    expect(r.explanation[0]!.inputs).toEqual({ dimension: "clinical" });
  });

  it("weights, duplicates and score-or-indicators are checked with their reason", () => {
    const w = issue(() => valueScore({ dimensions: [{ name: "a", score: 1, weight: 0.5 }, { name: "b", score: 1, weight: 0.4 }] }));
    expect([w.path, w.message]).toEqual([["dimensions"], "weights must sum to exactly 1, got 0.9"]);
    const dup = issue(() => valueScore({ dimensions: [{ name: "a", score: 1, weight: 0.5 }, { name: "a", score: 1, weight: 0.5 }] }));
    expect([dup.path, dup.message]).toEqual([["dimensions", 1, "name"], 'duplicate dimension "a"']);
    const both = issue(() => valueScore({ dimensions: [{ name: "a", score: 1, weight: 1, indicators: [{ name: "x", score: 1, weight: 1 }] }] }));
    expect([both.path, both.message]).toEqual([["dimensions", 0], "give either a score or indicators, not both or neither"]);
    expect(issue(() => valueScore({ dimensions: [{ name: "a", weight: 1 }] })).path).toEqual(["dimensions", 0]);
    const ind = issue(() => valueScore({ dimensions: [{ name: "a", weight: 1, indicators: [{ name: "x", score: 1, weight: 0.3 }] }] }));
    expect([ind.path, ind.message]).toEqual([["dimensions", 0, "indicators"], "weights must sum to exactly 1, got 0.3"]);
  });
});
