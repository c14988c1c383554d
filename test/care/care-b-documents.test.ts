// The care §5–8 worked-example documents as a backend stores them: valid under the
// exported JSON Schemas, and evaluated deterministically (byte-identical JSON, also
// after a JSON round trip of the input).
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildJsonSchemas } from "../../scripts/json-schemas.js";
import * as api from "../../src/index.js";
import { stableJson } from "../fuzz/corruption.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const egfr = { drug: "EGFR-TKI", biomarker: "EGFR", qualifying: { kind: "category", categories: ["positive"] }, validityDays: 180 };
const h14 = { gate: egfr, courseStart: "2026-05-10", results: [{ biomarker: "EGFR", reportDate: "2026-03-01", category: "positive" }, { biomarker: "EGFR", reportDate: "2026-04-01", category: "negative" }] };
const h15 = { gate: { drug: "PD-1", biomarker: "PD-L1", qualifying: { kind: "level", atLeast: "0.50" }, validityDays: 180 }, courseStart: "2026-05-10", results: [{ biomarker: "PD-L1", reportDate: "2026-04-20", level: "0.50" }] };
const h18 = {
  kpi: { id: "readmission30d", comparison: { kind: "pooled", direction: "high-is-bad" } },
  providers: [{ id: "A", numerator: 36, denominator: 200 }, { id: "B", numerator: 20, denominator: 250 }, { id: "C", numerator: 19, denominator: 330 }, { id: "D", numerator: 5, denominator: 20 }],
};
const h19 = {
  currency: "CNY",
  decisionDate: "2026-06-30",
  packages: [{ code: "CART-PKG", triggerCodes: ["CART-DRUG"], componentCodes: ["WARD", "CART-DRUG", "SUPPLIES"], episode: { kind: "admission" }, settlement: { kind: "fundShare", price: "1200000", fundRate: "0.6" } }],
  lines: [
    { id: "1", patient: "P1", provider: "H1", admission: "A1", code: "WARD", serviceDate: "2026-03-01", fundPaid: "120000" },
    { id: "2", patient: "P1", provider: "H1", admission: "A1", code: "CART-DRUG", serviceDate: "2026-03-02", fundPaid: "800000" },
    { id: "3", patient: "P1", provider: "H1", admission: "A1", code: "SUPPLIES", serviceDate: "2026-03-02", fundPaid: "40000" },
  ],
};
const h21 = {
  fund: { id: "rare-disease", currency: "CNY", floor: { kind: "shareOfYear", share: "0.05" } },
  entries: [
    { kind: "perCapita", date: "2026-01-01", source: "insurance", insured: 500000, ratePerPerson: cny("20") },
    { kind: "payment", date: "2026-04-30", id: "p1", for: { claim: "c1" }, amount: cny("6000000") },
    { kind: "payment", date: "2026-09-30", id: "p2", for: { claim: "c2" }, amount: cny("3500000") },
    { kind: "payment", date: "2026-11-15", id: "p3", for: { allowance: "living" }, amount: cny("600000") },
    { kind: "perCapita", date: "2027-01-01", source: "insurance", insured: 510000, ratePerPerson: cny("20") },
  ],
};

const documents: [schema: string, id: string, doc: unknown, run: (x: never) => unknown][] = [
  ["checkTestGateInputSchema", "H14", h14, api.checkTestGate],
  ["checkTestGateInputSchema", "H15", h15, api.checkTestGate],
  ["benchmarkProviderKpiInputSchema", "H18", h18, api.benchmarkProviderKpi],
  ["detectUnbundlingInputSchema", "H19", h19, api.detectUnbundling],
  ["earmarkedFundLedgerInputSchema", "H21", h21, api.earmarkedFundLedger],
];

describe("care §5–8 documents", () => {
  const schemas = buildJsonSchemas();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  it.each(documents)("%s accepts the worked-example document %s", (name, _id, doc) => {
    const validate = ajv.getSchema(schemas[name]!.$id as string) ?? ajv.compile(schemas[name]!);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });
  it("the JSON Schemas reject an unknown key and a missing currency", () => {
    const fund = ajv.compile(schemas.earmarkedFundLedgerInputSchema!);
    expect(fund({ ...h21, extra: 1 })).toBe(false);
    expect(fund({ ...h21, fund: { id: "x", floor: h21.fund.floor } })).toBe(false);
    const unbundling = ajv.compile(schemas.detectUnbundlingInputSchema!);
    const { currency: _c, ...noCurrency } = h19;
    expect(unbundling(noCurrency)).toBe(false);
  });
  it.each(documents)("determinism: %s %s gives byte-identical JSON, also after a JSON round trip", (_name, _id, doc, run) => {
    const first = `${stableJson(run(doc as never))}`;
    expect(stableJson(run(doc as never))).toBe(first);
    expect(stableJson(run(JSON.parse(JSON.stringify(doc)) as never))).toBe(first);
    expect(first).not.toMatch(/\bNaN\b|Infinity/);
  });
});
