// Statements for a period: hand-computed rows, bounds, consistency with the ledger.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDueOffset, cohortStatement, evaluateContract, evaluateContractMinorUnits, parseContract, patientStatement, toMinorUnits } from "../../../src/index.js";
import { K1, K3 } from "../fixtures.js";
import { domainError, issues } from "../../typed-errors.js";
import { runs } from "../../arbitraries.js";

const k1 = parseContract(K1);
const k3 = parseContract(K3);
const s = (x: { amount: { toString(): string }; currency: string }) => `${x.currency} ${x.amount.toString()}`;

describe("patient statements", () => {
  // K1, infusion 2026-01-15, CRS 2026-01-20: 480,000 on 01-15; month 3 (2026-04-15)
  // withheld 360,000; month 6 (2026-07-15) paid 360,000.
  const events = [
    { kind: "infusion", date: "2026-01-15" },
    { kind: "crs", date: "2026-01-20", grade: 2 },
  ];
  it("January: the infusion payment (period [2026-01-01, 2026-02-01))", () => {
    const st = patientStatement({ contract: k1, events, period: { from: "2026-01-01", to: "2026-02-01" } });
    expect(st.asOf).toBe("2026-01-31");
    expect(st.lines.map((l) => l.date)).toEqual(["2026-01-15"]);
    expect(s(st.totals.paid)).toBe("CNY 480000");
    expect(s(st.totals.due)).toBe("CNY 480000");
    expect(s(st.openingNet)).toBe("CNY 0");
    expect(s(st.closingNet)).toBe("CNY 480000");
  });
  it("Q2 [2026-04-01, 2026-07-01): month 3 falls due and is withheld: due 360,000, paid 0, withheld 360,000; brought forward 480,000", () => {
    const st = patientStatement({ contract: k1, events, period: { from: "2026-04-01", to: "2026-07-01" } });
    expect(s(st.totals.due)).toBe("CNY 360000");
    expect(s(st.totals.paid)).toBe("CNY 0");
    expect(s(st.totals.withheld)).toBe("CNY 360000");
    expect(s(st.openingNet)).toBe("CNY 480000");
    expect(s(st.closingNet)).toBe("CNY 480000");
    expect(st.explanation.at(-1)!.text).toContain("withheld CNY 360,000.00");
  });
  it("the end is exclusive: [2026-07-01, 2026-07-15) misses the 07-15 milestone, [2026-07-15, 2026-07-16) has it", () => {
    expect(s(patientStatement({ contract: k1, events, period: { from: "2026-07-01", to: "2026-07-15" } }).totals.paid)).toBe("CNY 0");
    expect(s(patientStatement({ contract: k1, events, period: { from: "2026-07-15", to: "2026-07-16" } }).totals.paid)).toBe("CNY 360000");
  });
  it("K3c-style clawback in its month: relapse 2026-07-10 → July refunds: clawback 93,250 (0.5 × 186,500), net −93,250", () => {
    const st = patientStatement({ contract: k3, events: [{ kind: "infusion", date: "2026-03-01" }, { kind: "relapse", date: "2026-07-10" }], period: { from: "2026-07-01", to: "2026-08-01" } });
    expect(s(st.totals.clawedBack)).toBe("USD 93250");
    expect(s(st.totals.refunded)).toBe("USD 0");
    expect(s(st.totals.net)).toBe("USD -93250");
    // brought forward: 93,250 (04-01) + 93,250 (06-01) = 186,500; carried 93,250.
    expect(s(st.openingNet)).toBe("USD 186500");
    expect(s(st.closingNet)).toBe("USD 93250");
  });
  it("a statement does not change once its period has ended (later events are after its asOf)", () => {
    const a = patientStatement({ contract: k3, events: [{ kind: "infusion", date: "2026-03-01" }], period: { from: "2026-03-01", to: "2026-07-01" } });
    const b = patientStatement({ contract: k3, events: [{ kind: "infusion", date: "2026-03-01" }, { kind: "death", date: "2026-07-01" }], period: { from: "2026-03-01", to: "2026-07-01" } });
    expect(b.totals).toEqual(a.totals);
  });
});

describe("cohort statements", () => {
  it("sums the patients; each row equals the patient's own statement", () => {
    const patients = [
      { id: "a", events: [{ kind: "infusion", date: "2026-01-15" }] },
      { id: "b", events: [{ kind: "infusion", date: "2026-01-15" }, { kind: "crs", date: "2026-01-20" }] },
      { id: "constructor", events: [{ kind: "infusion", date: "2026-02-01" }] },
    ];
    const period = { from: "2026-04-01", to: "2026-05-01" };
    const st = cohortStatement({ contract: k1, patients, period });
    // April: a's month 3 paid 360,000; b's withheld 360,000; constructor's month 3 is 2026-05-01 (outside).
    expect(s(st.totals.paid)).toBe("CNY 360000");
    expect(s(st.totals.withheld)).toBe("CNY 360000");
    expect(s(st.totals.due)).toBe("CNY 720000");
    expect(s(st.openingNet)).toBe("CNY 1440000");
    for (const [i, p] of patients.entries()) {
      const one = patientStatement({ contract: k1, events: p.events, period });
      expect(st.rows[i]!.totals).toEqual(one.totals);
      expect(st.rows[i]!.closingNet).toEqual(one.closingNet);
    }
  });
  it("bad input: repeated id, a patient's bad event (path under patients[i]), a period that does not end after it starts", () => {
    const e = domainError(() => cohortStatement({ contract: k1, patients: [{ id: "p", events: [{ kind: "infusion", date: "2026-01-15" }] }, { id: "p", events: [] }], period: { from: "2026-01-01", to: "2026-02-01" } }));
    expect([e.code, e.path]).toEqual(["INCONSISTENT_INPUT", ["patients", 1, "id"]]);
    expect(issues(() => cohortStatement({ contract: k1, patients: [{ id: "p", events: [{ kind: "infusion", date: "2026-02-30" }] }], period: { from: "2026-01-01", to: "2026-02-01" } }))[0]!.path).toEqual(["patients", 0, "events", 0, "date"]);
    expect(domainError(() => cohortStatement({ contract: k1, patients: [{ id: "p", events: [{ kind: "crs", date: "2026-01-15" }] }], period: { from: "2026-01-01", to: "2026-02-01" } })).path).toEqual(["patients", 0, "events"]);
    expect(issues(() => patientStatement({ contract: k1, events: [], period: { from: "2026-02-01", to: "2026-02-01" } }))[0]!.path).toEqual(["period", "to"]);
    expect(issues(() => patientStatement({ contract: k1, events: [], period: { from: "2026-02-01", to: "2026-03-01", through: "x" } as never }))[0]!.path).toEqual(["period", "through"]);
  });
});

describe("statement properties", () => {
  const adverse = fc.constantFrom("crs", "relapse", "death", "seriousAdverseEvent");
  const day = (n: number) => addDueOffset({ date: "2026-01-01", offset: { months: 0, days: n } });
  const history = fc
    .record({
      start: fc.integer({ min: 0, max: 60 }),
      // Distinct (kind, day) pairs: the same event recorded twice is an input error (M6), not a history.
      extra: fc.uniqueArray(fc.tuple(adverse, fc.integer({ min: 0, max: 500 })), { maxLength: 3, selector: ([kind, d]) => `${kind}@${d}` }),
    })
    .map(({ start, extra }) => {
      const list = extra.map(([kind, d]) => ({ kind, date: day(start + d) })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const death = list.findIndex((e) => e.kind === "death");
      return [{ kind: "infusion", date: day(start) }, ...(death === -1 ? list : list.slice(0, death + 1))];
    });
  const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 599 }), { maxLength: 5 }).map((c) => c.sort((a, b) => a - b));

  it("the statements of a partition of a period sum to the period's statement, and from the start they add up to the ledger", () => {
    fc.assert(
      fc.property(fc.constantFrom(k1, k3), history, cuts, (contract, events, c) => {
        const points = [0, ...c, 600].map(day);
        const whole = patientStatement({ contract, events, period: { from: points[0]!, to: points.at(-1)! } });
        let net = 0n;
        let due = 0n;
        let withheld = 0n;
        let clawed = 0n;
        let previous: typeof whole.closingNet | null = null;
        for (let i = 1; i < points.length; i++) {
          const part = patientStatement({ contract, events, period: { from: points[i - 1]!, to: points[i]! } });
          net += toMinorUnits(part.totals.net);
          due += toMinorUnits(part.totals.due);
          withheld += toMinorUnits(part.totals.withheld);
          clawed += toMinorUnits(part.totals.clawedBack) + toMinorUnits(part.totals.refunded);
          // each period opens with what the previous one carried forward
          if (previous !== null) expect(part.openingNet).toEqual(previous);
          previous = part.closingNet;
        }
        expect(net).toBe(toMinorUnits(whole.totals.net));
        expect(due).toBe(toMinorUnits(whole.totals.due));
        expect(withheld).toBe(toMinorUnits(whole.totals.withheld));
        expect(clawed).toBe(toMinorUnits(whole.totals.clawedBack) + toMinorUnits(whole.totals.refunded));
        const ledger = evaluateContract(contract, events, whole.asOf);
        expect(whole.closingNet).toEqual(ledger.totals.net);
        expect(toMinorUnits(whole.totals.withheld)).toBe(toMinorUnits(ledger.totals.withheld));
        expect(evaluateContractMinorUnits(contract, events, whole.asOf).totals.net).toBe(toMinorUnits(whole.closingNet));
      }),
      { numRuns: runs(60) },
    );
  });
});
