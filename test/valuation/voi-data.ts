// Seeded draws for the VOI tests (a small counter-based generator: reproducible, no dependency).

/** A uniform(0, 1) stream from a 32-bit seed (mulberry32). */
export function uniforms(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** K standard-normal draws (Box–Muller). */
export function normals(seed: number, K: number): Float64Array {
  const u = uniforms(seed);
  return Float64Array.from({ length: K }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

export const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);

/** Φ by the complementary error function (Numerical Recipes' erfc, |error| < 1.2e-7). */
export function Phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** E[max(0, X)] − max(0, μ) for X ~ N(μ, σ²): σφ(μ/σ) − |μ|Φ(−|μ|/σ). */
export const normalEvpi = (mu: number, sigma: number) => sigma * phi(mu / sigma) - Math.abs(mu) * Phi(-Math.abs(mu) / sigma);

export const sd = (x: ArrayLike<number>) => {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i]!;
  m /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i]! - m) ** 2;
  return Math.sqrt(s / (n - 1));
};

/**
 * Two strategies at λ = 1: A has NMB 0, B has NMB θ + ψ, θ ~ N(μ, σθ²), ψ ~ N(0, σψ²),
 * and ζ ~ N(0, 1) is sampled but enters nothing.
 */
export function linearCase(K: number, mu: number, sTheta: number, sPsi: number, seed = 1) {
  const theta = Float64Array.from(normals(seed, K), (z) => mu + sTheta * z);
  const psi = Float64Array.from(normals(seed + 1, K), (z) => sPsi * z);
  const zeta = normals(seed + 2, K);
  const gain = Float64Array.from(theta, (t, k) => t + psi[k]!);
  return {
    theta,
    psi,
    zeta,
    gain,
    input: {
      strategies: ["A", "B"],
      // B's effect is 5000 + gain and its cost 5000, so at λ = 1 its NMB is exactly the gain up to float rounding
      costs: [new Float64Array(K), new Float64Array(K).fill(5000)],
      effects: [new Float64Array(K), Float64Array.from(gain, (g) => 5000 + g)],
      parameters: [
        { name: "theta", draws: theta },
        { name: "psi", draws: psi },
        { name: "zeta", draws: zeta },
      ],
      lambdas: [1],
      currency: "CNY",
    },
  };
}

/** Three strategies with non-linear effects of a response probability, a utility and a drug cost. */
export function threeArmCase(K: number, seed = 7) {
  const pR = Float64Array.from(normals(seed, K), (z) => 0.4 + 0.1 * z);
  const uR = Float64Array.from(normals(seed + 1, K), (z) => 0.7 + 0.1 * z);
  const cD = Float64Array.from(normals(seed + 2, K), (z) => 50000 + 10000 * z);
  return {
    strategies: ["SoC", "New", "Newer"],
    costs: [Float64Array.from(cD, (c) => 0.5 * c), Float64Array.from(cD, (c) => 20000 + c), Float64Array.from(cD, (c) => 60000 + 1.2 * c)],
    effects: [
      Float64Array.from(pR, (p, k) => 1 + 0.5 * p * uR[k]!),
      Float64Array.from(pR, (p, k) => 1 + p * uR[k]!),
      Float64Array.from(pR, (p, k) => 1 + 1.4 * p * uR[k]! ** 2),
    ],
    parameters: [
      { name: "pResponse", draws: pR },
      { name: "uResponse", draws: uR },
      { name: "drugCost", draws: cD },
    ],
    currency: "CNY",
  };
}
