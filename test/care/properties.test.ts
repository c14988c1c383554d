import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anchoredSeries,
  classifyPackageClaims,
  type FollowUpStatus,
  followUpCohort,
  followUpStatus,
  followUpUplift,
  incentivePoints,
  incentivePointsCohort,
  isLibraryError,
  listingFundShare,
  listingPeriods,
  listingReviewDates,
  servicePackageCost,
} from "../../src/index.js";
import { decimalText, runs } from "../arbitraries.js";

// An independent oracle for "anchor + m months, clamped": plain field arithmetic.
const dim = (y: number, m: number) => [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
function plusMonths(date: string, months: number): string {
  const y0 = Number(date.slice(0, 4));
  const total = (Number(date.slice(5, 7)) - 1) + months;
  const y = y0 + Math.floor(total / 12);
  const m = (total % 12) + 1;
  const d = Math.min(Number(date.slice(8, 10)), dim(y, m));
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
/** Day offset via UTC days, for dates in 1900–2199 (the test range). */
function plusDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const dateArb = fc.record({ y: fc.integer({ min: 2000, max: 2060 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }).map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(Math.min(d, dim(y, m))).padStart(2, "0")}`);
const monthEndArb = fc.record({ y: fc.integer({ min: 2000, max: 2060 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, "0")}-${dim(y, m)}`);
const anchorArb = fc.oneof(dateArb, monthEndArb);

describe("care properties: anchored due dates never drift", () => {
  it("review and follow-up due dates are anchor + k·n months, clamped, each from the anchor", () => {
    fc.assert(
      fc.property(anchorArb, fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 12 }), (anchor, n, count) => {
        const expected = Array.from({ length: count }, (_, i) => plusMonths(anchor, (i + 1) * n));
        expect(anchoredSeries({ anchor, intervalMonths: n, count })).toEqual(expected);
        expect(listingReviewDates({ formalFrom: anchor, intervalMonths: n, count })).toEqual(expected);
        const f = followUpStatus({ schedule: { assessments: [{ type: "v", intervalMonths: n, count }] }, treatmentStart: anchor, asOf: anchor });
        expect(f.assessments.map((a) => a.due)).toEqual(expected);
        expect(f.assessments.map((a) => [a.windowStart, a.windowEnd])).toEqual(expected.map((d) => [plusDays(d, -14), plusDays(d, 14)]));
        // No drift: the day of month is the anchor's wherever the month has it.
        for (const due of expected) expect(Number(due.slice(8))).toBe(Math.min(Number(anchor.slice(8)), dim(Number(due.slice(0, 4)), Number(due.slice(5, 7)))));
      }),
      { numRuns: runs(200) },
    );
  });

  it("formal reviews after an admit count from the admit date, however many decisions", () => {
    fc.assert(
      fc.property(anchorArb, fc.integer({ min: 1, max: 6 }), (listedOn, keeps) => {
        const admit = plusDays(listedOn, 10);
        const decisions: unknown[] = [{ kind: "admit", decidedOn: admit }];
        for (let k = 1; k <= keeps; k++) decisions.push({ kind: "keep", decidedOn: plusMonths(admit, 24 * k) });
        const h = listingPeriods({ listing: { technology: "t", currency: "CNY", price: "1", ratio: 1, entry: { kind: "provisional", listedOn }, decisions: decisions as never } });
        expect(h.reviews.slice(1).map((r) => r.due)).toEqual(Array.from({ length: keeps + 1 }, (_, i) => plusMonths(admit, 24 * (i + 1))));
      }),
      { numRuns: runs(100) },
    );
  });
});

const scheduleArb = fc.record({
  assessments: fc.uniqueArray(fc.record({ type: fc.constantFrom("imaging", "genetic", "visit", "__proto__"), intervalMonths: fc.integer({ min: 1, max: 4 }), count: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 3, selector: (a) => a.type }),
  window: fc.record({ daysBefore: fc.integer({ min: 0, max: 20 }), daysAfter: fc.integer({ min: 0, max: 20 }) }),
});
const followUpCase = fc.record({
  schedule: scheduleArb,
  start: dateArb,
  events: fc.array(fc.record({ type: fc.constantFrom("imaging", "genetic", "visit", "__proto__", "other"), offset: fc.integer({ min: -20, max: 800 }) }), { maxLength: 20 }),
  a: fc.integer({ min: 0, max: 800 }),
  b: fc.integer({ min: 0, max: 800 }),
});
const RANK: Record<FollowUpStatus, number> = { open: 0, overdue: 1, missed: 2, done: 3 };

describe("care properties: statuses only move forward", () => {
  it("a later as-of moves each assessment open → overdue → missed (or to done), never back", () => {
    fc.assert(
      fc.property(followUpCase, ({ schedule, start, events, a, b }) => {
        const evs = events.map((e) => ({ type: e.type, date: plusDays(start, e.offset) }));
        const [early, late] = [Math.min(a, b), Math.max(a, b)].map((d) => followUpStatus({ schedule, treatmentStart: start, events: evs, asOf: plusDays(start, d) }));
        early!.assessments.forEach((x, i) => {
          const y = late!.assessments[i]!;
          if (x.status === "done") expect([y.status, y.doneOn]).toEqual(["done", x.doneOn]);
          else if (x.status === "missed") expect(y.status).toBe("missed");
          else if (y.status !== "done") expect(RANK[y.status]).toBeGreaterThanOrEqual(RANK[x.status]);
        });
        // The counts add up; adherence is undefined exactly when nothing is done or missed.
        for (const r of [early!, late!]) {
          const c = r.counts;
          expect(c.done + c.open + c.overdue + c.missed).toBe(r.assessments.length);
          expect(r.adherenceRate === null).toBe(c.done + c.missed === 0);
          expect(r.fullFollowUp).toBe(c.done === r.assessments.length);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("the cohort path gives the explained path's statuses (same core); input order of events does not matter", () => {
    fc.assert(
      fc.property(followUpCase, ({ schedule, start, events, a }) => {
        const evs = events.map((e) => ({ type: e.type, date: plusDays(start, e.offset) }));
        const asOf = plusDays(start, a);
        const one = followUpStatus({ schedule, treatmentStart: start, events: evs, asOf });
        const reversed = followUpStatus({ schedule, treatmentStart: start, events: [...evs].reverse(), asOf });
        expect(reversed.assessments.map((x) => [x.status, x.doneOn])).toEqual(one.assessments.map((x) => [x.status, x.doneOn]));
        const cohort = followUpCohort({ schedule, asOf, patients: [{ patientId: "p", treatmentStart: start, events: evs }] });
        expect(cohort.patients[0]!.statuses).toEqual(one.assessments.map((x) => x.status));
        expect(cohort.patients[0]!.adherenceRate).toBe(one.adherenceRate?.rate ?? null);
        // Determinism: the same input gives the same JSON.
        expect(JSON.stringify(followUpStatus({ schedule, treatmentStart: start, events: evs, asOf }))).toBe(JSON.stringify(one));
      }),
      { numRuns: runs(200) },
    );
  });
});

const pointsCase = fc.record({
  start: dateArb,
  events: fc.array(fc.record({ kind: fc.constantFrom("glucoseReading", "dietCheckIn"), offset: fc.integer({ min: 0, max: 500 }) }), { maxLength: 120 }),
  redemptions: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 600 }), points: fc.integer({ min: 1, max: 10 }) }), { maxLength: 4 }),
  cap: fc.integer({ min: 0, max: 50 }),
  asOf: fc.integer({ min: 0, max: 700 }),
});

describe("care properties: points", () => {
  it("never exceed the monthly cap; redemptions never exceed the unexpired balance; the balance is the ledger's running sum and never negative", () => {
    fc.assert(
      fc.property(pointsCase, ({ start, events, redemptions, cap, asOf }) => {
        const doc = {
          currency: "CNY",
          rules: { monthlyCap: cap },
          events: events.map((e) => ({ kind: e.kind, date: plusDays(start, e.offset) })),
          redemptions: redemptions.map((r) => ({ date: plusDays(start, r.offset), points: r.points })),
          asOf: plusDays(start, asOf),
        };
        let r;
        try {
          r = incentivePoints(doc);
        } catch (e) {
          // The only refusal: a redemption above the unexpired balance; the same redemption, cut to the balance, is accepted.
          expect(isLibraryError(e)).toBe(true);
          const err = e as { path: (string | number)[]; details: { requested: number; balance: number } };
          expect(err.path[0]).toBe("redemptions");
          expect(err.details.requested).toBeGreaterThan(err.details.balance);
          return;
        }
        const perMonth = new Map<string, number>();
        let running = 0;
        for (const l of r.ledger) {
          running += l.points;
          expect(l.balance).toBe(running);
          expect(l.balance).toBeGreaterThanOrEqual(0);
          if (l.kind === "award") perMonth.set(l.date.slice(0, 7), (perMonth.get(l.date.slice(0, 7)) ?? 0) + l.points);
          // 0.10 a point, exact: points × 10 cents.
          if (l.kind === "redemption") expect(BigInt(l.value!.toJSON().amount.replace(".", ""))).toBe(BigInt(-l.points) * 10n);
        }
        for (const v of perMonth.values()) expect(v).toBeLessThanOrEqual(cap);
        expect(r.monthly.every((m) => m.points <= cap)).toBe(true);
        expect(r.balance).toBe(running);
        expect(r.lots.reduce((s, l) => s + l.remaining, 0)).toBe(r.balance);
        expect(r.lots.every((l) => l.expiresOn > doc.asOf)).toBe(true);
        // Ledger dates never go backwards (append-only in date order).
        for (let i = 1; i < r.ledger.length; i++) expect(r.ledger[i]!.date >= r.ledger[i - 1]!.date).toBe(true);
        // Redeeming the whole balance on the as-of date works; one more point is refused.
        if (r.balance > 0) expect(incentivePoints({ ...doc, redemptions: [...doc.redemptions, { date: doc.asOf, points: r.balance }] }).balance).toBe(0);
        expect(() => incentivePoints({ ...doc, redemptions: [...doc.redemptions, { date: doc.asOf, points: r.balance + 1 }] })).toThrow(/unexpired balance/);
      }),
      { numRuns: runs(200) },
    );
  });

  it("is append-only: the ledger as of an earlier date is a prefix of a later one; the cohort path agrees", () => {
    fc.assert(
      fc.property(pointsCase, fc.integer({ min: 0, max: 700 }), ({ start, events, cap, asOf }, other) => {
        const base = { currency: "CNY", rules: { monthlyCap: cap }, events: events.map((e) => ({ kind: e.kind, date: plusDays(start, e.offset) })) };
        const [a, b] = [Math.min(asOf, other), Math.max(asOf, other)].map((d) => incentivePoints({ ...base, asOf: plusDays(start, d) }));
        expect(JSON.stringify(b!.ledger.slice(0, a!.ledger.length))).toBe(JSON.stringify(a!.ledger));
        const c = incentivePointsCohort({ currency: "CNY", rules: base.rules, asOf: b!.asOf, patients: [{ patientId: "p", events: base.events }] }).patients[0]!;
        expect(c.balance).toBe(b!.balance);
        expect(c.awarded - c.redeemed - c.expired).toBe(c.balance);
      }),
      { numRuns: runs(150) },
    );
  });
});

describe("care properties: uplift and fund share are exact", () => {
  it("the top-up is Σ eligible × (min(r + u, 1) − r) rounded once, between 0 and Σ eligible × u; none without full follow-up", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ eligible: decimalText({ digits: 7 }), ratio: fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toFixed(2)) }), { minLength: 1, maxLength: 12 }), fc.boolean(), (claims, full) => {
        const r = followUpUplift({ currency: "CNY", claims, fullFollowUp: full, completedOn: "2026-12-31" });
        // Oracle in integer cents × hundredths of ratio: Σ cents × (min(r + 5, 100) − r) / 100, half-up.
        let num = 0n;
        let cap = 0n;
        for (const c of claims) {
          const cents = BigInt(c.eligible.replace(".", ""));
          const rr = BigInt(Math.round(Number(c.ratio) * 100));
          num += cents * ((rr + 5n > 100n ? 100n : rr + 5n) - rr);
          cap += cents * 5n;
        }
        const expected = full ? (num + 50n) / 100n : 0n;
        expect(BigInt(r.topUp.toJSON().amount.replace(".", ""))).toBe(expected);
        expect(expected * 100n <= cap + 50n).toBe(true);
        expect(r.topUpDate).toBe(full ? "2026-12-31" : null);
      }),
      { numRuns: runs(300) },
    );
  });

  it("the listing fund share on any date is price × ratio of the period in effect, rounded once; 0 when delisted", () => {
    fc.assert(
      fc.property(decimalText({ digits: 6 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -30, max: 2000 }), (price, r0, r1, day) => {
        const listing = { technology: "t", currency: "CNY", price, ratio: r0 / 100, entry: { kind: "formal" as const, formalFrom: "2024-02-29" }, decisions: [{ kind: "adjustRate" as const, decidedOn: "2025-01-01", ratio: r1 / 100 }, { kind: "delist" as const, decidedOn: "2028-01-01" }] };
        const serviceDate = plusDays("2024-02-29", day);
        const s = listingFundShare({ listing, serviceDate });
        const cents = BigInt(price.replace(".", ""));
        const rr = serviceDate < "2024-02-29" || serviceDate >= "2028-01-01" ? 0n : BigInt(serviceDate < "2025-01-01" ? r0 : r1);
        expect(BigInt(s.fundShare.toJSON().amount.replace(".", ""))).toBe((cents * rr + 50n) / 100n);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("care properties: package limits", () => {
  it("in-package units per item and package year never exceed the limit; every line gets one class", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ offset: fc.integer({ min: -30, max: 800 }), item: fc.constantFrom("visit", "glucoseMeter", "riskGeneTest", "breastMri") }), { maxLength: 40 }), fc.integer({ min: 1, max: 2 }), (lines, years) => {
        const r = classifyPackageClaims({ enrolments: [{ package: "DM-HIGH", enrolledOn: "2026-01-31", years }], lines: lines.map((l) => ({ date: plusDays("2026-01-31", l.offset), item: l.item })) });
        const used = new Map<string, number>();
        for (const l of r.lines) {
          if (l.class !== "inPackage") continue;
          const key = `${l.packageYear!.year}|${l.item}`;
          used.set(key, (used.get(key) ?? 0) + 1);
          expect(used.get(key)).toBeLessThanOrEqual(l.limit ?? Infinity);
        }
        expect(r.lines).toHaveLength(lines.length);
        expect(r.packageYears.map((y) => y.from)).toEqual(Array.from({ length: years }, (_, k) => plusMonths("2026-01-31", 12 * k)));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe("care properties: determinism and package cost", () => {
  it("the same document gives the same JSON (points, packages, listing)", () => {
    fc.assert(
      fc.property(pointsCase, ({ start, events, cap, asOf }) => {
        const doc = { currency: "CNY", rules: { monthlyCap: cap }, events: events.map((e) => ({ kind: e.kind, date: plusDays(start, e.offset) })), asOf: plusDays(start, asOf) };
        expect(JSON.stringify(incentivePoints(doc))).toBe(JSON.stringify(incentivePoints(JSON.parse(JSON.stringify(doc)))));
        const lines = events.map((e, i) => ({ date: plusDays(start, e.offset), item: i % 2 === 0 ? "visit" : "glucoseMeter" }));
        const pk = { enrolments: [{ package: "DM-HIGH", enrolledOn: start }], lines };
        expect(JSON.stringify(classifyPackageClaims(pk))).toBe(JSON.stringify(classifyPackageClaims(JSON.parse(JSON.stringify(pk)))));
      }),
      { numRuns: runs(100) },
    );
  });

  it("a package year's cost is exact and additive in enrollees: cost(a) + cost(b) = cost(a + b)", () => {
    fc.assert(
      fc.property(decimalText({ digits: 6 }), fc.nat({ max: 1_000_000 }), fc.nat({ max: 1_000_000 }), (fundAmount, a, b) => {
        const servicePackage = { code: "P", currency: "CNY", fundAmount, patientAmount: "0", items: [{ item: "x", limit: 1 }] };
        const units = (n: number) => BigInt(servicePackageCost({ servicePackage, enrollees: n }).fund.toJSON().amount.replace(".", ""));
        expect(units(a) + units(b)).toBe(units(a + b));
        expect(units(a)).toBe(BigInt(fundAmount.replace(".", "")) * BigInt(a));
      }),
      { numRuns: runs(200) },
    );
  });
});
