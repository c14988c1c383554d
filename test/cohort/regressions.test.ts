// Regressions found by fuzzing (test/fuzz).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addToCohortTotals, cohortTotalsToJSON, emptyCohortTotals, isCohortSettlementError, prepareCohortSettlement, settleCohort, settleCohortPatient, ValidationError, type CohortTotals, type PreparedCohortSettlement } from "../../src/index.js";

const data = (f: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "data", f), "utf8")) as unknown;

describe("cohort regressions (fuzz)", () => {
  const prepared = prepareCohortSettlement({ contract: data("k1-contract.json"), asOf: "2026-12-31" });
  const patient = { patientId: "p", events: [{ kind: "infusion", date: "2026-01-15" }] };
  it("junk options, prepared settlements, indices and patient lists are ValidationErrors", async () => {
    expect(() => prepareCohortSettlement(null as never)).toThrow(ValidationError);
    expect(() => settleCohortPatient({ settlement: { ...prepared } as PreparedCohortSettlement, record: patient, index: 1 })).toThrow(ValidationError);
    expect(() => settleCohortPatient({ settlement: prepared, record: patient, index: 0.3 })).toThrow(ValidationError);
    await expect(settleCohort({ settlement: prepared, patients: null as never }).next()).rejects.toThrow(ValidationError);
  });
  it("isCohortSettlementError is false for junk; totals and records are checked", () => {
    expect(isCohortSettlementError(null as never)).toBe(false);
    const record = settleCohortPatient({ settlement: prepared, record: patient, index: 1 });
    const totals = addToCohortTotals({ totals: emptyCohortTotals("CNY"), record });
    expect(cohortTotalsToJSON(totals).patients).toBe(1);
    expect(() => addToCohortTotals({ totals: null as never, record })).toThrow(ValidationError);
    expect(() => addToCohortTotals({ totals, record: { currency: "CNY", contract: { gross: "x" } } as never })).toThrow(ValidationError);
    expect(() => cohortTotalsToJSON({ ...totals, net: 1 } as unknown as CohortTotals)).toThrow(ValidationError);
  });
});
