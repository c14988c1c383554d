// Care §1–4 benchmarks: follow-up statuses and incentive points for large cohorts.
// Imports the built package directly (dist/), as bench/lib.ts does for the other files.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Library from "../src/index.js";
import { ms, perUnit, time, type BenchRow } from "./harness.js";

const built = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
if (!existsSync(built)) throw new Error("dist/index.js is missing: run `npm run build` first");
const lib = (await import(pathToFileURL(built).href)) as typeof Library;

// A deterministic day offset generator (no Math.random: figures must reproduce).
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

const pad = (n: number) => String(n).padStart(2, "0");
const dayOf = (n: number) => {
  // 2025-01-01 + n days, n < 730, by a month table (test data only).
  const months = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let y = 2025;
  let m = 0;
  let d = n;
  while (d >= months[m]! + (m === 1 && y % 4 === 0 ? 1 : 0)) {
    d -= months[m]! + (m === 1 && y % 4 === 0 ? 1 : 0);
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return `${y}-${pad(m + 1)}-${pad(d + 1)}`;
};

/**
 * Wall-clock median (the harness) and the mean CPU time of a run: on a shared machine
 * the CPU figure is the steadier one (other processes inflate wall time, not CPU time).
 */
function timed(fn: () => unknown, samples: number, warmup: number): { medianMs: number; samples: number; cpuMs: number } {
  const before = process.cpuUsage();
  const t = time(fn, { samples, warmup });
  const used = process.cpuUsage(before);
  return { ...t, cpuMs: (used.user + used.system) / 1000 / (samples + warmup) };
}

/** Runs the care §1–4 benchmarks and returns one row per measurement. */
export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const patientsN = Number(process.env.CARE_BENCH_FOLLOWUP_N ?? 1_000_000);
  const rnd = lcg(42);
  const schedule = { assessments: [{ type: "visit", intervalMonths: 1, count: 12 }] };
  const patients = Array.from({ length: patientsN }, (_, i) => {
    const startDay = Math.floor(rnd() * 365);
    const start = dayOf(startDay);
    // ~10 of 12 visits, each a few days from its month.
    const events: { type: string; date: string }[] = [];
    for (let k = 1; k <= 12; k++) if (rnd() < 0.85) events.push({ type: "visit", date: dayOf(Math.min(startDay + Math.round(k * 30.44) + Math.floor(rnd() * 21) - 10, 729)) });
    return { patientId: `p${i}`, treatmentStart: start, events };
  });
  const doc = { schedule, asOf: "2026-06-30", patients };
  const cohort = timed(() => lib.followUpCohort(doc), 1, 0); // at the size one run is long enough to time on its own
  rows.push({
    name: `followUpCohort (${patientsN.toLocaleString("en")} patients × 12 monthly assessments)`,
    result: perUnit(cohort.medianMs, patientsN, "patient"),
    note: `${ms(cohort.medianMs)} wall per run incl. parsing, median of ${cohort.samples}; CPU ${perUnit(cohort.cpuMs, patientsN, "patient")}; ×1,000,000 patients ≈ ${((cohort.cpuMs / patientsN) * 1e6 / 1000).toFixed(0)} s CPU`,
  });
  const single = time(() => {
    for (let i = 0; i < 2000; i++) lib.followUpStatus({ schedule, treatmentStart: patients[i]!.treatmentStart, events: patients[i]!.events, asOf: "2026-06-30" });
  }, { samples: 5, warmup: 1 });
  rows.push({ name: "followUpStatus (one patient, explained)", result: perUnit(single.medianMs, 2000, "patient"), note: "2,000 calls per sample" });

  const pointsN = Number(process.env.CARE_BENCH_POINTS_N ?? 100_000);
  const accounts = Array.from({ length: pointsN }, (_, i) => {
    const events: { kind: string; date: string }[] = [];
    for (let d = 0; d < 365; d++) {
      if (rnd() < 0.9) events.push({ kind: "glucoseReading", date: dayOf(d) });
      if (rnd() < 0.2) events.push({ kind: "dietCheckIn", date: dayOf(d) });
    }
    return { patientId: `a${i}`, events, redemptions: [{ date: "2025-12-31", points: 50 }] };
  });
  const pdoc = { currency: "CNY", asOf: "2026-03-31", patients: accounts };
  const pts = timed(() => lib.incentivePointsCohort(pdoc), 1, 0);
  const eventsPer = accounts.reduce((s, a) => s + a.events.length, 0) / pointsN;
  rows.push({
    name: `incentivePointsCohort (${pointsN.toLocaleString("en")} patients × a year of daily events)`,
    result: perUnit(pts.medianMs, pointsN, "patient"),
    note: `${ms(pts.medianMs)} wall per run, ~${Math.round(eventsPer)} events per patient, incl. parsing; CPU ${perUnit(pts.cpuMs, pointsN, "patient")}; ×100,000 patients ≈ ${((pts.cpuMs / pointsN) * 1e5 / 1000).toFixed(0)} s CPU`,
  });
  const one = time(() => {
    for (let i = 0; i < 200; i++) lib.incentivePoints({ currency: "CNY", events: accounts[i]!.events, redemptions: accounts[i]!.redemptions, asOf: "2026-03-31" });
  }, { samples: 5, warmup: 1 });
  rows.push({ name: "incentivePoints (one account, a year, explained ledger)", result: perUnit(one.medianMs, 200, "patient"), note: "200 calls per sample" });
  return rows;
}
