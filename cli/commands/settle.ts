import { Command } from "commander";
import { cohortTotalsToJSON, evaluateContract, formatMoney } from "../../src/index.js";
import { autoWorkers, runCohort } from "../cohort/run-cohort.js";
import { type CommandIo, type OutputOptions, countArg, naturalArg, outputFormat, withOutput } from "../command.js";
import { errorPath, plain, readJson, render, UsageError } from "../io.js";
import { progressBar } from "../progress.js";
import type { CommandResult } from "./result.js";

interface SettleOptions extends OutputOptions {
  asOf: string;
  cohort?: string;
  layers?: string;
  workers?: string;
  maxErrors?: number;
  records: boolean;
  totals?: string;
  progress?: boolean;
}

const DESCRIPTION = `Evaluate an outcome-based contract into a ledger (one patient), or settle a cohort (NDJSON).

One patient: <events> is a JSON array of dated outcome events ([{ "kind": "infusion", "date": "2026-01-15" }, …]);
prints the ledger (payments, withheld with the failed condition, refunds, clawbacks, bonuses) and totals.

Cohort: every line of the NDJSON file is { "patientId", "events": [...], "bill"?, "patient"? }. Writes one
settlement record per line to standard output as NDJSON, in file order and constant memory; with --layers
each patient's bill (default: the net contract payment) is split across the coverage layers. A bad line is
an error record on standard output and a file:line message on standard error as soon as it is found; the
totals go to standard error at the end (and to --totals FILE as JSON). --workers N settles on N worker
threads with exactly the same output and totals. The exit status is 1 when any line was rejected.`;

/** `settle`: one patient's ledger, or a cohort streamed as NDJSON. */
export function settleCommand(io: CommandIo, result: CommandResult): Command {
  return withOutput(
    new Command("settle")
      .summary("evaluate an outcome-based contract into a ledger (one patient, or a cohort as NDJSON)")
      .description(DESCRIPTION)
      .argument("<contract>", "contract document (JSON)")
      .argument("[events]", "events of one patient (JSON array); omit with --cohort")
      .requiredOption("--as-of <date>", "as-of date of the evaluation (YYYY-MM-DD)")
      .option("--cohort <file>", "settle a cohort: patients as NDJSON (- for standard input)")
      .option("--layers <plan>", "coverage plan (JSON) to split each cohort patient's bill")
      .option("--workers <n>", "worker threads for --cohort (a number, or auto for one per core)", "1")
      .option("--max-errors <n>", "stop a cohort after N rejected lines (exit status 1)", naturalArg)
      .option("--no-records", "cohort: write no settlement records, only the totals")
      .option("--totals <file>", "cohort: also write the totals as JSON to this file")
      .option("--progress", "cohort: show progress on standard error even when it is not a terminal"),
  ).action(async (contractFile: string, eventsFile: string | undefined, o: SettleOptions) => {
    const format = outputFormat(o);
    const contract = readJson(contractFile);
    if (o.cohort !== undefined) {
      if (eventsFile !== undefined) throw new UsageError(`settle: give either <events> or --cohort, not both`);
      if (format !== "table" && format !== "json") throw new UsageError(`settle --cohort writes NDJSON records; --${format} applies to one patient`);
      const workers = o.workers === "auto" ? autoWorkers() : countArg(o.workers ?? "1");
      const plan = o.layers === undefined ? undefined : readJson(o.layers);
      const bar = progressBar({ label: "settling", unit: "MiB", enabled: o.progress, tty: io.stderrIsTty ?? false });
      let run;
      try {
        run = await runCohort(
          {
            contract,
            ...(plan === undefined ? {} : { plan }),
            asOf: o.asOf,
            file: o.cohort,
            workers,
            records: o.records,
            ...(o.maxErrors === undefined ? {} : { maxErrors: o.maxErrors }),
            ...(io.workerModule ? { workerModule: io.workerModule } : {}),
            onProgress: (done, total, patients) => bar.update(Math.round(done / 2 ** 20), total === null ? null : Math.max(1, Math.round(total / 2 ** 20)), { patients: `${patients} patients` }),
          },
          io,
        );
      } catch (e) {
        const path = errorPath(e);
        if (path[0] === "asOf") throw new UsageError(`--as-of: ${(e as Error).message.replace(/^.*— /, "")}`);
        (e as { file?: string }).file ??= path[0] === "plan" && o.layers ? o.layers : contractFile;
        throw e;
      } finally {
        bar.stop();
      }
      const t = cohortTotalsToJSON(run.totals);
      if (run.stopped) io.err(`stopped after ${run.totals.errors} rejected line(s) (--max-errors ${o.maxErrors}) at line ${run.lastLine}; the totals cover lines 1–${run.lastLine}\n`);
      io.err(`settled ${t.patients} patient(s), ${t.errors} rejected; net ${t.currency} ${t.net}\n`);
      io.err(`totals: ${JSON.stringify(t)}\n`);
      if (o.totals !== undefined) {
        const { writeFileSync } = await import("node:fs");
        writeFileSync(o.totals, `${JSON.stringify(t, null, 2)}\n`);
      }
      result.code = run.totals.errors > 0 ? 1 : 0;
      return;
    }
    if (eventsFile === undefined) throw new UsageError(`settle: missing the events file (or --cohort FILE)`);
    const events = readJson(eventsFile);
    let ledger;
    try {
      ledger = evaluateContract(contract as Parameters<typeof evaluateContract>[0], events, o.asOf);
    } catch (e) {
      const path = errorPath(e);
      if (path[0] === "asOf") throw new UsageError(`--as-of: ${(e as Error).message}`);
      (e as { file?: string }).file = path[0] === "events" ? eventsFile : contractFile;
      throw e;
    }
    const m = (x: Parameters<typeof formatMoney>[0]) => formatMoney(x, { currency: false });
    const t = ledger.totals;
    const reason = (l: (typeof ledger.lines)[number]) =>
      l.failedCondition ? `"${l.failedCondition.condition}" failed${l.failedCondition.event ? `: ${l.failedCondition.event.kind} on ${l.failedCondition.event.date}` : ""}` : "";
    await io.out(
      render(
        {
          title: `Contract ${ledger.contractId}${ledger.version ? ` (version ${ledger.version})` : ""} as of ${ledger.asOf} (${ledger.currency})`,
          columns: ["date", "kind", "term", "amount", "withheld", "reason"],
          rows: [
            ...ledger.lines.map((l) => [l.date, l.kind, l.termId, m(l.amount), l.withheld ? m(l.withheld) : "", reason(l)]),
            ["", "gross", "", m(t.gross), "", ""],
            ["", "refunded", "", m(t.refunded), "", ""],
            ["", "net", "", m(t.net), m(t.withheld), ""],
          ],
          csv: {
            columns: ["row_type", "date", "kind", "term", "amount", "withheld", "reason", "currency"],
            rows: [
              ...ledger.lines.map((l) => ["line", l.date, l.kind, l.termId, plain(l.amount), l.withheld ? plain(l.withheld) : null, reason(l) || null, ledger.currency]),
              ["total", null, "gross", null, plain(t.gross), null, null, ledger.currency],
              ["total", null, "refunded", null, plain(t.refunded), null, null, ledger.currency],
              ["total", null, "net", null, plain(t.net), plain(t.withheld), null, ledger.currency],
            ],
          },
          json: ledger,
        },
        format,
      ),
    );
  });
}

