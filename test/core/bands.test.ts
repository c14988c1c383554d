import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bandedTable, bandedTableSchema, describeBand, DomainError, lookupBand, parseInput, rateSchema, ValidationError } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { domainError } from "../typed-errors.js";

const k6Completed = {
  domain: { min: "0", max: "1" },
  bands: [
    { from: "0.8", to: "1", value: "1" },
    { from: "0.6", to: "0.8", value: "0.7" },
    { from: "0.4", to: "0.6", value: "0.4" },
    { from: "0", to: "0.4", value: "0" },
  ],
};


describe("banded tables", () => {
  it("finds the half-open band a value falls in, the domain's top included", () => {
    const t = bandedTable(k6Completed);
    expect(["0", "0.3999", "0.4", "0.5", "0.6", "0.65", "0.8", "0.85", "1"].map((x) => lookupBand(t, x).value)).toEqual([
      "0", "0", "0.4", "0.4", "0.7", "0.7", "1", "1", "1",
    ]);
    expect(describeBand(t, t.bands[0]!)).toBe("[0, 0.4)");
    expect(describeBand(t, t.bands[3]!)).toBe("[0.8, 1]");
  });

  it("names the gap of the source's K6 table: no band covers [0.4, 0.6)", () => {
    const e = domainError(() =>
      bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0.8, to: 1, value: 1 }, { from: 0.6, to: 0.8, value: 0.7 }, { from: 0, to: 0.4, value: 0 }] }),
    );
    expect(e.code).toBe("BAND_GAP");
    expect(e.message).toContain("no band covers [0.4, 0.6)");
    expect(e.path).toEqual(["bands"]);
  });

  it("rejects overlaps, empty bands, and bands that miss or exceed the domain", () => {
    expect(domainError(() => bandedTable({ bands: [{ from: 0, to: 0.5, value: 1 }, { from: 0.4, to: 1, value: 2 }] })).code).toBe("BAND_OVERLAP");
    expect(() => bandedTable({ bands: [{ from: 0.5, to: 0.5, value: 1 }] })).toThrow(ValidationError);
    const low = domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0.1, to: 1, value: 1 }] }));
    expect(low.message).toContain("no band covers [0, 0.1)");
    const high = domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.9, value: 1 }] }));
    expect(high.message).toContain("no band covers [0.9, 1)");
    expect(domainError(() => bandedTable({ domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 2, value: 1 }] })).code).toBe("BAND_COVERAGE");
    expect(() => bandedTable({ bands: [] })).toThrow(ValidationError);
  });

  it("supports right-closed bands and unbounded ends (ICER ≤ 3× / (3×, 5×] / > 5× GDP per capita)", () => {
    const t = bandedTable({
      closed: "upper",
      bands: [
        { from: null, to: 267000, value: "high" },
        { from: 267000, to: 445000, value: "moderate" },
        { from: 445000, to: null, value: "low" },
      ],
    });
    expect([-5, 267000, 267000.01, 445000, 445000.01, 1e12].map((x) => lookupBand(t, x).value)).toEqual(["high", "high", "moderate", "moderate", "low", "low"]);
    expect(describeBand(t, t.bands[1]!)).toBe("(267000, 445000]");
  });

  it("rejects lookups outside the domain", () => {
    const t = bandedTable(k6Completed);
    expect(domainError(() => lookupBand(t, "1.01")).code).toBe("OUT_OF_DOMAIN");
    expect(domainError(() => lookupBand(t, -0.01)).code).toBe("OUT_OF_DOMAIN");
    expect(() => lookupBand(t, "abc")).toThrow(ValidationError);
  });

  it("the schema reports gaps and bad values as issues with paths", () => {
    const schema = bandedTableSchema(rateSchema);
    try {
      parseInput(schema, { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.4, value: 0 }, { from: 0.6, to: 1, value: 1 }] }, "tiers");
      throw new Error("expected failure");
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]).toMatchObject({ path: ["bands"], message: "no band covers [0.4, 0.6)" });
    }
    expect(() => parseInput(schema, { bands: [{ from: 0, to: 1, value: 2 }] })).toThrow(/bands\[0\]\.value/);
    const t = parseInput(schema, k6Completed);
    expect(lookupBand(t, 0.65).value.toString()).toBe("0.7");
  });
});

// Contiguous tables from sorted distinct cut points.
const cutsArb = fc.uniqueArray(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 2, maxLength: 12 }).map((xs) => [...xs].sort((a, b) => a - b));

describe("banded table properties", () => {
  it("every value in the domain finds exactly one band, the one whose interval contains it", () => {
    fc.assert(
      fc.property(cutsArb, fc.constantFrom("lower", "upper") as fc.Arbitrary<"lower" | "upper">, fc.integer({ min: -10_000, max: 10_000 }), fc.boolean(), (cuts, closed, x, shuffle) => {
        const bands = cuts.slice(1).map((to, i) => ({ from: cuts[i]!, to, value: i }));
        const t = bandedTable({ closed, bands: shuffle ? [...bands].reverse() : bands });
        const lo = cuts[0]!;
        const hi = cuts[cuts.length - 1]!;
        if (x < lo || x > hi) {
          expect(() => lookupBand(t, x)).toThrow(DomainError);
          return;
        }
        const matches = bands.filter((b, i) => {
          const first = i === 0;
          const last = i === bands.length - 1;
          const aboveLow = closed === "lower" || first ? x >= b.from : x > b.from;
          const belowHigh = closed === "upper" || last ? x <= b.to : x < b.to;
          return aboveLow && belowHigh;
        });
        // At a shared cut point only one side's convention may claim it.
        const expected = matches.length === 1 ? matches[0]! : closed === "lower" ? matches[matches.length - 1]! : matches[0]!;
        expect(matches.length === 1 || (matches.length === 2 && cuts.includes(x))).toBe(true);
        expect(lookupBand(t, x).value).toBe(expected.value);
      }),
    );
  });

  it("removing any inner band leaves a gap that is rejected; widening one creates an overlap that is rejected", () => {
    fc.assert(
      fc.property(cutsArb.filter((c) => c.length >= 4), fc.nat(), (cuts, pick) => {
        const bands = cuts.slice(1).map((to, i) => ({ from: cuts[i]!, to, value: i }));
        const inner = 1 + (pick % (bands.length - 2));
        const gapped = bands.filter((_, i) => i !== inner);
        const e = domainError(() => bandedTable({ bands: gapped }));
        expect(e.code).toBe("BAND_GAP");
        expect(e.message).toContain(`[${bands[inner]!.from}, ${bands[inner]!.to})`);
        const widened = bands.map((b, i) => (i === inner ? { ...b, to: bands[inner + 1]!.to } : b));
        expect(domainError(() => bandedTable({ bands: widened })).code).toBe("BAND_OVERLAP");
      }),
    );
  });

  it("works on exact decimals: bounds differing in the 20th digit are distinct", () => {
    const t = bandedTable({ bands: [{ from: "0", to: "0.10000000000000000001", value: "a" }, { from: "0.10000000000000000001", to: "1", value: "b" }] });
    expect(lookupBand(t, "0.1").value).toBe("a");
    expect(lookupBand(t, new D("0.10000000000000000001")).value).toBe("b");
  });
});
