import { describe, expect, it } from "vitest";
import { analyzePsa, quantile, summarizePsa } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

const v5 = {
  strategies: ["S1", "S2"],
  costs: [
    [100, 120, 80, 110],
    [200, 260, 150, 210],
  ],
  effects: [
    [1.0, 1.2, 0.9, 1.1],
    [1.5, 1.4, 1.6, 1.3],
  ],
  lambdas: [300],
  currency: "CNY",
};
const close = (a: number, b: number, tol = 1e-9) => expect(Math.abs(a - b)).toBeLessThan(tol);

describe("quantile rule (Hyndman–Fan type 7, R's default)", () => {
  it("R: quantile(1:10, c(0.025, 0.975)) = 1.225, 9.775; quantile(1:4, 0.25) = 1.75; ends are min and max", () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    // h = (10 − 1)·0.025 = 0.225 → 1 + 0.225·(2 − 1); h = 8.775 → 9 + 0.775·(10 − 9)
    close(quantile({ values: x, p: 0.025 }), 1.225);
    close(quantile({ values: x, p: 0.975 }), 9.775);
    close(quantile({ values: Float64Array.of(1, 2, 3, 4), p: 0.25 }), 1.75); // h = 0.75
    expect(quantile({ values: x, p: 0 })).toBe(1);
    expect(quantile({ values: x, p: 1 })).toBe(10);
    expect(quantile({ values: Float64Array.of(7), p: 0.975 })).toBe(7);
    expect(quantile({ values: [4, 1, 3, 2], p: 0.25 })).toBe(1.75); // sorted first
    expect(quantile({ values: [-1.7e308, 1.7e308], p: 0.5 })).toBe(0); // no overflow in the interpolation
  });
});

describe("PSA summaries on the V5 draws", () => {
  const s = summarizePsa(v5);

  it("V5 summary: S1 cost mean 102.5, SD √(875/3), quantiles 81.5 and 119.25", () => {
    const c = s.strategies[0]!.cost;
    // deviations −2.5, 17.5, −22.5, 7.5 → squares 6.25 + 306.25 + 506.25 + 56.25 = 875; SD = √(875/3)
    close(c.mean, 102.5);
    close(c.sd!, Math.sqrt(875 / 3));
    // sorted 80, 100, 110, 120: h = 3·0.025 = 0.075 → 80 + 0.075·20; h = 2.925 → 110 + 0.925·10
    close(c.q025, 81.5);
    close(c.q975, 119.25);
    close(s.strategies[0]!.effect.mean, 1.05);
    close(s.strategies[1]!.effect.mean, 1.45);
  });

  it("V5 summary: NMB at λ = 300 and the probability each strategy is cost-effective", () => {
    const a = s.strategies[0]!.atLambda[0]!;
    const b = s.strategies[1]!.atLambda[0]!;
    close(a.nmb.mean, 212.5); // 200, 240, 190, 220
    close(b.nmb.mean, 230); // 250, 160, 330, 180
    expect(a.probabilityCostEffective).toBe(0.5);
    expect(b.probabilityCostEffective).toBe(0.5);
    // S2 sorted 160, 180, 250, 330: 160 + 0.075·20 = 161.5; 250 + 0.925·80 = 324
    close(b.nmb.q025, 161.5);
    close(b.nmb.q975, 324);
  });

  it("V5 summary: S2 vs S1 increments, ICER of the means 256.25 (102.5 / 0.4), ΔNMB and P(ΔNMB > 0)", () => {
    const c = s.comparisons[0]!;
    expect([c.intervention, c.comparator]).toEqual(["S2", "S1"]);
    close(c.incrementalCost.mean, 102.5); // 100, 140, 70, 100
    close(c.incrementalEffect.mean, 0.4); // 0.5, 0.2, 0.7, 0.2
    expect(c.icerOfMeans!.toString()).toBe("CNY 256.25");
    expect(Math.abs(Number(c.icerOfMeansExact!.toString()) - 256.25)).toBeLessThan(1e-9);
    expect(c.quadrant).toBe("NE");
    const d = c.atLambda[0]!;
    // ΔNMB 50, −80, 140, −40: mean 17.5; squares of deviations 1056.25 + 9506.25 + 15006.25 + 3306.25 = 28875
    close(d.incrementalNmb.mean, 17.5);
    close(d.incrementalNmb.sd!, Math.sqrt(28875 / 3));
    close(d.incrementalNmb.q025, -77); // −80 + 0.075·40
    close(d.incrementalNmb.q975, 133.25); // 50 + 0.925·90
    expect(d.probabilityCostEffective).toBe(0.5);
  });

  it("named comparisons, an SE comparison, one draw (SD null), and the undefined ICER of equal means", () => {
    const r = summarizePsa({ ...v5, comparisons: [{ intervention: "S1", comparator: "S2" }] });
    expect(r.comparisons[0]!.quadrant).toBe("SW");
    const one = summarizePsa({ strategies: ["A", "B"], costs: [[1], [1]], effects: [[2], [2]], lambdas: [0], currency: "USD" });
    expect(one.strategies[0]!.cost.sd).toBeNull();
    expect(one.comparisons[0]!.icerOfMeans).toBeNull();
    expect(one.comparisons[0]!.quadrant).toBe("ORIGIN");
    expect(one.comparisons[0]!.atLambda[0]!.probabilityCostEffective).toBe(0);
    const se = summarizePsa({ strategies: ["A", "B"], costs: [[10, 10], [5, 7]], effects: [[1, 1], [2, 2]], lambdas: [0], currency: "USD" });
    expect(se.comparisons[0]!.quadrant).toBe("SE");
    expect(se.comparisons[0]!.icerOfMeans!.toString()).toBe("USD -4.00");
  });
});

describe("analyzePsa: unrounded figures and population EVPI", () => {
  it("V5: evpiExact 30 beside evpi CNY 30.00; expected NMB and loss exact", () => {
    const p = analyzePsa(v5).points[0]!;
    expect(p.evpiExact.equals(30)).toBe(true);
    expect(p.expectedNmbExact.map(String)).toEqual(["212.5", "230"]);
    expect(p.expectedLossExact.map(String)).toEqual(["47.5", "30"]);
    expect(p.populationEvpi).toBeNull();
    expect(p.populationEvpiExact).toBeNull();
  });

  it("population EVPI rounds the exact product once: 1000 × 0.1666… = CNY 166.67, not 1000 × CNY 0.17", () => {
    // NMB at λ = 1: A 0, 0, 0; B 1, −0.5, 0.001. max per draw 1, 0, 0.001 (sum 1.001); B's sum 0.501.
    // EVPI = 1.001/3 − 0.501/3 = 0.1666…, rounded CNY 0.17; × 1000 = 166.666… → CNY 166.67.
    const p = analyzePsa({ strategies: ["A", "B"], costs: [[0, 0, 0], [0, 0, 0]], effects: [[0, 0, 0], [1, -0.5, 0.001]], lambdas: [1], currency: "CNY", population: 1000 }).points[0]!;
    expect(p.evpi.toString()).toBe("CNY 0.17");
    expect(Math.abs(Number(p.evpiExact.toString()) - 0.5 / 3)).toBeLessThan(1e-15);
    expect(p.populationEvpi!.toString()).toBe("CNY 166.67");
    expect(p.populationEvpiExact!.equals(p.evpiExact.times(1000))).toBe(true);
    expect(p.evpi.amount.times(1000).equals(170)).toBe(true); // what multiplying the rounded figure would give
    const r = analyzePsa({ strategies: ["A", "B"], costs: [[0, 0, 0], [0, 0, 0]], effects: [[0, 0, 0], [1, -0.5, 0.001]], lambdas: [1], currency: "CNY", population: 1000 });
    expect(r.explanation.at(-1)!.rule).toBe("valuation.psa.population-evpi");
    expect(r.explanation.at(-1)!.text).toContain("CNY 166.67");
  });
});
