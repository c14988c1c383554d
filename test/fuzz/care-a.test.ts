// Fuzz: the care chapter, §1–4 (seeds: worked examples H1–H12).
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { H1_LISTING, H2_LISTING, H3_LISTING, H5_EVENTS, H5_SCHEDULE, H7_EVENTS } from "../care/fixtures.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const c = (name: string, call: (x: never) => unknown, seeds: unknown[][]) => fuzzEntry({ module: "care", name, call: (x) => call(x as never), seeds, maxCorruptions: 600, randomNearRuns: 40 });

describe("fuzz: care §1–4", () => {
  c("listingStatus", api.listingStatus, [[{ listing: H2_LISTING, asOf: "2026-03-02" }], [{ listing: H3_LISTING, asOf: "2028-06-30" }]]);
  c("listingFundShare", api.listingFundShare, [[{ listing: H3_LISTING, serviceDate: "2028-07-01" }], [{ listing: H1_LISTING, serviceDate: "2025-01-01" }]]);
  c("listingPeriods", api.listingPeriods, [[{ listing: H3_LISTING }]]);
  c("listingReviewDates", api.listingReviewDates, [[{ formalFrom: "2024-02-29", count: 3 }]]);
  c("anchoredSeries", api.anchoredSeries as never, [[{ anchor: "2026-01-31", intervalMonths: 1, count: 4 }]]);
  c("followUpStatus", api.followUpStatus, [
    [{ schedule: H5_SCHEDULE, treatmentStart: "2026-01-15", events: H5_EVENTS, asOf: "2027-01-20" }],
    [{ schedule: { assessments: [{ type: "visit", intervalMonths: 1, count: 2 }], window: { daysBefore: 14, daysAfter: 14 } }, treatmentStart: "2025-12-31", events: [{ type: "visit", date: "2026-02-14" }], asOf: "2026-03-15" }],
  ]);
  c("followUpCohort", api.followUpCohort, [[{ schedule: H5_SCHEDULE, asOf: "2027-01-30", patients: [{ patientId: "p1", treatmentStart: "2026-01-15", events: H5_EVENTS }] }]]);
  c("incentivePoints", api.incentivePoints, [
    [{ currency: "CNY", events: H7_EVENTS, asOf: "2026-02-28" }],
    [{ currency: "CNY", events: H7_EVENTS.slice(0, 12), redemptions: [{ date: "2026-03-01", points: 3, for: "check-up" }], asOf: "2026-06-30", rules: { monthlyCap: 40, expiryMonths: 12, pointValue: "0.10" } }],
  ]);
  c("incentivePointsCohort", api.incentivePointsCohort, [[{ currency: "CNY", asOf: "2026-02-28", patients: [{ patientId: "p1", events: H7_EVENTS.slice(0, 10), redemptions: [] }] }]]);
  c("followUpUplift", api.followUpUplift, [
    [{ currency: "CNY", claims: [{ claimId: "m1", eligible: "15000", ratio: "0.70" }, { eligible: "100000", ratio: 0.98 }], fullFollowUp: true, completedOn: "2026-12-20" }],
    [{ currency: "CNY", claims: [{ eligible: "15000", ratio: "0.70" }], fullFollowUp: false }],
  ]);
  c("riskTier", api.riskTier, [[{ score: "0.2999" }], [{ score: 0.3, tiers: { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.5, value: "low" }, { from: 0.5, to: 1, value: "high" }] } }]]);
  c("servicePackageCost", api.servicePackageCost, [[{ servicePackage: api.DEFAULT_SERVICE_PACKAGES[0], enrollees: 1000 }]]);
  c("classifyPackageClaims", api.classifyPackageClaims, [
    [{ enrolments: [{ package: "DM-HIGH", enrolledOn: "2026-03-01", years: 2 }], lines: [{ date: "2026-03-01", item: "glucoseMeter" }, { date: "2026-09-01", item: "glucoseMeter" }, { date: "2026-10-01", item: "breastMri" }] }],
    [{ packages: [{ code: "BRCA-PREV", currency: "CNY", fundAmount: "1500", patientAmount: "0", items: [{ item: "breastMri", limit: 1 }] }], enrolments: [{ package: "BRCA-PREV", enrolledOn: "2026-05-01", riskScore: 0.4 }], lines: [{ date: "2027-05-01", item: "breastMri" }] }],
  ]);
});
