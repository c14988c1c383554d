// Coordination of benefits: order determination and whole-claim coordination (explained path),
// and working-day deadlines. Imports the built package like bench/lib.ts (which this file
// does not extend, to keep that shared list untouched).
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Library from "../src/index.js";
import { type BenchRow, perUnit, time } from "./harness.js";

const built = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
if (!existsSync(built)) throw new Error("dist/index.js is missing: run `npm run build` first");
const lib = (await import(pathToFileURL(built).href)) as typeof Library;

/** Benchmarks of coordination of benefits and working days. */
export async function bench(): Promise<BenchRow[]> {
  const usd = (rate: number, deductible: string) => lib.parseLayers({ currency: "USD", layers: [{ kind: "commercial", id: "x", rate, deductible, cap: "100000" }] });
  const plans = [
    { coverage: { id: "own", coveredAs: "subscriber" as const, status: "active" as const, coveredSince: "2015-01-01" }, plan: usd(0.8, "500") },
    { coverage: { id: "spouse", coveredAs: "spouse" as const, status: "active" as const, coveredSince: "2018-01-01" }, plan: usd(0.7, "250"), method: { kind: "standard" as const } },
    { coverage: { id: "retiree", coveredAs: "subscriber" as const, status: "retired" as const, coveredSince: "2001-01-01" }, plan: usd(0.5, "0"), method: { kind: "nonDuplication" as const } },
  ];
  const N = 2_000;
  const claim = time(
    () => {
      let s = 0;
      for (let i = 0; i < N; i++) {
        const r = lib.coordinateClaim({ currency: "USD", year: 2026, personId: "p", allowable: String(1000 + i), plans, reserve: { personId: "p", year: 2026, currency: "USD", balances: {} } });
        s += r.plans.length;
      }
      return s;
    },
    { samples: 5, warmup: 1 },
  );
  const order = time(
    () => {
      for (let i = 0; i < N; i++) lib.determineBenefitOrder({ plans: plans.map((p) => p.coverage) });
    },
    { samples: 5, warmup: 1 },
  );
  const holidays = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"];
  const days = time(
    () => {
      for (let i = 0; i < N; i++) lib.reviewDeadline({ submittedOn: "2026-09-30", workingDays: 15, calendar: { holidays, extraWorkingDays: ["2026-10-10"] }, decidedOn: "2026-10-30" });
    },
    { samples: 5, warmup: 1 },
  );
  return [
    { name: "coordinateClaim, 3 plans (order + 3 waterfalls + methods + reserve, explained)", result: perUnit(claim.medianMs, N, "claim"), note: `${N} claims, median of ${claim.samples}` },
    { name: "determineBenefitOrder, 3 plans", result: perUnit(order.medianMs, N, "call"), note: `${N} calls, median of ${order.samples}` },
    { name: "reviewDeadline, 15 working days with a holiday calendar", result: perUnit(days.medianMs, N, "call"), note: `${N} calls, median of ${days.samples}` },
  ];
}
