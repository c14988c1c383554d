// Annual accumulators as documents: carried between claims, checked against plan, year and currency.
// Exact behaviour (wording, limits, paths) first pinned by the mutation runs; amounts worked by hand (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import {
  parseLayers,
  splitBill,
} from "../../src/index.js";
import { domainError, subMinorUnit } from "../typed-errors.js";

const amt = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

describe("accumulators", () => {
  const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", deductible: "750", rate: 0.5, cap: "1000" }] });
  const claim = (accumulators: unknown, year?: number) => () => splitBill({ year: 2026, plan, bill: "10", accumulators: accumulators as never, ...(year === undefined ? {} : { year }) });

  it("refuses accumulators of another currency, year or plan, with their wording", () => {
    const cur = domainError(claim({ currency: "USD", layers: {} }));
    expect([cur.code, cur.message]).toEqual(["CURRENCY_MISMATCH", "accumulators.currency: the accumulators are in USD but the plan settles in CNY"]);
    expect(cur.details).toEqual({ accumulators: "USD", plan: "CNY" });
    const year = domainError(claim({ year: 2025, currency: "CNY", layers: {} }, 2026));
    expect(year.message).toBe("accumulators.year: the accumulators belong to 2025 but the claim is in 2026: start the new year from empty accumulators");
    expect(year.details).toEqual({ accumulators: 2025, claim: 2026 });
    const unknown = domainError(claim({ currency: "CNY", layers: { other: {} } }));
    expect([unknown.code, unknown.message]).toEqual(["UNKNOWN_KEY", 'accumulators.layers.other: the accumulators name layer "other", which the plan does not have']);
    expect(unknown.details).toEqual({ known: ["basic"] });
    // A year on only one side, or a null year, is accepted.
    expect(splitBill({ plan, bill: "10", year: 2026, accumulators: { year: null, currency: "CNY", layers: {} } }).accumulators.year).toBe(2026);
    expect(splitBill({ year: 2025, plan, bill: "10", accumulators: { year: 2025, currency: "CNY", layers: {} } }).accumulators.year).toBe(2025);
    expect(splitBill({ plan, bill: "10", year: 2025, accumulators: { year: 2025, currency: "CNY", layers: {} } }).accumulators.year).toBe(2025);
  });

  it("refuses figures beyond the layer's deductible or cap, accepts them at the limit", () => {
    const met = domainError(claim({ currency: "CNY", layers: { basic: { deductibleMet: "750.01" } } }));
    expect([met.code, met.message]).toEqual(["INCONSISTENT_INPUT", "accumulators.layers.basic.deductibleMet: deductible met 750.01 exceeds the layer's annual deductible 750.00"]);
    const paid = domainError(claim({ currency: "CNY", layers: { basic: { paid: "1000.01" } } }));
    expect(paid.message).toBe("accumulators.layers.basic.paid: paid 1000.01 exceeds the layer's annual cap 1000.00");
    const full = splitBill({ year: 2026, plan, bill: "10", accumulators: { currency: "CNY", layers: { basic: { deductibleMet: "750", paid: "1000" } } } });
    // Deductible met and cap used up: nothing paid.
    expect(full.accumulators.layers.basic).toEqual({ deductibleMet: "750.00", paid: "1000.00" });
    expect(subMinorUnit(claim({ currency: "CNY", layers: { basic: { paid: "0.001" } } })).code).toBe("sub_minor_unit");
  });
});

describe("accumulators: stored documents and their checks", () => {
  it("a claim year with accumulators that name no year is accepted and stamps the year", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: 0.5 }] });
    const r = splitBill({ plan, bill: "10", year: 2026, accumulators: { currency: "CNY", layers: {} } });
    // 50% of 10 = 5.
    expect(amt(r.layers[0]!.amount)).toBe("5.00");
    expect(r.accumulators.year).toBe(2026);
  });

  it("accumulator figures finer than the fen name their own field", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "supplementary", id: "s", threshold: "100", cap: "1000", bands: { bands: [{ from: 0, to: null, value: 0.5 }] } }] });
    const sub = (field: "deductibleMet" | "paid" | "bandBase") => subMinorUnit(() => splitBill({ year: 2026, plan, bill: "10", accumulators: { currency: "CNY", layers: { s: { [field]: "0.001" } } } }));
    for (const field of ["deductibleMet", "paid", "bandBase"] as const) {
      const e = sub(field);
      expect([e.code, e.path, e.message]).toEqual([
        "sub_minor_unit",
        ["accumulators", "layers", "s", field],
        `accumulators.layers.s.${field}: the amount 0.001 has more decimals than the currency's 2`,
      ]);
    }
  });

  it("paid beyond the cap is an INCONSISTENT_INPUT", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: 0.5, cap: "1000" }] });
    const e = domainError(() => splitBill({ year: 2026, plan, bill: "10", accumulators: { currency: "CNY", layers: { basic: { paid: "1000.01" } } } }));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["accumulators", "layers", "basic", "paid"]]);
  });

  it("only a layer with progressive bands carries a band position", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "supplementary", id: "s", threshold: "100", rate: 0.5 }] }, bill: "300" });
    // Threshold 100 met; (300 − 100) × 50% = 100 paid; a plain rate keeps no band position.
    expect(r.accumulators.layers).toEqual({ s: { deductibleMet: "100.00", paid: "100.00" } });
  });
});
