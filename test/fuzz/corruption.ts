/**
 * The vitest-free part of the fuzz machinery: junk, single-field corruption of valid
 * documents, and the scan of results. See harness.ts for how the tests use it.
 */
import fc from "fast-check";
import { isLibraryError, isMoney } from "../../src/index.js";
import { Decimal } from "../../src/money/decimal.js";

// ---------------------------------------------------------------------------
// settings

const scaleEnv = Number(process.env.FUZZ_SCALE ?? 1);
/** Multiplier of every run count (FUZZ_SCALE, default 1). */
export const FUZZ_SCALE = Number.isFinite(scaleEnv) && scaleEnv > 0 ? scaleEnv : 1;
const seedEnv = process.env.FUZZ_SEED === undefined ? 20260315 : Number(process.env.FUZZ_SEED);
/** The fast-check seed of every fuzz property (FUZZ_SEED, default fixed). */
export const FUZZ_SEED = Number.isSafeInteger(seedEnv) ? seedEnv : 20260315;

/** A run count scaled by FUZZ_SCALE. */
export const runs = (n: number) => Math.max(1, Math.round(n * FUZZ_SCALE));

// ---------------------------------------------------------------------------
// junk

/** Keys that break naive code: prototype-ish names and the library's own field names. */
export const NASTY_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "toJSON", "amount", "currency", "type", "kind"] as const;

/** An object whose own key is `__proto__` (as JSON.parse makes it), not a prototype change. */
const protoKeyed = (value: unknown): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, "__proto__", { value, enumerable: true, configurable: true, writable: true });
  return o;
};

/** Hand-picked values every field gets in turn when a valid document is corrupted. */
export const SPECIALS: readonly unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  -0,
  0.1 + 0.2,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  "",
  " ",
  "abc",
  "NaN",
  "Infinity",
  "-1",
  "1e308",
  "1".repeat(400),
  `0.${"0".repeat(80)}1`,
  "2026-02-30",
  "2026-13-01",
  "0000-01-01",
  "9999-12-31",
  "2026-03-02T25:00+08:00",
  "__proto__",
  "constructor",
  "not-an-enum",
  true,
  [],
  [null],
  {},
  protoKeyed({ polluted: true }),
  { constructor: { prototype: { polluted: true } } },
  { amount: "1.00", currency: "CNY" },
  { amount: "NaN", currency: "CNY" },
  new Decimal(Number.NaN),
  new Decimal(Number.POSITIVE_INFINITY),
  10n,
  -10n,
  new Date(Number.NaN),
  new Float64Array([Number.NaN]),
];

const nastyKey = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...NASTY_KEYS));

/** Arbitrary junk: anything fast-check can make, the specials, and objects keyed by nasty keys. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.anything({
      key: nastyKey,
      maxDepth: 3,
      maxKeys: 6,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withUnicodeString: true,
    }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
  { weight: 1, arbitrary: fc.dictionary(nastyKey, fc.constantFrom(...SPECIALS), { maxKeys: 4 }) },
);

// ---------------------------------------------------------------------------
// corrupting a valid document in exactly one place

/** A path into a document. */
export type Path = readonly (string | number)[];

/** Library values treated as atoms: never descended into, cloned by reference. */
function isAtom(v: unknown): boolean {
  return (
    v === null ||
    typeof v !== "object" ||
    isMoney(v) ||
    Decimal.isDecimal(v) ||
    ArrayBuffer.isView(v) ||
    v instanceof Date ||
    v instanceof Map ||
    v instanceof Set ||
    (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
  );
}

/** A deep copy of plain objects and arrays; atoms are shared (typed arrays are copied). */
export function clone<T>(v: T): T {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return (v as unknown as Float64Array).slice() as unknown as T;
  if (isAtom(v)) return v;
  if (Array.isArray(v)) return v.map(clone) as unknown as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v as object)) define(out, k, clone((v as Record<string, unknown>)[k]));
  return out as T;
}

function define(o: object, k: string | number, value: unknown): void {
  Object.defineProperty(o, k, { value, enumerable: true, configurable: true, writable: true });
}

/** Every path into a document (the root included), depth first. */
export function pathsOf(doc: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (isAtom(doc)) return out;
  if (Array.isArray(doc)) doc.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else for (const k of Object.keys(doc as object)) out.push(...pathsOf((doc as Record<string, unknown>)[k], [...prefix, k]));
  return out;
}

function getAt(doc: unknown, path: Path): unknown {
  let cur = doc;
  for (const p of path) cur = (cur as Record<string | number, unknown>)[p];
  return cur;
}

/** One way of corrupting the value at a path. */
export type Corruption =
  | { readonly op: "set"; readonly value: unknown }
  | { readonly op: "delete" }
  | { readonly op: "extraKey"; readonly key: string }
  | { readonly op: "renameFirstKey"; readonly key: string }
  | { readonly op: "emptyArray" }
  | { readonly op: "longArray"; readonly length: number }
  | { readonly op: "dropFirst" }
  | { readonly op: "duplicateFirst" }
  | { readonly op: "numberVariant"; readonly variant: "negate" | "huge" | "fraction" | "asString" }
  | { readonly op: "textVariant"; readonly variant: "negate" | "exponent" | "padded" | "huge" | "numeralBomb" };

/** A writable shallow copy of an object's own enumerable properties (frozen inputs included). */
function plainCopy(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) define(out, k, (o as Record<string, unknown>)[k]);
  return out;
}

/**
 * A copy of the document with fresh containers along `path` only; everything off the
 * path is shared, so library values (Money, validated tables) keep their identity.
 */
function copyAlong(doc: unknown, path: Path): unknown {
  if (path.length === 0 || isAtom(doc)) return doc;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(doc) ? [...doc] : plainCopy(doc as object)) as Record<string | number, unknown>;
  define(copy, head, copyAlong(copy[head], rest));
  return copy;
}

/** Applies a corruption to a copy of the document; the root may be replaced. */
export function corrupt(doc: unknown, path: Path, c: Corruption): unknown {
  const copy = copyAlong(doc, path);
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const old = getAt(copy, path);
  let replacement: unknown = old;
  switch (c.op) {
    case "set":
      replacement = c.value;
      break;
    case "delete":
      if (key === undefined) return undefined;
      {
        const parent = getAt(copy, parentPath) as Record<string | number, unknown> | unknown[]; // a fresh copy (copyAlong)
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string | number, unknown>)[key];
      }
      return copy;
    case "extraKey":
      if (old !== null && typeof old === "object" && !Array.isArray(old) && !isAtom(old)) {
        replacement = plainCopy(old);
        define(replacement as object, c.key, { polluted: true });
      }
      break;
    case "renameFirstKey":
      // A reserved name in a map position: the object's first key renamed (as JSON.parse would make it).
      if (old !== null && typeof old === "object" && !Array.isArray(old) && !isAtom(old) && Object.keys(old).length > 0) {
        const keys = Object.keys(old);
        replacement = {};
        keys.forEach((k, i) => define(replacement as object, i === 0 ? c.key : k, (old as Record<string, unknown>)[k]));
      }
      break;
    case "emptyArray":
      replacement = [];
      break;
    case "longArray":
      replacement = Array.isArray(old) && old.length > 0 ? Array.from({ length: c.length }, (_, i) => old[i % old.length]) : old;
      break;
    case "dropFirst":
      replacement = Array.isArray(old) ? old.slice(1) : old;
      break;
    case "duplicateFirst":
      replacement = Array.isArray(old) && old.length > 0 ? [old[0], ...old] : old;
      break;
    case "numberVariant":
      if (typeof old === "number") {
        replacement = c.variant === "negate" ? -old - 1 : c.variant === "huge" ? old * 1e200 + 1e200 : c.variant === "fraction" ? old + 0.5 : String(old);
      }
      break;
    case "textVariant":
      if (typeof old === "string") {
        replacement =
          c.variant === "negate" ? `-${old}1` : c.variant === "exponent" ? `${old}e5` : c.variant === "padded" ? ` ${old}\u0000` : c.variant === "numeralBomb" ? "9".repeat(100_000) : old.repeat(200);
      }
      break;
  }
  if (key === undefined) return replacement;
  define(getAt(copy, parentPath) as object, key, replacement);
  return copy;
}

const STRUCTURAL: readonly Corruption[] = [
  { op: "delete" },
  { op: "extraKey", key: "extra" },
  { op: "extraKey", key: "__proto__" },
  { op: "extraKey", key: "constructor" },
  { op: "extraKey", key: "toString" },
  { op: "extraKey", key: "valueOf" },
  { op: "renameFirstKey", key: "__proto__" },
  { op: "renameFirstKey", key: "constructor" },
  { op: "renameFirstKey", key: "toString" },
  { op: "renameFirstKey", key: "valueOf" },
  { op: "emptyArray" },
  { op: "longArray", length: 300 },
  // size bomb: a long array (each call still within the time budget of the harness)
  { op: "longArray", length: 5000 },
  { op: "dropFirst" },
  { op: "duplicateFirst" },
  { op: "numberVariant", variant: "negate" },
  { op: "numberVariant", variant: "huge" },
  { op: "numberVariant", variant: "fraction" },
  { op: "numberVariant", variant: "asString" },
  { op: "textVariant", variant: "negate" },
  { op: "textVariant", variant: "exponent" },
  { op: "textVariant", variant: "padded" },
  { op: "textVariant", variant: "huge" },
  // size bomb: a 100,000-digit numeral in a text field (amounts, rates, dates)
  { op: "textVariant", variant: "numeralBomb" },
];

/** The corruptions that make sense at a path (so the exhaustive list holds no no-ops). */
function corruptionsFor(value: unknown): Corruption[] {
  const out: Corruption[] = SPECIALS.map((value) => ({ op: "set", value }) as Corruption);
  for (const c of STRUCTURAL) {
    if ((c.op === "extraKey" || c.op === "renameFirstKey") && (value === null || typeof value !== "object" || Array.isArray(value) || isAtom(value))) continue;
    if ((c.op === "emptyArray" || c.op === "longArray" || c.op === "dropFirst" || c.op === "duplicateFirst") && !(Array.isArray(value) && value.length > 0)) continue;
    if (c.op === "numberVariant" && typeof value !== "number") continue;
    if (c.op === "textVariant" && typeof value !== "string") continue;
    out.push(c);
  }
  return out;
}

/** Every single-field corruption of a document: each path × each applicable corruption. */
export function allCorruptions(doc: unknown): { path: Path; corruption: Corruption }[] {
  const out: { path: Path; corruption: Corruption }[] = [];
  for (const path of pathsOf(doc)) for (const corruption of corruptionsFor(getAt(doc, path))) out.push({ path, corruption });
  return out;
}

// ---------------------------------------------------------------------------
// checking results

/**
 * Finds what a result must never contain: a non-finite number (also inside typed
 * arrays, Decimals and Money), an invalid Date, an own property or array slot holding
 * `undefined` (unless `allowUndefined`: the input held one itself, and documents are
 * echoed), an untyped error object, or — when the input did not contain the token —
 * a string that is or renders "NaN"/"Infinity"/"undefined" (SVG, formatted dates).
 * Returns a description of the first problem, or null.
 */
export function scanResult(value: unknown, inputText = "", options: { allowUndefined?: boolean } = {}): string | null {
  const seen = new WeakSet<object>();
  const tokens = ["NaN", "Infinity", "undefined"].filter((t) => !inputText.includes(t));
  const visit = (v: unknown, path: string): string | null => {
    if (typeof v === "number") return Number.isFinite(v) ? null : `${path} is ${v}`;
    if (typeof v === "string") {
      // error descriptions (cohort error records) rightly quote the bad input
      if (/\.(message|reason)$/.test(path)) return null;
      for (const t of tokens) if (v.includes(t)) return `${path} contains "${t}": ${v.slice(0, 120)}`;
      return null;
    }
    if (v === null || typeof v !== "object") return null;
    if (seen.has(v)) return null;
    seen.add(v);
    if (v instanceof Error) return isLibraryError(v) ? null : `${path} holds an untyped ${v.name}: ${v.message}`;
    if (isMoney(v)) return v.amount.isFinite() ? visit(v.currency, `${path}.currency`) : `${path} is Money with amount ${v.amount.toString()}`;
    if (Decimal.isDecimal(v)) return (v as Decimal).isFinite() ? null : `${path} is Decimal ${(v as Decimal).toString()}`;
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? `${path} is an invalid Date` : null;
    if (ArrayBuffer.isView(v)) {
      if (v instanceof DataView) return null;
      const arr = v as unknown as ArrayLike<number | bigint>;
      for (let i = 0; i < arr.length; i++) if (typeof arr[i] === "number" && !Number.isFinite(arr[i] as number)) return `${path}[${i}] is ${arr[i]}`;
      return null;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) {
        const p = visit(x, `${path}.get(${String(k)})`);
        if (p) return p;
      }
      return null;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        if ((!(i in v) || v[i] === undefined) && !options.allowUndefined) return `${path}[${i}] is undefined`;
        const p = visit(v[i], `${path}[${i}]`);
        if (p) return p;
      }
      return null;
    }
    for (const k of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) {
        if (options.allowUndefined) continue;
        return `${path}.${k} is undefined`;
      }
      const p = visit(x, `${path}.${k}`);
      if (p) return p;
    }
    return null;
  };
  return visit(value, "result");
}

/** JSON.stringify that copes with bigint, typed arrays and Decimal (for messages and determinism). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "bigint") return `${v}n`;
    if (Decimal.isDecimal(v)) return (v as Decimal).toString();
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    if (v instanceof Map) return Object.fromEntries(v);
    if (v instanceof Set) return [...v];
    return v;
  });
}

