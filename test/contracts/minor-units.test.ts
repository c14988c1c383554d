// The bulk path, evaluateContractMinorUnits: the worked examples in minor units (figures
// from spec/contracts.md, worked by hand in the comments) and its bad input.
import { describe, expect, it } from "vitest";
import { DomainError, evaluateContractMinorUnits, parseContract, parseContractVersions, ValidationError } from "../../src/index.js";
import { K1, K3, k4 } from "./fixtures.js";

const infusion = (date: string) => ({ kind: "infusion", date });
const treatedMonths = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: "treatedMonth", date: `2026-${String(i + 1).padStart(2, "0")}-05` }));

describe("evaluateContractMinorUnits (bulk path)", () => {
  const k1 = parseContract(K1);
  const k3 = parseContract(K3);

  it("K1: no CRS, no relapse → 48,000,000 + 36,000,000 + 36,000,000 fen", () => {
    const r = evaluateContractMinorUnits(k1, [infusion("2026-01-15")], "2026-12-31");
    expect(r.lines.map((l) => [l.date, l.kind, l.termId, l.units])).toEqual([
      ["2026-01-15", "payment", "at-infusion", 48_000_000n], // 40% × 1,200,000.00
      ["2026-04-15", "payment", "month-3", 36_000_000n], // 30%
      ["2026-07-15", "payment", "month-6", 36_000_000n],
    ]);
    expect(r.totals).toEqual({ payments: 120_000_000n, bonuses: 0n, gross: 120_000_000n, refunded: 0n, net: 120_000_000n, withheld: 0n });
    expect([r.contractId, r.version, r.currency, r.scale, r.treatmentStart]).toEqual(["K1-cart-40-30-30", null, "CNY", 2, "2026-01-15"]);
  });

  it("K1: CRS on 2026-01-20 → month-3 withheld (36,000,000 fen), net 84,000,000 fen", () => {
    const r = evaluateContractMinorUnits(k1, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20", grade: 1 }], "2026-12-31");
    expect(r.lines[1]).toEqual({ date: "2026-04-15", kind: "withheld", termId: "month-3", units: 0n, withheld: 36_000_000n });
    expect(r.totals.net).toBe(84_000_000n); // 480,000 + 360,000
    expect(r.totals.withheld).toBe(36_000_000n);
  });

  it("K3: relapse 2026-07-10 → paid 186,500, clawback −93,250, net 93,250 (in cents)", () => {
    const r = evaluateContractMinorUnits(k3, [infusion("2026-03-01"), { kind: "relapse", date: "2026-07-10" }], "2027-12-31");
    expect(r.lines.map((l) => [l.date, l.kind, l.units])).toEqual([
      ["2026-04-01", "payment", 9_325_000n],
      ["2026-06-01", "payment", 9_325_000n],
      ["2026-07-10", "clawback", -9_325_000n], // 50% × 186,500.00
      ["2026-09-01", "withheld", 0n],
      ["2027-03-01", "withheld", 0n],
    ]);
    expect(r.totals.gross).toBe(18_650_000n);
    expect(r.totals.refunded).toBe(9_325_000n);
    expect(r.totals.net).toBe(9_325_000n);
    expect(r.totals.withheld).toBe(18_650_000n); // two installments of 93,250.00 withheld
  });

  it("K4: progression after 4 paid months → paid 80,000, refund −40,000, net 40,000 (in fen)", () => {
    const r = evaluateContractMinorUnits(
      parseContract(k4(false)),
      [{ kind: "treatmentStart", date: "2026-01-01" }, ...treatedMonths(4), { kind: "progression", date: "2026-04-20" }],
      "2027-01-31",
    );
    expect(r.totals.payments).toBe(8_000_000n); // 4 × 20,000.00
    expect(r.totals.refunded).toBe(4_000_000n); // 50% × 80,000.00
    expect(r.totals.net).toBe(4_000_000n);
  });

  it("K1: contract versions — the version in effect at treatment start applies", () => {
    const versions = parseContractVersions({
      versions: [
        { ...K1, version: "2025", effective: { from: "2025-01-01", to: "2026-03-01" } },
        { ...K1, version: "2026", price: "1000000.00", effective: { from: "2026-03-01" } },
      ],
    });
    expect(evaluateContractMinorUnits(versions, [infusion("2026-02-28")], "2026-12-31").totals.net).toBe(120_000_000n);
    const later = evaluateContractMinorUnits(versions, [infusion("2026-03-01")], "2026-12-31");
    expect([later.version, later.totals.net]).toEqual(["2026", 100_000_000n]);
  });

  it("bad input: raw JSON contract, bad as-of date, malformed or disordered events — typed errors with paths", () => {
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof ValidationError) return e.issues.map((i) => [i.path.join("."), i.code]);
        if (e instanceof DomainError) return [[e.path.join("."), e.code]];
        throw e;
      }
      throw new Error("expected a typed error");
    };
    expect(issue(() => evaluateContractMinorUnits(K1 as never, [infusion("2026-01-15")], "2026-12-31"))).toEqual([["contract", "invalid_contract"]]);
    expect(issue(() => evaluateContractMinorUnits(null as never, [], "2026-12-31"))).toEqual([["contract", "invalid_contract"]]);
    expect(issue(() => evaluateContractMinorUnits(k1, [infusion("2026-01-15")], "2026-02-30"))).toEqual([["asOf", "invalid_date"]]);
    expect(issue(() => evaluateContractMinorUnits(k1, "events", "2026-12-31"))).toEqual([["events", "invalid_type"]]);
    expect(issue(() => evaluateContractMinorUnits(k1, [infusion("2026-01-15"), { kind: "crs", date: "2026-1-20" }], "2026-12-31"))).toEqual([["events.1.date", "invalid_date"]]);
    expect(issue(() => evaluateContractMinorUnits(k1, [infusion("2026-01-15"), { kind: "relapse", date: "2026-01-10" }], "2026-12-31"))).toEqual([["events.1.date", "EVENT_ORDER"]]);
    expect(issue(() => evaluateContractMinorUnits(k1, [], "2026-12-31"))).toEqual([["events", "EVENT_ORDER"]]);
  });
});
