import { describe, expect, it } from "vitest";
import { analyzePsa, DomainError, ValidationError, runModelPsa, type RunModelPsaInput } from "../../src/index.js";
import { caught } from "../typed-errors.js";


const twoState = (pDeath: unknown, cost: unknown) => ({
  type: "markov" as const,
  states: ["Alive", "Dead"],
  initial: { Alive: 1 },
  cycles: 5,
  counting: "life-table" as const,
  transitions: [{ matrix: { Alive: { Alive: "complement" as const, Dead: pDeath as number }, Dead: { Dead: 1 } } }],
  streams: { qaly: { values: { Alive: { param: "u" } }, discountRate: 0.03 }, cost: { values: { Alive: cost as number }, discountRate: 0.03, currency: "CNY" } },
});

const input = (draws: number, seed: number): RunModelPsaInput => ({
  draws,
  seed,
  parameters: {
    p: { value: 0.2, distribution: { type: "beta", alpha: 20, beta: 80 } },
    hr: { value: 0.7, distribution: { type: "lognormal", meanlog: Math.log(0.7), sdlog: 0.1 } },
    u: { value: 0.75, distribution: { type: "beta", alpha: 75, beta: 25 } },
    c: { value: 1000, distribution: { type: "gamma", shape: 100, scale: 10 } },
  },
  strategies: [
    { name: "Old", model: twoState({ param: "p" }, { param: "c" }) },
    { name: "New", model: twoState({ mul: [{ param: "p" }, { param: "hr" }] }, { add: [{ param: "c" }, 2000] }) },
  ],
  includeParameterDraws: true,
});

const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
const sd = (a: Float64Array) => {
  const m = mean(a);
  return Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1));
};

describe("runModelPsa", () => {
  it("returns strategies, costs and effects that analyzePsa accepts as they are", () => {
    const psa = runModelPsa(input(500, 1));
    expect(psa.strategies).toEqual(["Old", "New"]);
    expect(psa.costs[0]).toBeInstanceOf(Float64Array);
    expect(psa.costs[0]).toHaveLength(500);
    expect(psa.currency).toBe("CNY");
    const r = analyzePsa({ ...psa, lambdas: [0, 100000], currency: "CNY" });
    // λ = 0: the cheaper strategy (Old, 2000 cheaper per cycle alive) wins every draw
    expect(r.points[0]?.ceac).toEqual([1, 0]);
  });

  it("the same seed gives bit-identical draws; another seed different ones", () => {
    const a = runModelPsa(input(200, 99));
    const b = runModelPsa(input(200, 99));
    const c = runModelPsa(input(200, 100));
    expect(Array.from(a.costs[1] as Float64Array)).toEqual(Array.from(b.costs[1] as Float64Array));
    expect(Array.from(a.effects[0] as Float64Array)).toEqual(Array.from(b.effects[0] as Float64Array));
    expect(Array.from(a.costs[1] as Float64Array)).not.toEqual(Array.from(c.costs[1] as Float64Array));
  });

  it("the order of parameters in the document does not change the draws", () => {
    const a = input(50, 5);
    const reversed = { ...a, parameters: Object.fromEntries(Object.entries(a.parameters).reverse()) };
    expect(Array.from(runModelPsa(reversed).costs[0] as Float64Array)).toEqual(Array.from(runModelPsa(a).costs[0] as Float64Array));
  });

  it("strategies share each draw: the same parameter gives the same cost where the models agree", () => {
    const psa = runModelPsa({ ...input(100, 3), strategies: [{ name: "A", model: twoState({ param: "p" }, { param: "c" }) }, { name: "B", model: twoState({ param: "p" }, { param: "c" }) }] });
    expect(Array.from(psa.costs[0] as Float64Array)).toEqual(Array.from(psa.costs[1] as Float64Array));
  });

  it("samplers reproduce their distributions' moments (20,000 draws, fixed seed)", () => {
    const d = runModelPsa({
      draws: 20000,
      seed: 11,
      includeParameterDraws: true,
      parameters: {
        b: { distribution: { type: "beta", alpha: 20, beta: 80 } }, // mean 0.2, sd √(0.2·0.8/101) = 0.0398
        bs: { distribution: { type: "beta", alpha: 0.5, beta: 0.5 } }, // mean 0.5, sd √(0.25/2) = 0.3536 (shape < 1 path)
        g: { distribution: { type: "gamma", shape: 4, scale: 50 } }, // mean 200, sd 100
        ln: { distribution: { type: "lognormal", meanlog: 0, sdlog: 0.5 } }, // mean e^0.125 = 1.1331
        n: { distribution: { type: "normal", mean: 10, sd: 2 } },
        dir: { distribution: { type: "dirichlet", alpha: { x: 10, y: 30, z: 60 } } }, // means 0.1, 0.3, 0.6
      },
      strategies: [{ name: "S", model: { ...twoState(0.1, 1), streams: { qaly: { values: { Alive: 1 } }, cost: { values: { Alive: 1 } } } } }],
    }).parameterDraws as Record<string, Float64Array>;
    const check = (key: string, m: number, s: number) => {
      const a = d[key] as Float64Array;
      // standard error of the mean is s/√20000 = 0.007·s; allow 5 SE, and 5% on the sd
      expect(Math.abs(mean(a) - m)).toBeLessThan((5 * s) / Math.sqrt(20000));
      expect(Math.abs(sd(a) / s - 1)).toBeLessThan(0.05);
    };
    check("b", 0.2, Math.sqrt((0.2 * 0.8) / 101));
    check("bs", 0.5, Math.sqrt(0.25 / 2));
    check("g", 200, 100);
    check("ln", Math.exp(0.125), Math.sqrt((Math.exp(0.25) - 1) * Math.exp(0.25)));
    check("n", 10, 2);
    check("dir.y", 0.3, Math.sqrt((0.3 * 0.7) / 101));
    const x = d["dir.x"] as Float64Array;
    const y = d["dir.y"] as Float64Array;
    const z = d["dir.z"] as Float64Array;
    for (let k = 0; k < x.length; k++) expect(Math.abs((x[k] as number) + (y[k] as number) + (z[k] as number) - 1)).toBeLessThan(1e-12);
  });
});

describe("runModelPsa: bad input", () => {
  it("a draw that pushes a probability out of [0, 1] is a DomainError naming the entry and the draw", () => {
    const bad = { ...input(1000, 4), parameters: { ...input(1, 1).parameters, p: { value: 0.5, distribution: { type: "normal" as const, mean: 0.5, sd: 0.5 } } } };
    const e = caught(() => runModelPsa(bad));
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe("OUT_OF_DOMAIN");
    expect((e as DomainError).path).toEqual(["strategies", 0, "model", "transitions", 0, "matrix", "Alive", "Dead"]);
    expect((e as DomainError).details.draw).toEqual(expect.any(Number));
  });
  it("a Dirichlet parameter referenced without a key, an unknown key, a missing cost stream", () => {
    const withDir = (ref: unknown) => ({
      ...input(10, 1),
      parameters: { ...input(1, 1).parameters, row: { distribution: { type: "dirichlet" as const, alpha: { Alive: 8, Dead: 2 } } } },
      strategies: [{ name: "S", model: twoState(ref, 1) }],
    });
    const e = caught(() => runModelPsa(withDir({ param: "row" })));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["strategies", 0, "model", "transitions", 0, "matrix", "Alive", "Dead"]);
    const e2 = caught(() => runModelPsa(withDir({ param: "row", key: "Sick" })));
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["strategies", 0, "model", "transitions", 0, "matrix", "Alive", "Dead", "key"]);
    const e3 = caught(() => runModelPsa({ ...input(10, 1), costStream: "costs" }));
    expect((e3 as ValidationError).issues[0]?.path).toEqual(["strategies", 0, "model", "streams"]);
  });
  it("invalid distribution parameters name the parameter", () => {
    const e = caught(() => runModelPsa({ ...input(10, 1), parameters: { ...input(1, 1).parameters, p: { distribution: { type: "beta", alpha: -1, beta: 2 } } } }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]?.path).toEqual(["parameters", "p", "distribution", "alpha"]);
    const e2 = caught(() => runModelPsa({ ...input(10, 1), parameters: { ...input(1, 1).parameters, c: {} } }));
    expect((e2 as ValidationError).issues[0]?.path).toEqual(["parameters", "c"]);
    const e3 = caught(() => runModelPsa({ ...input(10, 1), draws: 0 }));
    expect((e3 as ValidationError).issues[0]?.path).toEqual(["draws"]);
    const e4 = caught(() => runModelPsa({ ...input(10, 1), seed: -1 }));
    expect((e4 as ValidationError).issues[0]?.path).toEqual(["seed"]);
  });
});
