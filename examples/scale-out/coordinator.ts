// The coordinator of the scale-out example: splits an NDJSON cohort into shards by
// patient id, enqueues one BullMQ job per shard (job id = run id + shard id, so enqueueing
// twice adds nothing), waits until every shard's totals are written, and merges them with
// mergeCohortTotals. The shard results are keyed by shard id and written once, so the
// merge sees each shard exactly once however often a job ran.
//   Run: REDIS_URL=redis://127.0.0.1:6379 npx tsx examples/scale-out/coordinator.ts cohort.ndjson 8
import { readFileSync } from "node:fs";
import { Queue } from "bullmq";
import { cohortTotalsFromJSON, cohortTotalsToJSON, mergeCohortTotals, type CohortTotals } from "../../src/index.js";
import { queueName, redisClient, redisOptions, resultKey, runKey, type RunDocument, type ShardJob, shardOf } from "./shared.js";

export interface QueueRunOptions extends RunDocument {
  /** The run's id: names its jobs and results (reuse it to resume a run). */
  readonly runId: string;
  /** The cohort as NDJSON text. */
  readonly ndjson: string;
  readonly shards: number;
  /** Give up after this long (ms). */
  readonly timeoutMs?: number;
}

export interface QueueRunResult {
  readonly totals: CohortTotals;
  readonly shards: number;
  /** Attempts per shard job (more than 1: the shard was retried). */
  readonly attempts: Record<string, number>;
  readonly ms: { readonly enqueue: number; readonly settle: number; readonly merge: number };
}

/** Splits NDJSON lines into shards by a hash of the patient id, keeping file order in each shard. */
export function splitByPatient(ndjson: string, shards: number): string[][] {
  const out: string[][] = Array.from({ length: shards }, () => []);
  const lines = ndjson.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    let id: string | null = null;
    try {
      const r = JSON.parse(line) as { patientId?: unknown } | null;
      id = r !== null && typeof r === "object" && typeof r.patientId === "string" ? r.patientId : null;
    } catch {
      id = null;
    }
    out[shardOf(id, i + 1, shards)]!.push(line);
  }
  return out;
}

/** Settles a cohort on the queue's workers and merges the shards' totals. */
export async function settleOnQueue(o: QueueRunOptions): Promise<QueueRunResult> {
  const t0 = performance.now();
  const redis = await redisClient();
  const queue = new Queue<ShardJob>(queueName(), { connection: redisOptions() });
  try {
    await redis.set(runKey(o.runId), JSON.stringify({ contract: o.contract, plan: o.plan, asOf: o.asOf }), "NX");
    const parts = splitByPatient(o.ndjson, o.shards);
    const ids = parts.map((_, k) => `s${String(k).padStart(4, "0")}`);
    await queue.addBulk(
      parts.map((lines, k) => ({
        name: "shard",
        data: { runId: o.runId, shardId: ids[k]!, ndjson: lines.join("\n") },
        opts: { jobId: `${o.runId}.${ids[k]}`, attempts: 5, backoff: { type: "fixed", delay: 200 }, removeOnComplete: false, removeOnFail: false },
      })),
    );
    const t1 = performance.now();
    const deadline = Date.now() + (o.timeoutMs ?? 300_000);
    let results: (string | null)[] = [];
    for (;;) {
      results = await redis.mget(...ids.map((id) => resultKey(o.runId, id)));
      if (results.every((r) => r !== null)) break;
      const failed = await queue.getFailed();
      const ours = failed.filter((j) => j.data.runId === o.runId && j.attemptsMade >= (j.opts.attempts ?? 1));
      if (ours.length > 0) throw new Error(`shard ${ours[0]!.data.shardId} failed: ${ours[0]!.failedReason}`);
      if (Date.now() > deadline) throw new Error(`timed out: ${results.filter((r) => r === null).length} of ${ids.length} shards missing`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const t2 = performance.now();
    const totals = mergeCohortTotals(results.map((r) => cohortTotalsFromJSON(JSON.parse(r!))));
    const t3 = performance.now();
    const attempts: Record<string, number> = Object.create(null);
    for (const id of ids) {
      const job = await queue.getJob(`${o.runId}.${id}`);
      attempts[id] = job ? Math.max(1, job.attemptsMade + (job.stalledCounter ?? 0)) : 0;
    }
    return { totals, shards: ids.length, attempts, ms: { enqueue: t1 - t0, settle: t2 - t1, merge: t3 - t2 } };
  } finally {
    await queue.close();
    await redis.quit();
  }
}

if (process.argv[1]?.endsWith("coordinator.ts")) {
  const [file, shards = "8"] = process.argv.slice(2);
  if (!file) throw new Error("usage: coordinator.ts <cohort.ndjson> [shards]");
  const data = (f: string) => JSON.parse(readFileSync(new URL(`../data/${f}`, import.meta.url), "utf8"));
  const r = await settleOnQueue({ runId: `run-${Date.now()}`, ndjson: readFileSync(file, "utf8"), shards: Number(shards), contract: data("k1-contract.json"), plan: data("cart-layers.json"), asOf: "2026-12-31" });
  console.log(JSON.stringify({ totals: cohortTotalsToJSON(r.totals), ms: r.ms, attempts: r.attempts }, null, 2));
}
