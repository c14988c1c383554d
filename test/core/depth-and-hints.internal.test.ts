// Pins for src/core/parse.ts that the module's own mutation run (test/money + test/core)
// left unpinned: the M2 depth walk (`depthExcess`, `MAX_DOCUMENT_DEPTH`), the 200-character
// bounds of the did-you-mean search, the 12-key cap on "expected one of", and a
// schema-level message for unknown keys. Expected values are worked by hand from the
// rules written in the doc comments of parse.ts.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { depthExcess, didYouMean, MAX_DOCUMENT_DEPTH } from "../../src/core/parse.js";
import { parseInput } from "../../src/index.js";
import { issues } from "../typed-errors.js";

/** `{ k: { k: … {} } }` with `levels` objects in all (the outer one counts as level 1). */
const nested = (levels: number, key = "k"): Record<string, unknown> => {
  let node: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) node = { [key]: node };
  return node;
};

describe("depthExcess: the path where a document nests deeper than the limit", () => {
  it("a value that is not an object or array has no depth", () => {
    expect(depthExcess(5, 0)).toBeNull();
    expect(depthExcess("deep", 0)).toBeNull();
    expect(depthExcess(null, 0)).toBeNull();
    expect(depthExcess(undefined, 0)).toBeNull();
  });

  it("the outer object is level 1: {} fits a limit of 1, {a: {}} does not, at path [a]", () => {
    expect(depthExcess({}, 1)).toBeNull();
    expect(depthExcess({ a: {} }, 1)).toEqual(["a"]);
    // limit 0: the outer object itself is too deep; its path is the root, []
    expect(depthExcess({}, 0)).toEqual([]);
  });

  it("the path runs from the root to the first node past the limit, in order", () => {
    // levels: root 1, a 2, b 3, c 4 → with limit 3, c is the first node past it
    expect(depthExcess({ a: { b: { c: {} } } }, 3)).toEqual(["a", "b", "c"]);
    expect(depthExcess({ a: { b: { c: {} } } }, 4)).toBeNull();
  });

  it("array elements count by index; scalars and null inside do not nest", () => {
    expect(depthExcess([1, "x", null, true], 1)).toBeNull();
    expect(depthExcess({ a: 1, b: "x", c: null }, 1)).toBeNull();
    // [0, [ {} ]]: the inner array is level 2 at index 1, the object in it level 3 at index 0
    expect(depthExcess([0, [{}]], 2)).toEqual([1, 0]);
    expect(depthExcess([0, [{}]], 1)).toEqual([1]);
    expect(depthExcess({ list: [0, 0, { x: {} }] }, 3)).toEqual(["list", 2, "x"]);
  });

  it("null-prototype objects are walked like plain ones", () => {
    const inner = Object.create(null) as Record<string, unknown>;
    inner["b"] = {};
    const outer = Object.create(null) as Record<string, unknown>;
    outer["a"] = inner;
    expect(depthExcess(outer, 2)).toEqual(["a", "b"]);
  });

  it("other objects (class instances, Dates, Maps) are leaves: their insides are not walked", () => {
    class Box {
      readonly inside = { deeper: { deepest: {} } };
    }
    // {a: Box}: the Box is level 2 and fits a limit of 2; its own fields would be levels 3–5
    expect(depthExcess({ a: new Box() }, 2)).toBeNull();
    expect(depthExcess({ a: new Date(0), m: new Map([[1, { x: {} }]]) }, 2)).toBeNull();
  });

  it("the default limit is MAX_DOCUMENT_DEPTH = 200 levels", () => {
    expect(MAX_DOCUMENT_DEPTH).toBe(200);
    expect(depthExcess(nested(200))).toBeNull();
    // 201 levels: the innermost object is reached by 200 keys "k"
    expect(depthExcess(nested(201))).toEqual(Array.from({ length: 200 }, () => "k"));
  });

  it("parseInput refuses a document past the limit before the schema sees it: code depth_limit at that path", () => {
    expect(issues(() => parseInput(z.unknown(), nested(201, "n")))).toEqual([
      { path: Array.from({ length: 200 }, () => "n"), code: "depth_limit", message: "nested deeper than 200 levels (MAX_DOCUMENT_DEPTH)" },
    ]);
    // 200 levels pass through to the schema (z.unknown accepts anything)
    expect(parseInput(z.unknown(), nested(200))).toEqual(nested(200));
  });
});

describe("didYouMean: no search on keys or candidates longer than 200 characters", () => {
  it("a 200-character key is still matched; a 201-character one is not searched", () => {
    const k200 = "a".repeat(200);
    // identical to the candidate: distance 0
    expect(didYouMean(k200, [k200])).toBe(k200);
    const k201 = "a".repeat(201);
    expect(didYouMean(k201, [k201])).toBeUndefined();
  });

  it("a 200-character candidate is considered; a 201-character one is skipped", () => {
    const key = "a".repeat(199);
    // 199 a's vs 200 a's: 1 insertion, within max(2, floor(199 / 3) = 66)
    expect(didYouMean(key, ["a".repeat(200)])).toBe("a".repeat(200));
    // 199 vs 201 a's: 2 insertions would be close enough, but the candidate is never compared
    expect(didYouMean(key, ["a".repeat(201)])).toBeUndefined();
    expect(didYouMean(key, ["a".repeat(201), "b"])).toBeUndefined();
  });

  it("the closest candidate wins; a tie keeps the first", () => {
    // "captrate" → "capRate": 1 deletion; → "caps": 4 deletions
    expect(didYouMean("captrate", ["caps", "capRate"])).toBe("capRate");
    // "ab" → "ax" and "ay": 1 substitution each; the first is kept
    expect(didYouMean("ab", ["ax", "ay"])).toBe("ax");
  });
});

describe("unknown keys: the list of expected keys and schema-level messages", () => {
  const strict = (keys: string[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, z.number().optional()])));

  it("13 expected keys are too many to list: the message names only the unknown key", () => {
    const thirteen = Array.from({ length: 13 }, (_, i) => `field${String.fromCharCode(97 + i)}`);
    expect(issues(() => parseInput(strict(thirteen), { zzzzzzzzzzzzzzzzzzzz: 1 }))).toEqual([
      { path: ["zzzzzzzzzzzzzzzzzzzz"], code: "unrecognized_keys", message: 'unknown key "zzzzzzzzzzzzzzzzzzzz"' },
    ]);
  });

  it("two unknown keys give one issue each, each with its own path and message", () => {
    expect(issues(() => parseInput(strict(["alpha", "omega"]), { qqqqqqqq: 1, wwwwwwww: 2 }))).toEqual([
      { path: ["qqqqqqqq"], code: "unrecognized_keys", message: 'unknown key "qqqqqqqq"; expected one of "alpha", "omega"' },
      { path: ["wwwwwwww"], code: "unrecognized_keys", message: 'unknown key "wwwwwwww"; expected one of "alpha", "omega"' },
    ]);
  });

  it("a schema's own one-line message for two unknown keys stays one issue at the object's path", () => {
    const schema = z.object({ inner: z.strictObject({ a: z.number() }, { error: "no extra keys here" }) });
    expect(issues(() => parseInput(schema, { inner: { a: 1, b: 2, c: 3 } }))).toEqual([{ path: ["inner"], code: "unrecognized_keys", message: "no extra keys here" }]);
  });
});
