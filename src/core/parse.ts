import type { z } from "zod";
import { type ErrorCode, invalid, ValidationError, type Issue } from "./errors.js";
import { ESCAPED_PROTO_KEY } from "./schemas.js";

interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly RawIssue[])[];
  readonly keys?: readonly string[];
}

/** Edit distance (Levenshtein), case-insensitive, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * The closest known key to an unknown one, when it is close enough to be a typo
 * (at most a third of its length, at least 2 edits allowed), else undefined.
 */
export function didYouMean(key: string, known: readonly string[]): string | undefined {
  if (key.length > 200) return undefined; // no quadratic work on a hostile key
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate.length > 200) continue;
    const d = distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/** Message for the unknown keys of a strict object: one line per key, with a did-you-mean when a known key is close. */
function unknownKeyMessage(issue: { readonly keys?: readonly string[]; readonly inst?: unknown; readonly input?: unknown }): string | undefined {
  const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  if (!issue.keys || issue.keys.length === 0) return undefined;
  const present = issue.input !== null && typeof issue.input === "object" ? issue.input : {};
  const known = shape ? Object.keys(shape).filter((k) => !Object.hasOwn(present, k)) : [];
  return issue.keys
    .map((key) => {
      const hint = didYouMean(key, known);
      const shown = key.length > 60 ? `${JSON.stringify(key.slice(0, 60))}…` : JSON.stringify(key);
      return `unknown key ${shown}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ""}${known.length > 0 && !hint && known.length <= 12 ? `; expected one of ${known.map((k) => JSON.stringify(k)).join(", ")}` : ""}`;
    })
    .join("\n");
}

// userRecord renames an own "__proto__" key while zod parses the record: name it back in paths.
const toPath = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === "symbol" ? String(p) : p === ESCAPED_PROTO_KEY ? "__proto__" : p));

/**
 * A failed union says only "Invalid input"; report instead the issues of the branch
 * that got furthest into the document (deepest path, then fewest issues), so the
 * caller sees `amount: "abc" is not a decimal` rather than a bare union failure.
 */
function flatten(issue: RawIssue, prefix: readonly PropertyKey[]): Issue[] {
  const here = [...prefix, ...issue.path];
  if (issue.code === "unrecognized_keys" && issue.keys && issue.keys.length > 0) {
    // One issue per unknown key, with the key in the path (the message was built per key by `unknownKeyMessage`).
    const messages = issue.message.split("\n");
    if (messages.length === issue.keys.length) return issue.keys.map((key, i) => ({ path: toPath([...here, key]), code: issue.code as ErrorCode, message: messages[i]! }));
    return [{ path: toPath(here), code: issue.code as ErrorCode, message: messages.join("; ") }];
  }
  if (issue.code === "invalid_union" && issue.errors && issue.errors.length > 0) {
    const depth = (branch: readonly RawIssue[]) => branch.reduce((m, i) => Math.max(m, i.code === "invalid_type" && i.path.length === 0 ? -1 : i.path.length), -Infinity);
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
    if (best && best.length > 0) return best.flatMap((i) => flatten(i, here));
  }
  return [{ path: toPath(here), code: issue.code as ErrorCode, message: issue.message }];
}

/**
 * How deeply a document's objects and arrays may nest (M2). Far beyond any real
 * contract, plan or model (a Markov expression 100 operators deep uses 200 levels), and
 * far below the depth at which zod's recursive parse, or a recursive evaluator, would
 * overflow the stack with a raw `RangeError`. Deeper input is a `ValidationError` with
 * code `depth_limit` at the path where the limit is crossed.
 *
 * @category Parsing
 */
export const MAX_DOCUMENT_DEPTH = 200;

/** The path at which `input` nests deeper than `limit` objects/arrays, or null. Iterative: never overflows. */
export function depthExcess(input: unknown, limit: number = MAX_DOCUMENT_DEPTH): (string | number)[] | null {
  if (input === null || typeof input !== "object") return null;
  // Parallel arrays: node, its depth, its parent's index and its key (the path is rebuilt only on failure).
  const nodes: object[] = [input];
  const depths: number[] = [1];
  const parents: number[] = [-1];
  const keys: (string | number)[] = [""];
  const stack: number[] = [0];
  while (stack.length > 0) {
    const i = stack.pop()!;
    const node = nodes[i]!;
    const depth = depths[i]!;
    if (depth > limit) {
      const path: (string | number)[] = [];
      for (let j = i; parents[j]! >= 0; j = parents[j]!) path.push(keys[j]!);
      return path.reverse();
    }
    if (Array.isArray(node)) {
      for (let k = 0; k < node.length; k++) {
        const v: unknown = node[k];
        if (v !== null && typeof v === "object") stack.push(nodes.push(v) - 1), depths.push(depth + 1), parents.push(i), keys.push(k);
      }
    } else if (Object.getPrototypeOf(node) === Object.prototype || Object.getPrototypeOf(node) === null) {
      for (const k in node) {
        const v: unknown = (node as Record<string, unknown>)[k];
        if (v !== null && typeof v === "object") stack.push(nodes.push(v) - 1), depths.push(depth + 1), parents.push(i), keys.push(k);
      }
    }
  }
  return null;
}

/**
 * Parses `input` with a zod schema; on failure throws a {@link ValidationError}
 * carrying every issue with its path. `context` names the calculator.
 *
 * @example
 * ```ts
 * declare const json: unknown; // a stored document
 * const contract = parseInput(contractSchema, json, "contract");
 * ```
 *
 * @category Parsing
 * @param schema - the zod schema to parse with (an exported `…Schema` of the library, or one built from its pieces)
 * @param input - the untrusted document (JSON as stored, or in-memory values)
 * @param context - the calculator's name, put at the head of the error message
 * @throws {ValidationError} carrying every issue with its path (an unknown key names itself, with a did-you-mean; `depth_limit` past `MAX_DOCUMENT_DEPTH`), and at `schema` when `schema` is not a zod schema
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, context?: string): z.output<S> {
  if (typeof (schema as { safeParse?: unknown } | null | undefined)?.safeParse !== "function") throw invalid(["schema"], "expected a zod schema", "invalid_type");
  const tooDeep = depthExcess(input);
  if (tooDeep !== null) throw new ValidationError([{ path: tooDeep, code: "depth_limit", message: `nested deeper than ${MAX_DOCUMENT_DEPTH} levels (MAX_DOCUMENT_DEPTH)` }], context);
  // A per-call error map (never zod's global config, which the host shares): names each unknown key with a did-you-mean.
  const result = schema.safeParse(input, { error: (issue) => (issue.code === "unrecognized_keys" ? unknownKeyMessage(issue as never) : undefined) });
  if (result.success) return result.data;
  const issues = (result.error.issues as unknown as RawIssue[]).flatMap((i) => flatten(i, []));
  throw new ValidationError(issues, context);
}
