// The parsing guards of issue 14 (B1 did-you-mean on unknown keys, B3 form hints, M3 digit
// limits, L2 `__proto__` keys), pinned from core's own tests: typed error, code, path and
// the exact message. Expected texts are written out by hand from the rules in
// src/core/parse.ts and src/core/schemas.ts.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  amount,
  amountSchema,
  currencyCodeSchema,
  decimal,
  decimalSchema,
  money,
  moneySchema,
  nonNegativeMoneySchema,
  parseInput,
  rateSchema,
  ValidationError,
} from "../../src/index.js";
import { caught, issue, issues } from "../typed-errors.js";

const strict = (...keys: string[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, z.number().optional()])));
const unknownKey = (keys: string[], input: Record<string, unknown>) => issues(() => parseInput(strict(...keys), input));

describe("B1 in core: an unknown key names itself, with a did-you-mean", () => {
  it("a typo of an absent key is suggested; path is the unknown key, code unrecognized_keys", () => {
    expect(unknownKey(["capRate", "target"], { caprate: 1 })).toEqual([
      { path: ["caprate"], code: "unrecognized_keys", message: 'unknown key "caprate" (did you mean "capRate"?)' },
    ]);
  });

  it("matching is case-insensitive: CAPRATE is 0 edits from capRate", () => {
    expect(unknownKey(["capRate", "target"], { CAPRATE: 1 })[0]!.message).toBe('unknown key "CAPRATE" (did you mean "capRate"?)');
  });

  it("a key already present is not suggested again; with nothing left to suggest there is no list", () => {
    expect(unknownKey(["capRate"], { capRate: 1, caprate: 1 })).toEqual([{ path: ["caprate"], code: "unrecognized_keys", message: 'unknown key "caprate"' }]);
  });

  it("no close key: the message lists the expected keys (the absent ones), in schema order", () => {
    expect(unknownKey(["capRate", "target", "floor"], { target: 1, zzzzzzzzz: 1 })[0]!.message).toBe('unknown key "zzzzzzzzz"; expected one of "capRate", "floor"');
  });

  it("the expected keys are listed up to 12, not beyond", () => {
    const twelve = Array.from({ length: 12 }, (_, i) => `field${String.fromCharCode(97 + i)}${"q".repeat(i)}`);
    const listed = unknownKey(twelve, { zzzzzzzzzzzzzzzzzzzz: 1 })[0]!.message;
    expect(listed).toBe(`unknown key "zzzzzzzzzzzzzzzzzzzz"; expected one of ${twelve.map((k) => JSON.stringify(k)).join(", ")}`);
    const thirteen = [...twelve, "fieldm"];
    expect(unknownKey(thirteen, { zzzzzzzzzzzzzzzzzzzz: 1 })[0]!.message).toBe('unknown key "zzzzzzzzzzzzzzzzzzzz"');
  });

  it("the edit budget is max(2, ⌊length/3⌋): 3 edits pass for a 9-letter key, 4 do not; 2 always pass", () => {
    // abcdefghi → abcXYZghi: three substitutions; ⌊9/3⌋ = 3.
    expect(unknownKey(["abcdefghi"], { abcxyzghi: 1 })[0]!.message).toBe('unknown key "abcxyzghi" (did you mean "abcdefghi"?)');
    // abWXYZghi: four substitutions > 3 → no suggestion, the list instead.
    expect(unknownKey(["abcdefghi"], { abwxyzghi: 1 })[0]!.message).toBe('unknown key "abwxyzghi"; expected one of "abcdefghi"');
    // A 2-letter key may differ in both letters (max(2, 0) = 2).
    expect(unknownKey(["cd"], { ab: 1 })[0]!.message).toBe('unknown key "ab" (did you mean "cd"?)');
    // …but not in three: "abc" → "xyz" is 3 edits > max(2, 1).
    expect(unknownKey(["xyz"], { abc: 1 })[0]!.message).toBe('unknown key "abc"; expected one of "xyz"');
  });

  it("edit distance counts insertions, deletions and substitutions, and the closest key wins", () => {
    // "targt" → "target": one insertion; "tar" is 2 deletions away: target is closer.
    expect(unknownKey(["tar", "target"], { targt: 1 })[0]!.message).toBe('unknown key "targt" (did you mean "target"?)');
    // "targett" → "target": one deletion (the list order does not matter when one is closer).
    expect(unknownKey(["targetted", "target"], { targett: 1 })[0]!.message).toBe('unknown key "targett" (did you mean "target"?)');
    // Equal distances: the first known key in schema order.
    expect(unknownKey(["alpha1", "alpha2"], { alpha3: 1 })[0]!.message).toBe('unknown key "alpha3" (did you mean "alpha1"?)');
    // Transposition is two edits (Levenshtein, not Damerau): "ratse" → "rates" is 2 ≤ 2.
    expect(unknownKey(["rates"], { ratse: 1 })[0]!.message).toBe('unknown key "ratse" (did you mean "rates"?)');
  });

  it("a hostile key over 200 characters gets no suggestion (no quadratic work); nor does a known key over 200", () => {
    const long = "k".repeat(201);
    const close = `${"k".repeat(200)}x`;
    const m = unknownKey([long], { [close]: 1 })[0]!.message;
    // Shown cut to its first 60 characters, then "…"; the 201-letter known key is not listed as such either.
    expect(m.startsWith(`unknown key "${"k".repeat(60)}"…`)).toBe(true);
    expect(m).not.toContain("did you mean");
    const known = "k".repeat(201);
    const key = "k".repeat(150);
    expect(unknownKey([known], { [key]: 1 })[0]!.message).not.toContain("did you mean");
  });

  it("a key of exactly 60 characters is shown whole; of 61, cut to 60 and an ellipsis", () => {
    const k60 = "y".repeat(60);
    expect(unknownKey(["a"], { [k60]: 1 })[0]!.message).toBe(`unknown key "${k60}"; expected one of "a"`);
    const k61 = "y".repeat(61);
    expect(unknownKey(["a"], { [k61]: 1 })[0]!.message).toBe(`unknown key "${k60}"…; expected one of "a"`);
  });

  it("several unknown keys: one issue each, each at its own path, inside nested objects too", () => {
    const schema = z.strictObject({ terms: z.strictObject({ capRate: z.number().optional(), floor: z.number().optional() }) });
    const found = issues(() => parseInput(schema, { terms: { caprate: 1, flor: 2 } }));
    expect(found).toEqual([
      { path: ["terms", "caprate"], code: "unrecognized_keys", message: 'unknown key "caprate" (did you mean "capRate"?)' },
      { path: ["terms", "flor"], code: "unrecognized_keys", message: 'unknown key "flor" (did you mean "floor"?)' },
    ]);
  });

  it("other issues keep zod's own message (the error map answers only unknown keys)", () => {
    const i = issue(() => parseInput(z.strictObject({ n: z.number() }), { n: "x" }));
    expect(i.path).toEqual(["n"]);
    expect(i.code).toBe("invalid_type");
    expect(i.message).not.toBe("");
    expect(i.message).not.toContain("unknown key");
  });

  it("the calculator's name heads the error message", () => {
    const e = caught(() => parseInput(strict("capRate"), { caprate: 1 }, "reconcileTargetPrice"));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain("reconcileTargetPrice");
    expect(e.message).toContain('did you mean "capRate"?');
  });
});

describe("unions report the branch that got furthest", () => {
  it("a failing union nested in a strict object names the deepest issue, not 'Invalid input'", () => {
    const kind = z.union([z.strictObject({ kind: z.literal("a"), box: z.strictObject({ n: z.number() }) }), z.strictObject({ kind: z.literal("b") })]);
    expect(issues(() => parseInput(z.strictObject({ term: kind }), { term: { kind: "a", box: { n: "1" } } })).map((i) => [i.path, i.code])).toEqual([[["term", "box", "n"], "invalid_type"]]);
  });

  it("equal depth: the branch with fewer issues", () => {
    const u = z.union([z.strictObject({ a: z.string(), b: z.string() }), z.strictObject({ a: z.number(), b: z.string() })]);
    // Branch 1: a is not a string (1 issue); branch 2: a not a number and b not a string (2 issues).
    expect(issues(() => parseInput(u, { a: 1, b: 2 })).map((i) => i.path)).toEqual([["b"]]);
    expect(issues(() => parseInput(u, { a: 1, b: 2 }))).toHaveLength(1);
  });

  it("an unknown key inside a union branch is reported with its did-you-mean", () => {
    const u = z.union([z.strictObject({ kind: z.literal("cap"), capRate: z.number() }), z.strictObject({ kind: z.literal("floor"), floor: z.number() })]);
    const found = issues(() => parseInput(u, { kind: "cap", capRate: 1, caprat: 2 }));
    expect(found).toEqual([{ path: ["caprat"], code: "unrecognized_keys", message: 'unknown key "caprat"' }]);
  });
});

const textIssue = (schema: z.ZodType, input: unknown) => issue(() => parseInput(schema, input));

describe("B3 in core: a malformed decimal says what form is expected", () => {
  it("percent: rates are decimals in [0, 1]", () => {
    // 80 / 100 = 0.8; 12.5 / 100 = 0.125; −5 / 100 = −0.05; +7 / 100 = 0.07.
    expect(textIssue(decimalSchema, "80%")).toEqual({ path: [], code: "invalid_format", message: '"80%" is not a decimal number: rates are decimals in [0, 1]: write 0.8' });
    expect(textIssue(decimalSchema, "12.5 %").message).toBe('"12.5 %" is not a decimal number: rates are decimals in [0, 1]: write 0.125');
    expect(textIssue(decimalSchema, "12.55%").message).toBe('"12.55%" is not a decimal number: rates are decimals in [0, 1]: write 0.1255');
    expect(textIssue(decimalSchema, "-5%").message).toBe('"-5%" is not a decimal number: rates are decimals in [0, 1]: write -0.05');
    expect(textIssue(decimalSchema, "+7%").message).toBe('"+7%" is not a decimal number: rates are decimals in [0, 1]: write 0.07');
    // Not a percent numeral: no hint.
    expect(textIssue(decimalSchema, "x80%").message).toBe('"x80%" is not a decimal number');
    expect(textIssue(decimalSchema, "80%x").message).toBe('"80%x" is not a decimal number');
    expect(textIssue(decimalSchema, "80 %%").message).toBe('"80 %%" is not a decimal number');
  });

  it("thousands separators: write it without them", () => {
    expect(textIssue(amountSchema, "1,200,000.50")).toEqual({ path: [], code: "invalid_format", message: '"1,200,000.50" is not a decimal amount: write it without thousands separators (1200000.50)' });
    expect(textIssue(amountSchema, "12,345").message).toBe('"12,345" is not a decimal amount: write it without thousands separators (12345)');
    expect(textIssue(amountSchema, "-1,234").message).toBe('"-1,234" is not a decimal amount: write it without thousands separators (-1234)');
    expect(textIssue(amountSchema, "1,234.5").message).toBe('"1,234.5" is not a decimal amount: write it without thousands separators (1234.5)');
    // Not grouped by threes: a plain "not a decimal".
    expect(textIssue(amountSchema, "1234,567").message).toBe('"1234,567" is not a decimal amount');
    expect(textIssue(amountSchema, "12,34").message).toBe('"12,34" is not a decimal amount');
    expect(textIssue(amountSchema, "x1,234").message).toBe('"x1,234" is not a decimal amount');
    expect(textIssue(amountSchema, "1,234x").message).toBe('"1,234x" is not a decimal amount');
    expect(textIssue(amountSchema, "1,2a4").message).toBe('"1,2a4" is not a decimal amount');
    expect(textIssue(amountSchema, "1,234.x").message).toBe('"1,234.x" is not a decimal amount');
  });

  it("surrounding spaces: remove them (an inner space gets no such hint)", () => {
    expect(textIssue(decimalSchema, " 12").message).toBe('" 12" is not a decimal number: remove the surrounding spaces');
    expect(textIssue(decimalSchema, "12 ").message).toBe('"12 " is not a decimal number: remove the surrounding spaces');
    expect(textIssue(decimalSchema, "1 2").message).toBe('"1 2" is not a decimal number');
  });

  it("an exponent: write it without (only when the text is a number)", () => {
    expect(textIssue(decimalSchema, "1e5").message).toBe('"1e5" is not a decimal number: write it without an exponent');
    expect(textIssue(decimalSchema, "1E-3").message).toBe('"1E-3" is not a decimal number: write it without an exponent');
    expect(textIssue(decimalSchema, "hello").message).toBe('"hello" is not a decimal number');
    expect(textIssue(decimalSchema, "Infinity").message).toBe('"Infinity" is not a decimal number');
  });

  it("a bad numeral aborts: the enclosing object's refinement never sees the raw text", () => {
    // Continuable, the refinement would call .greaterThan on a string: a raw TypeError.
    const schema = z.strictObject({ x: decimalSchema, y: decimalSchema }).refine((o) => o.x.greaterThan(o.y), { message: "x must exceed y" });
    const found = issues(() => parseInput(schema, { x: "", y: "1" }));
    expect(found.map((i) => i.path)).toEqual([["x"]]);
    const amounts = z.strictObject({ a: amountSchema }).refine((o) => o.a.greaterThan(0), { message: "positive" });
    expect(issues(() => parseInput(amounts, { a: 0.5 }))).toEqual([{ path: ["a"], code: "custom", message: "amounts with decimals must be written as strings (got 0.5)" }]);
    expect(issues(() => parseInput(amounts, { a: "x" })).map((i) => i.message)).toEqual(['"x" is not a decimal amount']);
  });
});

describe("M3 in core: digit limits are typed errors at the field", () => {
  it("65 significant digits are refused with the reason; 64 pass exactly", () => {
    const d64 = "1".repeat(64);
    expect(parseInput(decimalSchema, d64).toFixed()).toBe(d64);
    expect(textIssue(z.strictObject({ price: decimalSchema }), { price: "1".repeat(65) })).toEqual({
      path: ["price"],
      code: "custom",
      message: "a decimal has at most 64 significant digits (MAX_SIGNIFICANT_DIGITS), got 65: it could not be held exactly",
    });
  });

  it("an amount numeral longer than 100 characters is refused by its length", () => {
    const i = textIssue(z.strictObject({ price: amountSchema }), { price: `0.${"0".repeat(99)}1` });
    expect(i).toEqual({ path: ["price"], code: "custom", message: "a decimal has at most 100 characters (MAX_DECIMAL_TEXT_LENGTH), got 102" });
  });
});

describe("bounds", () => {
  it("min, above and max each name the bound and the value; code custom", () => {
    expect(textIssue(decimal({ min: "0" }), -1)).toEqual({ path: [], code: "custom", message: "must be ≥ 0, got -1" });
    expect(textIssue(decimal({ above: "0" }), 0)).toEqual({ path: [], code: "custom", message: "must be > 0, got 0" });
    expect(textIssue(decimal({ max: "1" }), "1.5")).toEqual({ path: [], code: "custom", message: "must be ≤ 1, got 1.5" });
    expect(textIssue(amount({ min: "0" }), "-0.01")).toEqual({ path: [], code: "custom", message: "must be ≥ 0, got -0.01" });
    // Bounds are inclusive / exclusive as named.
    expect(parseInput(decimal({ min: "0", max: "1" }), 0).toFixed()).toBe("0");
    expect(parseInput(decimal({ min: "0", max: "1" }), 1).toFixed()).toBe("1");
  });

  it("a rate written as a percentage gets the hint (80 → 0.8); beyond 100, or outside a rate, it does not", () => {
    expect(textIssue(rateSchema, 80).message).toBe("must be ≤ 1, got 80: rates are decimals in [0, 1]: for 80% write 0.8");
    expect(textIssue(rateSchema, 100).message).toBe("must be ≤ 1, got 100: rates are decimals in [0, 1]: for 100% write 1");
    expect(textIssue(rateSchema, 150).message).toBe("must be ≤ 1, got 150");
    expect(textIssue(decimal({ max: "1" }), 80).message).toBe("must be ≤ 1, got 80");
  });

  it("junk bounds are a ValidationError at bounds / bounds.<key>", () => {
    expect(issues(() => decimal(null as never))).toEqual([{ path: ["bounds"], code: "invalid_type", message: "bounds are an object { min?, above?, max? }" }]);
    expect(issues(() => amount("0" as never))[0]!.path).toEqual(["bounds"]);
    expect(issues(() => decimal({ min: "abc" }))).toEqual([{ path: ["bounds", "min"], code: "invalid_decimal", message: '"abc" is not a decimal number' }]);
    expect(issues(() => amount({ max: "1e5" }))[0]!.path).toEqual(["bounds", "max"]);
  });

  it("a Money value outside the bounds of moneyOf is refused; inside, it passes as it is", () => {
    // Refused (the report names the JSON branch, which got further into the value than the Money branch).
    expect(issues(() => parseInput(nonNegativeMoneySchema, money("-1", "CNY"))).length).toBeGreaterThan(0);
    expect(issues(() => parseInput(z.strictObject({ price: nonNegativeMoneySchema }), { price: money("-1", "CNY") }))[0]!.path[0]).toBe("price");
    expect(parseInput(nonNegativeMoneySchema, money("0", "CNY")).toString()).toBe("CNY 0.00");
    expect(parseInput(moneySchema, { amount: "12.30", currency: "USD" }).toString()).toBe("USD 12.30");
  });
});

describe("B2 in core: currency codes", () => {
  it("a missing currency says a document that states amounts states its currency", () => {
    expect(textIssue(moneySchema, { amount: "1" })).toEqual({
      path: ["currency"],
      code: "invalid_type",
      message: 'the currency is required: a document that states amounts states its currency (e.g. "CNY")',
    });
  });

  it("a non-string, a lower-case and an unknown code each get their own message", () => {
    expect(textIssue(currencyCodeSchema, 12)).toEqual({ path: [], code: "invalid_type", message: "a currency code is a string of three upper-case letters (ISO 4217)" });
    expect(issues(() => parseInput(currencyCodeSchema, "cny"))[0]).toEqual({ path: [], code: "invalid_format", message: "a currency code is three upper-case letters (ISO 4217)" });
    expect(textIssue(currencyCodeSchema, "XYZ")).toEqual({ path: [], code: "custom", message: 'unknown currency code "XYZ"' });
  });
});
