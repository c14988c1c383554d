// Value-of-information benchmarks: EVPPI on 10,000 draws for one parameter and for a
// group of three, polynomial and spline metamodels; EVSI over a grid of study sizes.
// Measures the built package (dist/), loaded the way bench/lib.ts loads it.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Library from "../src/index.js";
import { type BenchRow, ms, time } from "./harness.js";

const built = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
if (!existsSync(built)) throw new Error("dist/index.js is missing: run `npm run build` first");
const { evppi, evsi } = (await import(pathToFileURL(built).href)) as typeof Library;

/** mulberry32 + Box–Muller: the same draws every run. */
function normals(seed: number, K: number): Float64Array {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return Float64Array.from({ length: K }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

export async function bench(): Promise<BenchRow[]> {
  const K = 10_000;
  const pR = Float64Array.from(normals(1, K), (z) => 0.4 + 0.1 * z);
  const uR = Float64Array.from(normals(2, K), (z) => 0.7 + 0.1 * z);
  const cD = Float64Array.from(normals(3, K), (z) => 50_000 + 10_000 * z);
  const input = {
    strategies: ["SoC", "New", "Newer"],
    costs: [Float64Array.from(cD, (c) => 0.5 * c), Float64Array.from(cD, (c) => 20_000 + c), Float64Array.from(cD, (c) => 60_000 + 1.2 * c)],
    effects: [Float64Array.from(pR, (p, k) => 1 + 0.5 * p * uR[k]!), Float64Array.from(pR, (p, k) => 1 + p * uR[k]!), Float64Array.from(pR, (p, k) => 1 + 1.4 * p * uR[k]! ** 2)],
    parameters: [{ name: "pResponse", draws: pR }, { name: "uResponse", draws: uR }, { name: "drugCost", draws: cD }],
    lambdas: [325_000],
    currency: "CNY",
  };
  const rows: BenchRow[] = [];
  // Calibration: a plain float64 dot product, the inner loop of X'X, so figures from a
  // loaded machine can be scaled (about 1 ns per element on an idle core).
  const va = new Float64Array(1_000_000).fill(1.1);
  const vb = new Float64Array(1_000_000).fill(0.9);
  let sink = 0;
  const cal = time(() => {
    for (let r = 0; r < 20; r++) for (let i = 0; i < va.length; i++) sink += va[i]! * vb[i]!;
  }, { samples: 5, warmup: 1 });
  rows.push({ name: "voi: calibration, float64 dot product", result: `${((cal.medianMs * 1e6) / 20e6).toFixed(2)} ns/element`, note: `20 × 10^6 multiply-adds (sink ${sink > 0 ? "used" : "unused"}); the spline group-of-3 fit is ≈ draws × columns² / 2 of these; median of ${cal.samples}` });
  const cases = [
    { label: "1 parameter", groups: [["pResponse"]] },
    { label: "group of 3", groups: [["pResponse", "uResponse", "drugCost"]] },
  ];
  for (const method of [{ type: "poly" as const, degree: 2 }, { type: "spline" as const }]) {
    for (const c of cases) {
      const t = time(() => evppi({ ...input, groups: c.groups, method }), { samples: 5, warmup: 1 });
      const cols = evppi({ ...input, groups: c.groups, method }).groups[0]!.basisColumns;
      rows.push({
        name: `voi: EVPPI, ${method.type}, ${c.label}`,
        result: ms(t.medianMs),
        note: `${K.toLocaleString("en")} draws × 3 strategies, one λ (2 fits), ${cols} basis columns, validation included; target ≤ 1 s per group; median of ${t.samples}`,
      });
    }
  }
  const sizes = [0, 10, 25, 50, 100, 200, 400, 800, 1600, 3200];
  const ev = time(() => evsi({ ...input, group: ["pResponse"], sampleSizes: sizes, priorSampleSize: 50, method: { type: "spline" } }), { samples: 5, warmup: 1 });
  rows.push({ name: "voi: EVSI curve, spline, 1 parameter, 10 sample sizes", result: ms(ev.medianMs), note: `${K.toLocaleString("en")} draws × 3 strategies, one λ; median of ${ev.samples}` });
  return rows;
}
