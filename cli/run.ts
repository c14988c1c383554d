// The CLI's commands on commander: usage errors (unknown command or option — with a
// did-you-mean —, a missing or extra argument, a bad option value) exit 2; bad data in
// a file exits 1 and names the file and the line or field path; success exits 0.
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { biaCommand } from "./commands/bia.js";
import { icerCommand } from "./commands/icer.js";
import { modelCommand } from "./commands/model.js";
import { planeCommand } from "./commands/plane.js";
import { psaCommand } from "./commands/psa.js";
import type { CommandResult } from "./commands/result.js";
import { settleCommand } from "./commands/settle.js";
import { splitCommand } from "./commands/split.js";
import type { CommandIo } from "./command.js";
import { CliError, describeError, UsageError } from "./io.js";

export type { CommandIo } from "./command.js";

/** The package version (the CLI ships inside the package, one directory below package.json). */
export function cliVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** The program: every command, in help order. */
export function buildProgram(io: CommandIo, result: CommandResult): Command {
  const program = new Command("precision-vbp")
    .description("Value-based payment for precision medicine, from the command line.")
    .version(cliVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.out(s), writeErr: (s) => io.err(s) })
    .addHelpText(
      "after",
      `
Every command takes --json, --csv or --tsv (default: an aligned table) and --help.
CSV input: comma, semicolon (decimal comma, as Excel writes it) or tab, detected from the header line.
Exit status: 0 done, 1 bad input (the message names the file and the line or field path), 2 usage error.`,
    );
  for (const cmd of [icerCommand(io), psaCommand(io), modelCommand(io), planeCommand(io), settleCommand(io, result), splitCommand(io), biaCommand(io)]) {
    cmd.exitOverride().showSuggestionAfterError(true).helpOption("-h, --help", "show help").configureOutput({ writeOut: (s) => void io.out(s), writeErr: (s) => io.err(s) });
    program.addCommand(cmd);
  }
  return program;
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 bad input, 2 usage error). */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const result: CommandResult = { code: 0 };
  const program = buildProgram(io, result);
  if (argv.length === 0) {
    io.err(program.helpInformation());
    return 2;
  }
  if (argv[0] === "help" && argv.length === 1) {
    await io.out(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    const file = e instanceof CliError ? undefined : (e as { file?: unknown })?.file;
    io.err(`${describeError(e, typeof file === "string" ? file : undefined)}\n`);
    return 1;
  }
}
