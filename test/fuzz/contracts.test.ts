// Fuzz: the contracts module (seeds: the worked-example contracts K1–K12 and their events).
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { K1, K10, K3, K6_TABLE, k12, k4, K7 } from "../contracts/fixtures.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const entry = (name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], maxCorruptions = 1500, randomNearRuns = 60) =>
  fuzzEntry({ module: "contracts", name, call, seeds, maxCorruptions, randomNearRuns });

const K4 = k4(true);
const K12 = k12("0.03", true);
const k1Events = [
  { kind: "infusion", date: "2026-01-15" },
  { kind: "crs", date: "2026-01-20", grade: 2 },
];
const k3Events = [
  { kind: "infusion", date: "2026-03-01" },
  { kind: "relapse", date: "2026-07-10" },
];
const k4Events = [
  { kind: "treatmentStart", date: "2026-01-01" },
  { kind: "progression", date: "2026-09-15" },
];
const k10Events = [
  { kind: "infusion", date: "2026-01-05" },
  { kind: "assessment", date: "2026-04-05", response: "CR" },
];
const versions = {
  versions: [
    { ...K1, version: "2025", effective: { from: "2025-01-01", to: "2026-03-01" } },
    { ...K1, version: "2026", price: "1000000.00", effective: { from: "2026-03-01" } },
  ],
};
// K8 and K9 as corrections C2 / C3 state them.
const k8 = { type: "continuationGate", currency: "CNY", assessAtMonths: 6, continueOn: ["CR", "PR"], monthlyCost: "12500", fundShare: "0.8", fundCapPerYear: "120000", rewardPerPatient: "10000", rewardPayee: "programme" };
// (Kept small: the harness repeats each term 5,000 times within its per-call time budget.)
const k9 = { type: "evidenceRepricing", currency: "CNY", price: "15000", reimbursementRatio: "0.7", renegotiateAtGap: "0.10", renegotiatedPrices: [{ price: "12750", effective: "2026-10-01" }], serviceDates: ["2026-10-01"] };

describe("fuzz: contracts", () => {
  entry("parseContract", (c) => api.parseContract(c as api.ContractInput), [[K1], [K3], [K4], [K10], [K12]]);
  entry("parseContractVersions", (v) => api.parseContractVersions(v as api.ContractVersionsInput), [[versions]]);
  entry("isParsedContract", (c) => api.isParsedContract(c), [[api.parseContract(K1 as api.ContractInput)], [K1]]);
  entry("isParsedContractVersions", (c) => api.isParsedContractVersions(c), [[api.parseContractVersions(versions as api.ContractVersionsInput)]]);
  entry("evaluateContract", (c, e, d) => api.evaluateContract(c as api.ContractLike, e as api.OutcomeEvent[], d as string), [
    [K1, k1Events, "2026-12-31"],
    [K3, k3Events, "2027-12-31"],
    [K4, k4Events, "2026-12-31"],
    [K7, [{ kind: "treatmentStart", date: "2026-01-10" }, { kind: "improvement", date: "2026-11-01" }], "2027-06-30"],
    [K10, k10Events, "2027-12-31"],
    [K12, [{ kind: "treatmentStart", date: "2026-01-01" }], "2031-12-31"],
    [api.parseContractVersions(versions as api.ContractVersionsInput), k1Events, "2026-12-31"],
  ], 1200);
  // The bulk path takes only parsed contracts, and the harness's copies of a parsed
  // contract are not parsed ones; so the contract JSON is parsed inside the call and the
  // corruptions reach the events and the as-of date (junk contracts: parseContract above).
  const parsedOnce = (c: unknown) => (typeof c === "object" && c !== null && "versions" in c ? api.parseContractVersions(c as api.ContractVersionsInput) : api.parseContract(c as api.ContractInput));
  entry("evaluateContractMinorUnits", (c, e, d) => api.evaluateContractMinorUnits(parsedOnce(c), e, d as string), [
    [K1, k1Events, "2026-12-31"],
    [K3, k3Events, "2027-12-31"],
    [K4, k4Events, "2026-12-31"],
    [K10, k10Events, "2027-12-31"],
    [versions, k1Events, "2026-12-31"],
  ], 800);
  entry("schedulePresentValue", (x) => api.schedulePresentValue(x as api.SchedulePresentValueInput), [[{ contract: K3, annualRate: "0.03" }]]);
  entry("installmentFinancing", (x) => api.installmentFinancing(x as api.InstallmentFinancingInput), [[{ principal: { amount: "2125000", currency: "USD" }, periodicRate: "0.03", periods: 5 }]]);
  entry("evaluateCohortTerms", (x) => api.evaluateCohortTerms(x as api.EvaluateCohortTermsInput), [
    [{ terms: [{ type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" }], summary: { patients: 40, responders: 14, amount: { amount: "1000000", currency: "CNY" } } }],
    [{ terms: [{ type: "outcomeTiers", metric: "pfsRate", table: K6_TABLE }], summary: { pfsRate: "0.5", amount: { amount: "1200000", currency: "CNY" } } }],
    [{ terms: [k8], summary: { patientOutcomes: [{ id: "p1", testGate: "pass", responseAtAssessment: "CR", monthsTreated: 12 }] } }],
    [{ terms: [k8], summary: { patientOutcomes: [{ id: "p2", testGate: "NO_TEST", responseAtAssessment: null, monthsTreated: 3 }] } }],
    [{ terms: [k9], summary: { trialOrr: "0.65", realWorldOrr: "0.54", realWorldRecordedOn: "2026-06-30" } }],
    [{ terms: [{ type: "managedEntry", currency: "EUR", pricePerCycle: "10000", cyclesBeforeEvaluation: 3, discount: { firstCycles: 2, rate: "0.5" } }], summary: { patients: 1, nonResponders: 0, cyclesAfterEvaluation: 3 } }],
  ]);
  entry("addDueOffset", (d, o) => api.addDueOffset({ date: d as string, offset: o as api.DueOffset }), [["2026-01-31", { months: 1, days: 0 }], ["0099-12-31", { months: 0, days: 1 }]]);
  entry("isCalendarDate", (d) => api.isCalendarDate(d), [["2026-02-28"]]);
});
