// Banded tables: boundaries, coverage and wording.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { bandedTable, bandedTableSchema, decimal, describeBand, describeInterval, lookupBand, parseInput, rateSchema } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { domainError, issues } from "../typed-errors.js";

/** The messages parseInput reports (failed unions resolved to the branch that got furthest). */
const messages = (schema: z.ZodType, input: unknown) => issues(() => parseInput(schema, input)).map((i) => i.message);

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
