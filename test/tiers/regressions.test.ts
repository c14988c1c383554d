// Regressions found by fuzzing (test/fuzz).
import { describe, expect, it } from "vitest";
import { formatInstant, greenChannelDeadlines, parseInput, parseLayers, resolveStratifiedRate, splitBillMinorUnits, stratifiedRateSchema, coveragePlanSchema, ValidationError, type StratifiedRate } from "../../src/index.js";

const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: { by: "insuranceType", categories: { employee: 0.75 } } }, { kind: "assistance", id: "aid", groupRates: { subsistence: 0.9 } }] });

describe("tiers regressions (fuzz)", () => {
  it("the bulk path checks the claim, the patient and the accumulators by hand", () => {
    expect(() => splitBillMinorUnits(plan, null as never)).toThrow(ValidationError);
    expect(() => splitBillMinorUnits(plan, { bill: 100n, patient: { insuranceType: "employee", groups: 3 as never } })).toThrow(ValidationError);
    expect(() => splitBillMinorUnits(plan, { bill: 100n, patient: { insuranceType: "employee" }, accumulators: [null as never, { met: 0n, paid: 0n, bandBase: 0n }] })).toThrow(ValidationError);
    expect(splitBillMinorUnits(plan, { bill: 10000n, patient: { insuranceType: "employee" } }).layers[0]).toBe(7500n);
  });
  it("resolveStratifiedRate reads only parsed rates and checks the patient", () => {
    const rule = parseInput(stratifiedRateSchema, { by: "biomarker", categories: { pos: 0.8 } });
    expect(resolveStratifiedRate({ rule: rule, patient: { biomarker: "pos" } }).rate.toString()).toBe("0.8");
    expect(() => resolveStratifiedRate({ rule: { ...rule } as StratifiedRate, patient: { biomarker: "pos" } })).toThrow(ValidationError);
    expect(() => resolveStratifiedRate({ rule: rule, patient: null as never })).toThrow(ValidationError);
  });
  it("deadlines beyond the Date range are refused, not printed as NaN-NaN-NaN", () => {
    expect(() => greenChannelDeadlines({ submittedAt: "2026-03-02T09:15Z", respondWithinMinutes: Number.MAX_SAFE_INTEGER })).toThrow(ValidationError);
    expect(() => formatInstant({ epochMs: Number.NaN, offsetMinutes: 0 })).toThrow(ValidationError);
    expect(() => formatInstant({ epochMs: 0, offsetMinutes: 10_000 })).toThrow(ValidationError);
    expect(formatInstant({ epochMs: Date.UTC(2026, 2, 2, 1, 15), offsetMinutes: 480 })).toBe("2026-03-02T09:15:00+08:00");
  });
  it("a plan given as a bare array is refused (it states no currency), never parsed with undefined-valued keys", () => {
    expect(() => parseInput(coveragePlanSchema, [{ kind: "basic", rate: 0.7 }])).toThrow(/states its currency/);
    const doc = parseInput(coveragePlanSchema, { currency: "CNY", layers: [{ kind: "basic", rate: 0.7 }] });
    expect(Object.keys(doc)).toEqual(["currency", "layers"]);
  });
});

describe("tiers regressions (mutation pinning)", () => {
  it("years 0000–0099 are read as written, not as 1900–1999, and due times keep a four-digit year", () => {
    // Submitted 0050-01-01 00:00 UTC; the first response is due 60 minutes later.
    expect(greenChannelDeadlines({ submittedAt: "0050-01-01T00:00Z" }).respondBy).toBe("0050-01-01T01:00:00Z");
    // Year 0 is a leap year in the proleptic Gregorian calendar (divisible by 400); 1900 is not.
    expect(greenChannelDeadlines({ submittedAt: "0000-02-29T00:00Z" }).respondBy).toBe("0000-02-29T01:00:00Z");
    expect(greenChannelDeadlines({ submittedAt: "0999-01-01T00:00Z" }).respondBy).toBe("0999-01-01T01:00:00Z");
    // Past 9999 the four-digit form cannot write the year: a typed error, not "10000-…".
    expect(() => formatInstant({ epochMs: Date.UTC(10000, 0, 1), offsetMinutes: 0 })).toThrow(ValidationError);
    // Before year 0000 as well (1 BC is year −1 in Date's reckoning): no "00-1-01-01…".
    expect(() => formatInstant({ epochMs: new Date(0).setUTCFullYear(-1, 0, 1), offsetMinutes: 0 })).toThrow(ValidationError);
    expect(formatInstant({ epochMs: new Date(0).setUTCFullYear(0, 0, 1), offsetMinutes: 0 })).toBe("0000-01-01T00:00:00Z");
    expect(() => greenChannelDeadlines({ submittedAt: "9999-12-31T23:30Z" })).toThrow(ValidationError);
  });
});
