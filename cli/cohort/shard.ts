// One shard of an NDJSON cohort: a run of whole lines, settled on its own (in the main
// thread or a worker). Settling needs no state across patients except the ids seen, so a
// shard returns the ids and the driver checks repeats in file order (see run-cohort.ts).
import {
  addToCohortTotals,
  emptyCohortTotals,
  formatPath,
  settleCohortTotals,
  type CohortSettlementError,
  type CohortSettlementRecord,
  type CohortTotals,
  type PreparedCohortSettlement,
} from "../../src/index.js";

/** What a shard gives back: its records as NDJSON text, in line order, and their totals. */
export interface ShardResult {
  /** One settlement (or error) record per non-blank line, each followed by "\n" (empty without records). */
  readonly text: string;
  /** Per record: the patient id it names (null when it names none). */
  readonly ids: (string | null)[];
  /** Per record: its line number in the file (from 1). */
  readonly lines: number[];
  /** Per error record: its position among the shard's records and its `file:line: …` message. */
  readonly errors: { readonly at: number; readonly message: string }[];
  readonly totals: CohortTotals;
  /** Lines read (blank ones included), so the driver can number the next shard. */
  readonly lineCount: number;
}

/** A settlement error record for a line that is not JSON. */
export function invalidJsonRecord(line: number, message: string): CohortSettlementError {
  return { patientId: null, index: line, error: { name: "SyntaxError", code: "INVALID_JSON", issues: [{ path: [], code: "invalid_json", message }], message } };
}

/** The stderr line for an error record: `file:line: patient P: path: reason`. */
export function errorLine(file: string, rec: CohortSettlementError): string {
  const detail = rec.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join("; ");
  return `${file}:${rec.index}: ${rec.patientId ? `patient ${rec.patientId}: ` : ""}${detail}`;
}

/** The error record of a patient id already settled earlier in the file (M6: each patient once). */
export function repeatedPatientRecord(id: string, line: number, first: number): CohortSettlementError {
  const message = `patient ${JSON.stringify(id)} was already settled at line ${first}: a cohort settles each patient once`;
  return { patientId: id, index: line, error: { name: "DomainError", code: "INCONSISTENT_INPUT", issues: [{ path: ["patientId"], code: "INCONSISTENT_INPUT", message }], message } };
}

const q = JSON.stringify;

/**
 * `JSON.stringify(record)` for a settlement record, written out field by field: the
 * record's shape is fixed (see recordOf in src/cohort/settle-cohort.ts), so only its
 * strings go through JSON.stringify (for their escapes) rather than the whole object
 * graph being walked. Profiling put the generic stringify at a tenth of a run.
 */
export function recordLine(r: CohortSettlementRecord): string {
  const c = r.contract;
  let lines = "";
  for (let i = 0; i < c.lines.length; i++) {
    const l = c.lines[i]!;
    lines += `${i === 0 ? "" : ","}{"date":${q(l.date)},"kind":${q(l.kind)},"termId":${q(l.termId)},"amount":${q(l.amount)}}`;
  }
  const head = `{"patientId":${q(r.patientId)},"index":${q(r.index)},"currency":${q(r.currency)},"contract":{"gross":${q(c.gross)},"refunded":${q(c.refunded)},"withheld":${q(c.withheld)},"net":${q(c.net)},"lines":[${lines}]}`;
  const s = r.split;
  if (s === undefined) return `${head}}`;
  let layers = "";
  for (let i = 0; i < s.layers.length; i++) layers += `${i === 0 ? "" : ","}{"id":${q(s.layers[i]!.id)},"amount":${q(s.layers[i]!.amount)}}`;
  return `${head},"split":{"bill":${q(s.bill)},"layers":[${layers}],"patient":${q(s.patient)}}}`;
}

const isBlank = (s: string) => s.length === 0 || ((s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) && s.trim() === "");

/**
 * Settles the lines of `text` (whole lines; the first is line `firstLine` of `file`).
 * Blank lines are skipped but counted; a trailing "\r" (CRLF files) is dropped. With
 * `records` false the settled records are not serialised (their text is empty).
 *
 * Runs of good lines go to settleCohortTotals in one call each, so amounts stay bigint
 * minor units from the contract to the totals (no record text read back); a blank line
 * or a line that is not JSON ends a run.
 */
export async function settleShard(prepared: PreparedCohortSettlement, text: string, firstLine: number, file: string, records = true): Promise<ShardResult> {
  const out: string[] = [];
  const ids: (string | null)[] = [];
  const lines: number[] = [];
  const errors: { at: number; message: string }[] = [];
  let totals = emptyCohortTotals(prepared.currency);
  // The current run of parsed lines: its records, its first line, and its first position among the shard's records.
  let run: unknown[] = [];
  let runLine = 0;
  let runAt = 0;
  const onRecord = records ? (r: CohortSettlementRecord) => void out.push(recordLine(r)) : undefined;
  const onError = (e: CohortSettlementError) => {
    errors.push({ at: runAt + (e.index - runLine), message: errorLine(file, e) });
    if (records) out.push(JSON.stringify(e));
  };
  const flush = async () => {
    if (run.length === 0) return;
    totals = await settleCohortTotals({ settlement: prepared, patients: run, totals, firstIndex: runLine, onError, ...(onRecord ? { onRecord } : {}) });
    run = [];
  };
  let line = firstLine - 1;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let raw = text.slice(start, end);
    start = end + 1;
    line += 1;
    if (raw.charCodeAt(raw.length - 1) === 13) raw = raw.slice(0, -1);
    if (isBlank(raw)) {
      await flush();
      continue;
    }
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (e) {
      await flush();
      const rec = invalidJsonRecord(line, `invalid JSON: ${(e as Error).message}`);
      errors.push({ at: ids.length, message: errorLine(file, rec) });
      totals = addToCohortTotals({ totals, record: rec });
      if (records) out.push(JSON.stringify(rec));
      ids.push(null);
      lines.push(line);
      continue;
    }
    if (run.length === 0) {
      runLine = line;
      runAt = ids.length;
    }
    run.push(record);
    const pid = record !== null && typeof record === "object" ? (record as { patientId?: unknown }).patientId : undefined;
    ids.push(typeof pid === "string" ? pid : null);
    lines.push(line);
  }
  await flush();
  return { text: out.length === 0 ? "" : `${out.join("\n")}\n`, ids, lines, errors, totals, lineCount: line - firstLine + 1 };
}
