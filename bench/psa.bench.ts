// PSA (issue 22 item 7): the in-memory analyzePsa against the bare typed-array loop it
// must stay within 1.1× of, and the chunked path on 10^7 draws in bounded memory.
import { addPsaDraws, analyzePsa, createPsaAccumulator, finishPsa } from "./lib.js";
import { type BenchRow, ms, timePair } from "./harness.js";

/** mulberry32: every run times the same data. */
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

/** The floor: per λ, each draw's NMB per strategy, its winner and the sums — over the caller's strategy-major Float64Arrays, nothing else. */
function floorLoop(costs: Float64Array[], effects: Float64Array[], lambdas: number[]): number {
  const S = costs.length;
  const K = costs[0]!.length;
  const sums = new Float64Array(S);
  const wins = new Int32Array(S);
  let check = 0;
  for (const lambda of lambdas) {
    sums.fill(0);
    wins.fill(0);
    let sumMax = 0;
    for (let k = 0; k < K; k++) {
      let best = lambda * effects[0]![k]! - costs[0]![k]!;
      let bestS = 0;
      sums[0] = sums[0]! + best;
      for (let s = 1; s < S; s++) {
        const v = lambda * effects[s]![k]! - costs[s]![k]!;
        sums[s] = sums[s]! + v;
        if (v > best) {
          best = v;
          bestS = s;
        }
      }
      wins[bestS] = wins[bestS]! + 1;
      sumMax += best;
    }
    check += sumMax + sums[0]! + wins[0]!;
  }
  return check;
}

/** The stricter floor: the same loop over draw-major arrays made beforehand (the copy not timed). */
function floorDrawMajor(C: Float64Array, E: Float64Array, S: number, lambdas: number[]): number {
  const n = C.length;
  const sums = new Float64Array(S);
  const wins = new Int32Array(S);
  let check = 0;
  for (const lambda of lambdas) {
    sums.fill(0);
    wins.fill(0);
    let sumMax = 0;
    for (let base = 0; base < n; base += S) {
      let best = lambda * E[base]! - C[base]!;
      let bestS = 0;
      sums[0] = sums[0]! + best;
      for (let s = 1; s < S; s++) {
        const v = lambda * E[base + s]! - C[base + s]!;
        sums[s] = sums[s]! + v;
        if (v > best) {
          best = v;
          bestS = s;
        }
      }
      wins[bestS] = wins[bestS]! + 1;
      sumMax += best;
    }
    check += sumMax + sums[0]! + wins[0]!;
  }
  return check;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  // 1. 10^7 draws in chunks: memory stays O(strategies × λ) plus one chunk.
  {
    const S = 10;
    const K = Number(process.env.PSA_STREAM_DRAWS ?? 10_000_000);
    const chunk = 100_000;
    const lambdas = [20_000, 50_000, 100_000];
    const next = rng(3);
    const rssBefore = process.memoryUsage().rss;
    const acc = createPsaAccumulator({ strategies: Array.from({ length: S }, (_, s) => `S${s}`), lambdas, currency: "CNY" });
    const costs = Array.from({ length: S }, () => new Float64Array(chunk));
    const effects = Array.from({ length: S }, () => new Float64Array(chunk));
    let peak = rssBefore;
    const t0 = performance.now();
    for (let done = 0; done < K; done += chunk) {
      for (let s = 0; s < S; s++) {
        const c = costs[s]!;
        const e = effects[s]!;
        for (let k = 0; k < chunk; k++) {
          c[k] = 50_000 * s + 20_000 * next();
          e[k] = 1 + 0.3 * s + 0.5 * next();
        }
      }
      addPsaDraws({ accumulator: acc, costs, effects });
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const r = finishPsa(acc);
    const took = performance.now() - t0;
    rows.push({
      name: `PSA in chunks: ${K.toLocaleString("en")} draws × ${S} strategies × ${lambdas.length} λ (createPsaAccumulator / addPsaDraws / finishPsa)`,
      result: `${ms(took)} wall incl. generating the draws; RSS ${(rssBefore / 2 ** 20).toFixed(0)} MiB before, at most ${(peak / 2 ** 20).toFixed(0)} MiB during`,
      note: `${(K / chunk).toLocaleString("en")} chunks of ${chunk.toLocaleString("en")} draws, one reused buffer (${((2 * S * chunk * 8) / 2 ** 20).toFixed(0)} MiB); the in-memory input alone would be ${((2 * S * K * 8) / 2 ** 30).toFixed(1)} GiB; ${r.draws.toLocaleString("en")} draws summarised; one pass`,
    });
  }

  // 2. In memory against the floor, alternating samples, CPU time.
  for (const [S, K, L] of [
    [10, 10_000, 100],
    [50, 20_000, 20],
  ] as const) {
    const next = rng(42);
    const costs = Array.from({ length: S }, (_, s) => Float64Array.from({ length: K }, () => 50_000 * s + 20_000 * next()));
    const effects = Array.from({ length: S }, (_, s) => Float64Array.from({ length: K }, () => 1 + 0.3 * s + 0.5 * next()));
    const lambdas = Array.from({ length: L }, (_, i) => i * 3_000);
    const input = { strategies: Array.from({ length: S }, (_, s) => `S${s}`), costs, effects, lambdas, currency: "CNY" };
    const t = timePair(() => floorLoop(costs, effects, lambdas), () => analyzePsa(input), { samples: 7, warmup: 2, clock: "cpu" });
    const C = new Float64Array(S * K);
    const E = new Float64Array(S * K);
    for (let s = 0; s < S; s++) for (let k = 0; k < K; k++) {
      C[k * S + s] = costs[s]![k]!;
      E[k * S + s] = effects[s]![k]!;
    }
    const t2 = timePair(() => floorDrawMajor(C, E, S, lambdas), () => analyzePsa(input), { samples: 7, warmup: 2, clock: "cpu" });
    rows.push({
      name: `PSA floor: bare typed-array loop, ${K.toLocaleString("en")} draws × ${S} strategies × ${L} λ`,
      result: `${ms(t.base.medianMs)} over the caller's strategy-major arrays; ${ms(t2.base.medianMs)} over draw-major arrays made beforehand`,
      note: "per λ: every draw's NMB per strategy, the winner, the sums; no validation, no Money; the second (stricter) floor does not count its transposing copy; CPU time",
    });
    rows.push({
      name: `PSA in memory (analyzePsa), ${K.toLocaleString("en")} draws × ${S} strategies × ${L} λ`,
      result: `${ms(t.subject.medianMs)}; ${t.ratio.toFixed(2)}× the strategy-major floor, ${t2.ratio.toFixed(2)}× the draw-major floor`,
      note: `validation, the block-wise draw-major copy, CEAC/CEAF/expected loss/EVPI as Money and the explanation included; ${t.base.samples} samples alternating with the floor, ratio = median of per-pair ratios, CPU time; target ≤ 1.1×`,
    });
  }
  return rows;
}
