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

/** Writes `n` benchmark patients to `file` as NDJSON. */
export async function writeBenchCohort(file: string, n: number): Promise<void> {
  const out = createWriteStream(file);
  let chunk: string[] = [];
  for (const p of benchPatients(n)) {
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
  await writeBenchCohort(process.argv[2] ?? "cohort.ndjson", Number(process.argv[3] ?? 1_000_000));
}
