import { describe, expect, it } from "vitest";
import { DomainError, ValidationError, formatExplanation, runMarkovModel, type RunMarkovModelInput } from "../../src/index.js";
import { caught } from "../typed-errors.js";

const mk1 = (counting: "end" | "beginning" | "life-table"): RunMarkovModelInput => ({
  states: ["Alive", "Dead"],
  initial: { Alive: 1 },
  cycles: 3,
  transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }],
  counting,
  streams: {
    qaly: { values: { Alive: 0.7 }, discountRate: 0.03 },
    cost: { values: { Alive: "500" }, discountRate: 0.03, currency: "CNY" },
  },
});


describe("Markov cohort model — spec MK1", () => {
  // Discount factors 1/1.03 = 0.970874, 1/1.03² = 0.942596, 1/1.03³ = 0.915142.
  it("MK1: end counting — Alive counts 0.8, 0.64, 0.512 → QALY 1.293959, cost CNY 924.26", () => {
    const r = runMarkovModel(mk1("end"));
    // trace after each transition: 1 → 0.8 → 0.64 → 0.512
    expect(r.trace.map((row) => row[0])).toEqual([1, 0.8, expect.closeTo(0.64, 12), expect.closeTo(0.512, 12)]);
    // Σ counts·df = 0.776699 + 0.603262 + 0.468553 = 1.848514; × 0.7 = 1.293960 (6 dp: 1.293959), × 500 = 924.257
    expect(r.streams.qaly?.total).toBeCloseTo(1.293959, 6);
    expect(r.streams.cost?.money?.total.toString()).toBe("CNY 924.26");
  });

  it("MK1: beginning counting — Alive counts 1, 0.8, 0.64 → QALY 1.617449, cost CNY 1,155.32", () => {
    const r = runMarkovModel(mk1("beginning"));
    // 0.970874 + 0.776699 + 0.603262 = 2.350835; × 0.7 = 1.645584? no: counts 1, 0.8, 0.64 at df t = 1, 2, 3:
    // 1·0.970874 + 0.8·0.942596 + 0.64·0.915142 = 0.970874 + 0.754077 + 0.585691 = 2.310642; × 0.7 = 1.617449; × 500 = 1155.32
    expect(r.streams.qaly?.total).toBeCloseTo(1.617449, 6);
    expect(r.streams.cost?.money?.total.toString()).toBe("CNY 1155.32");
    expect(r.streams.qaly?.perCycle).toEqual([0.7, expect.closeTo(0.56, 12), expect.closeTo(0.448, 12)]);
  });

  it("MK1: life-table counting — Alive counts 0.9, 0.72, 0.576 → QALY 1.455704, cost CNY 1,039.79", () => {
    const r = runMarkovModel(mk1("life-table"));
    // 0.9·0.970874 + 0.72·0.942596 + 0.576·0.915142 = 0.873786 + 0.678669 + 0.527122 = 2.079578; × 0.7 = 1.455704; × 500 = 1039.79
    expect(r.streams.qaly?.total).toBeCloseTo(1.455704, 6);
    expect(r.streams.cost?.money?.total.toString()).toBe("CNY 1039.79");
    expect(r.streams.qaly?.perCycle.map((v) => v / 0.7)).toEqual([expect.closeTo(0.9, 12), expect.closeTo(0.72, 12), expect.closeTo(0.576, 12)]);
  });

  it("MK1 explanation names the counting method, discounting and money totals", () => {
    const r = runMarkovModel(mk1("life-table"));
    const text = formatExplanation(r.explanation);
    expect(text).toContain("half-cycle correction");
    expect(text).toContain("discounted at 3% a year from the first cycle");
    expect(text).toContain("CNY 1039.79");
    expect(JSON.parse(JSON.stringify(r)).streams.cost.money.total).toEqual({ amount: "1039.79", currency: "CNY" });
  });
});

describe("Markov model with no deaths reproduces valuation V1, V1b, V1c", () => {
  const noDeaths = (discountRate: number, firstCycleDiscounted: boolean, utility = 0.8): RunMarkovModelInput => ({
    states: ["Alive"],
    initial: { Alive: 1 },
    cycles: 3,
    transitions: [{ matrix: { Alive: { Alive: 1 } } }],
    counting: "end",
    firstCycleDiscounted,
    streams: { qaly: { values: { Alive: utility }, discountRate } },
  });
  it("V1: 3 annual cycles, utility 0.8, r = 3%, timing end → 2.262889 QALY", () => {
    // 0.8·(0.970874 + 0.942596 + 0.915142) = 0.8·2.828611 = 2.262889
    expect(runMarkovModel(noDeaths(0.03, true)).streams.qaly?.total).toBeCloseTo(2.262889, 6);
  });
  it("V1b: undiscounted → 2.4 QALY", () => {
    expect(runMarkovModel(noDeaths(0, true)).streams.qaly?.total).toBeCloseTo(2.4, 12);
  });
  it("V1c: timing start (f = 0) → 2.330776 QALY", () => {
    // 0.8·(1 + 0.970874 + 0.942596) = 0.8·2.913470 = 2.330776
    expect(runMarkovModel(noDeaths(0.03, false)).streams.qaly?.total).toBeCloseTo(2.330776, 6);
  });
  it("V1d: utility 1 → 2.828611 discounted life-years", () => {
    expect(runMarkovModel(noDeaths(0.03, true, 1)).streams.qaly?.total).toBeCloseTo(2.828611, 6);
  });
});

describe("Markov model features", () => {
  it("a treatment effect for the first 2 cycles only switches matrices at cycle 3", () => {
    const r = runMarkovModel({
      states: ["Alive", "Dead"],
      initial: { Alive: 1 },
      cycles: 4,
      transitions: [
        { throughCycle: 2, matrix: { Alive: { Alive: "complement", Dead: 0.1 }, Dead: { Dead: 1 } } },
        { matrix: { Alive: { Alive: "complement", Dead: 0.5 }, Dead: { Dead: 1 } } },
      ],
      counting: "end",
      streams: { ly: { values: { Alive: 1 } } },
    });
    // 1 → 0.9 → 0.81 → 0.405 → 0.2025
    expect(r.trace.map((row) => row[0])).toEqual([1, 0.9, expect.closeTo(0.81, 12), expect.closeTo(0.405, 12), expect.closeTo(0.2025, 12)]);
    expect(r.streams.ly?.total).toBeCloseTo(0.9 + 0.81 + 0.405 + 0.2025, 12);
  });

  it("per-cycle values and parameters: cost 1000 in cycle 1, then {param} 200", () => {
    const r = runMarkovModel({
      states: ["Sick", "Dead"],
      initial: { Sick: 1 },
      cycles: 3,
      transitions: [{ matrix: { Sick: { Sick: "complement", Dead: { param: "p" } }, Dead: { Dead: 1 } } }],
      counting: "beginning",
      parameters: { p: { value: 0.5 }, c: { distribution: { type: "gamma", shape: 4, scale: 50 } } },
      streams: { cost: { values: { Sick: [1000, { param: "c" }, { mul: [{ param: "c" }, 1] }] }, currency: "CNY" } },
    });
    // beginning counts 1, 0.5, 0.25; values 1000, 200 (gamma mean 4·50), 200 → 1000 + 100 + 50 = 1150
    expect(r.streams.cost?.money?.total.toString()).toBe("CNY 1150.00");
  });

  it("monthly cycles with a per-year utility and an annual discount rate", () => {
    const r = runMarkovModel({
      states: ["Well"],
      initial: { Well: 1 },
      cycles: 12,
      timeUnit: "month",
      transitions: [{ matrix: { Well: { Well: 1 } } }],
      counting: "end",
      streams: { qaly: { per: "year", values: { Well: 0.6 } }, dqaly: { per: "year", values: { Well: 0.6 }, discountRate: 0.05 } },
    });
    // 12 months × 0.6/12 = 0.6; discounted: Σ_{t=1..12} 0.05·1.05^(−t/12)
    expect(r.streams.qaly?.total).toBeCloseTo(0.6, 12);
    let d = 0;
    for (let t = 1; t <= 12; t++) d += 0.05 * Math.pow(1.05, -t / 12);
    expect(r.streams.dqaly?.total).toBeCloseTo(d, 12);
  });
});

describe("Markov model: bad input", () => {
  const base = mk1("end");
  it("a row not summing to 1 (beyond 1e-9) names the row", () => {
    const e = caught(() => runMarkovModel({ ...base, transitions: [{ matrix: { Alive: { Alive: 0.7, Dead: 0.2 }, Dead: { Dead: 1 } } }] }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["transitions", 0, "matrix", "Alive"]);
    expect((e as ValidationError).message).toContain("sums to 0.9");
  });
  it("a row off by less than 1e-9 is accepted", () => {
    expect(() => runMarkovModel({ ...base, transitions: [{ matrix: { Alive: { Alive: 0.8, Dead: 0.2 + 5e-10 }, Dead: { Dead: 1 } } }] })).not.toThrow();
  });
  it("a probability outside [0, 1] names the entry", () => {
    const e = caught(() => runMarkovModel({ ...base, transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 1.2 }, Dead: { Dead: 1 } } }] }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["transitions", 0, "matrix", "Alive", "Dead"]);
  });
  it("an entry above 1 is reported first, at its own path", () => {
    const e = caught(() => runMarkovModel({ ...base, transitions: [{ matrix: { Alive: { Alive: 1.1, Dead: -0.1 }, Dead: { Dead: 1 } } }] }));
    expect((e as ValidationError).issues[0]?.path).toEqual(["transitions", 0, "matrix", "Alive", "Alive"]);
    const e2 = caught(() => runMarkovModel({ ...base, transitions: [{ matrix: { Alive: { Dead: -0.1, Alive: 1.1 }, Dead: { Dead: 1 } } }] }));
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["transitions", 0, "matrix", "Alive", "Dead"]);
  });
  it("a complement that would be negative names the row", () => {
    const e = caught(() => runMarkovModel({ ...base, transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.7, X: 0 }, Dead: { Dead: 1 } } }] }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["transitions", 0, "matrix", "Alive", "X"]);
    const e2 = caught(() =>
      runMarkovModel({ ...base, states: ["Alive", "Sick", "Dead"], transitions: [{ matrix: { Alive: { Alive: "complement", Sick: 0.7, Dead: 0.4 }, Sick: { Sick: 1 }, Dead: { Dead: 1 } } }] }),
    );
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["transitions", 0, "matrix", "Alive"]);
  });
  it("negative or fractional cycle counts", () => {
    const e = caught(() => runMarkovModel({ ...base, cycles: -3 }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["cycles"]);
    expect((caught(() => runMarkovModel({ ...base, cycles: 2.5 })) as ValidationError).issues[0]?.path).toEqual(["cycles"]);
  });
  it("unknown states in value tables, matrices and the initial distribution", () => {
    const e = caught(() => runMarkovModel({ ...base, streams: { qaly: { values: { Alive: 0.7, Sick: 0.5 } } } }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["streams", "qaly", "values", "Sick"]);
    const e2 = caught(() => runMarkovModel({ ...base, initial: { Alive: 0.5, Sick: 0.5 } }));
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["initial", "Sick"]);
    const e3 = caught(() => runMarkovModel({ ...base, transitions: [{ matrix: { Alive: { Alive: 1 }, Dead: { Dead: 1 }, Gone: { Gone: 1 } } }] }));
    expect((e3 as ValidationError).issues[0]?.path).toEqual(["transitions", 0, "matrix", "Gone"]);
  });
  it("a missing row, an initial distribution not summing to 1, uncovered cycles", () => {
    const e = caught(() => runMarkovModel({ ...base, transitions: [{ matrix: { Alive: { Alive: 1 } } }] }));
    expect((e as ValidationError).issues[0]?.path).toEqual(["transitions", 0, "matrix", "Dead"]);
    const e2 = caught(() => runMarkovModel({ ...base, initial: { Alive: 0.9 } }));
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["initial"]);
    const e3 = caught(() => runMarkovModel({ ...base, transitions: [{ throughCycle: 2, matrix: { Alive: { Alive: 1 }, Dead: { Dead: 1 } } }] }));
    expect((e3 as ValidationError).issues[0]?.path).toEqual(["transitions"]);
  });
  it("per-cycle value lists of the wrong length, unknown parameters, discount rates above 1", () => {
    const e = caught(() => runMarkovModel({ ...base, streams: { qaly: { values: { Alive: [1, 2] } } } }));
    expect((e as ValidationError).issues[0]?.path).toEqual(["streams", "qaly", "values", "Alive"]);
    const e2 = caught(() => runMarkovModel({ ...base, streams: { qaly: { values: { Alive: { param: "u" } } } } }));
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["streams", "qaly", "values", "Alive", "param"]);
    const e3 = caught(() => runMarkovModel({ ...base, streams: { qaly: { values: { Alive: 1 }, discountRate: 3 } } }));
    expect((e3 as ValidationError).issues[0]?.path).toEqual(["streams", "qaly", "discountRate"]);
  });
  it("wrong types never surface as TypeError", () => {
    for (const bad of [null, 42, { ...base, states: "Alive" }, { ...base, counting: "middle" }, { ...base, transitions: [] }]) {
      const e = caught(() => runMarkovModel(bad as RunMarkovModelInput));
      expect(e instanceof ValidationError || e instanceof DomainError).toBe(true);
    }
  });
});
