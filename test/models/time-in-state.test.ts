import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runMarkovModel, runModelPsa, type RunMarkovModelInput } from "../../src/index.js";
import { issues } from "../typed-errors.js";

// Well → Sick (a 3-cycle tunnel) → back to Well or Dead; the way out of Sick depends on the time spent in it.
const tunnelModel = (counting: "end" | "beginning" | "life-table" = "end"): RunMarkovModelInput => ({
  states: ["Well", "Sick", "Dead"],
  initial: { Well: 1 },
  cycles: 6,
  counting,
  tunnels: { Sick: 3 },
  transitions: [
    {
      matrix: {
        Well: { Well: "complement", Sick: 0.2, Dead: 0.05 },
        Sick: { Sick: "complement", Dead: { at: [0.3, 0.2, 0.1], by: "stateTime" }, Well: { at: [0, 0, 0.5], by: "stateTime" } },
        Dead: { Dead: 1 },
      },
    },
  ],
  streams: {
    cost: { values: { Well: 100, Sick: { at: ["1000", "500", "100"], by: "stateTime" } }, discountRate: 0.03, currency: "CNY" },
    qaly: { values: { Well: 0.9, Sick: { mul: [0.2, { var: "stateTime" }] } }, discountRate: 0.03 },
  },
});

// The same model with the tunnel written out by hand: S1 → S2 → S3 (S3 keeps its patients).
const byHand = (counting: "end" | "beginning" | "life-table" = "end"): RunMarkovModelInput => ({
  states: ["Well", "S1", "S2", "S3", "Dead"],
  initial: { Well: 1 },
  cycles: 6,
  counting,
  transitions: [
    {
      matrix: {
        Well: { Well: "complement", S1: 0.2, Dead: 0.05 },
        S1: { S2: "complement", Dead: 0.3, Well: 0 },
        S2: { S3: "complement", Dead: 0.2, Well: 0 },
        S3: { S3: "complement", Dead: 0.1, Well: 0.5 },
        Dead: { Dead: 1 },
      },
    },
  ],
  streams: {
    cost: { values: { Well: 100, S1: "1000", S2: "500", S3: "100" }, discountRate: 0.03, currency: "CNY" },
    qaly: { values: { Well: 0.9, S1: 0.2, S2: 0.4, S3: 0.6000000000000001 }, discountRate: 0.03 },
  },
});

describe("tunnel states", () => {
  for (const counting of ["end", "beginning", "life-table"] as const) {
    it(`a tunnel gives the trace and totals of the same model expanded by hand (${counting})`, () => {
      const t = runMarkovModel(tunnelModel(counting));
      const h = runMarkovModel(byHand(counting));
      expect(t.expanded?.states).toEqual(["Well", "Sick[1]", "Sick[2]", "Sick[3]", "Dead"]);
      t.expanded?.trace.forEach((row, c) => row.forEach((x, s) => expect(x).toBeCloseTo(h.trace[c]![s]!, 14)));
      // the trace sums the copies
      t.trace.forEach((row, c) => {
        const hr = h.trace[c]!;
        expect(row[0]).toBeCloseTo(hr[0]!, 14);
        expect(row[1]).toBeCloseTo(hr[1]! + hr[2]! + hr[3]!, 14);
        expect(row[2]).toBeCloseTo(hr[4]!, 14);
      });
      expect(t.streams.cost?.total).toBeCloseTo(h.streams.cost!.total, 9);
      expect(t.streams.qaly?.total).toBeCloseTo(h.streams.qaly!.total, 12);
      expect(t.streams.cost?.money?.total.toString()).toBe(h.streams.cost?.money?.total.toString());
    });
  }

  it("hand-computed first cycles: Well 0.75, Sick[1] 0.2, then Sick[2] 0.14 and Sick[1] 0.15", () => {
    const t = runMarkovModel(tunnelModel());
    // cycle 1: Well 1 → Well 0.75, Sick[1] 0.2, Dead 0.05
    expect(t.expanded?.trace[1]).toEqual([0.75, 0.2, 0, 0, 0.05]);
    // cycle 2: Well 0.75·0.75 = 0.5625; Sick[1] = 0.75·0.2 = 0.15; Sick[2] = 0.2·0.7 = 0.14; Dead 0.05 + 0.75·0.05 + 0.2·0.3 = 0.1475
    const row = t.expanded!.trace[2]!;
    expect(row[0]).toBeCloseTo(0.5625, 14);
    expect(row[1]).toBeCloseTo(0.15, 14);
    expect(row[2]).toBeCloseTo(0.14, 14);
    expect(row[3]).toBe(0);
    expect(row[4]).toBeCloseTo(0.1475, 14);
    expect(t.explanation.map((s) => s.rule)).toContain("models.markov.tunnels");
  });

  it("a tunnel of length 1 is the plain state", () => {
    const plain = byHand();
    const one: RunMarkovModelInput = { ...plain, tunnels: { S3: 1 } };
    const a = runMarkovModel(plain);
    const b = runMarkovModel(one);
    expect(b.trace).toEqual(a.trace);
    expect(b.streams.cost?.total).toBe(a.streams.cost?.total);
  });

  it("property: any tunnel length L ≥ 1 with a constant exit probability matches the plain state", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (L, pIn, pOut) => {
        const plain: RunMarkovModelInput = {
          states: ["A", "B", "D"],
          initial: { A: 1 },
          cycles: 10,
          counting: "life-table",
          transitions: [{ matrix: { A: { A: "complement", B: pIn, D: 0.01 }, B: { B: "complement", D: pOut }, D: { D: 1 } } }],
          streams: { ly: { values: { A: 1, B: 1 } } },
        };
        const a = runMarkovModel(plain);
        const b = runMarkovModel({ ...plain, tunnels: { B: L } });
        b.trace.forEach((row, c) => row.forEach((x, s) => expect(x).toBeCloseTo(a.trace[c]![s]!, 12)));
      }),
      { numRuns: 50 },
    );
  });
});

describe("time in model: { var: \"cycle\" }", () => {
  // p(death in cycle t) = 0.1·t; Alive 1 → 0.9 → 0.9·0.8 = 0.72 → 0.72·0.7 = 0.504
  const model: RunMarkovModelInput = {
    states: ["Alive", "Dead"],
    initial: { Alive: 1 },
    cycles: 3,
    counting: "end",
    transitions: [{ matrix: { Alive: { Alive: "complement", Dead: { mul: [0.1, { var: "cycle" }] } }, Dead: { Dead: 1 } } }],
    streams: {
      ly: { values: { Alive: 1 } },
      // cost 100·t in cycle t: 100·0.9 + 200·0.72 + 300·0.504 = 90 + 144 + 151.2 = 385.2
      cost: { values: { Alive: { mul: ["100", { var: "cycle" }] } }, currency: "CNY" },
    },
  };

  it("transition and value expressions read the cycle (hand-computed trace)", () => {
    const r = runMarkovModel(model);
    expect(r.trace.map((row) => row[0])).toEqual([1, 0.9, expect.closeTo(0.72, 14), expect.closeTo(0.504, 14)]);
    // 0.9 + 0.72 + 0.504 = 2.124
    expect(r.streams.ly?.total).toBeCloseTo(2.124, 12);
    expect(r.streams.cost?.money?.total.toString()).toBe("CNY 385.20");
  });

  it("discounting and the half-cycle correction apply unchanged", () => {
    const r = runMarkovModel({ ...model, counting: "life-table", streams: { ly: { values: { Alive: 1 }, discountRate: 0.05 } } });
    // life-table counts: (1 + 0.9)/2 = 0.95, (0.9 + 0.72)/2 = 0.81, (0.72 + 0.504)/2 = 0.612
    // discounted from the first cycle: 0.95/1.05 + 0.81/1.05² + 0.612/1.05³ = 0.904762 + 0.734694 + 0.528666 = 2.168122
    expect(r.streams.ly?.total).toBeCloseTo(0.95 / 1.05 + 0.81 / 1.05 ** 2 + 0.612 / 1.05 ** 3, 10);
  });

  it("a cycle table { at, by: cycle } carries its last entry forward, and segments still apply", () => {
    const r = runMarkovModel({
      ...model,
      cycles: 4,
      transitions: [
        { throughCycle: 1, matrix: { Alive: { Alive: "complement", Dead: 0.5 }, Dead: { Dead: 1 } } },
        { matrix: { Alive: { Alive: "complement", Dead: { at: [9, 0.1, 0.2], by: "cycle" } }, Dead: { Dead: 1 } } },
      ],
      streams: { ly: { values: { Alive: 1 } } },
    });
    // cycle 1: 0.5; cycle 2: p = 0.1 → 0.45; cycle 3: 0.2 → 0.36; cycle 4: 0.2 (carried) → 0.288
    expect(r.trace.map((row) => row[0])).toEqual([1, 0.5, 0.45, expect.closeTo(0.36, 14), expect.closeTo(0.288, 14)]);
  });

  it("PSA runs a cycle-dependent model (same totals at the base case)", () => {
    const psa = runModelPsa({
      parameters: { k: { value: 0.1, distribution: { type: "beta", alpha: 10, beta: 90 } } },
      strategies: [{ name: "S", model: { ...model, type: "markov", transitions: [{ matrix: { Alive: { Alive: "complement", Dead: { mul: [{ param: "k" }, { var: "cycle" }] } }, Dead: { Dead: 1 } } }] } }],
      costStream: "cost",
      effectStream: "ly",
      draws: 20,
      seed: 5,
    });
    expect(psa.effects[0]!.every((x) => x > 1 && x < 3)).toBe(true);
  });

  it("min, max, exp and pow", () => {
    const r = runMarkovModel({
      ...model,
      transitions: [{ matrix: { Alive: { Alive: "complement", Dead: { min: [0.25, { mul: [0.1, { pow: [{ var: "cycle" }, 2] }] }] } }, Dead: { Dead: 1 } } }],
      streams: { ly: { values: { Alive: { max: [{ exp: 0 }, 0.5] } } } },
    });
    // p = min(0.25, 0.1·t²): 0.1, 0.25, 0.25 → 0.9, 0.675, 0.50625
    expect(r.trace.map((row) => row[0])).toEqual([1, 0.9, expect.closeTo(0.675, 14), expect.closeTo(0.50625, 14)]);
    expect(r.streams.ly?.total).toBeCloseTo(0.9 + 0.675 + 0.50625, 12);
  });
});

describe("time in state: bad input", () => {
  it("tunnel lengths ≤ 0 or fractional are typed errors at tunnels.<state>", () => {
    for (const L of [0, -1, 1.5]) {
      const is = issues(() => runMarkovModel({ ...tunnelModel(), tunnels: { Sick: L } }));
      expect(is[0]!.path).toEqual(["tunnels", "Sick"]);
    }
  });
  it("a tunnel on an unknown state", () => {
    const is = issues(() => runMarkovModel({ ...tunnelModel(), tunnels: { Ill: 2 } }));
    expect(is[0]).toMatchObject({ path: ["tunnels", "Ill"], code: "unknown_reference" });
  });
  it("stateTime outside a tunnel names the expression", () => {
    const m = byHand();
    const is = issues(() =>
      runMarkovModel({ ...m, transitions: [{ matrix: { ...(m.transitions[0]!.matrix as object), S3: { S3: "complement", Dead: { mul: [0.1, { var: "stateTime" }] } } } }] }),
    );
    expect(is[0]).toMatchObject({ path: ["transitions", 0, "matrix", "S3", "Dead"], code: "unknown_reference" });
    const is2 = issues(() => runMarkovModel({ ...m, streams: { ly: { values: { S1: { var: "stateTime" } } } } }));
    expect(is2[0]).toMatchObject({ path: ["streams", "ly", "values", "S1"], code: "unknown_reference" });
  });
  it("the cycle in the initial distribution is refused with its path", () => {
    const is = issues(() => runMarkovModel({ ...byHand(), initial: { Well: { var: "cycle" } } }));
    expect(is[0]).toMatchObject({ path: ["initial", "Well", "var"], code: "unknown_reference" });
  });
  it("an attribute in a model without attributes", () => {
    const is = issues(() => runMarkovModel({ ...byHand(), initial: { Well: { attr: "age" } } }));
    expect(is[0]).toMatchObject({ path: ["initial", "Well", "attr"], code: "unknown_reference" });
  });
  it("a tunnel copy that would clash with a state name", () => {
    const m = byHand();
    const is = issues(() => runMarkovModel({ ...m, states: ["Well", "S1", "S2", "S3", "Dead", "S1[1]"], tunnels: { S1: 2 }, transitions: [{ matrix: { ...(m.transitions[0]!.matrix as object), "S1[1]": { "S1[1]": 1 } } }] }));
    expect(is[0]).toMatchObject({ path: ["tunnels", "S1"], code: "duplicate_id" });
  });
  it("a tunnel copy's name cannot be written in the document", () => {
    const m = tunnelModel();
    const matrix = { ...(m.transitions[0]!.matrix as object), Well: { Well: "complement", "Sick[2]": 0.2 } };
    expect(issues(() => runMarkovModel({ ...m, transitions: [{ matrix }] } as RunMarkovModelInput))[0]).toMatchObject({ path: ["transitions", 0, "matrix", "Well", "Sick[2]"], code: "unknown_reference" });
    expect(issues(() => runMarkovModel({ ...m, initial: { "Sick[1]": 1 } }))[0]).toMatchObject({ path: ["initial", "Sick[1]"], code: "unknown_reference" });
    expect(issues(() => runMarkovModel({ ...m, streams: { ly: { values: { "Sick[3]": 1 } } } }))[0]).toMatchObject({ path: ["streams", "ly", "values", "Sick[3]"], code: "unknown_reference" });
  });
  it("unknown keys in the new expression forms", () => {
    const is = issues(() => runMarkovModel({ ...byHand(), initial: { Well: { var: "cycle", x: 1 } as never } }));
    expect(is[0]!.path.slice(0, 2)).toEqual(["initial", "Well"]);
  });
  it("a probability out of [0, 1] in a tunnel copy names the row and column", () => {
    const m = tunnelModel();
    const bad = { ...m, transitions: [{ matrix: { ...(m.transitions[0]!.matrix as object), Sick: { Sick: "complement", Dead: { at: [0.3, 1.2, 0.1], by: "stateTime" } } } }] } as RunMarkovModelInput;
    const is = issues(() => runMarkovModel(bad));
    expect(is[0]).toMatchObject({ path: ["transitions", 0, "matrix", "Sick[2]", "Dead"], code: "out_of_range" });
  });
});
