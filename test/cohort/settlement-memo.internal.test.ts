// The cohort's prepared-settlement memos (src/cohort/settlement-memo.ts) and its id set
// (src/cohort/patient-ids.ts), both internal: a remembered result is reused only for
// equal plain data, and the id set answers exactly as a Map would. Internal, so left out
// of the runs against the packed build (*.internal.test.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PatientIds } from "../../src/cohort/patient-ids.js";
import { createResultMemo, inputHash, recall, remember } from "../../src/cohort/settlement-memo.js";
import { cohortTotalsToJSON, evaluateContractMinorUnits, parseContract, parseLayers, prepareCohortSettlement, settleCohortPatient, settleCohortTotals, splitBillMinorUnits } from "../../src/index.js";

const data = join(import.meta.dirname, "..", "..", "examples", "data");
const contract = JSON.parse(readFileSync(join(data, "k1-contract.json"), "utf8"));
const plan = JSON.parse(readFileSync(join(data, "cart-layers.json"), "utf8"));

describe("PatientIds", () => {
  it("answers as a Map of first indexes would, for any ids (empty, astral, near-duplicates) and repeats", () => {
    const idArb = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 4 }), fc.constantFrom("P1", "P10", "P1 ", "p1", "", "__proto__", "constructor"));
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 300 }), (ids) => {
        const set = new PatientIds();
        const map = new Map<string, number>();
        ids.forEach((id, i) => {
          const expected = map.get(id);
          if (expected === undefined) map.set(id, i + 1);
          expect(set.firstOrAdd(id, i + 1)).toBe(expected ?? -1);
        });
        expect(set.size).toBe(map.size);
      }),
    );
  });

  it("stays exact through its growth (tens of thousands of ids, every one asked again)", () => {
    const set = new PatientIds();
    const n = 40_000;
    for (let i = 0; i < n; i++) expect(set.firstOrAdd(`P${i}`, i + 1)).toBe(-1);
    for (let i = 0; i < n; i += 7) expect(set.firstOrAdd(`P${i}`, n + i)).toBe(i + 1);
    expect(set.firstOrAdd(`P${n}`, 1)).toBe(-1);
    expect(set.size).toBe(n + 1);
  });
});

describe("settlement memo", () => {
  it("reuses a result only for equal plain data: types, the sign of zero, key order, nesting and classes tell inputs apart", () => {
    const memo = createResultMemo<string>();
    const put = (v: unknown, r: string, amount = 0n) => {
      const h = inputHash(v, amount);
      expect(h).not.toBeNull();
      remember(memo, h!, v, r, amount);
    };
    const get = (v: unknown, amount = 0n) => {
      const h = inputHash(v, amount);
      return h === null ? "no key" : recall(memo, h, v, amount);
    };
    put([{ kind: "crs", date: "2026-01-02", grade: 0 }], "zero");
    put([{ kind: "crs", date: "2026-01-02", grade: "0" }], "text zero");
    put({ groups: ["a", "b"] }, "ab", 5n);
    expect(get([{ kind: "crs", date: "2026-01-02", grade: 0 }])).toBe("zero");
    expect(get([{ kind: "crs", date: "2026-01-02", grade: "0" }])).toBe("text zero");
    expect(get([{ kind: "crs", date: "2026-01-02", grade: -0 }])).toBeUndefined();
    expect(get([{ kind: "crs", date: "2026-01-02", grade: null }])).toBeUndefined();
    expect(get([{ kind: "crs", date: "2026-01-02" }])).toBeUndefined();
    expect(get([{ date: "2026-01-02", kind: "crs", grade: 0 }])).toBeUndefined(); // another order: computed again (never wrong)
    expect(get([{ kind: "crs", date: "2026-01-02", grade: 0 }, { kind: "crs", date: "2026-01-02", grade: 0 }])).toBeUndefined();
    expect(get({ groups: ["a", "b"] }, 5n)).toBe("ab");
    expect(get({ groups: ["a", "b"] }, 6n)).toBeUndefined(); // another bill
    expect(get({ groups: ["ab"] }, 5n)).toBeUndefined();
    expect(get({ groups: ["a", "b", ""] }, 5n)).toBeUndefined();
    // Not plain data: no key at all, so always computed.
    class Event {
      kind = "crs";
      date = "2026-01-02";
    }
    expect(get([new Event()])).toBe("no key");
    expect(get([Object.create({ kind: "crs" })])).toBe("no key");
    // eslint-disable-next-line no-sparse-arrays
    expect(get([, { kind: "crs" }])).toBe("no key");
    expect(get([{ kind: "crs", when: new Date(0) }])).toBe("no key");
    expect(get([{ kind: "crs", n: 1n }])).toBe("no key");
  });

  it("a memo hit gives the same record as a fresh settlement, patient for patient, and bad records stay bad", () => {
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

  it("a cohort whose patients all differ (the memos switch themselves off) has the totals of patient-by-patient settlement", async () => {
    const patients = Array.from({ length: 4500 }, (_, i) => ({
      patientId: `P${i}`,
      events: [{ kind: "infusion", date: `2026-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, "0")}` }, ...(i % 3 === 0 ? [{ kind: "crs", date: `2026-0${1 + (i % 6)}-28`, grade: 1 + (i % 4) }] : [])],
      bill: `${100000 + i}.${String(i % 100).padStart(2, "0")}`,
    }));
    const totals = await settleCohortTotals({ settlement: { contract, plan, asOf: "2026-12-31" }, patients });
    let net = 0n;
    let patient = 0n;
    // The bulk paths of the chapters, computed for every patient (no memo there).
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
});
