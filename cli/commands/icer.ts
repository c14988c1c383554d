import { writeFileSync } from "node:fs";
import { formatMoney, frontier, frontierSvg, optimalStrategy } from "../../src/index.js";
import { type Command, numberOption, positional } from "../command.js";
import { CliError, csvNumber, parseCsv, readJson, readText, render } from "../io.js";

/** Reads strategies from CSV (name,cost,effect) or a frontier-input JSON document. */
function readStrategies(file: string, currency: string): unknown {
  if (file.toLowerCase().endsWith(".json")) return readJson(file);
  const { header, rows } = parseCsv(readText(file), file);
  for (const col of ["name", "cost", "effect"]) if (!header.includes(col)) throw new CliError(`${file}:1: missing column "${col}" (need name,cost,effect)`);
  return {
    strategies: rows.map((r) => {
      csvNumber(r, "effect", file);
      const cost = r.values.cost ?? "";
      if (!/^-?\d+(\.\d+)?$/.test(cost)) throw new CliError(`${file}:${r.line}: column "cost": "${cost}" is not a decimal amount`);
      return { name: r.values.name ?? "", cost: { amount: cost, currency: r.values.currency || currency }, effect: r.values.effect ?? "" };
    }),
  };
}

export const icerCommand: Command = {
  name: "icer",
  summary: "cost-effectiveness frontier with statuses and ICERs",
  usage: `usage: precision-vbp icer <strategies.csv|.json> [--lambda N] [--currency CNY] [--svg FILE] [--json|--csv]

Reads strategies (CSV columns name,cost,effect[,currency], or JSON { "strategies": [{ "name", "cost": { "amount", "currency" }, "effect" }] })
and prints every strategy's status (ND non-dominated, D dominated, ED extendedly dominated) with
incremental cost, effect and ICER against the previous ND strategy. --lambda names the optimal
strategy at that willingness to pay; --svg writes the frontier plot.`,
  options: { lambda: { type: "string" }, currency: { type: "string" }, svg: { type: "string" } },
  async run(args, io) {
    const file = positional(this, args, 0, "the strategies file");
    numberOption(this, args, "lambda");
    const lambda = args.values.lambda as string | undefined;
    const result = frontier(readStrategies(file, (args.values.currency as string | undefined) ?? "CNY") as Parameters<typeof frontier>[0]);
    const optimal = lambda === undefined ? undefined : optimalStrategy(result, { amount: lambda, currency: result.currency });
    const rows = result.strategies.map((s) => [
      s.name,
      formatMoney(s.cost, { currency: false }),
      s.effect.toString(),
      s.status,
      s.incrementalCost ? formatMoney(s.incrementalCost, { currency: false }) : "",
      s.incrementalEffect ? s.incrementalEffect.toString() : "",
      s.icer ? formatMoney(s.icer, { currency: false }) : "",
      s.status === "D" ? `dominated by ${s.dominatedBy}` : s.status === "ED" ? `extendedly dominated by ${s.extendedlyDominatedBy?.join(" and ")}` : s.reference ? `vs ${s.reference}` : "reference",
    ]);
    if (typeof args.values.svg === "string") {
      writeFileSync(
        args.values.svg,
        frontierSvg({ strategies: result.strategies.map((s) => ({ name: s.name, cost: s.cost.amount.toNumber(), effect: s.effect.toNumber(), status: s.status })), currency: result.currency }),
      );
    }
    io.out(
      render(
        {
          title: `Cost-effectiveness frontier (${result.currency})`,
          columns: ["strategy", "cost", "effect", "status", "ΔC", "ΔE", "ICER", "note"],
          rows,
          json: optimal ? { ...result, optimal } : result,
          notes: optimal ? [optimal.explanation.map((s) => s.text).join(" ")] : [],
        },
        args.format,
      ),
    );
  },
};
