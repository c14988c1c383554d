// Properties of the new kinds on generated contracts and patients: explained = bulk,
// refunds within what was paid, net bounds, events after asOf ignored, append-only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "../../arbitraries.js";
import { addDueOffset, evaluateContract, evaluateContractMinorUnits, parseContract, patientStatement, toMinorUnits } from "../../../src/index.js";
import { agreementArb, asOfArb, historyOf, patientArb } from "./generated-agreements.js";

const OUTCOMES = {
  transfusionIndependence: { attributes: { independent: { type: "boolean" } } },
  hospitalisation: { attributes: { days: { type: "integer", min: 0 } } },
  cycleAdministered: {},
};
const TI_TRUE = { kind: "transfusionIndependence", where: { independent: { equals: true } } };
const TI_FALSE = { kind: "transfusionIndependence", where: { independent: { equals: false } } };
const share = fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2));
const offset = fc.record({ months: fc.integer({ min: 0, max: 18 }), days: fc.integer({ min: 0, max: 40 }) });
const milestone = fc.oneof(
  fc.constant({ type: "some", events: [TI_TRUE] }),
  fc.record({ type: fc.constant("count"), events: fc.constant([{ kind: "hospitalisation", where: { days: { gte: 2 } } }]), atMost: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ type: fc.constant("sustained"), evidence: fc.constant([TI_TRUE]), interruptedBy: fc.constant([TI_FALSE]), for: fc.record({ months: fc.integer({ min: 1, max: 6 }) }) }),
  fc.constant({ type: "none", events: [{ kind: "assessment", responses: ["PD"] }] }),
);
const deadline = fc.record({ by: offset, milestone, ifMissing: fc.option(fc.constantFrom("met", "missed"), { nil: undefined }) }).map(({ ifMissing, ...d }) => ({
  ...d,
  ...(ifMissing === undefined ? {} : { assessment: { events: ["transfusionIndependence", "assessment"], ifMissing } }),
}));
const price = fc.integer({ min: 0, max: 5_000_000 }).map((c) => (c / 100).toFixed(2));

const deadlineContract = fc
  .record({ price, first: fc.integer({ min: 1, max: 99 }), d1: deadline, d2: deadline, s1: share, s2: share, type2: fc.constantFrom("deadlineRefund", "deadlineClawback"), bonus: fc.option(fc.record({ d: deadline, amount: price }), { nil: undefined }), gated: fc.boolean() })
  .map((g) => {
    const s2 = Math.min(Number(g.s2), 1 - Number(g.s1)).toFixed(2);
    return {
      id: "gen-deadline", currency: "USD", price: g.price, outcomes: OUTCOMES,
      payment: {
        type: "schedule",
        installments: [
          { id: "a", share: (g.first / 100).toFixed(2), due: { months: 0 } },
          { id: "b", share: ((100 - g.first) / 100).toFixed(2), due: { months: 20 }, conditions: g.gated ? [{ type: "byDeadline", ...g.d2 }] : [{ type: "count", events: ["hospitalisation"], atMost: 1, rolling: { months: 6 } }] },
        ],
      },
      bonuses: g.bonus === undefined ? [] : [{ type: "milestone", ...g.bonus.d, amount: g.bonus.amount }],
      refunds: [
        { type: "deadlineRefund", ...g.d1, share: g.s1 },
        { type: g.type2, ...g.d2, share: s2, base: "paymentsAndBonuses" },
      ],
    };
  });

const perCycleContract = fc
  .record({ price, first: fc.integer({ min: 0, max: 3 }), discount: share, cap: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), pay: fc.constantFrom("atResult", "upfront", "none"), refund: share, by: offset, ifMissing: fc.constantFrom("responder", "nonResponder"), clawback: share })
  .map((g) => ({
    id: "gen-cycle", currency: "EUR", price: g.price, outcomes: OUTCOMES,
    payment: {
      type: "perCycle",
      cycle: ["cycleAdministered"],
      ...(g.first > 0 ? { costSharing: { firstCycles: g.first, discount: g.discount } } : {}),
      ...(g.cap === undefined ? {} : { maxPaidCycles: g.cap }),
      ...(g.pay === "none" ? {} : {
        result: { assessment: ["assessment"], responder: [{ kind: "assessment", responses: ["CR", "PR"] }], by: g.by, ifMissing: g.ifMissing, pay: g.pay, ...(g.pay === "upfront" ? { nonResponderRefund: g.refund } : {}) },
      }),
    },
    refunds: [{ type: "clawback", trigger: ["death"], share: (Math.min(Number(g.clawback), 1 - (g.pay === "upfront" ? Number(g.refund) : 0))).toFixed(2) }],
  }));

const contract = fc.oneof(deadlineContract, perCycleContract);

type Ev = { kind: string; day: number; attributes?: Record<string, unknown>; response?: string };
const event: fc.Arbitrary<Ev> = fc.oneof(
  fc.record({ kind: fc.constant("transfusionIndependence"), day: fc.integer({ min: 0, max: 800 }), attributes: fc.record({ independent: fc.boolean() }) }),
  fc.record({ kind: fc.constant("hospitalisation"), day: fc.integer({ min: 0, max: 800 }), attributes: fc.record({ days: fc.integer({ min: 0, max: 9 }) }) }),
  fc.record({ kind: fc.constant("cycleAdministered"), day: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ kind: fc.constant("assessment"), day: fc.integer({ min: 0, max: 400 }), response: fc.constantFrom("CR", "PR", "SD", "PD") }),
);
const patient = fc.record({ start: fc.integer({ min: 0, max: 700 }), events: fc.array(event, { maxLength: 14 }), death: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }) });
const day = (base: number, d: number) => addDueOffset({ date: "2025-01-01", offset: { months: 0, days: base + d } });

function history(p: { start: number; events: Ev[]; death?: number | undefined }) {
  const list = p.events.map(({ day: d, ...e }) => ({ ...e, date: day(p.start, d) }));
  if (p.death !== undefined) list.push({ kind: "death", date: day(p.start, p.death) });
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const death = list.findIndex((e) => e.kind === "death");
  // identical records are a typed error (issue 14 M6): keep one of each
  const seen = new Set<string>();
  const unique = (death === -1 ? list : list.slice(0, death + 1)).filter((e) => {
    const key = JSON.stringify(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [{ kind: "treatmentStart", date: day(p.start, 0) }, ...unique];
}
const asOfDay = fc.integer({ min: 0, max: 1800 }).map((d) => day(0, d));

describe("declared outcomes, deadlines and per-cycle pricing: properties", () => {
  it("explained and bulk paths agree to the minor unit; refunds never exceed what was paid; net within [0, maximum]", () => {
    fc.assert(
      fc.property(contract, patient, asOfDay, (json, p, asOf) => {
        const c = parseContract(json);
        const events = history(p);
        const r = evaluateContract(c, events, asOf);
        const b = evaluateContractMinorUnits(c, events, asOf);
        expect(b.lines.map((l) => [l.date, l.kind, l.termId, l.units, l.withheld])).toEqual(
          r.lines.map((l) => [l.date, l.kind, l.termId, toMinorUnits(l.amount), l.withheld === undefined ? 0n : toMinorUnits(l.withheld)]),
        );
        expect(b.totals.net).toBe(toMinorUnits(r.totals.net));
        let paid = 0n;
        let returned = 0n;
        for (const l of b.lines) {
          if (l.units > 0n) paid += l.units;
          else returned -= l.units;
          expect(returned).toBeLessThanOrEqual(paid);
        }
        expect(b.totals.net >= 0n).toBe(true);
        const cycles = events.filter((e) => e.kind === "cycleAdministered" && e.date <= asOf).length;
        const max = c.maxPayable !== null ? toMinorUnits(c.maxPayable) : BigInt(cycles) * c.priceUnits;
        expect(b.totals.net <= max).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it("events after asOf never change the ledger; a later asOf only appends lines", () => {
    fc.assert(
      fc.property(contract, patient, asOfDay, asOfDay, (json, p, d1, d2) => {
        const c = parseContract(json);
        const events = history(p);
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const a = evaluateContractMinorUnits(c, events, early);
        const cut = evaluateContractMinorUnits(c, events.filter((e, i) => i === 0 || e.date <= early), early);
        expect(cut.lines).toEqual(a.lines);
        const b = evaluateContractMinorUnits(c, events, late);
        expect(b.lines.filter((l) => l.date <= early)).toEqual(a.lines);
      }),
      { numRuns: runs(300) },
    );
  });
});

// The same properties on agreements drawing on the whole issue-15 vocabulary
// (generated-agreements.ts): any-of, count, sustained and byDeadline conditions; matchers
// on boolean, integer, number-with-unit and enum attributes; fraction shares over
// denominators 1–100; deadline refunds, clawbacks and milestone bonuses; per-cycle
// pricing with free or discounted first cycles, caps, payment at result or upfront.
describe("generated agreements (every issue-15 kind): properties", () => {
  type Parsed = ReturnType<typeof parseContract>;
  /** The ledger's invariants on one evaluation: explained = bulk, returns ≤ paid, 0 ≤ net ≤ the maximum payable (or cycles × price). */
  function checkLedger(c: Parsed, events: ReturnType<typeof historyOf>, asOf: string) {
    const r = evaluateContract(c, events, asOf);
    const b = evaluateContractMinorUnits(c, events, asOf);
    expect(b.lines.map((l) => [l.date, l.kind, l.termId, l.units, l.withheld])).toEqual(
      r.lines.map((l) => [l.date, l.kind, l.termId, toMinorUnits(l.amount), l.withheld === undefined ? 0n : toMinorUnits(l.withheld)]),
    );
    expect(b.totals).toEqual({
      payments: toMinorUnits(r.totals.payments), bonuses: toMinorUnits(r.totals.bonuses), gross: toMinorUnits(r.totals.gross),
      refunded: toMinorUnits(r.totals.refunded), net: toMinorUnits(r.totals.net), withheld: toMinorUnits(r.totals.withheld),
    });
    let paid = 0n;
    let returned = 0n;
    for (const l of b.lines) {
      if (l.units > 0n) paid += l.units;
      else returned -= l.units;
      // refunds never exceed what was paid, at any point of the ledger
      expect(returned <= paid).toBe(true);
    }
    expect(b.totals.net >= 0n).toBe(true);
    const cycles = events.filter((e) => e.kind === "cycleAdministered" && e.date <= asOf).length;
    const max = c.maxPayable !== null ? toMinorUnits(c.maxPayable) : BigInt(cycles) * c.priceUnits;
    // net never exceeds the price (plus the bonuses it states; per cycle: the cycles given)
    expect(b.totals.net <= max).toBe(true);
    return b;
  }

  it("explained and bulk paths agree to the minor unit; refunds never exceed what was paid; 0 ≤ net ≤ price (+ bonuses)", () => {
    fc.assert(
      fc.property(agreementArb, patientArb, asOfArb, (json, p, asOf) => {
        checkLedger(parseContract(json), historyOf(p), asOf);
      }),
      { numRuns: runs(250) },
    );
  });

  it("adding an event after asOf never changes the ledger; a later asOf only appends lines", () => {
    fc.assert(
      fc.property(agreementArb, patientArb, asOfArb, asOfArb, (json, p, d1, d2) => {
        const c = parseContract(json);
        const events = historyOf(p);
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const a = checkLedger(c, events, early);
        const cut = evaluateContractMinorUnits(c, events.filter((e, i) => i === 0 || e.date <= early), early);
        expect(cut.lines).toEqual(a.lines);
        const b = checkLedger(c, events, late);
        expect(b.lines.filter((l) => l.date <= early)).toEqual(a.lines);
      }),
      { numRuns: runs(150) },
    );
  });

  it("the statements of a partition of a period sum to the period's statement and, from the start, to the ledger", () => {
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 1799 }), { maxLength: 4 }).map((x) => x.sort((a, b) => a - b));
    fc.assert(
      fc.property(agreementArb, patientArb, cuts, (json, p, c) => {
        const contract = parseContract(json);
        const events = historyOf(p);
        const points = [0, ...c, 1800].map((d) => addDueOffset({ date: "2025-01-01", offset: { months: 0, days: d } }));
        const whole = patientStatement({ contract, events, period: { from: points[0]!, to: points.at(-1)! } });
        const sum = { due: 0n, paid: 0n, withheld: 0n, refunded: 0n, clawedBack: 0n, net: 0n };
        for (let i = 1; i < points.length; i++) {
          const part = patientStatement({ contract, events, period: { from: points[i - 1]!, to: points[i]! } });
          for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] += toMinorUnits(part.totals[k]);
        }
        for (const k of Object.keys(sum) as (keyof typeof sum)[]) expect([k, sum[k]]).toEqual([k, toMinorUnits(whole.totals[k])]);
        expect(toMinorUnits(whole.closingNet)).toBe(evaluateContractMinorUnits(contract, events, whole.asOf).totals.net);
      }),
      { numRuns: runs(80) },
    );
  });
});
