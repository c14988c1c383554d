import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzePsa, psaInputFromDraws } from "../../src/index.js";

// A strategy × draw matrix of modest, finite floats (costs may be negative: offsets).
const psaArb = fc
  .record({ S: fc.integer({ min: 1, max: 5 }), K: fc.integer({ min: 1, max: 30 }) })
  .chain(({ S, K }) =>
    fc.record({
      costs: fc.array(fc.array(fc.double({ min: -1e5, max: 1e6, noNaN: true }), { minLength: K, maxLength: K }), { minLength: S, maxLength: S }),
      effects: fc.array(fc.array(fc.double({ min: -1, max: 10, noNaN: true }), { minLength: K, maxLength: K }), { minLength: S, maxLength: S }),
      lambdas: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 5 }),
    }),
  )
  .map((m) => ({ ...m, strategies: m.costs.map((_, i) => `S${i}`), currency: "CNY" }));

describe("PSA properties", () => {
  it("CEAC wins add up to the draw count and shares to 1 at every λ", () => {
    fc.assert(
      fc.property(psaArb, (input) => {
        const r = analyzePsa(input);
        for (const p of r.points) {
          expect(p.wins.reduce((a, b) => a + b, 0)).toBe(r.draws);
          expect(Math.abs(p.ceac.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it("EVPI ≥ 0, every expected loss ≥ 0, and EVPI is the CEAF strategy's expected loss (the smallest)", () => {
    fc.assert(
      fc.property(psaArb, (input) => {
        const r = analyzePsa(input);
        for (const p of r.points) {
          expect(p.evpi.amount.isNegative()).toBe(false);
          for (const l of p.expectedLoss) {
            expect(l.amount.isNegative()).toBe(false);
            expect(p.evpi.amount.lessThanOrEqualTo(l.amount)).toBe(true);
          }
          for (const n of p.expectedNmb) expect(n.amount.lessThanOrEqualTo(p.expectedNmb[p.optimalIndex]!.amount)).toBe(true);
        }
      }),
    );
  });

  it("is reproducible to the bit and the same for arrays, typed arrays and draw-major input", () => {
    fc.assert(
      fc.property(psaArb, (input) => {
        const a = JSON.stringify(analyzePsa(input));
        const typed = { ...input, costs: input.costs.map((r) => Float64Array.from(r)), effects: input.effects.map((r) => Float64Array.from(r)) };
        expect(JSON.stringify(analyzePsa(typed))).toBe(a);
        const K = input.costs[0]!.length;
        const draws = Array.from({ length: K }, (_, k) => ({ costs: input.costs.map((r) => r[k]!), effects: input.effects.map((r) => r[k]!) }));
        expect(JSON.stringify(analyzePsa(psaInputFromDraws({ strategies: input.strategies, draws, lambdas: input.lambdas, currency: "CNY" })))).toBe(a);
        expect(JSON.stringify(analyzePsa(input))).toBe(a);
      }),
    );
  });

  it("a copy of a strategy placed later never wins a draw (exact ties go to the earlier)", () => {
    fc.assert(
      fc.property(psaArb, (input) => {
        const r = analyzePsa({
          ...input,
          strategies: [...input.strategies, "copy"],
          costs: [...input.costs, input.costs[0]!],
          effects: [...input.effects, input.effects[0]!],
        });
        for (const p of r.points) {
          expect(p.wins[p.wins.length - 1]).toBe(0);
          expect(p.optimal).not.toBe("copy");
        }
      }),
    );
  });
});

describe("PSA near-ties", () => {
  it("decides by exact comparison: one ulp is enough, equality goes to the earlier strategy", () => {
    const c = 1000.1;
    const below = c - c * Number.EPSILON; // the float just below 1000.1 (or within an ulp of it)
    expect(below).toBeLessThan(c);
    const r = analyzePsa({
      strategies: ["A", "B", "C"],
      costs: [[c, c], [below, c], [c, c]],
      effects: [[1, 1], [1, 1], [1, 1]],
      lambdas: [0, 50000],
      currency: "CNY",
    });
    // λ = 0: NMB = −C exactly. Draw 1: B is cheaper by an ulp → B. Draw 2: all equal → A.
    expect(r.points[0]!.wins).toEqual([1, 1, 0]);
    // λ = 50,000: 50,000 − C rounds both costs to the same float64 NMB, so both draws
    // are exact ties and go to A: the rule is applied to the computed NMB, never by chance.
    expect(r.points[1]!.wins).toEqual([2, 0, 0]);
  });

  it("EVPI is zero when one strategy wins every draw", () => {
    const r = analyzePsa({ strategies: ["A", "B"], costs: [[1, 2, 3], [10, 20, 30]], effects: [[1, 1, 1], [1, 1, 1]], lambdas: [100], currency: "CNY" });
    expect(r.points[0]!.ceac).toEqual([1, 0]);
    expect(r.points[0]!.evpi.toString()).toBe("CNY 0.00");
  });

  it("CEAF switches with λ; expected NMB is reported per strategy", () => {
    // A: cost 0, effect 0. B: cost 100, effect 1 in both draws → B optimal once λ ≥ 100 (tie at 100 → A).
    const r = analyzePsa({ strategies: ["A", "B"], costs: [[0, 0], [100, 100]], effects: [[0, 0], [1, 1]], lambdas: [50, 100, 150], currency: "USD" });
    expect(r.points.map((p) => p.optimal)).toEqual(["A", "A", "B"]);
    expect(r.points[2]!.expectedNmb.map(String)).toEqual(["USD 0.00", "USD 50.00"]);
  });
});
