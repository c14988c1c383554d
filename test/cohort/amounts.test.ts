// Amounts in cohort records are never truncated: a bill or a record amount with more
// decimals than the currency allows is an error (the memo itself: amount-memo.internal.test.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addToCohortTotals, cohortTotalsToJSON, DomainError, emptyCohortTotals, isCohortSettlementError, prepareCohortSettlement, settleCohortPatient, ValidationError } from "../../src/index.js";

const data = (f: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "data", f), "utf8")) as unknown;

describe("cohort amounts", () => {
  const prepared = prepareCohortSettlement({ contract: data("k1-contract.json"), plan: data("cart-layers.json"), asOf: "2026-12-31" });
  const events = [{ kind: "infusion", date: "2026-01-15" }];

  it("a bill with more decimals than the currency is an error record naming the bill, not a truncated split", () => {
    const r = settleCohortPatient({ settlement: prepared, record: { patientId: "x", events, bill: "100000.005" }, index: 1 });
    expect(isCohortSettlementError(r)).toBe(true);
    if (!isCohortSettlementError(r)) return;
    expect(r.error.issues).toEqual([{ path: ["bill"], code: "invalid_decimal", message: '"100000.005" is not a non-negative decimal amount with at most 2 decimals' }]);
    const ok = settleCohortPatient({ settlement: prepared, record: { patientId: "y", events, bill: "100000.5" }, index: 2 });
    expect(!isCohortSettlementError(ok) && ok.split?.bill).toBe("100000.50");
  });

  it("records read back from JSON add up like the originals; a sub-minor-unit amount in a record is refused with its path", () => {
    const record = settleCohortPatient({ settlement: prepared, record: { patientId: "p", events }, index: 1 });
    const direct = cohortTotalsToJSON(addToCohortTotals({ totals: emptyCohortTotals("CNY"), record }));
    const copy = JSON.parse(JSON.stringify(record));
    expect(cohortTotalsToJSON(addToCohortTotals({ totals: emptyCohortTotals("CNY"), record: copy }))).toEqual(direct);
    expect(direct.net).toBe("1200000.00"); // K1 all well: 480,000 + 360,000 + 360,000
    // A record in another currency is a currency mismatch before any amount is read at the
    // totals' scale (CNY amounts have 2 decimals, JPY totals would allow none).
    expect(() => addToCohortTotals({ totals: emptyCohortTotals("JPY"), record })).toThrow(DomainError);
    const bad = JSON.parse(JSON.stringify(record));
    bad.split.layers[1].amount = "1.001";
    try {
      addToCohortTotals({ totals: emptyCohortTotals("CNY"), record: bad });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).issues[0]).toMatchObject({ path: ["record", "split", "layers", 1, "amount"], code: "invalid_amount" });
    }
  });
});
