// `settle --cohort`: reads the NDJSON file in large blocks of whole lines (shards), settles
// them in this thread or in worker threads, and writes the records in file order. The
// driver is the only place that sees every patient id, so the M6 check (a repeated id is
// an error record, never settled twice) happens here, in file order; a shard is
// recomputed from its records only when it holds a repeat or the --max-errors stop falls
// inside it. Totals are merged with mergeCohortTotals, so any number of workers gives
// the totals of one pass.
import { createReadStream, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import {
  addToCohortTotals,
  emptyCohortTotals,
  mergeCohortTotals,
  prepareCohortSettlement,
  type CohortSettlementError,
  type CohortSettlementRecord,
  type CohortTotals,
  type PreparedCohortSettlement,
} from "../../src/index.js";
import { PatientIds } from "../../src/cohort/patient-ids.js";
import { CliError } from "../io.js";
import { errorLine, repeatedPatientRecord, settleShard, type ShardResult } from "./shard.js";
import type { CohortWorkerData, ShardReply, ShardTask } from "./worker.js";

/** Where the driver writes; `out` may return a promise to apply backpressure. */
export interface CohortIo {
  out(text: string | Uint8Array): void | Promise<void>;
  err(text: string): void;
  readonly stdin: NodeJS.ReadableStream;
}

export interface CohortRunOptions {
  readonly contract: unknown;
  readonly plan?: unknown;
  readonly asOf: string;
  /** The NDJSON file, or "-" for standard input. */
  readonly file: string;
  /** Worker threads; 1 settles in this thread. */
  readonly workers: number;
  /** Stop after this many rejected lines (the records up to the last one are written). */
  readonly maxErrors?: number;
  /** Write the settlement records (false: totals only). */
  readonly records: boolean;
  /** The module that exports `cohortShardTask` (the CLI's entry file) for worker threads. */
  readonly workerModule?: string;
  /** Called with bytes read so far and the total (null for a pipe), for a progress bar. */
  readonly onProgress?: (done: number, total: number | null, patients: number) => void;
}

export interface CohortRunResult {
  readonly totals: CohortTotals;
  /** True when --max-errors stopped the run early. */
  readonly stopped: boolean;
  readonly lastLine: number;
}

const SHARD_BYTES = 1 << 18;

/** Whole-line blocks of about SHARD_BYTES, each with the number of its first line. */
async function* shards(file: string, stdin: NodeJS.ReadableStream, progress: (bytes: number) => void): AsyncGenerator<ShardTask> {
  const input = file === "-" ? stdin : createReadStream(file, { highWaterMark: SHARD_BYTES });
  if (file === "-") (input as NodeJS.ReadStream).setEncoding?.("utf8");
  else (input as ReturnType<typeof createReadStream>).setEncoding("utf8");
  let pending = "";
  let line = 1;
  const take = (text: string): ShardTask => {
    const task = { text, firstLine: line };
    let i = -1;
    let n = 0;
    while ((i = text.indexOf("\n", i + 1)) !== -1) n++;
    line += n;
    return task;
  };
  try {
    for await (const chunk of input as AsyncIterable<string | Buffer>) {
      const s = typeof chunk === "string" ? chunk : chunk.toString("utf8");
      progress(Buffer.byteLength(s));
      const cut = s.lastIndexOf("\n");
      if (cut === -1) {
        pending += s;
        continue;
      }
      const text = pending + s.slice(0, cut + 1);
      pending = s.slice(cut + 1);
      if (text.length >= SHARD_BYTES / 4 || pending.length === 0) yield take(text);
      else pending = text + pending;
    }
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (pending !== "") yield take(pending);
}

/** Settles a cohort file; resolves to the totals (records and error lines are written as they come). */
export async function runCohort(o: CohortRunOptions, io: CohortIo): Promise<CohortRunResult> {
  const prepared: PreparedCohortSettlement = prepareCohortSettlement({ contract: o.contract, asOf: o.asOf, ...(o.plan === undefined ? {} : { plan: o.plan }) });
  let total: number | null = null;
  if (o.file !== "-") {
    try {
      total = statSync(o.file).size;
    } catch (e) {
      throw new CliError(`${o.file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  let bytes = 0;
  let totals = emptyCohortTotals(prepared.currency);
  // A million ids: kept in typed arrays (src/cohort/patient-ids.ts), not a Map of strings.
  const seen = new PatientIds();
  let errorCount = 0;
  let stopped = false;
  let lastLine = 0;
  const report = () => o.onProgress?.(bytes, total, totals.patients + totals.errors);

  /** Takes one shard's result in file order: M6 repeats, error lines, the --max-errors stop, output. */
  const accept = async (r: ShardResult | ShardReply, task: ShardTask): Promise<void> => {
    let replaced: Map<number, CohortSettlementError> | undefined;
    for (let k = 0; k < r.ids.length; k++) {
      const id = r.ids[k]!;
      if (id === null) continue;
      const first = seen.firstOrAdd(id, r.lines[k]!);
      if (first !== -1) (replaced ??= new Map()).set(k, repeatedPatientRecord(id, r.lines[k]!, first));
    }
    // Error positions in order: the shard's own and the repeats found here.
    let errs = r.errors.map((e) => ({ at: e.at, message: e.message }));
    if (replaced) {
      errs = errs.filter((e) => !replaced!.has(e.at));
      for (const [at, rec] of replaced) errs.push({ at, message: errorLine(o.file, rec) });
      errs.sort((a, b) => a.at - b.at);
    }
    let cut = r.ids.length;
    for (const e of errs) {
      io.err(`${e.message}\n`);
      errorCount += 1;
      if (o.maxErrors !== undefined && errorCount >= o.maxErrors) {
        cut = e.at + 1;
        stopped = true;
        break;
      }
    }
    if (!replaced && cut === r.ids.length) {
      totals = mergeCohortTotals([totals, r.totals]);
      const out = "text" in r ? r.text : r.bytes;
      if (o.records && out.length > 0) await io.out(out);
    } else {
      // Slow path (rare): settle the shard again here, with its records, and rebuild its
      // records and totals up to the cut with the repeats replaced.
      const recs = (await settleShard(prepared, task.text, task.firstLine, o.file, true)).text.split("\n").slice(0, cut);
      let part = emptyCohortTotals(prepared.currency);
      const text: string[] = [];
      recs.forEach((t, k) => {
        const rep = replaced?.get(k);
        const rec = rep ?? (JSON.parse(t) as CohortSettlementRecord | CohortSettlementError);
        part = addToCohortTotals({ totals: part, record: rec });
        text.push(rep ? JSON.stringify(rep) : t);
      });
      totals = mergeCohortTotals([totals, part]);
      if (o.records && text.length > 0) await io.out(`${text.join("\n")}\n`);
    }
    lastLine = cut === 0 ? lastLine : r.lines[cut - 1]!;
    report();
  };

  const input = shards(o.file, io.stdin, (n) => (bytes += n));
  if (o.workers <= 1) {
    for await (const task of input) {
      await accept(await settleShard(prepared, task.text, task.firstLine, o.file, o.records), task);
      if (stopped) break;
    }
    return { totals, stopped, lastLine };
  }

  const { Piscina } = await import("piscina");
  const workerData: CohortWorkerData = { contract: o.contract, asOf: o.asOf, file: o.file, records: o.records, ...(o.plan === undefined ? {} : { plan: o.plan }) };
  const pool = new Piscina({
    filename: o.workerModule ?? fileURLToPath(new URL("./worker.ts", import.meta.url)),
    name: "cohortShardTask",
    minThreads: o.workers,
    maxThreads: o.workers,
    workerData,
    idleTimeout: 1000,
  });
  // Keep a few shards in flight per thread; take the results back in file order.
  const inFlight: { task: ShardTask; reply: Promise<ShardReply> }[] = [];
  const limit = o.workers * 3;
  try {
    for await (const task of input) {
      inFlight.push({ task, reply: pool.run(task) as Promise<ShardReply> });
      if (inFlight.length >= limit) {
        const next = inFlight.shift()!;
        await accept(await next.reply, next.task);
        if (stopped) break;
      }
    }
    while (!stopped && inFlight.length > 0) {
      const next = inFlight.shift()!;
      await accept(await next.reply, next.task);
    }
  } finally {
    // Results still in flight after a stop are dropped: nothing of them was written or counted.
    for (const p of inFlight) p.reply.catch(() => undefined);
    await pool.destroy();
  }
  return { totals, stopped, lastLine };
}

/** The default number of worker threads for `--workers auto`. */
export function autoWorkers(): number {
  return Math.max(1, availableParallelism());
}
