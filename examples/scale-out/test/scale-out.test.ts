// Integration test of the scale-out example against a real redis-server (REDIS_URL, started
// by .ci/steps/scale-out.sh): worker processes settle NDJSON shards from a BullMQ queue,
// the coordinator merges their totals with mergeCohortTotals, and the result equals the
// single-process run to the cent — also when a worker is killed mid-shard or after writing.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addToCohortTotals, cohortTotalsToJSON, emptyCohortTotals, prepareCohortSettlement, settleCohort } from "../../../src/index.js";
import { benchPatients } from "../../../bench/cohort-ndjson.js";
import { settleOnQueue, splitByPatient } from "../coordinator.js";

const root = join(__dirname, "..", "..", "..");
const data = (f: string) => JSON.parse(readFileSync(join(root, "examples", "data", f), "utf8"));
const contract = data("k1-contract.json");
const plan = data("cart-layers.json");
const asOf = "2026-12-31";
const queue = `vbp-test-${process.pid}-${Date.now()}`;

if (!process.env.REDIS_URL) throw new Error("REDIS_URL is not set: run this test through .ci/steps/scale-out.sh, which starts redis-server");

/** A cohort with varied outcomes, a bad line, an unknown event and a repeated patient id. */
function cohort(n: number): string {
  const lines = [...benchPatients(n)].map((p) => JSON.stringify(p));
  lines.splice(17, 0, "not json");
  lines.splice(40, 0, JSON.stringify({ patientId: "X1", events: [{ kind: "teleport", date: "2026-01-01" }] }));
  lines.push(JSON.stringify({ patientId: "P5", events: [{ kind: "infusion", date: "2026-02-01" }] })); // P5 again
  return `${lines.join("\n")}\n`;
}

/** The single-process run: settleCohort over every line in file order. */
async function onePass(ndjson: string) {
  const prepared = prepareCohortSettlement({ contract, plan, asOf });
  const records = ndjson.split("\n").filter((l) => l.trim() !== "").map((l) => {
    try {
      return JSON.parse(l) as unknown;
    } catch {
      return { invalidJson: l };
    }
  });
  let totals = emptyCohortTotals("CNY");
  for await (const r of settleCohort({ settlement: prepared, patients: records })) totals = addToCohortTotals({ totals, record: r });
  return totals;
}

const workers: ChildProcess[] = [];
function startWorker(env: Record<string, string> = {}): { proc: ChildProcess; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; ready: Promise<void> } {
  const proc = spawn(process.execPath, ["--import", "tsx", join(root, "examples", "scale-out", "worker.ts")], {
    cwd: root,
    env: { ...process.env, VBP_QUEUE: queue, NODE_NO_WARNINGS: "1", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  workers.push(proc);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once("exit", (code, signal) => resolve({ code, signal })));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout!.on("data", (b: Buffer) => (b.toString().includes("ready") ? resolve() : undefined));
    proc.once("exit", () => reject(new Error("worker exited before it was ready")));
  });
  ready.catch(() => undefined);
  return { proc, exited, ready };
}

beforeAll(() => {
  process.env.VBP_QUEUE = queue;
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGTERM");
  await Promise.all(workers.map((w) => (w.exitCode === null && w.signalCode === null ? new Promise((r) => w.once("exit", r)) : undefined)));
});

describe("scale-out on BullMQ + Redis", () => {
  it("splits by patient id: every line lands in exactly one shard, a repeated id in the same shard", () => {
    const text = cohort(500);
    const shards = splitByPatient(text, 7);
    expect(shards.flat().sort()).toEqual(text.split("\n").filter((l) => l.trim() !== "").sort());
    const withP5 = shards.filter((s) => s.some((l) => l.includes('"patientId":"P5"')));
    expect(withP5).toHaveLength(1);
  });

  it("3 worker processes, 12 shards, one killed mid-shard and one after its write: totals equal the single-process run to the cent", async () => {
    const text = cohort(30_000);
    const expected = cohortTotalsToJSON(await onePass(text));
    expect(expected.errors).toBe(3);
    const killedMid = startWorker({ VBP_CRASH_AFTER_PATIENTS: "700" });
    const killedAfterWrite = startWorker({ VBP_CRASH_AFTER_WRITE: "1" });
    const steady = startWorker();
    await Promise.all([killedMid.ready, killedAfterWrite.ready, steady.ready]);
    const r = await settleOnQueue({ runId: `t1-${Date.now()}`, ndjson: text, shards: 12, contract, plan, asOf, timeoutMs: 200_000 });
    expect(cohortTotalsToJSON(r.totals)).toEqual(expected);
    expect(r.totals.patients + r.totals.errors).toBe(30_003);
    // Both faulty workers died by SIGKILL, and at least one shard ran more than once.
    expect((await killedMid.exited).signal).toBe("SIGKILL");
    expect((await killedAfterWrite.exited).signal).toBe("SIGKILL");
    expect(Object.values(r.attempts).some((a) => a > 1)).toBe(true);
    console.log(`scale-out: 30,003 lines, 12 shards, 3 workers (2 killed): enqueue ${r.ms.enqueue.toFixed(0)} ms, settle ${r.ms.settle.toFixed(0)} ms, merge ${r.ms.merge.toFixed(1)} ms`);
  });

  it("re-running the same run id enqueues nothing new and gives the same totals (idempotent)", async () => {
    const text = cohort(2_000);
    const expected = cohortTotalsToJSON(await onePass(text));
    const w = startWorker();
    await w.ready;
    const runId = `t2-${Date.now()}`;
    const first = await settleOnQueue({ runId, ndjson: text, shards: 4, contract, plan, asOf, timeoutMs: 120_000 });
    const again = await settleOnQueue({ runId, ndjson: text, shards: 4, contract, plan, asOf, timeoutMs: 120_000 });
    expect(cohortTotalsToJSON(first.totals)).toEqual(expected);
    expect(cohortTotalsToJSON(again.totals)).toEqual(expected);
    expect(Object.values(again.attempts).every((a) => a === 1)).toBe(true);
  });
});
