// Properties of the new kinds on generated contracts and patients: explained = bulk,
// refunds within what was paid, net bounds, events after asOf ignored, append-only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "../../arbitraries.js";
import { addDueOffset, evaluateContract, evaluateContractMinorUnits, parseContract, toMinorUnits } from "../../../src/index.js";

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
const day = (base: number, d: number) => addDueOffset("2025-01-01", { months: 0, days: base + d });

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
