// Valuation benchmarks: PSA summaries at the spec's scale target, and a large frontier.
import { analyzePsa, frontier } from "./lib.js";
import { type BenchRow, ms, perUnit, time } from "./harness.js";

/** A small deterministic generator (mulberry32) so every run times the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function bench(): Promise<BenchRow[]> {
  const S = 10;
  const K = 10_000;
  const L = 100;
  const next = rng(42);
  const costs = Array.from({ length: S }, (_, s) => Float64Array.from({ length: K }, () => 50_000 * s + 20_000 * next()));
  const effects = Array.from({ length: S }, (_, s) => Float64Array.from({ length: K }, () => 1 + 0.3 * s + 0.5 * next()));
  const lambdas = Array.from({ length: L }, (_, i) => i * 3_000);
  const psaInput = { strategies: Array.from({ length: S }, (_, s) => `S${s}`), costs, effects, lambdas, currency: "CNY" };
  const psa = time(() => analyzePsa(psaInput), { samples: 7, warmup: 2 });

  const N = 1_000;
  const next2 = rng(7);
  const strategies = Array.from({ length: N }, (_, i) => ({
    name: `T${i}`,
    cost: { amount: (Math.round(next2() * 100_000_000) / 100).toFixed(2), currency: "CNY" },
    effect: (Math.round(next2() * 1_000_000) / 100_000).toString(),
  }));
  const fr = time(() => frontier({ strategies }), { samples: 7, warmup: 2 });

  return [
    {
      name: "valuation: PSA (CEAC + CEAF + expected loss + EVPI)",
      result: ms(psa.medianMs),
      note: `${K.toLocaleString("en")} draws × ${S} strategies × ${L} λ values (Float64Array input, validation included); ${perUnit(psa.medianMs, L, "λ")}; target well under 1 s on one core; median of ${psa.samples}`,
    },
    {
      name: "valuation: frontier over 1,000 strategies",
      result: ms(fr.medianMs),
      note: `random costs (cents) and effects (5 dp), exact decimals, explanation included; ${perUnit(fr.medianMs, N, "strategy")}; median of ${fr.samples}`,
    },
  ];
}
