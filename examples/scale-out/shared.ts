// What the coordinator and the workers of the scale-out example agree on: the queue, the
// Redis keys, and how a shard's totals travel (cohortTotalsToJSON / cohortTotalsFromJSON).

/** The settlement every shard of a run applies: the same contract, plan and as-of date. */
export interface RunDocument {
  readonly contract: unknown;
  readonly plan?: unknown;
  readonly asOf: string;
}

/** One job: a shard of NDJSON patients of one run. */
export interface ShardJob {
  readonly runId: string;
  readonly shardId: string;
  /** The shard's patients, NDJSON, in file order. */
  readonly ndjson: string;
}

/** The queue's name (VBP_QUEUE, read when called; one queue may carry many runs). */
export const queueName = (): string => process.env.VBP_QUEUE ?? "vbp-cohort-shards";

/** Where the run's document is stored (written once by the coordinator). */
export const runKey = (runId: string) => `vbp:run:${runId}:document`;

/** Where a shard's totals are stored: written once (SET NX), so a retried shard never counts twice. */
export const resultKey = (runId: string, shardId: string) => `vbp:run:${runId}:shard:${shardId}`;

/** The Redis connection options from REDIS_URL (redis://host:port). */
export function redisOptions(): { host: string; port: number } {
  const url = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  return { host: url.hostname, port: Number(url.port || 6379) };
}

/** The few Redis commands the example uses beyond BullMQ. */
export interface MiniRedis {
  set(key: string, value: string, nx: "NX"): Promise<"OK" | null>;
  get(key: string): Promise<string | null>;
  mget(...keys: string[]): Promise<(string | null)[]>;
  quit(): Promise<unknown>;
}

/** A plain Redis client (ioredis, which BullMQ drives too; loaded at run time). */
export async function redisClient(): Promise<MiniRedis> {
  const name = "ioredis";
  const mod = (await import(name)) as { Redis: new (o: object) => MiniRedis };
  return new mod.Redis({ ...redisOptions(), maxRetriesPerRequest: null });
}

/**
 * The shard of a patient: a hash of its id, so a repeated id always lands in the same
 * shard, where settleCohort reports it (M6) — across shards nothing could.
 */
export function shardOf(patientId: string | null, line: number, shards: number): number {
  const key = patientId ?? `line:${line}`;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return (h >>> 0) % shards;
}
