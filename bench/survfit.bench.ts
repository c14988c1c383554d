// Benchmarks for survival fitting: all seven families fitted by maximum likelihood to
// 1,000 right-censored patients (Weibull event times, uniform censoring, fixed seed).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Library from "../src/index.js";
import { ms, perUnit, time, type BenchRow } from "./harness.js";

const built = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
if (!existsSync(built)) throw new Error("dist/index.js is missing: run `npm run build` first (npm run bench does)");
const lib = (await import(pathToFileURL(built).href)) as typeof Library;

/** 1,000 patients: Weibull(shape 1.5, scale 12) event times, censoring uniform on (0, 40); a fixed 32-bit LCG. */
function patients(n: number): { times: number[]; events: (0 | 1)[] } {
  let x = 20261201;
  const u = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return (x + 0.5) / 2 ** 32;
  };
  const times: number[] = [];
  const events: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    const t = 12 * (-Math.log(u())) ** (1 / 1.5);
    const c = 40 * u();
    times.push(Math.min(t, c));
    events.push(t <= c ? 1 : 0);
  }
  return { times, events };
}

/** Runs the survival-fitting benchmarks. */
export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const data = patients(1000);
  const all = time(() => lib.fitSurvivalModels(data), { samples: 5, warmup: 1 });
  rows.push({
    name: "survfit: all seven families (fitSurvivalModels), 1,000 patients",
    result: ms(all.medianMs),
    note: `${perUnit(all.medianMs, 7, "family")}; Nelder–Mead + Newton, numerical Hessian, AIC ranking; median of ${all.samples}`,
  });
  for (const family of lib.SURVIVAL_FIT_FAMILIES) {
    const one = time(() => lib.fitSurvival({ ...data, family }), { samples: 5, warmup: 1 });
    rows.push({ name: `survfit: ${family}, 1,000 patients`, result: ms(one.medianMs), note: `median of ${one.samples}` });
  }
  const cure = time(() => lib.fitSurvival({ ...data, family: "weibull", cure: true }), { samples: 5, warmup: 1 });
  rows.push({ name: "survfit: Weibull mixture cure, 1,000 patients", result: ms(cure.medianMs), note: `median of ${cure.samples}` });
  const km = lib.kaplanMeier(data);
  const lastPoint = km.curve.times[km.curve.times.length - 1] as number;
  const atRiskTimes = [0, 6, 12, 18, 24, 30, 36].filter((t) => t <= lastPoint);
  const counts = atRiskTimes.map((t) => data.times.filter((s) => s >= t).length);
  const guyot = time(() => lib.reconstructPatientData({ km: km.curve, atRisk: { times: atRiskTimes, counts } }), { samples: 9, warmup: 2 });
  rows.push({ name: `survfit: Guyot reconstruction, ${km.curve.times.length} KM points, 1,000 patients`, result: ms(guyot.medianMs), note: `median of ${guyot.samples}` });
  return rows;
}
