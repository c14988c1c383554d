import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError, runMarkovModel, runMicrosimulation, type RunMarkovModelInput, type RunMicrosimulationInput } from "../../src/index.js";
import { caught, issues } from "../typed-errors.js";

const threeState = (pSick: number, pDeathWell: number, pDeathSick: number): RunMarkovModelInput => ({
  states: ["Well", "Sick", "Dead"],
  initial: { Well: 1 },
  cycles: 10,
  cycleLength: 1,
  timeUnit: "month",
  counting: "life-table",
  transitions: [{ matrix: { Well: { Well: "complement", Sick: pSick, Dead: pDeathWell }, Sick: { Sick: "complement", Dead: pDeathSick }, Dead: { Dead: 1 } } }],
  streams: {
    qaly: { per: "year", values: { Well: 0.9, Sick: 0.5 }, discountRate: 0.03 },
    cost: { values: { Well: "100", Sick: "2000" }, discountRate: 0.03, currency: "CNY" },
  },
});

const simulate = (model: RunMarkovModelInput, size: number, seed: number, extra: Partial<RunMicrosimulationInput> = {}) =>
  runMicrosimulation({ model, attributes: {}, population: { size, attributes: {} }, seed, startDate: "2026-01-15", ...extra });

describe("microsimulation converges to the cohort model", () => {
  it("property: the mean trace and totals over many patients are within Monte Carlo tolerance of the cohort's", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.double({ min: 0.05, max: 0.4, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (pSick, pDw, pDs, seed) => {
          const model = threeState(pSick, pDw, pDs);
          const cohort = runMarkovModel(model);
          const N = 4000;
          const sim = simulate(model, N, seed, { keepPatients: false });
          // a share p from N patients has standard error √(p(1−p)/N) ≤ 0.5/√N = 0.0079; 5 SE
          const tol = 5 * 0.5 / Math.sqrt(N);
          sim.trace.forEach((row, t) => row.forEach((x, s) => expect(Math.abs(x - cohort.trace[t]![s]!)).toBeLessThan(tol)));
          // totals: 5 standard errors of the mean (first-order SD / √N)
          for (const name of ["qaly", "cost"]) {
            const r = sim.streams[name]!;
            expect(Math.abs(r.mean - cohort.streams[name]!.total)).toBeLessThan(5 * (r.firstOrderSd / Math.sqrt(N)) + 1e-9);
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it("a patient in an absorbing state from the start accrues exactly the cohort value", () => {
    const model: RunMarkovModelInput = { ...threeState(0.1, 0.01, 0.1), initial: { Dead: 1 }, streams: { ly: { values: { Dead: 1 } } } };
    const r = simulate(model, 3, 1);
    expect(r.streams.ly?.mean).toBe(runMarkovModel(model).streams.ly?.total);
    expect(r.streams.ly?.firstOrderSd).toBe(0);
  });

  it("tunnel states and cycle-dependent rows: the simulation follows the expanded cohort", () => {
    const model: RunMarkovModelInput = {
      states: ["Well", "Sick", "Dead"],
      initial: { Well: 1 },
      cycles: 8,
      counting: "end",
      tunnels: { Sick: 3 },
      transitions: [
        {
          matrix: {
            Well: { Well: "complement", Sick: { mul: [0.05, { var: "cycle" }] } },
            Sick: { Sick: "complement", Dead: { at: [0.3, 0.2, 0.1], by: "stateTime" }, Well: { at: [0, 0, 0.5], by: "stateTime" } },
            Dead: { Dead: 1 },
          },
        },
      ],
      streams: { ly: { values: { Well: 1, Sick: 1 } } },
    };
    const cohort = runMarkovModel(model);
    const sim = simulate(model, 20000, 99, { keepPatients: false });
    sim.trace.forEach((row, t) => row.forEach((x, s) => expect(Math.abs(x - cohort.trace[t]![s]!)).toBeLessThan(5 * 0.5 / Math.sqrt(20000))));
  });
});

describe("reproducibility", () => {
  const input = (): RunMicrosimulationInput => ({
    model: { ...threeState(0.1, 0.02, 0.2), transitions: [{ matrix: { Well: { Well: "complement", Sick: { mul: [{ param: "pSick" }, { attr: "risk" }] }, Dead: 0.02 }, Sick: { Sick: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }] },
    parameters: { pSick: { value: 0.1, distribution: { type: "beta", alpha: 10, beta: 90 } } },
    attributes: { risk: { type: "number", min: 0 }, sex: { type: "category", levels: ["F", "M"] } },
    population: { size: 300, attributes: { risk: { distribution: { type: "gamma", shape: 4, scale: 0.25 } }, sex: { shares: { F: 0.5, M: 0.5 } } } },
    seed: 20260115,
    startDate: "2026-01-31",
    events: { start: "treatmentStart", onEnter: { Sick: { kind: "progression" }, Dead: { kind: "death" } } },
    subgroupBy: ["sex", { attribute: "risk", breaks: [1] }],
  });

  it("same seed → byte-identical output; another seed → different output", () => {
    const a = JSON.stringify(runMicrosimulation(input()));
    const b = JSON.stringify(runMicrosimulation(input()));
    expect(a).toBe(b);
    expect(JSON.stringify(runMicrosimulation({ ...input(), seed: 1 }))).not.toBe(a);
    const p1 = JSON.stringify(runMicrosimulation({ ...input(), psa: { draws: 5 } }));
    expect(JSON.stringify(runMicrosimulation({ ...input(), psa: { draws: 5 } }))).toBe(p1);
  });

  it("dated states use the contracts calendar (month-end clamping) and events follow the states", () => {
    const r = runMicrosimulation(input());
    const p = r.patientRecords!.find((x) => x.states.length > 1)!;
    expect(p.states[0]).toEqual({ cycle: 0, date: "2026-01-31", state: "Well" });
    // monthly cycles from 2026-01-31: cycle 1 ends 2026-02-28, cycle 3 ends 2026-04-30
    const months = ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30"];
    for (const s of p.states) expect(s.date).toBe(months[s.cycle]);
    expect(p.events![0]).toEqual({ kind: "treatmentStart", date: "2026-01-31" });
    const kinds = p.states.slice(1).map((s) => (s.state === "Sick" ? "progression" : "death"));
    expect(p.events!.slice(1).map((e) => e.kind)).toEqual(kinds);
    expect(p.events!.slice(1).map((e) => e.date)).toEqual(p.states.slice(1).map((s) => s.date));
  });

  it("subgroups partition the patients and their means weight back to the overall mean", () => {
    const r = runMicrosimulation(input());
    const bySex = r.subgroups.filter((g) => g.attribute === "sex");
    expect(bySex.map((g) => g.name)).toEqual(["sex = F", "sex = M"]);
    expect(bySex.reduce((a, g) => a + g.patients, 0)).toBe(300);
    const weighted = bySex.reduce((a, g) => a + g.patients * g.streams.qaly!.mean, 0) / 300;
    expect(weighted).toBeCloseTo(r.streams.qaly!.mean, 10);
    expect(r.subgroups.filter((g) => g.attribute === "risk").map((g) => g.name)).toEqual(["risk < 1", "risk ≥ 1"]);
    expect(r.explanation.filter((s) => s.rule === "models.microsimulation.subgroups")).toHaveLength(2);
  });

  it("first- and second-order uncertainty are reported apart", () => {
    const r = runMicrosimulation({ ...input(), psa: { draws: 40 }, population: { size: 200, attributes: { risk: { value: 1 }, sex: { value: "F" } } } });
    const q = r.streams.qaly!;
    expect(q.secondOrder).toBeDefined();
    expect(q.secondOrder!.lower).toBeLessThan(q.secondOrder!.upper);
    // between-patient spread is far larger than the spread of 200-patient means
    expect(q.firstOrderSd).toBeGreaterThan(q.secondOrder!.sd);
    expect(r.drawMeans!.qaly).toHaveLength(40);
    expect(r.patientRecords).toBeUndefined();
    const mean = r.drawMeans!.qaly!.reduce((a, b) => a + b, 0) / 40;
    expect(mean).toBeCloseTo(q.mean, 10);
  });

  it("explicit patients with their attributes and start dates", () => {
    const r = runMicrosimulation({
      ...input(),
      population: undefined,
      patients: [
        { id: "a", attributes: { risk: 0, sex: "F" } },
        { id: "b", attributes: { risk: 0, sex: "M" }, startDate: "2026-03-01" },
      ],
      model: { ...input().model, transitions: [{ matrix: { Well: { Well: "complement", Sick: { mul: [{ param: "pSick" }, { attr: "risk" }] } }, Sick: { Sick: 1 }, Dead: { Dead: 1 } } }] },
    });
    // risk 0: nobody moves
    expect(r.patientRecords!.map((p) => p.states)).toEqual([[{ cycle: 0, date: "2026-01-31", state: "Well" }], [{ cycle: 0, date: "2026-03-01", state: "Well" }]]);
  });
});

describe("microsimulation: bad input", () => {
  const base = (): RunMicrosimulationInput => ({
    model: threeState(0.1, 0.01, 0.1),
    attributes: { age: { type: "number", min: 18, max: 100 }, line: { type: "category", levels: ["2L", "3L+"] } },
    patients: [{ id: "p1", attributes: { age: 60, line: "2L" } }],
    seed: 1,
    startDate: "2026-01-15",
  });
  it("an attribute the model does not know (in an expression)", () => {
    const m = base();
    const is = issues(() => runMicrosimulation({ ...m, model: { ...m.model, initial: { Well: { attr: "biomarker", is: "EGFR+" } } } }));
    expect(is[0]).toMatchObject({ path: ["model", "initial", "Well", "attr"], code: "unknown_reference" });
  });
  it("a patient attribute the model does not know, a missing one, a wrong level, out of bounds", () => {
    const is = issues(() => runMicrosimulation({ ...base(), patients: [{ id: "p1", attributes: { age: 60, line: "2L", biomarker: "EGFR+" } }] }));
    expect(is[0]).toMatchObject({ path: ["patients", 0, "attributes", "biomarker"], code: "unknown_reference" });
    expect(issues(() => runMicrosimulation({ ...base(), patients: [{ id: "p1", attributes: { age: 60 } }] }))[0]).toMatchObject({ path: ["patients", 0, "attributes", "line"], code: "missing_attribute" });
    expect(issues(() => runMicrosimulation({ ...base(), patients: [{ id: "p1", attributes: { age: 60, line: "1L" } }] }))[0]).toMatchObject({ path: ["patients", 0, "attributes", "line"], code: "unknown_reference" });
    expect(issues(() => runMicrosimulation({ ...base(), patients: [{ id: "p1", attributes: { age: 12, line: "2L" } }] }))[0]).toMatchObject({ path: ["patients", 0, "attributes", "age"], code: "out_of_range" });
  });
  it("an attribute named __proto__ (from JSON) is refused, not dropped", () => {
    const patients = JSON.parse('[{ "id": "p1", "attributes": { "age": 60, "line": "2L", "__proto__": 1 } }]');
    expect(issues(() => runMicrosimulation({ ...base(), patients }))[0]!.path).toEqual(["patients", 0, "attributes", "__proto__"]);
    const attributes = JSON.parse('{ "__proto__": { "type": "number" } }');
    expect(issues(() => runMicrosimulation({ ...base(), attributes }))[0]!.path).toEqual(["attributes", "__proto__"]);
  });
  it("a category compared with a level it does not have", () => {
    const m = base();
    const is = issues(() => runMicrosimulation({ ...m, model: { ...m.model, transitions: [{ matrix: { Well: { Well: "complement", Sick: { mul: [0.1, { attr: "line", is: "1L" }] } }, Sick: { Sick: 1 }, Dead: { Dead: 1 } } }] } }));
    expect(is[0]).toMatchObject({ path: ["model", "transitions", 0, "matrix", "Well", "Sick", "mul", 1, "is"], code: "unknown_reference" });
  });
  it("unknown keys, both or neither of patients and population, duplicate ids", () => {
    expect(issues(() => runMicrosimulation({ ...base(), extra: 1 } as never))[0]!.code).toBe("unrecognized_keys");
    expect(issues(() => runMicrosimulation({ ...base(), population: { size: 2, attributes: { age: { value: 50 }, line: { value: "2L" } } } }))[0]!.path).toEqual(["patients"]);
    expect(issues(() => runMicrosimulation({ ...base(), patients: [{ id: "x", attributes: { age: 50, line: "2L" } }, { id: "x", attributes: { age: 50, line: "2L" } }] }))[0]).toMatchObject({ path: ["patients", 1, "id"], code: "duplicate_id" });
  });
  it("population samplers that do not fit the declarations", () => {
    const pop = (attributes: Record<string, unknown>) => ({ ...base(), patients: undefined, population: { size: 5, attributes } }) as RunMicrosimulationInput;
    expect(issues(() => runMicrosimulation(pop({ age: { value: 50 }, line: { shares: { "2L": 0.5, "3L+": 0.4 } } })))[0]).toMatchObject({ path: ["population", "attributes", "line", "shares"], code: "out_of_range" });
    expect(issues(() => runMicrosimulation(pop({ age: { value: 50 }, line: { value: "2L" }, sex: { value: "F" } })))[0]).toMatchObject({ path: ["population", "attributes", "sex"], code: "unknown_reference" });
    expect(issues(() => runMicrosimulation(pop({ age: { shares: { a: 1 } }, line: { value: "2L" } })))[0]).toMatchObject({ path: ["population", "attributes", "age"], code: "invalid_value" });
    // vector distributions cannot draw one attribute
    expect(issues(() => runMicrosimulation(pop({ age: { distribution: { type: "dirichlet", alpha: { a: 1, b: 1 } } }, line: { value: "2L" } })))[0]).toMatchObject({ path: ["population", "attributes", "age", "distribution", "type"], code: "invalid_value" });
    const mvn = { type: "multivariate-normal", keys: ["a", "b"], mean: [0, 0], covariance: [[1, 0], [0, 1]], transform: ["identity", "identity"] };
    expect(issues(() => runMicrosimulation(pop({ age: { distribution: mvn }, line: { value: "2L" } })))[0]).toMatchObject({ path: ["population", "attributes", "age", "distribution", "type"], code: "invalid_value" });
    // a drawn age below the declared minimum is a DomainError naming the patient
    const e = caught(() => runMicrosimulation(pop({ age: { uniform: { min: 0, max: 10 } }, line: { value: "2L" } })));
    expect(e).toBeInstanceOf(DomainError);
  });
  it("a cycle length that is not a whole number of calendar months cannot be dated", () => {
    const is = issues(() => runMicrosimulation({ ...base(), model: { ...base().model, cycleLength: 0.5 } }));
    expect(is[0]).toMatchObject({ path: ["model", "cycleLength"], code: "invalid_value" });
  });
  it("events on unknown states and assessments past the horizon", () => {
    expect(issues(() => runMicrosimulation({ ...base(), events: { start: "infusion", onEnter: { Ill: { kind: "relapse" } } } }))[0]).toMatchObject({ path: ["events", "onEnter", "Ill"], code: "unknown_reference" });
    expect(issues(() => runMicrosimulation({ ...base(), events: { start: "infusion", assessments: { atCycles: [3, 11], response: { Well: "CR" } } } }))[0]).toMatchObject({ path: ["events", "assessments", "atCycles"] });
    expect(issues(() => runMicrosimulation({ ...base(), events: { start: "infusion", onEnter: { Sick: { kind: "relapse", grade: 2 } } } }))[0]!.path).toEqual(["events", "onEnter", "Sick", "grade"]);
  });
  it("a sampled probability out of [0, 1] names the draw and the patient", () => {
    const m = base();
    const e = caught(() =>
      runMicrosimulation({
        ...m,
        parameters: { p: { value: 0.5, distribution: { type: "normal", mean: 0.5, sd: 2 } } },
        psa: { draws: 50 },
        model: { ...m.model, transitions: [{ matrix: { Well: { Well: "complement", Sick: { param: "p" } }, Sick: { Sick: 1 }, Dead: { Dead: 1 } } }] },
      }),
    );
    expect(e).toBeInstanceOf(DomainError);
    expect(e.message).toMatch(/PSA draw \d+: patient p1/);
  });
  it("subgroups by an unknown attribute or a number without breaks", () => {
    expect(issues(() => runMicrosimulation({ ...base(), subgroupBy: ["sex"] }))[0]).toMatchObject({ path: ["subgroupBy", 0], code: "unknown_reference" });
    expect(issues(() => runMicrosimulation({ ...base(), subgroupBy: ["age"] }))[0]).toMatchObject({ path: ["subgroupBy", 0], code: "missing_field" });
  });
});

describe("assessments", () => {
  it("responses are read from the state at the listed cycles; nothing after death", () => {
    const model: RunMarkovModelInput = {
      states: ["Remission", "Relapse", "Dead"],
      initial: { Remission: 1 },
      cycles: 6,
      timeUnit: "month",
      counting: "end",
      transitions: [
        { throughCycle: 2, matrix: { Remission: { Remission: 1 }, Relapse: { Relapse: 1 }, Dead: { Dead: 1 } } },
        { throughCycle: 3, matrix: { Remission: { Relapse: 1 }, Relapse: { Relapse: 1 }, Dead: { Dead: 1 } } },
        { matrix: { Remission: { Remission: 1 }, Relapse: { Dead: 1 }, Dead: { Dead: 1 } } },
      ],
      streams: { ly: { values: { Remission: 1, Relapse: 1 } } },
    };
    const r = runMicrosimulation({
      model,
      attributes: {},
      patients: [{ id: "x", attributes: {} }],
      seed: 3,
      startDate: "2026-01-15",
      events: { start: "infusion", onEnter: { Relapse: { kind: "relapse" }, Dead: { kind: "death" } }, assessments: { atCycles: [1, 3, 6], response: { Remission: "CR", Relapse: "PD" } } },
    });
    // Remission through cycle 2, relapse at the end of cycle 3, death at the end of cycle 4
    expect(r.patientRecords![0]!.events).toEqual([
      { kind: "infusion", date: "2026-01-15" },
      { kind: "assessment", date: "2026-02-15", response: "CR" },
      { kind: "relapse", date: "2026-04-15" },
      { kind: "assessment", date: "2026-04-15", response: "PD" },
      { kind: "death", date: "2026-05-15" },
    ]);
  });
});
