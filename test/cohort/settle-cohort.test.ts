import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToCohortTotals,
  cohortTotalsToJSON,
  DomainError,
  emptyCohortTotals,
  evaluateContract,
  isCohortSettlementError,
  money,
  prepareCohortSettlement,
  settleCohort,
  settleCohortPatient,
  splitBill,
  sum,
  ValidationError,
  type CohortSettlementRecord,
} from "../../src/index.js";

const data = (f: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "data", f), "utf8"));
const contract = data("k1-contract.json");
const plan = data("cart-layers.json");
const prepared = prepareCohortSettlement({ contract, plan, asOf: "2027-06-30" });

const dayArb = fc.integer({ min: 0, max: 400 });
const iso = (offset: number) => new Date(Date.UTC(2026, 0, 15 + offset)).toISOString().slice(0, 10);
const patientArb = fc
  .record({
    start: fc.integer({ min: 0, max: 60 }),
    crs: fc.option(fc.record({ day: dayArb, grade: fc.integer({ min: 1, max: 4 }) })),
    relapse: fc.option(dayArb),
    groups: fc.subarray(["subsistence", "extremePoverty"]),
  })
  .map(({ start, crs, relapse, groups }) => {
    const events: { kind: string; date: string; grade?: number }[] = [{ kind: "infusion", date: iso(start) }];
    if (crs) events.push({ kind: "crs", date: iso(start + crs.day), grade: crs.grade });
    if (relapse !== null) events.push({ kind: "relapse", date: iso(start + relapse) });
    events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return { patientId: `p${start}`, events, patient: { groups } };
  });

describe("cohort settlement", () => {
  it("matches the explained paths: net = evaluateContract's net, split = splitBill's split, and layers + patient = bill", () => {
    fc.assert(
      fc.property(patientArb, (p) => {
        const r = settleCohortPatient({ settlement: prepared, record: p, index: 1 }) as CohortSettlementRecord;
        expect(isCohortSettlementError(r)).toBe(false);
        const ledger = evaluateContract(contract, p.events, "2027-06-30");
        expect(r.contract.net).toBe(ledger.totals.net.toJSON().amount);
        const explained = splitBill({ plan, bill: r.contract.net, patient: p.patient });
        expect(r.split!.layers.map((l) => l.amount)).toEqual(explained.layers.map((l) => l.amount.toJSON().amount));
        expect(r.split!.patient).toBe(explained.patient.toJSON().amount);
        const parts = [...r.split!.layers.map((l) => money(l.amount)), money(r.split!.patient)];
        expect(sum(parts).toJSON().amount).toBe(r.split!.bill);
      }),
    );
  });

  it("streams in order, keeps going past bad records, and totals add up", async () => {
    const patients = [
      { patientId: "a", events: [{ kind: "infusion", date: "2026-01-15" }] },
      { patientId: "b", events: [{ kind: "teleport", date: "2026-01-15" }] },
      "not an object",
      { patientId: "c", events: [{ kind: "infusion", date: "2026-01-15" }, { kind: "relapse", date: "2026-03-01" }], bill: "100000" },
    ];
    const out = [];
    let totals = emptyCohortTotals("CNY");
    for await (const r of settleCohort({ settlement: { contract, plan, asOf: "2026-12-31" }, patients })) {
      out.push(r);
      totals = addToCohortTotals({ totals, record: r });
    }
    expect(out.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(out.map((r) => isCohortSettlementError(r))).toEqual([false, true, true, false]);
    const bad = out[1]!;
    expect(isCohortSettlementError(bad) && bad.error.issues[0]!.path).toEqual(["events", 0, "kind"]);
    // a: 1,200,000 (all well); c: relapse on 2026-03-01 → month-6 withheld → 480,000 + 360,000 = 840,000.
    const view = cohortTotalsToJSON(totals);
    expect(view).toMatchObject({ patients: 2, errors: 2, net: "2040000.00", withheld: "360000.00" });
    const c = out[3] as CohortSettlementRecord;
    expect(c.split!.bill).toBe("100000.00"); // an explicit bill overrides the contract net
    const layerTotal = Object.values(totals.layers).reduce((acc, v) => acc + v, 0n);
    expect(layerTotal + totals.patientShare).toBe(130_000_000n); // CNY 1,200,000 + 100,000 split, in fen
  });

  it("works from any iterable, including an async generator, in constant memory", async () => {
    async function* gen(n: number) {
      for (let i = 0; i < n; i++) yield { patientId: `p${i}`, events: [{ kind: "infusion", date: "2026-01-15" }] };
    }
    let count = 0;
    for await (const r of settleCohort({ settlement: prepared, patients: gen(500) })) if (!isCohortSettlementError(r)) count++;
    expect(count).toBe(500);
  });

  it("rejects a bad as-of date, a bad plan, a currency mismatch and a negative bill", () => {
    expect(() => prepareCohortSettlement({ contract, plan, asOf: "2026-02-30" })).toThrow(ValidationError);
    expect(() => prepareCohortSettlement({ contract, plan: { currency: "CNY", layers: [{ kind: "basic", rate: 2 }] }, asOf: "2026-12-31" })).toThrow(ValidationError);
    expect(() => prepareCohortSettlement({ contract, plan: { ...plan, currency: "USD" }, asOf: "2026-12-31" })).toThrow(DomainError);
    const r = settleCohortPatient({ settlement: prepared, record: { patientId: "x", events: [{ kind: "infusion", date: "2026-01-15" }], bill: "-5" }, index: 1 });
    expect(isCohortSettlementError(r) && r.error.issues[0]!.path).toEqual(["bill"]);
    expect(() => addToCohortTotals({ totals: emptyCohortTotals("USD"), record: settleCohortPatient({ settlement: prepared, record: { patientId: "y", events: [{ kind: "infusion", date: "2026-01-15" }] }, index: 1 }) })).toThrow(DomainError);
  });
});
