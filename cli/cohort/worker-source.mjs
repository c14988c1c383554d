// Worker-thread entry when the CLI runs from its TypeScript sources (tests, `npm run cli`):
// Node 20 does not carry a `--import tsx` loader into worker threads, so register it here.
// The built CLI (dist/cli.js) is its own worker module and never loads this file.
import { register } from "tsx/esm/api";

register();
const { cohortShardTask } = await import("./worker.ts");
export { cohortShardTask };
