// One-way and two-way sensitivity on regression metamodels of PSA draws (issue 19 item 3b).
import { describe, expect, it } from "vitest";
import { oneWaySensitivity, runModelPsa, twoWaySensitivity } from "../../src/index.js";
import { cny, oneCycle } from "./sensitivity-fixtures.js";

const lambda = cny("100000");
const incNmb = { type: "incremental-nmb" as const, strategy: "New", comparator: "Std" };

// Std: cost 10,000, 0.5 QALY; New: cost drug, u QALYs — linear in its parameters.
const psa = runModelPsa({
  parameters: {
    drug: { value: 30000, distribution: { type: "normal", mean: 30000, sd: 5000 } },
    u: { value: 0.8, distribution: { type: "beta", alpha: 80, beta: 20 } },
  },
  strategies: [
    { name: "Std", model: oneCycle(10000, 0.5) },
    { name: "New", model: oneCycle({ param: "drug" }, { param: "u" }) },
  ],
  draws: 500,
  seed: 11,
  includeParameterDraws: true,
});
const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
const uBar = mean(psa.parameterDraws!.u!);
const drugBar = mean(psa.parameterDraws!.drug!);

describe("metamodel one-way sensitivity", () => {
  it("hand-worked OLS: x = 0…4, cost = 1, 3, 2, 5, 4 → line 1.4 + 0.8x (dampack's one-parameter metamodel)", () => {
    // x̄ = 2, ȳ = 3; Σ(x−x̄)(y−ȳ) = 4 + 0 + 0 + 2 + 2 = 8; Σ(x−x̄)² = 10 → slope 0.8, intercept 3 − 1.6 = 1.4
    const r = oneWaySensitivity({
      source: {
        type: "metamodel",
        psa: { strategies: ["A", "B"], costs: [[1, 3, 2, 5, 4], [2, 2, 2, 2, 2]], effects: [[1, 1, 1, 1, 1], [1, 1, 1, 1, 1]], parameterDraws: { x: [0, 1, 2, 3, 4] } },
        degree: 1,
      },
      lambda: cny("0"),
      ranges: [{ parameter: "x", low: 0, high: 4 }],
      outcome: { type: "cost", strategy: "A" },
    });
    const p = r.parameters[0]!;
    expect(p.base).toBe(2);
    expect(p.points.map((q) => q.strategies[0]!.cost)).toEqual([expect.closeTo(1.4, 12), expect.closeTo(3, 12), expect.closeTo(4.6, 12)]);
    expect(p.fit!.regressors).toEqual(["x"]);
    expect(p.fit!.columns).toBe(2);
    // R² = 1 − SSres/SStot: SStot = 4+0+1+4+1 = 10; fitted 1.4, 2.2, 3, 3.8, 4.6 → residuals −0.4, 0.8, −1, 1.2, −0.6 → SSres 3.6 → 0.64
    expect(p.fit!.rSquared[0]!.cost).toBeCloseTo(0.64, 12);
    expect(p.fit!.rSquared[0]!.effect).toBeNull(); // constant effect
    // at λ = 0 the cheaper strategy wins: A below 1.4 + 0.8x = 2 ⇔ x < 0.75, exactly (degree 1)
    expect(p.thresholds).toHaveLength(1);
    expect(p.thresholds[0]!.method).toBe("exact-linear");
    expect(p.thresholds[0]!.value).toBeCloseTo(0.75, 12);
    expect(p.thresholds[0]!.from).toBe("A");
    expect(p.thresholds[0]!.to).toBe("B");
  });

  it("regressors 'all' on PSA draws of a model linear in its parameters recovers the exact line", () => {
    const r = oneWaySensitivity({
      source: { type: "metamodel", psa, degree: 1, regressors: "all" },
      lambda,
      ranges: [
        { parameter: "drug", low: 20000, high: 45000, points: 6 },
        { parameter: "u", low: 0.7, high: 0.9 },
      ],
      outcome: incNmb,
    });
    // incremental NMB = 100,000(u − 0.5) − (drug − 10,000), the other parameter at its PSA mean
    for (const q of r.parameters[0]!.points) {
      const exact = 100000 * (uBar - 0.5) - (q.value - 10000);
      expect(q.strategies[1]!.cost).toBeCloseTo(q.value, 6);
      expect(q.strategies[1]!.effect).toBeCloseTo(uBar, 12);
      expect(Number(q.strategies[1]!.nmbExact.minus(q.strategies[0]!.nmbExact).toString())).toBeCloseTo(exact, 2);
    }
    for (const q of r.parameters[1]!.points) {
      expect(q.strategies[1]!.effect).toBeCloseTo(q.value, 12);
      expect(q.strategies[1]!.cost).toBeCloseTo(drugBar, 6);
    }
    for (const s of r.parameters[0]!.fit!.rSquared) if (s.cost !== null) expect(s.cost).toBeCloseTo(1, 12);
    // exact threshold on the lines: drug* = 100,000(ū − 0.5) + 10,000
    const t = r.parameters[0]!.thresholds;
    expect(t).toHaveLength(1);
    expect(t[0]!.method).toBe("exact-linear");
    expect(t[0]!.value).toBeCloseTo(100000 * (uBar - 0.5) + 10000, 4);
    expect(t[0]!.bracket[0]).toBe(t[0]!.bracket[1]);
    // u* = 0.5 + (drugBar − 10,000)/100,000
    expect(r.parameters[1]!.thresholds[0]!.value).toBeCloseTo(0.5 + (drugBar - 10000) / 100000, 10);
    expect(r.method).toBe("metamodel");
  });

  it("regressors 'varied' (dampack's default) with a degree-2 polynomial: the cost line is still exact, thresholds by bisection", () => {
    const r = oneWaySensitivity({
      source: { type: "metamodel", psa, degree: 2 },
      lambda,
      ranges: [{ parameter: "drug", low: 20000, high: 45000 }],
      outcome: incNmb,
    });
    // New's cost is the drug draw itself: fitted exactly whatever the degree
    for (const q of r.parameters[0]!.points) expect(q.strategies[1]!.cost).toBeCloseTo(q.value, 6);
    expect(r.parameters[0]!.fit!.regressors).toEqual(["drug"]);
    expect(r.parameters[0]!.fit!.columns).toBe(3);
    expect(r.parameters[0]!.thresholds[0]!.method).toBe("bisection-on-metamodel");
    // the effect regressed on drug alone is ū plus sampling noise: the threshold is near the exact one
    expect(Math.abs(r.parameters[0]!.thresholds[0]!.value - (100000 * (uBar - 0.5) + 10000))).toBeLessThan(1000);
  });

  it("the tornado of the metamodel uses the PSA means as its base", () => {
    const r = oneWaySensitivity({ source: { type: "metamodel", psa, degree: 1, regressors: "all" }, lambda, ranges: [{ parameter: "u", low: 0.7, high: 0.9 }], outcome: { type: "effect", strategy: "New" } });
    expect(Number(r.tornado.base!.toString())).toBeCloseTo(psa.summary[1]!.meanEffect, 12);
    expect(Number(r.tornado.bars[0]!.swing!.toString())).toBeCloseTo(0.2, 10);
  });
});

describe("metamodel conditioning", () => {
  it("degree 6 recovers a cubic cost exactly (normal equations stay well conditioned on standardised powers)", () => {
    // 2,000 draws of x ~ N(50, 10); cost = 1,000 + 2x + 0.01x³: degree 6 must reproduce it (higher terms ≈ 0)
    const K = 2000;
    const x = Array.from({ length: K }, (_, k) => 50 + 10 * Math.sqrt(-2 * Math.log((k + 0.5) / K)) * Math.cos(2.399963 * k));
    const cost = x.map((v) => 1000 + 2 * v + 0.01 * v ** 3);
    const r = oneWaySensitivity({
      source: { type: "metamodel", psa: { strategies: ["A", "B"], costs: [cost, cost.map(() => 5000)], effects: [x.map(() => 1), x.map(() => 1)], parameterDraws: { x } }, degree: 6 },
      lambda,
      ranges: [{ parameter: "x", low: 30, high: 70, points: 9 }],
      outcome: { type: "cost", strategy: "A" },
    });
    expect(r.parameters[0]!.fit!.columns).toBe(7);
    for (const q of r.parameters[0]!.points) expect(q.strategies[0]!.cost).toBeCloseTo(1000 + 2 * q.value + 0.01 * q.value ** 3, 6);
  });

  it("a two-way metamodel of degree 2 has 1 + 2·2 + 2·2 = 9 coefficients", () => {
    const r = twoWaySensitivity({ source: { type: "metamodel", psa, degree: 2 }, lambda, x: { parameter: "drug", low: 20000, high: 40000, points: 2 }, y: { parameter: "u", low: 0.7, high: 0.9, points: 2 } });
    expect(r.fit!.columns).toBe(9);
    expect(r.fit!.regressors).toEqual(["drug", "u"]);
    // New's effect is u itself and its cost the drug draw: both fitted exactly
    expect(r.cells[1]![0]!.strategies[1]!.cost).toBeCloseTo(40000, 5);
    expect(r.cells[1]![0]!.strategies[1]!.effect).toBeCloseTo(0.7, 10);
  });
});

describe("metamodel two-way sensitivity", () => {
  it("dampack's two-way metamodel (powers and their products) fits cost = drug × u exactly", () => {
    const p2 = runModelPsa({
      parameters: {
        drug: { value: 30000, distribution: { type: "normal", mean: 30000, sd: 5000 } },
        u: { value: 0.8, distribution: { type: "beta", alpha: 80, beta: 20 } },
        noise: { value: 1, distribution: { type: "normal", mean: 1, sd: 0.1 } },
      },
      strategies: [
        { name: "Std", model: oneCycle(10000, 0.5) },
        { name: "New", model: oneCycle({ mul: [{ param: "drug" }, { param: "u" }] }, { param: "u" }) },
      ],
      draws: 300,
      seed: 5,
      includeParameterDraws: true,
    });
    const r = twoWaySensitivity({
      source: { type: "metamodel", psa: p2, degree: 1 },
      lambda,
      x: { parameter: "drug", low: 20000, high: 40000, points: 3 },
      y: { parameter: "u", low: 0.7, high: 0.9, points: 3 },
    });
    // columns: 1, z_drug, z_u, z_drug·z_u
    expect(r.fit!.columns).toBe(4);
    r.x.values.forEach((d, i) =>
      r.y.values.forEach((u, j) => {
        expect(r.cells[i]![j]!.strategies[1]!.cost).toBeCloseTo(d * u, 5);
        expect(r.cells[i]![j]!.strategies[1]!.effect).toBeCloseTo(u, 12);
        // NMB New − Std = 100,000(u − 0.5) − (d·u − 10,000)
        const inc = 100000 * (u - 0.5) - (d * u - 10000);
        expect(r.optimal[i]![j]).toBe(inc >= 0 ? "New" : "Std");
      }),
    );
  });
});
