/**
 * Shared machinery of the fuzz tests (test/fuzz/*.test.ts).
 *
 * Every public entry point is called with junk (fast-check `anything()` and hand-picked
 * nasty values) and with valid documents that have exactly one field corrupted. The only
 * outcomes allowed are a result that passes {@link scanResult} (no NaN/±Infinity, no
 * `undefined`-valued own property, no untyped error inside) or one of the library's
 * typed errors (`isLibraryError`). Anything else fails the test.
 *
 * Counts per entry point (cases tried / valid / typed errors / unexpected) are kept,
 * and when `FUZZ_REPORT=path` is set they are merged into that JSON file after each
 * test file (a lock directory serialises the parallel vitest workers).
 *
 * Knobs: `FUZZ_SCALE` multiplies every run count (default 1); `FUZZ_SEED` sets the
 * fast-check seed (default fixed, so the counts in docs/quality-fuzz.md reproduce).
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import fc from "fast-check";
import { afterAll, expect, it } from "vitest";
import { isLibraryError } from "../../src/index.js";
import { allCorruptions, clone, corrupt, FUZZ_SCALE, FUZZ_SEED, junk, type Path, pathsOf, runs, scanResult, stableJson } from "./corruption.js";

export * from "./corruption.js";

function describeInput(v: unknown): string {
  try {
    const s = stableJson(v) ?? String(v);
    return s.length > 600 ? `${s.slice(0, 600)}…` : s;
  } catch {
    return Object.prototype.toString.call(v);
  }
}

function inputTextOf(v: unknown): string {
  try {
    return stableJson(v) ?? "";
  } catch {
    return "NaN Infinity undefined"; // unprintable input: skip the text-token checks
  }
}

// ---------------------------------------------------------------------------
// counting

/** Counts of one entry point. */
export interface EntryCounts {
  module: string;
  cases: number;
  valid: number;
  typedErrors: number;
  unexpected: number;
}

const tally = new Map<string, EntryCounts>();

function counts(module: string, name: string): EntryCounts {
  let c = tally.get(name);
  if (!c) {
    c = { module, cases: 0, valid: 0, typedErrors: 0, unexpected: 0 };
    tally.set(name, c);
  }
  return c;
}

/** The counts collected so far in this test file. */
export function fuzzCounts(): ReadonlyMap<string, EntryCounts> {
  return tally;
}

/** True when a value holds `undefined` in an own property or array slot, at any depth. */
function holdsUndefined(v: unknown, seen = new WeakSet<object>()): boolean {
  if (v === null || typeof v !== "object" || seen.has(v) || ArrayBuffer.isView(v)) return false;
  seen.add(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || v[i] === undefined || holdsUndefined(v[i], seen)) return true;
    return false;
  }
  if (v instanceof Map) return [...v.values()].some((x) => x === undefined || holdsUndefined(x, seen));
  if (v instanceof Set) return [...v].some((x) => x === undefined || holdsUndefined(x, seen));
  return Object.keys(v).some((k) => {
    const x = (v as Record<string, unknown>)[k];
    return x === undefined || holdsUndefined(x, seen);
  });
}

/** The outcome of one call; throws (failing the property) on anything not allowed. */
function judge(spec: EntrySpec, args: unknown[], outcome: { ok: true; value: unknown } | { ok: false; error: unknown }): void {
  const { module, name } = spec;
  const c = counts(module, name);
  c.cases++;
  if (outcome.ok) {
    // A pass-through function may hand back the junk it was given; clean input must still give clean output.
    // An `undefined` the input held itself may be echoed (JSON has no undefined: it reads as absent).
    const allowUndefined = holdsUndefined(args);
    const problem = spec.passThrough && scanResult(args) !== null ? null : scanResult(outcome.value, inputTextOf(args), { allowUndefined });
    if (problem === null) {
      c.valid++;
      return;
    }
    c.unexpected++;
    throw new Error(`${name}: bad result (${problem}) for input ${describeInput(args)}`);
  }
  if (isLibraryError(outcome.error)) {
    c.typedErrors++;
    return;
  }
  c.unexpected++;
  const e = outcome.error as { name?: string; message?: string; stack?: string } | null;
  throw new Error(`${name}: untyped throw ${e?.name ?? typeof e}: ${e?.message ?? String(e)} for input ${describeInput(args)}\n${e?.stack ?? ""}`);
}

/** Most time one call may take (FUZZ_CALL_BUDGET_MS, default 5 s on the shared machine): a size bomb must fail fast, not stall. */
const budgetEnv = Number(process.env.FUZZ_CALL_BUDGET_MS ?? 5000);
export const FUZZ_CALL_BUDGET_MS = Number.isFinite(budgetEnv) && budgetEnv > 0 ? budgetEnv : 5000;

function withinBudget(started: number, args: unknown[]): void {
  const ms = performance.now() - started;
  if (ms > FUZZ_CALL_BUDGET_MS) throw new Error(`call took ${Math.round(ms)} ms (budget ${FUZZ_CALL_BUDGET_MS} ms) for input ${describeInput(args)}`);
}

function callSync(fn: (...args: unknown[]) => unknown, args: unknown[]): { ok: true; value: unknown } | { ok: false; error: unknown } {
  const started = performance.now();
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: fn(...args) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  withinBudget(started, args);
  return outcome;
}

async function callAsync(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  const started = performance.now();
  try {
    const value = await fn(...args);
    withinBudget(started, args);
    return { ok: true, value };
  } catch (error) {
    withinBudget(started, args);
    return { ok: false, error };
  }
}

/** Test-side checks one entry point's seeds must pass (a valid result, scanned clean). */
function assertSeedValid(name: string, fn: (...args: unknown[]) => unknown, seed: unknown[]): void {
  const r = callSync(fn, [...seed]);
  if (!r.ok) throw new Error(`${name}: seed input fails: ${String((r.error as Error)?.message ?? r.error)}`);
  expect(scanResult(r.value, inputTextOf(seed))).toBeNull();
}

// ---------------------------------------------------------------------------
// the fuzz tests of one entry point

/** How to fuzz one public function. */
export interface EntrySpec {
  /** The module it belongs to (for the report). */
  readonly module: string;
  /** The exported name. */
  readonly name: string;
  /** Calls the function with an argument list. */
  readonly call: (...args: unknown[]) => unknown;
  /** Number of arguments to generate as junk (default: the seed's length, else 1). */
  readonly arity?: number;
  /** Valid argument lists (each produces a valid result); their fields are corrupted one at a time. */
  readonly seeds?: readonly (readonly unknown[])[];
  /** Junk runs (default 150). */
  readonly junkRuns?: number;
  /** Cap on the exhaustive single-field corruptions per seed (default 1,500; sampled evenly above it). */
  readonly maxCorruptions?: number;
  /** Random single-field corruptions with fast-check junk per seed (default 100). */
  readonly randomNearRuns?: number;
  /**
   * The function stores some arguments verbatim (a record constructor such as `step`,
   * a table's opaque band values): its result is scanned only when the input itself is clean.
   */
  readonly passThrough?: boolean;
  /** The function returns a promise (awaited). */
  readonly async?: boolean;
}

/**
 * Registers the fuzz tests of one entry point: seeds valid, junk arguments, every
 * single-field corruption of each seed, and random junk at a random field.
 */
export function fuzzEntry(spec: EntrySpec): void {
  const seeds = spec.seeds ?? [];
  const arity = spec.arity ?? Math.max(1, seeds[0]?.length ?? 1);
  const fn = spec.call;
  const params = { numRuns: runs(spec.junkRuns ?? 150), seed: FUZZ_SEED, endOnFailure: true };

  if (seeds.length > 0) {
    it(`${spec.name}: the seed inputs are valid`, async () => {
      for (const seed of seeds) {
        if (spec.async) {
          const r = await callAsync(fn, [...seed]);
          if (!r.ok) throw new Error(`${spec.name}: seed input fails: ${String((r.error as Error)?.message)}`);
          expect(scanResult(r.value, inputTextOf(seed))).toBeNull();
        } else assertSeedValid(spec.name, fn, [...seed]);
      }
    });
  }

  it(`${spec.name}: junk arguments give a valid result or a typed error`, async () => {
    const argsArb = fc.array(junk, { minLength: 0, maxLength: arity + 1 });
    const mixed = seeds.length > 0
      ? fc.oneof(argsArb, fc.tuple(fc.nat({ max: seeds.length - 1 }), fc.nat({ max: Math.max(0, arity - 1) }), junk).map(([s, i, j]) => {
          const args = [...(seeds[s] as unknown[])];
          args[i] = j;
          return args;
        }))
      : argsArb;
    if (spec.async) await fc.assert(fc.asyncProperty(mixed, async (args) => judge(spec, args, await callAsync(fn, args))), params);
    else fc.assert(fc.property(mixed, (args) => judge(spec, args, callSync(fn, args))), params);
  });

  if (seeds.length === 0) return;
  const hasFields = seeds.some((seed) => pathsOf([...seed]).length > 1);

  it(`${spec.name}: every single-field corruption of a valid input gives a valid result or a typed error`, async () => {
    const cap = runs(spec.maxCorruptions ?? 1500);
    for (const seed of seeds) {
      const all = allCorruptions([...seed]);
      const stride = all.length > cap ? all.length / cap : 1;
      for (let k = 0; k < Math.min(all.length, cap); k++) {
        const { path, corruption } = all[Math.floor(k * stride)]!;
        const args = corrupt([...seed], path, corruption);
        const list = Array.isArray(args) ? (args as unknown[]) : [args];
        const outcome = spec.async ? await callAsync(fn, list) : callSync(fn, list);
        judge(spec, list, outcome);
      }
    }
  });

  if (!hasFields) return;
  it(`${spec.name}: fast-check junk at a random field of a valid input gives a valid result or a typed error`, async () => {
    const near = fc.nat({ max: seeds.length - 1 }).chain((s) => {
      const paths = pathsOf([...(seeds[s] as unknown[])]).filter((p) => p.length > 0);
      return fc.tuple(fc.constant(s), paths.length > 0 ? fc.constantFrom(...paths) : fc.constant([0] as Path), junk);
    });
    const run = (s: number, path: Path, value: unknown) => {
      const args = corrupt([...(seeds[s] as unknown[])], path, { op: "set", value }) as unknown[];
      return args;
    };
    const p = { ...params, numRuns: runs((spec.randomNearRuns ?? 100) * seeds.length) };
    if (spec.async) {
      await fc.assert(fc.asyncProperty(near, async ([s, path, value]) => {
        const args = run(s, path, value);
        judge(spec, args, await callAsync(fn, args));
      }), p);
    } else {
      fc.assert(fc.property(near, ([s, path, value]) => {
        const args = run(s, path, value);
        judge(spec, args, callSync(fn, args));
      }), p);
    }
  });
}

// ---------------------------------------------------------------------------
// the report

const LOCK_WAIT_MS = 30_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Merges this file's counts into the FUZZ_REPORT JSON (entry points are replaced by name). */
export function writeFuzzReport(path: string, file: string): void {
  const lock = `${path}.lock`;
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock older than the wait is stale (a crashed worker): break it
      if (Date.now() - started > LOCK_WAIT_MS || (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_WAIT_MS)) {
        try {
          rmdirSync(lock);
        } catch {
          /* someone else removed it */
        }
      }
      sleep(20);
    }
  }
  try {
    type Report = { scale: number; seed: number; entries: Record<string, EntryCounts & { file: string }>; totals?: Omit<EntryCounts, "module"> & { entryPoints: number } };
    let report: Report = { scale: FUZZ_SCALE, seed: FUZZ_SEED, entries: {} };
    if (existsSync(path)) {
      try {
        const old = JSON.parse(readFileSync(path, "utf8")) as Report;
        if (old.scale === FUZZ_SCALE && old.seed === FUZZ_SEED && old.entries) report = old;
      } catch {
        /* unreadable: start afresh */
      }
    }
    for (const [name, c] of tally) report.entries[name] = { ...c, file };
    const names = Object.keys(report.entries).sort();
    const entries: Report["entries"] = {};
    const totals = { entryPoints: names.length, cases: 0, valid: 0, typedErrors: 0, unexpected: 0 };
    for (const n of names) {
      const e = report.entries[n]!;
      entries[n] = e;
      totals.cases += e.cases;
      totals.valid += e.valid;
      totals.typedErrors += e.typedErrors;
      totals.unexpected += e.unexpected;
    }
    writeFileSync(path, `${JSON.stringify({ scale: FUZZ_SCALE, seed: FUZZ_SEED, totals, entries }, null, 2)}\n`);
  } finally {
    rmdirSync(lock);
  }
}

/** Registers the report writer of a fuzz test file (a no-op unless FUZZ_REPORT is set). */
export function reportFuzzCounts(fileUrl: string): void {
  afterAll(() => {
    const path = process.env.FUZZ_REPORT;
    if (path) writeFuzzReport(path, basename(fileUrl));
  });
}
