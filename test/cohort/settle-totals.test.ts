// settleCohortTotals (issue 22 item 3): the cohort settled straight into bigint running
// totals must give the totals of settleCohort + addToCohortTotals, to the minor unit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToCohortTotals,
  cohortTotalsToJSON,
  emptyCohortTotals,
  prepareCohortSettlement,
  settleCohort,
  settleCohortTotals,
  ValidationError,
  DomainError,
  type CohortSettlementError,
  type CohortSettlementRecord,
} from "../../src/index.js";

const data = join(import.meta.dirname, "..", "..", "examples", "data");
const contract = JSON.parse(readFileSync(join(data, "k1-contract.json"), "utf8"));
const plan = JSON.parse(readFileSync(join(data, "cart-layers.json"), "utf8"));

// Patients with CRS, relapses, assistance groups, explicit bills, and bad records mixed in.
const patientArb = fc.record({
  n: fc.integer({ min: 0, max: 9 }),
  month: fc.integer({ min: 1, max: 6 }),
  day: fc.integer({ min: 1, max: 27 }),
  crs: fc.boolean(),
  relapse: fc.boolean(),
  group: fc.constantFrom(undefined, "subsistence", "extremePoverty"),
  bill: fc.constantFrom(undefined, "0", "150000.00", "1200000", "20000.5", "1.005", "-3"),
  bad: fc.constantFrom(0, 0, 0, 0, 1, 2),
});
const cohortArb = fc.array(patientArb, { maxLength: 25 }).map((ps) =>
  ps.map((p, i): unknown => {
    if (p.bad === 1) return { patientId: `P${i}`, events: "none" };
    if (p.bad === 2) return { patientId: `P${p.n}`, events: [{ kind: "infusion", date: `2026-0${p.month}-10` }] }; // may repeat an id
    const d = `2026-0${p.month}-${String(p.day).padStart(2, "0")}`;
    const events: object[] = [{ kind: "infusion", date: d }];
    if (p.crs) events.push({ kind: "crs", date: `2026-0${p.month}-${String(p.day + 1).padStart(2, "0")}`, grade: 2 });
    if (p.relapse) events.push({ kind: "relapse", date: `2026-0${p.month + 1}-15` });
    return { patientId: `Q${i}`, events, ...(p.bill === undefined ? {} : { bill: p.bill }), ...(p.group === undefined ? {} : { patient: { groups: [p.group] } }) };
  }),
);

async function viaRecords(patients: unknown[], withPlan: boolean) {
  const prepared = prepareCohortSettlement({ contract, ...(withPlan ? { plan } : {}), asOf: "2026-12-31" });
  let totals = emptyCohortTotals("CNY");
  const records: (CohortSettlementRecord | CohortSettlementError)[] = [];
  for await (const r of settleCohort({ settlement: prepared, patients })) {
    records.push(r);
    totals = addToCohortTotals({ totals, record: r });
  }
  return { totals, records };
}

describe("settleCohortTotals", () => {
  it("gives the totals of settleCohort + addToCohortTotals, and the same records and errors in order", async () => {
    await fc.assert(
      fc.asyncProperty(cohortArb, fc.boolean(), async (patients, withPlan) => {
        const expected = await viaRecords(patients, withPlan);
        const seen: (CohortSettlementRecord | CohortSettlementError)[] = [];
        const totals = await settleCohortTotals({ settlement: { contract, ...(withPlan ? { plan } : {}), asOf: "2026-12-31" }, patients, onRecord: (r) => seen.push(r), onError: (e) => seen.push(e) });
        expect(cohortTotalsToJSON(totals)).toEqual(cohortTotalsToJSON(expected.totals));
        expect(totals).toEqual(expected.totals);
        expect(seen).toEqual(expected.records);
        // Without callbacks (no text made at all) the totals are the same.
        const bare = await settleCohortTotals({ settlement: { contract, ...(withPlan ? { plan } : {}), asOf: "2026-12-31" }, patients });
        expect(bare).toEqual(expected.totals);
      }),
      { numRuns: 60 },
    );
  });

  it("continues from given totals (batches), and an async iterable gives what an array gives", async () => {
    const prepared = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
    const ps = [
      { patientId: "a", events: [{ kind: "infusion", date: "2026-01-05" }] },
      { patientId: "b", events: [{ kind: "infusion", date: "2026-02-05" }, { kind: "crs", date: "2026-02-06", grade: 2 }] },
      { patientId: "c", events: [{ kind: "infusion", date: "2026-03-05" }], patient: { groups: ["subsistence"] } },
    ];
    const whole = await settleCohortTotals({ settlement: prepared, patients: ps });
    const first = await settleCohortTotals({ settlement: prepared, patients: ps.slice(0, 1) });
    const both = await settleCohortTotals({ settlement: prepared, patients: ps.slice(1), totals: first });
    expect(both).toEqual(whole);
    async function* stream() {
      for (const p of ps) yield p;
    }
    expect(await settleCohortTotals({ settlement: prepared, patients: stream() })).toEqual(whole);
    // K1 on three patients: a and c pay 1,200,000 in full; b's CRS withholds month 3
    // (0.3 × 1,200,000 = 360,000), so b pays 0.4 + 0.3 = 840,000. Net 1,200,000 × 2 + 840,000.
    expect(cohortTotalsToJSON(whole).net).toBe("3240000.00");
    expect(cohortTotalsToJSON(whole).withheld).toBe("360000.00");
  });

  it("bad arguments are typed errors", async () => {
    const prepared = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
    await expect(settleCohortTotals(null as never)).rejects.toBeInstanceOf(ValidationError);
    await expect(settleCohortTotals({ settlement: prepared, patients: 5 as never })).rejects.toBeInstanceOf(ValidationError);
    await expect(settleCohortTotals({ settlement: prepared, patients: [], onRecord: 1 as never })).rejects.toBeInstanceOf(ValidationError);
    await expect(settleCohortTotals({ settlement: prepared, patients: [], totals: { currency: "CNY" } as never })).rejects.toBeInstanceOf(ValidationError);
    await expect(settleCohortTotals({ settlement: prepared, patients: [], totals: emptyCohortTotals("USD") })).rejects.toBeInstanceOf(DomainError);
  });
});
