import { writeFileSync } from "node:fs";
import { analyzePsa, ceacSvg, formatMoney } from "../../src/index.js";
import { type Command, positional } from "../command.js";
import { CliError, csvNumber, parseCsv, readText, render } from "../io.js";

/** Parses a λ grid: "0:300000:10000" (from:to:step) or "100000,200000,300000". */
export function parseLambdas(spec: string): number[] {
  const range = /^(-?[\d.]+):(-?[\d.]+):([\d.]+)$/.exec(spec.trim());
  if (range) {
    const [from, to, by] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!(by > 0) || !(to >= from)) throw new CliError(`--lambdas ${spec}: need from ≤ to and a step > 0`);
    const count = Math.floor((to - from) / by + 1e-9) + 1;
    if (count > 100_000) throw new CliError(`--lambdas ${spec}: more than 100,000 values`);
    return Array.from({ length: count }, (_, i) => Number((from + i * by).toPrecision(15)));
  }
  const list = spec.split(",").map((x) => Number(x.trim()));
  if (list.length === 0 || list.some((x) => !Number.isFinite(x) || x < 0)) throw new CliError(`--lambdas ${spec}: expected from:to:step or a comma-separated list of numbers ≥ 0`);
  return list;
}

/** Reads long-form draws: one row per (strategy, draw) with cost and effect. Draws are matched by order or by a `draw` column. */
function readDraws(file: string) {
  const { header, rows } = parseCsv(readText(file), file);
  for (const col of ["strategy", "cost", "effect"]) if (!header.includes(col)) throw new CliError(`${file}:1: missing column "${col}" (need strategy,cost,effect[,draw])`);
  const strategies: string[] = [];
  const costs = new Map<string, number[]>();
  const effects = new Map<string, number[]>();
  const hasDraw = header.includes("draw");
  for (const r of rows) {
    const name = r.values.strategy ?? "";
    if (name === "") throw new CliError(`${file}:${r.line}: column "strategy" is empty`);
    if (!costs.has(name)) {
      strategies.push(name);
      costs.set(name, []);
      effects.set(name, []);
    }
    const c = costs.get(name)!;
    if (hasDraw) {
      const d = csvNumber(r, "draw", file);
      if (d !== c.length + 1) throw new CliError(`${file}:${r.line}: draw ${d} of "${name}" is out of sequence (expected ${c.length + 1})`);
    }
    c.push(csvNumber(r, "cost", file));
    effects.get(name)!.push(csvNumber(r, "effect", file));
  }
  if (strategies.length === 0) throw new CliError(`${file}: no draws`);
  const n = costs.get(strategies[0]!)!.length;
  for (const s of strategies) if (costs.get(s)!.length !== n) throw new CliError(`${file}: strategy "${s}" has ${costs.get(s)!.length} draws, "${strategies[0]}" has ${n}`);
  return {
    strategies,
    costs: strategies.map((s) => Float64Array.from(costs.get(s)!)),
    effects: strategies.map((s) => Float64Array.from(effects.get(s)!)),
  };
}

export const psaCommand: Command = {
  name: "psa",
  summary: "CEAC, CEAF and EVPI from PSA draws",
  usage: `usage: precision-vbp psa <draws.csv> --lambdas 0:300000:10000 [--currency CNY] [--svg FILE] [--json|--csv]

Reads probabilistic-sensitivity draws in long form (CSV columns strategy,cost,effect and an optional
draw counter 1, 2, … per strategy) and prints, for each λ, the probability that each strategy is
cost-effective (CEAC), the strategy optimal in expectation (CEAF) and the EVPI.
--lambdas takes from:to:step or a comma-separated list; --svg writes the CEAC plot.`,
  options: { lambdas: { type: "string" }, currency: { type: "string" }, svg: { type: "string" } },
  async run(args, io) {
    const file = positional(this, args, 0, "the draws file");
    if (typeof args.values.lambdas !== "string") throw new CliError(`psa: --lambdas is required\n\n${this.usage}`);
    const lambdas = parseLambdas(args.values.lambdas);
    const draws = readDraws(file);
    const result = analyzePsa({ ...draws, lambdas, currency: (args.values.currency as string | undefined) ?? "CNY" });
    if (typeof args.values.svg === "string") {
      writeFileSync(
        args.values.svg,
        ceacSvg({
          lambdas,
          strategies: draws.strategies,
          probabilities: draws.strategies.map((_, s) => result.points.map((p) => p.ceac[s]!)),
          optimal: result.points.map((p) => p.optimal),
          currency: result.currency,
        }),
      );
    }
    io.out(
      render(
        {
          title: `PSA over ${result.draws} draws (${result.currency})`,
          columns: ["lambda", ...draws.strategies.map((s) => `P(${s})`), "optimal", "EVPI"],
          rows: result.points.map((p) => [String(p.lambda), ...p.ceac.map((v) => v.toFixed(4)), p.optimal, formatMoney(p.evpi, { currency: false })]),
          json: result,
        },
        args.format,
      ),
    );
  },
};
