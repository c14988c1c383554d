import { describe, expect, it } from "vitest";
import { analyzePsa, evppi, evsi, summarizePsa } from "../../src/index.js";
import { domainError, issues, issuePaths } from "../typed-errors.js";
import { linearCase } from "./voi-data.js";

const c = linearCase(200, 10, 30, 20, 5);
const ok = { ...c.input, groups: [["theta"]], method: { type: "poly" as const } };
const okEvsi = { ...c.input, group: ["theta"], sampleSizes: [10], priorSampleSize: 5, method: { type: "poly" as const } };

describe("EVPPI: bad input is a typed error naming the field", () => {
  it("missing currency (never assumed), unknown keys, one strategy", () => {
    const { currency: _c, ...noCurrency } = ok;
    expect(issuePaths(() => evppi(noCurrency as never))).toContain("currency");
    expect(issuePaths(() => evppi({ ...ok, extra: 1 } as never))).toEqual(["extra"]);
    expect(issuePaths(() => evppi({ ...ok, strategies: ["A"], costs: [c.input.costs[0]!], effects: [c.input.effects[0]!] }))).toContain("strategies");
  });

  it("unknown or repeated group members, empty groups", () => {
    expect(issuePaths(() => evppi({ ...ok, groups: [["theta", "nope"]] }))).toEqual(["groups.0.1"]);
    expect(issuePaths(() => evppi({ ...ok, groups: [["theta", "theta"]] }))).toEqual(["groups.0.1"]);
    expect(issuePaths(() => evppi({ ...ok, groups: [[]] }))).toEqual(["groups.0"]);
    expect(issuePaths(() => evppi({ ...ok, groups: [] }))).toEqual(["groups"]);
  });

  it("parameters: wrong draw count, non-finite, duplicate names, none", () => {
    const p = c.input.parameters;
    expect(issuePaths(() => evppi({ ...ok, parameters: [p[0]!, { name: "psi", draws: [1, 2, 3] }] }))).toEqual(["parameters.1.draws"]);
    const bad = Array.from(c.theta);
    bad[7] = Number.NaN;
    expect(issuePaths(() => evppi({ ...ok, parameters: [{ name: "theta", draws: bad }] }))).toEqual(["parameters.0.draws.7"]);
    expect(issuePaths(() => evppi({ ...ok, parameters: [p[0]!, { name: "theta", draws: c.psi }] }))).toEqual(["parameters.1.name"]);
    expect(issuePaths(() => evppi({ ...ok, parameters: [] }))).toContain("parameters");
  });

  it("PSA matrices: ragged rows, too few draws, negative λ", () => {
    expect(issuePaths(() => evppi({ ...ok, costs: [c.input.costs[0]!, [1, 2]] }))).toEqual(["costs.1"]);
    expect(issuePaths(() => evppi({ ...ok, costs: [[1, 2], [1, 2]], effects: [[1, 2], [1, 2]], parameters: [{ name: "theta", draws: [1, 2] }] }))).toEqual(["costs"]);
    expect(issuePaths(() => evppi({ ...ok, lambdas: [-1] }))).toEqual(["lambdas.0"]);
  });

  it("method: unknown type, degree out of range, unknown option", () => {
    expect(issuePaths(() => evppi({ ...ok, method: { type: "gp" } as never }))).toEqual(["method.type"]);
    expect(issuePaths(() => evppi({ ...ok, method: { type: "poly", degree: 7 } }))).toEqual(["method.degree"]);
    expect(issuePaths(() => evppi({ ...ok, method: { type: "spline", knots: 3 } as never }))).toEqual(["method.knots"]);
    expect(issuePaths(() => evppi({ ...ok, population: 0 }))).toEqual(["population"]);
  });

  it("a constant parameter, too few distinct values for the spline, a basis too large: DomainError OUT_OF_DOMAIN", () => {
    const constant = new Float64Array(200).fill(3);
    const e = domainError(() => evppi({ ...ok, parameters: [{ name: "k", draws: constant }], groups: [["k"]] }));
    expect(e.code).toBe("OUT_OF_DOMAIN");
    expect(e.path).toEqual(["parameters", "k"]);
    const twoValues = Float64Array.from({ length: 200 }, (_, i) => i % 2);
    expect(domainError(() => evppi({ ...ok, parameters: [{ name: "b", draws: twoValues }], groups: [["b"]], method: { type: "spline" } })).code).toBe("OUT_OF_DOMAIN");
    const big = domainError(() => evppi({ ...ok, groups: [["theta", "psi", "zeta"]], method: { type: "spline", interactionDimension: 8 } }));
    expect(big.path).toEqual(["method", "interactionDimension"]);
    // more columns than draws
    expect(domainError(() => evppi({ ...ok, groups: [["theta", "psi", "zeta"]], method: { type: "spline", basisDimension: 40 } })).path).toEqual(["method", "basisDimension"]);
  });
});

describe("EVSI: bad input", () => {
  it("sample sizes, prior sample size, group", () => {
    expect(issuePaths(() => evsi({ ...okEvsi, sampleSizes: [-1] }))).toEqual(["sampleSizes.0"]);
    expect(issuePaths(() => evsi({ ...okEvsi, sampleSizes: [2.5] }))).toEqual(["sampleSizes.0"]);
    expect(issuePaths(() => evsi({ ...okEvsi, priorSampleSize: 0 }))).toEqual(["priorSampleSize"]);
    expect(issuePaths(() => evsi({ ...okEvsi, priorSampleSize: [1, 2] }))).toEqual(["priorSampleSize"]);
    expect(issuePaths(() => evsi({ ...okEvsi, group: ["nope"] }))).toEqual(["group.0"]);
  });

  it("a study cost needs a population and the PSA's currency; amounts are never negative", () => {
    const studyCost = { fixed: { amount: "100", currency: "CNY" }, perPatient: { amount: "10", currency: "CNY" } };
    expect(issuePaths(() => evsi({ ...okEvsi, studyCost }))).toEqual(["population"]);
    expect(issuePaths(() => evsi({ ...okEvsi, population: 10, studyCost: { ...studyCost, perPatient: { amount: "10", currency: "USD" } } }))).toEqual(["studyCost.perPatient"]);
    expect(issuePaths(() => evsi({ ...okEvsi, population: 10, studyCost: { ...studyCost, fixed: { amount: "-1", currency: "CNY" } } }))[0]).toMatch(/^studyCost\.fixed/);
  });
});

describe("PSA summaries and analyzePsa: bad input", () => {
  const v = { strategies: ["A", "B"], costs: [[1, 2], [3, 4]], effects: [[1, 1], [2, 2]], lambdas: [1], currency: "CNY" };
  it("comparisons must name known, different strategies; currency is required", () => {
    expect(issuePaths(() => summarizePsa({ ...v, comparisons: [{ intervention: "B", comparator: "Z" }] }))).toEqual(["comparisons.0.comparator"]);
    expect(issuePaths(() => summarizePsa({ ...v, comparisons: [{ intervention: "B", comparator: "B" }] }))).toEqual(["comparisons.0.comparator"]);
    const { currency: _c, ...noCurrency } = v;
    expect(issuePaths(() => summarizePsa(noCurrency as never))).toEqual(["currency"]);
    expect(issuePaths(() => summarizePsa({ ...v, effects: [[1, 1], [2, Number.POSITIVE_INFINITY]] }))).toEqual(["effects.1.1"]);
  });
  it("analyzePsa: population must be a positive decimal", () => {
    expect(issuePaths(() => analyzePsa({ ...v, population: -5 }))).toEqual(["population"]);
    expect(issuePaths(() => analyzePsa({ ...v, population: "abc" }))).toEqual(["population"]);
  });
});
