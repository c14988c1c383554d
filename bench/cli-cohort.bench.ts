// Issue 22 item 4: `precision-vbp settle --cohort` on NDJSON against the in-library cohort
// benchmark (bench/cohort.bench.ts: settleCohort over a generator with running totals), in
// one run with alternating samples. The CLI runs as a user runs it, a fresh `node dist/cli.js`
// process per sample reading the NDJSON file, records to /dev/null, totals to a file; the
// totals of every CLI run must equal the library's to the cent.
import { spawnSync } from "node:child_process";
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addToCohortTotals, cohortTotalsToJSON, emptyCohortTotals, isCohortSettlementError, prepareCohortSettlement, settleCohort } from "./lib.js";
import { type BenchRow, ms } from "./harness.js";
import { distinctPatients, writeBenchCohort } from "./cohort-ndjson.js";

const root = join(import.meta.dirname ?? __dirname, "..");
const data = join(root, "examples", "data");
const contract = JSON.parse(readFileSync(join(data, "k1-contract.json"), "utf8"));
const plan = JSON.parse(readFileSync(join(data, "cart-layers.json"), "utf8"));

async function library(n: number): Promise<{ ms: number; totals: string }> {
  const t0 = performance.now();
  const prepared = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
  let totals = emptyCohortTotals("CNY");
  for await (const r of settleCohort({ settlement: prepared, patients: distinctPatients(n) })) {
    if (isCohortSettlementError(r)) throw new Error(r.error.message);
    totals = addToCohortTotals({ totals, record: r });
  }
  return { ms: performance.now() - t0, totals: JSON.stringify(cohortTotalsToJSON(totals)) };
}

function cli(file: string, dir: string, extra: string[]): { ms: number; totals: string } {
  const totalsFile = join(dir, "totals.json");
  const devnull = openSync("/dev/null", "w");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(root, "dist", "cli.js"), "settle", join(data, "k1-contract.json"), "--cohort", file, "--as-of", "2026-12-31", "--layers", join(data, "cart-layers.json"), "--totals", totalsFile, ...extra], { stdio: ["ignore", devnull, "pipe"], encoding: "utf8" });
  const wall = performance.now() - t0;
  closeSync(devnull);
  if (r.status !== 0) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  return { ms: wall, totals: JSON.stringify(JSON.parse(readFileSync(totalsFile, "utf8"))) };
}

export async function bench(): Promise<BenchRow[]> {
  const n = Number(process.env.CLI_COHORT_SIZE ?? 1_000_000);
  const samples = Number(process.env.CLI_COHORT_SAMPLES ?? 3);
  const dir = mkdtempSync(join(tmpdir(), "vbp-cli-cohort-"));
  const file = join(dir, "cohort.ndjson");
  try {
    await writeBenchCohort(file, n, "distinct"); // no two patients alike (bench/cohort-ndjson.ts)
    await library(20_000); // warm-up, as the in-library benchmark does
    const cases: { name: string; args: string[] }[] = [
      { name: "1 thread, records to stdout", args: ["--workers", "1"] },
      { name: "1 thread, totals only (--no-records)", args: ["--workers", "1", "--no-records"] },
      { name: "2 worker threads, records to stdout", args: ["--workers", "2"] },
    ];
    const lib: number[] = [];
    const times = cases.map(() => [] as number[]);
    const ratios = cases.map(() => [] as number[]);
    let expected = "";
    for (let s = 0; s < samples; s++) {
      const base = await library(n);
      expected ||= base.totals;
      if (base.totals !== expected) throw new Error("library totals differ between samples");
      lib.push(base.ms);
      cases.forEach((c, k) => {
        const r = cli(file, dir, c.args);
        if (r.totals !== expected) throw new Error(`CLI (${c.name}) totals differ from the library's:\n${r.totals}\n${expected}`);
        times[k]!.push(r.ms);
        ratios[k]!.push(r.ms / base.ms);
      });
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const net = (JSON.parse(expected) as { net: string }).net;
    return [
      { name: `cohort in the library, ${n.toLocaleString("en")} distinct patients (K1 + 5-layer split)`, result: `${ms(median(lib))} wall`, note: `settleCohort over the generator with addToCohortTotals, in-process; the base of the ratios below; median of ${samples}; net CNY ${net}` },
      ...cases.map((c, k) => ({
        name: `precision-vbp settle --cohort, ${n.toLocaleString("en")} distinct NDJSON patients, ${c.name}`,
        result: `${ms(median(times[k]!))} wall; ${median(ratios[k]!).toFixed(2)}× the library`,
        note: `fresh node dist/cli.js process per sample (start-up included), alternating with the library run, median of ${samples} per-pair ratios; records to /dev/null; totals equal to the library's to the cent in every sample; target ≤ 1.3× on one core, ≤ 5 s on 2 cores`,
      })),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
