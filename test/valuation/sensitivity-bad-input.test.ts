// Bad input to the sensitivity analyses: typed errors naming the field.
import { describe, expect, it } from "vitest";
import { oneWaySensitivity, runModelPsa, twoWaySensitivity } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";
import { cny, linearSource, oneCycle } from "./sensitivity-fixtures.js";

const lambda = cny("100000");
const outcome = { type: "incremental-nmb" as const, strategy: "New", comparator: "Std" };
const ow = (over: Record<string, unknown>) => () => oneWaySensitivity({ source: linearSource, lambda, ranges: [{ parameter: "drug", low: 1, high: 2 }], outcome, ...over } as never);

describe("sensitivity: bad input", () => {
  it("unknown parameter name", () => {
    const [i] = issues(ow({ ranges: [{ parameter: "dreg", low: 1, high: 2 }] }));
    expect(i!.path).toEqual(["ranges", 0, "parameter"]);
    expect(i!.code).toBe("unknown_reference");
    expect(i!.message).toMatch(/"dreg".*cStd, drug, u/);
  });

  it("low above high, and an empty range", () => {
    const [a] = issues(ow({ ranges: [{ parameter: "drug", low: 3, high: 2 }] }));
    expect(a!.path).toEqual(["ranges", 0, "high"]);
    expect(a!.message).toMatch(/low 3 is above high 2/);
    const [b] = issues(ow({ ranges: [{ parameter: "drug", low: 2, high: 2 }] }));
    expect(b!.path).toEqual(["ranges", 0, "high"]);
    expect(b!.message).toMatch(/empty/);
    const [c] = issues(ow({ ranges: [] }));
    expect(c!.path).toEqual(["ranges"]);
  });

  it('a parameter named "__proto__" is rejected as unknown; one named "constructor" works', () => {
    const [i] = issues(ow({ ranges: [{ parameter: "__proto__", low: 1, high: 2 }] }));
    expect(i!.path).toEqual(["ranges", 0, "parameter"]);
    expect(i!.code).toBe("unknown_reference");
    const [j] = issues(ow({ ranges: [{ parameter: "toString", low: 1, high: 2 }] }));
    expect(j!.code).toBe("unknown_reference");
    const source = {
      type: "model" as const,
      parameters: { constructor: { value: 30000 } },
      strategies: [
        { name: "Std", model: oneCycle(10000, 0.5) },
        { name: "New", model: oneCycle({ param: "constructor" }, 0.8) },
      ],
    };
    const r = oneWaySensitivity({ source, lambda, ranges: [{ parameter: "constructor", low: 10000, high: 60000 }], outcome });
    expect(r.parameters[0]!.base).toBe(30000);
    expect(r.tornado.bars[0]!.swing?.toString()).toBe("50000");
  });

  it("a parameter with two ranges; non-finite or missing bounds; bad points", () => {
    const [d] = issues(ow({ ranges: [{ parameter: "drug", low: 1, high: 2 }, { parameter: "drug", low: 1, high: 3 }] }));
    expect(d!.path).toEqual(["ranges", 1, "parameter"]);
    expect(issues(ow({ ranges: [{ parameter: "drug", low: Number.NaN, high: 2 }] }))[0]!.path).toEqual(["ranges", 0, "low"]);
    expect(issues(ow({ ranges: [{ parameter: "drug", low: 1, high: Infinity }] }))[0]!.path).toEqual(["ranges", 0, "high"]);
    expect(issues(ow({ ranges: [{ parameter: "drug", high: 2 }] }))[0]!.path).toEqual(["ranges", 0, "low"]);
    expect(issues(ow({ ranges: [{ parameter: "drug", low: 1, high: 2, points: 1 }] }))[0]!.path).toEqual(["ranges", 0, "points"]);
    expect(issues(ow({ ranges: [{ parameter: "drug", low: 1, high: 2, step: 1 }] }))[0]!.code).toBe("unrecognized_keys");
  });

  it("a Dirichlet row cannot be varied one-way", () => {
    const source = {
      type: "model" as const,
      parameters: { row: { distribution: { type: "dirichlet" as const, alpha: { a: 1, b: 1 } } } },
      strategies: [{ name: "Std", model: oneCycle(1, 1) }, { name: "New", model: oneCycle(2, 1) }],
    };
    const [i] = issues(() => oneWaySensitivity({ source, lambda, ranges: [{ parameter: "row", low: 0, high: 1 }], outcome }));
    expect(i!.code).toBe("invalid_value");
    expect(i!.path).toEqual(["ranges", 0, "parameter"]);
  });

  it("a value outside the model's domain names the model field and the setting", () => {
    const source = {
      type: "model" as const,
      parameters: { p: { value: 0.2 } },
      strategies: [
        { name: "Std", model: { ...oneCycle(1, 1), states: ["Alive", "Dead"], transitions: [{ matrix: { Alive: { Alive: "complement", Dead: { param: "p" } }, Dead: { Dead: 1 } } }] } },
        { name: "New", model: oneCycle(2, 1) },
      ],
    };
    const [i] = issues(() => oneWaySensitivity({ source, lambda, ranges: [{ parameter: "p", low: 0.1, high: 1.5 }], outcome } as never));
    expect(i!.path).toEqual(["source", "strategies", 0, "model", "transitions", 0, "matrix", "Alive", "Dead"]);
    expect(i!.message).toMatch(/^with p = 1\.5: /);
  });

  it("outcome naming an unknown strategy, or the same strategy twice", () => {
    expect(issues(ow({ outcome: { type: "nmb", strategy: "Nwe" } }))[0]!.path).toEqual(["outcome", "strategy"]);
    expect(issues(ow({ outcome: { type: "icer", strategy: "New", comparator: "Sdt" } }))[0]!.path).toEqual(["outcome", "comparator"]);
    expect(issues(ow({ outcome: { type: "icer", strategy: "New", comparator: "New" } }))[0]!.path).toEqual(["outcome", "comparator"]);
    expect(issues(ow({ outcome: { type: "median" } }))[0]!.path).toEqual(["outcome", "type"]);
  });

  it("currency of λ differs from the cost streams'", () => {
    const e = domainError(ow({ lambda: { amount: "100000", currency: "USD" } }));
    expect(e.code).toBe("CURRENCY_MISMATCH");
    expect(e.path).toEqual(["lambda"]);
  });

  it("negative λ, unknown keys, missing source", () => {
    expect(issues(ow({ lambda: cny("-1") }))[0]!.path).toEqual(["lambda"]);
    expect(issues(ow({ extra: 1 }))[0]!.code).toBe("unrecognized_keys");
    expect(issues(ow({ source: undefined }))[0]!.path).toEqual(["source"]);
    expect(issues(ow({ source: { ...linearSource, type: "spreadsheet" } }))[0]!.path).toEqual(["source", "type"]);
  });

  it("two-way: the same parameter on both axes, missing points", () => {
    const tw = (x: unknown, y: unknown) => () => twoWaySensitivity({ source: linearSource, lambda, x, y } as never);
    expect(issues(tw({ parameter: "drug", low: 1, high: 2, points: 3 }, { parameter: "drug", low: 1, high: 2, points: 3 }))[0]!.path).toEqual(["y", "parameter"]);
    expect(issues(tw({ parameter: "drug", low: 1, high: 2 }, { parameter: "u", low: 0, high: 1, points: 3 }))[0]!.path).toEqual(["x", "points"]);
    expect(issues(tw({ parameter: "drug", low: 1, high: 2, points: 2 }, { parameter: "v", low: 0, high: 1, points: 3 }))[0]!.path).toEqual(["y", "parameter"]);
  });
});

describe("metamodel: bad input", () => {
  const psa = { strategies: ["Std", "New"], costs: [[1, 2, 3, 4], [2, 3, 4, 6]], effects: [[1, 1, 1, 1], [2, 2, 2, 2]], parameterDraws: { x: [1, 2, 3, 4], k: [5, 5, 5, 5] } };
  const mm = (p: unknown, over: Record<string, unknown> = {}) => () =>
    oneWaySensitivity({ source: { type: "metamodel", psa: p, degree: 1, ...over }, lambda, ranges: [{ parameter: "x", low: 1, high: 4 }], outcome } as never);

  it("a PSA without parameter draws", () => {
    const plain = runModelPsa({ parameters: { c: { value: 1, distribution: { type: "normal", mean: 1, sd: 0.1 } } }, strategies: [{ name: "Std", model: oneCycle({ param: "c" }, 1) }, { name: "New", model: oneCycle(2, 1) }], draws: 10, seed: 1 });
    const [i] = issues(() => oneWaySensitivity({ source: { type: "metamodel", psa: { ...plain, parameterDraws: {} }, degree: 1 }, lambda, ranges: [{ parameter: "c", low: 0, high: 2 }], outcome }));
    expect(i!.message).toMatch(/includeParameterDraws/);
    expect(issues(() => oneWaySensitivity({ source: { type: "metamodel", psa: plain, degree: 1 } as never, lambda, ranges: [{ parameter: "c", low: 0, high: 2 }], outcome }))[0]!.path).toEqual(["source", "psa", "parameterDraws"]);
  });

  it("series of different lengths, a wrong number of strategies", () => {
    expect(domainError(mm({ ...psa, costs: [[1, 2, 3], [2, 3, 4, 6]] })).path).toEqual(["source", "psa", "costs", 1]);
    expect(domainError(mm({ ...psa, effects: [[1, 1, 1, 1]] })).path).toEqual(["source", "psa", "effects"]);
    expect(domainError(mm({ ...psa, parameterDraws: { x: [1, 2, 3] } })).path).toEqual(["source", "psa", "parameterDraws", "x"]);
  });

  it("too few draws for the degree, a parameter that never varies, degree out of range", () => {
    expect(domainError(mm(psa, { degree: 3 })).message).toMatch(/4 draws cannot fit a metamodel with 4 coefficients/);
    const e = domainError(() => oneWaySensitivity({ source: { type: "metamodel", psa, degree: 1 }, lambda, ranges: [{ parameter: "k", low: 1, high: 9 }], outcome }));
    expect(e.path).toEqual(["source", "psa", "parameterDraws", "k"]);
    expect(issues(mm(psa, { degree: 0 }))[0]!.path).toEqual(["source", "degree"]);
    expect(issues(mm(psa, { degree: undefined }))[0]!.path).toEqual(["source", "degree"]);
    expect(issues(mm({ ...psa, costs: [[1, 2, Number.NaN, 4], [2, 3, 4, 6]] }))[0]!.path.slice(0, 4)).toEqual(["source", "psa", "costs", 0]);
  });

  it("a design with too few distinct values for the degree is rank deficient", () => {
    const flat = { ...psa, parameterDraws: { x: [1, 1, 2, 2, 1, 2], k: [5, 5, 5, 5, 5, 5] }, costs: [[1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]], effects: [[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1]] };
    const e = domainError(mm(flat, { degree: 2 }));
    expect(e.code).toBe("UNDEFINED_RESULT");
    expect(e.message).toMatch(/rank deficient/);
  });

  it("the PSA's currency must match λ's", () => {
    expect(domainError(mm({ ...psa, currency: "USD" })).code).toBe("CURRENCY_MISMATCH");
  });
});
