import Decimal from "decimal.js";
import { add, allocate, money, multiply, round, sum, type Money } from "./lib.js";
import { type BenchRow, perUnit, time, timePair } from "./harness.js";

const N = 100_000;

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const amounts = Array.from({ length: N }, (_, i) => `${(i * 7919) % 1_000_000}.${String(i % 100).padStart(2, "0")}`);
  const moneys = amounts.map((a) => money(a));
  const RawD = Decimal.clone({ precision: 64 });
  const raw64 = amounts.map((a) => new RawD(a));

  // Each comparison alternates raw and library samples (timePair): the ratio is the median
  // of per-pair ratios, so drift in the machine's speed between samples cancels out.
  const vs = (name: string, rawFn: () => unknown, libFn: () => unknown, note: string) => {
    const t = timePair(rawFn, libFn);
    rows.push({
      name,
      result: `${perUnit(t.subject.medianMs, N, "op")} (raw decimal.js ${perUnit(t.base.medianMs, N, "op")}; ratio ${t.ratio.toFixed(2)}×)`,
      note: `${note}; ${N.toLocaleString("en")} amounts, ${t.base.samples} alternating samples each; target ≤ 2× raw decimal.js`,
    });
  };
  vs(
    "multiply by a rate and round to cents",
    () => {
      for (const d of raw64) d.times("0.75").toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    },
    () => {
      for (const m of moneys) round(multiply(m, "0.75"));
    },
    "raw: a 64-digit Decimal clone, as Money uses",
  );
  vs(
    "add (running total)",
    () => {
      let acc = new RawD(0);
      for (const d of raw64) acc = acc.plus(d);
    },
    () => {
      let acc: Money = money("0");
      for (const m of moneys) acc = add(acc, m);
    },
    "same-currency check on every add",
  );
  vs(
    "construct from a decimal string",
    () => {
      for (const a of amounts) new RawD(a);
    },
    () => {
      for (const a of amounts) money(a);
    },
    "validates the numeral and the currency",
  );

  const M = 20_000;
  const alloc = time(() => {
    for (let i = 0; i < M; i++) allocate(moneys[i]!, [40, 30, 30]);
  });
  rows.push({ name: "allocate by [40, 30, 30]", result: perUnit(alloc.medianMs, M, "split"), note: "largest remainder in bigint minor units" });
  const five = time(() => {
    for (let i = 0; i < M; i++) allocate(moneys[i]!, ["0.55", "0.2", "0.1", "0.1", "0.05"]);
  });
  rows.push({ name: "allocate by five decimal weights", result: perUnit(five.medianMs, M, "split") });
  const total = time(() => sum(moneys));
  rows.push({ name: `sum of ${N.toLocaleString("en")} amounts`, result: `${total.medianMs.toFixed(1)} ms` });
  return rows;
}
