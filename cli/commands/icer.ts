import { Command } from "commander";
import { writePlot } from "../png.js";
import { formatMoney, frontier, frontierSvg, optimalStrategy } from "../../src/index.js";
import { type CommandIo, type OutputOptions, dialectOptions, numberArg, outputFormat, withCsvInput, withOutput } from "../command.js";
import { blame, CliError, type CsvDialectOptions, csvDecimal, readCsv, readJson, render, requireColumns } from "../io.js";

/** Reads strategies from CSV/TSV (name,cost,effect[,currency]) or a frontier-input JSON document. */
function readStrategies(file: string, currency: string | undefined, dialect: CsvDialectOptions): unknown {
  if (file.toLowerCase().endsWith(".json")) return readJson(file);
  const t = readCsv(file, dialect);
  requireColumns(t, ["name", "cost", "effect"], "name,cost,effect[,currency]");
  return {
    strategies: t.rows.map((r) => {
      const effect = csvDecimal(t, r, "effect");
      const amount = csvDecimal(t, r, "cost");
      // No currency is assumed (B2): a row without one needs --currency.
      const code = r.values.currency || currency;
      if (code === undefined) throw new CliError(`${file}:${r.line}: the cost has no currency: add a currency column or pass --currency`);
      return { name: r.values.name ?? "", cost: { amount, currency: code }, effect };
    }),
  };
}

const DESCRIPTION = `Cost-effectiveness frontier with statuses and ICERs.

Reads strategies (CSV/TSV columns name,cost,effect[,currency], or JSON { "strategies": [{ "name", "cost": { "amount", "currency" }, "effect" }] })
and prints every strategy's status (ND non-dominated, D dominated, ED extendedly dominated) with
incremental cost, effect and ICER against the previous ND strategy. --lambda names the optimal
strategy at that willingness to pay; --svg writes the frontier plot.`;

/** `icer`: the cost-effectiveness frontier. */
export function icerCommand(io: CommandIo): Command {
  return withOutput(
    withCsvInput(
      new Command("icer")
        .summary("cost-effectiveness frontier with statuses and ICERs")
        .description(DESCRIPTION)
        .argument("<strategies>", "strategies (.csv, .tsv or .json)")
        .option("--lambda <wtp>", "willingness to pay per unit of effect", numberArg)
        .option("--currency <code>", "currency of CSV costs without a currency column (required then)")
        .option("--svg <file>", "write the frontier plot (SVG; PNG when the name ends in .png)"),
    ),
  ).action(async (file: string, o: OutputOptions & { lambda?: number; currency?: string; svg?: string; delimiter?: string; decimal?: string }) => {
    const format = outputFormat(o);
    const input = readStrategies(file, o.currency, dialectOptions(o));
    const result = blame(file, () => frontier(input as Parameters<typeof frontier>[0]));
    const optimal = o.lambda === undefined ? undefined : optimalStrategy({ frontier: result, lambda: { amount: String(o.lambda), currency: result.currency } });
    const note = (s: (typeof result.strategies)[number]) =>
      s.status === "D" ? `dominated by ${s.dominatedBy}` : s.status === "ED" ? `extendedly dominated by ${s.extendedlyDominatedBy?.join(" and ")}` : s.reference ? `vs ${s.reference}` : "reference";
    if (o.svg !== undefined) {
      writePlot(o.svg, frontierSvg(result));
    }
    await io.out(
      render(
        {
          title: `Cost-effectiveness frontier (${result.currency})`,
          columns: ["strategy", "cost", "effect", "status", "ΔC", "ΔE", "ICER", "note"],
          rows: result.strategies.map((s) => [
            s.name,
            formatMoney(s.cost, { currency: false }),
            s.effect.toString(),
            s.status,
            s.incrementalCost ? formatMoney(s.incrementalCost, { currency: false }) : "",
            s.incrementalEffect ? s.incrementalEffect.toString() : "",
            s.icer ? formatMoney(s.icer, { currency: false }) : "",
            note(s),
          ]),
          csv: {
            columns: ["strategy", "cost", "effect", "status", "delta_cost", "delta_effect", "icer", "reference", "is_optimal", "currency"],
            rows: result.strategies.map((s) => [
              s.name,
              s.cost.toJSON().amount,
              s.effect.toString(),
              s.status,
              s.incrementalCost ? s.incrementalCost.toJSON().amount : null,
              s.incrementalEffect ? s.incrementalEffect.toString() : null,
              s.icer ? s.icer.toJSON().amount : null,
              s.status === "D" ? (s.dominatedBy ?? null) : s.status === "ED" ? (s.extendedlyDominatedBy?.join(";") ?? null) : (s.reference ?? null),
              optimal ? optimal.name === s.name : null,
              result.currency,
            ]),
          },
          json: optimal ? { ...result, optimal } : result,
          notes: optimal ? [optimal.explanation.map((s) => s.text).join(" ")] : [],
        },
        format,
      ),
    );
  });
}
