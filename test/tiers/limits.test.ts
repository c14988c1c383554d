// Patient cost-sharing limits (issue 16 item 1; care.md §9 H23): lifetime caps beside the
// annual cap, family deductibles, annual out-of-pocket maxima for the person and the
// family in the embedded and the aggregate designs. Expected values worked by hand.
import { describe, expect, it } from "vitest";
import { type AnnualAccumulators, type FamilyAccumulators, parseLayers, splitBill, splitBillMinorUnits, startBenefitYear } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

const amt = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

describe("lifetime caps (care.md §9)", () => {
  const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", rate: 0.6, cap: "500000", lifetimeCap: "2000000" }] });

  it("H23: SMA drug 700,000 a year at 60%, annual cap 500,000, lifetime 2,000,000", () => {
    // Each year 0.6 × 700,000 = 420,000 (below the annual cap 500,000).
    // Years 1–4: 420,000 each → 1,680,000 used. Year 5: lifetime left 2,000,000 − 1,680,000 = 320,000 < 420,000 → 320,000,
    // the lifetime cap binds. Year 6: nothing left → 0.
    let acc: AnnualAccumulators | undefined;
    const paid: string[] = [];
    const limited: (string | null)[] = [];
    for (let year = 2026; year <= 2031; year++) {
      if (acc !== undefined) acc = startBenefitYear({ plan, accumulators: acc, year });
      const r = splitBill({ plan, bill: "700000", year, ...(acc === undefined ? {} : { accumulators: acc }) });
      paid.push(amt(r.layers[0]!.amount));
      limited.push(r.layers[0]!.limitedBy);
      acc = r.accumulators;
    }
    expect(paid).toEqual(["420000.00", "420000.00", "420000.00", "420000.00", "320000.00", "0.00"]);
    expect(limited).toEqual([null, null, null, null, "lifetimeCap", "lifetimeCap"]);
    expect(acc!.layers.basic!.lifetimePaid).toBe("2000000.00");
  });

  it("H23: the explanation names the lifetime cap as the binding limit", () => {
    const r = splitBill({ plan, bill: "700000", year: 2030, accumulators: { year: 2030, currency: "CNY", layers: { basic: { lifetimePaid: "1680000" } } } });
    expect(r.layers[0]!.text).toBe(
      "Basic medical insurance (基本医保) [basic] looks at what remains, CNY 700,000.00. It pays 60% of CNY 700,000.00 = CNY 420,000.00, limited to CNY 320,000.00 by what is left of its lifetime cap of CNY 2,000,000.00 (CNY 1,680,000.00 used before).",
    );
  });

  it("the annual cap binds before the lifetime cap when it is tighter", () => {
    // 0.6 × 900,000 = 540,000 > annual cap 500,000; lifetime left 2,000,000 → annual binds at 500,000.
    const r = splitBill({ plan, bill: "900000", year: 2026 });
    expect([amt(r.layers[0]!.amount), r.layers[0]!.limitedBy]).toEqual(["500000.00", "cap"]);
  });

  it("startBenefitYear resets the year's figures and keeps the lifetime ones", () => {
    const y1 = splitBill({ plan, bill: "700000", year: 2026, person: "p1" });
    expect(startBenefitYear({ plan, accumulators: y1.accumulators, year: 2027 })).toEqual({
      year: 2027,
      currency: "CNY",
      person: "p1",
      layers: { basic: { deductibleMet: "0.00", paid: "0.00", lifetimePaid: "420000.00" } },
    });
    expect(domainError(() => startBenefitYear({ plan, accumulators: y1.accumulators, year: 2026 })).path).toEqual(["year"]);
  });

  it("last year's accumulators used for this year are an error at accumulators.year", () => {
    const y1 = splitBill({ plan, bill: "700000", year: 2026 });
    const e = domainError(() => splitBill({ plan, bill: "700000", year: 2027, accumulators: y1.accumulators }));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["accumulators", "year"]]);
  });

  it("lifetime paid beyond the lifetime cap is rejected", () => {
    const e = domainError(() => splitBill({ plan, bill: "1", year: 2026, accumulators: { year: 2026, currency: "CNY", layers: { basic: { lifetimePaid: "2000000.01" } } } }));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["accumulators", "layers", "basic", "lifetimePaid"]]);
  });
});

// An ACA-style family plan (USD; figures in the style of the 2026 marketplace limits): deductible 3,000 per
// person and 6,000 per family, the plan pays 80% after the deductible, out-of-pocket maximum 10,600 per
// person and 21,200 per family, embedded design.
const acaLayer = {
  kind: "commercial" as const,
  id: "plan",
  name: "Silver plan",
  deductible: "3000",
  familyDeductible: "6000",
  rate: 0.8,
  outOfPocketMax: { individual: "10600", family: "21200" },
  familyDesign: "embedded" as const,
};

function settleYear(design: "embedded" | "aggregate", claims: readonly (readonly [string, string])[]) {
  const plan = parseLayers({ currency: "USD", layers: [{ ...acaLayer, familyDesign: design }] });
  const people = new Map<string, AnnualAccumulators>();
  let family: FamilyAccumulators | undefined;
  return claims.map(([person, bill]) => {
    const mine = people.get(person);
    const r = splitBill({ plan, bill, year: 2026, person, family: "F1", ...(mine ? { accumulators: mine } : {}), ...(family ? { familyAccumulators: family } : {}) });
    people.set(person, r.accumulators);
    family = r.familyAccumulators;
    return r;
  });
}

describe("family accumulators: an ACA-style family across a year of claims", () => {
  const year = [
    ["A", "20000"],
    ["B", "2000"],
    ["C", "5000"],
    ["A", "30000"],
    ["D", "50000"],
    ["B", "1000"],
  ] as const;

  it("embedded design: each person's limits and the family's, whichever binds first", () => {
    // 1. A 20,000: deductible room min(3,000, 6,000) = 3,000; 0.8 × 17,000 = 13,600; A pays 6,400 (A oop 6,400; family met 3,000, oop 6,400).
    // 2. B 2,000: room min(3,000, 3,000) → 2,000 to the deductible; plan 0; B pays 2,000 (family met 5,000, oop 8,400).
    // 3. C 5,000: room min(3,000, 6,000 − 5,000 = 1,000) = 1,000 (the family's binds); 0.8 × 4,000 = 3,200; C pays 1,800
    //    (family met 6,000, oop 10,200).
    // 4. A 30,000: no deductible left; 0.8 × 30,000 = 24,000 would leave A 6,000, but A has 10,600 − 6,400 = 4,200 left
    //    (family 21,200 − 10,200 = 11,000): plan pays 30,000 − 4,200 = 25,800; A reaches the individual maximum (family oop 14,400).
    // 5. D 50,000: family deductible met, so none; 0.8 × 50,000 = 40,000 would leave 10,000, but the family has
    //    21,200 − 14,400 = 6,800 left (D 10,600): plan pays 43,200; the family maximum binds (family oop 21,200).
    // 6. B 1,000: family maximum reached: plan pays 1,000, B pays 0.
    // Patient total 6,400 + 2,000 + 1,800 + 4,200 + 6,800 + 0 = 21,200 = the family maximum.
    const rs = settleYear("embedded", year);
    expect(rs.map((r) => amt(r.layers[0]!.amount))).toEqual(["13600.00", "0.00", "3200.00", "25800.00", "43200.00", "1000.00"]);
    expect(rs.map((r) => amt(r.patient))).toEqual(["6400.00", "2000.00", "1800.00", "4200.00", "6800.00", "0.00"]);
    expect(rs.map((r) => r.layers[0]!.outOfPocketReached ?? null)).toEqual([null, null, null, "individual", "family", "family"]);
    expect(rs[5]!.familyAccumulators).toEqual({ year: 2026, currency: "USD", family: "F1", layers: { plan: { deductibleMet: "6000.00", outOfPocket: "21200.00" } } });
    expect(rs[3]!.accumulators).toEqual({ year: 2026, currency: "USD", person: "A", family: "F1", layers: { plan: { deductibleMet: "3000.00", paid: "39400.00", outOfPocket: "10600.00" } } });
  });

  it("embedded design: the explanation says which limit bound", () => {
    const rs = settleYear("embedded", year);
    expect(rs[4]!.layers[0]!.text).toBe(
      "Silver plan [plan] looks at what remains, USD 50,000.00; USD 0.00 goes to the family deductible of USD 6,000.00 (USD 6,000.00 met before, USD 0.00 left after), which binds before the annual deductible of USD 3,000.00 (USD 0.00 met before, USD 3,000.00 left after). It pays 80% of USD 50,000.00 = USD 40,000.00, raised to USD 43,200.00: the patient's cost-sharing reached the family out-of-pocket maximum of USD 21,200.00 (USD 14,400.00 before this claim).",
    );
    expect(rs[2]!.layers[0]!.text).toContain("USD 1,000.00 goes to the family deductible of USD 6,000.00 (USD 5,000.00 met before, USD 0.00 left after), which binds before the annual deductible of USD 3,000.00");
    expect(rs[3]!.layers[0]!.text).toContain("reached the individual out-of-pocket maximum of USD 10,600.00 (USD 6,400.00 before this claim)");
  });

  it("aggregate design: only the family totals count", () => {
    // 1. A 20,000: family deductible room 6,000 (no individual one): 0.8 × 14,000 = 11,200; A pays 8,800 (family oop 8,800).
    // 2. B 2,000: family deductible met; 0.8 × 2,000 = 1,600; B pays 400 (family oop 9,200).
    // 3. C 5,000: 0.8 × 5,000 = 4,000; C pays 1,000 (10,200).
    // 4. A 30,000: 24,000 would leave 6,000; family left 21,200 − 10,200 = 11,000 → no limit binds; A pays 6,000 (16,200).
    //    (In the embedded design A would stop at 10,600; here A's 14,800 is allowed: no individual limit in a family.)
    // 5. D 50,000: 40,000 would leave 10,000; family left 5,000 → plan pays 45,000 (21,200).
    // 6. B 1,000: plan pays 1,000.
    const rs = settleYear("aggregate", year);
    expect(rs.map((r) => amt(r.patient))).toEqual(["8800.00", "400.00", "1000.00", "6000.00", "5000.00", "0.00"]);
    expect(rs.map((r) => amt(r.layers[0]!.amount))).toEqual(["11200.00", "1600.00", "4000.00", "24000.00", "45000.00", "1000.00"]);
    // A person's own figures never pass the individual limits (they are reported, they do not bind in a family).
    expect(rs[3]!.accumulators.layers.plan).toEqual({ deductibleMet: "3000.00", paid: "35200.00", outOfPocket: "10600.00" });
  });

  it("a person with no family claim has the individual limits only", () => {
    // 50,000: deductible 3,000; 0.8 × 47,000 = 37,600 leaves 12,400 > 10,600 → plan pays 39,400.
    const plan = parseLayers({ currency: "USD", layers: [acaLayer] });
    const r = splitBill({ plan, bill: "50000", year: 2026 });
    expect([amt(r.layers[0]!.amount), amt(r.patient), r.layers[0]!.outOfPocketReached]).toEqual(["39400.00", "10600.00", "individual"]);
    expect(r.familyAccumulators).toBeUndefined();
  });

  it("the bulk path gives the same figures and family accumulators", () => {
    const plan = parseLayers({ currency: "USD", layers: [acaLayer] });
    const people = new Map<string, { met: bigint; paid: bigint; bandBase: bigint; oop?: bigint }[]>();
    let fam = [{ met: 0n, oop: 0n }];
    const out: bigint[] = [];
    for (const [person, bill] of year) {
      const r = splitBillMinorUnits({ plan, claim: { bill: BigInt(bill) * 100n, ...(people.has(person) ? { accumulators: people.get(person)! } : {}), familyAccumulators: fam } });
      people.set(person, [...r.accumulators] as never);
      fam = [...r.familyAccumulators!];
      out.push(r.patient);
    }
    expect(out).toEqual([640000n, 200000n, 180000n, 420000n, 680000n, 0n]);
    expect(fam).toEqual([{ met: 600000n, oop: 2120000n }]);
  });
});

describe("limits: bad input", () => {
  const plan = parseLayers({ currency: "USD", layers: [acaLayer] });
  const famAcc = (family: string, year: number): FamilyAccumulators => ({ year, currency: "USD", family, layers: { plan: { deductibleMet: "0", outOfPocket: "0" } } });

  it("a family accumulator from another family is an error at familyAccumulators.family", () => {
    const e = domainError(() => splitBill({ plan, bill: "100", year: 2026, person: "A", family: "F1", familyAccumulators: famAcc("F2", 2026) }));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["familyAccumulators", "family"]]);
  });

  it("a family accumulator from another year is an error at familyAccumulators.year", () => {
    const e = domainError(() => splitBill({ plan, bill: "100", year: 2026, person: "A", family: "F1", familyAccumulators: famAcc("F1", 2025) }));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["familyAccumulators", "year"]]);
  });

  it("a person's accumulators used for someone else, or another family, are errors", () => {
    const a = splitBill({ plan, bill: "100", year: 2026, person: "A", family: "F1" }).accumulators;
    expect(domainError(() => splitBill({ plan, bill: "100", year: 2026, person: "B", family: "F1", accumulators: a })).path).toEqual(["accumulators", "person"]);
    expect(domainError(() => splitBill({ plan, bill: "100", year: 2026, person: "A", family: "F2", accumulators: a })).path).toEqual(["accumulators", "family"]);
  });

  it("family accumulators without a family, or a family claim without a year, are errors", () => {
    expect(issues(() => splitBill({ plan, bill: "100", year: 2026, familyAccumulators: famAcc("F1", 2026) }))[0]!.path).toEqual(["family"]);
    expect(issues(() => splitBill({ plan, bill: "100", family: "F1" }))[0]!.path).toEqual(["year"]);
  });

  it("accumulators beyond a limit are rejected with the path", () => {
    const over = domainError(() => splitBill({ plan, bill: "1", year: 2026, family: "F1", familyAccumulators: { year: 2026, currency: "USD", family: "F1", layers: { plan: { outOfPocket: "21200.01" } } } }));
    expect(over.path).toEqual(["familyAccumulators", "layers", "plan", "outOfPocket"]);
    const mine = domainError(() => splitBill({ plan, bill: "1", year: 2026, accumulators: { year: 2026, currency: "USD", layers: { plan: { outOfPocket: "10600.01" } } } }));
    expect(mine.path).toEqual(["accumulators", "layers", "plan", "outOfPocket"]);
  });

  it("an out-of-pocket figure for a layer without a maximum is an error", () => {
    const p = parseLayers({ currency: "USD", layers: [{ kind: "basic", id: "b", rate: 0.5 }] });
    expect(issues(() => splitBill({ plan: p, bill: "1", year: 2026, accumulators: { year: 2026, currency: "USD", layers: { b: { outOfPocket: "1" } } } }))[0]!.path).toEqual(["accumulators", "layers", "b", "outOfPocket"]);
  });

  it("family limits need a design; a design needs a family limit; a maximum states an amount", () => {
    const { familyDesign: _, ...noDesign } = acaLayer;
    expect(issues(() => parseLayers({ currency: "USD", layers: [noDesign] })).map((i) => i.path)).toEqual([["layers", 0, "familyDesign"]]);
    expect(issues(() => parseLayers({ currency: "USD", layers: [{ kind: "basic", rate: 0.5, familyDesign: "embedded" }] })).map((i) => i.path)).toEqual([["layers", 0, "familyDesign"]]);
    expect(issues(() => parseLayers({ currency: "USD", layers: [{ kind: "basic", rate: 0.5, outOfPocketMax: {} }] })).map((i) => i.path)).toEqual([["layers", 0, "outOfPocketMax"]]);
    expect(issues(() => parseLayers({ currency: "USD", layers: [{ kind: "basic", rate: 0.5, lifetimeCap: "-1" }] }))[0]!.path).toEqual(["layers", 0, "lifetimeCap"]);
    expect(issues(() => parseLayers({ currency: "USD", layers: [{ kind: "basic", rate: 0.5, familyDesign: "mixed" }] }))[0]!.path).toEqual(["layers", 0, "familyDesign"]);
  });

  it("bulk path: family accumulators of the wrong shape or beyond the limit are typed errors", () => {
    expect(issues(() => splitBillMinorUnits({ plan, claim: { bill: 1n, familyAccumulators: [] } }))[0]!.path).toEqual(["claim", "familyAccumulators"]);
    expect(domainError(() => splitBillMinorUnits({ plan, claim: { bill: 1n, familyAccumulators: [{ met: 600001n, oop: 0n }] } })).path).toEqual(["claim", "familyAccumulators", 0, "met"]);
    expect(domainError(() => splitBillMinorUnits({ plan, claim: { bill: 1n, accumulators: [{ met: 0n, paid: 0n, bandBase: 0n, oop: 1060001n }] } })).path).toEqual(["claim", "accumulators", 0, "oop"]);
  });
});
