import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addToCohortTotals, cohortTotalsToJSON, emptyCohortTotals, isCohortSettlementError, prepareCohortSettlement, settleCohort, settleCohortTotals } from "./lib.js";
import { type BenchRow, ms, now, perUnit } from "./harness.js";
import { benchPatients, distinctPatients } from "./cohort-ndjson.js";

const here = join(import.meta.dirname ?? __dirname, "..", "examples", "data");
const contract = JSON.parse(readFileSync(join(here, "k1-contract.json"), "utf8"));
const plan = JSON.parse(readFileSync(join(here, "cart-layers.json"), "utf8"));

/** The two cohorts: one that repeats a few hundred event patterns and four bills, one where no two patients are alike. */
const COHORTS = { repeating: benchPatients, distinct: distinctPatients } as const;
type Cohort = keyof typeof COHORTS;

interface Run {
  readonly ms: number;
  readonly net: string;
  readonly layers: string;
}

/** The library as a backend used it: records out of settleCohort, each added to the totals (text both ways). */
async function viaRecords(n: number, cohort: Cohort = "repeating"): Promise<Run> {
  const prepared = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
  let totals = emptyCohortTotals("CNY");
  const t0 = now(CLOCK);
  for await (const r of settleCohort({ settlement: prepared, patients: COHORTS[cohort](n) })) {
    if (isCohortSettlementError(r)) throw new Error(r.error.message);
    totals = addToCohortTotals({ totals, record: r });
  }
  const t = now(CLOCK) - t0;
  const j = cohortTotalsToJSON(totals);
  return { ms: t, net: j.net, layers: JSON.stringify(j.layers) };
}

/** The library straight into running totals in minor units (no record text). */
async function viaTotals(n: number, cohort: Cohort): Promise<Run> {
  const prepared = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
  const t0 = now(CLOCK);
  const totals = await settleCohortTotals({ settlement: prepared, patients: COHORTS[cohort](n) });
  const t = now(CLOCK) - t0;
  if (totals.errors > 0) throw new Error(`${totals.errors} errors`);
  const j = cohortTotalsToJSON(totals);
  return { ms: t, net: j.net, layers: JSON.stringify(j.layers) };
}

// CPU time of this process: the machine is shared, and the floor/library ratio should not
// depend on how long each waited for a core. Wall time is reported for the records path.
const CLOCK = "cpu" as const;

const half = (n: bigint, d: bigint) => (2n * n + d) / (2n * d); // half-up for n ≥ 0
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * The bare-bigint floor: the same generator and the same scan of each patient's events,
 * the K1 schedule and the five-layer waterfall of cart-layers.json as bigint arithmetic in
 * fen written out by hand (deductibles, rates rounded half-up, the progressive bands, caps,
 * the remainder), running totals — no validation, no records, no library. Its totals are
 * checked equal to the library's.
 */
function floor(n: number, cohort: Cohort, checkIds = false): Run {
  const layerSums = [0n, 0n, 0n, 0n, 0n];
  let net = 0n;
  // Only for the reference row: the M6 rule (each patient once) as a bare JS Set of the ids.
  const seen = new Set<string>();
  const t0 = now(CLOCK);
  const patients: Iterable<{ patientId: string; events: { kind: string }[]; bill?: string; patient?: object }> = COHORTS[cohort](n);
  for (const p of patients) {
    if (checkIds) {
      if (seen.has(p.patientId)) continue;
      seen.add(p.patientId);
    }
    let crs = false;
    let relapse = false;
    for (const e of p.events) {
      if (e.kind === "crs") crs = true;
      else if (e.kind === "relapse") relapse = true;
    }
    // K1: 1,200,000.00 at 40 / 30 / 30; month 3 withheld after CRS, month 6 after a relapse.
    const paid = 48_000_000n + (crs ? 0n : 36_000_000n) + (relapse ? 0n : 36_000_000n);
    net += paid;
    // The bill when the record has one ("1234567.89": two decimals in these cohorts), else the net paid.
    let remaining = p.bill === undefined ? paid : BigInt(p.bill.replace(".", ""));
    // basic: deductible 1,500, 70 %, cap 400,000
    let a = remaining - min(150_000n, remaining);
    let pay = min(min(half(a * 7n, 10n), 40_000_000n), remaining);
    layerSums[0] = layerSums[0]! + pay;
    remaining -= pay;
    // critical illness: threshold 20,000, 60 % to 100,000 above it then 70 %, cap 300,000
    a = remaining - min(2_000_000n, remaining);
    const low = min(a, 10_000_000n);
    pay = min(min(half(low * 6n + (a - low) * 7n, 10n), 30_000_000n), remaining);
    layerSums[1] = layerSums[1]! + pay;
    remaining -= pay;
    // Huiminbao: deductible 20,000, 60 %, sum insured 1,000,000
    a = remaining - min(2_000_000n, remaining);
    pay = min(min(half(a * 6n, 10n), 100_000_000n), remaining);
    layerSums[2] = layerSums[2]! + pay;
    remaining -= pay;
    // manufacturer: 10 % discount
    pay = min(half(remaining, 10n), remaining);
    layerSums[3] = layerSums[3]! + pay;
    remaining -= pay;
    // medical assistance: 90 % for the subsistence group
    pay = p.patient !== undefined ? min(half(remaining * 9n, 10n), remaining) : 0n;
    layerSums[4] = layerSums[4]! + pay;
    remaining -= pay;
  }
  const t = now(CLOCK) - t0;
  const ids = ["basic-insurance", "critical-illness", "huiminbao", "pap", "medical-assistance"];
  const layers = Object.fromEntries(ids.map((id, k) => [id, `${layerSums[k]! / 100n}.${String(layerSums[k]! % 100n).padStart(2, "0")}`]));
  return { ms: t, net: `${net / 100n}.${String(net % 100n).padStart(2, "0")}`, layers: JSON.stringify(layers) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function bench(): Promise<BenchRow[]> {
  const sizes = (process.env.COHORT_SIZES ?? "100000,1000000").split(",").map(Number);
  const rows: BenchRow[] = [];
  for (const cohort of ["repeating", "distinct"] as const) {
    await viaTotals(20_000, cohort); // warm-up
    floor(20_000, cohort);
  }
  await viaRecords(20_000);
  for (const n of sizes) {
    const samples = n >= 1_000_000 ? 3 : 5;
    for (const cohort of ["distinct", "repeating"] as const) {
      const f: number[] = [];
      const fi: number[] = [];
      const l: number[] = [];
      const ratios: number[] = [];
      let libRun: Run | undefined;
      let floorRun: Run | undefined;
      for (let i = 0; i < samples; i++) {
        floorRun = floor(n, cohort);
        libRun = await viaTotals(n, cohort);
        if (cohort === "distinct") fi.push(floor(n, cohort, true).ms);
        f.push(floorRun.ms);
        l.push(libRun.ms);
        ratios.push(libRun.ms / floorRun.ms);
      }
      const same = libRun!.net === floorRun!.net && libRun!.layers === floorRun!.layers;
      const what = cohort === "distinct" ? "distinct patients (no two share events and bill)" : "repeating patients (a few hundred event patterns, the net paid as bill)";
      rows.push({
        name: `cohort floor: bare bigint loop, ${n.toLocaleString("en")} ${what}`,
        result: `${ms(median(f))} (${perUnit(median(f), n, "patient")})`,
        note: `same generator, event scan and arithmetic: K1 schedule + the five layers written out in bigint fen, no validation, no records; totals ${same ? "equal to the library's to the fen" : `DIFFER from the library's (floor net ${floorRun!.net}, library ${libRun!.net})`}; CPU time, median of ${samples}`,
      });
      if (cohort === "distinct") {
        rows.push({
          name: `cohort floor with the M6 id check in a JS Set, ${n.toLocaleString("en")} distinct patients (reference, not the target's base)`,
          result: `${ms(median(fi))} (${perUnit(median(fi), n, "patient")}); ${(median(fi) / median(f)).toFixed(2)}× the floor`,
          note: `the floor above plus each patient id checked against and added to a Set: what the rule "each patient once" (M6) costs a bare loop; CPU time, median of ${samples}`,
        });
      }
      rows.push({
        name: `cohort settlement into running totals (settleCohortTotals), ${n.toLocaleString("en")} ${what}`,
        result: `${ms(median(l))} (${perUnit(median(l), n, "patient")}); ${median(ratios).toFixed(2)}× the floor`,
        note: `full validation, contract ledger and waterfall per patient, bigint totals, no record text; ${samples} samples alternating with the floor, ratio = median of per-pair ratios; CPU time; target ≤ 3× the floor; net paid CNY ${libRun!.net}`,
      });
    }
  }
  const n = sizes[sizes.length - 1]!;
  const before = process.memoryUsage().rss;
  const w0 = performance.now();
  const r = await viaRecords(n, "distinct");
  const wall = performance.now() - w0;
  const peak = process.resourceUsage().maxRSS / 1024;
  rows.push({
    name: `cohort settlement with records (settleCohort + addToCohortTotals), ${n.toLocaleString("en")} distinct patients (K1 + 5-layer split)`,
    result: `${ms(r.ms)} CPU (${perUnit(r.ms, n, "patient")}), ${ms(wall)} wall; peak RSS ${peak.toFixed(0)} MiB`,
    note: `one record per patient with amounts as text, each added to the totals (read back from text); streamed from a generator (RSS before ${(before / 2 ** 20).toFixed(0)} MiB); net paid CNY ${r.net}; one pass`,
  });
  return rows;
}
