import { isMainThread } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { runCli } from "./run.js";

// The same file is the worker threads' module (`settle --cohort --workers N`): piscina
// loads it and calls cohortShardTask; only the main thread runs the CLI.
export { cohortShardTask } from "./cohort/worker.js";

if (isMainThread) {
  const stdout = process.stdout;
  const code = await runCli(process.argv.slice(2), {
    // Large writes wait for a pipe to drain, so a million records stream in bounded memory.
    out: (t) => (stdout.write(t) ? undefined : new Promise<void>((resolve) => stdout.once("drain", () => resolve()))),
    err: (t) => void process.stderr.write(t),
    stdin: process.stdin,
    stderrIsTty: Boolean(process.stderr.isTTY),
    workerModule: import.meta.url.endsWith(".ts") ? fileURLToPath(new URL("./cohort/worker-source.mjs", import.meta.url)) : fileURLToPath(import.meta.url),
  });
  process.exitCode = code;
}
