// The cohort benchmark's patients (bench/cohort.bench.ts) as NDJSON text, so the CLI and
// the scale-out example read exactly the cohort the in-library benchmark settles.
import { createWriteStream } from "node:fs";

/** Deterministic varied patients: a quarter with CRS, a sixth relapsing, a tenth in an assistance group. */
export function* benchPatients(n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    const day = 1 + (i % 28);
    const start = `2026-0${1 + (i % 6)}-${String(day).padStart(2, "0")}`;
    const events: { kind: string; date: string; grade?: number }[] = [{ kind: "infusion", date: start }];
    if (i % 4 === 1) events.push({ kind: "crs", date: `2026-0${1 + (i % 6)}-${String(Math.min(day + 1, 28)).padStart(2, "0")}`, grade: 1 + (i % 4) });
    if (i % 6 === 2) events.push({ kind: "relapse", date: `2026-0${2 + (i % 6)}-15` });
    yield i % 10 === 3 ? { patientId: `P${i}`, events, patient: { groups: ["subsistence"] } } : { patientId: `P${i}`, events };
  }
}

/** Calendar dates from 2025-01-01, one per day (a table, so the generator costs the floor and the library alike little). */
const DAYS: readonly string[] = Array.from({ length: 760 }, (_, d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));

/**
 * Deterministic patients that do not repeat: each has its own bill (a distinct amount in
 * fen between CNY 900,000.00 and 1,300,000.00), an infusion on one of 546 days
 * (2025-01-01 … 2026-06-30, so every milestone is due by 2026-12-31), a CRS on one of 60
 * days after it with one of four grades (a quarter of them), a relapse on one of 70 days
 * (100 … 169 days after; a sixth), a tenth in an assistance group. No two patients in a
 * run of a million share events and bill, so nothing computed for one patient can be
 * reused for another: the realistic case for the cohort benchmarks.
 */
export function* distinctPatients(n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    // A multiplicative hash spreads the consecutive ids over the combinations.
    const h = Math.imul(i, 0x9e3779b1) >>> 0;
    const start = h % 546;
    const events: { kind: string; date: string; grade?: number }[] = [{ kind: "infusion", date: DAYS[start]! }];
    if (i % 4 === 1) events.push({ kind: "crs", date: DAYS[start + 1 + ((h >>> 10) % 60)]!, grade: 1 + ((h >>> 16) % 4) });
    if (i % 6 === 2) events.push({ kind: "relapse", date: DAYS[start + 100 + ((h >>> 20) % 70)]! });
    const fen = 90_000_000 + ((i * 40_009) % 40_000_000);
    const bill = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
    yield i % 10 === 3 ? { patientId: `P${i}`, events, bill, patient: { groups: ["subsistence"] } } : { patientId: `P${i}`, events, bill };
  }
}

/** Writes `n` benchmark patients to `file` as NDJSON (the repeating cohort, or the distinct one). */
export async function writeBenchCohort(file: string, n: number, kind: "repeating" | "distinct" = "repeating"): Promise<void> {
  const out = createWriteStream(file);
  let chunk: string[] = [];
  for (const p of kind === "distinct" ? distinctPatients(n) : benchPatients(n)) {
    chunk.push(JSON.stringify(p));
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join("\n")}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join("\n")}\n`);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  await writeBenchCohort(process.argv[2] ?? "cohort.ndjson", Number(process.argv[3] ?? 1_000_000), process.argv[4] === "distinct" ? "distinct" : "repeating");
}
