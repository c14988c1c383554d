// A small benchmark harness: warm up, then time repeated batches and report the median.
// Benchmarks are scripts, never tests: figures go to docs/benchmarks.md via `npm run bench`.

export interface BenchRow {
  /** What was measured. */
  readonly name: string;
  /** The headline figure, already formatted (e.g. "1.84 µs/patient"). */
  readonly result: string;
  /** Method notes: sizes, iterations, targets. */
  readonly note?: string;
}

export interface Timing {
  /** Median wall time of one call, in milliseconds. */
  readonly medianMs: number;
  readonly samples: number;
}

/**
 * A clock in milliseconds. `wall` is elapsed time; `cpu` is the CPU time this process used
 * (user + system, all its threads, so GC helpers count), which on a shared machine does not
 * include the time the process waited for a core — the fairer clock for ratios when the
 * machine is oversubscribed. Single-threaded code: cpu ≈ wall on an idle machine.
 */
export type Clock = "wall" | "cpu";

/** The current reading of a clock, in milliseconds. */
export function now(clock: Clock = "wall"): number {
  if (clock === "wall") return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Times `fn` over `samples` runs after `warmup` runs and returns the median. */
export function time(fn: () => unknown, options: { samples?: number; warmup?: number; clock?: Clock } = {}): Timing {
  const samples = options.samples ?? 7;
  const clock = options.clock ?? "wall";
  for (let i = 0; i < (options.warmup ?? 2); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = now(clock);
    fn();
    times.push(now(clock) - t0);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] ?? 0, samples };
}

/** Formats a duration per unit of work: "12.3 µs/patient". */
export function perUnit(totalMs: number, units: number, unit: string): string {
  const us = (totalMs * 1000) / units;
  return us >= 1000 ? `${(us / 1000).toFixed(2)} ms/${unit}` : `${us.toFixed(2)} µs/${unit}`;
}

/** Formats milliseconds as "123.4 ms" or "1.23 s". */
export function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
}

/** Timings of two functions measured in alternation, and the median of their per-pair ratios. */
export interface PairTiming {
  readonly base: Timing;
  readonly subject: Timing;
  /** Median over the pairs of subject time / base time. */
  readonly ratio: number;
}

/**
 * Times `base` and `subject` in alternating samples (base, subject, base, …), so that both
 * see the same machine: on a shared VM the speed drifts between samples, and timing one
 * after the other would fold that drift into their ratio.
 */
export function timePair(base: () => unknown, subject: () => unknown, options: { samples?: number; warmup?: number; clock?: Clock } = {}): PairTiming {
  const samples = options.samples ?? 15;
  const clock = options.clock ?? "wall";
  for (let i = 0; i < (options.warmup ?? 3); i++) {
    base();
    subject();
  }
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < samples; i++) {
    let t0 = now(clock);
    base();
    const ta = now(clock) - t0;
    t0 = now(clock);
    subject();
    const tb = now(clock) - t0;
    a.push(ta);
    b.push(tb);
    ratios.push(tb / ta);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
  return { base: { medianMs: median(a), samples }, subject: { medianMs: median(b), samples }, ratio: median(ratios) };
}
