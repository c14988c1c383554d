// The settlements a prepared cohort settlement has already computed, by their inputs.
// A patient's ledger is a pure function of (contract, events, asOf) and the bill split a
// pure function of (plan, bill, patient attributes); the contract, plan and as-of date
// are fixed by the prepared settlement, so the same events give the same ledger and the
// same (bill, attributes) the same split, to the minor unit. A cohort repeats a few
// hundred outcome patterns and a handful of bills a million times; profiling showed the
// ledger and the waterfall, recomputed for each, were most of the cost.
//
// Exactness: a key is an injective encoding of the plain data the computation reads
// (each value tagged with its type, each text prefixed with its length); input that is
// not plain data (a class instance, a nested object where none is expected, a getter's
// prototype) has no key and is computed as usual. Only successes are kept: a bad record
// is validated and rejected each time. The memo belongs to the prepared settlement
// (made by prepareCohortSettlement, gone with it), never to module state; it is bounded,
// and it stops looking up when a stream's patterns do not repeat (every patient's events
// distinct), so a diverse cohort pays only the cost of building a key for the first
// records. Running totals never depend on whether a result came from the memo.
import type { MinorUnitContractEvaluation } from "../contracts/evaluate-contract-minor-units.js";

/** Entries kept per memo; past the bound, results are computed each time. */
const LIMIT = 4096;
/** Lookups after which a memo that mostly misses is switched off for good. */
const TRIAL = 4096;

/**
 * A copy of the plain data a result was computed from: a scalar as itself; an array as
 * `{ items }`; an object as its own field names and values in order.
 */
type Snapshot = string | number | boolean | null | undefined | { readonly items: readonly Snapshot[] } | { readonly names: readonly string[]; readonly values: readonly Snapshot[] };

interface Entry<T> {
  /** An amount that is part of the input (the bill of a split; 0n for a ledger). */
  readonly amount: bigint;
  readonly input: Snapshot;
  readonly result: T;
}

/** One memo: results by the hash of their input (confirmed by comparing the input), with the counts that decide whether it pays its way. */
export interface ResultMemo<T> {
  readonly byHash: Map<number, Entry<T>[]>;
  size: number;
  lookups: number;
  hits: number;
  /** False once the memo has shown it mostly misses. */
  on: boolean;
}

/** The split of one bill: what each layer paid (in plan order) and the patient's share. */
export interface MemoSplit {
  readonly layers: readonly bigint[];
  readonly patient: bigint;
}

/** What a prepared settlement remembers: ledgers by events, splits by bill and attributes, attribute sets already validated. */
export interface SettlementMemo {
  readonly ledgers: ResultMemo<MinorUnitContractEvaluation>;
  /** Splits by bill and the patient's attributes. */
  readonly splits: ResultMemo<MemoSplit>;
  /** Attribute objects (`patient` of a record) that passed validation. */
  readonly validPatients: ResultMemo<true>;
}

/** A fresh, empty memo. */
export function createResultMemo<T>(): ResultMemo<T> {
  return { byHash: new Map(), size: 0, lookups: 0, hits: 0, on: true };
}

/** A fresh, empty settlement memo. */
export function createSettlementMemo(): SettlementMemo {
  return { ledgers: createResultMemo(), splits: createResultMemo(), validPatients: createResultMemo() };
}

/** Fields and items looked at per input, at most; larger inputs are computed each time. */
const MAX_PARTS = 256;
const MAX_DEPTH = 3;

/** True for an object literal or a JSON.parse object (no class, nothing inherited). */
function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function textHash(h: number, s: string): number {
  // FNV-1a over the UTF-16 code units, the length first.
  h = Math.imul(h ^ s.length, 0x01000193);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Parts left to look at while hashing one input; below zero the input is too large. */
interface Budget {
  parts: number;
}

/**
 * The hash of plain data (scalars, plain arrays and objects, nested at most MAX_DEPTH),
 * or null when `v` is not plain data. Equal data hash equally; a hash match is always
 * confirmed with {@link sameData} before a result is reused.
 */
function dataHash(h: number, v: unknown, depth: number, budget: Budget): number | null {
  switch (typeof v) {
    case "string":
      return textHash(Math.imul(h ^ 1, 0x01000193), v);
    case "number":
      // Two 32-bit halves of the value are enough for a hash; equality is checked with Object.is.
      return Math.imul(Math.imul(h ^ 2, 0x01000193) ^ (v | 0) ^ Math.round((v % 1) * 0x7fffffff), 0x01000193);
    case "boolean":
      return Math.imul(h ^ (v ? 3 : 4), 0x01000193);
    case "undefined":
      return Math.imul(h ^ 5, 0x01000193);
    case "object": {
      if (v === null) return Math.imul(h ^ 6, 0x01000193);
      if (depth >= MAX_DEPTH) return null;
      if (Array.isArray(v)) {
        if (Object.getPrototypeOf(v) !== Array.prototype) return null;
        budget.parts -= v.length;
        if (budget.parts < 0) return null;
        let x: number | null = Math.imul(h ^ 7 ^ v.length, 0x01000193);
        for (let i = 0; i < v.length; i++) {
          if (!(i in v)) return null;
          x = dataHash(x, v[i], depth + 1, budget);
          if (x === null) return null;
        }
        return x;
      }
      if (!isPlainObject(v)) return null;
      let x: number | null = Math.imul(h ^ 8, 0x01000193);
      const o = v as Record<string, unknown>;
      for (const name in o) {
        if (!Object.hasOwn(o, name) || --budget.parts < 0) return null;
        x = dataHash(textHash(x, name), o[name], depth + 1, budget);
        if (x === null) return null;
      }
      return x;
    }
    default:
      return null;
  }
}

/**
 * The hash of an input (plain data, with an amount that is part of it), or null when it
 * is not plain data or too large to be worth keeping.
 */
export function inputHash(v: unknown, amount = 0n): number | null {
  // An amount below 2^53 converts exactly; above, any hash will do (equality is checked).
  const a = amount === 0n ? 0 : Number(amount);
  return dataHash(Math.imul((0x811c9dc5 | 0) ^ (a | 0) ^ Math.floor(a / 0x100000000), 0x01000193), v, 0, { parts: MAX_PARTS });
}

/** A copy of plain data (called only on an input that {@link inputHash} accepted). */
function snapshot(v: unknown): Snapshot {
  if (typeof v !== "object" || v === null) return v as Snapshot;
  if (Array.isArray(v)) return { items: v.map(snapshot) };
  const names: string[] = [];
  const values: Snapshot[] = [];
  for (const name in v) {
    names.push(name);
    values.push(snapshot((v as Record<string, unknown>)[name]));
  }
  return { names, values };
}

/** True when `v` is the same plain data as the snapshot (the same fields in the same order, values equal by Object.is). */
function sameData(v: unknown, s: Snapshot): boolean {
  if (typeof v !== "object" || v === null) return Object.is(v, s);
  if (typeof s !== "object" || s === null) return false;
  if (Array.isArray(v)) {
    if (!("items" in s)) return false;
    const items = s.items;
    if (items.length !== v.length) return false;
    for (let i = 0; i < items.length; i++) if (!sameData(v[i], items[i]!)) return false;
    return true;
  }
  if (!("names" in s)) return false;
  const { names, values } = s;
  let k = 0;
  for (const name in v) {
    if (k >= names.length || names[k] !== name || !sameData((v as Record<string, unknown>)[name], values[k]!)) return false;
    k++;
  }
  return k === names.length;
}

/** The remembered result for input `v` (whose hash is `hash`), if any; counts the lookup. */
export function recall<T>(memo: ResultMemo<T>, hash: number, v: unknown, amount = 0n): T | undefined {
  memo.lookups++;
  const entries = memo.byHash.get(hash);
  if (entries !== undefined) {
    for (const e of entries) {
      if (e.amount === amount && sameData(v, e.input)) {
        memo.hits++;
        return e.result;
      }
    }
  }
  // After the trial, a memo hitting less than one lookup in four costs more than it saves.
  if (memo.lookups === TRIAL && memo.hits * 4 < memo.lookups) memo.on = false;
  return undefined;
}

/** Remembers the result computed from input `v` (while there is room); the input is copied. */
export function remember<T>(memo: ResultMemo<T>, hash: number, v: unknown, result: T, amount = 0n): void {
  if (memo.size >= LIMIT) return;
  const entry = { amount, input: snapshot(v), result };
  const entries = memo.byHash.get(hash);
  if (entries === undefined) memo.byHash.set(hash, [entry]);
  else entries.push(entry);
  memo.size++;
}
