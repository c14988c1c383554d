// Settling many patients through one prepared settlement: each patient is settled from
// its own record (no result carries over from one patient to the next), and the patient
// attributes checked by hand on the bulk path are accepted and rejected exactly as
// cohortPatientSchema accepts and rejects them, with its issues.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortPatientSchema, cohortTotalsToJSON, evaluateContractMinorUnits, isCohortSettlementError, parseContract, parseLayers, prepareCohortSettlement, settleCohortPatient, settleCohortTotals, splitBillMinorUnits } from "../../src/index.js";

const data = join(import.meta.dirname, "..", "..", "examples", "data");
const contract = JSON.parse(readFileSync(join(data, "k1-contract.json"), "utf8"));
const plan = JSON.parse(readFileSync(join(data, "cart-layers.json"), "utf8"));

describe("cohort: one prepared settlement, many patients", () => {
  it("a prepared settlement shared by many patients gives each the record a fresh one gives (nothing carries over), bad records included", () => {
    const eventArb = fc.record({
      kind: fc.constantFrom("infusion", "crs", "relapse", "death"),
      date: fc.constantFrom("2026-01-10", "2026-01-11", "2026-03-15", "2026-02-30", "soon"),
      grade: fc.constantFrom(undefined, 1, 2, 3, 4, 0, -0, "2"),
    });
    const recordArb = fc.record({
      events: fc.array(eventArb, { maxLength: 3 }),
      bill: fc.constantFrom(undefined, "150000.00", "1200000", "1.005"),
      group: fc.constantFrom(undefined, "subsistence", 7),
    });
    fc.assert(
      fc.property(fc.array(recordArb, { minLength: 1, maxLength: 30 }), (rs) => {
        const shared = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
        rs.forEach((r, i) => {
          const events = r.events.map((e) => (e.grade === undefined ? { kind: e.kind, date: e.date } : e));
          const record = { patientId: `P${i}`, events, ...(r.bill === undefined ? {} : { bill: r.bill }), ...(r.group === undefined ? {} : { patient: { groups: [r.group] } }) };
          const fresh = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
          expect(settleCohortPatient({ settlement: shared, record, index: i + 1 })).toEqual(settleCohortPatient({ settlement: fresh, record, index: i + 1 }));
        });
      }),
      { numRuns: 40 },
    );
  });

  it("a cohort whose patients all differ has the totals of the chapters' bulk paths run patient by patient", async () => {
    const patients = Array.from({ length: 4500 }, (_, i) => ({
      patientId: `P${i}`,
      events: [{ kind: "infusion", date: `2026-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, "0")}` }, ...(i % 3 === 0 ? [{ kind: "crs", date: `2026-0${1 + (i % 6)}-28`, grade: 1 + (i % 4) }] : [])],
      bill: `${100000 + i}.${String(i % 100).padStart(2, "0")}`,
    }));
    const totals = await settleCohortTotals({ settlement: { contract, plan, asOf: "2026-12-31" }, patients });
    let net = 0n;
    let patient = 0n;
    const k1 = parseContract(contract);
    const layers = parseLayers(plan);
    for (const p of patients) {
      net += evaluateContractMinorUnits({ contract: k1, events: p.events, asOf: "2026-12-31" }).totals.net;
      patient += splitBillMinorUnits({ plan: layers, claim: { bill: BigInt(p.bill.replace(".", "")) } }).patient;
    }
    const j = cohortTotalsToJSON(totals);
    expect(j.errors).toBe(0);
    expect(BigInt(j.net.replace(".", ""))).toBe(net);
    expect(BigInt(j.patientShare.replace(".", ""))).toBe(patient);
  });
  it("patient attributes: accepted when the schema accepts them, else an error record with the schema's issues under patient", () => {
    const value = fc.oneof(fc.string({ maxLength: 3 }), fc.double(), fc.integer(), fc.array(fc.string({ maxLength: 2 }), { maxLength: 2 }), fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 }), fc.constantFrom(undefined, null, true, {}, -0));
    const attrs = fc.oneof(
      fc.dictionary(fc.constantFrom("groups", "insuranceType", "biomarker", "age", "__proto__", "constructor"), value, { maxKeys: 3 }),
      fc.constantFrom(null, [], "subsistence", 7, Object.create({ groups: ["subsistence"] }), new Date(0)),
    );
    const prepared = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
    const schemaPath = (path: readonly PropertyKey[]) => ["patient", ...path.map((k) => (typeof k === "symbol" ? String(k) : k))];
    fc.assert(
      fc.property(attrs, (patient) => {
        const r = settleCohortPatient({ settlement: prepared, record: { patientId: "P1", events: [{ kind: "infusion", date: "2026-01-15" }], patient }, index: 1 });
        const parsed = cohortPatientSchema.shape.patient.safeParse(patient);
        // Accepted by the schema: no issue of the record's own check (those sit under
        // "patient"); the layers may still reject what they read (under "claim.patient").
        if (parsed.success) expect((isCohortSettlementError(r) ? r.error.issues : []).filter((i) => i.path[0] === "patient")).toEqual([]);
        else {
          expect(isCohortSettlementError(r)).toBe(true);
          if (isCohortSettlementError(r)) expect(r.error.issues.map((i) => i.path)).toEqual(parsed.error.issues.map((i) => schemaPath(i.path)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
