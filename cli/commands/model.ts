import { writeFileSync } from "node:fs";
import { Command } from "commander";
import {
  analyzePsa,
  formatMoney,
  frontier,
  runMarkovModel,
  runModelPsa,
  runPartitionedSurvival,
  toFrontierInput,
  type RunMarkovModelInput,
  type RunModelPsaInput,
  type RunPartitionedSurvivalInput,
} from "../../src/index.js";
import { type CommandIo, type OutputOptions, countArg, naturalArg, outputFormat, withOutput } from "../command.js";
import { drawsCsv } from "../draws.js";
import { CliError, neutralise, readJson, render } from "../io.js";
import { progressBar } from "../progress.js";
import { ceacTable, parseLambdas } from "./psa.js";

type Doc = Record<string, unknown>;

/** A single model document: tagged, or recognised by its fields (states → Markov, pfs/os → partitioned survival). */
function modelKind(doc: Doc): "markov" | "partitioned-survival" {
  if (doc.type === "markov" || doc.type === "partitioned-survival") return doc.type;
  if (doc.type !== undefined) throw new CliError(`model: "type" must be "markov" or "partitioned-survival", got ${JSON.stringify(doc.type)}`);
  return "pfs" in doc || "os" in doc ? "partitioned-survival" : "markov";
}

/** Runs one model deterministically (parameters at their base case). */
function runOne(model: Doc, parameters: unknown) {
  const input = parameters === undefined ? model : { ...model, parameters };
  return modelKind(model) === "markov" ? runMarkovModel(input as RunMarkovModelInput) : runPartitionedSurvival(input as RunPartitionedSurvivalInput);
}

const DESCRIPTION = `Run a Markov or partitioned-survival model (JSON), deterministically or as a PSA.

<model> is either one model ({ "type": "markov" | "partitioned-survival", …, "parameters"? }; see docs/models.md)
or a decision document { "parameters", "strategies": [{ "name", "model" }], "draws"?, "seed"?, "costStream"?,
"effectStream"? } as runModelPsa takes it.
Without --psa: the base case (every parameter at its value or its distribution's mean); one model prints its
streams' totals, a decision document its strategies on the cost-effectiveness frontier with ICERs.
With --psa: every strategy over N seeded draws (--draws/--seed override the document); prints the mean cost
and effect per strategy and, with --lambdas, the CEAC and EVPI. --draws-out writes the draws as long-form CSV
(strategy,draw,cost,effect) for the psa and plane commands, or for R.`;

/** `model`: deterministic or PSA runs of the models chapter. */
export function modelCommand(io: CommandIo): Command {
  return withOutput(
    new Command("model")
      .summary("run a Markov / partitioned-survival model (deterministic, or PSA with --psa)")
      .description(DESCRIPTION)
      .argument("<model>", "model or decision document (JSON)")
      .option("--psa", "probabilistic sensitivity analysis over the parameters' distributions")
      .option("--draws <n>", "PSA draws (default: the document's draws)", countArg)
      .option("--seed <n>", "PSA seed 0 … 2^31 − 1 (default: the document's seed)", naturalArg)
      .option("--lambdas <grid>", "PSA: willingness-to-pay values for the CEAC and EVPI (from:to:step or a list)")
      .option("--draws-out <file>", "PSA: write the draws as long-form CSV")
      .option("--progress", "show progress on standard error even when it is not a terminal"),
  ).action(async (file: string, o: OutputOptions & { psa?: boolean; draws?: number; seed?: number; lambdas?: string; drawsOut?: string; progress?: boolean }) => {
    const format = outputFormat(o);
    const raw = readJson(file);
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new CliError(`${file}: expected a model document (a JSON object)`);
    const doc = raw as Doc;
    const isDecision = Array.isArray(doc.strategies);
    const lambdas = o.lambdas === undefined ? undefined : parseLambdas(o.lambdas);
    // Library errors from here on are about this file.
    try {
      if (!o.psa) {
        if (o.draws !== undefined || o.seed !== undefined || o.drawsOut !== undefined || lambdas !== undefined) throw new CliError("model: --draws, --seed, --lambdas and --draws-out need --psa");
        if (!isDecision) {
          const r = runOne(doc, undefined);
          const streams = Object.values(r.streams);
          await io.out(
            render(
              {
                title: `${modelKind(doc) === "markov" ? "Markov" : "Partitioned-survival"} model, ${doc.cycles} cycle(s): stream totals`,
                columns: ["stream", "total", "undiscounted", "discount rate", "currency"],
                rows: streams.map((s) => [s.name, s.money ? formatMoney(s.money.total, { currency: false }) : s.total.toFixed(6), s.money ? formatMoney(s.money.undiscountedTotal, { currency: false }) : s.undiscountedTotal.toFixed(6), String(s.discountRate), s.currency ?? ""]),
                csv: {
                  columns: ["stream", "total", "undiscounted_total", "discount_rate", "currency"],
                  rows: streams.map((s) => [s.name, s.money ? s.money.total.toJSON().amount : s.total, s.money ? s.money.undiscountedTotal.toJSON().amount : s.undiscountedTotal, s.discountRate, s.currency ?? null]),
                },
                json: r,
              },
              format,
            ),
          );
          return;
        }
        const strategies = (doc.strategies as { name: string; model: Doc }[]).map((s, i) => {
          try {
            return { name: s.name, result: runOne(s.model, doc.parameters) };
          } catch (e) {
            // Point the path at the strategy's model in the document.
            const issues = (e as { issues?: { path: (string | number)[] }[] }).issues;
            if (issues) for (const issue of issues) if (issue.path[0] !== "strategies") issue.path.unshift("strategies", i, "model");
            throw e;
          }
        });
        const f = frontier(toFrontierInput({ strategies, ...(typeof doc.costStream === "string" ? { costStream: doc.costStream } : {}), ...(typeof doc.effectStream === "string" ? { effectStream: doc.effectStream } : {}) }));
        await io.out(
          render(
            {
              title: `Base case of ${strategies.length} strateg${strategies.length === 1 ? "y" : "ies"} (${f.currency})`,
              columns: ["strategy", "cost", "effect", "status", "ΔC", "ΔE", "ICER"],
              rows: f.strategies.map((s) => [s.name, formatMoney(s.cost, { currency: false }), s.effect.toFixed(6), s.status, s.incrementalCost ? formatMoney(s.incrementalCost, { currency: false }) : "", s.incrementalEffect ? s.incrementalEffect.toFixed(6) : "", s.icer ? formatMoney(s.icer, { currency: false }) : ""]),
              csv: {
                columns: ["strategy", "cost", "effect", "status", "delta_cost", "delta_effect", "icer", "currency"],
                rows: f.strategies.map((s) => [s.name, s.cost.toJSON().amount, s.effect.toString(), s.status, s.incrementalCost?.toJSON().amount ?? null, s.incrementalEffect?.toString() ?? null, s.icer?.toJSON().amount ?? null, f.currency]),
              },
              json: { strategies: strategies.map((s) => ({ name: s.name, streams: s.result.streams })), frontier: f },
            },
            format,
          ),
        );
        return;
      }
      if (!isDecision) throw new CliError(`${file}: --psa needs a decision document { "parameters", "strategies": [{ "name", "model" }] }`);
      const input = { ...doc, ...(o.draws === undefined ? {} : { draws: o.draws }), ...(o.seed === undefined ? {} : { seed: o.seed }) } as RunModelPsaInput;
      const bar = progressBar({ label: "model psa", unit: "draws", enabled: o.progress, tty: io.stderrIsTty ?? false });
      let psa;
      let ceac;
      try {
        // Per-draw progress from the runner, drawn about 200 times over the run (and at its end).
        let every = 0;
        psa = runModelPsa(input, {
          onProgress: (done, total) => {
            if (every === 0) every = Math.max(1, Math.floor(total / 200));
            if (done % every === 0 || done === total) bar.update(done, total, { patients: lambdas && done === total ? "CEAC and EVPI next" : "" });
          },
        });
        // No currency is assumed (B2): the CEAC and EVPI are money, so the cost stream must state one.
        if (lambdas && psa.currency === undefined) throw new CliError(`${file}: --lambdas needs the currency of the costs: state "currency" on the cost stream of each strategy's model`);
        ceac = lambdas ? analyzePsa({ ...psa, lambdas, currency: psa.currency! }) : undefined;
      } finally {
        bar.stop();
      }
      if (o.drawsOut !== undefined) {
        const d = drawsCsv(psa);
        writeFileSync(o.drawsOut, [d.columns.join(","), ...d.rows.map((r) => r.map(neutralise).join(","))].join("\n") + "\n");
      }
      const m = (x: number, money?: { toJSON(): { amount: string } }) => (money ? formatMoney(money as Parameters<typeof formatMoney>[0], { currency: false }) : x.toFixed(2));
      const summary = {
        title: `PSA of ${psa.strategies.length} strateg${psa.strategies.length === 1 ? "y" : "ies"} over ${psa.draws} draws (seed ${psa.seed}${psa.currency ? `, ${psa.currency}` : ""})`,
        columns: ["strategy", "mean cost", "mean effect"],
        rows: psa.summary.map((s) => [s.name, m(s.meanCost, s.meanCostMoney), s.meanEffect.toFixed(6)]),
        csv: { columns: ["strategy", "mean_cost", "mean_effect", "draws", "seed", "currency"], rows: psa.summary.map((s) => [s.name, s.meanCostMoney ? s.meanCostMoney.toJSON().amount : s.meanCost, s.meanEffect, psa.draws, psa.seed, psa.currency ?? null]) },
      };
      const json = { strategies: psa.strategies, draws: psa.draws, seed: psa.seed, currency: psa.currency, summary: psa.summary, explanation: psa.explanation, ...(ceac ? { ceac } : {}) };
      if (ceac && format !== "json") {
        // CSV/TSV: the CEAC (long form); the table view shows both.
        const table = ceacTable(ceac, psa.strategies);
        await io.out(format === "table" ? render({ ...summary, json }, format) + "\n" + render({ title: `CEAC and EVPI (${ceac.currency})`, ...table, json }, format) : render({ ...table, json }, format));
        return;
      }
      await io.out(render({ ...summary, json }, format));
    } catch (e) {
      (e as { file?: string }).file ??= file;
      throw e;
    }
  });
}
