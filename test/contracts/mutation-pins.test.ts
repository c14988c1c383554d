// Pins of exact behaviour the mutation run (docs/quality-mutation.md) showed the
// other contract tests left loose: ledger wording, default labels, calendar edges,
// event-history errors, rounding of shares, cohort-term decisions. Amounts are worked
// out by hand in the comments; sentences follow the templates the spec describes.
import { describe, expect, it } from "vitest";
import {
  addDueOffset,
  type CohortTermInput,
  type ContractEvaluation,
  DomainError,
  evaluateCohortTerms,
  evaluateContract,
  installmentFinancing,
  isCalendarDate,
  isParsedContract,
  isParsedContractVersions,
  parseContract,
  parseContractVersions,
  schedulePresentValue,
  ValidationError,
} from "../../src/index.js";
import { daysBetween, describeOffset, dueDateMemo } from "../../src/contracts/calendar.js";
import { checkConditions, firstMatch, matches } from "../../src/contracts/conditions.js";
import { divideRounded as divRound, fractionOf as toFraction, roundedProduct as shareOf, unitsText } from "../../src/money/minor-units.js";
import { amountWords, groupedText } from "../../src/money/format.js";
import { moneyMaker } from "../../src/money/money-units.js";
import { D } from "../../src/money/decimal.js";
import { K1, K3, k4 } from "./fixtures.js";
import { domainError, issues } from "../typed-errors.js";

const infusion = (date: string) => ({ kind: "infusion", date });
const texts = (r: ContractEvaluation) => r.explanation.map((s) => s.text);


describe("ledger wording (K1)", () => {
  const k1 = parseContract(K1);

  it("labels installments by share and offset, and explains paid and withheld lines", () => {
    const r = evaluateContract(k1, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20", grade: 1 }], "2026-12-31");
    expect(r.lines.map((l) => [l.termId, l.label, l.explanation.rule])).toEqual([
      ["at-infusion", "Installment 1 (40% of the price, due treatment start)", "contracts.installment.paid"],
      ["month-3", "Installment 2 (30% of the price, due 3 months after treatment start)", "contracts.installment.withheld"],
      ["month-6", "Installment 3 (30% of the price, due 6 months after treatment start)", "contracts.installment.paid"],
    ]);
    // 40% of 1,200,000 = 480,000; 30% = 360,000.
    expect(texts(r)).toEqual([
      "Patient settled under contract K1-cart-40-30-30; treatment started 2026-01-15; evaluated as of 2026-12-31.",
      "Installment 1 (40% of the price, due treatment start) fell due on 2026-01-15 and is paid: CNY 480,000.00.",
      'Installment 2 (30% of the price, due 3 months after treatment start) fell due on 2026-04-15 and is withheld (CNY 360,000.00): "no CRS since treatment start" failed: crs on 2026-01-20.',
      "Installment 3 (30% of the price, due 6 months after treatment start) fell due on 2026-07-15 and is paid: CNY 360,000.00 (held: no relapse since treatment start).",
      // paid 480,000 + 360,000 = 840,000; withheld 360,000.
      "Paid CNY 840,000.00 (payments CNY 840,000.00, bonuses CNY 0.00), refunded CNY 0.00, net CNY 840,000.00; withheld CNY 360,000.00.",
    ]);
    expect(r.explanation[0]!.inputs).toEqual({ contract: "K1-cart-40-30-30", version: null, treatmentStart: "2026-01-15", asOf: "2026-12-31", eventsConsidered: 2 });
    expect(r.lines[1]!.explanation.inputs).toEqual({ due: "2026-04-15", share: "0.3", conditions: ["no CRS since treatment start"] });
    expect(r.lines[1]!.withheld!.toString()).toBe("CNY 360000.00");
    expect(r.lines[0]!.withheld).toBeUndefined();
    expect(r.lines[0]!.failedCondition).toBeUndefined();
    expect(r.explanation.at(-1)!.amount!.toString()).toBe("CNY 840000.00");
    expect(r.explanation.at(-1)!.rule).toBe("contracts.evaluate.totals");
    expect(r).toMatchObject({ contractId: "K1-cart-40-30-30", version: null, currency: "CNY", asOf: "2026-12-31", treatmentStart: "2026-01-15" });
  });

  it("ignores events after the as-of date and says how many", () => {
    // asOf 2026-01-19: only the infusion counts; the CRS on 01-20 is one later event.
    const r = evaluateContract(k1, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20" }], "2026-01-19");
    expect(texts(r)[0]).toBe("Patient settled under contract K1-cart-40-30-30; treatment started 2026-01-15; evaluated as of 2026-01-19 (1 later event(s) ignored).");
    expect(r.explanation[0]!.inputs.eventsConsidered).toBe(1);
    // Only the installment due on the start date has fallen due.
    expect(r.lines.map((l) => l.date)).toEqual(["2026-01-15"]);
    // An event on the as-of date itself is considered.
    const same = evaluateContract(k1, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20" }], "2026-01-20");
    expect(same.explanation[0]!.inputs.eventsConsidered).toBe(2);
    // A due date on the as-of date is settled: month 3 falls due 2026-04-15.
    expect(evaluateContract(k1, [infusion("2026-01-15")], "2026-04-15").lines).toHaveLength(2);
    expect(evaluateContract(k1, [infusion("2026-01-15")], "2026-04-14").lines).toHaveLength(1);
  });

  it("names the version in the first step", () => {
    const set = parseContractVersions({ id: "K1-set", versions: [{ ...K1, version: "2025", effective: { from: "2025-01-01" } }] });
    expect(isParsedContractVersions(set)).toBe(true);
    expect(set.id).toBe("K1-set");
    expect(parseContractVersions(set)).toBe(set);
    const r = evaluateContract(set, [infusion("2026-01-15")], "2026-01-31");
    expect(texts(r)[0]).toBe("Patient settled under contract K1-cart-40-30-30 version 2025; treatment started 2026-01-15; evaluated as of 2026-01-31.");
    expect(r.version).toBe("2025");
  });

  it("a version's period is [from, to): a start on `to` falls to the next version, and the error lists the periods", () => {
    const v1 = { ...K1, version: "a", effective: { from: "2025-01-01", to: "2026-01-01" } };
    const set = parseContractVersions({ versions: [v1] });
    expect(evaluateContract(set, [infusion("2025-12-31")], "2026-01-31").version).toBe("a");
    const e = domainError(() => evaluateContract(set, [infusion("2026-01-01")], "2026-01-31"));
    expect(e.code).toBe("NO_APPLICABLE_TERMS");
    expect(e.message).toBe("events[0].date: no contract version is in effect on the treatment start 2026-01-01 (versions: [2025-01-01, 2026-01-01))");
    expect(domainError(() => evaluateContract(set, [infusion("2024-12-31")], "2026-01-31")).details).toEqual({ start: "2024-12-31" });
    const open = parseContractVersions({ versions: [{ ...K1, version: "b", effective: { from: "2026-01-01" } }] });
    expect(domainError(() => evaluateContract(open, [infusion("2025-06-01")], "2026-01-31")).reason).toBe(
      "no contract version is in effect on the treatment start 2025-06-01 (versions: [2026-01-01, open))",
    );
  });

  it("accepts raw JSON, a parsed contract, and refuses a bad as-of date", () => {
    expect(isParsedContract(k1)).toBe(true);
    expect(isParsedContract(K1)).toBe(false);
    expect(parseContract(k1)).toBe(k1);
    expect(evaluateContract(K1, [infusion("2026-01-15")], "2026-12-31").totals.net.toString()).toBe("CNY 1200000.00");
    expect(issues(() => evaluateContract(k1, [infusion("2026-01-15")], "2026-02-30"))).toEqual([
      { path: ["asOf"], code: "invalid_date", message: 'expected a calendar date YYYY-MM-DD, got "2026-02-30"' },
    ]);
  });
});

describe("refunds and clawbacks", () => {
  it("K3: a clawback is explained with its trigger, share and base", () => {
    const r = evaluateContract(parseContract(K3), [infusion("2026-03-01"), { kind: "relapse", date: "2026-07-10" }], "2027-12-31");
    const claw = r.lines.find((l) => l.kind === "clawback")!;
    const label = "Clawback of 50% of the amount paid on death or relapse within 12 months of treatment start";
    expect(claw).toMatchObject({ date: "2026-07-10", termId: "death-or-relapse", label });
    // paid through 07-10: 93,250 × 2 = 186,500; 0.5 × 186,500 = 93,250.
    expect(claw.explanation.text).toBe(
      `${label}: triggered by relapse on 2026-07-10; 0.5 of payments paid through 2026-07-10 is USD 93,250.00, so USD 93,250.00 is returned.`,
    );
    expect(claw.explanation.rule).toBe("contracts.clawback");
    expect(claw.explanation.inputs).toEqual({ trigger: "relapse 2026-07-10", share: ["0.5"], paidThrough: "186,500.00" });
    const withheld = r.lines.find((l) => l.kind === "withheld")!;
    expect(withheld.label).toBe("Installment 3 (25% of the price, due 6 months after treatment start)");
    expect(withheld.failedCondition).toEqual({ condition: "no death or relapse or serious adverse event since treatment start", event: { kind: "relapse", date: "2026-07-10" } });
    // One month is singular.
    expect(r.lines[0]!.label).toBe("Installment 1 (25% of the price, due 1 month after treatment start)");
  });

  const refundDoc = (base: "payments" | "paymentsAndBonuses") => ({ currency: "CNY",
    id: "R",
    price: "1000",
    payment: { type: "schedule", installments: [{ share: "0.5", due: { months: 0 } }, { share: "0.5", due: { months: 3 } }] },
    bonuses: [{ type: "fixed", amount: "200", due: { months: 6 }, conditions: [{ type: "none", events: [{ kind: "crs", minGrade: 3 }] }] }],
    refunds: [{ type: "refund", trigger: ["crs"], share: "0.1", base }],
  });

  it("payments after the trigger are subject to it as well, each with its own line", () => {
    const r = evaluateContract(refundDoc("paymentsAndBonuses"), [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01", grade: 2 }], "2026-12-31");
    expect(r.lines.map((l) => [l.date, l.kind, l.amount.toJSON().amount])).toEqual([
      ["2026-01-15", "payment", "500.00"],
      ["2026-02-01", "refund", "-50.00"], // 10% of 500
      ["2026-04-15", "payment", "500.00"],
      ["2026-04-15", "refund", "-50.00"], // 10% of 1,000 = 100, 50 already returned
      ["2026-07-15", "bonus", "200.00"], // grade 2 < 3: the bonus condition holds
      ["2026-07-15", "refund", "-20.00"], // 10% of 1,200 = 120, 100 already returned
    ]);
    const label = "Refund of 10% of the amount paid on CRS";
    expect(r.lines[1]!.explanation.text).toBe(
      `${label}: triggered by crs on 2026-02-01; 0.1 of payments and bonuses paid through 2026-02-01 is CNY 50.00, so CNY 50.00 is returned.`,
    );
    expect(r.lines[3]!.explanation.text).toBe(
      "Payments made on 2026-04-15 after the refund was triggered are subject to it as well: 0.1 of payments and bonuses paid through 2026-04-15 is CNY 100.00, so a further CNY 50.00 is returned.",
    );
    expect(r.lines[3]!.termId).toBe("refund-1");
    expect(r.lines[3]!.explanation.inputs).toEqual({ trigger: "crs 2026-02-01", share: ["0.1"], paidThrough: "1,000.00" });
    expect(r.lines[4]!.explanation.text).toBe("Bonus bonus-1 (due 6 months after treatment start) is earned on 2026-07-15: CNY 200.00.");
    expect(r.lines[4]!.explanation.inputs).toEqual({ due: "2026-07-15", conditions: ["no CRS of grade ≥ 3 since treatment start"] });
    // payments 1,000 + bonus 200 = 1,200; refunded 50 + 50 + 20 = 120; net 1,080.
    expect([r.totals.payments, r.totals.bonuses, r.totals.gross, r.totals.refunded, r.totals.net].map((m) => m.toJSON().amount)).toEqual([
      "1000.00",
      "200.00",
      "1200.00",
      "120.00",
      "1080.00",
    ]);
  });

  it("with base `payments`, bonuses are not refunded", () => {
    const r = evaluateContract(refundDoc("payments"), [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01", grade: 2 }], "2026-12-31");
    // 10% of the 1,000 of payments only: 50 + 50; the bonus date adds nothing.
    expect(r.totals.refunded.toString()).toBe("CNY 100.00");
    expect(r.lines.filter((l) => l.kind === "refund")).toHaveLength(2);
    expect(r.lines[1]!.explanation.text).toContain("0.1 of payments paid through 2026-02-01 is CNY 50.00");
  });

  it("a severe CRS withholds the bonus; a missing grade is an error, not a guess", () => {
    const r = evaluateContract(refundDoc("payments"), [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01", grade: 3 }], "2026-12-31");
    const bonus = r.lines.find((l) => l.termId === "bonus-1")!;
    expect(bonus.kind).toBe("withheld");
    expect(bonus.withheld!.toString()).toBe("CNY 200.00");
    expect(bonus.explanation.text).toBe(
      'Bonus bonus-1 (due 6 months after treatment start) is not earned on 2026-07-15 (CNY 200.00): "no CRS of grade ≥ 3 since treatment start" failed: crs on 2026-02-01.',
    );
    expect(r.explanation.at(-1)!.text).toBe("Paid CNY 1,000.00 (payments CNY 1,000.00, bonuses CNY 0.00), refunded CNY 100.00, net CNY 900.00; withheld CNY 200.00.");
    const e = domainError(() => evaluateContract(refundDoc("payments"), [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01" }], "2026-12-31"));
    expect(e.code).toBe("INCONSISTENT_INPUT");
    expect(e.message).toBe("crs on 2026-02-01 has no grade, but a term asks for grade ≥ 3");
    expect(e.details).toEqual({ kind: "crs", date: "2026-02-01" });
  });

  it("a trigger outside its window, or after the as-of date, returns nothing", () => {
    const doc = { ...refundDoc("payments"), refunds: [{ type: "clawback", trigger: ["death"], within: { months: 1, days: 1 }, share: "1" }] };
    // Window: 2026-01-15 + 1 month 1 day = 2026-02-16 inclusive.
    const inside = evaluateContract(doc, [infusion("2026-01-15"), { kind: "death", date: "2026-02-16" }], "2026-12-31");
    // 100% of the 500 paid by 02-16, then 100% of the 500 paid on 04-15 (later payments are subject too).
    expect(inside.totals.refunded.toString()).toBe("CNY 1000.00");
    expect(inside.lines.find((l) => l.kind === "clawback")!.label).toBe("Clawback of 100% of the amount paid on death within 1 month 1 day of treatment start");
    const outside = evaluateContract(doc, [infusion("2026-01-15"), { kind: "death", date: "2026-02-17" }], "2026-12-31");
    expect(outside.totals.refunded.toString()).toBe("CNY 0.00");
    const later = evaluateContract(doc, [infusion("2026-01-15"), { kind: "death", date: "2026-02-10" }], "2026-02-09");
    expect(later.totals.refunded.toString()).toBe("CNY 0.00");
  });

  it("refund shares of several triggered terms add up before one rounding", () => {
    // 0.5 of 0.01 CNY and 0.5 of 0.01 CNY: each alone would round 0.005 → 0.01 (half-up);
    // together 1 fen × (0.5 + 0.5) = 1 fen exactly.
    const doc = { currency: "CNY",
      id: "T",
      price: "0.01",
      payment: { type: "schedule", installments: [{ share: "1", due: { months: 0 } }] },
      refunds: [
        { type: "refund", trigger: ["progression"], share: "0.5" },
        { type: "clawback", trigger: ["death"], share: "0.5" },
      ],
    };
    const r = evaluateContract(doc, [infusion("2026-01-01"), { kind: "progression", date: "2026-02-01" }, { kind: "death", date: "2026-03-01" }], "2026-12-31");
    // On 02-01: 0.5 × 1 fen = 0.5 → half-up 1 fen returned. On 03-01: (0.5 + 0.5) × 1 = 1 fen, nothing further.
    expect(r.lines.map((l) => [l.date, l.kind, l.amount.toJSON().amount])).toEqual([
      ["2026-01-01", "payment", "0.01"],
      ["2026-02-01", "refund", "-0.01"],
    ]);
    const down = evaluateContract({ ...doc, rounding: "down" }, [infusion("2026-01-01"), { kind: "progression", date: "2026-02-01" }, { kind: "death", date: "2026-03-01" }], "2026-12-31");
    // Rounding down: 0.5 fen → 0 on 02-01; 1 fen on 03-01, now under both terms: a clawback line for "refund-1+clawback-2".
    expect(down.lines.map((l) => [l.date, l.kind, l.termId, l.amount.toJSON().amount])).toEqual([
      ["2026-01-01", "payment", "installment-1", "0.01"],
      ["2026-03-01", "clawback", "refund-1+clawback-2", "-0.01"],
    ]);
    expect(down.lines[1]!.label).toBe("Refund of 50% of the amount paid on progression; Clawback of 50% of the amount paid on death");
    expect(down.lines[1]!.explanation.text).toBe(
      "Clawback of 50% of the amount paid on death: triggered by death on 2026-03-01; 0.5 of payments + 0.5 of payments paid through 2026-03-01 is CNY 0.01, so CNY 0.01 is returned.",
    );
  });
});

describe("per treated month (K4)", () => {
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

describe("event histories", () => {
  const k1 = parseContract(K1);
  const run = (events: unknown) => () => evaluateContract(k1, events, "2026-12-31");

  it("reports every malformed field with its path", () => {
    expect(issues(run("x"))).toEqual([{ path: ["events"], code: "invalid_type", message: "events must be an array" }]);
    expect(
      issues(
        run([
          infusion("2026-01-15"),
          null,
          { kind: "surgery", date: "2026-01-16" },
          { kind: "crs", date: "2026-13-01", extra: 1 },
          { kind: "assessment", date: "2026-02-01" },
          { kind: "relapse", date: "2026-02-02", response: "CR" },
          { kind: "death", date: "2026-02-03", grade: 5 },
          { kind: "crs", date: "2026-02-04", grade: 6 },
          { kind: "crs", date: "2026-02-05", note: 7 },
        ]),
      ),
    ).toEqual([
      { path: ["events", 1], code: "invalid_type", message: "an event is an object { kind, date }" },
      {
        path: ["events", 2, "kind"],
        code: "invalid_union_discriminator",
        message: 'unknown event kind "surgery"; expected one of treatmentStart, infusion, treatedMonth, assessment, crs, progression, relapse, seriousAdverseEvent, death, improvement',
      },
      { path: ["events", 3, "date"], code: "invalid_date", message: 'expected a calendar date YYYY-MM-DD, got "2026-13-01"' },
      { path: ["events", 3, "extra"], code: "unrecognized_keys", message: 'unknown field "extra"' },
      { path: ["events", 4, "response"], code: "invalid_value", message: "an assessment needs a response of CR, PR, SD, PD" },
      { path: ["events", 5, "response"], code: "unrecognized_keys", message: "only assessments carry a response" },
      { path: ["events", 6, "grade"], code: "unrecognized_keys", message: "only CRS and serious adverse events carry a grade" },
      { path: ["events", 7, "grade"], code: "invalid_value", message: "a grade is a whole number from 1 to 5" },
      { path: ["events", 8, "note"], code: "invalid_type", message: "a note is text" },
    ]);
  });

  it("accepts grades 1 and 5 and a graded serious adverse event", () => {
    const ok = [
      infusion("2026-01-15"),
      { kind: "crs", date: "2026-01-16", grade: 1 },
      { kind: "seriousAdverseEvent", date: "2026-01-17", grade: 5, note: "hospitalised" },
      { kind: "assessment", date: "2026-01-18", response: "SD" },
    ];
    expect(evaluateContract(k1, ok, "2026-12-31").lines).toHaveLength(3);
    expect(issues(run([infusion("2026-01-15"), { kind: "crs", date: "2026-01-16", grade: 0 }]))[0]!.path).toEqual(["events", 1, "grade"]);
    expect(issues(run([infusion("2026-01-15"), { kind: "crs", date: "2026-01-16", grade: 2.5 }]))[0]!.path).toEqual(["events", 1, "grade"]);
  });

  it("checks the order of events", () => {
    expect(domainError(run([])).message).toBe("events: the history has no treatment start (or infusion) event");
    expect(domainError(run([{ kind: "crs", date: "2026-01-01" }])).code).toBe("EVENT_ORDER");
    const late = domainError(run([{ kind: "crs", date: "2026-01-01" }, { kind: "treatmentStart", date: "2026-01-02" }]));
    expect(late.message).toBe("events[0].date: event 1 (treatmentStart) must come first: nothing can happen before treatment starts");
    expect(late.details).toEqual({ start: "2026-01-02", first: "2026-01-01" });
    expect(domainError(run([infusion("2026-01-15"), infusion("2026-01-16")])).message).toBe(
      "events[1].kind: a second treatment start on 2026-01-16: one history covers one treatment",
    );
    const before = domainError(run([infusion("2026-01-15"), { kind: "crs", date: "2026-01-10" }]));
    expect(before.message).toBe("events[1].date: crs on 2026-01-10 is before treatment start 2026-01-15");
    expect(before.details).toEqual({ start: "2026-01-15", date: "2026-01-10" });
    const order = domainError(run([infusion("2026-01-15"), { kind: "crs", date: "2026-01-20" }, { kind: "relapse", date: "2026-01-19" }]));
    expect(order.message).toBe("events[2].date: events out of order: relapse on 2026-01-19 follows an event on 2026-01-20");
    expect(order.details).toEqual({ previous: "2026-01-20", date: "2026-01-19" });
    const dead = domainError(run([infusion("2026-01-15"), { kind: "death", date: "2026-02-01" }, { kind: "relapse", date: "2026-02-01" }]));
    expect(dead.message).toBe("events[2]: relapse on 2026-02-01 is recorded after the patient's death");
    expect(dead.details).toEqual({ death: "2026-02-01" });
    // Same-day events are in order; a start on the same day as another event is fine.
    expect(evaluateContract(k1, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-15" }, { kind: "relapse", date: "2026-01-15" }], "2026-12-31").lines).toHaveLength(3);
  });
});

describe("conditions", () => {
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

describe("parsing", () => {
  it("refuses a price finer than the currency, and bonuses finer too, with paths", () => {
    expect(issues(() => parseContract({ ...K1, price: "1200000.001" }))).toEqual([
      { path: ["price"], code: "sub_minor_unit", message: "1200000.001 has more decimals than CNY allows (2)" },
    ]);
    const withBonus = { id: "B", price: "10", currency: "JPY", payment: { type: "schedule", installments: [{ share: "1", due: {} }] }, bonuses: [{ type: "fixed", amount: "1.5", due: {} }] };
    expect(issues(() => parseContract(withBonus))).toEqual([{ path: ["bonuses", 0, "amount"], code: "sub_minor_unit", message: "1.5 has more decimals than JPY allows (0)" }]);
    expect(issues(() => parseContractVersions({ versions: [{ ...K1, price: "0.001", effective: { from: "2026-01-01" } }] }))[0]!.path).toEqual(["versions", 0, "price"]);
  });

  it("sorts versions by effective date and computes the most payable", () => {
    const set = parseContractVersions({
      versions: [
        { ...K1, version: "late", effective: { from: "2027-01-01" } },
        { ...K1, version: "early", effective: { from: "2026-01-01", to: "2027-01-01" } },
      ],
    });
    expect(set.versions.map((v) => v.version)).toEqual(["early", "late"]);
    expect(set.versions[0]!.effective).toEqual({ from: "2026-01-01", to: "2027-01-01" });
    expect(set.versions[1]!.effective).toEqual({ from: "2027-01-01", to: null });
    expect(set.id).toBeNull();
    const k = parseContract({ ...K1, bonuses: [{ type: "fixed", amount: "50000", due: { months: 12 } }] });
    // 1,200,000 of installments + 50,000 of fixed bonus.
    expect(k.maxPayable!.toString()).toBe("CNY 1250000.00");
    expect(k.name).toBe("CAR-T milestone schedule 40/30/30");
    expect(parseContract(k4(false)).maxPayable).toBeNull();
    expect(parseContract({ ...K1, name: undefined }).name).toBeNull();
    expect(parseContract({ ...K1, payment: { type: "perTreatedMonth" } }).maxPayable).toBeNull();
  });

  it("financing installments are labelled and dated one interval apart", () => {
    const k = parseContract({ id: "F", currency: "USD", price: "1000", payment: { type: "financing", periodicRate: "0", periods: 2, intervalMonths: 6 } });
    expect(k.payment.type).toBe("installments");
    const list = k.payment.type === "installments" ? k.payment.installments : [];
    // First due one interval after start by default: 6 months, then 12.
    expect(list.map((i) => [i.id, i.label, i.shareText, i.share, i.amount.toString()])).toEqual([
      ["payment-1", "Financed payment 1 of 2 (due 6 months after treatment start)", "financed", null, "USD 500.00"],
      ["payment-2", "Financed payment 2 of 2 (due 12 months after treatment start)", "financed", null, "USD 500.00"],
    ]);
    const firstDue = parseContract({ currency: "CNY", id: "F", price: "1000", payment: { type: "financing", periodicRate: "0", periods: 2, intervalMonths: 1, firstDue: { months: 0, days: 10 } } });
    const dues = firstDue.payment.type === "installments" ? firstDue.payment.installments.map((i) => i.due) : [];
    expect(dues).toEqual([
      { months: 0, days: 10 },
      { months: 1, days: 10 },
    ]);
  });
});

describe("calendar", () => {
  it("isCalendarDate checks shape, month lengths and leap years", () => {
    const yes = ["2026-01-31", "2028-02-29", "2000-02-29", "2026-04-30", "2026-12-31", "0001-01-01"];
    const no = ["2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "2026/01/01", "2026-01-1", "20a6-01-01", "2026-0a-01", "2026-01-0a", "2026-1a-01", "2026-01-a1", "2026-01-011", 20260101];
    expect(yes.map(isCalendarDate)).toEqual(yes.map(() => true));
    expect(no.map(isCalendarDate)).toEqual(no.map(() => false));
  });

  it("addDueOffset clamps to month ends and handles days and early years", () => {
    expect(addDueOffset({ date: "2026-01-31", offset: { months: 1, days: 0 } })).toBe("2026-02-28");
    expect(addDueOffset({ date: "2028-01-31", offset: { months: 1, days: 0 } })).toBe("2028-02-29");
    expect(addDueOffset({ date: "2026-01-31", offset: { months: 0, days: 1 } })).toBe("2026-02-01");
    // 1 month then 1 day: 2026-01-31 → 2026-02-28 → 2026-03-01.
    expect(addDueOffset({ date: "2026-01-31", offset: { months: 1, days: 1 } })).toBe("2026-03-01");
    expect(addDueOffset({ date: "2026-05-05", offset: { months: 0, days: 0 } })).toBe("2026-05-05");
    // Year 50 stays year 50 (not 1950).
    expect(addDueOffset({ date: "0050-12-31", offset: { months: 2, days: 0 } })).toBe("0051-02-28");
    expect(addDueOffset({ date: "0099-01-01", offset: { months: 0, days: 31 } })).toBe("0099-02-01");
  });

  it("describeOffset and daysBetween", () => {
    expect(describeOffset({ months: 0, days: 0 })).toBe("treatment start");
    expect(describeOffset({ months: 1, days: 1 })).toBe("1 month 1 day after treatment start");
    expect(describeOffset({ months: 2, days: 0 })).toBe("2 months after treatment start");
    expect(describeOffset({ months: 0, days: 2 })).toBe("2 days after treatment start");
    // 2026-01-01 → 2026-03-01: 31 + 28 = 59 days; across a DST change in many zones.
    expect(daysBetween("2026-01-01", "2026-03-01")).toBe(59);
    expect(daysBetween("2026-03-01", "2026-01-01")).toBe(-59);
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2); // leap day between
  });

  it("dueDateMemo gives the same dates as addDueOffset", () => {
    const due = dueDateMemo(1);
    expect(due("2026-01-31", { months: 0, days: 0 })).toBe("2026-01-31");
    expect(due("2026-01-31", { months: 1, days: 0 })).toBe("2026-02-28");
    expect(due("2026-01-31", { months: 1, days: 0 })).toBe("2026-02-28");
    expect(due("2026-01-31", { months: 0, days: 1 })).toBe("2026-02-01");
    expect(due("2026-01-31", { months: 1, days: 1 })).toBe("2026-03-01");
  });
});

describe("integer units", () => {
  it("divRound rounds n / d with every mode, either sign", () => {
    const modes = ["half-up", "half-even", "down", "up", "floor", "ceil"] as const;
    // 5/2 = 2.5: half-up 3, half-even 2, down 2, up 3, floor 2, ceil 3.
    expect(modes.map((m) => divRound(5n, 2n, m))).toEqual([3n, 2n, 2n, 3n, 2n, 3n]);
    // 7/2 = 3.5: half-even → 4 (odd quotient rounds up).
    expect(divRound(7n, 2n, "half-even")).toBe(4n);
    // −5/2 = −2.5: half-up −3, half-even −2, down −2, up −3, floor −3, ceil −2.
    expect(modes.map((m) => divRound(-5n, 2n, m))).toEqual([-3n, -2n, -2n, -3n, -3n, -2n]);
    // 7/3 = 2.33: half-up 2, half-even 2, up 3; 8/3 = 2.67: half-up 3, half-even 3, down 2.
    expect([divRound(7n, 3n, "half-up"), divRound(7n, 3n, "half-even"), divRound(7n, 3n, "up")]).toEqual([2n, 2n, 3n]);
    expect([divRound(8n, 3n, "half-up"), divRound(8n, 3n, "half-even"), divRound(8n, 3n, "down")]).toEqual([3n, 3n, 2n]);
    expect(modes.map((m) => divRound(6n, 3n, m))).toEqual([2n, 2n, 2n, 2n, 2n, 2n]);
    expect(modes.map((m) => divRound(-6n, 3n, m))).toEqual([-2n, -2n, -2n, -2n, -2n, -2n]);
  });

  it("shares, fractions and text", () => {
    expect(toFraction(new D("0.125"))).toEqual({ num: 125n, den: 1000n });
    expect(toFraction(new D("1"))).toEqual({ num: 1n, den: 1n });
    // 333 × 0.5 = 166.5 → half-up 167, down 166.
    expect(shareOf(333n, { num: 5n, den: 10n }, "half-up")).toBe(167n);
    expect(shareOf(333n, { num: 5n, den: 10n }, "down")).toBe(166n);
    expect([unitsText(5n, 2), unitsText(-5n, 2), unitsText(12345n, 2), unitsText(-7n, 0), unitsText(7n, 0), unitsText(1n, 3)]).toEqual([
      "0.05",
      "-0.05",
      "123.45",
      "-7",
      "7",
      "0.001",
    ]);
    expect([groupedText(123456789n, 2), groupedText(-100000n, 2), groupedText(1000n, 0), groupedText(999n, 0), groupedText(-1234567n, 0)]).toEqual([
      "1,234,567.89",
      "-1,000.00",
      "1,000",
      "999",
      "-1,234,567",
    ]);
  });

  it("money makers memoise up to their limit and give the same values", () => {
    const make = moneyMaker("USD", 2, 1);
    const a = make(150n);
    expect(a.toString()).toBe("USD 1.50");
    expect(make(150n)).toBe(a); // memoised
    const b = make(250n); // beyond the limit: made afresh each time
    expect(b.toString()).toBe("USD 2.50");
    expect(make(250n)).not.toBe(b);
    const words = amountWords("USD", 2, 1);
    expect(words(123456n)).toBe("USD 1,234.56");
    expect(words(123456n)).toBe("USD 1,234.56");
    expect(words(-5n)).toBe("USD -0.05");
  });
});

describe("financing and present value", () => {
  it("financing explains the annuity or the exact split", () => {
    const zero = installmentFinancing({ principal: { amount: "100.01", currency: "USD" }, periodicRate: 0, periods: 2 });
    // 10,001 cents in 2: 5,001 / 5,000 (larger first).
    expect(zero.payments.map((p) => p.toString())).toEqual(["USD 50.01", "USD 50.00"]);
    expect(zero.payment.toString()).toBe("USD 50.01");
    expect(zero.interest.toString()).toBe("USD 0.00");
    expect(zero.explanation.map((s) => s.text)).toEqual([
      "At rate 0 the principal USD 100.01 is split into 2 equal payments (exact split).",
      "2 payments total USD 100.01, of which USD 0.00 is the cost of financing.",
    ]);
    expect(zero.explanation.map((s) => s.rule)).toEqual(["contracts.financing.payment", "contracts.financing.total"]);
    // 1000 at 10% over 1 period: 1000 × 0.1 / (1 − 1.1^−1) = 100 / (0.1/1.1) = 1100.
    const one = installmentFinancing({ principal: { amount: "1000", currency: "USD" }, periodicRate: "0.1", periods: 1, rounding: "down" });
    expect(one.payment.toString()).toBe("USD 1100.00");
    expect(one.interest.toString()).toBe("USD 100.00");
    expect(one.explanation[0]!.text).toBe("Annuity: USD 1000.00 × 0.1 / (1 − (1 + 0.1)^(−1)) = USD 1100.00 per period (rounded down).");
    expect(one.explanation[1]!.text).toBe("1 payments total USD 1100.00, of which USD 100.00 is the cost of financing.");
    // 100 at 10% over 2 periods: 100 × 0.1 / (1 − 1/1.21) = 10 × 1.21 / 0.21 = 57.619… → half-up 57.62, down 57.61.
    expect(installmentFinancing({ principal: { amount: "100", currency: "USD" }, periodicRate: "0.1", periods: 2 }).payment.toString()).toBe("USD 57.62");
    expect(installmentFinancing({ principal: { amount: "100", currency: "USD" }, periodicRate: "0.1", periods: 2, rounding: "down" }).payment.toString()).toBe("USD 57.61");
  });

  it("present value discounts months and days and explains each payment", () => {
    // 1,100 due in 6 months at 21% a year: 1.21^(−0.5) = 1/1.1, so 1,000.
    const r = schedulePresentValue({ annualRate: "0.21", payments: [{ amount: { amount: "1100", currency: "USD" }, due: { months: 6 } }] });
    expect(r.presentValue.toString()).toBe("USD 1000.00");
    expect(r.nominal.toString()).toBe("USD 1100.00");
    expect(r.explanation.map((s) => s.text)).toEqual([
      "USD 1100.00 due after 0.5 years × (1 + 0.21)^(−0.5) = 1000.0000.",
      "Present value at 0.21 a year: USD 1000.00 (nominal USD 1100.00), rounded half-up once.",
    ]);
    expect(r.explanation[0]!.inputs).toEqual({ months: 6, days: 0, factor: "0.909090909091" });
    // 73 days = 0.2 years; at rate 0 nothing is discounted.
    const days = schedulePresentValue({ annualRate: 0, payments: [{ amount: { amount: "10", currency: "USD" }, due: { days: 73 } }] });
    expect(days.explanation[0]!.text).toBe("USD 10.00 due after 0.2 years × (1 + 0)^(−0.2) = 10.0000.");
    // 1 year at 100%: 10 / 2 = 5; with 12 months + 365 days = 2 years: 10 / 4 = 2.5.
    expect(schedulePresentValue({ annualRate: 1, payments: [{ amount: { amount: "10", currency: "USD" }, due: { months: 12 } }] }).presentValue.toString()).toBe("USD 5.00");
    expect(schedulePresentValue({ annualRate: 1, payments: [{ amount: { amount: "10", currency: "USD" }, due: { months: 12, days: 365 } }] }).presentValue.toString()).toBe(
      "USD 2.50",
    );
    // 2.5 down: rounding mode honoured. 10 × 2^(−1.5) = 3.5355… → down 3.53, half-up 3.54.
    const pay = [{ amount: { amount: "10", currency: "USD" }, due: { months: 18 } }];
    expect(schedulePresentValue({ annualRate: 1, payments: pay, rounding: "down" }).presentValue.toString()).toBe("USD 3.53");
    expect(schedulePresentValue({ annualRate: 1, payments: pay }).presentValue.toString()).toBe("USD 3.54");
  });

  it("present value refuses mixed currencies and per-month contracts", () => {
    expect(
      issues(() =>
        schedulePresentValue({
          annualRate: 0,
          payments: [
            { amount: { amount: "1", currency: "USD" }, due: {} },
            { amount: { amount: "1", currency: "CNY" }, due: {} },
          ],
        }),
      ),
    ).toEqual([{ path: ["payments", 1, "amount", "currency"], code: "currency_mismatch", message: "all payments must be in USD, got CNY" }]);
    expect(issues(() => schedulePresentValue({ annualRate: 0, contract: k4(false) }))).toEqual([
      { path: ["contract", "payment", "type"], code: "invalid_value", message: "present value needs a dated schedule (schedule or financing), not per-treated-month pricing" },
    ]);
  });
});

describe("cohort terms: wording and decisions", () => {
  const amount = { amount: "1000000", currency: "CNY" };
  const k5 = { type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" } as const;

  it("K5 explains a deduction and a met target", () => {
    const low = evaluateCohortTerms({ terms: [k5], summary: { patients: 40, responders: 14, amount } }).results[0]!;
    // 14/40 = 35% < 40%: 20% of 1,000,000 = 200,000 deducted.
    expect(low.explanation.map((s) => s.text)).toEqual(["ORR 35% is below the target 40%: 20% of CNY 1,000,000.00 is deducted.", "Payable: CNY 800,000.00."]);
    expect(low.decision).toBe("below target: deduction");
    expect(low.termId).toBe("performanceDeduction-1");
    expect(low.metric).toEqual({ name: "orr", value: "0.35" });
    expect(low.lines.map((l) => [l.kind, l.label, l.amount.toString()])).toEqual([
      ["payment", "amount at stake", "CNY 1000000.00"],
      ["deduction", "performance deduction", "CNY 200000.00"],
    ]);
    const met = evaluateCohortTerms({ terms: [k5], summary: { orr: "0.40001", amount } }).results[0]!;
    expect(met.explanation[0]!.text).toBe("ORR 40.001% reaches the target 40% (inclusive): no deduction.");
    expect(met.lines.map((l) => l.kind)).toEqual(["payment"]);
    expect(met.totals.refunded.toString()).toBe("CNY 0.00");
  });

  it("metrics from counts, with their errors", () => {
    const pfs = { ...k5, metric: "pfsRate" } as const;
    // 3 of 4 progression-free = 75% ≥ 40%.
    expect(evaluateCohortTerms({ terms: [pfs], summary: { patients: 4, progressionFree: 3, amount } }).results[0]!.metric).toEqual({ name: "pfsRate", value: "0.75" });
    const zero = domainError(() => evaluateCohortTerms({ terms: [k5], summary: { patients: 0, responders: 0, amount } }));
    expect([zero.code, zero.message]).toEqual(["UNDEFINED_RESULT", "summary.patients: a rate over 0 patients is undefined"]);
    const over = domainError(() => evaluateCohortTerms({ terms: [k5], summary: { patients: 4, responders: 5, amount } }));
    expect([over.code, over.message]).toEqual(["INCONSISTENT_INPUT", "summary.responders: responders (5) exceeds patients (4)"]);
    // responders = patients is fine: 100%.
    expect(evaluateCohortTerms({ terms: [k5], summary: { patients: 4, responders: 4, amount } }).results[0]!.metric!.value).toBe("1");
    expect(issues(() => evaluateCohortTerms({ terms: [k5], summary: { responders: 4, amount } }))).toEqual([
      { path: ["summary", "responders"], code: "missing_metric", message: "the ORR needs `orr` or `responders` and `patients`" },
    ]);
    expect(issues(() => evaluateCohortTerms({ terms: [pfs], summary: { progressionFree: 4, amount } }))).toEqual([
      { path: ["summary", "pfsRate"], code: "missing_metric", message: "the PFS rate needs `pfsRate` or `progressionFree` and `patients`" },
    ]);
    expect(issues(() => evaluateCohortTerms({ terms: [k5], summary: { orr: "0.5" } }))).toEqual([
      { path: ["summary", "amount"], code: "missing_field", message: "this term needs summary.amount" },
    ]);
  });

  it("K6 names the band, closed at the domain's top", () => {
    const table = {
      domain: { min: 0, max: 1 },
      bands: [
        { from: "0", to: "0.6", value: "0.5" },
        { from: "0.6", to: "1", value: "1" },
      ],
    };
    const at = (v: string) => evaluateCohortTerms({ terms: [{ type: "outcomeTiers", id: "tiers", metric: "pfsRate", table }], summary: { pfsRate: v, amount } }).results[0]!;
    const low = at("0.3");
    // 50% of 1,000,000 = 500,000 paid; 500,000 not paid.
    expect(low.explanation.map((s) => s.text)).toEqual(["pfsRate 30% falls in band [0, 0.6): 50% of CNY 1,000,000.00 is paid.", "Not paid under the tier table: CNY 500,000.00."]);
    expect(low.decision).toBe("band [0, 0.6) → 0.5");
    expect(low.termId).toBe("tiers");
    expect(low.lines).toEqual([expect.objectContaining({ kind: "payment", label: "tier [0, 0.6)" })]);
    expect(at("0.7").decision).toBe("band [0.6, 1] → 1");
    const open = { bands: [{ from: null, to: "0.5", value: "0" }, { from: "0.5", to: null, value: "1" }] };
    const r = evaluateCohortTerms({ terms: [{ type: "outcomeTiers", metric: "pfsRate", table: open }], summary: { pfsRate: "0.7", amount } }).results[0]!;
    expect(r.decision).toBe("band [0.5, +∞) → 1");
    const r0 = evaluateCohortTerms({ terms: [{ type: "outcomeTiers", metric: "pfsRate", table: open }], summary: { pfsRate: "0.1", amount } }).results[0]!;
    expect(r0.decision).toBe("band [−∞, 0.5) → 0");
  });

  const mea = { type: "managedEntry", currency: "EUR", pricePerCycle: "10000", cyclesBeforeEvaluation: 3 } as const;
  it("K11 explains up-front payment, refunds, success fees and later cycles", () => {
    const risk = evaluateCohortTerms({ terms: [{ ...mea, nonResponderRefund: "0.5" }], summary: { patients: 100, nonResponders: 30, cyclesAfterEvaluation: 2 } }).results[0]!;
    expect(risk.explanation.map((s) => s.text)).toEqual([
      "100 patients × EUR 30,000.00 (cycles 1–3) = EUR 3,000,000.00 paid up front.",
      "30 non-responders × EUR 30,000.00 × 50% = EUR 450,000.00 refunded by the manufacturer.",
      // 70 responders × 2 cycles × 10,000 = 1,400,000.
      "70 responders × EUR 20,000.00 (cycles 4–5) = EUR 1,400,000.00.",
      // gross 3,000,000 + 1,400,000 = 4,400,000; net 4,400,000 − 450,000 = 3,950,000.
      "Gross EUR 4,400,000.00, refunded EUR 450,000.00, net EUR 3,950,000.00.",
    ]);
    expect(risk.decision).toBe("refund 50% for non-responders");
    expect(risk.metric).toEqual({ name: "nonResponders", value: "30" });
    expect(risk.lines.map((l) => l.label)).toEqual([
      "100 patients × 3 cycles before evaluation",
      "refund on non-responders' pre-evaluation cycles",
      "responders' 2 cycles after evaluation (full price)",
    ]);
    const fee = evaluateCohortTerms({ terms: [{ ...mea, upfront: "free" }], summary: { patients: 100, nonResponders: 30 } }).results[0]!;
    expect(fee.explanation[0]!.text).toBe("Drug free up front; at evaluation the payer pays 70 responders × EUR 30,000.00 = EUR 2,100,000.00; non-responders' cycles cost nothing.");
    expect(fee.decision).toBe("success fee");
    expect(fee.lines.map((l) => l.label)).toEqual(["responders' 3 cycles before evaluation (success fee)"]);
    const plain = evaluateCohortTerms({ terms: [mea], summary: { patients: 10, nonResponders: 10, cyclesAfterEvaluation: 2 } }).results[0]!;
    // No refund rate and no responders: only the up-front line; 10 × 30,000 = 300,000.
    expect(plain.decision).toBe("no outcome refund");
    expect(plain.lines).toHaveLength(1);
    expect(plain.totals.net.toString()).toBe("EUR 300000.00");
    const noNon = evaluateCohortTerms({ terms: [{ ...mea, nonResponderRefund: "1" }], summary: { patients: 10, nonResponders: 0 } }).results[0]!;
    expect(noNon.lines).toHaveLength(1);
    const e = domainError(() => evaluateCohortTerms({ terms: [mea], summary: { patients: 4, nonResponders: 5 } }));
    expect(e.message).toBe("summary.nonResponders: nonResponders (5) exceeds patients (4)");
    // nonResponders = patients is allowed.
    expect(evaluateCohortTerms({ terms: [mea], summary: { patients: 4, nonResponders: 4 } }).results[0]!.totals.net.toString()).toBe("EUR 120000.00");
    // Discount on the first 2 cycles at 50%: 5,000 + 5,000 + 10,000 = 20,000 per patient before evaluation.
    const disc = evaluateCohortTerms({ terms: [{ ...mea, discount: { firstCycles: 2, rate: "0.5" } }], summary: { patients: 1, nonResponders: 0 } }).results[0]!;
    expect(disc.totals.net.toString()).toBe("EUR 20000.00");
  });

  it("several terms settle in order with their own ids and one explanation", () => {
    const r = evaluateCohortTerms({ terms: [k5, { ...k5, id: "second" }], summary: { orr: "0.5", amount } });
    expect(r.results.map((x) => x.termId)).toEqual(["performanceDeduction-1", "second"]);
    expect(r.explanation).toHaveLength(4);
    expect(r.explanation.map((s) => s.rule)).toEqual(["contracts.cohort.performance", "contracts.cohort.net", "contracts.cohort.performance", "contracts.cohort.net"]);
  });
});
