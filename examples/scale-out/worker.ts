// A worker process of the scale-out example: takes shard jobs from the BullMQ queue,
// settles each shard with the library, and writes the shard's totals once (SET NX) under
// the shard's id. Killed mid-shard, it has written nothing: the job's lock expires, BullMQ
// moves it back to the queue, another worker settles the shard from the start. Killed
// after the write, the retry finds the key and writes nothing. Either way each patient is
// counted once.   Run: REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/scale-out/worker.ts
import { Worker } from "bullmq";
import { addToCohortTotals, cohortTotalsToJSON, emptyCohortTotals, prepareCohortSettlement, settleCohort, type PreparedCohortSettlement } from "../../src/index.js";
import { queueName, redisClient, redisOptions, resultKey, runKey, type RunDocument, type ShardJob } from "./shared.js";

// Fault injection for the integration test: die (SIGKILL, no clean-up) after this many
// patients of the first shard, or right after writing the first shard's result.
const crashAfterPatients = Number(process.env.VBP_CRASH_AFTER_PATIENTS ?? 0);
const crashAfterWrite = process.env.VBP_CRASH_AFTER_WRITE === "1";

const redis = await redisClient();
const prepared = new Map<string, PreparedCohortSettlement>();
let shardsDone = 0;

async function settleShardJob(job: ShardJob): Promise<{ shardId: string; patients: number; written: boolean }> {
  let p = prepared.get(job.runId);
  if (!p) {
    const doc = await redis.get(runKey(job.runId));
    if (doc === null) throw new Error(`run ${job.runId} has no document`);
    const d = JSON.parse(doc) as RunDocument;
    p = prepareCohortSettlement({ contract: d.contract, asOf: d.asOf, ...(d.plan === undefined ? {} : { plan: d.plan }) });
    prepared.set(job.runId, p);
  }
  const lines = job.ndjson.split("\n").filter((l) => l.trim() !== "");
  async function* patients() {
    for (let i = 0; i < lines.length; i++) {
      if (crashAfterPatients > 0 && shardsDone === 0 && i === crashAfterPatients) process.kill(process.pid, "SIGKILL");
      // Let BullMQ renew the job's lock during a long shard.
      if (i % 500 === 499) await new Promise((r) => setImmediate(r));
      let record: unknown;
      try {
        record = JSON.parse(lines[i]!);
      } catch {
        record = { invalidJson: lines[i] }; // settled as an error record, as the CLI does
      }
      yield record;
    }
  }
  let totals = emptyCohortTotals(p.currency);
  for await (const r of settleCohort({ settlement: p, patients: patients() })) totals = addToCohortTotals({ totals, record: r });
  const written = (await redis.set(resultKey(job.runId, job.shardId), JSON.stringify(cohortTotalsToJSON(totals)), "NX")) === "OK";
  shardsDone += 1;
  if (crashAfterWrite && shardsDone === 1) process.kill(process.pid, "SIGKILL");
  return { shardId: job.shardId, patients: totals.patients + totals.errors, written };
}

const worker = new Worker<ShardJob>(queueName(), async (job) => settleShardJob(job.data), {
  connection: redisOptions(),
  concurrency: 1,
  // Short locks so a killed worker's shard is back in the queue within seconds.
  lockDuration: Number(process.env.VBP_LOCK_MS ?? 4000),
  stalledInterval: Number(process.env.VBP_STALLED_MS ?? 1000),
  maxStalledCount: 3,
});
worker.on("error", (e) => console.error(`worker ${process.pid}: ${e.message}`));
await worker.waitUntilReady();
console.log(`worker ${process.pid} ready`);

const stop = async () => {
  await worker.close();
  await redis.quit();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
