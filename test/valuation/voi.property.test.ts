import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzePsa, evppi, evsi } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { runs } from "../arbitraries.js";

// Small random PSAs with two sampled parameters: the NMB of each strategy is a random
// polynomial of them plus noise, so both relevant and irrelevant parameters occur.
const caseArb = fc
  .record({
    S: fc.integer({ min: 2, max: 4 }),
    K: fc.integer({ min: 30, max: 80 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    coef: fc.array(fc.double({ min: -500, max: 500, noNaN: true }), { minLength: 16, maxLength: 16 }),
    lambda: fc.double({ min: 0, max: 1e5, noNaN: true }),
    population: fc.integer({ min: 1, max: 100_000 }),
  })
  .map(({ S, K, seed, coef, lambda, population }) => {
    let a = seed;
    const u = () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const p = Float64Array.from({ length: K }, u);
    const q = Float64Array.from({ length: K }, u);
    const costs = Array.from({ length: S }, (_, s) => Float64Array.from(p, (x, k) => coef[s]! * x + coef[s + 4]! * q[k]! + 50 * u()));
    const effects = Array.from({ length: S }, (_, s) => Float64Array.from(p, (x, k) => (coef[s + 8]! * x * x + coef[s + 12]! * x * q[k]!) / 1000));
    return {
      strategies: Array.from({ length: S }, (_, s) => `S${s}`),
      costs,
      effects,
      parameters: [{ name: "p", draws: p }, { name: "q", draws: q }],
      lambdas: [lambda],
      currency: "CNY",
      population,
    };
  });

describe("VOI properties", () => {
  it("EVPPI ≥ 0, rounded = half-up of the exact figure, population figure = exact × population rounded once; EVPI as analyzePsa's", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = evppi({ ...c, groups: [["p"], ["p", "q"]], method: { type: "poly", degree: 2 } });
        const psa = analyzePsa({ strategies: c.strategies, costs: c.costs, effects: c.effects, lambdas: c.lambdas, currency: "CNY", population: c.population });
        for (const g of r.groups) {
          const pt = g.points[0]!;
          expect(pt.evppiExact.isNegative()).toBe(false);
          expect(pt.evppi.amount.equals(pt.evppiExact.toDecimalPlaces(2, D.ROUND_HALF_UP))).toBe(true);
          expect(pt.populationEvppi!.amount.equals(pt.evppiExact.times(c.population).toDecimalPlaces(2, D.ROUND_HALF_UP))).toBe(true);
          expect(pt.evpiExact.equals(psa.points[0]!.evpiExact)).toBe(true);
        }
        expect(psa.points[0]!.populationEvpi!.amount.equals(psa.points[0]!.evpiExact.times(c.population).toDecimalPlaces(2, D.ROUND_HALF_UP))).toBe(true);
        // the pair's basis contains the single parameter's: its least-squares fit can only explain more
        const single = r.groups[0]!.points[0]!.fits;
        const pair = r.groups[1]!.points[0]!.fits;
        single.forEach((f, i) => {
          if (f.rSquared !== null) expect(pair[i]!.rSquared!).toBeGreaterThanOrEqual(f.rSquared - 1e-9);
        });
      }),
      { numRuns: runs(40) },
    );
  });

  it("EVSI: 0 at n = 0, non-decreasing in n, ≤ EVPPI; ENBS = population × EVSI − fixed − perPatient × n exactly", () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 10_000_00 }), (c, ns, cents) => {
        const perPatient = new D(cents).div(100);
        const sizes = [0, ...new Set(ns)].sort((x, y) => x - y);
        const r = evsi({ ...c, group: ["p"], sampleSizes: sizes, priorSampleSize: 20, method: { type: "poly" }, studyCost: { fixed: { amount: "1000", currency: "CNY" }, perPatient: { amount: perPatient.toFixed(2), currency: "CNY" } } });
        const pt = r.points[0]!;
        expect(pt.curve[0]!.evsiExact.isZero()).toBe(true);
        for (let i = 1; i < pt.curve.length; i++) expect(pt.curve[i]!.evsiExact.greaterThanOrEqualTo(pt.curve[i - 1]!.evsiExact.times(1 - 1e-12))).toBe(true);
        for (const s of pt.curve) {
          expect(s.evsiExact.lessThanOrEqualTo(pt.evppiExact.times(1 + 1e-12).plus(1e-12))).toBe(true);
          expect(s.enbsExact!.equals(s.evsiExact.times(c.population).minus(perPatient.times(s.n)).minus(1000))).toBe(true);
        }
      }),
      { numRuns: runs(30) },
    );
  });
});
