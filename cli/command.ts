import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError, type OutputFormat } from "./io.js";

/** A CLI command: its help text and how it runs. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  /** Resolves to the exit code (0 when nothing is returned). */
  run(args: ParsedArgs, io: CommandIo): Promise<number | void>;
}

/** Arguments after option parsing. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly format: OutputFormat;
}

/** Where a command writes. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  readonly stdin: NodeJS.ReadableStream;
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  json: { type: "boolean" },
  csv: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parses argv for a command; unknown options are errors. */
export function parseCommandArgs(cmd: Command, argv: readonly string[]): ParsedArgs & { help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...COMMON_OPTIONS, ...cmd.options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${cmd.name}: ${(e as Error).message}\n\n${cmd.usage}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.json && values.csv) throw new CliError(`${cmd.name}: choose one of --json and --csv`);
  const format: OutputFormat = values.json ? "json" : values.csv ? "csv" : "table";
  return { positionals: parsed.positionals, values, format, help: Boolean(values.help) };
}

/** A required positional argument, or a usage error. */
export function positional(cmd: Command, args: ParsedArgs, index: number, what: string): string {
  const v = args.positionals[index];
  if (v === undefined) throw new CliError(`${cmd.name}: missing ${what}\n\n${cmd.usage}`);
  return v;
}

/** A numeric option, or a usage error naming it. */
export function numberOption(cmd: Command, args: ParsedArgs, name: string): number | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== "string" || raw.trim() === "" || !Number.isFinite(n)) throw new CliError(`${cmd.name}: --${name} must be a finite number, got "${String(raw)}"`);
  return n;
}
