// Reconciliation benchmarks: an MSSP year over 100,000 beneficiaries' claims, and 10,000
// IPPS cases with outliers and new-technology add-ons. Measures the built package.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Library from "../src/index.js";
import { ms, perUnit, time, type BenchRow } from "./harness.js";

const built = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
if (!existsSync(built)) throw new Error("dist/index.js is missing: run `npm run build` first (npm run bench does)");
const { reconcileSharedSavings, ippsPayments } = (await import(pathToFileURL(built).href)) as typeof Library;

/** Runs the reconciliation benchmarks and returns one row per measurement. */
export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  const n = 100_000;
  const beneficiaries = Array.from({ length: n }, (_, i) => ({
    id: `b${i}`,
    personYears: i % 12 === 0 ? "0.5" : 1,
    expenditure: `${5000 + ((i * 7919) % 14000)}.${String(i % 100).padStart(2, "0")}`,
  }));
  const doc = {
    scheme: "shared-savings" as const,
    currency: "USD",
    track: "two-sided" as const,
    benchmarkPerCapita: "12500",
    expenditure: { kind: "beneficiaries" as const, beneficiaries },
    minimumSavingsRate: { kind: "fixed" as const, rate: 0.02 },
    minimumLossRate: 0.02,
    sharingRate: 0.75,
    quality: { score: 80, scale: { min: 0, max: 100 }, method: "sliding" as const, standard: 70 },
    savingsCap: { shareOfBenchmark: 0.2 },
    lossCap: { shareOfBenchmark: 0.15 },
    sharedLossRate: { kind: "one-minus-final-sharing-rate" as const, min: 0.4, max: 0.75 },
  };
  const mssp = time(() => reconcileSharedSavings(doc), { samples: 5, warmup: 1 });
  rows.push({ name: "reconcileSharedSavings (100,000 beneficiaries' claims, parse + reconcile)", result: ms(mssp.medianMs), note: `${perUnit(mssp.medianMs, n, "beneficiary")}; median of ${mssp.samples}` });

  const cases = 10_000;
  const hospital = {
    currency: "USD",
    operating: { standardizedAmount: "6535.86", laborShare: 0.676, wageIndex: "1.0832" },
    capital: { federalRate: "509.28", geographicAdjustmentFactor: "1.0562" },
    imeRate: "0.0576",
    dshRate: "0.0312",
    costToChargeRatio: "0.284",
    ntap: { rate: 0.65 },
    outlier: { fixedLossThreshold: "46217", marginalCostFactor: 0.8, wageAdjusted: true },
  };
  const list = Array.from({ length: cases }, (_, i) => ({
    id: `c${i}`,
    drgWeight: (0.5 + ((i * 37) % 400) / 40).toFixed(4),
    charges: String(20000 + ((i * 104729) % 900000)),
    ...(i % 50 === 0 ? { newTechnology: { name: "CAR-T", cost: "373000" } } : {}),
  }));
  const ipps = time(() => ippsPayments({ hospital, cases: list }), { samples: 5, warmup: 1 });
  const outliers = ippsPayments({ hospital, cases: list }).outlierCases;
  rows.push({ name: "ippsPayments (10,000 cases with outliers and NTAP)", result: ms(ipps.medianMs), note: `${perUnit(ipps.medianMs, cases, "case")}; ${outliers} outlier cases; median of ${ipps.samples}` });
  return rows;
}
