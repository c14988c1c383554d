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

/** Times `fn` over `samples` runs after `warmup` runs and returns the median. */
export function time(fn: () => unknown, options: { samples?: number; warmup?: number } = {}): Timing {
  const samples = options.samples ?? 7;
  for (let i = 0; i < (options.warmup ?? 2); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
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
