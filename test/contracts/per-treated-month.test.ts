// Per-treated-month pricing (K4): paid months, the bonus on its assessment date, retroactive
// bonuses, months after progression or over maxMonths withheld with their reasons.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { evaluateContract } from "../../src/index.js";
import { k4 } from "./fixtures.js";

const infusion = (date: string) => ({ kind: "infusion", date });

describe("per treated month (K4): paid and withheld months, bonuses", () => {
  const monthly = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: "treatedMonth", date: `2026-${String(i + 1).padStart(2, "0")}-01` }));

  it("explains paid months, the bonus on the assessment date, and later bonus months", () => {
    const r = evaluateContract(k4(false), [infusion("2026-01-01"), ...monthly(8)], "2026-12-31");
    const bonus = r.lines.filter((l) => l.termId === "pfs-6m-bonus");
    expect(r.lines[0]!.explanation.text).toBe("Treated month 1 at CNY 20,000.00 on 2026-01-01 is paid.");
    expect(r.lines[0]!.termId).toBe("treated-month-1");
    expect(r.lines[0]!.explanation.inputs).toEqual({ date: "2026-01-01", month: 1 });
    // Assessment on 2026-07-01 (start + 6 months): month 7 falls on it; month 8 after it.
    expect(bonus.map((l) => [l.date, l.amount.toJSON().amount, l.explanation.rule])).toEqual([
      ["2026-07-01", "5000.00", "contracts.bonus.at-assessment"],
      ["2026-08-01", "5000.00", "contracts.bonus.per-month"],
    ]);
    expect(bonus[0]!.explanation.text).toBe(
      "Bonus pfs-6m-bonus per treated month is earned at the assessment on 2026-07-01: 1 treated month(s) (month 7) × CNY 5,000.00 = CNY 5,000.00.",
    );
    expect(bonus[1]!.explanation.text).toBe("Bonus pfs-6m-bonus per treated month: treated month 8 on 2026-08-01 earns CNY 5,000.00.");
    expect(bonus[0]!.explanation.inputs).toEqual({
      assessed: "2026-07-01",
      perMonth: "5,000.00",
      fromMonth: 7,
      retroactive: "no",
      conditions: ["progression-free survival ≥ 6 months"],
      months: 1,
    });
    // On one date the payment line precedes the bonus line.
    const july = r.lines.filter((l) => l.date === "2026-07-01").map((l) => l.kind);
    expect(july).toEqual(["payment", "bonus"]);
  });

  it("a retroactive bonus settles the earlier months in one line", () => {
    const r = evaluateContract(k4(true), [infusion("2026-01-01"), ...monthly(7)], "2026-12-31");
    const bonus = r.lines.find((l) => l.termId === "pfs-6m-bonus")!;
    // Months 1–7 (07-01 is on the assessment date): 7 × 5,000 = 35,000.
    expect(bonus.explanation.text).toBe(
      "Bonus pfs-6m-bonus per treated month is earned at the assessment on 2026-07-01 (retroactive): 7 treated month(s) (months 1–7) × CNY 5,000.00 = CNY 35,000.00.",
    );
    expect(bonus.explanation.inputs.retroactive).toBe("yes");
  });

  it("an earned bonus with no months yet says months will carry it", () => {
    const r = evaluateContract(k4(false), [infusion("2026-01-01"), ...monthly(6)], "2026-12-31");
    const bonus = r.lines.find((l) => l.termId === "pfs-6m-bonus")!;
    expect(bonus.amount.toString()).toBe("CNY 0.00");
    expect(bonus.explanation.rule).toBe("contracts.bonus.earned");
    expect(bonus.explanation.text).toBe("Bonus pfs-6m-bonus per treated month is earned at the assessment on 2026-07-01: treated months from month 7 will carry CNY 5,000.00 each.");
    // Before the assessment date nothing is said about the bonus.
    expect(evaluateContract(k4(false), [infusion("2026-01-01"), ...monthly(6)], "2026-06-30").lines.some((l) => l.termId === "pfs-6m-bonus")).toBe(false);
  });

  it("months after progression are withheld, and an unearned bonus says why", () => {
    const r = evaluateContract(k4(false), [infusion("2026-01-01"), ...monthly(4), { kind: "progression", date: "2026-04-20" }], "2026-12-31");
    const bonus = r.lines.find((l) => l.termId === "pfs-6m-bonus")!;
    expect(bonus.explanation.text).toBe(
      'Bonus pfs-6m-bonus per treated month (CNY 5,000.00 per treated month) is not earned at the assessment on 2026-07-01: "progression-free survival ≥ 6 months" failed: progression on 2026-04-20.',
    );
    expect(bonus.explanation.rule).toBe("contracts.bonus.not-earned");
    expect(bonus.withheld!.toString()).toBe("CNY 0.00");
    // A treated month on the day of the stop event is not paid either.
    const stopped = evaluateContract(
      k4(false),
      [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-02-01" }, { kind: "progression", date: "2026-03-01" }, { kind: "treatedMonth", date: "2026-03-01" }],
      "2026-12-31",
    );
    const late = stopped.lines.find((l) => l.date === "2026-03-01" && l.kind === "withheld")!;
    expect(late).toMatchObject({ termId: "treated-month", label: "Treated month on 2026-03-01" });
    expect(late.explanation.text).toBe('A treated month on 2026-03-01 is not paid: "treatment stops at the first progression" failed: progression on 2026-03-01.');
    expect(late.explanation.rule).toBe("contracts.treated-month.after-stop");
    expect(late.withheld!.toString()).toBe("CNY 20000.00");
  });

  it("at most maxMonths months are paid", () => {
    const doc = { currency: "CNY", id: "M", price: "100", payment: { type: "perTreatedMonth", maxMonths: 2 } };
    const r = evaluateContract(doc, [infusion("2026-01-01"), ...monthly(3)], "2026-12-31");
    expect(r.lines.map((l) => l.kind)).toEqual(["payment", "payment", "withheld"]);
    const third = r.lines[2]!;
    expect(third.failedCondition).toEqual({ condition: "at most 2 treated months are paid", event: null });
    expect(third.explanation.text).toBe("A treated month on 2026-03-01 is not paid: the contract pays at most 2 months.");
    expect(third.explanation.inputs).toEqual({ date: "2026-03-01", maxMonths: 2 });
    expect(r.totals.withheld.toString()).toBe("CNY 100.00");
    // No stop events: a progression changes nothing.
    const prog = evaluateContract(doc, [infusion("2026-01-01"), { kind: "progression", date: "2026-01-01" }, ...monthly(2).slice(1)], "2026-12-31");
    expect(prog.totals.payments.toString()).toBe("CNY 100.00");
  });
});
