// Banded tables and explanations on junk and at their edges: the typed error, its code,
// its path and its text (worked out by hand from the rules in src/core/bands.ts and
// src/core/explain.ts).
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { bandedTable, bandedTableSchema, describeBand, DomainError, formatExplanation, lookupBand, money, parseInput, rateSchema, step } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

const four = { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.4, value: "a" }, { from: 0.4, to: 0.6, value: "b" }, { from: 0.6, to: 0.8, value: "c" }, { from: 0.8, to: 1, value: "d" }] };

describe("bandedTable errors name the interval and the path", () => {
  it("a bad bound names bands.i.from / bands.i.to under the given path", () => {
    expect(issues(() => bandedTable({ bands: [{ from: 0, to: "x", value: 1 }] }, ["plan", "table"]))).toEqual([{ path: ["plan", "table", "bands", 0, "to"], code: "invalid_decimal", message: '"x" is not a decimal number' }]);
    expect(issues(() => bandedTable({ bands: [{ from: "y", to: 1, value: 1 }] }, ["t"]))[0]!.path).toEqual(["t", "bands", 0, "from"]);
  });

  it("a junk domain min / max names domain.min / domain.max", () => {
    expect(issues(() => bandedTable({ domain: { min: "q", max: 1 }, bands: [{ from: 0, to: 1, value: 1 }] }, ["t"]))[0]!.path).toEqual(["t", "domain", "min"]);
    expect(issues(() => bandedTable({ domain: { min: 0, max: "q" }, bands: [{ from: 0, to: 1, value: 1 }] }, ["t"]))[0]!.path).toEqual(["t", "domain", "max"]);
    expect(issues(() => bandedTable({ domain: null as never, bands: [{ from: 0, to: 1, value: 1 }] }, ["t"]))).toEqual([{ path: ["t", "domain"], code: "invalid_type", message: "the domain is { min, max }" }]);
  });

  it("a non-object table and a non-object band are type errors at their paths", () => {
    expect(issues(() => bandedTable(7 as never, ["t"]))).toEqual([{ path: ["t"], code: "invalid_type", message: "expected a table { bands, closed?, domain? }, got number" }]);
    expect(issues(() => bandedTable({ bands: [null as never] }, ["t"]))[0]!.path).toEqual(["t", "bands", 0]);
    expect(issues(() => bandedTable({ bands: [] }, ["t"]))).toEqual([{ path: ["t", "bands"], code: "too_small", message: "a table needs at least one band" }]);
    expect(issues(() => bandedTable({ bands: [{ from: 0, to: 1, value: 1 }] }, "t" as never))).toEqual([{ path: ["path"], code: "invalid_type", message: "a path is a list of keys and indices" }]);
  });

  it("the domain below the first band is a gap [min, from); above the last, [to, max)", () => {
    const low = domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0.2, to: 1, value: 1 }] }, ["t"]));
    expect([low.code, low.reason, low.path]).toEqual(["BAND_GAP", "no band covers [0, 0.2)", ["t", "bands"]]);
    const high = domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.9, value: 1 }] }, ["t"]));
    expect([high.code, high.reason, high.path]).toEqual(["BAND_GAP", "no band covers [0.9, 1)", ["t", "bands"]]);
    // A band beyond the domain is a coverage error, not a gap.
    const over = domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 1.5, value: 1 }] }));
    expect([over.code, over.reason]).toEqual(["BAND_COVERAGE", "band [0, 1.5) ends above the domain's max 1"]);
    const under = domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: -1, to: 1, value: 1 }] }));
    expect([under.code, under.reason]).toEqual(["BAND_COVERAGE", "band [-1, 1) starts below the domain's min 0"]);
  });

  it("a gap between bands, and two bands starting at the same bound (an overlap, reported in input order)", () => {
    const gap = domainError(() => bandedTable({ bands: [{ from: 0, to: 0.4, value: 1 }, { from: 0.5, to: 1, value: 2 }] }, ["t"]));
    expect([gap.code, gap.reason, gap.path, gap.details]).toEqual(["BAND_GAP", "no band covers [0.4, 0.5)", ["t", "bands"], { from: "0.4", to: "0.5" }]);
    const twin = domainError(() => bandedTable({ bands: [{ from: 0, to: 1, value: 1 }, { from: 0, to: 0.5, value: 2 }] }));
    expect(twin.code).toBe("BAND_OVERLAP");
    expect(twin.details).toEqual({ first: 0, second: 1 });
  });

  it("bands given out of order are sorted by their lower bound", () => {
    const t = bandedTable({ bands: [{ from: 0.5, to: 1, value: "hi" }, { from: null, to: 0.5, value: "lo" }] });
    expect(t.bands.map((b) => b.value)).toEqual(["lo", "hi"]);
    expect(lookupBand(t, 0.5).value).toBe("hi");
    expect(lookupBand(t, "0.4999").value).toBe("lo");
  });
});

describe("lookupBand and describeBand", () => {
  it("lookups at every band edge (closed lower) and inside (closed upper)", () => {
    const t = bandedTable(four);
    expect([0, 0.39, 0.4, 0.6, 0.8, 1].map((x) => lookupBand(t, x).value)).toEqual(["a", "a", "b", "c", "d", "d"]);
    const u = bandedTable({ ...four, closed: "upper" });
    expect([0, 0.4, 0.41, 0.6, 0.8, 0.81, 1].map((x) => lookupBand(u, x).value)).toEqual(["a", "a", "b", "b", "c", "d", "d"]);
  });

  it("outside the domain: OUT_OF_DOMAIN naming the closed domain; an unbounded side stays open", () => {
    const e = domainError(() => lookupBand(bandedTable(four), 1.5, ["x"]));
    expect([e.code, e.reason, e.path]).toEqual(["OUT_OF_DOMAIN", "1.5 is outside the table's domain [0, 1]", ["x"]]);
    const half = bandedTable({ domain: { min: 0, max: null }, bands: [{ from: 0, to: null, value: 1 }] });
    expect(domainError(() => lookupBand(half, -1)).reason).toBe("-1 is outside the table's domain [0, +∞)");
    expect(issues(() => lookupBand(half, 1, "x" as never))).toEqual([{ path: ["path"], code: "invalid_type", message: "a path is a list of keys and indices" }]);
  });

  it("a table not made by bandedTable is refused by lookupBand and describeBand", () => {
    const fake = { closed: "lower", domain: { min: null, max: null }, bands: [{ from: null, to: null, value: 1, index: 0 }] };
    expect(issues(() => lookupBand(fake as never, 1))).toEqual([{ path: ["table"], code: "invalid_type", message: "expected a table made by bandedTable(), got an object" }]);
    expect(issues(() => describeBand(null as never, fake.bands[0] as never))[0]!.path).toEqual(["table"]);
    expect(issues(() => describeBand(7 as never, fake.bands[0] as never))[0]!.path).toEqual(["table"]);
  });

  it("describeBand closes the domain's ends: first band [0, …, last band …, 1]", () => {
    const t = bandedTable(four);
    expect(t.bands.map((b) => describeBand(t, b))).toEqual(["[0, 0.4)", "[0.4, 0.6)", "[0.6, 0.8)", "[0.8, 1]"]);
    const u = bandedTable({ ...four, closed: "upper" });
    expect(u.bands.map((b) => describeBand(u, b))).toEqual(["[0, 0.4]", "(0.4, 0.6]", "(0.6, 0.8]", "(0.8, 1]"]);
    const open = bandedTable({ bands: [{ from: null, to: 0, value: 1 }, { from: 0, to: null, value: 2 }] });
    expect(open.bands.map((b) => describeBand(open, b))).toEqual(["(−∞, 0)", "[0, +∞)"]);
    expect(issues(() => describeBand(t, null as never))).toEqual([{ path: ["band"], code: "invalid_type", message: "expected a band of the table" }]);
    expect(issues(() => describeBand(t, { ...t.bands[0]! }))[0]!.path).toEqual(["band"]);
  });

  it("bandedTableSchema reports a coverage error as an issue at bands, and a bad value at its band", () => {
    const schema = z.strictObject({ shares: bandedTableSchema(rateSchema) });
    expect(issues(() => parseInput(schema, { shares: { bands: [{ from: 0, to: 0.4, value: 0.5 }, { from: 0.5, to: 1, value: 1 }] } }))).toEqual([{ path: ["shares", "bands"], code: "custom", message: "no band covers [0.4, 0.5)" }]);
    expect(issues(() => parseInput(schema, { shares: { bands: [{ from: 0, to: "z", value: 0.5 }] } }))).toEqual([{ path: ["shares", "bands", 0, "to"], code: "custom", message: '"z" is not a decimal number' }]);
    expect(issues(() => parseInput(schema, { shares: { closed: "middle", bands: [{ from: 0, to: 1, value: 0.5 }] } }))[0]!.path).toEqual(["shares", "closed"]);
    expect(parseInput(schema, { shares: { closed: "upper", bands: [{ from: 0, to: 1, value: 0.5 }] } }).shares.closed).toBe("upper");
    expect(caughtDomain(() => bandedTable({ bands: [{ from: 0, to: 0.4, value: 1 }, { from: 0.5, to: 1, value: 2 }] }))).toBe(true);
  });
});

function caughtDomain(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch (e) {
    return e instanceof DomainError;
  }
}

describe("formatExplanation on junk", () => {
  const good = step("core.test.ok", "fine", {}, money("1"));
  it("each malformed part of a step is named at steps.i.<field>", () => {
    expect(issues(() => formatExplanation([good, null as never]))).toEqual([{ path: ["steps", 1], code: "invalid_type", message: "expected a step, got null" }]);
    expect(issues(() => formatExplanation([7 as never]))[0]!.path).toEqual(["steps", 0]);
    expect(issues(() => formatExplanation([{ ...good, rule: 1 } as never]))).toEqual([{ path: ["steps", 0, "rule"], code: "invalid_type", message: "a step's rule is a string" }]);
    expect(issues(() => formatExplanation([{ ...good, text: 1 } as never]))).toEqual([{ path: ["steps", 0, "text"], code: "invalid_type", message: "a step's text is a string" }]);
    expect(issues(() => formatExplanation([{ ...good, inputs: [] } as never]))).toEqual([{ path: ["steps", 0, "inputs"], code: "invalid_type", message: "a step's inputs are a record" }]);
    expect(issues(() => formatExplanation([{ ...good, inputs: "x" } as never]))[0]!.path).toEqual(["steps", 0, "inputs"]);
    expect(issues(() => formatExplanation([{ ...good, inputs: new Date(0) } as never]))[0]!.path).toEqual(["steps", 0, "inputs"]);
    expect(issues(() => formatExplanation([{ ...good, amount: "1" } as never]))).toEqual([{ path: ["steps", 0, "amount"], code: "invalid_type", message: "a step's amount is Money" }]);
  });

  it("the indent must be a string; options may be left out", () => {
    expect(issues(() => formatExplanation([good], { indent: 2 as never }))).toEqual([{ path: ["options", "indent"], code: "invalid_type", message: "the indent is a string" }]);
    expect(formatExplanation([good], { indent: "> " })).toBe("> 1. fine [core.test.ok]\n>    amount: CNY 1.00");
    expect(formatExplanation([good], null as never)).toBe("1. fine [core.test.ok]\n   amount: CNY 1.00");
    expect(formatExplanation([good])).toBe("1. fine [core.test.ok]\n   amount: CNY 1.00");
  });
});
