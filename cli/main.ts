import { runCli } from "./run.js";

const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  stdin: process.stdin,
});
process.exitCode = code;
