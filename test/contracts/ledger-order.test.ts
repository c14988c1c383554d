// The order of ledger lines on one date: payments, bonuses, withheld, refunds, each group in
// the order the terms drafted them; settlement on and after the as-of date.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { type ContractEvaluation, evaluateContract } from "../../src/index.js";

const infusion = (date: string) => ({ kind: "infusion", date });
const texts = (r: ContractEvaluation) => r.explanation.map((s) => s.text);
/** [date, kind, termId, amount] of every ledger line. */
const rows = (r: ContractEvaluation) => r.lines.map((l) => [l.date, l.kind, l.termId, l.amount.toJSON().amount]);

describe("ledger order on one date", () => {
  it("payments come before withheld lines, each group in installment order", () => {
    // Four quarters of CNY 1,000 all due 2026-02-15; a CRS withholds installments 1 and 2.
    const doc = { currency: "CNY",
      id: "S",
      price: "1000",
      payment: {
        type: "schedule",
        installments: [
          { share: "0.25", due: { months: 1 }, conditions: [{ type: "none", events: ["crs"] }] },
          { share: "0.25", due: { months: 1 }, conditions: [{ type: "none", events: ["crs"] }] },
          { share: "0.25", due: { months: 1 }, conditions: [{ type: "none", events: ["relapse"] }, { type: "none", events: ["death"] }] },
          { share: "0.25", due: { months: 1 } },
        ],
      },
    };
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20" }], "2026-12-31");
    // 0.25 × 1,000 = 250 each.
    expect(r.lines.map((l) => [l.termId, l.kind])).toEqual([
      ["installment-3", "payment"],
      ["installment-4", "payment"],
      ["installment-1", "withheld"],
      ["installment-2", "withheld"],
    ]);
    const label = (k: number) => `Installment ${k} (25% of the price, due 1 month after treatment start)`;
    expect(texts(r).slice(1)).toEqual([
      `${label(3)} fell due on 2026-02-15 and is paid: CNY 250.00 (held: no relapse since treatment start; no death since treatment start).`,
      `${label(4)} fell due on 2026-02-15 and is paid: CNY 250.00.`,
      `${label(1)} fell due on 2026-02-15 and is withheld (CNY 250.00): "no CRS since treatment start" failed: crs on 2026-01-20.`,
      `${label(2)} fell due on 2026-02-15 and is withheld (CNY 250.00): "no CRS since treatment start" failed: crs on 2026-01-20.`,
      // paid 250 + 250 = 500; withheld 250 + 250 = 500.
      "Paid CNY 500.00 (payments CNY 500.00, bonuses CNY 0.00), refunded CNY 0.00, net CNY 500.00; withheld CNY 500.00.",
    ]);
  });

  it("a month after a stop on two kinds, then unearned bonuses on the same date, in drafting order", () => {
    const doc = { currency: "CNY",
      id: "T",
      price: "100",
      payment: { type: "perTreatedMonth", stopOn: ["progression", "death"] },
      bonuses: [
        { type: "perTreatedMonth", id: "b", amount: "10", assessAt: { months: 6 }, conditions: [{ type: "none", events: ["progression"] }] },
        { type: "perTreatedMonth", id: "c", amount: "20", assessAt: { months: 6 }, conditions: [{ type: "none", events: ["progression"] }] },
      ],
    };
    const events = [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-01-01" }, { kind: "progression", date: "2026-03-15" }, { kind: "treatedMonth", date: "2026-07-01" }];
    const r = evaluateContract(doc, events, "2026-12-31");
    // The assessment is 2026-01-01 + 6 months = 2026-07-01, the date of the stopped month.
    expect(r.lines.map((l) => [l.date, l.kind, l.termId, l.explanation.rule])).toEqual([
      ["2026-01-01", "payment", "treated-month-1", "contracts.treated-month.paid"],
      ["2026-07-01", "withheld", "treated-month", "contracts.treated-month.after-stop"],
      ["2026-07-01", "withheld", "b", "contracts.bonus.not-earned"],
      ["2026-07-01", "withheld", "c", "contracts.bonus.not-earned"],
    ]);
    const stopped = r.lines[1]!;
    expect(stopped.explanation.text).toBe('A treated month on 2026-07-01 is not paid: "treatment stops at the first progression or death" failed: progression on 2026-03-15.');
    expect(stopped.explanation.inputs).toEqual({ date: "2026-07-01" });
    expect(r.lines[2]!.explanation.text).toBe(
      'Bonus b per treated month (CNY 10.00 per treated month) is not earned at the assessment on 2026-07-01: "no progression since treatment start" failed: progression on 2026-03-15.',
    );
    // One month paid (100); the stopped month withholds 100, the unearned bonuses nothing.
    expect([r.totals.payments, r.totals.withheld].map((m) => m.toString())).toEqual(["CNY 100.00", "CNY 100.00"]);
  });

  it("a month over the maximum, then withheld fixed bonuses on the same date, in drafting order", () => {
    const doc = { currency: "CNY",
      id: "C",
      price: "100",
      payment: { type: "perTreatedMonth", maxMonths: 1 },
      bonuses: [
        { type: "fixed", id: "f", amount: "50", due: { months: 1 }, conditions: [{ type: "none", events: ["crs"] }] },
        { type: "fixed", id: "g", amount: "60", due: { months: 1 }, conditions: [{ type: "none", events: ["crs"] }] },
      ],
    };
    const events = [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-01-01" }, { kind: "crs", date: "2026-01-10" }, { kind: "treatedMonth", date: "2026-02-01" }];
    const r = evaluateContract(doc, events, "2026-12-31");
    expect(r.lines.map((l) => [l.date, l.kind, l.termId, l.label, l.explanation.rule])).toEqual([
      ["2026-01-01", "payment", "treated-month-1", "Treated month 1 at CNY 100.00", "contracts.treated-month.paid"],
      ["2026-02-01", "withheld", "treated-month", "Treated month on 2026-02-01", "contracts.treated-month.over-max"],
      ["2026-02-01", "withheld", "f", "Bonus f (due 1 month after treatment start)", "contracts.bonus.withheld"],
      ["2026-02-01", "withheld", "g", "Bonus g (due 1 month after treatment start)", "contracts.bonus.withheld"],
    ]);
    expect(r.lines[1]!.explanation.text).toBe("A treated month on 2026-02-01 is not paid: the contract pays at most 1 months.");
    expect(r.lines[2]!.explanation.text).toBe('Bonus f (due 1 month after treatment start) is not earned on 2026-02-01 (CNY 50.00): "no CRS since treatment start" failed: crs on 2026-01-10.');
    // withheld: the second month 100 + bonus f 50 + bonus g 60 = 210.
    expect(r.totals.withheld.toString()).toBe("CNY 210.00");
  });

  it("bonuses on one date keep their order; months after the assessment are paid and earn in month order", () => {
    const doc = { currency: "CNY",
      id: "L",
      price: "100",
      payment: { type: "perTreatedMonth" },
      bonuses: [
        { type: "perTreatedMonth", id: "pm", amount: "10", assessAt: { months: 2 } },
        { type: "fixed", id: "fx", amount: "20", due: { months: 2 } },
        { type: "fixed", id: "fy", amount: "30", due: { months: 2 } },
      ],
    };
    // M6: two identical treated months on one day are refused (scale-and-duplicates.test.ts),
    // so the two months here are on different days, both after the assessment, the second on
    // the as-of date itself, and still count.
    const events = [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-03-15" }, { kind: "treatedMonth", date: "2026-04-01" }];
    const r = evaluateContract(doc, events, "2026-04-01");
    expect(r.lines.map((l) => [l.date, l.kind, l.termId, l.amount.toJSON().amount, l.explanation.rule])).toEqual([
      ["2026-03-01", "bonus", "pm", "0.00", "contracts.bonus.earned"],
      ["2026-03-01", "bonus", "fx", "20.00", "contracts.bonus.paid"],
      ["2026-03-01", "bonus", "fy", "30.00", "contracts.bonus.paid"],
      ["2026-03-15", "payment", "treated-month-1", "100.00", "contracts.treated-month.paid"],
      ["2026-03-15", "bonus", "pm", "10.00", "contracts.bonus.per-month"],
      ["2026-04-01", "payment", "treated-month-2", "100.00", "contracts.treated-month.paid"],
      ["2026-04-01", "bonus", "pm", "10.00", "contracts.bonus.per-month"],
    ]);
    expect(r.lines[1]!.explanation.text).toBe("Bonus fx (due 2 months after treatment start) is earned on 2026-03-01: CNY 20.00.");
    expect([r.lines[4]!, r.lines[6]!].map((l) => [l.explanation.text, l.explanation.inputs])).toEqual([
      ["Bonus pm per treated month: treated month 1 on 2026-03-15 earns CNY 10.00.", { month: 1, date: "2026-03-15" }],
      ["Bonus pm per treated month: treated month 2 on 2026-04-01 earns CNY 10.00.", { month: 2, date: "2026-04-01" }],
    ]);
    expect([r.totals.payments, r.totals.bonuses, r.totals.net].map((m) => m.toString())).toEqual(["CNY 200.00", "CNY 70.00", "CNY 270.00"]);
  });

  it("an assessment or a fixed bonus on the as-of date is settled; one day later it is not", () => {
    const doc = { currency: "CNY",
      id: "L",
      price: "100",
      payment: { type: "perTreatedMonth" },
      bonuses: [
        { type: "perTreatedMonth", id: "pm", amount: "10", assessAt: { months: 2 } },
        { type: "fixed", id: "fx", amount: "20", due: { months: 2 } },
      ],
    };
    const events = [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-04-01" }];
    const on = evaluateContract(doc, events, "2026-03-01");
    expect(rows(on)).toEqual([
      ["2026-03-01", "bonus", "pm", "0.00"],
      ["2026-03-01", "bonus", "fx", "20.00"],
    ]);
    expect(evaluateContract(doc, events, "2026-02-28").lines).toEqual([]);
  });

  it("two per-month bonuses assessed on one date settle in contract order", () => {
    const doc = { currency: "CNY",
      id: "A",
      price: "100",
      payment: { type: "perTreatedMonth" },
      bonuses: [
        { type: "perTreatedMonth", id: "A1", amount: "10", assessAt: { months: 1 } },
        { type: "perTreatedMonth", id: "A2", amount: "20", assessAt: { months: 1 } },
      ],
    };
    const r = evaluateContract(doc, [infusion("2026-01-01"), { kind: "treatedMonth", date: "2026-01-01" }, { kind: "treatedMonth", date: "2026-02-01" }], "2026-12-31");
    // Months 1 and 2 both settle on the assessment 2026-02-01: 2 × 10 = 20 and 2 × 20 = 40.
    expect(rows(r)).toEqual([
      ["2026-01-01", "payment", "treated-month-1", "100.00"],
      ["2026-02-01", "payment", "treated-month-2", "100.00"],
      ["2026-02-01", "bonus", "A1", "20.00"],
      ["2026-02-01", "bonus", "A2", "40.00"],
    ]);
    expect(r.lines[2]!.explanation.text).toBe("Bonus A1 per treated month is earned at the assessment on 2026-02-01: 2 treated month(s) (months 1–2) × CNY 10.00 = CNY 20.00.");
  });
});
