// Fuzz: the budget module (seeds: worked examples B1–B3, D1–D6, P1–P4, BI1–BI3) and cohort settlement.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const entry = (module: string, name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], extra: { async?: boolean; maxCorruptions?: number } = {}) =>
  fuzzEntry({ module, name, call, seeds, maxCorruptions: extra.maxCorruptions ?? 1200, randomNearRuns: 60, ...(extra.async ? { async: true } : {}) });
const b = (name: string, call: (x: never) => unknown, seeds: unknown[][]) => entry("budget", name, (x) => call(x as never), seeds);

const lungBundle = {
  currency: "CNY",
  name: "Lung-cancer monthly bundle",
  price: "28000",
  components: [
    { name: "NGS test", amount: "5000" },
    { name: "targeted drug", amount: "20000" },
    { name: "imaging", amount: "1000" },
    { name: "supportive care", amount: "2000" },
  ],
};
const outlierBands = {
  domain: { min: 0, max: null },
  bands: [
    { from: 0, to: 0.5, value: { method: "actual-cost" }, label: "low" },
    { from: 0.5, to: 2, value: { method: "group-rate" } },
    { from: 2, to: null, value: { method: "group-rate-plus-excess", factor: 0.8 }, label: "high" },
  ],
};
const p2Targets = [
  {
    kind: "banded",
    name: "blood-pressure control",
    metric: "bpControl",
    table: { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.6, value: { amount: "-300" } }, { from: 0.6, to: 0.7, value: { amount: "0" } }, { from: 0.7, to: 1, value: { amount: "500" } }] },
  },
];
const p1Targets = [{ kind: "all-of", conditions: [{ metric: "hba1cControl", min: 0.6 }, { metric: "hospitalisationReduction", min: 0.2 }], met: { rate: 0.1 }, notMet: { rate: -0.05 } }];

describe("fuzz: budget", () => {
  b("bundlePrice", api.bundlePrice, [[{ bundle: { currency: "CNY", components: lungBundle.components } }], [{ bundle: { currency: "CNY", components: [{ name: "test", amount: "5000" }, { name: "drug", amount: "20000" }], packageDiscount: 0.2 } }]]);
  b("settleBundle", api.settleBundle, [[{ bundle: lungBundle, actualCost: "31000", stopLoss: { rateOfPrice: 0.05 } }], [{ bundle: lungBundle, actualCost: "26000", gainSharing: 0.5 }]]);
  b("reconcileTargetPrice", api.reconcileTargetPrice, [[{ currency: "CNY", benchmarkPrice: "30000", discount: 0.03, episodes: 100, actualSpending: "2800000", qualityAdjustment: -0.05, capRate: 0.2, order: "cap-then-quality" }]]);
  b("reconcileProviderBundles", api.reconcileProviderBundles, [[{ providerId: "H001", period: "2026-Q1", bundles: { lung: lungBundle }, episodes: [{ episodeId: "e1", bundleId: "lung", actualCost: "30500" }, { episodeId: "e2", bundleId: "lung", actualCost: "26000" }] }]]);
  b("drgPayment", api.drgPayment, [
    [{ currency: "CNY", baseRate: "10000", relativeWeight: 3, subgroup: { name: "EGFR-positive", uplift: 0.2 }, coefficients: [{ name: "efficacy", kind: "efficacy", value: 1.2 }] }],
    [{ currency: "CNY", groupRate: "11000", actualCost: "30000", outlierBands }],
    [{ currency: "CNY", groupRate: "40000", subgroup: { name: "HER2-positive", groupRate: "55000" } }],
  ]);
  b("drgTechnologyCost", api.drgTechnologyCost, [[{ currency: "CNY", items: [{ name: "NGS", actualCost: "1200", coefficient: 1.3 }] }]]);
  b("drgEfficacyCoefficient", api.drgEfficacyCoefficient, [[{ responseRate: 0.8, oneYearSurvival: 0.6 }]]);
  b("dipPointValue", api.dipPointValue, [[{ currency: "CNY", kind: "settlement", fundAmount: "1000000000", reimbursementRatio: 0.7, totalPoints: "14000000" }], [{ currency: "CNY", fundAmount: "1200000000", totalPoints: "60000000" }]]);
  b("dipCasePayment", api.dipCasePayment, [[{ currency: "CNY", pointValue: "102.04", groupPoints: 200, groupMeanCost: "20000", caseCost: "50000" }], [{ currency: "CNY", pointValue: "20", groupPoints: 2500, hospitalCoefficient: 1.05 }]]);
  b("allocateDipBudget", api.allocateDipBudget, [[{ currency: "CNY", budget: "100.00", cases: [{ caseId: "a", points: 1 }, { caseId: "b", points: 1 }, { caseId: "c", points: 1 }] }]]);
  b("capitationPayment", api.capitationPayment, [[{ currency: "CNY", baseAmount: "3000", metrics: { bpControl: 0.65 }, targets: p2Targets }], [{ currency: "CNY", baseAmount: "8000", metrics: { hba1cControl: 0.6, hospitalisationReduction: 0.2 }, targets: p1Targets }], [{ currency: "CNY", baseAmount: "1000000", metrics: { controlRate: 0.72 }, targets: [{ kind: "proportional", metric: "controlRate", target: 0.8, maxBonus: 0.1 }] }]]);
  b("capitationPanelPayment", api.capitationPanelPayment, [[{ currency: "CNY", enrollees: 1000, baseAmount: "3000", metrics: { bpControl: 0.72 }, targets: p2Targets }]]);
  b("budgetImpact", api.budgetImpact, [
    [{ currency: "CNY", startYear: 2026, eligible: 3600, uptake: [0.3, 0.5, 0.7], costPerPatient: "120000", displaced: [{ name: "chemotherapy", costPerPatient: "40000" }], fundSurplus: "62500000000", affordability: { maxShareOfSurplus: 0.005 } }],
    [{ currency: "CNY", eligible: [100, 100], uptake: 1, costPerPatient: "10000", avoidedEvents: [{ name: "hospitalisation", costPerEvent: "4000", eventsPerPatient: 0.5 }], discountRate: 0.05 }],
    [{ currency: "CNY", horizon: 3, eligible: 200, uptake: 1, costPerPatient: "600000", affordability: { maxAnnualAmount: "150000000" } }],
  ]);
  b("budgetImpactScenarios", api.budgetImpactScenarios, [[{ base: { currency: "CNY", eligible: 3600, uptake: [0.3, 0.5, 0.7], costPerPatient: "120000" }, scenarios: [{ name: "displacement", overrides: { displaced: [{ name: "chemo", costPerPatient: "40000" }] } }] }]]);
  b("fundHealth", api.fundHealth, [[{ currency: "CNY", income: "1000000000", expenditure: "970000000" }]]);
  b("detectCostAnomalies", api.detectCostAnomalies, [[{ currency: "CNY", outcomeHigherIsBetter: false, groups: [{ id: "A", costPerCase: "14000", cases: 20, outcome: 0.1 }, { id: "B", costPerCase: "9000", cases: 30, outcome: 0.1 }, { id: "C", costPerCase: "9000", cases: 50, outcome: 0.1 }] }]]);
});

const data = (f: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "data", f), "utf8")) as unknown;
const contract = data("k1-contract.json");
const plan = data("cart-layers.json");
const patients = readFileSync(join(__dirname, "..", "..", "examples", "data", "cohort.ndjson"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as unknown);
const prepared = api.prepareCohortSettlement({ contract, plan, asOf: "2027-06-30" });
const record = api.settleCohortPatient({ settlement: prepared, record: patients[1], index: 2 });
const collect = async (input: unknown) => {
  const out: unknown[] = [];
  for await (const r of api.settleCohort(input as api.SettleCohortInput)) out.push(r);
  return out;
};

describe("fuzz: cohort", () => {
  entry("cohort", "prepareCohortSettlement", (o) => api.prepareCohortSettlement(o as api.CohortSettlementOptions), [[{ contract, plan, asOf: "2027-06-30" }]]);
  entry("cohort", "settleCohortPatient", (x) => api.settleCohortPatient(x as api.SettleCohortPatientInput), [[{ settlement: prepared, record: patients[1], index: 2 }], [{ settlement: prepared, record: { patientId: "x", events: [{ kind: "infusion", date: "2026-01-15" }], bill: "5000" }, index: 1 }]]);
  entry("cohort", "settleCohort", collect, [[{ settlement: { contract, plan, asOf: "2027-06-30" }, patients: patients.slice(0, 3) }], [{ settlement: prepared, patients: patients.slice(0, 2) }]], { async: true, maxCorruptions: 600 });
  entry("cohort", "settleCohortTotals", (x) => api.settleCohortTotals(x as api.SettleCohortTotalsInput), [[{ settlement: { contract, plan, asOf: "2027-06-30" }, patients: patients.slice(0, 3) }], [{ settlement: prepared, patients: patients.slice(0, 2), totals: api.emptyCohortTotals("CNY") }]], { async: true, maxCorruptions: 600 });
  entry("cohort", "isCohortSettlementError", (r) => api.isCohortSettlementError(r as api.CohortSettlementRecord), [[record]]);
  entry("cohort", "emptyCohortTotals", (c) => api.emptyCohortTotals(c as string), [["CNY"]]);
  entry("cohort", "addToCohortTotals", (x) => api.addToCohortTotals(x as api.AddToCohortTotalsInput), [[{ totals: api.emptyCohortTotals("CNY"), record }]]);
  entry("cohort", "cohortTotalsToJSON", (t) => api.cohortTotalsToJSON(t as api.CohortTotals), [[api.addToCohortTotals({ totals: api.emptyCohortTotals("CNY"), record })]]);
});
