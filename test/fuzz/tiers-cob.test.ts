// Fuzz: coordination of benefits (order rules, claims, Medicare Secondary Payer) and
// working-day review deadlines. Seeds: the NAIC order examples, T6, the 411.33(b) example, H25.
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const entry = (name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], maxCorruptions = 800, randomNearRuns = 40) =>
  fuzzEntry({ module: "tiers", name, call, seeds, maxCorruptions, randomNearRuns });

const golden = { holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"], extraWorkingDays: ["2026-10-10"] };
const usd = (rate: number, extra: Record<string, string> = {}) => ({ currency: "USD", layers: [{ kind: "commercial", id: "x", rate, ...extra }] });

describe("fuzz: tiers coordination of benefits and working days", () => {
  entry("determineBenefitOrder", (x) => api.determineBenefitOrder(x as never), [
    [{ person: { parents: "together" }, plans: [{ id: "dad", coveredAs: "child", parent: { birthDate: "1985-07-02", coveredSince: "2015-01-01" } }, { id: "mum", coveredAs: "child", parent: { birthDate: "1987-03-14" } }] }],
    [{ person: { parents: "apart", courtDecree: "oneParentResponsible" }, plans: [{ id: "a", coveredAs: "child", parent: { custody: "custodialParent" } }, { id: "b", coveredAs: "child", parent: { decreeResponsible: true } }] }],
    [{ plans: [{ id: "cobra", coveredAs: "subscriber", continuation: true, status: "active", coveredSince: "2010-01-01" }, { id: "job", coveredAs: "subscriber", status: "retired", coveredSince: "2020-01-01", cobProvision: false }, { id: "medicare", coveredAs: "subscriber", secondaryByLaw: true, coveredSince: "2020-01-01" }] }],
  ]);
  entry("coordinateClaim", (x) => api.coordinateClaim(x as never), [
    [{ currency: "USD", year: 2026, personId: "p", allowable: "1000", plans: [{ coverage: { id: "own", coveredAs: "subscriber" }, plan: usd(0.8) }, { coverage: { id: "sp", coveredAs: "spouse" }, plan: usd(0.7, { deductible: "100", cap: "5000" }), method: { kind: "maintenanceOfBenefits", coinsurance: 0.8 } }], reserve: { personId: "p", year: 2026, currency: "USD", balances: { sp: "50" } } }],
    [{ currency: "USD", year: 2026, personId: "p", allowable: "175", plans: [{ coverage: { id: "medicare", coveredAs: "subscriber", secondaryByLaw: true }, plan: usd(0.8), catalogueAmount: "125", method: { kind: "medicareSecondaryPayer", basis: "feeSchedule", actualCharge: "175", feeSchedule: "125", primaryAllowed: "150" } }, { coverage: { id: "emp", coveredAs: "subscriber" }, plan: usd(0.8) }] }],
    [{ currency: "USD", year: 2026, personId: "p", allowable: "1000.01", plans: [{ coverage: { id: "a", coveredAs: "subscriber", coveredSince: "2020-01-01" }, plan: usd(0.8) }, { coverage: { id: "b", coveredAs: "subscriber", coveredSince: "2020-01-01" }, plan: usd(0.5), method: { kind: "nonDuplication" } }] }],
  ]);
  entry("coordinateClaim (lines, family, lifetime, sub-limits)", (x) => api.coordinateClaim(x as never), [
    [{ currency: "USD", year: 2026, personId: "p", family: "F", allowable: "180000", lines: [{ category: "test", amount: "30000" }, { category: "drug", catalogueClass: "B", amount: "150000" }], plans: [{ coverage: { id: "own", coveredAs: "subscriber" }, plan: { currency: "USD", layers: [{ kind: "basic", id: "b", rate: 0.6, deductible: "500", familyDeductible: "1000", familyDesign: "embedded", categories: { test: {}, drug: { firstSelfPay: { B: 0.1 } } } }] } }, { coverage: { id: "sp", coveredAs: "spouse" }, plan: { currency: "USD", layers: [{ kind: "commercial", id: "s", rate: 0, lifetimeCap: "2000000", categories: { test: { rate: 1, subLimit: "100000" }, drug: { rate: 0.5 } } }] }, method: { kind: "standard" } }], reserve: { personId: "p", year: 2026, currency: "USD", balances: {} } }],
  ]);
  entry("medicareSecondaryPayment", (x) => api.medicareSecondaryPayment(x as never), [
    [{ currency: "USD", primaryPaid: "120", service: { basis: "feeSchedule", actualCharge: "175", primaryAllowed: "150", feeSchedule: "125", medicareRate: 0.8, deductibleRemaining: "0" } }],
    [{ currency: "USD", primaryPaid: "2200", primaryPaymentInFull: false, service: { basis: "other", grossPayable: "3000", deductibleAndCoinsurance: "1600", charges: "4000", paymentInFull: "3500" } }],
  ]);
  entry("reviewDeadline", (x) => api.reviewDeadline(x as never), [
    [{ submittedOn: "2026-09-30", workingDays: 2, calendar: golden, decidedOn: "2026-10-13" }],
    [{ submittedOn: "2026-03-06", sla: { "manual-review": 2, "on-site-inspection": 15 }, action: "manual-review", calendar: {} }],
  ]);
  entry("addWorkingDays", (x) => api.addWorkingDays(x as never), [[{ from: "2026-09-30", workingDays: 15, calendar: golden }]]);
  entry("countWorkingDays", (x) => api.countWorkingDays(x as never), [[{ from: "2026-10-09", to: "2026-10-13", calendar: golden }]]);
});
