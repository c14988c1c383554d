// Bill-split throughput: the bulk path (bigint minor units) and the explained path.
import { parseLayers, splitBill, splitBillMinorUnits } from "./lib.js";
import { type BenchRow, ms, perUnit, time } from "./harness.js";

const PLAN = {
  currency: "CNY",
  layers: [
    { kind: "basic", id: "basic", deductible: "750", cap: "400000", rate: { by: "insuranceType", categories: { employee: 0.75, resident: 0.55 } } },
    { kind: "supplementary", id: "critical-illness", threshold: "15000", bands: { bands: [{ from: 0, to: 100000, value: 0.6 }, { from: 100000, to: null, value: 0.7 }] } },
    { kind: "commercial", id: "huiminbao", deductible: "20000", rate: 0.6, sumInsured: "1000000" },
    { kind: "manufacturer", id: "pap", program: { type: "discount", rate: 0.1 } },
    { kind: "assistance", id: "medical-assistance", groupRates: { subsistence: 0.9, extremePoverty: 1 } },
  ],
} as const;

/** Benchmarks of the tiers module. */
export async function bench(): Promise<BenchRow[]> {
  const plan = parseLayers(PLAN);
  const employee = { insuranceType: "employee", groups: ["subsistence"] };
  const resident = { insuranceType: "resident" };
  const N = 1_000_000;
  const bulk = time(
    () => {
      let patient = 0n;
      for (let i = 0; i < N; i++) {
        const r = splitBillMinorUnits(plan, { bill: 5_000_000n + BigInt(i % 100_000) * 1_000n, patient: i % 2 === 0 ? employee : resident });
        patient += r.patient;
      }
      return patient;
    },
    { samples: 3, warmup: 1 },
  );
  const M = 2_000;
  const explained = time(
    () => {
      for (let i = 0; i < M; i++) splitBill({ plan, bill: String(50_000 + i), patient: employee });
    },
    { samples: 5, warmup: 1 },
  );
  const lean = time(
    () => {
      for (let i = 0; i < M; i++) splitBill({ plan, bill: String(50_000 + i), patient: employee, explain: false });
    },
    { samples: 5, warmup: 1 },
  );
  const parse = time(() => {
    for (let i = 0; i < 1_000; i++) parseLayers(PLAN);
  });
  return [
    {
      name: "tiers: 1,000,000 patients through a 5-layer split (splitBillMinorUnits, parsed plan)",
      result: `${ms(bulk.medianMs)} total, ${perUnit(bulk.medianMs, N, "patient")}`,
      note: "target < 10 s; bigint minor units, stratified basic rate, progressive bands; median of 3",
    },
    { name: "tiers: splitBill with explanation (5 layers, parsed plan)", result: perUnit(explained.medianMs, M, "claim"), note: `${M} claims per sample` },
    { name: "tiers: splitBill with explain: false (5 layers, parsed plan)", result: perUnit(lean.medianMs, M, "claim"), note: `${M} claims per sample` },
    { name: "tiers: parseLayers (5-layer plan document)", result: perUnit(parse.medianMs, 1_000, "plan") },
  ];
}
