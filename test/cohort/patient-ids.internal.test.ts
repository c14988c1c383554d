// The cohort's id set (src/cohort/patient-ids.ts, internal): it answers exactly as a Map
// of first indexes would. Internal, so left out of the runs against the packed build
// (*.internal.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PatientIds } from "../../src/cohort/patient-ids.js";

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
