// File reading, CSV/TSV dialects and output formatting for the CLI. Errors name the file,
// the line and the column, so an analyst can fix the input without reading code.
import { readFileSync } from "node:fs";
import { parse as parseCsvText, CsvError } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import Decimal from "decimal.js";
import { formatPath, isLibraryError, ValidationError } from "../src/index.js";

/** Bad input (a file's content): reported as `file:line: reason`, exit status 1. */
export class CliError extends Error {
  override readonly name = "CliError";
}

/** A usage error (arguments, options): exit status 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
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

/** How a CSV file is read: its field delimiter and its decimal mark. */
export interface CsvDialect {
  readonly delimiter: "," | ";" | "\t";
  readonly decimal: "." | ",";
}

/** The `--delimiter` / `--decimal` options as given (`auto` unless set). */
export interface CsvDialectOptions {
  readonly delimiter?: string;
  readonly decimal?: string;
}

const DELIMITERS: Record<string, CsvDialect["delimiter"]> = { ",": ",", comma: ",", ";": ";", semicolon: ";", tab: "\t", "\t": "\t", "\\t": "\t" };

/** Counts a character in a line outside double quotes. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ch) n++;
  }
  return n;
}

/**
 * The dialect of a CSV file. `--delimiter` wins; else a `.tsv`/`.tab` name means tab;
 * else the header line decides: tabs and no commas or semicolons → tab; semicolons and
 * no commas → semicolon (Excel in locales with a decimal comma); otherwise comma. The
 * decimal mark is `--decimal`, else "," for semicolon files and "." for the others.
 */
export function detectDialect(text: string, file: string, options: CsvDialectOptions = {}): CsvDialect {
  let delimiter: CsvDialect["delimiter"] | undefined;
  if (options.delimiter !== undefined && options.delimiter !== "auto") {
    delimiter = DELIMITERS[options.delimiter];
    if (!delimiter) throw new UsageError(`--delimiter: expected auto, comma, semicolon or tab, got "${options.delimiter}"`);
  } else if (/\.(tsv|tab)$/i.test(file)) delimiter = "\t";
  else {
    const header = text.replace(/^\uFEFF/, "").split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
    const [c, s, t] = [",", ";", "\t"].map((ch) => countOutsideQuotes(header, ch));
    delimiter = t! > 0 && c === 0 && s === 0 ? "\t" : s! > 0 && c === 0 ? ";" : ",";
  }
  let decimal: CsvDialect["decimal"];
  if (options.decimal !== undefined && options.decimal !== "auto") {
    if (options.decimal !== "." && options.decimal !== ",") throw new UsageError(`--decimal: expected auto, "." or ",", got "${options.decimal}"`);
    decimal = options.decimal;
  } else decimal = delimiter === ";" ? "," : ".";
  if (decimal === delimiter) throw new UsageError(`--decimal "${decimal}" cannot be the field delimiter too`);
  return { delimiter, decimal };
}

/** One CSV record with the line it started on. */
export interface CsvRow {
  readonly line: number;
  readonly values: Record<string, string>;
}

/** A parsed CSV file: header, rows, and the dialect it was read in. */
export interface CsvTable {
  readonly file: string;
  readonly header: string[];
  readonly rows: CsvRow[];
  readonly dialect: CsvDialect;
}

/** Reads CSV/TSV (RFC 4180 quoting, CRLF or LF, a UTF-8 BOM) in the detected dialect. */
export function readCsv(file: string, options: CsvDialectOptions = {}): CsvTable {
  return parseCsv(readText(file), file, options);
}

/** Parses CSV text; errors name `file:line`. */
export function parseCsv(text: string, file: string, options: CsvDialectOptions = {}): CsvTable {
  const dialect = detectDialect(text, file, options);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsvText(text, { bom: true, delimiter: dialect.delimiter, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = (e as unknown as { lines?: number }).lines;
      const why = e.code === "CSV_QUOTE_NOT_CLOSED" ? "unterminated quoted field" : e.message.replace(/^Invalid \w+: /, "");
      throw new CliError(`${file}${line ? `:${line}` : ""}: ${why}`);
    }
    throw e;
  }
  const [head, ...body] = records;
  if (!head) throw new CliError(`${file}: empty CSV (a header row is required)`);
  const header = head.record.map((h) => h.trim());
  // A record spanning lines (a quoted newline) starts at its last line minus the newlines in it.
  const startLine = (r: { record: string[]; info: { lines: number } }) => r.info.lines - r.record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
  const rows = body.map((r) => {
    const line = startLine(r);
    if (r.record.length !== header.length) {
      throw new CliError(`${file}:${line}: expected ${header.length} fields (${header.join(", ")}), found ${r.record.length}${dialect.delimiter === "," && r.record.length > header.length ? " (a decimal comma? semicolon files are read with --delimiter semicolon)" : ""}`);
    }
    const values = Object.create(null) as Record<string, string>;
    header.forEach((h, k) => (values[h] = r.record[k]!));
    return { line, values };
  });
  return { file, header, rows, dialect };
}

/** Requires columns in a CSV header, naming the ones missing. */
export function requireColumns(t: CsvTable, columns: readonly string[], hint: string): void {
  const missing = columns.filter((c) => !t.header.includes(c));
  if (missing.length > 0) throw new CliError(`${t.file}:1: missing column${missing.length > 1 ? "s" : ""} ${missing.map((c) => `"${c}"`).join(", ")} (need ${hint})`);
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell's text as a plain numeral (`.` decimal mark), or a reason it is not one. */
function numeral(raw: string, decimal: CsvDialect["decimal"]): string | { reason: string } {
  const s = raw.trim();
  if (s === "") return { reason: "is empty" };
  if (/^(NA|NaN|Inf|-Inf|Infinity|-Infinity|#N\/A|#DIV\/0!)$/i.test(s)) return { reason: "is not a finite number" };
  let t = s;
  if (decimal === ",") {
    if (s.includes(".")) return { reason: `has a "." in a file read with a decimal comma (thousands separators are not accepted; pass --decimal . if "." is the decimal mark)` };
    t = s.replace(",", ".");
  } else if (s.includes(",")) return { reason: "has a comma (thousands separators are not accepted; a decimal comma needs --decimal ,)" };
  if (!PLAIN.test(t)) return { reason: "is not a number" };
  return t;
}

/** A finite number from a CSV cell (R's `1e+05` and, in decimal-comma files, `0,25` accepted). */
export function csvNumber(t: CsvTable, row: CsvRow, column: string): number {
  const raw = row.values[column];
  if (raw === undefined) throw new CliError(`${t.file}:${row.line}: missing column "${column}"`);
  const n = numeral(raw, t.dialect.decimal);
  const value = typeof n === "string" ? Number(n) : Number.NaN;
  if (typeof n !== "string" || !Number.isFinite(value)) throw new CliError(`${t.file}:${row.line}: column "${column}": "${raw}" ${typeof n === "string" ? "is not a finite number" : n.reason}`);
  return value;
}

/** An exact decimal from a CSV cell, as a plain decimal string (`1e+05` → `100000`), never rounded through a float. */
export function csvDecimal(t: CsvTable, row: CsvRow, column: string): string {
  const raw = row.values[column];
  if (raw === undefined) throw new CliError(`${t.file}:${row.line}: missing column "${column}"`);
  const n = numeral(raw, t.dialect.decimal);
  if (typeof n !== "string") throw new CliError(`${t.file}:${row.line}: column "${column}": "${raw}" ${n.reason}`);
  const exp = /[eE]([+-]?\d+)$/.exec(n);
  if (exp && Math.abs(Number(exp[1])) > 30) throw new CliError(`${t.file}:${row.line}: column "${column}": "${raw}" has an exponent beyond ±30`);
  return new Decimal(n).toFixed();
}

/** Output formats every command supports. */
export type OutputFormat = "table" | "json" | "csv" | "tsv";

/** A cell of analysis-ready CSV: plain numerals, booleans as true/false, null as empty. */
export type CsvValue = string | number | boolean | null;

/** A result as a display table, as analysis-ready CSV columns, and as the full object for JSON. */
export interface Tabular {
  /** Display table: formatted cells (thousands separators, percentages). */
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** CSV/TSV: ASCII snake_case headers and plain values; totals flagged in a `row_type` column. */
  readonly csv: { readonly columns: readonly string[]; readonly rows: readonly (readonly CsvValue[])[] };
  readonly json: unknown;
  readonly title?: string;
  readonly notes?: readonly string[];
}

const numeric = /^-?[\d,]+(\.\d+)?%?$/;
const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A CSV cell, neutralised against formula injection as OWASP recommends (M7): text that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so a
 * spreadsheet shows it as text. Numbers (`-582000.00`, `-1e-05`) stay numbers.
 */
export function neutralise(v: CsvValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`internal: a non-finite number ${v} reached the CSV writer`);
    return String(v);
  }
  return /^[=+\-@\t\r]/.test(v) && !plainNumber.test(v) ? `'${v}` : v;
}

/** One neutralised text cell, quoted as RFC 4180 requires (a comma, a quote or a newline inside). */
export function csvCell(v: string): string {
  const safe = neutralise(v);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Renders a result in the requested format. */
export function render(result: Tabular, format: OutputFormat): string {
  if (format === "json") return `${JSON.stringify(result.json, null, 2)}\n`;
  if (format === "csv" || format === "tsv") {
    return stringify([result.csv.columns as string[], ...result.csv.rows.map((r) => r.map(neutralise))], { delimiter: format === "tsv" ? "\t" : ",", record_delimiter: "\n" });
  }
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

/** Turns an error into a CLI message that names the file and the field path. */
export function describeError(e: unknown, file?: string): string {
  const where = file ? `${file}: ` : "";
  if (e instanceof CliError || e instanceof UsageError) return e.message;
  if (e instanceof ValidationError) return e.issues.map((i) => `${where}${formatPath(i.path)}: ${i.message}`).join("\n");
  if (isLibraryError(e)) return `${where}${e.message}`;
  return `${where}${(e as Error)?.message ?? String(e)}`;
}

/** Tags a library error with the file it came from (read by the error reporter). */
export function blame<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e !== null && typeof e === "object" && !(e instanceof CliError) && !(e instanceof UsageError)) (e as { file?: string }).file ??= file;
    throw e;
  }
}

/** The first issue path of a library error (for choosing which input file to blame). */
export function errorPath(e: unknown): readonly unknown[] {
  return (e as { issues?: { path: readonly unknown[] }[] }).issues?.[0]?.path ?? (e as { path?: readonly unknown[] }).path ?? [];
}

/** Money as a plain decimal string (for CSV). */
export const plain = (m: { toJSON(): { amount: string } }): string => m.toJSON().amount;
