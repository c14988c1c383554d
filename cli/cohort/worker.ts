// The worker-thread side of `settle --cohort --workers N`: each thread prepares the
// settlement once (contract and plan from workerData) and settles the shards it is given.
import { workerData } from "piscina";
import { prepareCohortSettlement, type PreparedCohortSettlement } from "../../src/index.js";
import { settleShard, type ShardResult } from "./shard.js";

/** What the driver sends each worker once. */
export interface CohortWorkerData {
  readonly contract: unknown;
  readonly plan?: unknown;
  readonly asOf: string;
  readonly file: string;
}

/** One task: whole lines of the file, starting at `firstLine`. */
export interface ShardTask {
  readonly text: string;
  readonly firstLine: number;
}

let prepared: PreparedCohortSettlement | undefined;

/** Settles one shard in a worker thread (piscina calls it by name). */
export function cohortShardTask(task: ShardTask): ShardResult {
  const d = workerData as CohortWorkerData;
  prepared ??= prepareCohortSettlement({ contract: d.contract, asOf: d.asOf, ...(d.plan === undefined ? {} : { plan: d.plan }) });
  return settleShard(prepared, task.text, task.firstLine, d.file);
}
