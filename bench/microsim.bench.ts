// Benchmarks for microsimulation and contract pricing under uncertainty:
// 100,000 patients × 40 cycles × 10 states, and a CAR-T contract priced over PSA draws × patients.
import { priceContractUnderUncertainty, runMicrosimulation, type PriceContractUnderUncertaintyInput, type RunMicrosimulationInput } from "./lib.js";
import { ms, perUnit, time, type BenchRow } from "./harness.js";

const STATES = ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "Dead"];

function tenStateModel() {
  const matrix: Record<string, Record<string, unknown>> = {};
  STATES.forEach((s, i) => {
    if (s === "Dead") {
      matrix[s] = { Dead: 1 };
      return;
    }
    // mortality rises with age and falls for the biomarker-positive
    const row: Record<string, unknown> = {
      [s]: "complement",
      Dead: { min: [0.5, { mul: [{ param: "pDeath" }, { exp: { mul: [0.03, { sub: [{ attr: "age" }, 60] }] } }, { sub: [1, { mul: [0.3, { attr: "biomarker", is: "pos" }] }] }] }] },
    };
    const next = STATES[i + 1];
    if (next !== undefined && next !== "Dead") row[next] = { mul: [{ param: `pProg${i + 1}` }, { attr: "line" }] };
    matrix[s] = row;
  });
  const alive = STATES.filter((s) => s !== "Dead");
  return {
    states: STATES,
    initial: { S1: 1 },
    cycles: 40,
    timeUnit: "month" as const,
    counting: "life-table" as const,
    transitions: [{ matrix }],
    streams: {
      cost: { values: Object.fromEntries(alive.map((s, i) => [s, { param: `cost${i + 1}` }])), discountRate: 0.05, currency: "CNY" },
      qaly: { per: "year" as const, values: Object.fromEntries(alive.map((s, i) => [s, { param: `u${i + 1}` }])), discountRate: 0.05 },
    },
  };
}

function parameters() {
  const p: Record<string, unknown> = { pDeath: { value: 0.01, distribution: { type: "beta", alpha: 10, beta: 990 } } };
  for (let i = 1; i <= 9; i++) {
    p[`pProg${i}`] = { value: 0.05, distribution: { type: "beta", alpha: 5 + i, beta: 95 } };
    p[`cost${i}`] = { value: 500 * i, distribution: { type: "gamma", shape: 16, scale: (500 * i) / 16 } };
    p[`u${i}`] = { value: 0.9 - 0.05 * i, distribution: { type: "beta", alpha: 90 - 5 * i, beta: 10 + 5 * i } };
  }
  return p as RunMicrosimulationInput["parameters"];
}

const population = (size: number) => ({
  size,
  attributes: {
    age: { distribution: { type: "normal" as const, mean: 62, sd: 9 } },
    sex: { shares: { F: 0.45, M: 0.55 } },
    biomarker: { shares: { pos: 0.3, neg: 0.7 } },
    line: { uniform: { min: 0.8, max: 1.2 } },
  },
});
const attributes = {
  age: { type: "number" as const },
  sex: { type: "category" as const, levels: ["F", "M"] },
  biomarker: { type: "category" as const, levels: ["pos", "neg"] },
  line: { type: "number" as const, min: 0 },
};

export function microsimInput(size: number, keepPatients: boolean): RunMicrosimulationInput {
  return { model: tenStateModel(), parameters: parameters(), attributes, population: population(size), seed: 2026, startDate: "2026-01-15", keepPatients, subgroupBy: ["sex", "biomarker"] };
}

const K1 = {
  id: "CART-40-30-30-clawback",
  currency: "CNY",
  price: "1200000.00",
  payment: {
    type: "schedule",
    installments: [
      { id: "infusion", share: "0.4", due: { months: 0 } },
      { id: "month-3", share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: [{ kind: "crs", minGrade: 3 }] }] },
      { id: "month-6", share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse", "death"] }] },
    ],
  },
  refunds: [{ type: "clawback", trigger: ["death"], within: { months: 6 }, share: "0.5" }],
};

export function pricingInput(draws: number, size: number): PriceContractUnderUncertaintyInput {
  const cart = {
    states: ["Remission", "CRS", "Relapse", "Dead"],
    initial: { Remission: 1 },
    cycles: 24,
    timeUnit: "month" as const,
    counting: "end" as const,
    transitions: [
      {
        matrix: {
          Remission: { Remission: "complement" as const, CRS: { at: [{ param: "pCrs" }, 0], by: "cycle" as const }, Relapse: { param: "pRelapse" }, Dead: 0.005 },
          CRS: { Remission: "complement" as const, Relapse: { param: "pRelapse" }, Dead: { param: "pCrsDeath" } },
          Relapse: { Relapse: "complement" as const, Dead: 0.08 },
          Dead: { Dead: 1 },
        },
      },
    ],
    streams: {
      cost: { values: { Remission: "2500", CRS: "60000", Relapse: "9000" }, discountRate: 0.03, currency: "CNY" },
      qaly: { per: "year" as const, values: { Remission: 0.82, CRS: 0.5, Relapse: 0.6 }, discountRate: 0.03 },
    },
  };
  const comparator = { ...cart, transitions: [{ matrix: { Remission: { Remission: "complement" as const, Relapse: 0.1, Dead: 0.005 }, CRS: { CRS: 1 }, Relapse: { Relapse: "complement" as const, Dead: 0.08 }, Dead: { Dead: 1 } } }] };
  return {
    therapy: cart,
    comparator,
    parameters: {
      pCrs: { value: 0.15, distribution: { type: "beta", alpha: 15, beta: 85 } },
      pRelapse: { value: 0.03, distribution: { type: "beta", alpha: 6, beta: 194 } },
      pCrsDeath: { value: 0.05, distribution: { type: "beta", alpha: 5, beta: 95 } },
    },
    attributes: {},
    population: { size, attributes: {} },
    seed: 7,
    psa: { draws },
    startDate: "2026-01-15",
    asOf: "2028-01-15",
    events: { start: "infusion", onEnter: { CRS: { kind: "crs", grade: 3 }, Relapse: { kind: "relapse" }, Dead: { kind: "death" } } },
    contract: K1,
    lambda: { amount: "300000", currency: "CNY" },
    keepPatients: false,
  };
}

/** Runs the microsimulation benchmarks. */
export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const big = microsimInput(100_000, false);
  const t = time(() => runMicrosimulation(big), { samples: 3, warmup: 1 });
  rows.push({
    name: "models: microsimulation, 100,000 patients × 40 cycles × 10 states",
    result: ms(t.medianMs),
    note: `${perUnit(t.medianMs, 100_000, "patient")}, ${perUnit(t.medianMs, 4_000_000, "patient-cycle")}; 4 attributes (age, sex, biomarker, line), rows read attributes, 2 subgroup tables; summaries only; median of ${t.samples}`,
  });
  const kept = microsimInput(100_000, true);
  const k = time(() => runMicrosimulation(kept), { samples: 3, warmup: 1 });
  rows.push({
    name: "models: the same, keeping every patient's dated states",
    result: ms(k.medianMs),
    note: `${perUnit(k.medianMs, 100_000, "patient")}; dates from the contracts calendar; median of ${k.samples}`,
  });
  const draws = 100;
  const size = 1000;
  const p = time(() => priceContractUnderUncertainty(pricingInput(draws, size)), { samples: 3, warmup: 1 });
  rows.push({
    name: `models: CAR-T contract priced under uncertainty, ${draws} PSA draws × ${size.toLocaleString("en")} patients`,
    result: ms(p.medianMs),
    note: `${perUnit(p.medianMs, draws * size, "patient-draw")} (therapy + comparator simulated over 24 monthly cycles, events built, contract settled in minor units); median of ${p.samples}`,
  });
  const full = time(() => priceContractUnderUncertainty(pricingInput(1000, 1000)), { samples: 1, warmup: 0 });
  rows.push({
    name: "models: the same contract, 1,000 PSA draws × 1,000 patients",
    result: ms(full.medianMs),
    note: `${perUnit(full.medianMs, 1_000_000, "patient-draw")}; one timed run (after the runs above warmed the JIT)`,
  });
  return rows;
}
