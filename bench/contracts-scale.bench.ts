// Issue 14 H2: the ledger is O(n log n) in events and terms. A per-treated-month contract
// with a CRS-triggered refund at 10^4 and 10^5 events, and a schedule of 10^4 installments
// with a death-triggered refund (before the fix: 11.6 s at 32,000 events, 141 s at 64,000).
// Each row times the refund contract against the same contract without the refund in
// alternating samples (timePair), so the ratio is measured on one machine state; the
// per-event cost at 10^5 against 10^4 shows the growth is linear up to the sort.
import { evaluateContract, evaluateContractMinorUnits, parseContract } from "./lib.js";
import { type BenchRow, ms, perUnit, timePair } from "./harness.js";

const start = "2026-01-01";

/** start + k days (UTC fields only). */
function day(k: number): string {
  return new Date(Date.UTC(2026, 0, 1 + k)).toISOString().slice(0, 10);
}

/** Daily treated months (synthetic: 10^5 monthly dates would leave the calendar), a grade-2 CRS on day 10. */
function history(n: number): { kind: string; date: string; grade?: number }[] {
  const events: { kind: string; date: string; grade?: number }[] = [{ kind: "infusion", date: start }];
  for (let k = 1; k <= n; k++) {
    const date = day(k);
    events.push({ kind: "treatedMonth", date });
    if (k === 10) events.push({ kind: "crs", date, grade: 2 });
  }
  return events;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const withRefund = parseContract({ id: "H2", currency: "CNY", price: "1000.00", payment: { type: "perTreatedMonth" }, refunds: [{ type: "refund", trigger: ["crs"], share: "0.5" }] });
  const without = parseContract({ id: "H2-base", currency: "CNY", price: "1000.00", payment: { type: "perTreatedMonth" } });
  const perEvent: number[] = [];
  for (const n of [10_000, 100_000]) {
    const events = history(n);
    const samples = n >= 100_000 ? 5 : 9;
    const bulk = timePair(() => evaluateContractMinorUnits(without, events, "2400-01-01"), () => evaluateContractMinorUnits(withRefund, events, "2400-01-01"), { samples, warmup: 1 });
    perEvent.push(bulk.subject.medianMs / n);
    rows.push({
      name: `evaluateContractMinorUnits perTreatedMonth + CRS refund, ${n.toLocaleString("en")} events`,
      result: `${ms(bulk.subject.medianMs)} (${perUnit(bulk.subject.medianMs, n, "event")})`,
      note: `${n.toLocaleString("en")} treated months, refund 0.5 from the CRS on: ${n - 9} refund lines; ratio to the same history without the refund ${bulk.ratio.toFixed(2)}× (baseline ${ms(bulk.base.medianMs)}); median of ${samples} alternating pairs`,
    });
    const explained = timePair(() => evaluateContractMinorUnits(withRefund, events, "2400-01-01"), () => evaluateContract(withRefund, events, "2400-01-01"), { samples: n >= 100_000 ? 3 : 5, warmup: 1 });
    rows.push({
      name: `evaluateContract perTreatedMonth + CRS refund, ${n.toLocaleString("en")} events`,
      result: `${ms(explained.subject.medianMs)} (${perUnit(explained.subject.medianMs, n, "event")})`,
      note: `the explained path (Money, sentences, steps) on the same history; ${explained.ratio.toFixed(2)}× the bulk path`,
    });
  }
  rows.push({
    name: "growth: per-event cost at 10^5 / at 10^4 events",
    result: `${((perEvent[1] as number) / (perEvent[0] as number)).toFixed(2)}×`,
    note: "1.00× is linear; the quadratic refund step gave ~10× per decade",
  });
  const n = 10_000;
  const schedule = (refund: boolean) =>
    parseContract({
      id: "H2-installments",
      currency: "USD",
      price: "10000.00",
      payment: { type: "schedule", installments: Array.from({ length: n }, (_, k) => ({ share: "0.0001", due: { days: k + 1 }, conditions: [{ type: "none", events: ["death"] }] })) },
      refunds: refund ? [{ type: "refund", trigger: ["death"], share: "0.25" }] : [],
    });
  const events = [
    { kind: "infusion", date: start },
    { kind: "death", date: day(9000) },
  ];
  const inst = timePair(() => evaluateContractMinorUnits(schedule(false), events, "2100-01-01"), () => evaluateContractMinorUnits(schedule(true), events, "2100-01-01"), { samples: 5, warmup: 1 });
  rows.push({
    name: `evaluateContractMinorUnits ${n.toLocaleString("en")} installments + death refund (parse included)`,
    result: ms(inst.subject.medianMs),
    note: `10,000 daily installments of USD 1.00, death on day 9,000; ratio to the same schedule without the refund ${inst.ratio.toFixed(2)}×`,
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await bench()) console.log(`${row.name}: ${row.result} — ${row.note ?? ""}`);
}
