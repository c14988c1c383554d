// Budget benchmarks: settlement throughput for the calculators a payer runs in bulk.
import { allocateDipBudget, budgetImpact, dipCasePayment, drgPayment, reconcileProviderBundles, settleBundle } from "./lib.js";
import { ms, perUnit, time, type BenchRow } from "./harness.js";

const bundle = {
  currency: "CNY",
  price: "28000",
  components: [
    { name: "NGS test", amount: "5000" },
    { name: "targeted drug", amount: "20000" },
    { name: "imaging", amount: "1000" },
    { name: "supportive care", amount: "2000" },
  ],
};

/** Runs the budget benchmarks and returns one row per measurement. */
export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  const n = 2000;
  const single = time(() => {
    for (let i = 0; i < n; i++) settleBundle({ bundle, actualCost: String(24000 + i * 4), stopLoss: { rateOfPrice: 0.05 }, gainSharing: 0.5 });
  });
  rows.push({ name: "settleBundle (one episode, parse + settle)", result: perUnit(single.medianMs, n, "episode"), note: `${n} calls per sample, median of ${single.samples}` });

  const episodes = 10000;
  const doc = {
    providerId: "H001",
    bundles: { lung: bundle },
    stopLoss: { rateOfPrice: 0.05 },
    episodes: Array.from({ length: episodes }, (_, i) => ({ episodeId: `e${i}`, bundleId: "lung", actualCost: String(20000 + ((i * 37) % 15000)) })),
  };
  const rollup = time(() => reconcileProviderBundles(doc), { samples: 5, warmup: 1 });
  rows.push({ name: "reconcileProviderBundles (10,000 episodes)", result: ms(rollup.medianMs), note: perUnit(rollup.medianMs, episodes, "episode") });

  const drg = time(() => {
    for (let i = 0; i < n; i++) drgPayment({ currency: "CNY", baseRate: "10000", relativeWeight: "3.0", subgroup: { name: "EGFR+", uplift: 0.2 }, actualCost: String(30000 + i) });
  });
  rows.push({ name: "drgPayment with settlement", result: perUnit(drg.medianMs, n, "case"), note: `${n} calls per sample` });

  const pv = "102.0408163265306122448979591836734693877551020408163265306122449";
  const dip = time(() => {
    for (let i = 0; i < n; i++) dipCasePayment({ currency: "CNY", pointValue: pv, groupPoints: 200, groupMeanCost: "20000", caseCost: String(1000 + i * 50) });
  });
  rows.push({ name: "dipCasePayment with default outlier bands", result: perUnit(dip.medianMs, n, "case"), note: `${n} calls per sample` });

  const cases = 100000;
  const allocDoc = { currency: "CNY", budget: "1200000000.00", cases: Array.from({ length: cases }, (_, i) => ({ caseId: `c${i}`, points: String(100 + (i % 3000)) })) };
  const alloc = time(() => allocateDipBudget(allocDoc), { samples: 3, warmup: 1 });
  rows.push({ name: "allocateDipBudget (100,000 cases)", result: ms(alloc.medianMs), note: perUnit(alloc.medianMs, cases, "case") });

  const bia = time(() => {
    for (let i = 0; i < 200; i++) {
      budgetImpact({ currency: "CNY",
        eligible: Array.from({ length: 10 }, (_, y) => 3600 + y * 100),
        uptake: Array.from({ length: 10 }, (_, y) => ((y + 1) / 10).toFixed(1)),
        costPerPatient: "120000",
        displaced: [{ name: "chemo", costPerPatient: "40000", share: 0.8 }],
        fundSurplus: "62500000000",
        affordability: { maxShareOfSurplus: 0.01 },
      });
    }
  });
  rows.push({ name: "budgetImpact (10-year horizon)", result: perUnit(bia.medianMs, 200, "analysis"), note: "200 analyses per sample" });

  return rows;
}
