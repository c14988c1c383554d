// M6: a cohort reports a duplicate patient id instead of settling (and paying) the patient twice.
import { describe, expect, it } from "vitest";
import { isCohortSettlementError, settleCohort, evaluateContract } from "../../src/index.js";

const contract = { id: "C", currency: "CNY", price: "1000", payment: { type: "schedule", installments: [{ share: "1", due: {} }] } };
const patient = { patientId: "p1", events: [{ kind: "infusion", date: "2026-01-01" }] };

describe("M6: duplicates", () => {
  it("M6: the same patient record twice in a cohort is settled once; the second is an error record naming the first", async () => {
    const out = [];
    for await (const r of settleCohort({ settlement: { contract, asOf: "2026-12-31" }, patients: [patient, { patientId: "p2", events: patient.events }, patient] })) out.push(r);
    expect(out.map((r) => (isCohortSettlementError(r) ? `error ${r.index}` : `ok ${r.index}`))).toEqual(["ok 1", "ok 2", "error 3"]);
    const dup = out[2]!;
    expect(isCohortSettlementError(dup) && dup.error).toMatchObject({ code: "INCONSISTENT_INPUT", issues: [{ path: ["patientId"] }], message: 'patient "p1" was already settled at record 1: a cohort settles each patient once' });
  });

  it("M6: settling the same input twice gives the same ledger (no hidden state)", () => {
    const a = evaluateContract(contract, patient.events, "2026-12-31");
    const b = evaluateContract(contract, patient.events, "2026-12-31");
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
