// Fuzz: the tiers module (seeds: worked examples T1–T6, S1–S5, R1–R2 and the CAR-T plan).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const cartPlan = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "data", "cart-layers.json"), "utf8")) as api.CoveragePlanInput;
const planDoc = {
  currency: "CNY",
  layers: [
    { kind: "basic", id: "basic", deductible: "750", cap: "400000", rate: { by: "insuranceType", categories: { employee: 0.75, resident: 0.55 } } },
    { kind: "supplementary", id: "critical-illness", threshold: "15000", bands: { bands: [{ from: 0, to: 100000, value: 0.6 }, { from: 100000, to: null, value: 0.7 }] } },
    { kind: "commercial", id: "huiminbao", deductible: "20000", rate: 0.6, sumInsured: "1000000", covers: "all" },
    { kind: "manufacturer", id: "pap", program: { type: "discount", rate: 0.1 } },
    { kind: "assistance", id: "medical-assistance", groupRates: { subsistence: 0.9, extremePoverty: 1 } },
  ],
};
const plan = api.parseLayers(planDoc as api.CoveragePlanInput);
const first = api.splitBill({ plan, bill: "500", year: 2026, patient: { insuranceType: "employee" } });
const limitsPlanDoc = {
  currency: "CNY",
  layers: [
    {
      kind: "basic",
      id: "basic",
      deductible: "1000",
      familyDeductible: "2000",
      familyDesign: "embedded",
      rate: 0.7,
      cap: "400000",
      lifetimeCap: "2000000",
      outOfPocketMax: { individual: "20000", family: "40000" },
      categories: { drug: { firstSelfPay: { B: 0.1 } }, test: { subLimit: "100000" } },
      variants: [{ id: "vulnerable", when: { attribute: "groups", in: ["vulnerable"] }, deductible: "500", rate: 0.75, cap: null }],
    },
    { kind: "commercial", id: "hmb", rate: 0.5, categories: { drug: { rate: 0.5 }, test: { rate: 1, subLimit: "100000" } } },
  ],
};
const limitsPlan = api.parseLayers(limitsPlanDoc as api.CoveragePlanInput);
const famFirst = api.splitBill({ plan: limitsPlan, year: 2026, person: "A", family: "F1", lines: [{ category: "drug", amount: "5000" }] });
const rules = {
  rules: [
    { id: "egfr-nsclc-iv", risk: "low", when: { codes: ["EGFR"], diagnoses: ["C34"], stages: ["IV"] } },
    { id: "wgs-no-dx", risk: "medium", when: { codes: ["WGS"], unlessDiagnoses: ["C34", "C50", "Q"] } },
    { id: "repeat-180", risk: "high", when: { repeatWithinDays: 180 } },
  ],
};
const s3 = { by: "income", relativeTo: { attribute: "localAverageIncome" }, bands: [{ from: 0, to: 0.5, value: 1 }, { from: 0.5, to: 1, value: 0.5 }, { from: 1, to: null, value: 0 }] };
const alk = { by: "biomarker", categories: { "ALK-positive": 0.8, "ALK-negative": 0.2 } };

const entry = (name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], maxCorruptions = 1500, randomNearRuns = 60) =>
  fuzzEntry({ module: "tiers", name, call, seeds, maxCorruptions, randomNearRuns });

describe("fuzz: tiers", () => {
  entry("parseLayers", (x) => api.parseLayers(x as api.CoveragePlanInput), [[planDoc], [cartPlan]]);
  entry("isCoveragePlan", (x) => api.isCoveragePlan(x), [[plan], [planDoc]]);
  entry("splitBill", (x) => api.splitBill(x as api.SplitBillInput), [
    [{ plan: planDoc, bill: "1200000", catalogueAmount: "300000", year: 2026, patient: { insuranceType: "employee", groups: ["subsistence"] } }],
    [{ plan, bill: "10000", year: 2026, patient: { insuranceType: "employee" }, accumulators: first.accumulators }],
    [{ plan: { currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: 0.7 }, { kind: "supplementary", id: "supp", basis: "total", rate: 0.2 }] }, bill: "1000000" }],
  ]);
  entry("splitBillMinorUnits", (p, c) => api.splitBillMinorUnits(p as api.CoveragePlan, c as api.MinorUnitClaim), [
    [plan, { bill: 120000000n, catalogue: 30000000n, patient: { insuranceType: "employee", groups: ["subsistence"] } }],
    [plan, { bill: 1000000n, patient: { insuranceType: "resident" }, accumulators: plan.layers.map(() => ({ met: 0n, paid: 0n, bandBase: 0n })) }],
  ]);
  // Issue 16: limits, family accumulators, itemised lines, variants.
  entry("splitBill (limits, lines, variants)", (x) => api.splitBill(x as api.SplitBillInput), [
    [{ plan: limitsPlan, year: 2026, person: "A", family: "F1", patient: { groups: ["vulnerable"] }, lines: [{ category: "drug", catalogueClass: "B", amount: "12000" }, { category: "test", amount: "3000" }] }],
    [{ plan: limitsPlan, year: 2026, person: "A", family: "F1", lines: [{ category: "test", amount: "500" }], accumulators: famFirst.accumulators, familyAccumulators: famFirst.familyAccumulators }],
  ]);
  // One layer per call: a 5,000-layer copy of this rich document would only measure zod.
  entry("parseLayers (limits, categories, variants)", (x) => api.parseLayers({ currency: "CNY", layers: [x] } as api.CoveragePlanInput), [[limitsPlanDoc.layers[0]], [limitsPlanDoc.layers[1]]]);
  entry("splitBillMinorUnits (limits, lines)", (x) => api.splitBillMinorUnits(x as api.SplitBillMinorUnitsInput), [
    [{ plan: limitsPlan, claim: { lines: [{ category: "drug", catalogueClass: "B", amount: 1200000n }, { category: "test", amount: 300000n }], familyAccumulators: limitsPlan.layers.map(() => ({ met: 0n, oop: 0n })) } }],
  ]);
  entry("startBenefitYear", (x) => api.startBenefitYear(x as Parameters<typeof api.startBenefitYear>[0]), [[{ plan: limitsPlan, accumulators: famFirst.accumulators, year: 2027 }]]);
  entry("buyGetFreeUnits", (x) => api.buyGetFreeUnits(x as Parameters<typeof api.buyGetFreeUnits>[0]), [[{ units: 12, buy: 2, get: 1 }]]);
  entry("resolveStratifiedRate", (input) => api.resolveStratifiedRate(input as never), [
    [{ rule: api.parseInput(api.stratifiedRateSchema, s3), patient: { income: 80000, localAverageIncome: 100000 } }],
    [{ rule: api.parseInput(api.stratifiedRateSchema, alk), patient: { biomarker: "ALK-positive" }, path: ["patient"] }],
    [{ rule: api.parseInput(api.stratifiedRateSchema, 0.7), patient: {} }],
  ]);
  entry("coordinateBenefits", (x) => api.coordinateBenefits(x as Parameters<typeof api.coordinateBenefits>[0]), [[{ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "standard" }], [{ currency: "USD", allowed: "1000", primaryPaid: "800", secondaryNormalBenefit: "700", method: "nonDuplication" }]]);
  entry("catastrophicBurden", (x) => api.catastrophicBurden(x as Parameters<typeof api.catastrophicBurden>[0]), [[{ currency: "CNY", outOfPocket: "30000", householdIncome: "100000" }]]);
  entry("stratifiedReimbursement", (x) => api.stratifiedReimbursement(x as Parameters<typeof api.stratifiedReimbursement>[0]), [
    [{ currency: "CNY", table: alk, amount: "15000", patient: { biomarker: "ALK-positive" } }],
    [{ currency: "CNY", table: s3, amount: "30000", patient: { income: 40000, localAverageIncome: 100000 } }],
    [{ currency: "EUR", table: { by: "householdIncome", bands: [{ from: 0, to: 50000, value: 0.1 }, { from: 50000, to: null, value: 0.3 }] }, rateOf: "patient", amount: "200000", patient: { householdIncome: 48000 } }],
  ]);
  entry("greenChannelDeadlines", (x) => api.greenChannelDeadlines(x as Parameters<typeof api.greenChannelDeadlines>[0]), [[{ submittedAt: "2026-03-02T09:15+08:00", decidedAt: "2026-03-03T10:00+08:00" }], [{ submittedAt: "2026-03-02T09:15Z", respondWithinMinutes: 30 }]]);
  entry("formatInstant", (input) => api.formatInstant(input as never), [[{ epochMs: Date.UTC(2026, 2, 2, 1, 15), offsetMinutes: 480 }], [{ epochMs: 0, offsetMinutes: -330 }]]);
  entry("triageClaim", (x) => api.triageClaim(x as Parameters<typeof api.triageClaim>[0]), [
    [{ rules, claim: { code: "EGFR", diagnosis: "C34.1", stage: "IV", date: "2026-03-02", priorClaims: [{ code: "EGFR", date: "2025-10-01" }] } }],
    [{ rules, claim: { code: "WGS", date: "2026-03-02" } }],
  ]);
});
