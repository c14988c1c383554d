// Conditions: what a matcher accepts (kind, minimum grade, responses), the [from, through]
// window of firstMatch, `within`, and conditions in words. Reaches the internal matchers.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { parseContract } from "../../src/index.js";
import { checkConditions, firstMatch, matches } from "../../src/contracts/conditions.js";

describe("conditions: matchers, windows and wording", () => {
  const crs3 = { kind: "crs" as const, minGrade: 3 };
  it("matches kind, minimum grade (grade 1 asks nothing) and responses", () => {
    expect(matches({ kind: "crs" }, { kind: "crs", date: "2026-01-01" })).toBe(true);
    expect(matches({ kind: "crs" }, { kind: "relapse", date: "2026-01-01" })).toBe(false);
    expect(matches(crs3, { kind: "crs", date: "2026-01-01", grade: 3 })).toBe(true);
    expect(matches(crs3, { kind: "crs", date: "2026-01-01", grade: 2 })).toBe(false);
    expect(matches({ kind: "crs", minGrade: 1 }, { kind: "crs", date: "2026-01-01" })).toBe(true);
    const cr = { kind: "assessment" as const, responses: ["CR" as const] };
    expect(matches(cr, { kind: "assessment", date: "2026-01-01", response: "CR" })).toBe(true);
    expect(matches(cr, { kind: "assessment", date: "2026-01-01", response: "PR" })).toBe(false);
    expect(matches(cr, { kind: "assessment", date: "2026-01-01" })).toBe(false);
  });

  it("firstMatch looks in [from, through], both ends included", () => {
    const events = [
      { kind: "crs" as const, date: "2026-01-10" },
      { kind: "crs" as const, date: "2026-01-20" },
    ];
    expect(firstMatch([{ kind: "crs" }], events, "2026-01-10", "2026-01-10")).toBe(events[0]);
    expect(firstMatch([{ kind: "crs" }], events, "2026-01-11", "2026-01-20")).toBe(events[1]);
    expect(firstMatch([{ kind: "crs" }], events, "2026-01-11", "2026-01-19")).toBeNull();
    expect(firstMatch([{ kind: "death" }, { kind: "crs" }], events, "2026-01-01", "2026-12-31")).toBe(events[0]);
  });

  it("checkConditions: within ends the window early; `some` fails with no event", () => {
    const events = [{ kind: "improvement" as const, date: "2026-03-01" }];
    const some = { type: "some" as const, events: [{ kind: "improvement" as const }], within: { months: 1, days: 0 }, label: "improved within a month", remembered: false };
    // Window 2026-01-15 … 2026-02-15: the improvement on 03-01 is too late.
    // Issue 15 item 7: the late event is reported with the window's end.
    expect(checkConditions([some], events, "2026-01-15", "2026-12-31")).toEqual({ ok: false, condition: some, event: null, outside: { event: events[0], windowEnd: "2026-02-15" } });
    // Window 2026-02-01 … 2026-03-01: on time (inclusive end).
    expect(checkConditions([some], events, "2026-02-01", "2026-12-31")).toEqual({ ok: true });
    // The due date ends the window when it comes first.
    expect(checkConditions([some], events, "2026-02-01", "2026-02-28").ok).toBe(false);
    expect(checkConditions([], events, "2026-01-01", "2026-12-31")).toEqual({ ok: true });
  });

  it("describes conditions in words", () => {
    const doc = { currency: "CNY",
      id: "W",
      price: "100",
      payment: {
        type: "schedule",
        installments: [
          {
            share: "1",
            due: { days: 30 },
            conditions: [
              { type: "some", events: [{ kind: "assessment", responses: ["CR", "PR"] }], within: { days: 1 } },
              { type: "none", events: ["seriousAdverseEvent", { kind: "crs", minGrade: 2 }], within: { months: 2, days: 3 } },
            ],
          },
        ],
      },
    };
    const inst = parseContract(doc).payment;
    expect(inst.type === "installments" && inst.installments[0]!.conditionLabels).toEqual([
      "assessment CR/PR recorded within 1 day of treatment start",
      "no serious adverse event or CRS of grade ≥ 2 within 2 months 3 days of treatment start",
    ]);
    expect(inst.type === "installments" && inst.installments[0]!.label).toBe("Installment 1 (100% of the price, due 30 days after treatment start)");
  });
});
