import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CoverageLayerInput, type Money, parseLayers, splitBill, splitBillMinorUnits, buyGetFreeUnits, coordinateBenefits, stratifiedReimbursement } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

const rateArb = fc.integer({ min: 0, max: 1000 }).map((n) => (n / 1000).toString());
const amountArb = (max: number) => fc.integer({ min: 0, max }).map((n) => (n / 100).toFixed(2));
const basisArb = fc.constantFrom("remaining" as const, "total" as const);
const capArb = fc.option(amountArb(50_000_000), { nil: undefined });

const layerArb: fc.Arbitrary<CoverageLayerInput> = fc.oneof(
  fc.record({ kind: fc.constant("basic" as const), basis: basisArb, rate: rateArb, deductible: amountArb(200_000), cap: capArb }),
  fc.record({ kind: fc.constant("commercial" as const), basis: basisArb, rate: rateArb, deductible: amountArb(2_000_000), sumInsured: capArb }),
  fc.record({ kind: fc.constant("supplementary" as const), basis: basisArb, threshold: amountArb(2_000_000), rate: rateArb, cap: capArb }),
  fc.record({
    kind: fc.constant("supplementary" as const),
    basis: basisArb,
    threshold: amountArb(2_000_000),
    bands: fc.tuple(fc.integer({ min: 1, max: 10_000_000 }), rateArb, rateArb).map(([edge, a, b]) => ({ bands: [{ from: 0, to: edge, value: a }, { from: edge, to: null, value: b }] })),
  }),
  fc.record({ kind: fc.constant("manufacturer" as const), basis: basisArb, program: rateArb.map((rate) => ({ type: "discount" as const, rate })) }),
  fc.record({ kind: fc.constant("manufacturer" as const), basis: basisArb, program: fc.record({ type: fc.constant("buyGet" as const), buy: fc.integer({ min: 1, max: 4 }), get: fc.integer({ min: 1, max: 3 }) }) }),
  fc.record({ kind: fc.constant("assistance" as const), basis: basisArb, groupRates: fc.record({ subsistence: rateArb }) }),
  fc.record({ kind: fc.constant("pool" as const), basis: basisArb, funders: fc.tuple(rateArb, rateArb).map(([a, b]) => [{ id: "a", share: (Number(a) / 2).toString() }, { id: "b", share: (Number(b) / 2).toString() }]) }),
);

const planArb = fc.array(layerArb, { minLength: 1, maxLength: 6 }).filter((ls) => ls.every((l) => l.kind !== "pool" || l.funders.some((f) => Number(f.share) > 0)));
const billArb = amountArb(200_000_000);
const claimExtras = { patient: { groups: ["subsistence"] }, units: 7 };
const cents = (m: Money) => BigInt(m.amount.times(100).toFixed(0));

describe("tiers: properties", () => {
  it("all layers + patient = bill to the cent, each layer within [0, remaining]", () => {
    fc.assert(
      fc.property(planArb, billArb, (layers, bill) => {
        const r = splitBill({ plan: { currency: "CNY", layers }, bill, ...claimExtras, explain: false });
        let remaining = cents(r.bill);
        for (const l of r.layers) {
          const a = cents(l.amount);
          expect(a >= 0n && a <= remaining).toBe(true);
          remaining -= a;
          if (l.parts) expect(l.parts.reduce((s, p) => s + cents(p.amount), 0n)).toBe(a);
        }
        expect(remaining).toBe(cents(r.patient));
      })
    );
  });

  it("settling claims one by one keeps accumulators within limits and never exceeds the annual deductible", () => {
    fc.assert(
      fc.property(planArb, fc.array(amountArb(5_000_000), { minLength: 1, maxLength: 6 }), (layers, bills) => {
        const plan = parseLayers({ currency: "CNY", layers });
        let acc: ReturnType<typeof splitBill>["accumulators"] | undefined;
        const paidSoFar = new Map<string, bigint>();
        for (const bill of bills) {
          const r = splitBill({ plan, bill, year: 2026, ...claimExtras, explain: false, ...(acc ? { accumulators: acc } : {}) });
          r.layers.forEach((l, i) => paidSoFar.set(l.id, (paidSoFar.get(l.id) ?? 0n) + cents(l.amount)));
          acc = r.accumulators;
          plan.layers.forEach((layer) => {
            const a = acc!.layers[layer.id]!;
            const met = BigInt(Math.round(Number(a.deductibleMet) * 100));
            const paid = BigInt(Math.round(Number(a.paid) * 100));
            expect(met <= layer.deductible).toBe(true);
            if (layer.cap !== null) expect(paid <= layer.cap).toBe(true);
            expect(paid).toBe(paidSoFar.get(layer.id));
          });
        }
      })
    );
  });

  it("a zero bill pays zero everywhere", () => {
    fc.assert(
      fc.property(planArb, (layers) => {
        const r = splitBill({ plan: { currency: "CNY", layers }, bill: "0", ...claimExtras, explain: false });
        expect(r.layers.every((l) => l.amount.amount.isZero())).toBe(true);
        expect(r.patient.amount.isZero()).toBe(true);
      })
    );
  });

  it("reordering total-basis layers whose rates fit in the bill changes nothing; remaining-basis layers pay on the base they report", () => {
    fc.assert(
      fc.property(fc.array(rateArb, { minLength: 1, maxLength: 5 }), billArb, (rates, bill) => {
        const scaled = rates.map((r) => (Number(r) / rates.length).toFixed(4));
        const layers = scaled.map((rate, i) => ({ kind: "commercial" as const, id: `c${i}`, basis: "total" as const, rate }));
        const a = splitBill({ plan: { currency: "CNY", layers }, bill, explain: false });
        const b = splitBill({ plan: { currency: "CNY", layers: [...layers].reverse() }, bill, explain: false });
        // Each share is rounded on its own (half-up), so shares whose rates fit can still
        // exceed the bill by up to half a fen each: then the waterfall caps the layers last
        // in order, and the order decides who gives way (found by the deep run:
        // 5 × 12.5 % of 0.04 = 5 × 0.005 → 5 × 0.01 > 0.04).
        const share = (rate: string) => BigInt(new D(bill).times(rate).toDecimalPlaces(2, 4).times(100).toFixed(0));
        const shares = scaled.map(share);
        const owed = shares.reduce((x, y) => x + y, 0n);
        if (owed <= cents(a.bill)) {
          for (const l of a.layers) expect(b.layers.find((x) => x.id === l.id)!.amount.toJSON()).toEqual(l.amount.toJSON());
          expect(a.layers.map((l) => cents(l.amount))).toEqual(shares);
        } else {
          for (const r of [a, b]) {
            expect(r.layers.reduce((x, l) => x + cents(l.amount), 0n)).toBe(cents(r.bill)); // capped to the bill, never over it
            expect(cents(r.patient)).toBe(0n);
            r.layers.forEach((l) => expect(cents(l.amount) <= share(scaled[Number(l.id.slice(1))]!)).toBe(true));
          }
        }
        // remaining basis: each layer's amount is its rate on the base it reports, and the base is what the earlier layers left
        const rem = splitBill({ plan: { currency: "CNY", layers: layers.map((l) => ({ ...l, basis: "remaining" as const })) }, bill });
        let left = cents(rem.bill);
        rem.layers.forEach((l, i) => {
          expect(cents(l.base)).toBe(left);
          expect(l.amount.toJSON()).toEqual({ amount: l.base.amount.times(scaled[i]!).toDecimalPlaces(2, 4).toFixed(2), currency: "CNY" });
          left -= cents(l.amount);
        });
      })
    );
  });

  it("the bulk path agrees with splitBill to the minor unit", () => {
    fc.assert(
      fc.property(planArb, billArb, (layers, bill) => {
        const plan = parseLayers({ currency: "CNY", layers });
        const r = splitBill({ plan, bill, ...claimExtras, explain: false });
        const u = splitBillMinorUnits(plan, { bill: BigInt(Math.round(Number(bill) * 100)), ...claimExtras });
        expect(u.layers).toEqual(r.layers.map((l) => cents(l.amount)));
        expect(u.patient).toBe(cents(r.patient));
      })
    );
  });

  it("splitting is deterministic", () => {
    fc.assert(
      fc.property(planArb, billArb, (layers, bill) => {
        expect(JSON.stringify(splitBill({ plan: { currency: "CNY", layers }, bill, ...claimExtras }))).toBe(JSON.stringify(splitBill({ plan: { currency: "CNY", layers }, bill, ...claimExtras })));
      })
    );
  });

  it("buy-N-get-M: paid + free = units, and the saving is at most M / (N + M)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (units, buy, get) => {
        const r = buyGetFreeUnits({ units, buy, get });
        expect(r.paidUnits + r.freeUnits).toBe(units);
        expect(r.freeUnits * (buy + get) <= units * get).toBe(true);
      }),
    );
  });

  it("coordination of benefits pays within [0, allowed − primary]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom("standard" as const, "nonDuplication" as const, "maintenanceOfBenefits" as const), rateArb, (allowed, p, normal, method, coinsurance) => {
        const primary = Math.min(p, allowed);
        const r = coordinateBenefits({ currency: "CNY", allowed, primaryPaid: primary, secondaryNormalBenefit: normal, method, coinsurance });
        const s = cents(r.secondaryPays);
        expect(s >= 0n && s <= BigInt(allowed - primary) * 100n).toBe(true);
        expect(cents(r.patient) + s).toBe(BigInt(allowed - primary) * 100n);
      }),
    );
  });

  it("stratified reimbursement: payer + patient = amount, payer share non-increasing in income", () => {
    const table = { by: "income", bands: [{ from: 0, to: 50000, value: 0.9 }, { from: 50000, to: 100000, value: 0.7 }, { from: 100000, to: null, value: 0.5 }] };
    fc.assert(
      fc.property(amountArb(100_000_000), fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: 300_000 }), (amount, i1, i2) => {
        const [lo, hi] = i1 <= i2 ? [i1, i2] : [i2, i1];
        const a = stratifiedReimbursement({ currency: "CNY", table, amount, patient: { income: lo } });
        const b = stratifiedReimbursement({ currency: "CNY", table, amount, patient: { income: hi } });
        expect(cents(a.payer) + cents(a.patient)).toBe(cents(a.amount));
        expect(cents(a.payer) >= cents(b.payer)).toBe(true);
      }),
    );
  });
});
