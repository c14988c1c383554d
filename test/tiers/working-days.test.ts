// Review deadlines in working days (care.md §9, H25–H26): Monday–Friday less the caller's
// holidays plus the caller's make-up days (调休); due = the N-th working day strictly after S.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWorkingDays, countWorkingDays, reviewDeadline, triageClaim } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

// The example calendar of H25: National Day 2026-10-01…10-07 off, Saturday 2026-10-10 worked.
const golden = {
  holidays: ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"],
  extraWorkingDays: ["2026-10-10"],
};

describe("working-day review deadlines (care.md §9)", () => {
  it("H25: S = 2026-09-30 (Wed), golden week, make-up Saturday 10-10: 2 days → 10-09; 15 days → 10-27; decided 10-13 → 3 working days late", () => {
    // After Wed 09-30: 10-01…10-07 holidays; 10-08 Thu (1), 10-09 Fri (2) → due 10-09 for 2 days.
    const two = reviewDeadline({ submittedOn: "2026-09-30", workingDays: 2, calendar: golden, decidedOn: "2026-10-13" });
    expect(two.due).toBe("2026-10-09");
    // Sat 10-10 (1, make-up day), Mon 10-12 (2), Tue 10-13 (3).
    expect(two.decision).toEqual({ on: "2026-10-13", onTime: false, lateByWorkingDays: 3, lateByCalendarDays: 4 });
    // 15: 10-08 (1), 10-09 (2), 10-10 (3), 10-12…16 (4–8), 10-19…23 (9–13), 10-26 (14), 10-27 (15).
    expect(reviewDeadline({ submittedOn: "2026-09-30", workingDays: 15, calendar: golden }).due).toBe("2026-10-27");
  });

  it("H26: S = 2026-03-06 (Fri), no holidays: 2 days → 03-10; 15 days → 03-27", () => {
    // Mon 03-09 (1), Tue 03-10 (2); 15 = three full weeks Mon 03-09 … Fri 03-27.
    expect(reviewDeadline({ submittedOn: "2026-03-06", workingDays: 2, calendar: {} }).due).toBe("2026-03-10");
    expect(reviewDeadline({ submittedOn: "2026-03-06", workingDays: 15, calendar: {} }).due).toBe("2026-03-27");
  });

  it("ordinary review cut from 15 to 2 working days (001): the same claim under both rules", () => {
    const old = reviewDeadline({ submittedOn: "2026-03-06", workingDays: 15, calendar: {}, decidedOn: "2026-03-12" });
    const cut = reviewDeadline({ submittedOn: "2026-03-06", workingDays: 2, calendar: {}, decidedOn: "2026-03-12" });
    expect(old.decision!.onTime).toBe(true);
    // due Tue 03-10; Wed 03-11 (1), Thu 03-12 (2).
    expect(cut.decision).toMatchObject({ onTime: false, lateByWorkingDays: 2 });
    expect(cut.explanation.map((s) => s.rule)).toEqual(["tiers.review.working-days.due", "tiers.review.working-days.decision"]);
  });

  it("the period can come from an SLA table by the triage action", () => {
    const rules = { rules: [{ id: "wgs-no-dx", risk: "medium" as const, when: { codes: ["WGS"] } }] };
    const t = triageClaim({ rules, claim: { code: "WGS", date: "2026-03-06" } });
    const r = reviewDeadline({ submittedOn: "2026-03-06", sla: { "manual-review": 2, "on-site-inspection": 15 }, action: t.action, calendar: {} });
    expect([r.workingDays, r.due]).toEqual([2, "2026-03-10"]);
    expect(domainError(() => reviewDeadline({ submittedOn: "2026-03-06", sla: { "manual-review": 2 }, action: "on-site-inspection", calendar: {} })).path).toEqual(["sla", "on-site-inspection"]);
  });

  it("a decision on the due day is on time; one on a weekend after a Friday due date is late by 0 working days, 1 calendar day", () => {
    expect(reviewDeadline({ submittedOn: "2026-03-06", workingDays: 2, calendar: {}, decidedOn: "2026-03-10" }).decision).toMatchObject({ onTime: true, lateByWorkingDays: 0 });
    expect(reviewDeadline({ submittedOn: "2026-03-04", workingDays: 2, calendar: {}, decidedOn: "2026-03-07" }).decision).toEqual({ on: "2026-03-07", onTime: false, lateByWorkingDays: 0, lateByCalendarDays: 1 });
  });

  it("addWorkingDays and countWorkingDays", () => {
    expect(addWorkingDays({ from: "2026-09-30", workingDays: 3, calendar: golden })).toBe("2026-10-10");
    expect(countWorkingDays({ from: "2026-10-09", to: "2026-10-13", calendar: golden })).toBe(3);
    expect(countWorkingDays({ from: "2026-10-13", to: "2026-10-09", calendar: golden })).toBe(0);
    // leap day and year end: Fri 2028-02-25 + 2 → Tue 02-29; Thu 2026-12-31 + 1 → Fri 2027-01-01 (no holidays given)
    expect(addWorkingDays({ from: "2028-02-25", workingDays: 2, calendar: {} })).toBe("2028-02-29");
    expect(addWorkingDays({ from: "2026-12-31", workingDays: 1, calendar: {} })).toBe("2027-01-01");
  });

  it("bad input: make-up day on a weekday, a day both holiday and make-up, period twice or missing, decision before submission, junk dates", () => {
    expect(domainError(() => addWorkingDays({ from: "2026-10-01", workingDays: 1, calendar: { extraWorkingDays: ["2026-10-09"] } })).path).toEqual(["calendar", "extraWorkingDays", 0]);
    expect(domainError(() => addWorkingDays({ from: "2026-10-01", workingDays: 1, calendar: { holidays: ["2026-10-10"], extraWorkingDays: ["2026-10-10"] } })).path).toEqual(["calendar", "holidays", 0]);
    expect(issues(() => reviewDeadline({ submittedOn: "2026-03-06", workingDays: 2, sla: { "manual-review": 2 }, calendar: {} }))[0]!.code).toBe("ambiguous_period");
    expect(issues(() => reviewDeadline({ submittedOn: "2026-03-06", calendar: {} }))[0]!.code).toBe("missing_period");
    expect(issues(() => reviewDeadline({ submittedOn: "2026-03-06", sla: { "manual-review": 2 }, calendar: {} }))[0]!.path).toEqual(["action"]);
    expect(domainError(() => reviewDeadline({ submittedOn: "2026-03-06", workingDays: 2, calendar: {}, decidedOn: "2026-03-05" })).code).toBe("EVENT_ORDER");
    expect(issues(() => reviewDeadline({ submittedOn: "2026-02-30", workingDays: 2, calendar: {} }))[0]!.path).toEqual(["submittedOn"]);
    expect(issues(() => reviewDeadline({ submittedOn: "2026-03-06", workingDays: 0, calendar: {} }))[0]!.path).toEqual(["workingDays"]);
    expect(issues(() => reviewDeadline({ submittedOn: "2026-03-06", workingDays: 2, calendar: { holiday: [] } as never }))[0]!.path).toEqual(["calendar", "holiday"]);
    expect(issues(() => addWorkingDays({ from: "9999-12-30", workingDays: 5, calendar: {} }))[0]!.code).toBe("out_of_range");
  });

  it("independent of the host time zone (calendar fields only)", () => {
    const before = process.env.TZ;
    const results: string[] = [];
    for (const tz of ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"]) {
      process.env.TZ = tz;
      results.push(reviewDeadline({ submittedOn: "2026-09-30", workingDays: 15, calendar: golden }).due);
    }
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
    expect(new Set(results)).toEqual(new Set(["2026-10-27"]));
  });
});

const dayArb = fc.integer({ min: 0, max: 2000 }).map((k) => {
  const d = new Date(Date.UTC(2025, 0, 1) + k * 86_400_000);
  return d.toISOString().slice(0, 10);
});
const isWeekend = (iso: string) => [0, 6].includes(new Date(`${iso}T00:00:00Z`).getUTCDay());

describe("working days: properties", () => {
  it("the due date is a working day, exactly N working days after S, and the count agrees with the addition", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 40 }), fc.array(dayArb, { maxLength: 20 }), fc.array(dayArb, { maxLength: 6 }), (s, n, hol, extra) => {
        const extraWorkingDays = [...new Set(extra.filter(isWeekend))];
        const holidays = [...new Set(hol.filter((h) => !extraWorkingDays.includes(h)))];
        const calendar = { holidays, extraWorkingDays };
        const due = addWorkingDays({ from: s, workingDays: n, calendar });
        expect(due > s).toBe(true);
        expect(countWorkingDays({ from: s, to: due, calendar })).toBe(n);
        // the due date itself is a working day: the day before it counts n − 1
        const dayBefore = new Date(Date.parse(`${due}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        expect(countWorkingDays({ from: s, to: dayBefore, calendar })).toBe(n - 1);
        // monotone: one more working day is later
        expect(addWorkingDays({ from: s, workingDays: n + 1, calendar }) > due).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
