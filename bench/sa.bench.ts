// Benchmarks for sensitivity analysis: one-way on the 10-state Markov model of
// models.bench.ts (3 strategies, 40 cycles) over 20 parameters × 3 points, a two-way
// grid, and a metamodel one-way analysis on 10,000 PSA draws.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Library from "../src/index.js";
import { ms, perUnit, time, type BenchRow } from "./harness.js";
import { benchPsaInput } from "./models.bench.js";

// the built package, as bench/lib.ts loads it
const built = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
if (!existsSync(built)) throw new Error("dist/index.js is missing: run `npm run build` first (npm run bench does)");
const { oneWaySensitivity, twoWaySensitivity, runModelPsa } = (await import(pathToFileURL(built).href)) as typeof Library;

type Dist = { type: string; alpha?: number; beta?: number; shape?: number; scale?: number; meanlog?: number; sdlog?: number };

function baseOf(p: { value?: number; distribution?: Dist }): number {
  if (p.value !== undefined) return p.value;
  const d = p.distribution!;
  if (d.type === "beta") return d.alpha! / (d.alpha! + d.beta!);
  if (d.type === "gamma") return d.shape! * d.scale!;
  return Math.exp(d.meanlog! + d.sdlog! ** 2 / 2);
}

/** Runs the sensitivity benchmarks. */
export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const input = benchPsaInput(1);
  const parameters = input.parameters as Record<string, { value?: number; distribution?: Dist }>;
  const names = Object.keys(parameters).sort().slice(0, 20);
  // ±20% around the base case; probabilities stay well inside [0, 1]
  const ranges = names.map((parameter) => {
    const b = baseOf(parameters[parameter]!);
    return { parameter, low: b * 0.8, high: b * 1.2 };
  });
  const source = { type: "model" as const, parameters: input.parameters, strategies: input.strategies };
  const lambda = { amount: "100000", currency: "CNY" };
  const outcome = { type: "incremental-nmb" as const, strategy: "Targeted", comparator: "Standard" };
  let thresholds = 0;
  const owsa = time(
    () => {
      const r = oneWaySensitivity({ source, lambda, ranges, outcome });
      thresholds = r.parameters.reduce((n, p) => n + p.thresholds.length, 0);
    },
    { samples: 5, warmup: 1 },
  );
  rows.push({
    name: "sa: OWSA, 10-state Markov × 3 strategies, 20 parameters × 3 points",
    result: ms(owsa.medianMs),
    note: `${perUnit(owsa.medianMs, 20 * 3, "point")}; 61 settings × 3 model runs + frontier per setting, thresholds by bisection on the model (${thresholds} found); median of ${owsa.samples}`,
  });
  const noFlip = time(() => oneWaySensitivity({ source, lambda: { amount: "1000000", currency: "CNY" }, ranges, outcome }), { samples: 5, warmup: 1 });
  rows.push({ name: "sa: the same OWSA at λ = 1,000,000 (no decision flips, so no bisection)", result: ms(noFlip.medianMs), note: `median of ${noFlip.samples}` });
  const twsa = time(
    () => twoWaySensitivity({ source, lambda, x: { ...ranges[0]!, points: 11 }, y: { ...ranges[1]!, points: 11 } }),
    { samples: 5, warmup: 1 },
  );
  rows.push({ name: "sa: TWSA, 10-state Markov × 3 strategies, 11 × 11 grid", result: ms(twsa.medianMs), note: `${perUnit(twsa.medianMs, 121, "cell")}; median of ${twsa.samples}` });
  const psa = runModelPsa({ ...benchPsaInput(10_000), includeParameterDraws: true });
  for (const degree of [1, 2]) {
    const mm = time(() => oneWaySensitivity({ source: { type: "metamodel", psa, degree }, lambda, ranges, outcome }), { samples: 5, warmup: 1 });
    rows.push({
      name: `sa: metamodel OWSA on 10,000 PSA draws, 20 parameters × 3 points, degree ${degree}`,
      result: ms(mm.medianMs),
      note: `one QR least-squares fit (10,000 × ${1 + degree}, 6 responses) per parameter; median of ${mm.samples}`,
    });
  }
  return rows;
}
