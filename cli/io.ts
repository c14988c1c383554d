// File reading, CSV parsing and output formatting for the CLI. Errors name the file,
// the line and the field, so an analyst can fix the input without reading code.
import { readFileSync } from "node:fs";
import { formatPath, isLibraryError, ValidationError } from "../src/index.js";

/** An error the CLI reports as `file:line: reason` and exits 1 on. */
export class CliError extends Error {
  override readonly name = "CliError";
}

/** Reads a whole file as UTF-8 text (`-` reads standard input). */
export function readText(file: string): string {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Parses a JSON file, reporting the line of a syntax error. */
export function readJson(file: string): unknown {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split("\n").length : undefined;
    throw new CliError(`${file}${line ? `:${line}` : ""}: invalid JSON: ${(e as Error).message}`);
  }
}

/** One CSV record with the line it started on. */
export interface CsvRow {
  readonly line: number;
  readonly values: Record<string, string>;
}

/** RFC 4180 CSV: quoted fields with doubled quotes, commas and newlines inside quotes, CRLF or LF. */
export function parseCsv(text: string, file: string): { header: string[]; rows: CsvRow[] } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = 0;
  const src = text.replace(/^\uFEFF/, "");
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: start, fields });
    fields = [];
    field = "";
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else field += ch;
    i++;
  }
  if (quoted) throw new CliError(`${file}:${start}: unterminated quoted field`);
  if (field !== "" || fields.length > 0) endRecord();
  const [head, ...body] = records;
  if (!head) throw new CliError(`${file}: empty CSV (a header row is required)`);
  const header = head.fields.map((h) => h.trim());
  const rows = body.map((r) => {
    if (r.fields.length !== header.length) {
      throw new CliError(`${file}:${r.line}: expected ${header.length} fields (${header.join(", ")}), found ${r.fields.length}`);
    }
    const values: Record<string, string> = {};
    header.forEach((h, k) => (values[h] = r.fields[k]!.trim()));
    return { line: r.line, values };
  });
  return { header, rows };
}

/** A finite number from a CSV cell, or a CliError naming file, line and column. */
export function csvNumber(row: CsvRow, column: string, file: string): number {
  const raw = row.values[column];
  if (raw === undefined) throw new CliError(`${file}:${row.line}: missing column "${column}"`);
  const n = raw === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(n)) throw new CliError(`${file}:${row.line}: column "${column}": "${raw}" is not a finite number`);
  return n;
}

/** Output formats every command supports. */
export type OutputFormat = "table" | "json" | "csv";

/** A result as rows for table/CSV output, plus the full object for JSON. */
export interface Tabular {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly json: unknown;
  readonly title?: string;
  readonly notes?: readonly string[];
}

const numeric = /^-?[\d,]+(\.\d+)?%?$/;

/**
 * A CSV cell, neutralised against formula injection as OWASP recommends (M7): a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so a
 * spreadsheet shows it as text. Plain numerals (`-582000.00`, `12.5%`) stay numbers.
 */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) && !numeric.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Renders a result in the requested format. */
export function render(result: Tabular, format: OutputFormat): string {
  if (format === "json") return `${JSON.stringify(result.json, null, 2)}\n`;
  if (format === "csv") return `${[result.columns, ...result.rows].map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
  const widths = result.columns.map((c, k) => Math.max(c.length, ...result.rows.map((r) => (r[k] ?? "").length)));
  const fmt = (r: readonly string[]) =>
    r.map((v, k) => (numeric.test(v) ? v.padStart(widths[k]!) : v.padEnd(widths[k]!))).join("  ").trimEnd();
  const out: string[] = [];
  if (result.title) out.push(result.title, "");
  out.push(fmt(result.columns), widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of result.rows) out.push(fmt(r));
  if (result.notes && result.notes.length > 0) out.push("", ...result.notes);
  return `${out.join("\n")}\n`;
}

/** Turns a library error into a CLI message that names the file and the field path. */
export function describeError(e: unknown, file?: string): string {
  const where = file ? `${file}: ` : "";
  if (e instanceof CliError) return e.message;
  if (e instanceof ValidationError) return e.issues.map((i) => `${where}${formatPath(i.path)}: ${i.message}`).join("\n");
  if (isLibraryError(e)) return `${where}${e.message}`;
  return `${where}${(e as Error)?.message ?? String(e)}`;
}
