// Properties of limits, itemised claims and variants (issue 16): conservation over
// lines × layers, no accumulator beyond its limit, the patient's year within the
// out-of-pocket maximum, and the explained path equal to the bulk path.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnnualAccumulators,
  type CoverageLayerInput,
  type FamilyAccumulators,
  type MinorUnitAccumulator,
  type MinorUnitFamilyAccumulator,
  type Money,
  parseLayers,
  splitBill,
  splitBillMinorUnits,
} from "../../src/index.js";

const RUNS = { numRuns: Math.max(300, Number(process.env.PBT_RUNS ?? 0)) };
const cents = (m: Money) => BigInt(m.amount.times(100).toFixed(0));
const toCents = (s: string) => BigInt(Math.round(Number(s) * 100));
const amountArb = (max: number) => fc.integer({ min: 0, max }).map((n) => (n / 100).toFixed(2));
const rateArb = fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toString());
const CATEGORIES = ["drug", "test", "consumable", "bed", "service"] as const;
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const termsArb = fc.record(
  {
    covered: opt(fc.boolean()),
    firstSelfPay: opt(fc.record({ B: rateArb }, { requiredKeys: [] })),
    rate: opt(rateArb),
    subLimit: opt(amountArb(5_000_000)),
  },
  { requiredKeys: [] },
).map((t) => (t.covered === false ? { covered: false } : t));

const limitsArb = fc.record(
  {
    lifetimeCap: opt(amountArb(10_000_000)),
    familyDeductible: opt(amountArb(1_000_000)),
    outOfPocketMax: opt(fc.record({ individual: opt(amountArb(2_000_000)), family: opt(amountArb(4_000_000)) }).filter((o) => o.individual !== undefined || o.family !== undefined)),
    familyDesign: fc.constantFrom("embedded" as const, "aggregate" as const),
  },
  { requiredKeys: ["familyDesign"] },
).map((l) => (l.familyDeductible === undefined && l.outOfPocketMax?.family === undefined ? { ...l, familyDesign: undefined } : l));

const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const layerArb: fc.Arbitrary<CoverageLayerInput> = fc
  .record({
    kind: fc.constantFrom("basic" as const, "commercial" as const),
    basis: fc.constantFrom("remaining" as const, "total" as const),
    covers: fc.constantFrom("all" as const, "catalogue" as const, "outOfCatalogue" as const),
    rate: rateArb,
    deductible: amountArb(500_000),
    cap: opt(amountArb(5_000_000)),
    limits: limitsArb,
    categories: opt(fc.dictionary(fc.constantFrom(...CATEGORIES), termsArb, { minKeys: 1 })),
    variant: opt(fc.record({ deductible: opt(amountArb(500_000)), rate: opt(rateArb), cap: opt(fc.option(amountArb(5_000_000), { nil: null })) })),
  })
  .map(({ limits, variant, ...l }) =>
    clean({
      ...l,
      ...clean(limits),
      ...(variant === undefined ? {} : { variants: [clean({ id: "vulnerable", when: { attribute: "groups", in: ["vulnerable"] }, ...variant })] }),
    }) as CoverageLayerInput,
  );

// At least one layer defines every category, so any line is valid.
const planArb = fc
  .array(layerArb, { minLength: 1, maxLength: 4 })
  .map((layers) => ({ currency: "CNY", layers: [...layers, { kind: "assistance" as const, rate: 0.5, categories: Object.fromEntries(CATEGORIES.map((c) => [c, {}])) }] }));

const lineArb = fc.record({ category: fc.constantFrom(...CATEGORIES), catalogueClass: opt(fc.constantFrom("A" as const, "B" as const, "C" as const)), amount: amountArb(3_000_000) }).map(clean);
const claimArb = fc.record({ person: fc.constantFrom("A", "B", "C"), lines: fc.array(lineArb, { minLength: 1, maxLength: 6 }), vulnerable: fc.boolean() });

/** Settles a family's claims of one year through both paths; hands back both and checks they agree. */
function settle(planDoc: { currency: string; layers: CoverageLayerInput[] }, claims: readonly { person: string; lines: { category: string; catalogueClass?: "A" | "B" | "C"; amount: string }[]; vulnerable: boolean }[]) {
  const plan = parseLayers(planDoc);
  const people = new Map<string, AnnualAccumulators>();
  const bulkPeople = new Map<string, readonly MinorUnitAccumulator[]>();
  let family: FamilyAccumulators | undefined;
  let bulkFamily: readonly MinorUnitFamilyAccumulator[] = plan.layers.map(() => ({ met: 0n, oop: 0n }));
  const results = claims.map((c) => {
    const patient = { groups: c.vulnerable ? ["vulnerable"] : [] };
    const mine = people.get(c.person);
    const r = splitBill({ plan, year: 2026, person: c.person, family: "F", patient, lines: c.lines, explain: false, ...(mine ? { accumulators: mine } : {}), ...(family ? { familyAccumulators: family } : {}) });
    const b = splitBillMinorUnits({
      plan,
      claim: { lines: c.lines.map((l) => ({ ...l, amount: toCents(l.amount) })), patient, familyAccumulators: bulkFamily, ...(bulkPeople.has(c.person) ? { accumulators: bulkPeople.get(c.person)! } : {}) },
    });
    expect(r.layers.map((l) => cents(l.amount))).toEqual([...b.layers]);
    expect(r.lines!.map((l) => cents(l.patient))).toEqual(b.lines!.map((l) => l.patient));
    people.set(c.person, r.accumulators);
    bulkPeople.set(c.person, b.accumulators);
    family = r.familyAccumulators;
    bulkFamily = b.familyAccumulators!;
    return r;
  });
  return { plan, results, people, family: family! };
}

describe("tiers limits, categories and variants: properties", () => {
  it("conservation over lines × layers: every line's layers + patient = the line, lines add up to the bill; explained = bulk", () => {
    fc.assert(
      fc.property(planArb, fc.array(claimArb, { minLength: 1, maxLength: 5 }), (planDoc, claims) => {
        const { results } = settle(planDoc, claims);
        for (const r of results) {
          let bill = 0n;
          for (const line of r.lines!) {
            let remaining = cents(line.amount);
            for (const l of line.layers) {
              const a = cents(l.amount);
              expect(a >= 0n && a <= remaining).toBe(true);
              remaining -= a;
            }
            expect(remaining).toBe(cents(line.patient));
            bill += cents(line.amount);
          }
          expect(bill).toBe(cents(r.bill));
          expect(r.layers.reduce((s, l) => s + cents(l.amount), 0n) + cents(r.patient)).toBe(bill);
        }
      }),
      RUNS,
    );
  });

  it("no accumulator ever exceeds its limit", () => {
    fc.assert(
      fc.property(planArb, fc.array(claimArb, { minLength: 1, maxLength: 8 }), (planDoc, claims) => {
        const { plan, people, family } = settle(planDoc, claims);
        const u = (s: string | undefined) => (s === undefined ? 0n : toCents(s));
        for (const acc of people.values()) {
          plan.layers.forEach((layer) => {
            const a = acc.layers[layer.id]!;
            const widestDed = [layer, ...(layer.variants ?? []).map((v) => v.layer)].reduce((m, l) => (l.deductible > m ? l.deductible : m), 0n);
            expect(u(a.deductibleMet) <= widestDed).toBe(true);
            const caps = [layer, ...(layer.variants ?? []).map((v) => v.layer)].map((l) => l.cap);
            if (caps.every((c) => c !== null)) expect(u(a.paid) <= caps.reduce((m, c) => (c! > m! ? c : m))!).toBe(true);
            const lim = layer.limits;
            if (lim?.oopIndividual != null) expect(u(a.outOfPocket) <= lim.oopIndividual).toBe(true);
            if (lim?.lifetimeCap != null) expect(u(a.lifetimePaid) <= lim.lifetimeCap).toBe(true);
            for (const [c, used] of Object.entries(a.categories ?? {})) {
              const t = layer.categories!.get(c)!;
              expect(toCents(used) <= t.subLimit!).toBe(true);
            }
          });
        }
        plan.layers.forEach((layer) => {
          const f = family.layers[layer.id];
          if (f === undefined) return;
          if (layer.limits?.familyDeductible != null) expect(u(f.deductibleMet) <= layer.limits.familyDeductible).toBe(true);
          if (layer.limits?.oopFamily != null) expect(u(f.outOfPocket) <= layer.limits.oopFamily).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it("the patient never pays more than the out-of-pocket maximum in a year", () => {
    // One layer covering all items with no cap: what the patient pays over the year is the cost-sharing.
    const planArb1 = fc
      .record({ rate: rateArb, deductible: amountArb(500_000), individual: amountArb(1_000_000), family: amountArb(2_000_000), familyDesign: fc.constantFrom("embedded" as const, "aggregate" as const) })
      .map(({ individual, family, ...l }) => ({ currency: "CNY", layers: [{ kind: "commercial" as const, id: "plan", covers: "all" as const, categories: Object.fromEntries(CATEGORIES.map((c) => [c, {}])), outOfPocketMax: { individual, family }, ...l }] }));
    fc.assert(
      fc.property(planArb1, fc.array(claimArb, { minLength: 1, maxLength: 10 }), (planDoc, claims) => {
        const { plan, results } = settle(planDoc, claims);
        const lim = plan.layers[0]!.limits!;
        const byPerson = new Map<string, bigint>();
        let total = 0n;
        results.forEach((r, i) => {
          const p = cents(r.patient);
          total += p;
          byPerson.set(claims[i]!.person, (byPerson.get(claims[i]!.person) ?? 0n) + p);
        });
        expect(total <= lim.oopFamily!).toBe(true);
        if (lim.familyDesign === "embedded") for (const v of byPerson.values()) expect(v <= lim.oopIndividual!).toBe(true);
      }),
      RUNS,
    );
  });
});
