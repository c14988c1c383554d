// Issue 22 item 1: module-level schemas built on first use (src/kernel/lazy-schema.ts). The
// stand-in must be the schema for every purpose a caller, another schema or the JSON
// Schema build has: parsing, members, instanceof, composition, registries, spreads.
import * as z from "zod";
import { describe, expect, it } from "vitest";
import { lazySchema, lazySchemaList } from "../../src/kernel/lazy-schema.js";

const eager = () => z.strictObject({ /** An amount. */ amount: z.string().regex(/^\d+$/), kind: z.literal("a") });

describe("lazySchema: a schema built on first use", () => {
  it("builds nothing until first used, then exactly once", () => {
    let builds = 0;
    const s = lazySchema(() => {
      builds++;
      return eager();
    });
    expect(builds).toBe(0);
    expect(s.parse({ amount: "12", kind: "a" })).toEqual({ amount: "12", kind: "a" });
    expect(s.safeParse({ amount: "x", kind: "a" }).success).toBe(false);
    expect(Object.keys(s.shape)).toEqual(["amount", "kind"]);
    expect(builds).toBe(1);
  });

  it("is a zod schema for instanceof, `_zod`, and composes inside other schemas (parse and errors as the eager schema)", () => {
    const s = lazySchema(eager);
    expect(s instanceof z.ZodType).toBe(true);
    expect(s instanceof z.ZodObject).toBe(true);
    expect(s instanceof z.ZodString).toBe(false);
    expect("_zod" in s).toBe(true);
    const outer = z.strictObject({ items: z.array(s), maybe: s.optional() });
    const eagerOuter = z.strictObject({ items: z.array(eager()), maybe: eager().optional() });
    const input = { items: [{ amount: "1", kind: "a" }, { amount: "x", kind: "b" }] };
    expect(outer.safeParse(input).error?.issues).toEqual(eagerOuter.safeParse(input).error?.issues);
    expect(s.extend({ more: z.number() }).parse({ amount: "1", kind: "a", more: 2 })).toEqual({ amount: "1", kind: "a", more: 2 });
    const u = z.discriminatedUnion("kind", [s, z.strictObject({ kind: z.literal("b") })]);
    expect(u.parse({ kind: "b" })).toEqual({ kind: "b" });
    expect(u.safeParse({ kind: "a", amount: "x" }).success).toBe(false);
  });

  it("gives the same JSON Schema as the eager schema, and registries keyed by the stand-in find it", () => {
    const s = lazySchema(eager);
    expect(z.toJSONSchema(s)).toEqual(z.toJSONSchema(eager()));
    const registry = z.registry<{ id: string }>();
    registry.add(s, { id: "Thing" });
    const json = z.toJSONSchema(z.strictObject({ a: s, b: s }), { metadata: registry }) as { $defs?: Record<string, unknown> };
    expect(Object.keys(json.$defs ?? {})).toEqual(["Thing"]);
    // A method called on the stand-in wraps the stand-in (zod binds methods to the receiver).
    const viaMethod = z.toJSONSchema(z.strictObject({ a: s.optional(), b: s.nullable() }), { metadata: registry }) as { $defs?: Record<string, unknown> };
    expect(Object.keys(viaMethod.$defs ?? {})).toEqual(["Thing"]);
    expect((s.optional() as unknown as { _zod: { def: { innerType: unknown } } })._zod.def.innerType).toBe(s);
  });

  it("a stand-in that transforms (a pipe), used twice inside another, writes the same JSON Schema as the eager pair", () => {
    const lazyInner = lazySchema(() => z.string().transform((t) => t.length));
    const eagerInner = z.string().transform((t) => t.length);
    const opts = { io: "input", unrepresentable: "any" } as const;
    expect(z.toJSONSchema(lazySchema(() => z.strictObject({ a: lazyInner, b: lazyInner })), opts)).toEqual(z.toJSONSchema(z.strictObject({ a: eagerInner, b: eagerInner }), opts));
    expect(z.toJSONSchema(lazyInner, opts)).toEqual(z.toJSONSchema(eagerInner, opts));
  });

  it("a shape object spreads like the object, and a list stand-in is an array", () => {
    const shape = lazySchema(() => ({ a: z.string(), b: z.number() }));
    expect(z.strictObject({ ...shape, c: z.boolean() }).parse({ a: "x", b: 1, c: true })).toEqual({ a: "x", b: 1, c: true });
    const list = lazySchemaList(() => [z.strictObject({ t: z.literal("x") }), z.strictObject({ t: z.literal("y") })] as const);
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(2);
    expect(z.discriminatedUnion("t", list).parse({ t: "y" })).toEqual({ t: "y" });
  });

  it("a construction that reads itself is a clear error, not a stack overflow", () => {
    const s: z.ZodType = lazySchema((): z.ZodType => s.optional());
    expect(() => s.parse([])).toThrow(/read the schema itself/);
  });
});
