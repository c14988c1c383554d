import Decimal from "decimal.js";
import { add, allocate, money, multiply, round, sum, type Money } from "./lib.js";
import { type BenchRow, perUnit, time } from "./harness.js";

const N = 100_000;

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const amounts = Array.from({ length: N }, (_, i) => `${(i * 7919) % 1_000_000}.${String(i % 100).padStart(2, "0")}`);
  const moneys = amounts.map((a) => money(a));
  const raw = amounts.map((a) => new Decimal(a));
  const RawD = Decimal.clone({ precision: 64 });
  const raw64 = amounts.map((a) => new RawD(a));

  const rawMulRound = time(() => {
    for (const d of raw64) d.times("0.75").toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  });
  const libMulRound = time(() => {
    for (const m of moneys) round(multiply(m, "0.75"));
  });
  rows.push({
    name: "multiply by a rate and round to cents",
    result: `${perUnit(libMulRound.medianMs, N, "op")} (raw decimal.js ${perUnit(rawMulRound.medianMs, N, "op")}; ratio ${(libMulRound.medianMs / rawMulRound.medianMs).toFixed(2)}×)`,
    note: `${N.toLocaleString("en")} amounts; target ≤ 2× raw decimal.js`,
  });

  const rawAdd = time(() => {
    let acc = new RawD(0);
    for (const d of raw64) acc = acc.plus(d);
  });
  const libAdd = time(() => {
    let acc: Money = money("0");
    for (const m of moneys) acc = add(acc, m);
  });
  rows.push({
    name: "add (running total)",
    result: `${perUnit(libAdd.medianMs, N, "op")} (raw decimal.js ${perUnit(rawAdd.medianMs, N, "op")}; ratio ${(libAdd.medianMs / rawAdd.medianMs).toFixed(2)}×)`,
    note: "same-currency check on every add",
  });

  const rawParse = time(() => {
    for (const a of amounts) new Decimal(a);
  });
  const libParse = time(() => {
    for (const a of amounts) money(a);
  });
  rows.push({
    name: "construct from a decimal string",
    result: `${perUnit(libParse.medianMs, N, "op")} (raw decimal.js ${perUnit(rawParse.medianMs, N, "op")}; ratio ${(libParse.medianMs / rawParse.medianMs).toFixed(2)}×)`,
    note: "validates the numeral and the currency",
  });
  void raw;

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
