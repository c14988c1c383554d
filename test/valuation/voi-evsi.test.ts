import { describe, expect, it } from "vitest";
import { evppi, evsi } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { linearCase, normalEvpi, sd, threeArmCase } from "./voi-data.js";

// Closed form. As in voi-evppi.test.ts, B − A = θ + ψ with θ ~ N(μ, σθ²). A study of n
// patients on θ with a normal prior worth n0 patients has a preposterior mean
// E[θ | data] ~ N(μ, σθ² · n/(n + n0)) (the share of the prior variance the data
// resolve). So EVSI(n) = σn φ(μ/σn) − |μ| Φ(−|μ|/σn) with σn = σθ √(n/(n + n0)): 0 at
// n = 0 and rising to EVPPI(θ) as n → ∞. The Gaussian approximation reproduces this
// exactly for a linear metamodel, so only Monte Carlo error remains (4 standard errors).
const K = 10_000;
const mu = 100;
const sTheta = 300;
const c = linearCase(K, mu, sTheta, 200, 3);
const n0 = 25;
const sampleSizes = [0, 5, 25, 100, 400, 1_000_000];

describe.each([{ type: "poly" as const, degree: 2 }, { type: "spline" as const }])("EVSI, linear normal case ($type)", (method) => {
  const r = evsi({ ...c.input, group: ["theta"], sampleSizes, priorSampleSize: n0, method });
  const curve = r.points[0]!.curve;
  const value = (i: number) => Number(curve[i]!.evsiExact.toString());

  it("matches σn φ(μ/σn) − |μ|Φ(−|μ|/σn), σn = σθ√(n/(n + n0)), within 4 Monte Carlo standard errors", () => {
    sampleSizes.forEach((n, i) => {
      const v = Math.sqrt(n / (n + n0));
      const se = sd(Float64Array.from(c.theta, (t) => Math.max(0, mu + (t - mu) * v))) / Math.sqrt(K);
      expect(Math.abs(value(i) - normalEvpi(mu, sTheta * v))).toBeLessThanOrEqual(4 * se + 1e-9);
    });
  });

  it("is 0 at n = 0, never decreases with n, and tends to EVPPI of the group", () => {
    expect(curve[0]!.evsiExact.isZero()).toBe(true);
    for (let i = 1; i < curve.length; i++) expect(value(i)).toBeGreaterThanOrEqual(value(i - 1));
    const ev = Number(r.points[0]!.evppiExact.toString());
    for (let i = 0; i < curve.length; i++) expect(value(i)).toBeLessThanOrEqual(ev * (1 + 1e-12));
    expect(Math.abs(value(curve.length - 1) - ev)).toBeLessThan(1e-3 * ev);
    // the n → ∞ limit is the EVPPI the evppi() function reports for the same group and method
    const direct = evppi({ ...c.input, groups: [["theta"]], method }).groups[0]!.points[0]!;
    expect(r.points[0]!.evppiExact.equals(direct.evppiExact)).toBe(true);
  });

  it("reports fits, no ENBS without a study cost, and no population figures without a population", () => {
    expect(r.points[0]!.fits[0]!.strategy).toBe("A");
    expect(r.points[0]!.bestSampleSize).toBeNull();
    for (const s of curve) {
      expect(s.enbs).toBeNull();
      expect(s.populationEvsi).toBeNull();
      expect(s.evsi.amount.equals(s.evsiExact.toDecimalPlaces(2, D.ROUND_HALF_UP))).toBe(true);
    }
    expect(r.priorSampleSize).toEqual([n0]);
  });
});

describe("EVSI: ENBS and groups", () => {
  const base = threeArmCase(3000);
  const studyCost = { fixed: { amount: "200000", currency: "CNY" }, perPatient: { amount: "3000.50", currency: "CNY" } };

  it("ENBS(n) = population × EVSI(n) − fixed − perPatient × n, exactly, rounded once; bestSampleSize is its argmax", () => {
    const r = evsi({ ...base, group: ["pResponse"], sampleSizes: [0, 10, 50, 200, 800], priorSampleSize: 50, lambdas: [325_000], method: { type: "spline" }, population: "2000", studyCost });
    const p = r.points[0]!;
    for (const s of p.curve) {
      const cost = new D("200000").plus(new D("3000.50").times(s.n));
      expect(s.studyCost!.amount.equals(cost)).toBe(true);
      expect(s.populationEvsiExact!.equals(s.evsiExact.times(2000))).toBe(true);
      expect(s.enbsExact!.equals(s.evsiExact.times(2000).minus(cost))).toBe(true);
      expect(s.enbs!.amount.equals(s.enbsExact!.toDecimalPlaces(2, D.ROUND_HALF_UP))).toBe(true);
    }
    const best = p.curve.reduce((a, b) => (b.enbsExact!.greaterThan(a.enbsExact!) ? b : a));
    expect(p.bestSampleSize).toBe(best.n);
    expect(p.curve[0]!.enbsExact!.equals(-200000)).toBe(true); // EVSI(0) = 0
    expect(r.explanation.map((s) => s.rule)).toEqual(["valuation.voi.evsi.method", "valuation.voi.evsi.curve"]);
  });

  it("a group with per-parameter n0: a larger prior sample (better-known parameter) lowers EVSI", () => {
    const run = (n0: number[]) => Number(evsi({ ...base, group: ["pResponse", "uResponse"], sampleSizes: [100], priorSampleSize: n0, lambdas: [325_000], method: { type: "spline" } }).points[0]!.curve[0]!.evsiExact.toString());
    expect(run([50, 50])).toBeGreaterThan(run([50, 500]));
    expect(run([50, 500])).toBeGreaterThan(run([500, 500]));
  });

  it("EVSI of a group is ≤ its EVPPI at every n and λ", () => {
    const r = evsi({ ...base, group: ["pResponse", "uResponse"], sampleSizes: [1, 30, 300], priorSampleSize: 40, lambdas: [300_000, 450_000], method: { type: "poly" } });
    for (const p of r.points) for (const s of p.curve) expect(s.evsiExact.lessThanOrEqualTo(p.evppiExact.times(1 + 1e-12))).toBe(true);
  });
});
