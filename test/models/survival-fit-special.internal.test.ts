// The special functions behind the gamma-type curves and likelihoods, checked against
// their definitions (reaches into src/models/special-functions.ts: internal).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logGamma, logIncompleteGammaTails, logNormalUpperTail } from "../../src/models/special-functions.js";
import { runs } from "../arbitraries.js";

describe("ln Γ", () => {
  it("Γ(n) = (n − 1)!, Γ(½) = √π, Γ(x + 1) = x Γ(x)", () => {
    let f = 1;
    for (let n = 1; n <= 30; n++) {
      if (n > 1) f *= n - 1;
      expect(Math.abs(logGamma(n) - Math.log(f))).toBeLessThan(1e-13 * Math.max(1, Math.log(f)));
    }
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    for (const x of [0.01, 0.3, 2.7, 44.5, 1234.5]) expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(1e-12 * Math.max(1, Math.abs(logGamma(x + 1))));
  });
});

describe("regularised incomplete gamma", () => {
  // Simpson's rule needs a smooth integrand: for a ≤ 1 after t = u^(1/a),
  // P = (1/(aΓ(a))) ∫₀^(x^a) e^(−u^(1/a)) du; for a ≥ 5 directly, P = ∫₀^x t^(a−1) e^(−t) dt / Γ(a).
  // (1 < a < 5 leaves a derivative unbounded at 0; the closed forms above cover integer and half-integer a.)
  // 40,000 panels: for a just under 1 the second derivative still grows like u^(1/a − 2) near 0,
  // and at 4,000 panels the reference's own error reached 1e-9 (a = 0.8675, x = 2.6).
  const simpson = (f: (t: number) => number, top: number) => {
    const m = 40000;
    const h = top / m;
    let s = 0;
    for (let i = 0; i <= m; i++) s += (i === 0 || i === m ? 1 : i % 2 === 1 ? 4 : 2) * f(i * h);
    return (s * h) / 3;
  };
  it("P(a, x) against Simpson's rule on its definition (a ≤ 1 and a ≥ 5)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0.2, max: 1, noNaN: true }), fc.double({ min: 5, max: 40, noNaN: true })), fc.double({ min: 0.05, max: 3, noNaN: true }), (a, ratio) => {
        const x = a * ratio;
        const p =
          a <= 1
            ? simpson((u) => Math.exp(-(u ** (1 / a))), x ** a) / Math.exp(Math.log(a) + logGamma(a))
            : simpson((t) => Math.exp((a - 1) * Math.log(Math.max(t, 1e-300)) - t - logGamma(a)), x);
        const got = Math.exp(logIncompleteGammaTails(a, x).logP);
        expect(Math.abs(got - p)).toBeLessThan(1e-9);
      }),
      { numRuns: Math.min(runs(60), 500), examples: [[0.8675209786901992, 2.999998043849995]] },
    );
  });

  it("P + Q = 1, P increases in x, and the methods agree where they meet (x = a + 1, a = 1000)", () => {
    fc.assert(
      fc.property(fc.double({ min: -4, max: 3.7, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (la, ratio) => {
        const a = 10 ** la;
        const x = a * ratio;
        const t = logIncompleteGammaTails(a, x);
        expect(Math.abs(Math.exp(t.logP) + Math.exp(t.logQ) - 1)).toBeLessThan(1e-14);
        const t2 = logIncompleteGammaTails(a, x * 1.01);
        expect(t2.logP).toBeGreaterThanOrEqual(t.logP);
      }),
      { numRuns: runs(300) },
    );
    for (const a of [0.5, 3, 50, 900]) {
      const below = logIncompleteGammaTails(a, a + 1 - 1e-9).logQ; // series
      const above = logIncompleteGammaTails(a, a + 1 + 1e-9).logQ; // continued fraction
      expect(Math.abs(below - above)).toBeLessThan(1e-8);
    }
    for (const r of [0.9, 1, 1.1]) {
      const series = logIncompleteGammaTails(999.9999999, 1000 * r).logQ;
      const temme = logIncompleteGammaTails(1000, 1000 * r).logQ;
      expect(Math.abs(series - temme)).toBeLessThan(1e-8 * Math.max(1, Math.abs(temme)));
    }
  });

  it("tails far out stay finite logs: Q(2, 800) = e^(−800)(1 + 800)", () => {
    expect(logIncompleteGammaTails(2, 800).logQ).toBeCloseTo(-800 + Math.log(801), 10);
    expect(logIncompleteGammaTails(3, 1e-5).logP).toBeCloseTo(Math.log(1e-15 / 6) - 1e-5 * 0.75, 8);
  });
});

describe("normal tail", () => {
  it("ln(1 − Φ(z)) against the asymptotic series far out and symmetry near 0", () => {
    // 1 − Φ(z) ≈ φ(z)/z · (1 − 1/z² + 3/z⁴ − 15/z⁶) for large z
    for (const z of [10, 20, 38, 100]) {
      const approx = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - Math.log(z) + Math.log(1 - 1 / z ** 2 + 3 / z ** 4 - 15 / z ** 6);
      expect(Math.abs(logNormalUpperTail(z) - approx)).toBeLessThan(2e-6 * (10 / z) ** 8 + 1e-12 * z * z);
    }
    for (const z of [0, 0.3, 1.5, 2.5, 4]) expect(Math.abs(Math.exp(logNormalUpperTail(z)) + Math.exp(logNormalUpperTail(-z)) - 1)).toBeLessThan(1e-15);
  });
});
