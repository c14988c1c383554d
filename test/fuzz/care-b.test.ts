// Fuzz: the care chapter, §5–8 (seeds: worked examples H13–H22).
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const c = (name: string, call: (x: never) => unknown, seeds: unknown[][]) =>
  fuzzEntry({ module: "care", name, call: (x) => call(x as never), seeds, maxCorruptions: 800, randomNearRuns: 60 });
const cny = (amount: string) => ({ amount, currency: "CNY" });

const egfr = { drug: "EGFR-TKI", biomarker: "EGFR", qualifying: { kind: "category", categories: ["positive"] }, validityDays: 180 };
const pdl1 = { drug: "PD-1", biomarker: "PD-L1", qualifying: { kind: "level", atLeast: "0.5" }, validityDays: 180 };
const results = [{ biomarker: "EGFR", reportDate: "2026-03-01", category: "positive" }, { biomarker: "EGFR", reportDate: "2026-04-01", category: "negative" }, { biomarker: "PD-L1", reportDate: "2026-04-20", level: "0.5" }];
const cart = { code: "CART-PKG", triggerCodes: ["CART-DRUG"], componentCodes: ["WARD", "CART-DRUG", "SUPPLIES"], episode: { kind: "admission" }, settlement: { kind: "fundShare", price: "1200000", fundRate: 0.6 } };
const b1 = { code: "B1", triggerCodes: [], componentCodes: ["IMAGING"], episode: { kind: "calendarMonth" }, settlement: { kind: "packageLines" } };
const lines = [
  { id: "1", patient: "P1", provider: "H1", admission: "A1", code: "WARD", serviceDate: "2026-03-01", fundPaid: "120000" },
  { id: "2", patient: "P1", provider: "H1", admission: "A1", code: "CART-DRUG", serviceDate: "2026-03-02", fundPaid: "800000" },
  { id: "3", patient: "P1", provider: "H1", code: "B1", serviceDate: "2026-03-01", fundPaid: "19600" },
  { id: "4", patient: "P1", provider: "H1", code: "IMAGING", serviceDate: "2026-03-15", fundPaid: "700" },
];
const recovery = { date: "2026-06-30", rule: "care.recovery.no-indication", reference: "case-17", lineIds: ["L1"], recovered: cny("5000"), fundPaid: cny("5000") };

describe("fuzz: care (§5–8)", () => {
  c("checkTestGate", api.checkTestGate, [[{ gate: egfr, courseStart: "2026-05-10", results }], [{ gate: pdl1, courseStart: "2026-05-10", results }]]);
  c("checkTestResult", api.checkTestResult, [[{ gate: pdl1, courseStart: "2026-05-10", result: results[2] }]]);
  c("testGatePredicate", api.testGatePredicate, [[{ gates: { gates: [egfr, pdl1], stratifiedDrugs: ["ALK-TKI"] }, claim: { code: "EGFR-TKI", courseStart: "2026-05-10" }, results }]]);
  c("triageWithTestGate", api.triageWithTestGate, [[{ rules: { rules: [{ id: "t", risk: "low", when: { codes: ["EGFR-TKI"] } }] }, gates: { gates: [egfr] }, claim: { code: "EGFR-TKI", date: "2026-05-12", courseStart: "2026-05-10", amount: "12000" }, results }]]);
  c("benchmarkProviderKpi", api.benchmarkProviderKpi, [
    [{ kpi: { id: "readmission30d", comparison: { kind: "pooled", direction: "high-is-bad" } }, providers: [{ id: "A", numerator: 36, denominator: 200 }, { id: "B", numerator: 20, denominator: 250 }, { id: "D", numerator: 5, denominator: 20 }] }],
    [{ kpi: { id: "positivityRate", comparison: { kind: "reference", rate: 0.25, direction: "low-is-bad", deviation: 0.4 } }, providers: [{ id: "A", numerator: 16, denominator: 200 }], minimumVolume: 30 }],
    [{ kpi: { id: "pathwayDeviationRate", comparison: { kind: "target", atMost: 0.05 } }, providers: [{ id: "A", numerator: 13, denominator: 240 }] }],
  ]);
  c("detectUnbundling", api.detectUnbundling, [[{ currency: "CNY", decisionDate: "2026-06-30", packages: [cart, b1], lines, rounding: "half-up" }]]);
  c("recoveryLedger", api.recoveryLedger, [[{ currency: "CNY", entries: [recovery, { ...recovery, reference: "case-18", lineIds: ["L2"], recovered: cny("1.50") }] }]]);
  c("earmarkedFundLedger", api.earmarkedFundLedger, [
    [{
      fund: { id: "rare-disease", currency: "CNY", floor: { kind: "shareOfYear", share: 0.05 } },
      entries: [
        { kind: "perCapita", date: "2026-01-01", source: "insurance", insured: 500000, ratePerPerson: cny("20") },
        { kind: "payment", date: "2026-04-30", id: "p1", for: { claim: "c1" }, amount: cny("9500000") },
        { kind: "payment", date: "2026-05-30", id: "p2", for: { allowance: "living" }, amount: cny("600000") },
        { kind: "lumpSum", date: "2027-01-01", source: "donations", amount: cny("1000") },
      ],
      asOf: "2027-01-31",
    }],
    [{ fund: { id: "f", currency: "CNY", floor: { kind: "amount", amount: cny("50") } }, entries: [{ kind: "lumpSum", date: "2026-01-01", source: "x", amount: cny("150") }, { kind: "payment", date: "2026-01-01", id: "p", for: { claim: "c" }, amount: cny("200") }], insufficientBalance: "payAvailable", sameDay: "inputOrder" }],
  ]);
});
