import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addToCohortTotals, cohortTotalsToJSON, emptyCohortTotals, isCohortSettlementError, prepareCohortSettlement, settleCohort } from "./lib.js";
import { type BenchRow, ms, perUnit } from "./harness.js";

const here = join(import.meta.dirname ?? __dirname, "..", "examples", "data");
const contract = JSON.parse(readFileSync(join(here, "k1-contract.json"), "utf8"));
const plan = JSON.parse(readFileSync(join(here, "cart-layers.json"), "utf8"));

/** Deterministic varied patients: a quarter with CRS, a sixth relapsing, a tenth in an assistance group. */
function* patients(n: number) {
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 28);
    const start = `2026-0${1 + (i % 6)}-${String(day).padStart(2, "0")}`;
    const events: { kind: string; date: string; grade?: number }[] = [{ kind: "infusion", date: start }];
    if (i % 4 === 1) events.push({ kind: "crs", date: `2026-0${1 + (i % 6)}-${String(Math.min(day + 1, 28)).padStart(2, "0")}`, grade: 1 + (i % 4) });
    if (i % 6 === 2) events.push({ kind: "relapse", date: `2026-0${2 + (i % 6)}-15` });
    yield i % 10 === 3 ? { patientId: `P${i}`, events, patient: { groups: ["subsistence"] } } : { patientId: `P${i}`, events };
  }
}

async function settle(n: number): Promise<{ ms: number; net: string; errors: number }> {
  const prepared = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
  let totals = emptyCohortTotals("CNY");
  const t0 = performance.now();
  for await (const r of settleCohort(prepared, patients(n))) {
    if (isCohortSettlementError(r)) throw new Error(r.error.message);
    totals = addToCohortTotals(totals, r);
  }
  return { ms: performance.now() - t0, net: cohortTotalsToJSON(totals).net, errors: totals.errors };
}

export async function bench(): Promise<BenchRow[]> {
  const sizes = (process.env.COHORT_SIZES ?? "100000,300000,1000000").split(",").map(Number);
  const rows: BenchRow[] = [];
  await settle(20_000); // warm-up
  for (const n of sizes) {
    const before = process.memoryUsage().rss;
    const r = await settle(n);
    const peak = process.resourceUsage().maxRSS / 1024;
    rows.push({
      name: `cohort settlement, ${n.toLocaleString("en")} patients (K1 + 5-layer split)`,
      result: `${ms(r.ms)} wall (${perUnit(r.ms, n, "patient")}); peak RSS ${peak.toFixed(0)} MiB`,
      note: `streamed through settleCohort from a generator with running totals (constant memory: RSS before ${(before / 2 ** 20).toFixed(0)} MiB); net paid CNY ${r.net}; target < 10 s for 1,000,000`,
    });
  }
  return rows;
}
