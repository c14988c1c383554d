import { biaCommand } from "./commands/bia.js";
import { icerCommand } from "./commands/icer.js";
import { psaCommand } from "./commands/psa.js";
import { settleCommand } from "./commands/settle.js";
import { splitCommand } from "./commands/split.js";
import { type Command, type CommandIo, parseCommandArgs } from "./command.js";
import { CliError, describeError } from "./io.js";

/** Every command, in help order. */
export const COMMANDS: Command[] = [icerCommand, psaCommand, settleCommand, splitCommand, biaCommand];

function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "usage: precision-vbp <command> [options] [files]",
    "",
    "Value-based payment for precision medicine, from the command line.",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Every command takes --json or --csv (default: an aligned table) and --help.",
    "Bad input is reported as file:line or file: field.path and exits with status 1.",
  ].join("\n");
}

/** Runs the CLI; returns the exit code (0 ok, 1 bad input, 2 usage error). */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(`${mainUsage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`unknown command "${name}"\n\n${mainUsage()}\n`);
    return 2;
  }
  let args;
  try {
    args = parseCommandArgs(cmd, rest);
  } catch (e) {
    io.err(`${describeError(e)}\n`);
    return 2;
  }
  if (args.help) {
    io.out(`${cmd.usage}\n`);
    return 0;
  }
  try {
    return (await cmd.run(args, io)) ?? 0;
  } catch (e) {
    const file = e instanceof CliError ? undefined : args.positionals[args.positionals.length - 1];
    io.err(`${describeError(e, e instanceof CliError ? undefined : fileFor(e, args.positionals) ?? file)}\n`);
    return e instanceof CliError && /^\w+: missing |usage:/.test(e.message) ? 2 : 1;
  }
}

/** The file a library error most likely came from: the error may carry it, else the last positional. */
function fileFor(e: unknown, positionals: readonly string[]): string | undefined {
  const tagged = (e as { file?: unknown })?.file;
  return typeof tagged === "string" ? tagged : positionals[positionals.length - 1];
}
