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

/** Runs the care §1–4 benchmarks and returns one row per measurement. */
export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // The sizes, in batches of 100,000 patients (10,000 accounts): a backend reads
  // its patients in pages, and a 1,000,000-patient document alone overflows Node's default heap.
  const patientsN = Number(process.env.CARE_BENCH_FOLLOWUP_N ?? 1_000_000);
  const batch = Math.min(100_000, patientsN);
  const rnd = lcg(42);
  const schedule = { assessments: [{ type: "visit", intervalMonths: 1, count: 12 }] };
  const makePatients = (from: number, n: number) =>
    Array.from({ length: n }, (_, j) => {
      const startDay = Math.floor(rnd() * 365);
      const start = dayOf(startDay);
      // ~10 of 12 visits, each a few days from its month.
      const events: { type: string; date: string }[] = [];
      for (let k = 1; k <= 12; k++) if (rnd() < 0.85) events.push({ type: "visit", date: dayOf(Math.min(startDay + Math.round(k * 30.44) + Math.floor(rnd() * 21) - 10, 729)) });
      return { patientId: `p${from + j}`, treatmentStart: start, events };
    });
  const patients = makePatients(0, batch);
  const batches = Math.ceil(patientsN / batch);
  let wallMs = 0;
  for (let b = 0; b < batches; b++) {
    const doc = { schedule, asOf: "2026-06-30", patients: b === 0 ? patients : makePatients(b * batch, batch) };
    const t0 = performance.now();
    lib.followUpCohort(doc);
    wallMs += performance.now() - t0;
  }
  const cohort = { medianMs: wallMs };
  rows.push({
    name: `followUpCohort (${(batches * batch).toLocaleString("en")} patients × 12 monthly assessments, in batches of ${batch.toLocaleString("en")})`,
    result: perUnit(cohort.medianMs, batches * batch, "patient"),
    note: `${ms(cohort.medianMs)} wall in all (the calls only, incl. parsing; generating the batches not counted); one pass`,
  });
  const single = time(() => {
    for (let i = 0; i < 2000; i++) lib.followUpStatus({ schedule, treatmentStart: patients[i]!.treatmentStart, events: patients[i]!.events, asOf: "2026-06-30" });
  }, { samples: 5, warmup: 1 });
  rows.push({ name: "followUpStatus (one patient, explained)", result: perUnit(single.medianMs, 2000, "patient"), note: "2,000 calls per sample" });

  const pointsN = Number(process.env.CARE_BENCH_POINTS_N ?? 100_000);
  const pBatch = Math.min(10_000, pointsN);
  const makeAccounts = (from: number, n: number) =>
    Array.from({ length: n }, (_, j) => {
      const events: { kind: string; date: string }[] = [];
      for (let d = 0; d < 365; d++) {
        if (rnd() < 0.9) events.push({ kind: "glucoseReading", date: dayOf(d) });
        if (rnd() < 0.2) events.push({ kind: "dietCheckIn", date: dayOf(d) });
      }
      return { patientId: `a${from + j}`, events, redemptions: [{ date: "2025-12-31", points: 50 }] };
    });
  const accounts = makeAccounts(0, pBatch);
  const pBatches = Math.ceil(pointsN / pBatch);
  let pWall = 0;
  for (let b = 0; b < pBatches; b++) {
    const pdoc = { currency: "CNY", asOf: "2026-03-31", patients: b === 0 ? accounts : makeAccounts(b * pBatch, pBatch) };
    const t0 = performance.now();
    lib.incentivePointsCohort(pdoc);
    pWall += performance.now() - t0;
  }
  const eventsPer = accounts.reduce((s, a) => s + a.events.length, 0) / pBatch;
  rows.push({
    name: `incentivePointsCohort (${(pBatches * pBatch).toLocaleString("en")} patients × a year of daily events, in batches of ${pBatch.toLocaleString("en")})`,
    result: perUnit(pWall, pBatches * pBatch, "patient"),
    note: `${ms(pWall)} wall in all, ~${Math.round(eventsPer)} events per patient, incl. parsing; one pass`,
  });
  const one = time(() => {
    for (let i = 0; i < 200; i++) lib.incentivePoints({ currency: "CNY", events: accounts[i]!.events, redemptions: accounts[i]!.redemptions, asOf: "2026-03-31" });
  }, { samples: 5, warmup: 1 });
  rows.push({ name: "incentivePoints (one account, a year, explained ledger)", result: perUnit(one.medianMs, 200, "patient"), note: "200 calls per sample" });
  return rows;
}
