// The bulk path on a contract with declared outcome events (transfusion-independence
// assessments, hospitalisations with attributes) and a deadline refund, against K3's
// per-patient cost in the same run (issue 15: within 1.5×).
import { evaluateContractMinorUnits, parseContract } from "./lib.js";
import { type BenchRow, ms, perUnit, timePair } from "./harness.js";

const K3 = {
  id: "K3",
  currency: "USD",
  price: "373000.00",
  payment: {
    type: "schedule",
    installments: [1, 3, 6, 12].map((m) => ({ share: "0.25", due: { months: m }, conditions: [{ type: "none", events: ["death", "relapse", "seriousAdverseEvent"] }] })),
  },
  refunds: [{ type: "clawback", trigger: ["death", "relapse"], within: { months: 12 }, share: "0.5" }],
};

const TI_TRUE = { kind: "transfusionIndependence", where: { independent: { equals: true } } };
/** A gene therapy: 4 installments held on "at most 1 hospitalisation of ≥ 2 days"; 80% back unless independence is shown by month 12. */
const GENE = {
  id: "GT",
  currency: "USD",
  price: "2800000.00",
  outcomes: {
    transfusionIndependence: { attributes: { independent: { type: "boolean" } } },
    hospitalisation: { attributes: { days: { type: "integer", min: 0 } } },
  },
  payment: {
    type: "schedule",
    installments: [1, 3, 6, 12].map((m) => ({ share: "0.25", due: { months: m }, conditions: [{ type: "count", events: [{ kind: "hospitalisation", where: { days: { gte: 2 } } }], atMost: 1 }, { type: "none", events: ["death"] }] })),
  },
  refunds: [
    { type: "deadlineRefund", by: { months: 12 }, milestone: { type: "some", events: [TI_TRUE] }, assessment: { events: ["transfusionIndependence"], ifMissing: "missed" }, share: "0.8" },
  ],
};

type Event = { kind: string; date: string; grade?: number; attributes?: Record<string, unknown> };

function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const day = (base: number) => new Date(Date.UTC(2026, 0, 1 + base)).toISOString().slice(0, 10);

/** K3's cohort (as bench/contracts.bench.ts): ~30% CRS, ~20% relapse, ~5% death. */
function k3Patients(n: number): Event[][] {
  const next = rng(12345);
  const out: Event[][] = [];
  for (let i = 0; i < n; i++) {
    const start = Math.floor(next() * 365);
    const events: Event[] = [{ kind: "infusion", date: day(start) }];
    if (next() < 0.3) events.push({ kind: "crs", date: day(start + 1 + Math.floor(next() * 14)), grade: 1 + Math.floor(next() * 4) });
    if (next() < 0.2) events.push({ kind: "relapse", date: day(start + 30 + Math.floor(next() * 300)) });
    if (next() < 0.05) events.push({ kind: "death", date: day(start + 340 + Math.floor(next() * 30)) });
    out.push(events);
  }
  return out;
}

/** Gene-therapy cohort: 3 quarterly independence assessments (70% positive), 0–2 hospitalisations, ~5% death. */
function genePatients(n: number): Event[][] {
  const next = rng(54321);
  const out: Event[][] = [];
  for (let i = 0; i < n; i++) {
    const start = Math.floor(next() * 365);
    const events: Event[] = [{ kind: "infusion", date: day(start) }];
    const hosp = Math.floor(next() * 3);
    const extra: Event[] = [];
    for (let h = 0; h < hosp; h++) extra.push({ kind: "hospitalisation", date: day(start + 10 + Math.floor(next() * 330)), attributes: { days: Math.floor(next() * 6) } });
    for (const q of [90, 180, 270]) extra.push({ kind: "transfusionIndependence", date: day(start + q), attributes: { independent: next() < 0.7 } });
    extra.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    events.push(...extra);
    if (next() < 0.05) events.push({ kind: "death", date: day(start + 340 + Math.floor(next() * 20)) });
    out.push(events);
  }
  return out;
}

export async function bench(): Promise<BenchRow[]> {
  const n = 50_000;
  const samples = 9;
  const rows: BenchRow[] = [];
  const cohort = (json: unknown, patients: Event[][]) => {
    const contract = parseContract(json);
    let lines = 0;
    const run = () => {
      lines = 0;
      for (const events of patients) lines += evaluateContractMinorUnits(contract, events, "2027-12-31").lines.length;
    };
    return { run, lines: () => lines };
  };
  const k3 = cohort(K3, k3Patients(n));
  const gene = cohort(GENE, genePatients(n));
  // Alternating samples on the CPU clock (timePair): both cohorts see the same machine state,
  // and the ratio is the median of the per-pair ratios.
  const pair = timePair(k3.run, gene.run, { samples, warmup: 2, clock: "cpu" });
  rows.push({
    name: "evaluateContractMinorUnits K3 (4 installments + clawback)",
    result: perUnit(pair.base.medianMs, n, "patient"),
    note: `${n.toLocaleString("en")} generated patients (1–4 events), bulk path; ${ms(pair.base.medianMs)} per cohort (CPU time, median of ${samples} samples alternating with the gene-therapy cohort); ${k3.lines()} lines`,
  });
  rows.push({
    name: "evaluateContractMinorUnits gene therapy (declared events, count condition, deadline refund)",
    result: perUnit(pair.subject.medianMs, n, "patient"),
    note: `${n.toLocaleString("en")} generated patients (4–7 events with attributes), bulk path; ${ms(pair.subject.medianMs)} per cohort (CPU time, median of ${samples}); ${gene.lines()} lines; ${pair.ratio.toFixed(2)}× K3 (median of ${samples} per-pair ratios; target ≤ 1.5×)`,
  });
  return rows;
}
