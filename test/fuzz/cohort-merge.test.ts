// Fuzz: merging cohort totals and reading them back from JSON (issue 22 item 5).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const data = (f: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "data", f), "utf8"));
const prepared = api.prepareCohortSettlement({ contract: data("k1-contract.json"), plan: data("cart-layers.json"), asOf: "2026-12-31" });
const record = api.settleCohortPatient({ settlement: prepared, record: { patientId: "p1", events: [{ kind: "infusion", date: "2026-01-15" }] }, index: 1 });
const totals = api.addToCohortTotals({ totals: api.emptyCohortTotals("CNY"), record });

describe("fuzz: cohort totals merge", () => {
  fuzzEntry({ module: "cohort", name: "mergeCohortTotals", call: (parts) => api.mergeCohortTotals(parts as api.CohortTotals[]), seeds: [[[totals, api.emptyCohortTotals("CNY"), totals]]], maxCorruptions: 800, randomNearRuns: 60 });
  fuzzEntry({ module: "cohort", name: "cohortTotalsFromJSON", call: (j) => api.cohortTotalsFromJSON(j as api.CohortTotalsJSON), seeds: [[api.cohortTotalsToJSON(totals)]], maxCorruptions: 800, randomNearRuns: 60 });
});
