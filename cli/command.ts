// Shared pieces of the commands: where they write, the output-format and CSV-dialect
// options every command takes, and option parsers that give usage errors (exit 2).
import { type Command, InvalidArgumentError, Option } from "commander";
import { type CsvDialectOptions, type OutputFormat, UsageError } from "./io.js";

/** Where a command writes, and what it may read. */
export interface CommandIo {
  out(text: string | Uint8Array): void | Promise<void>;
  err(text: string): void;
  readonly stdin: NodeJS.ReadableStream;
  /** True when standard error is a terminal (progress bars are drawn only then, or with --progress). */
  readonly stderrIsTty?: boolean;
  /** The CLI's entry module, which worker threads load (`settle --cohort --workers N`). */
  readonly workerModule?: string;
}

/** The options added by {@link withOutput}. */
export interface OutputOptions {
  readonly json?: boolean;
  readonly csv?: boolean;
  readonly tsv?: boolean;
  readonly format?: string;
}

/** Adds --json, --csv, --tsv and --format to a command. */
export function withOutput(cmd: Command): Command {
  return cmd
    .option("--json", "the library's full result as JSON (explanations included)")
    .option("--csv", "analysis-ready CSV: plain numbers, snake_case headers")
    .option("--tsv", "the same as tab-separated values")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv", "tsv"]));
}

/** The output format chosen (one of --json, --csv, --tsv, --format; default an aligned table). */
export function outputFormat(o: OutputOptions): OutputFormat {
  const chosen = [o.json && "json", o.csv && "csv", o.tsv && "tsv", o.format].filter(Boolean) as OutputFormat[];
  if (new Set(chosen).size > 1) throw new UsageError(`choose one output format: ${chosen.map((f) => `--${f}`).join(", ")}`);
  return chosen[0] ?? "table";
}

/** Adds --delimiter and --decimal (how CSV input is read) to a command. */
export function withCsvInput(cmd: Command): Command {
  return cmd
    .option("--delimiter <d>", "CSV field delimiter: auto (from the header line), comma, semicolon or tab", "auto")
    .option("--decimal <mark>", 'decimal mark in CSV input: auto ("," for semicolon files, else "."), "." or ","', "auto");
}

/** The dialect options from a command's parsed options. */
export function dialectOptions(o: { delimiter?: string; decimal?: string }): CsvDialectOptions {
  return { ...(o.delimiter === undefined ? {} : { delimiter: o.delimiter }), ...(o.decimal === undefined ? {} : { decimal: o.decimal }) };
}

/** A finite number option (`1e+05` accepted), or a usage error. */
export function numberArg(value: string): number {
  const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) throw new InvalidArgumentError(`expected a finite number, got "${value}"`);
  return n;
}

/** A whole-number option ≥ 1, or a usage error. */
export function countArg(value: string): number {
  const n = numberArg(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got "${value}"`);
  return n;
}

/** A whole-number option ≥ 0, or a usage error. */
export function naturalArg(value: string): number {
  const n = numberArg(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${value}"`);
  return n;
}
