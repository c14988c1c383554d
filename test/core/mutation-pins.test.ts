// Pins of exact behaviour of the shared mechanisms (errors, explanations, banded
// tables, schemas, input parsing) that the mutation run (docs/quality-mutation.md)
// showed the other tests left loose: wording, paths, boundaries.
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { amountSchema, bandedTable, bandedTableSchema, currencyCodeSchema, decimal, decimalSchema, describeBand, describeInterval, DomainError, formatExplanation, formatPath, invalid, isLibraryError, isoDateSchema, lookupBand, money, moneyOf, nonNegativeAmountSchema, nonNegativeDecimalSchema, nonNegativeMoneySchema, parseInput, positiveDecimalSchema, rateSchema, roundingSchema, step, ValidationError } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

function issues(fn: () => unknown): { path: readonly (string | number)[]; code: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return [...(e as ValidationError).issues];
  }
  throw new Error("expected a ValidationError");
}

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error("expected a DomainError");
}

/** The messages parseInput reports (failed unions resolved to the branch that got furthest). */
const messages = (schema: z.ZodType, input: unknown) => issues(() => parseInput(schema, input)).map((i) => i.message);

describe("errors", () => {
  it("formatPath writes keys with dots and indices in brackets", () => {
    expect(formatPath([])).toBe("(root)");
    expect(formatPath(["a", 0, "b"])).toBe("a[0].b");
    expect(formatPath([0, "a"])).toBe("[0].a");
    expect(formatPath(["a", "b", 2, 3])).toBe("a.b[2][3]");
    expect(issues(() => formatPath("a" as never))).toEqual([{ path: ["path"], code: "invalid_type", message: "a path is a list of keys and indices" }]);
    expect(issues(() => formatPath(["a", true] as never))).toEqual([{ path: ["path", 1], code: "invalid_type", message: "a path part is a key (string) or an index (number)" }]);
  });

  it("ValidationError and DomainError messages", () => {
    const v = new ValidationError([
      { path: ["a"], code: "x", message: "m1" },
      { path: ["b", 0], code: "y", message: "m2" },
    ]);
    expect(v.message).toBe("invalid input — a: m1; b[0]: m2");
    expect(v.name).toBe("ValidationError");
    expect(new ValidationError([{ path: [], code: "x", message: "m" }], "ctx").message).toBe("ctx: invalid input — (root): m");
    const d = new DomainError("BAND_GAP", "reason");
    expect([d.message, d.reason, d.name, d.path, d.details]).toEqual(["reason", "reason", "DomainError", [], {}]);
    expect(new DomainError("BAND_GAP", "r", { path: [] }).message).toBe("r");
    expect(invalid(["p"], "m").issues).toEqual([{ path: ["p"], code: "invalid_value", message: "m" }]);
    expect([isLibraryError(v), isLibraryError(d), isLibraryError(new Error("x")), isLibraryError(null)]).toEqual([true, true, false, false]);
  });
});

describe("explanations", () => {
  it("step keeps an amount only when given, and checks its parts", () => {
    expect(step("r", "t")).toEqual({ rule: "r", text: "t", inputs: {} });
    expect("amount" in step("r", "t", {})).toBe(false);
    expect(step("r", "t", {}, money("1")).amount!.toString()).toBe("CNY 1.00");
    expect(issues(() => step(5 as never, "t"))).toEqual([{ path: ["rule"], code: "invalid_type", message: "a step's rule is a string" }]);
    expect(issues(() => step("r", 5 as never))).toEqual([{ path: ["text"], code: "invalid_type", message: "a step's text is a string" }]);
    expect(issues(() => step("r", "t", null as never))).toEqual([{ path: ["inputs"], code: "invalid_type", message: "a step's inputs are a record" }]);
    expect(issues(() => step("r", "t", 5 as never))[0]!.path).toEqual(["inputs"]);
    expect(issues(() => step("r", "t", {}, { amount: 1 } as never))).toEqual([{ path: ["amount"], code: "invalid_type", message: "a step's amount is Money" }]);
  });

  it("formats every kind of input value, with an indent", () => {
    const s = step(
      "r",
      "Text.",
      { none: null, n: 2, yes: true, d: new D("0.50"), list: ["a", 1], rec: { k: "v", m: money("1000") }, empty: [] },
      money("-1234.5"),
    );
    expect(formatExplanation([s], { indent: "  " })).toBe(
      ["  1. Text. [r]", "     inputs: none —, n 2, yes true, d 0.5, list [a, 1], rec { k: v, m: CNY 1,000.00 }, empty []", "     amount: CNY -1,234.50"].join("\n"),
    );
    // No inputs, no amount: one line per step, numbered from 1.
    expect(formatExplanation([step("a", "A."), step("b", "B.")])).toBe("1. A. [a]\n2. B. [b]");
    expect(formatExplanation([])).toBe("");
    // Records without a prototype are records too.
    expect(formatExplanation([{ rule: "r", text: "T.", inputs: Object.assign(Object.create(null), { k: 1 }) }])).toBe("1. T. [r]\n   inputs: k 1");
  });

  it("refuses malformed steps with their paths", () => {
    expect(issues(() => formatExplanation({} as never))).toEqual([{ path: ["steps"], code: "invalid_type", message: "expected a list of steps, got an object" }]);
    expect(issues(() => formatExplanation([null] as never))).toEqual([{ path: ["steps", 0], code: "invalid_type", message: "expected a step, got null" }]);
    expect(issues(() => formatExplanation([step("r", "t"), { rule: 1, text: "t", inputs: {} }] as never))).toEqual([
      { path: ["steps", 1, "rule"], code: "invalid_type", message: "a step's rule is a string" },
    ]);
    expect(issues(() => formatExplanation([{ rule: "r", text: 1, inputs: {} }] as never))[0]!.path).toEqual(["steps", 0, "text"]);
    for (const inputs of [null, [], new Map(), "x"]) {
      expect(issues(() => formatExplanation([{ rule: "r", text: "t", inputs }] as never))).toEqual([
        { path: ["steps", 0, "inputs"], code: "invalid_type", message: "a step's inputs are a record" },
      ]);
    }
    expect(issues(() => formatExplanation([{ rule: "r", text: "t", inputs: {}, amount: 5 }] as never))).toEqual([
      { path: ["steps", 0, "amount"], code: "invalid_type", message: "a step's amount is Money" },
    ]);
  });
});

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

describe("banded tables", () => {
  it("describes intervals with either closure and unbounded ends", () => {
    expect(describeInterval(new D("0.4"), new D("0.6"))).toBe("[0.4, 0.6)");
    expect(describeInterval(new D("0.4"), new D("0.6"), "upper")).toBe("(0.4, 0.6]");
    expect(describeInterval(null, new D(1))).toBe("(−∞, 1)");
    expect(describeInterval(new D(1), null, "upper")).toBe("(1, +∞)");
    expect(describeInterval(null, null)).toBe("(−∞, +∞)");
    expect(issues(() => describeInterval(5 as never, null))).toEqual([{ path: ["from"], code: "invalid_type", message: "a bound is a finite Decimal or null, got number" }]);
    expect(issues(() => describeInterval(null, new D(Number.NaN)))[0]!.path).toEqual(["to"]);
    expect(issues(() => describeInterval(null, null, "both" as never))).toEqual([{ path: ["closed"], code: "invalid_enum_value", message: 'closed is "lower" or "upper"' }]);
  });

  it("describes bands with the table's closure and its domain ends", () => {
    const lower = bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.5, value: "a" }, { from: 0.5, to: 1, value: "b" }] });
    expect(lower.bands.map((b) => describeBand(lower, b))).toEqual(["[0, 0.5)", "[0.5, 1]"]);
    const upper = bandedTable({ closed: "upper", domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.5, value: "a" }, { from: 0.5, to: 1, value: "b" }] });
    expect(upper.bands.map((b) => describeBand(upper, b))).toEqual(["[0, 0.5]", "(0.5, 1]"]);
    const open = bandedTable({ bands: [{ from: null, to: 0, value: "a" }, { from: 0, to: null, value: "b" }] });
    expect(open.bands.map((b) => describeBand(open, b))).toEqual(["(−∞, 0)", "[0, +∞)"]);
    const openUpper = bandedTable({ closed: "upper", bands: [{ from: null, to: 0, value: "a" }, { from: 0, to: null, value: "b" }] });
    expect(openUpper.bands.map((b) => describeBand(openUpper, b))).toEqual(["(−∞, 0]", "(0, +∞)"]);
    expect(issues(() => describeBand({ closed: "lower", domain: { min: null, max: null }, bands: [] } as never, lower.bands[0]!))).toEqual([
      { path: ["table"], code: "invalid_type", message: "expected a table made by bandedTable(), got an object" },
    ]);
    expect(issues(() => describeBand(lower, upper.bands[0]!))).toEqual([{ path: ["band"], code: "invalid_type", message: "expected a band of the table" }]);
    expect(issues(() => describeBand(lower, null as never))[0]!.path).toEqual(["band"]);
  });

  it("names what is wrong with a table and where", () => {
    expect(issues(() => bandedTable({ bands: [{ from: 0.5, to: 0.5, value: 1 }] }, ["t"]))).toEqual([
      { path: ["t", "bands", 0], code: "empty_band", message: "band [0.5, 0.5) is empty: its lower bound must be below its upper bound" },
    ]);
    expect(issues(() => bandedTable({ bands: [] }, ["t"]))).toEqual([{ path: ["t", "bands"], code: "too_small", message: "a table needs at least one band" }]);
    expect(issues(() => bandedTable(null as never))).toEqual([{ path: [], code: "invalid_type", message: "expected a table { bands, closed?, domain? }, got null" }]);
    expect(issues(() => bandedTable({ bands: [{ from: 0, to: 1, value: 1 }] }, "t" as never))).toEqual([{ path: ["path"], code: "invalid_type", message: "a path is a list of keys and indices" }]);
    expect(issues(() => bandedTable({ closed: "middle" as never, bands: [{ from: 0, to: 1, value: 1 }] }))[0]!.path).toEqual(["closed"]);
    expect(issues(() => bandedTable({ domain: 5 as never, bands: [{ from: 0, to: 1, value: 1 }] }))).toEqual([{ path: ["domain"], code: "invalid_type", message: "the domain is { min, max }" }]);
    expect(issues(() => bandedTable({ bands: [7 as never] }))).toEqual([{ path: ["bands", 0], code: "invalid_type", message: "expected a band { from, to, value }, got number" }]);
    expect(issues(() => bandedTable({ bands: [{ from: 0, to: 1, value: undefined }] }))).toEqual([{ path: ["bands", 0, "value"], code: "invalid_type", message: "a band needs a value" }]);
    expect(issues(() => bandedTable({ bands: [{ from: "x", to: 1, value: 1 }] }))).toEqual([{ path: ["bands", 0, "from"], code: "invalid_decimal", message: '"x" is not a decimal number' }]);
    expect(issues(() => bandedTable({ domain: { min: 1, max: 1 }, bands: [{ from: 0, to: 1, value: 1 }] }))).toEqual([
      { path: ["domain"], code: "empty_domain", message: "the domain's min must be below its max" },
    ]);
  });

  it("gaps, overlaps and coverage errors carry the interval and details", () => {
    const gap = domainError(() => bandedTable({ bands: [{ from: 0, to: 0.4, value: 1 }, { from: 0.6, to: 1, value: 2 }] }, ["t"]));
    expect([gap.code, gap.message, gap.details]).toEqual(["BAND_GAP", "t.bands: no band covers [0.4, 0.6)", { from: "0.4", to: "0.6" }]);
    const overlap = domainError(() => bandedTable({ bands: [{ from: 0, to: 2, value: 1 }, { from: 0, to: 1, value: 2 }] }));
    // Same lower bound: kept in document order; they overlap on [0, min(2, 1)) = [0, 1).
    expect([overlap.code, overlap.message, overlap.details]).toEqual(["BAND_OVERLAP", "bands: bands overlap on [0, 1)", { first: 0, second: 1 }]);
    const unbounded = domainError(() => bandedTable({ bands: [{ from: 1, to: 2, value: 1 }, { from: 0, to: null, value: 2 }] }));
    // Sorted: [0, +∞) then [1, 2): overlap on [1, 2).
    expect([unbounded.message, unbounded.details]).toEqual(["bands: bands overlap on [1, 2)", { first: 1, second: 0 }]);
    const tail = domainError(() => bandedTable({ bands: [{ from: 0, to: 3, value: 1 }, { from: 1, to: null, value: 2 }] }));
    expect(tail.message).toBe("bands: bands overlap on [1, 3)");
    expect(domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: -1, to: 1, value: 1 }] })).message).toBe("bands: band [-1, 1) starts below the domain's min 0");
    expect(domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 2, value: 1 }] })).message).toBe("bands: band [0, 2) ends above the domain's max 1");
    expect(domainError(() => bandedTable({ domain: { min: null, max: 1 }, bands: [{ from: 0, to: 1, value: 1 }] })).message).toBe("bands: no band covers (−∞, 0)");
    expect(domainError(() => bandedTable({ domain: { min: 0, max: null }, bands: [{ from: 0, to: 1, value: 1 }] })).message).toBe("bands: no band covers [1, +∞)");
    expect(domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: null, to: 1, value: 1 }] })).code).toBe("BAND_COVERAGE");
    expect(domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0, to: null, value: 1 }] })).code).toBe("BAND_COVERAGE");
    // Labels are kept; the bands are indexed in sorted order.
    const t = bandedTable({ bands: [{ from: 1, to: 2, value: "b", label: "second" }, { from: 0, to: 1, value: "a" }] });
    expect(t.bands.map((b) => [b.index, b.value, b.label])).toEqual([
      [0, "a", undefined],
      [1, "b", "second"],
    ]);
    expect("label" in t.bands[0]!).toBe(false);
    expect(t.domain).toEqual({ min: new D(0), max: new D(2) });
    expect(t.closed).toBe("lower");
  });

  it("lookups check the domain and the table", () => {
    const t = bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.5, value: "a" }, { from: 0.5, to: 1, value: "b" }] });
    const out = domainError(() => lookupBand(t, "1.01", ["x"]));
    expect([out.code, out.message]).toEqual(["OUT_OF_DOMAIN", "x: 1.01 is outside the table's domain [0, 1]"]);
    expect(domainError(() => lookupBand(t, -1)).code).toBe("OUT_OF_DOMAIN");
    expect([lookupBand(t, 0).value, lookupBand(t, "0.4999").value, lookupBand(t, 0.5).value, lookupBand(t, 1).value]).toEqual(["a", "a", "b", "b"]);
    const up = bandedTable({ closed: "upper", bands: [{ from: null, to: 0, value: "a" }, { from: 0, to: 1, value: "b" }, { from: 1, to: null, value: "c" }] });
    expect([lookupBand(up, 0).value, lookupBand(up, "0.0001").value, lookupBand(up, 1).value, lookupBand(up, 2).value, lookupBand(up, -5).value]).toEqual(["a", "b", "b", "c", "a"]);
    const half = bandedTable({ domain: { min: null, max: 1 }, bands: [{ from: null, to: 1, value: "a" }] });
    expect(domainError(() => lookupBand(half, 2)).message).toBe("2 is outside the table's domain (−∞, 1]");
    const low = bandedTable({ domain: { min: 0, max: null }, bands: [{ from: 0, to: null, value: "a" }] });
    expect(domainError(() => lookupBand(low, -2)).message).toBe("-2 is outside the table's domain [0, +∞)");
    expect(issues(() => lookupBand(t, "abc", ["x"]))).toEqual([{ path: ["x"], code: "invalid_decimal", message: '"abc" is not a decimal number' }]);
    expect(issues(() => lookupBand({ ...t }, 0))[0]!.path).toEqual(["table"]);
    expect(issues(() => lookupBand(t, 0, "x" as never))[0]!.path).toEqual(["path"]);
  });

  it("the schema turns table errors into issues", () => {
    expect(issues(() => bandedTableSchema({} as never))).toEqual([{ path: ["value"], code: "invalid_type", message: "expected the zod schema of the band values" }]);
    const schema = bandedTableSchema(rateSchema);
    const empty = issues(() => parseInput(schema, { bands: [{ from: 1, to: 1, value: 0.5 }] }));
    expect(empty.map((i) => [i.path, i.message])).toEqual([[["bands", 0], "band [1, 1) is empty: its lower bound must be below its upper bound"]]);
    expect(parseInput(schema, { closed: "upper", bands: [{ from: 0, to: 1, value: "0.5" }] }).closed).toBe("upper");
  });
});

describe("schemas", () => {
  it("decimal schemas and their bounds", () => {
    expect(messages(decimalSchema, "abc")).toEqual(['"abc" is not a decimal number']);
    // zod's number type already refuses NaN and ±Infinity.
    expect(decimalSchema.safeParse(Number.NaN).success).toBe(false);
    expect(decimalSchema.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(decimalSchema.parse("-1.50").toString()).toBe("-1.5");
    expect(messages(nonNegativeDecimalSchema, "-0.01")).toEqual(["must be ≥ 0, got -0.01"]);
    expect(nonNegativeDecimalSchema.parse(0).toString()).toBe("0");
    expect(messages(positiveDecimalSchema, 0)).toEqual(["must be > 0, got 0"]);
    expect(positiveDecimalSchema.parse("0.0001").toString()).toBe("0.0001");
    expect(messages(rateSchema, "1.5")).toEqual(["must be ≤ 1, got 1.5: rates are decimals in [0, 1]: for 1.5% write 0.015"]);
    expect([rateSchema.parse(0).toString(), rateSchema.parse("1").toString()]).toEqual(["0", "1"]);
    expect(issues(() => decimal(null as never))).toEqual([{ path: ["bounds"], code: "invalid_type", message: "bounds are an object { min?, above?, max? }" }]);
    expect(issues(() => decimal({ max: "x" }))).toEqual([{ path: ["bounds", "max"], code: "invalid_decimal", message: '"x" is not a decimal number' }]);
  });

  it("amounts are decimal strings or safe integers", () => {
    expect(amountSchema.parse("-12.50").toString()).toBe("-12.5");
    expect(amountSchema.parse(12).toString()).toBe("12");
    expect(messages(amountSchema, 0.5)).toEqual(["amounts with decimals must be written as strings (got 0.5)"]);
    expect(messages(amountSchema, "1e5")).toEqual(['"1e5" is not a decimal amount: write it without an exponent']);
    expect(messages(nonNegativeAmountSchema, "-1")).toEqual(["must be ≥ 0, got -1"]);
  });

  it("currency codes, money, dates and rounding modes", () => {
    expect(messages(currencyCodeSchema, "cny")).toEqual(["a currency code is three upper-case letters (ISO 4217)", 'unknown currency code "cny"']);
    expect(messages(currencyCodeSchema, "XYZ")).toEqual(['unknown currency code "XYZ"']);
    expect(currencyCodeSchema.parse("JPY")).toBe("JPY");
    expect(nonNegativeMoneySchema.safeParse(money("0")).success).toBe(true);
    expect(nonNegativeMoneySchema.safeParse(money("-0.01")).success).toBe(false);
    const positive = moneyOf({ above: "0" });
    expect([positive.safeParse(money("0")).success, positive.safeParse(money("0.01")).success]).toEqual([false, true]);
    const capped = moneyOf({ max: "10" });
    expect([capped.safeParse(money("10")).success, capped.safeParse(money("10.01")).success]).toEqual([true, false]);
    expect(capped.parse({ amount: "10", currency: "USD" }).toString()).toBe("USD 10.00");
    expect(capped.safeParse({ amount: "10.01", currency: "USD" }).success).toBe(false);
    // The shape check does not abort, so the calendar check reports too.
    expect(messages(isoDateSchema, "2026-1-5")).toEqual(["expected a calendar date YYYY-MM-DD", '"2026-1-5" is not a calendar date']);
    expect(messages(isoDateSchema, "2026-02-30")).toEqual(['"2026-02-30" is not a calendar date']);
    expect(roundingSchema.parse("half-even")).toBe("half-even");
    expect(roundingSchema.safeParse("nearest").success).toBe(false);
  });
});
