import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import {
  addToCohortTotals,
  cohortTotalsToJSON,
  emptyCohortTotals,
  evaluateContract,
  formatMoney,
  formatPath,
  isCohortSettlementError,
  prepareCohortSettlement,
  settleCohortPatient,
  type CohortSettlementError,
  type CohortSettlementRecord,
} from "../../src/index.js";
import { type Command, positional } from "../command.js";
import { CliError, readJson, render } from "../io.js";

/** NDJSON lines with their line numbers; blank lines are skipped. */
async function* ndjsonLines(file: string, stdin: NodeJS.ReadableStream): AsyncGenerator<{ line: number; text: string }> {
  const input = file === "-" ? stdin : createReadStream(file, { encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim() !== "") yield { line, text };
    }
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** A settlement error record for a line that is not JSON. */
function invalidJson(line: number, message: string): CohortSettlementError {
  return { patientId: null, index: line, error: { name: "SyntaxError", code: "INVALID_JSON", issues: [{ path: [], code: "invalid_json", message }], message } };
}

export const settleCommand: Command = {
  name: "settle",
  summary: "evaluate an outcome-based contract into a ledger (one patient, or a cohort as NDJSON)",
  usage: `usage: precision-vbp settle <contract.json> <events.json> --as-of YYYY-MM-DD [--json|--csv]
       precision-vbp settle <contract.json> --cohort <patients.ndjson|-> --as-of YYYY-MM-DD [--layers plan.json]

One patient: <events.json> is an array of dated outcome events ([{ "kind": "infusion", "date": "2026-01-15" }, …]);
prints the ledger (payments, withheld with the failed condition, refunds, clawbacks, bonuses) and totals.

Cohort: every line of the NDJSON file is { "patientId", "events": [...], "bill"?, "patient"? }. Writes one
settlement record per line to standard output as NDJSON, in constant memory; with --layers each patient's
bill (default: the net contract payment) is split across the coverage layers. Bad lines are written as
error records and reported on standard error as file:line; the totals go to standard error at the end.
The exit status is 1 when any line was rejected.`,
  options: { "as-of": { type: "string" }, cohort: { type: "string" }, layers: { type: "string" } },
  async run(args, io) {
    const contractFile = positional(this, args, 0, "the contract file");
    const asOf = args.values["as-of"];
    if (typeof asOf !== "string") throw new CliError(`settle: --as-of YYYY-MM-DD is required\n\n${this.usage}`);
    const contract = readJson(contractFile);
    if (typeof args.values.cohort === "string") {
      const cohortFile = args.values.cohort;
      let prepared;
      try {
        prepared = prepareCohortSettlement({ contract, asOf, ...(typeof args.values.layers === "string" ? { plan: readJson(args.values.layers) } : {}) });
      } catch (e) {
        (e as { file?: string }).file = (e as { path?: unknown[] }).path?.[0] === "plan" ? (args.values.layers as string) : contractFile;
        throw e;
      }
      let totals = emptyCohortTotals(prepared.currency);
      const problems: string[] = [];
      const seen = new Map<string, number>();
      for await (const { line, text } of ndjsonLines(cohortFile, io.stdin)) {
        let rec: CohortSettlementRecord | CohortSettlementError;
        try {
          const record = JSON.parse(text) as { patientId?: unknown } | null;
          const id = record !== null && typeof record === "object" && typeof record.patientId === "string" ? record.patientId : null;
          const first = id === null ? undefined : seen.get(id);
          if (id !== null && first !== undefined) {
            // M6: as settleCohort does, a repeated patient id is reported, not settled twice.
            const message = `patient ${JSON.stringify(id)} was already settled at line ${first}: a cohort settles each patient once`;
            rec = { patientId: id, index: line, error: { name: "DomainError", code: "INCONSISTENT_INPUT", issues: [{ path: ["patientId"], code: "INCONSISTENT_INPUT", message }], message } };
          } else {
            if (id !== null) seen.set(id, line);
            rec = settleCohortPatient(prepared, record, line);
          }
        } catch (e) {
          rec = invalidJson(line, `invalid JSON: ${(e as Error).message}`);
        }
        if (isCohortSettlementError(rec)) {
          const detail = rec.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join("; ");
          problems.push(`${cohortFile}:${line}: ${rec.patientId ? `patient ${rec.patientId}: ` : ""}${detail}`);
        }
        totals = addToCohortTotals(totals, rec);
        io.out(`${JSON.stringify(rec)}\n`);
      }
      for (const p of problems) io.err(`${p}\n`);
      io.err(`settled ${totals.patients} patient(s), ${totals.errors} rejected; net ${totals.currency} ${cohortTotalsToJSON(totals).net}\n`);
      io.err(`totals: ${JSON.stringify(cohortTotalsToJSON(totals))}\n`);
      return totals.errors > 0 ? 1 : 0;
    }
    const eventsFile = positional(this, args, 1, "the events file (or --cohort FILE)");
    const events = readJson(eventsFile);
    let result;
    try {
      result = evaluateContract(contract as Parameters<typeof evaluateContract>[0], events, asOf);
    } catch (e) {
      const path = (e as { issues?: { path: readonly unknown[] }[] }).issues?.[0]?.path ?? (e as { path?: readonly unknown[] }).path ?? [];
      (e as { file?: string }).file = path[0] === "events" ? eventsFile : path[0] === "asOf" ? "--as-of" : contractFile;
      throw e;
    }
    const m = (x: Parameters<typeof formatMoney>[0]) => formatMoney(x, { currency: false });
    const t = result.totals;
    io.out(
      render(
        {
          title: `Contract ${result.contractId}${result.version ? ` (version ${result.version})` : ""} as of ${result.asOf} (${result.currency})`,
          columns: ["date", "kind", "term", "amount", "withheld", "reason"],
          rows: [
            ...result.lines.map((l) => [l.date, l.kind, l.termId, m(l.amount), l.withheld ? m(l.withheld) : "", l.failedCondition ? `"${l.failedCondition.condition}" failed${l.failedCondition.event ? `: ${l.failedCondition.event.kind} on ${l.failedCondition.event.date}` : ""}` : ""]),
            ["", "gross", "", m(t.gross), "", ""],
            ["", "refunded", "", m(t.refunded), "", ""],
            ["", "net", "", m(t.net), m(t.withheld), ""],
          ],
          json: result,
        },
        args.format,
      ),
    );
  },
};
