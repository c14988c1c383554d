// Issue 13 item 4: the cohort's entry points take one input object; the positional forms
// (deprecated) give the same results. settleCohortTotals' firstIndex numbers the records.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addToCohortTotals, cohortTotalsToJSON, emptyCohortTotals, prepareCohortSettlement, settleCohort, settleCohortPatient, settleCohortTotals, ValidationError, type CohortSettlementError, type CohortSettlementRecord } from "../../src/index.js";
import { issue } from "../typed-errors.js";

const expectValidationError = (fn: () => unknown, path: (string | number)[]) => expect(issue(fn).path).toEqual(path);

const data = join(import.meta.dirname, "..", "..", "examples", "data");
const contract = JSON.parse(readFileSync(join(data, "k1-contract.json"), "utf8"));
const plan = JSON.parse(readFileSync(join(data, "cart-layers.json"), "utf8"));
const patients = [
  { patientId: "a", events: [{ kind: "infusion", date: "2026-01-15" }] },
  { patientId: "b", events: [{ kind: "infusion", date: "2026-02-01" }, { kind: "crs", date: "2026-02-02", grade: 3 }] },
  { patientId: "a", events: [] },
  { patientId: "c", events: "none" },
];

describe("cohort named arguments", () => {
  it("settleCohort, settleCohortPatient and addToCohortTotals: named and positional forms agree", async () => {
    const prepared = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
    const named: unknown[] = [];
    const positional: unknown[] = [];
    for await (const r of settleCohort({ settlement: prepared, patients })) named.push(r);
    for await (const r of settleCohort(prepared, patients)) positional.push(r);
    expect(named).toEqual(positional);
    expect(named).toHaveLength(4);
    const one = settleCohortPatient({ settlement: prepared, record: patients[1], index: 2 });
    expect(one).toEqual(settleCohortPatient(prepared, patients[1], 2));
    expect(one).toEqual(named[1]);
    const t1 = addToCohortTotals({ totals: emptyCohortTotals("CNY"), record: one });
    expect(t1).toEqual(addToCohortTotals(emptyCohortTotals("CNY"), one));
    // K1 with CRS: 480,000 paid, month 3 withheld, month 6 paid (360,000): net 840,000.00.
    expect(cohortTotalsToJSON(t1).net).toBe("840000.00");
  });

  it("bad named inputs are ValidationErrors naming the field", async () => {
    const prepared = prepareCohortSettlement({ contract, asOf: "2026-12-31" });
    expectValidationError(() => settleCohortPatient({ settlement: {} as never, record: patients[0], index: 1 }), ["settlement"]);
    expectValidationError(() => settleCohortPatient({ settlement: prepared, record: patients[0], index: 0 }), ["index"]);
    expectValidationError(() => addToCohortTotals({ totals: null as never, record: patients[0] as never }), ["totals"]);
    expect(() => addToCohortTotals({} as never)).toThrow(ValidationError);
    await expect(settleCohort({ settlement: prepared, patients: 5 as never }).next()).rejects.toThrow(ValidationError);
    await expect(settleCohort({ patients } as never).next()).rejects.toThrow(ValidationError);
  });

  it("settleCohortTotals numbers records and errors from firstIndex (a block's first line)", async () => {
    const records: CohortSettlementRecord[] = [];
    const errors: CohortSettlementError[] = [];
    const totals = await settleCohortTotals({ settlement: { contract, plan, asOf: "2026-12-31" }, patients, firstIndex: 101, onRecord: (r) => records.push(r), onError: (e) => errors.push(e) });
    expect(records.map((r) => r.index)).toEqual([101, 102]);
    expect(errors.map((e) => [e.index, e.error.code])).toEqual([[103, "INCONSISTENT_INPUT"], [104, "INVALID_INPUT"]]);
    expect(errors[0]!.error.message).toContain("record 101");
    expect(totals.patients).toBe(2);
    expect(totals.errors).toBe(2);
    await expect(settleCohortTotals({ settlement: { contract, asOf: "2026-12-31" }, patients, firstIndex: 0 })).rejects.toThrow(ValidationError);
  });
});
