// care §6: KPI pooling over 10,000 providers (benchmarkProviderKpi, explained path), and
// §8: an earmarked fund's ledger over 10,000 payments. Measures the built package.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Library from "../src/index.js";
import { type BenchRow, ms, perUnit, time } from "./harness.js";

const built = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
if (!existsSync(built)) throw new Error("dist/index.js is missing: run `npm run build` first");
const { benchmarkProviderKpi, earmarkedFundLedger } = (await import(pathToFileURL(built).href)) as typeof Library;

/** Benchmarks of care §5–8. */
export async function bench(): Promise<BenchRow[]> {
  const N = 10_000;
  // deterministic counts: denominators 10…1,009, readmissions about 10% with spread
  const providers = Array.from({ length: N }, (_, i) => {
    const denominator = 10 + ((i * 7919) % 1000);
    return { id: `H${String(i).padStart(5, "0")}`, numerator: Math.floor((denominator * ((i * 104729) % 23)) / 100), denominator };
  });
  const pooled = time(() => benchmarkProviderKpi({ kpi: { id: "readmission30d", comparison: { kind: "pooled", direction: "high-is-bad" } }, providers }), { samples: 7, warmup: 2 });
  const others = time(() => benchmarkProviderKpi({ kpi: { id: "readmission30d", comparison: { kind: "pooled", direction: "high-is-bad", pool: "others" } }, providers }), { samples: 7, warmup: 2 });
  const M = 10_000;
  const cny = (amount: string) => ({ amount, currency: "CNY" });
  const entries = [
    { kind: "lumpSum" as const, date: "2026-01-01", source: "insurance", amount: cny("80000000") },
    ...Array.from({ length: M }, (_, k) => ({ kind: "payment" as const, date: `2026-${String(1 + (k % 12)).padStart(2, "0")}-15`, id: `p${k}`, for: { claim: `c${k}` }, amount: cny("6000") })),
  ];
  const fund = time(() => earmarkedFundLedger({ fund: { id: "f", currency: "CNY", floor: { kind: "shareOfYear", share: 0.05 } }, entries }), { samples: 5, warmup: 1 });
  return [
    { name: "care: KPI pooling over 10,000 providers (benchmarkProviderKpi, pooled, explained)", result: `${ms(pooled.medianMs)} total, ${perUnit(pooled.medianMs, N, "provider")}`, note: "parse + exact bigint pooling + one explanation step per provider; median of 7" },
    { name: "care: KPI pooling over 10,000 providers, pool: others", result: `${ms(others.medianMs)} total`, note: "reference recomputed per provider from the pooled sums; median of 7" },
    { name: "care: earmarked-fund ledger, 10,000 payments", result: `${ms(fund.medianMs)} total, ${perUnit(fund.medianMs, M, "payment")}`, note: "share-of-year floor, one explanation step per line; median of 5" },
  ];
}
