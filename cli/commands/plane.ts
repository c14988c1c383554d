import { Command } from "commander";
import { writePlot } from "../png.js";
import { cePlaneSvg, runModelPsa, type RunModelPsaInput } from "../../src/index.js";
import { type CommandIo, type OutputOptions, countArg, dialectOptions, naturalArg, numberArg, outputFormat, withCsvInput, withOutput } from "../command.js";
import { type Draws, readDraws } from "../draws.js";
import { blame, CliError, readJson, render, UsageError } from "../io.js";

const DESCRIPTION = `The cost-effectiveness plane: incremental cost against incremental effect, one point per PSA draw.

Reads PSA draws in long form (CSV/TSV strategy,cost,effect[,draw], as psa takes them or model --draws-out
writes them), or a decision document (JSON; its PSA is run first, --draws/--seed override it). Writes the SVG
to --svg FILE, or to standard output when --svg is not given and no other format is asked for; prints per
comparison the mean incremental cost and effect, and with --lambda the share of draws below the
willingness-to-pay line (cost-effective) and in each quadrant.`;

/** Share of draws per quadrant of the plane, and below the λ line. */
function comparisons(d: Draws, ref: number, lambda: number | undefined) {
  return d.strategies.flatMap((name, s) => {
    if (s === ref) return [];
    const n = d.costs[s]!.length;
    let dc = 0;
    let de = 0;
    const q = { ne: 0, nw: 0, se: 0, sw: 0 };
    let below = 0;
    for (let k = 0; k < n; k++) {
      const c = d.costs[s]![k]! - d.costs[ref]![k]!;
      const e = d.effects[s]![k]! - d.effects[ref]![k]!;
      dc += c;
      de += e;
      q[e >= 0 ? (c >= 0 ? "ne" : "se") : c >= 0 ? "nw" : "sw"] += 1;
      if (lambda !== undefined && lambda * e - c >= 0) below += 1;
    }
    return [{ strategy: name, reference: d.strategies[ref]!, meanDeltaCost: dc / n, meanDeltaEffect: de / n, shareNE: q.ne / n, shareNW: q.nw / n, shareSE: q.se / n, shareSW: q.sw / n, shareCostEffective: lambda === undefined ? null : below / n, draws: n }];
  });
}

/** `plane`: the CE plane as SVG, with a summary of the comparisons. */
export function planeCommand(io: CommandIo): Command {
  return withOutput(
    withCsvInput(
      new Command("plane")
        .summary("cost-effectiveness plane (SVG) from PSA draws or a decision model")
        .description(DESCRIPTION)
        .argument("<input>", "draws (.csv/.tsv) or a decision document (.json)")
        .option("--svg <file>", "write the plane to this file (SVG; PNG when the name ends in .png)")
        .option("--lambda <wtp>", "willingness to pay: draws the line ΔC = λ·ΔE", numberArg)
        .option("--reference <strategy>", "plot increments against this strategy (default: the first)")
        .option("--currency <code>", "currency of the costs (draws files; a decision document's cost stream states its own): without one the axis names no currency")
        .option("--effect-label <label>", "name of the effect on the axis", "QALYs")
        .option("--max-points <n>", "at most this many draws per strategy are drawn", countArg)
        .option("--draws <n>", "decision document: PSA draws", countArg)
        .option("--seed <n>", "decision document: PSA seed", naturalArg),
    ),
  ).action(async (file: string, o: OutputOptions & { svg?: string; lambda?: number; reference?: string; currency?: string; effectLabel: string; maxPoints?: number; draws?: number; seed?: number; delimiter?: string; decimal?: string }) => {
    const explicit = o.json || o.csv || o.tsv || o.format !== undefined;
    const format = outputFormat(o);
    let draws: Draws;
    let currency = o.currency;
    if (file.toLowerCase().endsWith(".json")) {
      const doc = readJson(file);
      if (doc === null || typeof doc !== "object" || !Array.isArray((doc as { strategies?: unknown }).strategies)) throw new CliError(`${file}: expected a decision document { "parameters", "strategies": [...], "draws", "seed" }`);
      const psa = blame(file, () => runModelPsa({ ...(doc as RunModelPsaInput), ...(o.draws === undefined ? {} : { draws: o.draws }), ...(o.seed === undefined ? {} : { seed: o.seed }) }));
      draws = psa;
      currency = psa.currency ?? currency;
    } else {
      if (o.draws !== undefined || o.seed !== undefined) throw new UsageError("plane: --draws and --seed apply to a decision document (.json)");
      draws = readDraws(file, dialectOptions(o));
    }
    const ref = o.reference === undefined ? 0 : draws.strategies.indexOf(o.reference);
    if (ref < 0) throw new UsageError(`--reference: "${o.reference}" is not among the strategies (${draws.strategies.join(", ")})`);
    if (draws.strategies.length < 2) throw new CliError(`${file}: the plane needs at least two strategies (found ${draws.strategies.length})`);
    const svg = blame(file, () =>
      cePlaneSvg({
        strategies: draws.strategies,
        costs: draws.costs.map((c) => Array.from(c)),
        effects: draws.effects.map((e) => Array.from(e)),
        reference: draws.strategies[ref]!,
        ...(currency === undefined ? {} : { currency }),
        effectLabel: o.effectLabel,
        ...(o.lambda === undefined ? {} : { lambda: o.lambda }),
        ...(o.maxPoints === undefined ? {} : { maxPoints: o.maxPoints }),
      }),
    );
    if (o.svg !== undefined) writePlot(o.svg, svg);
    else if (!explicit) {
      await io.out(svg.endsWith("\n") ? svg : `${svg}\n`);
      return;
    }
    const rows = comparisons(draws, ref, o.lambda);
    const pct = (x: number | null) => (x === null ? "" : `${(x * 100).toFixed(1)}%`);
    await io.out(
      render(
        {
          title: `Cost-effectiveness plane${currency === undefined ? "" : ` (${currency})`}${o.lambda === undefined ? "" : `, λ = ${o.lambda}`}`,
          columns: ["strategy", "vs", "mean ΔC", "mean ΔE", "NE", "NW", "SE", "SW", "cost-effective"],
          rows: rows.map((r) => [r.strategy, r.reference, r.meanDeltaCost.toFixed(2), r.meanDeltaEffect.toFixed(6), pct(r.shareNE), pct(r.shareNW), pct(r.shareSE), pct(r.shareSW), pct(r.shareCostEffective)]),
          csv: {
            columns: ["strategy", "reference", "mean_delta_cost", "mean_delta_effect", "share_ne", "share_nw", "share_se", "share_sw", "share_cost_effective", "lambda", "draws", "currency"],
            rows: rows.map((r) => [r.strategy, r.reference, r.meanDeltaCost, r.meanDeltaEffect, r.shareNE, r.shareNW, r.shareSE, r.shareSW, r.shareCostEffective, o.lambda ?? null, r.draws, currency ?? null]),
          },
          json: { currency: currency ?? null, lambda: o.lambda ?? null, comparisons: rows, ...(o.svg ? { svg: o.svg } : {}) },
        },
        format,
      ),
    );
  });
}
