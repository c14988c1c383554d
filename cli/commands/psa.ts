import { Command } from "commander";
import { writePlot } from "../png.js";
import { addPsaDraws, analyzePsa, ceacSvg, createPsaAccumulator, finishPsa, formatMoney } from "../../src/index.js";
import type { Draws } from "../draws.js";
import { type CommandIo, type OutputOptions, dialectOptions, outputFormat, withCsvInput, withOutput } from "../command.js";
import { readDraws } from "../draws.js";
import { blame, type CsvValue, render, UsageError } from "../io.js";
import { progressBar } from "../progress.js";

/** Parses a λ grid: "0:300000:10000" (from:to:step) or "100000,200000,300000" (R's 1e+05 accepted). */
export function parseLambdas(spec: string): number[] {
  const num = "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?";
  const range = new RegExp(`^(${num}):(${num}):(${num})$`).exec(spec.trim());
  if (range) {
    const [from, to, by] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!(by > 0) || !(to >= from) || from < 0) throw new UsageError(`--lambdas ${spec}: need 0 ≤ from ≤ to and a step > 0`);
    const count = Math.floor((to - from) / by + 1e-9) + 1;
    if (count > 100_000) throw new UsageError(`--lambdas ${spec}: more than 100,000 values`);
    return Array.from({ length: count }, (_, i) => Number((from + i * by).toPrecision(15)));
  }
  const parts = spec.split(",").map((x) => x.trim());
  const list = parts.map((x) => (new RegExp(`^${num}$`).test(x) ? Number(x) : Number.NaN));
  if (list.length === 0 || list.some((x) => !Number.isFinite(x) || x < 0)) throw new UsageError(`--lambdas ${spec}: expected from:to:step or a comma-separated list of numbers ≥ 0`);
  return list;
}

/** The CEAC table of an analyzePsa result: display rows (wide) and CSV rows (long: one per λ and strategy). */
export function ceacTable(result: ReturnType<typeof analyzePsa>, strategies: readonly string[]) {
  return {
    columns: ["lambda", ...strategies.map((s) => `P(${s})`), "optimal", "EVPI"],
    rows: result.points.map((p) => [String(p.lambda), ...p.ceac.map((v) => v.toFixed(4)), p.optimal, formatMoney(p.evpi, { currency: false })]),
    csv: {
      columns: ["lambda", "strategy", "p_cost_effective", "is_optimal", "evpi", "currency"],
      rows: result.points.flatMap((p) => strategies.map((s, i): CsvValue[] => [p.lambda, s, p.ceac[i]!, p.optimal === s, p.evpi.toJSON().amount, result.currency])),
    },
  };
}

const DESCRIPTION = `CEAC, CEAF and EVPI from PSA draws.

Reads probabilistic-sensitivity draws in long form (CSV/TSV columns strategy,cost,effect and an optional
draw counter 1, 2, … per strategy) and prints, for each λ, the probability that each strategy is
cost-effective (CEAC), the strategy optimal in expectation (CEAF) and the EVPI.
--lambdas takes from:to:step or a comma-separated list; --svg writes the CEAC plot. CSV output is long
(tidy): one row per λ and strategy with p_cost_effective and is_optimal.`;

/** Draws per progress step: small enough that a long run moves the bar every fraction of a second. */
const CHUNK = 20_000;

/**
 * analyzePsa on the draws, in chunks of draws through the streamed accumulator (the same
 * result to the bit: the sums run over the draws in the same order), reporting progress
 * after each chunk. A chunk that fails validation is re-run whole through analyzePsa, so
 * the error names the draw as it would without chunks.
 */
export function analyzeWithProgress(draws: Draws, lambdas: number[], currency: string, progress: (done: number, total: number) => void): ReturnType<typeof analyzePsa> {
  const n = draws.costs[0]?.length ?? 0;
  if (n <= CHUNK) {
    progress(0, n);
    const r = analyzePsa({ ...draws, lambdas, currency });
    progress(n, n);
    return r;
  }
  try {
    const acc = createPsaAccumulator({ strategies: draws.strategies, lambdas, currency });
    progress(0, n);
    for (let from = 0; from < n; from += CHUNK) {
      const to = Math.min(n, from + CHUNK);
      addPsaDraws({ accumulator: acc, costs: draws.costs.map((c) => c.subarray(from, to)), effects: draws.effects.map((e) => e.subarray(from, to)) });
      progress(to, n);
    }
    return finishPsa(acc);
  } catch {
    return analyzePsa({ ...draws, lambdas, currency });
  }
}

/** `psa`: CEAC, CEAF and EVPI from draws. */
export function psaCommand(io: CommandIo): Command {
  return withOutput(
    withCsvInput(
      new Command("psa")
        .summary("CEAC, CEAF and EVPI from PSA draws")
        .description(DESCRIPTION)
        .argument("<draws>", "draws in long form (.csv or .tsv)")
        .requiredOption("--lambdas <grid>", "willingness-to-pay values: from:to:step or a list")
        .requiredOption("--currency <code>", "currency of the costs (ISO 4217, e.g. CNY): required, none is assumed")
        .option("--svg <file>", "write the CEAC plot (SVG; PNG when the name ends in .png)")
        .option("--progress", "show progress on standard error even when it is not a terminal"),
    ),
  ).action(async (file: string, o: OutputOptions & { lambdas: string; currency: string; svg?: string; progress?: boolean; delimiter?: string; decimal?: string }) => {
    const format = outputFormat(o);
    const lambdas = parseLambdas(o.lambdas);
    const bar = progressBar({ label: "psa", unit: "draws", enabled: o.progress, tty: io.stderrIsTty ?? false });
    let result;
    let draws: Draws;
    try {
      draws = readDraws(file, dialectOptions(o));
      const d = draws;
      result = blame(file, () => analyzeWithProgress(d, lambdas, o.currency, (done, total) => bar.update(done, total, { patients: `${lambdas.length} λ` })));
    } finally {
      bar.stop();
    }
    if (o.svg !== undefined) {
      writePlot(o.svg, ceacSvg(result));
    }
    await io.out(render({ title: `PSA over ${result.draws} draws (${result.currency})`, ...ceacTable(result, draws.strategies), json: result }, format));
  });
}
