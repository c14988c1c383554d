// Properties of the sensitivity analyses on random linear models, where every figure has a closed form.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { oneWaySensitivity, runModelPsa } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { runs } from "../arbitraries.js";
import { cny, oneCycle } from "./sensitivity-fixtures.js";

// Std: cost cStd, utility uStd; New: cost drug, utility u. Integers and 2-dp utilities keep every figure exact.
const caseArb = fc.record({
  cStd: fc.integer({ min: 0, max: 50_000 }),
  drug: fc.integer({ min: 0, max: 100_000 }),
  uStd: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
  u: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
  lambda: fc.integer({ min: 0, max: 200_000 }),
  spread: fc.integer({ min: 1, max: 40_000 }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const source = (c: Case) => ({
  type: "model" as const,
  parameters: { cStd: { value: c.cStd }, drug: { value: c.drug }, u: { value: c.u } },
  strategies: [
    { name: "Std", model: oneCycle({ param: "cStd" }, c.uStd) },
    { name: "New", model: oneCycle({ param: "drug" }, { param: "u" }) },
  ],
});
const ranges = (c: Case) => [
  { parameter: "cStd", low: c.cStd - c.spread, high: c.cStd + c.spread },
  { parameter: "drug", low: c.drug - 2 * c.spread, high: c.drug + c.spread },
];
const outcome = { type: "incremental-nmb" as const, strategy: "New", comparator: "Std" };

describe("sensitivity properties", () => {
  it("every point reproduces the closed form λ(u − uStd) − (drug − cStd), and the tornado is sorted by swing", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = oneWaySensitivity({ source: source(c), lambda: cny(String(c.lambda)), ranges: ranges(c), outcome });
        const inc = (cStd: number, drug: number) => new D(c.lambda).times(new D(c.u).minus(c.uStd)).minus(drug - cStd);
        for (const q of r.parameters[0]!.points) {
          expect(q.strategies[1]!.nmbExact.minus(q.strategies[0]!.nmbExact).toString()).toBe(inc(q.value, c.drug).toString());
        }
        for (const q of r.parameters[1]!.points) {
          expect(q.strategies[1]!.nmbExact.minus(q.strategies[0]!.nmbExact).toString()).toBe(inc(c.cStd, q.value).toString());
        }
        // swings: cStd 2·spread, drug 3·spread
        expect(r.tornado.bars.map((b) => b.parameter)).toEqual(["drug", "cStd"]);
        expect(r.tornado.bars.map((b) => b.swing!.toNumber())).toEqual([3 * c.spread, 2 * c.spread]);
      }),
      { numRuns: runs(60) },
    );
  });

  it("bisection on the model and the exact solve on a degree-1 metamodel find the same threshold", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 1000 }), (c, seed) => {
        const lambda = cny(String(c.lambda));
        const det = oneWaySensitivity({ source: source(c), lambda, ranges: [ranges(c)[1]!], outcome });
        // PSA of the same model, drug spread over its range; its metamodel is exact (cost = drug)
        const [lo, hi] = [c.drug - 2 * c.spread, c.drug + c.spread];
        const psa = runModelPsa({
          parameters: { cStd: { value: c.cStd }, u: { value: c.u }, drug: { value: c.drug, distribution: { type: "normal", mean: (lo + hi) / 2, sd: (hi - lo) / 4 } } },
          strategies: source(c).strategies,
          draws: 40,
          seed,
          includeParameterDraws: true,
        });
        const mm = oneWaySensitivity({ source: { type: "metamodel", psa, degree: 1 }, lambda, ranges: [ranges(c)[1]!], outcome });
        const a = det.parameters[0]!.thresholds;
        const b = mm.parameters[0]!.thresholds;
        expect(b.every((t) => t.method === "exact-linear")).toBe(true);
        // drug* = cStd + λ(u − uStd), when inside the range and the NMB lines are not parallel
        const star = c.cStd + c.lambda * (c.u - c.uStd);
        if (star > lo + 1e-6 * c.spread && star < hi - 1e-6 * c.spread) {
          expect(a).toHaveLength(1);
          expect(b).toHaveLength(1);
          expect(Math.abs(a[0]!.value - star)).toBeLessThan(3 * c.spread * 1e-9 + 1e-6);
          expect(Math.abs(b[0]!.value - star)).toBeLessThan(1e-6 * Math.max(1, Math.abs(star)));
          expect([a[0]!.from, a[0]!.to]).toEqual([b[0]!.from, b[0]!.to]);
        } else if (star < lo || star > hi) {
          expect(a).toEqual([]);
          expect(b).toEqual([]);
        }
      }),
      { numRuns: runs(40) },
    );
  });

  it("is deterministic: the same input gives the same result, to the bit", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const run = () => JSON.stringify(oneWaySensitivity({ source: source(c), lambda: cny(String(c.lambda)), ranges: ranges(c), outcome }));
        expect(run()).toBe(run());
      }),
      { numRuns: runs(20) },
    );
  });
});
