import Decimal from "decimal.js";
import { add, allocate, compare, money, multiply, round, subtract, sum, type Money } from "./lib.js";
import { type BenchRow, perUnit, time, timePair } from "./harness.js";

const N = 100_000;

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const amounts = Array.from({ length: N }, (_, i) => `${(i * 7919) % 1_000_000}.${String(i % 100).padStart(2, "0")}`);
  const moneys = amounts.map((a) => money(a));
  const RawD = Decimal.clone({ precision: 64 });
  const raw64 = amounts.map((a) => new RawD(a));
  // The bigint floor: the same arithmetic on bare minor units (no currency, no objects).
  const cents = amounts.map((a) => BigInt(a.replace(".", "")));
  let sink: unknown;

  // Each comparison alternates raw and library samples (timePair): the ratio is the median
  // of per-pair ratios, so drift in the machine's speed between samples cancels out. The
  // floor is a third pairing (floor vs library), so both ratios are measured in one run.
  const vs = (name: string, rawFn: () => unknown, libFn: () => unknown, floorFn: () => unknown, note: string, units = N, unit = "op") => {
    const t = timePair(rawFn, libFn, { clock: "cpu" });
    const f = timePair(floorFn, libFn, { clock: "cpu" });
    rows.push({
      name,
      result: `${perUnit(t.subject.medianMs, units, unit)}: ${(1 / t.ratio).toFixed(1)}× faster than raw decimal.js (${perUnit(t.base.medianMs, units, unit)}); ${f.ratio.toFixed(1)}× the bigint floor (${perUnit(f.base.medianMs, units, unit)})`,
      note: `${note}; ${units.toLocaleString("en")} ${unit}s per sample, ${t.base.samples} alternating samples per pairing, CPU time, ratios = medians of per-pair ratios; target ≥ 5× raw decimal.js`,
    });
  };
  vs(
    "multiply by a rate and round to cents",
    () => {
      for (const d of raw64) sink = d.times("0.75").toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    },
    () => {
      for (const m of moneys) sink = round(multiply(m, "0.75"));
    },
    () => {
      for (const c of cents) {
        const p = c * 75n;
        const q = p / 100n;
        sink = p - q * 100n >= 50n ? q + 1n : q;
      }
    },
    "raw: a 64-digit Decimal clone, as Money used; floor: cents × 75, half-up ÷ 100 (non-negative amounts)",
  );
  vs(
    "add (running total)",
    () => {
      let acc = new RawD(0);
      for (const d of raw64) acc = acc.plus(d);
      sink = acc;
    },
    () => {
      let acc: Money = money("0");
      for (const m of moneys) acc = add(acc, m);
      sink = acc;
    },
    () => {
      let acc = 0n;
      for (const c of cents) acc += c;
      sink = acc;
    },
    "same-currency check on every add",
  );
  vs(
    "subtract (running balance)",
    () => {
      let acc = new RawD("1e12");
      for (const d of raw64) acc = acc.minus(d);
      sink = acc;
    },
    () => {
      let acc: Money = money("1000000000000");
      for (const m of moneys) acc = subtract(acc, m);
      sink = acc;
    },
    () => {
      let acc = 100_000_000_000_000n;
      for (const c of cents) acc -= c;
      sink = acc;
    },
    "same-currency check on every subtract",
  );
  vs(
    "compare neighbours",
    () => {
      let n = 0;
      for (let i = 1; i < N; i++) n += raw64[i]!.comparedTo(raw64[i - 1]!);
      sink = n;
    },
    () => {
      let n = 0;
      for (let i = 1; i < N; i++) n += compare(moneys[i]!, moneys[i - 1]!);
      sink = n;
    },
    () => {
      let n = 0;
      for (let i = 1; i < N; i++) n += cents[i]! < cents[i - 1]! ? -1 : cents[i]! > cents[i - 1]! ? 1 : 0;
      sink = n;
    },
    "same-currency check on every compare",
  );
  const M = 20_000;
  vs(
    "allocate by [40, 30, 30]",
    () => {
      // raw decimal.js: each share floored to cents, the leftover cents to the largest remainders
      for (let i = 0; i < M; i++) {
        const total = raw64[i]!;
        const exact = [total.times(0.4), total.times(0.3), total.times(0.3)];
        const parts = exact.map((e) => e.toDecimalPlaces(2, Decimal.ROUND_DOWN));
        let left = total.minus(parts[0]!).minus(parts[1]!).minus(parts[2]!).times(100).toNumber();
        const order = exact.map((e, k) => ({ r: e.minus(parts[k]!), k })).sort((a, b) => b.r.comparedTo(a.r) || a.k - b.k);
        for (const { k } of order) if (left-- > 0) parts[k] = parts[k]!.plus("0.01");
        sink = parts;
      }
    },
    () => {
      for (let i = 0; i < M; i++) sink = allocate(moneys[i]!, [40, 30, 30]);
    },
    () => {
      for (let i = 0; i < M; i++) {
        const c = cents[i]!;
        const p = [(c * 40n) / 100n, (c * 30n) / 100n, (c * 30n) / 100n];
        const r = [(c * 40n) % 100n, (c * 30n) % 100n, (c * 30n) % 100n];
        let left = c - p[0]! - p[1]! - p[2]!;
        const order = [0, 1, 2].sort((a, b) => (r[a] === r[b] ? a - b : r[a]! > r[b]! ? -1 : 1));
        for (const k of order) if (left-- > 0n) p[k]! += 1n;
        sink = p;
      }
    },
    "largest remainder; raw: the same algorithm on 64-digit Decimals; floor: on bare bigints",
    M,
    "split",
  );
  vs(
    "construct from a decimal string",
    () => {
      for (const a of amounts) sink = new RawD(a);
    },
    () => {
      for (const a of amounts) sink = money(a);
    },
    () => {
      for (const a of amounts) sink = BigInt(a.replace(".", ""));
    },
    "validates the numeral and the currency",
  );

  const five = time(() => {
    for (let i = 0; i < M; i++) sink = allocate(moneys[i]!, ["0.55", "0.2", "0.1", "0.1", "0.05"]);
  });
  rows.push({ name: "allocate by five decimal weights", result: perUnit(five.medianMs, M, "split") });
  const total = time(() => sum(moneys));
  rows.push({ name: `sum of ${N.toLocaleString("en")} amounts`, result: `${total.medianMs.toFixed(1)} ms` });
  if (sink === Symbol.for("never")) rows.push({ name: "sink", result: "" });
  return rows;
}
