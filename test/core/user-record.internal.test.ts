// userRecord (src/core/schemas.ts, plumbing of the chapters, not public): a map keyed by
// user-chosen names keeps every key, `__proto__` included (L2), and parses to a
// null-prototype object. Paths name the key back as "__proto__".
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { userRecord } from "../../src/core/schemas.js";
import { parseInput, rateSchema } from "../../src/index.js";
import { issues } from "../typed-errors.js";

const rates = userRecord(z.string(), rateSchema);

describe("userRecord", () => {
  it("an own __proto__ key (as JSON.parse makes it) is kept, with its value, beside the others", () => {
    const out = parseInput(rates, JSON.parse('{"__proto__": 0.5, "a": 0.25}')) as Record<string, { toFixed(): string }>;
    expect(Object.getPrototypeOf(out)).toBe(null);
    expect(Object.keys(out)).toEqual(["__proto__", "a"]);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value.toFixed()).toBe("0.5");
    expect(out.a!.toFixed()).toBe("0.25");
  });

  it("constructor and toString are ordinary keys; a lookup of an absent name finds nothing", () => {
    const out = parseInput(rates, { constructor: 0.1, toString: 0.2 }) as unknown as Record<string, { toFixed(): string }>;
    const at = (k: string) => out[k]!.toFixed();
    expect(at("constructor")).toBe("0.1");
    expect(at("toString")).toBe("0.2");
    expect((out as Record<string, unknown>).valueOf).toBeUndefined();
  });

  it("a bad value under __proto__ is reported at the path __proto__ (not at the placeholder)", () => {
    const found = issues(() => parseInput(z.strictObject({ rates }), { rates: JSON.parse('{"__proto__": 2}') }));
    expect(found).toEqual([{ path: ["rates", "__proto__"], code: "custom", message: "must be ≤ 1, got 2: rates are decimals in [0, 1]: for 2% write 0.02" }]);
  });

  it("a key that is the internal placeholder (NUL + __proto__) is refused", () => {
    const found = issues(() => parseInput(rates, { "\u0000__proto__": 0.5 }));
    expect(found.map((i) => [i.path, i.message])).toContainEqual([[], "a key may not start with a NUL character"]);
  });

  it("a null-prototype input with an own __proto__ key works too; a class instance is left to the record's own check", () => {
    const bare = Object.create(null) as Record<string, unknown>;
    Object.defineProperty(bare, "__proto__", { value: 0.75, enumerable: true, writable: true, configurable: true });
    bare.b = 0.5;
    const out = parseInput(rates, bare) as Record<string, { toFixed(): string }>;
    expect(Object.keys(out)).toEqual(["__proto__", "b"]);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value.toFixed()).toBe("0.75");
  });

  it("without a __proto__ key the input passes straight to the record; arrays and null are type errors", () => {
    expect(Object.keys(parseInput(rates, { x: 0, y: 1 }) as object)).toEqual(["x", "y"]);
    expect(issues(() => parseInput(rates, [0.5])).map((i) => i.code)).toEqual(["invalid_type"]);
    expect(issues(() => parseInput(rates, null)).map((i) => i.code)).toEqual(["invalid_type"]);
  });

  it("the copy keeps every value writable and enumerable (a later step may fill it in)", () => {
    const out = parseInput(userRecord(z.string(), z.number()), JSON.parse('{"__proto__": 1, "k": 2}')) as Record<string, number>;
    const d = Object.getOwnPropertyDescriptor(out, "__proto__")!;
    expect([d.enumerable, d.writable]).toEqual([true, true]);
    expect(JSON.stringify(Object.entries(out))).toBe('[["__proto__",1],["k",2]]');
  });
});
