import { describe, expect, it } from "vitest";
import { analyzePsa, evppi } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { linearCase, normalEvpi, normals, sd, threeArmCase } from "./voi-data.js";

// Derivation of the closed form used below. Two strategies, A with NMB 0 and B with
// NMB X. For X ~ N(μ, σ²): E[max(0, X)] = μΦ(μ/σ) + σφ(μ/σ), and max(0, E X) = max(0, μ).
// For μ ≥ 0, EVPI = μΦ(μ/σ) + σφ(μ/σ) − μ = σφ(μ/σ) − μΦ(−μ/σ); for μ < 0 it is
// μΦ(μ/σ) + σφ(μ/σ) = σφ(μ/σ) − |μ|Φ(−|μ|/σ) (φ is even). Both are
//   EVPI = σφ(μ/σ) − |μ|Φ(−|μ|/σ).
// With X = θ + ψ, θ ~ N(μ, σθ²) and ψ ~ N(0, σψ²) independent, E[X | θ] = θ, so
// EVPPI(θ) = E_θ[max(0, θ)] − max(0, μ) is the same formula with σ = σθ, and
// EVPPI(θ, ψ) = EVPI with σ = √(σθ² + σψ²): X is a function of (θ, ψ).
//
// Monte Carlo tolerance: each estimate is a mean over K draws of a quantity like
// max(0, θ); its standard error is about sd(max(0, θ_k))/√K. We allow 4 standard errors.
const K = 10_000;
const mu = 100;
const sTheta = 300;
const sPsi = 200;
const c = linearCase(K, mu, sTheta, sPsi);
const se = (x: Float64Array) => sd(Float64Array.from(x, (v) => Math.max(0, v))) / Math.sqrt(K);
const groups = [["theta"], ["psi"], ["zeta"], ["theta", "psi"], ["theta", "zeta"]];

describe.each([
  { type: "poly" as const, degree: 2 },
  { type: "spline" as const },
])("EVPPI, linear normal case ($type)", (method) => {
  const r = evppi({ ...c.input, groups, method });
  const at = (label: string) => r.groups.find((g) => g.label === label)!.points[0]!;
  const value = (label: string) => Number(at(label).evppiExact.toString());

  it("EVPPI(θ) matches σθφ(μ/σθ) − |μ|Φ(−|μ|/σθ) within 4 Monte Carlo standard errors", () => {
    const exact = normalEvpi(mu, sTheta); // ≈ 76.27
    expect(Math.abs(value("theta") - exact)).toBeLessThan(4 * se(c.theta));
  });

  it("EVPPI(θ, ψ) equals the sample EVPI (the difference is a function of the group) and the closed form", () => {
    const evpiSample = Number(at("theta").evpiExact.toString());
    expect(Math.abs(value("theta + psi") - evpiSample)).toBeLessThan(1e-6 * evpiSample);
    const exact = normalEvpi(mu, Math.hypot(sTheta, sPsi));
    expect(Math.abs(evpiSample - exact)).toBeLessThan(4 * se(c.gain));
  });

  it("an irrelevant parameter has EVPPI ≈ 0: below 3·sd(ΔNMB)·√(columns/K), the noise a fit on pure noise can pick up", () => {
    const g = r.groups.find((x) => x.label === "zeta")!;
    const tol = 3 * sd(c.gain) * Math.sqrt(g.basisColumns / K);
    expect(value("zeta")).toBeGreaterThanOrEqual(0);
    expect(value("zeta")).toBeLessThan(tol);
    // and adding it to θ changes nothing beyond the same tolerance
    expect(Math.abs(value("theta + zeta") - value("theta"))).toBeLessThan(tol);
  });

  it("EVPPI ≤ EVPI, and a group's EVPPI ≥ each member's", () => {
    for (const g of r.groups) {
      const p = g.points[0]!;
      expect(p.evppiExact.lessThanOrEqualTo(p.evpiExact.times(1 + 1e-9))).toBe(true);
    }
    expect(value("theta + psi")).toBeGreaterThanOrEqual(value("theta"));
    expect(value("theta + psi")).toBeGreaterThanOrEqual(value("psi"));
  });

  it("reports the method, the fit diagnostics and rounded + unrounded money", () => {
    expect(r.method.type).toBe(method.type);
    expect(r.methodDescription.length).toBeGreaterThan(10);
    const p = at("theta + psi");
    expect(p.optimal).toBe("B");
    expect(p.fits.map((f) => f.strategy)).toEqual(["A"]);
    expect(p.fits[0]!.rSquared).toBeGreaterThan(0.999999);
    expect(p.fits[0]!.residualSd).toBeLessThan(1e-3);
    const z = at("zeta").fits[0]!;
    expect(z.rSquared).toBeLessThan(0.01);
    expect(Math.abs(z.residualSd - sd(c.gain))).toBeLessThan(0.01 * sd(c.gain));
    if (method.type === "poly") expect(z.edf).toBe(3);
    else expect(z.edf).toBeGreaterThan(1.5); // the penalty's null space: intercept + slope
    expect(p.evppi.currency).toBe("CNY");
    expect(p.evppi.amount.equals(p.evppiExact.toDecimalPlaces(2, D.ROUND_HALF_UP))).toBe(true);
    expect(p.populationEvppi).toBeNull();
    expect(r.explanation.map((s) => s.rule)).toEqual(["valuation.voi.evppi.method", ...groups.map(() => "valuation.voi.evppi.group")]);
  });
});

describe("EVPPI: non-linear and interaction effects", () => {
  const N = 4000;
  const a = normals(11, N);
  const b = normals(12, N);
  const mk = (gain: Float64Array) => ({
    strategies: ["A", "B"],
    costs: [new Float64Array(N), new Float64Array(N)],
    effects: [new Float64Array(N), gain],
    parameters: [{ name: "a", draws: a }, { name: "b", draws: b }],
    lambdas: [1],
    currency: "USD",
  });

  it("a pure interaction ΔNMB = 100·a·b − 10: the spline's tensor term recovers EVPI, the additive polynomial cannot", () => {
    const input = { ...mk(Float64Array.from(a, (x, k) => 100 * x * b[k]! - 10)), groups: [["a", "b"]] };
    const spline = evppi({ ...input, method: { type: "spline" } }).groups[0]!.points[0]!;
    const poly = evppi({ ...input, method: { type: "poly", degree: 3 } }).groups[0]!.points[0]!;
    const evpi = Number(spline.evpiExact.toString());
    expect(Number(spline.evppiExact.toString())).toBeGreaterThan(0.9 * evpi);
    expect(Number(poly.evppiExact.toString())).toBeLessThan(0.1 * evpi);
    expect(spline.fits[0]!.rSquared).toBeGreaterThan(0.95);
  });

  it("a quadratic ΔNMB = 50·(a² − 1) + 5: degree 1 misses it, degree 2 and the spline find it", () => {
    const input = { ...mk(Float64Array.from(a, (x) => 50 * (x * x - 1) + 5)), groups: [["a"]] };
    const get = (method: Parameters<typeof evppi>[0]["method"]) => Number(evppi({ ...input, method }).groups[0]!.points[0]!.evppiExact.toString());
    const evpi = Number(evppi({ ...input, method: { type: "poly", degree: 2 } }).groups[0]!.points[0]!.evpiExact.toString());
    expect(get({ type: "poly", degree: 1 })).toBeLessThan(0.1 * evpi);
    expect(Math.abs(get({ type: "poly", degree: 2 }) - evpi)).toBeLessThan(1e-6 * evpi);
    expect(get({ type: "spline" })).toBeGreaterThan(0.97 * evpi);
  });

  it("setting interactions: false gives the additive spline (fewer columns, no tensor term)", () => {
    const input = { ...mk(Float64Array.from(a, (x, k) => 100 * x * b[k]! - 10)), groups: [["a", "b"]] };
    const g = evppi({ ...input, method: { type: "spline", interactions: false } }).groups[0]!;
    expect(g.basisColumns).toBe(1 + 2 * 9);
    expect(Number(g.points[0]!.evppiExact.toString())).toBeLessThan(0.1 * Number(g.points[0]!.evpiExact.toString()));
  });
});

describe("EVPPI: three strategies over a λ grid", () => {
  const base = threeArmCase(3000);
  const lambdas = [0, 150_000, 300_000, 325_000, 450_000];
  const groups = [["pResponse"], ["uResponse"], ["drugCost"], ["pResponse", "uResponse"], ["pResponse", "uResponse", "drugCost"]];

  it.each([{ type: "poly" as const, degree: 2 }, { type: "spline" as const }])("EVPPI ≤ EVPI everywhere, groups ≥ members, EVPI as analyzePsa's ($type)", (method) => {
    const r = evppi({ ...base, lambdas, groups, method, population: "1234.5" });
    const psa = analyzePsa({ strategies: base.strategies, costs: base.costs, effects: base.effects, lambdas, currency: "CNY" });
    r.groups.forEach((g) => {
      g.points.forEach((p, l) => {
        expect(p.evpiExact.equals(psa.points[l]!.evpiExact)).toBe(true);
        expect(p.evpi.amount.equals(psa.points[l]!.evpi.amount)).toBe(true);
        expect(p.optimal).toBe(psa.points[l]!.optimal);
        expect(p.evppiExact.isNegative()).toBe(false);
        expect(p.exceedsEvpi).toBe(p.evppiExact.greaterThan(p.evpiExact.times(1 + 1e-9).plus(1e-9)));
        // the spline fits every group here, so its estimate stays below EVPI; the additive
        // polynomial misses the p·u interaction and overshoots for the full group at high λ
        if (method.type === "spline") expect(p.exceedsEvpi).toBe(false);
        expect(p.populationEvppiExact!.equals(p.evppiExact.times("1234.5"))).toBe(true);
        expect(p.populationEvppi!.amount.equals(p.evppiExact.times("1234.5").toDecimalPlaces(2, D.ROUND_HALF_UP))).toBe(true);
        expect(p.fits).toHaveLength(2);
      });
    });
    const v = (i: number, l: number) => Number(r.groups[i]!.points[l]!.evppiExact.toString());
    for (let l = 0; l < lambdas.length; l++) {
      for (const m of [0, 1]) expect(v(3, l)).toBeGreaterThanOrEqual(v(m, l) - 1e-9);
      for (const m of [0, 1, 2, 3]) expect(v(4, l)).toBeGreaterThanOrEqual(v(m, l) - 1e-6 * (1 + v(4, l)));
      // the full set of parameters determines every NMB: with a basis that can represent it (the spline's interactions), EVPPI = EVPI
      if (method.type === "spline") expect(Math.abs(v(4, l) - Number(r.groups[4]!.points[l]!.evpiExact.toString()))).toBeLessThan(1e-6 * (1 + v(4, l)));
    }
  });

  it("is deterministic and the same for arrays and Float64Arrays", () => {
    const input = { ...base, lambdas: [325_000], groups: [["pResponse", "uResponse"]], method: { type: "spline" as const } };
    const a = JSON.stringify(evppi(input));
    const arrays = { ...input, costs: base.costs.map((r) => Array.from(r)), effects: base.effects.map((r) => Array.from(r)), parameters: base.parameters.map((p) => ({ name: p.name, draws: Array.from(p.draws) })) };
    expect(JSON.stringify(evppi(arrays))).toBe(a);
    expect(JSON.stringify(evppi(input))).toBe(a);
  });

  it("parameter names such as __proto__ and constructor are plain names", () => {
    const params = base.parameters.map((p, i) => ({ name: ["__proto__", "constructor", "toString"][i]!, draws: p.draws }));
    const r = evppi({ ...base, parameters: params, lambdas: [325_000], groups: [["__proto__"], ["constructor", "toString"]], method: { type: "poly" } });
    expect(r.groups.map((g) => g.label)).toEqual(["__proto__", "constructor + toString"]);
    expect(r.method).toEqual({ type: "poly", degree: 2 });
  });

  it("flags an additive polynomial that overshoots EVPI and says so in the explanation", () => {
    const r = evppi({ ...base, lambdas: [450_000], groups: [["pResponse", "uResponse", "drugCost"]], method: { type: "poly" } });
    const p = r.groups[0]!.points[0]!;
    expect(p.exceedsEvpi).toBe(true);
    expect(r.explanation[1]!.text).toMatch(/exceeds EVPI/);
  });
});
