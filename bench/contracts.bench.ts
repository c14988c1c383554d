// Evaluating the K1 and K3 contracts for 100,000 generated patients, parsed once: explained and bulk.
import { evaluateContract, evaluateContractMinorUnits, parseContract } from "./lib.js";
import { type BenchRow, ms, perUnit, time } from "./harness.js";

const K1 = {
  id: "K1",
  currency: "CNY",
  price: "1200000.00",
  payment: {
    type: "schedule",
    installments: [
      { share: "0.4", due: { months: 0 } },
      { share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: ["crs"] }] },
      { share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse"] }] },
    ],
  },
};

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

type Event = { kind: string; date: string; grade?: number };

/** Deterministic synthetic patients: infusion in 2026, ~30% CRS, ~20% relapse, ~5% death. */
function patients(n: number): Event[][] {
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const day = (base: number) => new Date(Date.UTC(2026, 0, 1 + base)).toISOString().slice(0, 10);
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

export async function bench(): Promise<BenchRow[]> {
  const n = 100_000;
  const cohort = patients(n);
  const rows: BenchRow[] = [];
  for (const [name, json] of [["K1 (40/30/30 milestones)", K1], ["K3 (4 installments + clawback)", K3]] as const) {
    const contract = parseContract(json);
    let net = 0;
    const t = time(
      () => {
        net = 0;
        for (const events of cohort) net += evaluateContract(contract, events, "2027-12-31").lines.length;
      },
      { samples: 3, warmup: 1 },
    );
    rows.push({
      name: `evaluateContract ${name}`,
      result: perUnit(t.medianMs, n, "patient"),
      note: `${n.toLocaleString("en")} generated patients, contract parsed once, full ledger + explanation per patient; ${ms(t.medianMs)} per cohort (median of 3); ${net} lines`,
    });
    let bulkLines = 0;
    const bulk = time(
      () => {
        bulkLines = 0;
        for (const events of cohort) bulkLines += evaluateContractMinorUnits(contract, events, "2027-12-31").lines.length;
      },
      { samples: 3, warmup: 1 },
    );
    rows.push({
      name: `evaluateContractMinorUnits ${name}`,
      result: perUnit(bulk.medianMs, n, "patient"),
      note: `the bulk path on the same patients: same ledger in bigint minor units, no Money or sentences; ${ms(bulk.medianMs)} per cohort (median of 3); ${bulkLines} lines`,
    });
  }
  const parse = time(() => parseContract(K3), { samples: 200, warmup: 20 });
  rows.push({ name: "parseContract K3", result: `${(parse.medianMs * 1000).toFixed(1)} µs/contract`, note: "schema validation + allocation, done once per contract" });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await bench()) console.log(`${row.name}: ${row.result} — ${row.note ?? ""}`);
}
