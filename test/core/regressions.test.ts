// Regressions found by fuzzing (test/fuzz).
import { describe, expect, it } from "vitest";
import { amount, bandedTable, bandedTableSchema, decimal, describeBand, describeInterval, formatExplanation, formatPath, lookupBand, parseInput, rateSchema, step, ValidationError, type BandedTable } from "../../src/index.js";

describe("core regressions (fuzz)", () => {
  it("a non-decimal string inside a document no longer reaches the enclosing object's refinements untransformed", () => {
    // qaly's refinement used to call "".greaterThan(...) (TypeError); amount's union likewise
    const schema = decimal();
    expect(() => parseInput(schema, "")).toThrow(ValidationError);
    expect(() => parseInput(amount(), "1e5")).toThrow(ValidationError);
  });
  it("tables not made by bandedTable() are a ValidationError in lookupBand and describeBand", () => {
    const t = bandedTable({ bands: [{ from: 0, to: 1, value: "x" }] });
    expect(lookupBand(t, 0.5).value).toBe("x");
    const copy = { ...t } as BandedTable<string>;
    expect(() => lookupBand(copy, 0.5)).toThrow(ValidationError);
    expect(() => describeBand(t, { ...t.bands[0]! })).toThrow(ValidationError);
    expect(() => describeInterval(null, 5 as never)).toThrow(ValidationError);
  });
  it("bandedTable and bandedTableSchema check their own arguments", () => {
    expect(() => bandedTable(null as never)).toThrow(ValidationError);
    expect(() => bandedTable({ bands: [{ from: 0, to: 1 } as never] })).toThrow(ValidationError);
    expect(() => bandedTableSchema(null as never)).toThrow(ValidationError);
    expect(() => decimal(null as never)).toThrow(ValidationError);
    expect(() => decimal({ min: "abc" })).toThrow(ValidationError);
    expect(parseInput(bandedTableSchema(rateSchema), { bands: [{ from: 0, to: 1, value: "0.5" }] }).bands).toHaveLength(1);
  });
  it("formatPath, formatExplanation, step and parseInput reject junk with a ValidationError", () => {
    expect(() => formatPath(null as never)).toThrow(ValidationError);
    expect(() => formatPath([Number.NaN] as never)).toThrow(ValidationError);
    expect(() => formatExplanation([{ rule: "r", text: "t", inputs: {} }], { indent: Object.create(null) as string })).toThrow(ValidationError);
    expect(() => formatExplanation(null as never)).toThrow(ValidationError);
    expect(() => step(undefined as never, "t")).toThrow(ValidationError);
    expect(() => parseInput(null as never, 1)).toThrow(ValidationError);
  });
});
