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
  readonly records: boolean;
}

/** One task: whole lines of the file, starting at `firstLine`. */
export interface ShardTask {
  readonly text: string;
  readonly firstLine: number;
}

let prepared: PreparedCohortSettlement | undefined;

/** A shard's result as it crosses back to the driver: the records as UTF-8 bytes (a memcpy, not a string re-encoded in the driver). */
export type ShardReply = Omit<ShardResult, "text"> & { readonly bytes: Uint8Array };

/** Settles one shard in a worker thread (piscina calls it by name). */
export async function cohortShardTask(task: ShardTask): Promise<ShardReply> {
  const d = workerData as CohortWorkerData;
  prepared ??= prepareCohortSettlement({ contract: d.contract, asOf: d.asOf, ...(d.plan === undefined ? {} : { plan: d.plan }) });
  const { text, ...rest } = await settleShard(prepared, task.text, task.firstLine, d.file, d.records);
  // The UTF-8 encoding happens here, in parallel, rather than in the driver that writes it.
  return { ...rest, bytes: Buffer.from(text, "utf8") };
}
