// PSA draws in long form (one row per strategy and draw), read from CSV/TSV and written
// back, so `model --psa --draws-out`, `psa` and `plane` hand draws to each other and to R.
import { CliError, type CsvDialectOptions, csvNumber, readCsv, requireColumns } from "./io.js";

/** Draws per strategy, as `analyzePsa` and `cePlaneSvg` take them. */
export interface Draws {
  readonly strategies: string[];
  readonly costs: Float64Array[];
  readonly effects: Float64Array[];
}

/** Reads long-form draws: columns strategy,cost,effect and an optional draw counter 1, 2, … per strategy. */
export function readDraws(file: string, dialect: CsvDialectOptions): Draws {
  const t = readCsv(file, dialect);
  requireColumns(t, ["strategy", "cost", "effect"], "strategy,cost,effect[,draw]");
  const strategies: string[] = [];
  const costs = new Map<string, number[]>();
  const effects = new Map<string, number[]>();
  const hasDraw = t.header.includes("draw");
  for (const r of t.rows) {
    const name = r.values.strategy ?? "";
    if (name === "") throw new CliError(`${file}:${r.line}: column "strategy" is empty`);
    if (!costs.has(name)) {
      strategies.push(name);
      costs.set(name, []);
      effects.set(name, []);
    }
    const c = costs.get(name)!;
    if (hasDraw) {
      const d = csvNumber(t, r, "draw");
      if (d !== c.length + 1) throw new CliError(`${file}:${r.line}: draw ${d} of "${name}" is out of sequence (expected ${c.length + 1})`);
    }
    c.push(csvNumber(t, r, "cost"));
    effects.get(name)!.push(csvNumber(t, r, "effect"));
  }
  if (strategies.length === 0) throw new CliError(`${file}: no draws`);
  const n = costs.get(strategies[0]!)!.length;
  for (const s of strategies) if (costs.get(s)!.length !== n) throw new CliError(`${file}: strategy "${s}" has ${costs.get(s)!.length} draws, "${strategies[0]}" has ${n}`);
  return { strategies, costs: strategies.map((s) => Float64Array.from(costs.get(s)!)), effects: strategies.map((s) => Float64Array.from(effects.get(s)!)) };
}

/** Long-form draws as CSV rows (strategy, draw, cost, effect). */
export function drawsCsv(d: Draws): { columns: string[]; rows: (string | number)[][] } {
  const rows: (string | number)[][] = [];
  d.strategies.forEach((s, i) => d.costs[i]!.forEach((c, k) => rows.push([s, k + 1, c, d.effects[i]![k]!])));
  return { columns: ["strategy", "draw", "cost", "effect"], rows };
}
