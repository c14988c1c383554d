// Itemised claims in the bulk path: a 10-line claim through 5 layers with categories,
// against today's one-line split through the tiers bench's 5-layer plan, in one run.
// TIERS_BASELINE_DIST=<dir>/dist/index.js also times the one-line split on another build
// (e.g. the commit before the layer registry) in the same process, as a ratio.
import { pathToFileURL } from "node:url";
import { parseLayers, splitBillMinorUnits } from "./lib.js";
import { type BenchRow, perUnit, time } from "./harness.js";

// The tiers bench's 5-layer plan (bench/tiers.bench.ts).
const ONE_LINE_PLAN = {
  currency: "CNY",
  layers: [
    { kind: "basic", id: "basic", deductible: "750", cap: "400000", rate: { by: "insuranceType", categories: { employee: 0.75, resident: 0.55 } } },
    { kind: "supplementary", id: "critical-illness", threshold: "15000", bands: { bands: [{ from: 0, to: 100000, value: 0.6 }, { from: 100000, to: null, value: 0.7 }] } },
    { kind: "commercial", id: "huiminbao", deductible: "20000", rate: 0.6, sumInsured: "1000000" },
    { kind: "manufacturer", id: "pap", program: { type: "discount", rate: 0.1 } },
    { kind: "assistance", id: "medical-assistance", groupRates: { subsistence: 0.9, extremePoverty: 1 } },
  ],
} as const;

// The same layers with item categories: class-B first self-pay and per-category rates in basic, a gene-test
// sub-limit and 50% of drugs in commercial cover (care.md §9), and an out-of-pocket maximum and lifetime cap.
const CATS = { drug: {}, test: {}, consumable: {}, bed: {}, service: {} };
const ITEMISED_PLAN = {
  currency: "CNY",
  layers: [
    {
      ...ONE_LINE_PLAN.layers[0],
      lifetimeCap: "2000000",
      categories: { drug: { firstSelfPay: { B: 0.1 } }, test: {}, consumable: { rate: 0.5 }, bed: {}, service: { covered: false } },
    },
    { ...ONE_LINE_PLAN.layers[1], categories: CATS },
    { ...ONE_LINE_PLAN.layers[2], outOfPocketMax: { individual: "50000" }, categories: { drug: { rate: 0.5 }, test: { rate: 1, subLimit: "100000" }, consumable: {}, bed: {}, service: {} } },
    { ...ONE_LINE_PLAN.layers[3], categories: { drug: {}, test: { covered: false } } },
    { ...ONE_LINE_PLAN.layers[4], categories: CATS },
  ],
};

const LINES = [
  { category: "drug", catalogueClass: "B", amount: 3_000_000n },
  { category: "drug", catalogueClass: "A", amount: 1_200_000n },
  { category: "drug", catalogueClass: "C", amount: 800_000n },
  { category: "test", catalogueClass: "B", amount: 650_000n },
  { category: "test", catalogueClass: "C", amount: 1_000_000n },
  { category: "consumable", catalogueClass: "A", amount: 120_050n },
  { category: "consumable", catalogueClass: "B", amount: 98_000n },
  { category: "bed", catalogueClass: "A", amount: 45_000n },
  { category: "service", catalogueClass: "A", amount: 30_000n },
  { category: "service", amount: 12_345n },
] as const;

type Split = (plan: unknown, claim: unknown) => { patient: bigint };

function oneLine(parse: (doc: unknown) => unknown, split: Split, n: number) {
  const plan = parse(ONE_LINE_PLAN);
  const employee = { insuranceType: "employee", groups: ["subsistence"] };
  const resident = { insuranceType: "resident" };
  return time(
    () => {
      let patient = 0n;
      for (let i = 0; i < n; i++) patient += split(plan, { bill: 5_000_000n + BigInt(i % 100_000) * 1_000n, patient: i % 2 === 0 ? employee : resident }).patient;
      return patient;
    },
    { samples: 5, warmup: 1 },
  );
}

/** Benchmarks of itemised claims in the bulk path. */
export async function bench(): Promise<BenchRow[]> {
  const N = 300_000;
  const M = 30_000;
  const split: Split = (plan, claim) => splitBillMinorUnits({ plan, claim } as never);
  const today = oneLine((d) => parseLayers(d as never), split, N);
  const plan = parseLayers(ITEMISED_PLAN as never);
  const employee = { insuranceType: "employee", groups: ["subsistence"] };
  const itemised = time(
    () => {
      let patient = 0n;
      for (let i = 0; i < M; i++) patient += splitBillMinorUnits({ plan, claim: { lines: LINES, patient: employee } }).patient;
      return patient;
    },
    { samples: 5, warmup: 1 },
  );
  const perClaim = (t: { medianMs: number }, n: number) => (t.medianMs * 1000) / n;
  const rows: BenchRow[] = [
    { name: "tiers: one-line 5-layer split (splitBillMinorUnits, parsed plan)", result: perUnit(today.medianMs, N, "claim"), note: `${N.toLocaleString("en")} claims per sample, median of 5; docs/benchmarks.md has the tiers bench's figure for the same plan` },
    {
      name: "tiers: 10-line, 5-layer itemised claim (splitBillMinorUnits)",
      result: perUnit(itemised.medianMs, M, "claim"),
      note: `${M.toLocaleString("en")} claims per sample, median of 5; categories, class-B first self-pay, sub-limit, OOP maximum, lifetime cap; ${(perClaim(itemised, M) / perClaim(today, N)).toFixed(2)} × the one-line claim in the same run (${(perClaim(itemised, M) / 10 / perClaim(today, N)).toFixed(2)} × per line)`,
    },
  ];
  const baseline = process.env.TIERS_BASELINE_DIST;
  if (baseline !== undefined) {
    const old = (await import(pathToFileURL(baseline).href)) as { parseLayers: (d: unknown) => unknown; splitBillMinorUnits: Split };
    // Alternate the two builds three times and keep each one's best median: the machine is shared.
    let before = Infinity;
    let after = Infinity;
    for (let round = 0; round < 3; round++) {
      before = Math.min(before, oneLine(old.parseLayers, old.splitBillMinorUnits, N).medianMs);
      // Same call form on both sides (positional), so the ratio measures the waterfall itself.
      after = Math.min(after, oneLine((d) => parseLayers(d as never), (plan, claim) => splitBillMinorUnits(plan as never, claim as never), N).medianMs);
    }
    rows.push({
      name: "tiers: one-line 5-layer split, baseline build vs this build (same process)",
      result: `${perUnit(before, N, "claim")} → ${perUnit(after, N, "claim")} (${((after / before - 1) * 100).toFixed(1)} %)`,
      note: `baseline ${baseline}; builds alternated 3 times, best median of 5 each`,
    });
  }
  return rows;
}
