// The CLI writes settlement records with recordLine (cli/cohort/shard.ts), field by field:
// it must give exactly JSON.stringify's text for every record settleCohortPatient makes,
// with and without a split, and for ids and event kinds that need escaping.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordLine } from "../../cli/cohort/shard.js";
import { isCohortSettlementError, prepareCohortSettlement, settleCohortPatient } from "../../src/index.js";

const data = join(import.meta.dirname, "..", "..", "examples", "data");
const contract = JSON.parse(readFileSync(join(data, "k1-contract.json"), "utf8"));
const plan = JSON.parse(readFileSync(join(data, "cart-layers.json"), "utf8"));

describe("recordLine", () => {
  it("is JSON.stringify of the record, byte for byte", () => {
    const withPlan = prepareCohortSettlement({ contract, plan, asOf: "2026-12-31" });
    const contractOnly = prepareCohortSettlement({ contract, asOf: "2026-12-31" });
    const record = fc.record({
      id: fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom('P"1', "P\\2", "P\n3", "患者\u2028", "\u0000x")),
      crs: fc.boolean(),
      relapse: fc.boolean(),
      bill: fc.option(fc.bigInt({ min: 0n, max: 10n ** 12n }), { nil: undefined }),
      group: fc.boolean(),
      index: fc.integer({ min: 1, max: 2 ** 40 }),
    });
    let checked = 0;
    fc.assert(
      fc.property(record, fc.boolean(), (r, split) => {
        const events = [{ kind: "infusion", date: "2026-01-15" }, ...(r.crs ? [{ kind: "crs", date: "2026-01-20", grade: 2 }] : []), ...(r.relapse ? [{ kind: "relapse", date: "2026-05-02" }] : [])];
        const bill = r.bill === undefined ? {} : { bill: `${r.bill / 100n}.${String(r.bill % 100n).padStart(2, "0")}` };
        const rec = settleCohortPatient({ settlement: split ? withPlan : contractOnly, record: { patientId: r.id, events, ...bill, ...(r.group ? { patient: { groups: ["subsistence"] } } : {}) }, index: r.index });
        if (isCohortSettlementError(rec)) return;
        checked++;
        expect(recordLine(rec)).toBe(JSON.stringify(rec));
      }),
    );
    expect(checked).toBeGreaterThan(100);
  });
});
