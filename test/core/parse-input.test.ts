// Parsing input at the boundary: issues, paths, unions resolved.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { parseInput, ValidationError } from "../../src/index.js";
import { issues } from "../typed-errors.js";

/** The messages parseInput reports (failed unions resolved to the branch that got furthest). */
const messages = (schema: z.ZodType, input: unknown) => issues(() => parseInput(schema, input)).map((i) => i.message);

describe("parseInput", () => {
  it("refuses a non-schema and reports the deepest branch of a failed union", () => {
    expect(issues(() => parseInput({} as never, 1))).toEqual([{ path: ["schema"], code: "invalid_type", message: "expected a zod schema" }]);
    const union = z.union([z.object({ kind: z.literal("a"), n: z.number() }), z.object({ kind: z.literal("b"), s: z.string(), t: z.string() })]);
    // Branch a fails at n only (1 issue at depth 1); branch b fails at kind, s and t (3 issues at depth 1): a is reported.
    const picked = issues(() => parseInput(z.object({ u: union }), { u: { kind: "a", n: "x" } }, "ctx"));
    expect(picked.map((i) => [i.path, i.code])).toEqual([[["u", "n"], "invalid_type"]]);
    // A deeper failure wins over fewer issues: branch b gets into its nested object.
    const deep = z.union([z.object({ x: z.string() }), z.object({ y: z.object({ z: z.string() }) })]);
    expect(issues(() => parseInput(deep, { y: { z: 1 } })).map((i) => i.path)).toEqual([["y", "z"]]);
    // Not an object at all: the first branch's root type error, not a bare union failure.
    expect(issues(() => parseInput(deep, "text")).map((i) => [i.path, i.code])).toEqual([[[], "invalid_type"]]);
    try {
      parseInput(z.object({ a: z.string() }), { a: 1 }, "calc");
    } catch (e) {
      expect((e as ValidationError).message).toMatch(/^calc: invalid input — a: /);
    }
  });
});
