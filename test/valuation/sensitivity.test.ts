// One-way and two-way deterministic sensitivity analysis (issue 19 item 3a).
import { describe, expect, it } from "vitest";
import { oneWaySensitivity, runMarkovModel, runPartitionedSurvival, twoWaySensitivity } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { cny, linearSource, oneCycle, threeState, threeStateParameters } from "./sensitivity-fixtures.js";

const lambda = cny("100000");
const incNmb = { type: "incremental-nmb" as const, strategy: "New", comparator: "Std" };

describe("one-way sensitivity on a linear model", () => {
  const r = oneWaySensitivity({
    source: linearSource,
    lambda,
    ranges: [
      { parameter: "cStd", low: 5000, high: 12000 },
      { parameter: "drug", low: 10000, high: 60000 },
      { parameter: "u", low: 0.6, high: 1 },
    ],
    outcome: incNmb,
  });

  it("reproduces the model at each point (low / base / high, worked by hand)", () => {
    const drug = r.parameters[1]!;
    expect(drug.points.map((p) => p.value)).toEqual([10000, 30000, 60000]);
    expect(drug.points.map((p) => p.isBase)).toEqual([false, true, false]);
    // New at drug = 10,000: NMB = 100,000 × 0.8 − 10,000 = 70,000; Std = 100,000 × 0.5 − 10,000 = 40,000
    const low = drug.points[0]!;
    expect(low.strategies.map((s) => s.nmb.toString())).toEqual(["CNY 40000.00", "CNY 70000.00"]);
    expect(low.strategies[1]!.costMoney.toString()).toBe("CNY 10000.00");
    expect(low.strategies[1]!.effect).toBe(0.8);
    // ICER New vs Std at drug = 10,000: (10,000 − 10,000) / 0.3 = 0 → New dominates? ΔC = 0, ΔE > 0: Std is D.
    expect(low.strategies.map((s) => s.status)).toEqual(["D", "ND"]);
    // at drug = 60,000: ICER = 50,000 / 0.3 = 166,666.666… → 166,666.67; NMB New = 80,000 − 60,000 = 20,000
    const high = drug.points[2]!;
    expect(high.strategies[1]!.icer?.toString()).toBe("CNY 166666.67");
    expect(high.strategies[1]!.nmb.toString()).toBe("CNY 20000.00");
    expect(high.optimal).toBe("Std");
    expect(low.optimal).toBe("New");
    // u = 0.6: NMB New = 60,000 − 30,000 = 30,000 < Std 40,000
    expect(r.parameters[2]!.points[0]!.strategies[1]!.nmbExact.toString()).toBe("30000");
  });

  it("base case: every parameter at its value", () => {
    // New: 80,000 − 30,000 = 50,000; Std 40,000
    expect(r.baseCase.strategies.map((s) => s.nmb.toString())).toEqual(["CNY 40000.00", "CNY 50000.00"]);
    expect(r.baseCase.optimal).toBe("New");
    expect(r.tornado.base?.toString()).toBe("10000");
  });

  it("tornado: bars by decreasing swing with the values at low and high", () => {
    // incremental NMB = 100,000(u − 0.5) − (drug − cStd)
    // drug: 30,000 at 10,000, −20,000 at 60,000 → swing 50,000
    // u: −10,000 at 0.6, 30,000 at 1 → swing 40,000
    // cStd: 5,000 at 5,000, 12,000 at 12,000 → swing 7,000
    expect(r.tornado.bars.map((b) => b.parameter)).toEqual(["drug", "u", "cStd"]);
    expect(r.tornado.bars.map((b) => b.swing?.toString())).toEqual(["50000", "40000", "7000"]);
    expect(r.tornado.bars.map((b) => [b.atLow?.toString(), b.atHigh?.toString()])).toEqual([
      ["30000", "-20000"],
      ["-10000", "30000"],
      ["5000", "12000"],
    ]);
    expect(r.tornado.label).toBe("Incremental NMB of New vs Std (CNY)");
  });

  it("threshold where the decision flips, by bisection on the model, checked by hand", () => {
    // drug*: 30,000 − (drug − 10,000) = 0 → 40,000; u*: 100,000(u − 0.5) = 20,000 → 0.7; cStd: never (inc NMB > 0 on [5,000, 12,000])
    const [cStd, drug, u] = r.parameters;
    expect(drug!.thresholds).toHaveLength(1);
    expect(drug!.thresholds[0]!.method).toBe("bisection-on-model");
    expect(drug!.thresholds[0]!.from).toBe("New");
    expect(drug!.thresholds[0]!.to).toBe("Std");
    expect(Math.abs(drug!.thresholds[0]!.value - 40000)).toBeLessThan(50000 * 1e-9);
    const [lo, hi] = drug!.thresholds[0]!.bracket;
    expect(lo).toBeLessThanOrEqual(40000);
    expect(hi).toBeGreaterThanOrEqual(40000);
    expect(Math.abs(u!.thresholds[0]!.value - 0.7)).toBeLessThan(1e-9);
    expect(u!.thresholds[0]!.from).toBe("Std");
    expect(cStd!.thresholds).toEqual([]);
    expect(r.tornado.bars[2]!.threshold).toBeNull();
    expect(r.explanation.find((s) => s.text.startsWith("drug from"))?.text).toMatch(/New → Std at 40000 \(bisection on the model/);
  });

  it("more points: evenly spaced values, the base case kept", () => {
    const s = oneWaySensitivity({ source: linearSource, lambda, ranges: [{ parameter: "drug", low: 10000, high: 60000, points: 6 }], outcome: incNmb });
    expect(s.parameters[0]!.points.map((p) => p.value)).toEqual([10000, 20000, 30000, 40000, 50000, 60000]);
    // at drug = 40,000 the NMBs tie (40,000 each): the more effective New is optimal
    expect(s.parameters[0]!.points[3]!.optimal).toBe("New");
    expect(s.parameters[0]!.points[3]!.strategies[1]!.nmbExact.toString()).toBe("40000");
  });

  it("ICER outcome: exact ΔC/ΔE, undefined (null) when ΔE = 0, such bars last", () => {
    const s = oneWaySensitivity({
      source: linearSource,
      lambda,
      ranges: [
        { parameter: "u", low: 0.5, high: 1 },
        { parameter: "drug", low: 10000, high: 60000 },
      ],
      outcome: { type: "icer", strategy: "New", comparator: "Std" },
    });
    // drug: 0 / 0.3 = 0 at low; 50,000 / 0.3 = 166,666.666… at high; base 20,000 / 0.3
    const drug = s.tornado.bars[0]!;
    expect(drug.parameter).toBe("drug");
    expect(drug.atLow?.toString()).toBe("0");
    expect(drug.atHigh?.equals(new D(50000).dividedBy("0.3"))).toBe(true);
    expect(s.tornado.base?.equals(new D(20000).dividedBy("0.3"))).toBe(true);
    const u = s.tornado.bars[1]!;
    expect(u.atLow).toBeNull(); // u = 0.5: no effect difference
    expect(u.swing).toBeNull();
    expect(u.atHigh?.toString()).toBe("40000"); // 20,000 / 0.5
  });

  it("best-nmb outcome (dampack's tornado): the optimal strategy's NMB", () => {
    const s = oneWaySensitivity({ source: linearSource, lambda, ranges: [{ parameter: "drug", low: 10000, high: 60000 }], outcome: { type: "best-nmb" } });
    // low: New 70,000; high: Std 40,000 (New 20,000) → swing 30,000
    expect(s.tornado.bars[0]!.atLow?.toString()).toBe("70000");
    expect(s.tornado.bars[0]!.atHigh?.toString()).toBe("40000");
    expect(s.tornado.bars[0]!.swing?.toString()).toBe("30000");
  });

  it("three strategies: two flips inside one bracket are both found (C → B → A)", () => {
    // A: cost 0, 0 QALY; B: cost x, 1 QALY; C: cost 3x, 2 QALYs; λ = 100,000.
    // NMB A 0, B 100,000 − x, C 200,000 − 3x: C > B iff x < 50,000; B > A iff x < 100,000.
    const s = oneWaySensitivity({
      source: {
        type: "model",
        parameters: { x: { value: 10000 } },
        strategies: [
          { name: "A", model: oneCycle(0, 0) },
          { name: "B", model: oneCycle({ param: "x" }, 1) },
          { name: "C", model: oneCycle({ mul: [3, { param: "x" }] }, 2) },
        ],
      },
      lambda,
      ranges: [{ parameter: "x", low: 0, high: 150000 }],
      outcome: { type: "best-nmb" },
    });
    const t = s.parameters[0]!.thresholds;
    expect(t.map((x) => [x.from, x.to])).toEqual([["C", "B"], ["B", "A"]]);
    expect(Math.abs(t[0]!.value - 50000)).toBeLessThan(1e-4);
    expect(Math.abs(t[1]!.value - 100000)).toBeLessThan(1e-4);
  });
});

describe("one-way sensitivity on a Markov model (differential: each point = a run with that value)", () => {
  const source = {
    type: "model" as const,
    parameters: threeStateParameters,
    strategies: [
      { name: "Std", model: threeState(false) },
      { name: "New", model: threeState(true) },
    ],
  };
  const ranges = [
    { parameter: "pHS", low: 0.05, high: 0.2 },
    { parameter: "drug", low: 1000, high: 6000, points: 4 },
    { parameter: "uSick", low: 0.4, high: 0.8 },
  ];
  const r = oneWaySensitivity({ source, lambda: cny("50000"), ranges, outcome: incNmb });

  it("every point's cost and effect equal runMarkovModel with the parameter set to that value", () => {
    for (const p of r.parameters) {
      for (const point of p.points) {
        const parameters = { ...threeStateParameters, [p.parameter]: { value: point.value } };
        for (const [i, treated] of [false, true].entries()) {
          const { type: _t, ...model } = threeState(treated);
          const run = runMarkovModel({ ...model, parameters });
          const s = point.strategies[i]!;
          expect(s.cost).toBe(run.streams.cost!.total);
          expect(s.effect).toBe(run.streams.qaly!.total);
          expect(s.costMoney.toString()).toBe(run.streams.cost!.money!.total.toString());
        }
      }
    }
  });

  it("the base case is the deterministic run with every parameter at its value", () => {
    const { type: _t, ...model } = threeState(true);
    const run = runMarkovModel({ ...model, parameters: threeStateParameters });
    expect(r.baseCase.strategies[1]!.cost).toBe(run.streams.cost!.total);
    expect(r.parameters.every((p) => p.points.some((q) => q.isBase))).toBe(true);
  });

  it("a threshold found by bisection really separates the decisions", () => {
    for (const p of r.parameters) {
      for (const t of p.thresholds) {
        const at = (v: number) => {
          const s = oneWaySensitivity({ source, lambda: cny("50000"), ranges: [{ parameter: p.parameter, low: v, high: v + 1e-9 * (p.high - p.low) }], outcome: incNmb });
          return s.parameters[0]!.points[0]!.optimal;
        };
        expect(at(t.bracket[0] - (p.high - p.low) * 1e-6)).toBe(t.from);
        expect(at(t.bracket[1] + (p.high - p.low) * 1e-6)).toBe(t.to);
      }
    }
    // the drug price flips the decision in this range (New optimal at 1,000, Std at 6,000)
    const drug = r.parameters[1]!;
    expect(drug.points[0]!.optimal).toBe("New");
    expect(drug.points[drug.points.length - 1]!.optimal).toBe("Std");
    expect(drug.thresholds).toHaveLength(1);
  });
});

describe("one-way sensitivity on a partitioned-survival model", () => {
  const ps = (rate: unknown) => ({
    type: "partitioned-survival" as const,
    cycles: 24,
    timeUnit: "month" as const,
    pfs: { type: "exponential" as const, rate },
    os: { type: "exponential" as const, rate: 0.05 },
    streams: {
      qaly: { per: "year" as const, values: { PF: 0.8, PD: 0.6 } },
      cost: { values: { PF: "20000", PD: "5000" }, currency: "CNY" },
    },
  });
  it("PS1 at the base case, and each point equals runPartitionedSurvival with that rate", () => {
    const r = oneWaySensitivity({
      source: { type: "model", parameters: { rate: { value: 0.1 } }, strategies: [{ name: "Soc", model: ps(0.08) }, { name: "PS1", model: ps({ param: "rate" }) }] },
      lambda: cny("300000"),
      ranges: [{ parameter: "rate", low: 0.06, high: 0.14 }],
      outcome: { type: "cost", strategy: "PS1" },
    });
    // spec PS1: cost 206,401.08 at rate 0.1
    expect(r.baseCase.strategies[1]!.costMoney.toString()).toBe("CNY 206401.08");
    for (const point of r.parameters[0]!.points) {
      const { type: _t, ...model } = ps(point.value);
      const run = runPartitionedSurvival(model);
      expect(point.strategies[1]!.cost).toBe(run.streams.cost!.total);
      expect(point.strategies[1]!.effect).toBe(run.streams.qaly!.total);
    }
    // a faster progression rate means less time in the costlier PF state
    expect(r.tornado.bars[0]!.atLow!.greaterThan(r.tornado.bars[0]!.atHigh!)).toBe(true);
  });
});

describe("two-way sensitivity", () => {
  it("grid of the linear model: every cell's decision and NMB worked by hand", () => {
    const r = twoWaySensitivity({
      source: linearSource,
      lambda,
      x: { parameter: "drug", low: 10000, high: 60000, points: 6 },
      y: { parameter: "u", low: 0.6, high: 1, points: 5 },
    });
    expect(r.x.values).toEqual([10000, 20000, 30000, 40000, 50000, 60000]);
    expect(r.y.values).toEqual([0.6, 0.7, 0.8, 0.9, 1]);
    expect(r.x.base).toBe(30000);
    const uValues = ["0.6", "0.7", "0.8", "0.9", "1"];
    r.x.values.forEach((drug, i) => {
      uValues.forEach((u, j) => {
        // incremental NMB = 100,000(u − 0.5) − (drug − 10,000); tie → New (more effective)
        const inc = new D(100000).times(new D(u).minus("0.5")).minus(drug - 10000);
        expect(r.optimal[i]![j]).toBe(inc.greaterThanOrEqualTo(0) ? "New" : "Std");
        const cell = r.cells[i]![j]!;
        expect(cell.strategies[1]!.nmbExact.minus(cell.strategies[0]!.nmbExact).toString()).toBe(inc.toString());
      });
    });
    // New optimal where 100,000(u − 0.5) ≥ drug − 10,000: count by hand per drug value
    // 10k: all 5; 20k: all 5; 30k: u ≥ 0.7 → 4; 40k: u ≥ 0.8 → 3; 50k: u ≥ 0.9 → 2; 60k: u = 1 → 1
    expect(r.regions).toEqual([
      { strategy: "Std", cells: 10 },
      { strategy: "New", cells: 20 },
    ]);
    expect(r.fit).toBeNull();
  });

  it("a Markov grid cell equals a run with both parameters set", () => {
    const source = { type: "model" as const, parameters: threeStateParameters, strategies: [{ name: "Std", model: threeState(false) }, { name: "New", model: threeState(true) }] };
    const r = twoWaySensitivity({ source, lambda: cny("50000"), x: { parameter: "rr", low: 0.4, high: 0.9, points: 3 }, y: { parameter: "drug", low: 1000, high: 5000, points: 3 } });
    const { type: _t, ...model } = threeState(true);
    const run = runMarkovModel({ ...model, parameters: { ...threeStateParameters, rr: { value: 0.9 }, drug: { value: 3000 } } });
    expect(r.cells[2]![1]!.strategies[1]!.cost).toBe(run.streams.cost!.total);
    expect(r.cells[2]![1]!.strategies[1]!.effect).toBe(run.streams.qaly!.total);
  });
});
