import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runs } from "../arbitraries.js";
import { addDueOffset, type ContractEvaluation, evaluateContract, evaluateContractMinorUnits, installmentFinancing, parseContract, schedulePresentValue, toMinorUnits } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";

const ADVERSE = ["crs", "relapse", "progression", "seriousAdverseEvent", "death"] as const;
type Adverse = (typeof ADVERSE)[number];

const adverseSet = fc.subarray([...ADVERSE], { minLength: 1 });
const offset = fc.record({ months: fc.integer({ min: 0, max: 24 }), days: fc.integer({ min: 0, max: 40 }) });
const noneCondition = fc.record({ type: fc.constant("none"), events: adverseSet, within: fc.option(offset, { nil: undefined }) }, { requiredKeys: ["type", "events"] });
const conditions = fc.array(noneCondition, { maxLength: 2 });

/** Shares in basis points that sum to exactly 10,000. */
const sharesArb = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10000];
    return points.slice(1).map((p, i) => p - points[i]!);
  }).chain((parts) =>
    // Issue 15 item 5: each share as a decimal ("0.2500") or an exact fraction ("2500/10000", "1/4").
    fc.tuple(...parts.map((bp) => fc.constantFrom((bp / 10000).toFixed(4), `${bp}/10000`))),
  ),
);

const refundsArb = fc
  .tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 2 }))
  .chain(([a, b, n]) => {
    const s1 = a;
    const s2 = Math.floor(((10000 - a) * b) / 10000);
    const shares = [s1, s2].slice(0, n);
    return fc.tuple(
      ...shares.map((s) =>
        fc.record(
          {
            type: fc.constantFrom("refund", "clawback"),
            trigger: adverseSet,
            within: fc.option(offset, { nil: undefined }),
            share: fc.constant((s / 10000).toFixed(4)),
            base: fc.constantFrom("payments", "paymentsAndBonuses"),
          },
          { requiredKeys: ["type", "trigger", "share", "base"] },
        ),
      ),
    );
  });

const priceArb = fc.bigInt({ min: 0n, max: 10n ** 11n }).map((u) => `${u / 100n}.${(u % 100n).toString().padStart(2, "0")}`);

const scheduleContractArb = fc
  .record({
    price: priceArb,
    shares: sharesArb,
    dues: fc.array(offset, { minLength: 5, maxLength: 5 }),
    conds: fc.array(conditions, { minLength: 5, maxLength: 5 }),
    bonus: fc.option(fc.record({ amount: fc.integer({ min: 0, max: 100000 }).map(String), due: offset, conditions }), { nil: undefined }),
    refunds: refundsArb,
  })
  .map((g) => ({
    id: "generated",
    currency: "CNY",
    price: g.price,
    payment: { type: "schedule", installments: g.shares.map((share, i) => ({ share, due: g.dues[i]!, conditions: g.conds[i]! })) },
    bonuses: g.bonus === undefined ? [] : [{ type: "fixed", ...g.bonus }],
    refunds: g.refunds,
  }));

const perMonthContractArb = fc
  .record({
    price: fc.integer({ min: 0, max: 50000 }).map(String),
    stopOn: adverseSet,
    bonus: fc.record({ amount: fc.integer({ min: 0, max: 9999 }).map(String), assessAt: offset, conditions, fromMonth: fc.integer({ min: 1, max: 8 }), retroactive: fc.boolean() }),
    refunds: refundsArb,
  })
  .map((g) => ({
    id: "generated-monthly",
    currency: "CNY",
    price: g.price,
    payment: { type: "perTreatedMonth", stopOn: g.stopOn },
    bonuses: [{ type: "perTreatedMonth", ...g.bonus }],
    refunds: g.refunds,
  }));

const contractArb = fc.oneof(scheduleContractArb, perMonthContractArb);

interface Ev {
  kind: string;
  day: number;
  grade?: number;
}
const adverseEventArb: fc.Arbitrary<Ev> = fc.record({ kind: fc.constantFrom<Adverse>(...ADVERSE), day: fc.integer({ min: 0, max: 900 }), grade: fc.integer({ min: 1, max: 5 }) });
const monthsArb = fc.integer({ min: 0, max: 14 }).map((n) => Array.from({ length: n }, (_, i) => ({ kind: "treatedMonth", day: i * 30 }) as Ev));
const startArb = fc.integer({ min: 0, max: 3 * 365 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));

function dateAt(start: string, day: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + day);
  return d.toISOString().slice(0, 10);
}

/** A valid history: start, then events by date, death (if any) last. */
function history(start: string, evs: readonly Ev[]) {
  const deaths = evs.filter((e) => e.kind === "death").sort((a, b) => a.day - b.day);
  const death = deaths[0];
  const rest = evs.filter((e) => e.kind !== "death" && (death === undefined || e.day <= death.day)).sort((a, b) => a.day - b.day);
  const ordered = death === undefined ? rest : [...rest, death];
  // M6: the same event twice is an error; a valid history records each once.
  const seen = new Set<string>();
  const unique = ordered.filter((e) => {
    const key = `${e.kind}|${e.day}|${e.kind === "crs" || e.kind === "seriousAdverseEvent" ? e.grade : ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [
    { kind: "infusion", date: start },
    ...unique.map((e) => (e.kind === "crs" || e.kind === "seriousAdverseEvent" ? { kind: e.kind, date: dateAt(start, e.day), grade: e.grade } : { kind: e.kind, date: dateAt(start, e.day) })),
  ];
}

const patientArb = fc.record({ start: startArb, months: monthsArb, adverse: fc.array(adverseEventArb, { maxLength: 4 }) });
const asOfDays = fc.integer({ min: 0, max: 1200 });

const units = (r: ContractEvaluation, key: keyof ContractEvaluation["totals"]) => toMinorUnits(r.totals[key]);

describe("contracts properties", () => {
  it("installments of a schedule sum exactly to the price", () => {
    fc.assert(
      fc.property(scheduleContractArb, (json) => {
        const c = parseContract(json);
        if (c.payment.type !== "installments") return;
        const total = c.payment.installments.reduce((s, i) => s + i.units, 0n);
        expect(total).toBe(c.priceUnits);
      }),
    );
  });

  it("refunds and clawbacks never exceed what was paid; net stays within [0, price + bonuses]", () => {
    fc.assert(
      fc.property(contractArb, patientArb, asOfDays, (json, p, day) => {
        const c = parseContract(json);
        const r = evaluateContract(c, history(p.start, [...p.months, ...p.adverse]), dateAt(p.start, day));
        let running = 0n;
        for (const line of r.lines) {
          running += toMinorUnits(line.amount);
          expect(running >= 0n).toBe(true);
        }
        expect(running).toBe(units(r, "net"));
        expect(units(r, "refunded") <= units(r, "gross")).toBe(true);
        expect(units(r, "net") >= 0n).toBe(true);
        if (c.maxPayable !== null) {
          expect(units(r, "net") <= toMinorUnits(c.maxPayable)).toBe(true);
        } else {
          const monthly = c.priceUnits + (c.bonuses[0]?.units ?? 0n);
          expect(units(r, "net") <= monthly * BigInt(p.months.length)).toBe(true);
        }
      }),
    );
  });

  it("more adverse events never yield a higher net payment (monotonicity)", () => {
    fc.assert(
      fc.property(contractArb, patientArb, fc.array(adverseEventArb, { minLength: 1, maxLength: 3 }), asOfDays, (json, p, extra, day) => {
        const c = parseContract(json);
        const base = [...p.months, ...p.adverse];
        const deathDay = p.adverse.filter((e) => e.kind === "death").reduce((m, e) => Math.min(m, e.day), Infinity);
        // Extra events may not fall after the base patient's death, or they would erase the base's own events.
        const more = extra.map((e) => (e.day > deathDay ? { ...e, day: deathDay } : e));
        const a = evaluateContract(c, history(p.start, base), dateAt(p.start, day));
        const b = evaluateContract(c, history(p.start, [...base, ...more]), dateAt(p.start, day));
        const inB = new Set(history(p.start, [...base, ...more]).map((x) => JSON.stringify(x)));
        const hasAllOfA = history(p.start, base).every((e) => inB.has(JSON.stringify(e)));
        fc.pre(hasAllOfA);
        expect(units(b, "net") <= units(a, "net")).toBe(true);
      }),
    );
  });

  it("the bulk path (evaluateContractMinorUnits) gives the explained ledger to the minor unit", () => {
    fc.assert(
      fc.property(contractArb, patientArb, asOfDays, (json, p, day) => {
        const c = parseContract(json);
        const events = history(p.start, [...p.months, ...p.adverse]);
        const asOf = dateAt(p.start, day);
        const full = evaluateContract(c, events, asOf);
        const bulk = evaluateContractMinorUnits(c, events, asOf);
        expect(bulk.lines.map((l) => [l.date, l.kind, l.termId, l.units, l.withheld])).toEqual(
          full.lines.map((l) => [l.date, l.kind, l.termId, toMinorUnits(l.amount), l.withheld === undefined ? 0n : toMinorUnits(l.withheld)]),
        );
        for (const key of ["payments", "bonuses", "gross", "refunded", "net", "withheld"] as const) expect(bulk.totals[key]).toBe(units(full, key));
        expect([bulk.contractId, bulk.currency, bulk.scale, bulk.treatmentStart]).toEqual([full.contractId, full.currency, 2, full.treatmentStart]);
      }),
    );
  });

  it("the ledger is append-only across as-of dates", () => {
    fc.assert(
      fc.property(contractArb, patientArb, asOfDays, asOfDays, (json, p, d1, d2) => {
        const c = parseContract(json);
        const events = history(p.start, [...p.months, ...p.adverse]);
        const early = dateAt(p.start, Math.min(d1, d2));
        const late = dateAt(p.start, Math.max(d1, d2));
        const a = evaluateContract(c, events, early);
        const b = evaluateContract(c, events, late);
        expect(JSON.stringify(b.lines.filter((l) => l.date <= early))).toBe(JSON.stringify(a.lines));
      }),
    );
  });

  it("events dated after asOf never change the ledger (issue 15 item 7)", () => {
    fc.assert(
      fc.property(contractArb, patientArb, fc.array(adverseEventArb, { minLength: 1, maxLength: 3 }), asOfDays, (json, p, later, d) => {
        const c = parseContract(json);
        const asOfDay = Math.min(d, 900);
        const asOf = dateAt(p.start, asOfDay);
        const known = [...p.months, ...p.adverse].filter((e) => e.day <= asOfDay && e.kind !== "death");
        const future = later.map((e) => ({ ...e, day: asOfDay + 1 + (e.day % 200) }));
        const a = evaluateContract(c, history(p.start, known), asOf);
        const b = evaluateContract(c, history(p.start, [...known, ...future]), asOf);
        expect(JSON.stringify(b.lines)).toBe(JSON.stringify(a.lines));
        expect(JSON.stringify(b.totals)).toBe(JSON.stringify(a.totals));
        // The net never exceeds the most the contract can pay, nor what was paid.
        if (c.maxPayable !== null) expect(units(a, "net") <= toMinorUnits(c.maxPayable)).toBe(true);
        expect(units(a, "refunded") <= units(a, "gross")).toBe(true);
      }),
      { numRuns: runs(100) },
    );
  });

  it("a contract round-tripped through JSON evaluates identically, and evaluation is deterministic", () => {
    fc.assert(
      fc.property(contractArb, patientArb, asOfDays, (json, p, day) => {
        const events = history(p.start, [...p.months, ...p.adverse]);
        const asOf = dateAt(p.start, day);
        const direct = JSON.stringify(evaluateContract(json, events, asOf));
        const round = JSON.stringify(evaluateContract(JSON.parse(JSON.stringify(json)), JSON.parse(JSON.stringify(events)), asOf));
        const parsedOnce = JSON.stringify(evaluateContract(parseContract(json), events, asOf));
        expect(round).toBe(direct);
        expect(parsedOnce).toBe(direct);
        expect(JSON.stringify(evaluateContract(json, events, asOf))).toBe(direct);
      }),
      { numRuns: runs(300) },
    );
  });

  it("due dates: N calendar months later, clamped to month end, never drifting a day", () => {
    fc.assert(
      fc.property(startArb, fc.integer({ min: 0, max: 60 }), (start, months) => {
        const due = addDueOffset({ date: start, offset: { months, days: 0 } });
        const y = Number(start.slice(0, 4));
        const m = Number(start.slice(5, 7)) - 1 + months;
        const ty = y + Math.floor(m / 12);
        const tm = m % 12;
        const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
        const day = Math.min(Number(start.slice(8, 10)), lastDay);
        expect(due).toBe(`${ty}-${String(tm + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
      }),
    );
  });

  it("financing: at rate 0 the payments sum to the principal exactly; at a positive rate they exceed it", () => {
    fc.assert(
      fc.property(priceArb, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 2000 }), (principal, periods, bp) => {
        const r = installmentFinancing({ principal: { amount: principal, currency: "USD" }, periodicRate: (bp / 10000).toFixed(4), periods });
        expect(r.payments).toHaveLength(periods);
        if (bp === 0) expect(r.total.toString()).toBe(`USD ${principal}`);
        // Each equal payment is rounded once, so the total may fall short of the principal
        // by at most half a cent per payment, never more.
        else expect(r.total.amount.greaterThanOrEqualTo(new D(principal).minus(new D("0.005").times(periods)))).toBe(true);
      }),
    );
  });

  it("present value never exceeds the nominal schedule and falls as the rate rises", () => {
    fc.assert(
      fc.property(scheduleContractArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (json, r1, r2) => {
        const lo = Math.min(r1, r2);
        const hi = Math.max(r1, r2);
        const a = schedulePresentValue({ contract: json, annualRate: (lo / 10000).toFixed(4) });
        const b = schedulePresentValue({ contract: json, annualRate: (hi / 10000).toFixed(4) });
        expect(a.presentValue.amount.lessThanOrEqualTo(a.nominal.amount)).toBe(true);
        expect(b.presentValue.amount.lessThanOrEqualTo(a.presentValue.amount)).toBe(true);
      }),
      // Fractional powers at 64 digits are slow; 100 runs keep this under a few seconds.
      { numRuns: runs(100) },
    );
  });
});
