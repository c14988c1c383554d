// Fuzz: declared outcomes, deadline and per-cycle contracts, statements.
import { describe } from "vitest";
import * as api from "../../src/index.js";
import { K1 } from "../contracts/fixtures.js";
import { geneTherapy, hosp, italianDrug, italianEvents, SICKLE_CELL, ti } from "../contracts/outcomes/fixtures.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const entry = (name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], maxCorruptions = 800, randomNearRuns = 40) =>
  fuzzEntry({ module: "contracts-outcomes", name, call, seeds, maxCorruptions, randomNearRuns });

const scdEvents = [{ kind: "infusion", date: "2026-01-10" }, hosp("2026-02-01", 5), ti("2026-04-10"), ti("2027-04-10")];
const gtEvents = [{ kind: "infusion", date: "2026-03-15" }, ti("2026-09-15", false)];
const k1Events = [{ kind: "infusion", date: "2026-01-15" }, { kind: "crs", date: "2026-01-20", grade: 2 }];

describe("fuzz: contracts outcomes", () => {
  entry("parseOutcomeDeclarations", (o) => api.parseOutcomeDeclarations(o), [[SICKLE_CELL.outcomes], [italianDrug().outcomes]]);
  entry("validateOutcomeEvents", (x) => api.validateOutcomeEvents(x as api.ValidateOutcomeEventsInput), [[{ outcomes: SICKLE_CELL.outcomes, events: scdEvents }]]);
  entry("parseContract (declared outcomes, deadlines, per cycle)", (c) => api.parseContract(c), [[SICKLE_CELL], [geneTherapy()], [italianDrug()], [italianDrug("upfront")]]);
  entry("evaluateContract (declared outcomes, deadlines, per cycle)", (c, e, d) => api.evaluateContract(c, e, d as string), [
    [SICKLE_CELL, scdEvents, "2027-12-31"],
    [geneTherapy(), gtEvents, "2028-12-31"],
    [italianDrug(), italianEvents("PR"), "2026-12-31"],
  ], 600);
  const parsed = (c: unknown) => api.parseContract(c);
  entry("evaluateContractMinorUnits (declared outcomes, deadlines, per cycle)", (c, e, d) => api.evaluateContractMinorUnits(parsed(c), e, d as string), [
    [SICKLE_CELL, scdEvents, "2027-12-31"],
    [italianDrug("upfront"), italianEvents("SD"), "2026-12-31"],
  ], 500);
  entry("patientStatement", (x) => api.patientStatement(x as api.PatientStatementInput), [
    [{ contract: K1, events: k1Events, period: { from: "2026-04-01", to: "2026-07-01" } }],
    [{ contract: geneTherapy(), events: gtEvents, period: { from: "2028-01-01", to: "2028-04-01" } }],
  ]);
  entry("cohortStatement", (x) => api.cohortStatement(x as api.CohortStatementInput), [
    [{ contract: K1, patients: [{ id: "a", events: k1Events }, { id: "constructor", events: [{ kind: "infusion", date: "2026-02-01" }] }], period: { from: "2026-01-01", to: "2026-05-01" } }],
  ]);
});
