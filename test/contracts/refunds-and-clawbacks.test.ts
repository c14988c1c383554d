// Refunds and clawbacks: how a triggered term is explained, which payments it applies to
// (later ones too; bonuses only with base paymentsAndBonuses), windows, and several terms
// settled together in trigger-date order with one rounding.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { type ContractEvaluation, evaluateContract, parseContract } from "../../src/index.js";
import { K3 } from "./fixtures.js";
import { domainError } from "../typed-errors.js";

const infusion = (date: string) => ({ kind: "infusion", date });
/** [date, kind, termId, amount] of every ledger line. */
const rows = (r: ContractEvaluation) => r.lines.map((l) => [l.date, l.kind, l.termId, l.amount.toJSON().amount]);

describe("refunds and clawbacks: explanations, bases, windows, one rounding", () => {
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

describe("refunds: several terms, trigger order, exact shares", () => {
  // CNY 1,000 in two halves: 500 on 2026-01-15 (start) and 500 on 2026-04-15.
  const halves = (refunds: unknown[]) => ({ currency: "CNY",
    id: "R",
    price: "1000",
    payment: { type: "schedule", installments: [{ share: "0.5", due: { months: 0 } }, { share: "0.5", due: { months: 3 } }] },
    refunds,
  });

  it("terms triggered in a different order than listed are applied in trigger-date order", () => {
    const doc = halves([
      { type: "refund", trigger: ["death"], share: "0.1" },
      { type: "refund", trigger: ["progression"], share: "0.2" },
    ]);
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "progression", date: "2026-02-01" }, { kind: "death", date: "2026-03-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-1", "500.00"],
      ["2026-02-01", "refund", "refund-2", "-100.00"], // 0.2 × 500
      ["2026-03-01", "refund", "refund-2+refund-1", "-50.00"], // (0.2 + 0.1) × 500 = 150, 100 already returned
      ["2026-04-15", "payment", "installment-2", "500.00"],
      ["2026-04-15", "refund", "refund-2+refund-1", "-150.00"], // 0.3 × 1,000 = 300, 150 already returned
    ]);
    expect(r.lines[2]!.label).toBe("Refund of 20% of the amount paid on progression; Refund of 10% of the amount paid on death");
    expect(r.lines[2]!.explanation.text).toBe(
      "Refund of 10% of the amount paid on death: triggered by death on 2026-03-01; 0.2 of payments + 0.1 of payments paid through 2026-03-01 is CNY 150.00, so CNY 50.00 is returned.",
    );
    expect(r.lines[2]!.explanation.inputs).toEqual({ trigger: "death 2026-03-01", share: ["0.2", "0.1"], paidThrough: "500.00" });
    // refunded 100 + 50 + 150 = 300 = 0.3 × 1,000; net 700.
    expect([r.totals.refunded, r.totals.net].map((m) => m.toString())).toEqual(["CNY 300.00", "CNY 700.00"]);
  });

  it("terms triggered by the same event keep contract order and are named together", () => {
    const doc = halves([
      { type: "refund", trigger: ["death"], share: "0.1" },
      { type: "refund", trigger: ["death"], share: "0.2" },
    ]);
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "death", date: "2026-02-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-1", "500.00"],
      ["2026-02-01", "refund", "refund-1+refund-2", "-150.00"], // (0.1 + 0.2) × 500
      ["2026-04-15", "payment", "installment-2", "500.00"],
      ["2026-04-15", "refund", "refund-1+refund-2", "-150.00"], // 0.3 × 1,000 = 300, 150 already returned
    ]);
    expect(r.lines[1]!.explanation.text).toBe(
      "Refund of 10% of the amount paid on death; Refund of 20% of the amount paid on death: triggered by death on 2026-02-01; 0.1 of payments + 0.2 of payments paid through 2026-02-01 is CNY 150.00, so CNY 150.00 is returned.",
    );
  });

  it("shares with different denominators add up exactly", () => {
    // 0.25 = 25/100 and 0.5 = 5/10 over the common denominator 100: 25/100 and 50/100.
    const doc = halves([
      { type: "refund", trigger: ["crs"], share: "0.25" },
      { type: "refund", trigger: ["death"], share: "0.5" },
    ]);
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01" }, { kind: "death", date: "2026-03-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-1", "500.00"],
      ["2026-02-01", "refund", "refund-1", "-125.00"], // 0.25 × 500
      ["2026-03-01", "refund", "refund-1+refund-2", "-250.00"], // 0.75 × 500 = 375, 125 already returned
      ["2026-04-15", "payment", "installment-2", "500.00"],
      ["2026-04-15", "refund", "refund-1+refund-2", "-375.00"], // 0.75 × 1,000 = 750, 375 already returned
    ]);
    expect(r.totals.refunded.toString()).toBe("CNY 750.00");
  });

  it("a payment between two triggers is refunded before the second trigger adds its share", () => {
    const doc = halves([
      { type: "refund", trigger: ["crs"], share: "0.1" },
      { type: "refund", trigger: ["death"], share: "0.2" },
    ]);
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01" }, { kind: "death", date: "2026-05-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-1", "500.00"],
      ["2026-02-01", "refund", "refund-1", "-50.00"], // 0.1 × 500
      ["2026-04-15", "payment", "installment-2", "500.00"],
      ["2026-04-15", "refund", "refund-1", "-50.00"], // 0.1 × 1,000 = 100, 50 already returned
      ["2026-05-01", "refund", "refund-1+refund-2", "-200.00"], // 0.3 × 1,000 = 300, 100 already returned
    ]);
    expect(r.lines[4]!.explanation.text).toBe(
      "Refund of 20% of the amount paid on death: triggered by death on 2026-05-01; 0.1 of payments + 0.2 of payments paid through 2026-05-01 is CNY 300.00, so CNY 200.00 is returned.",
    );
  });

  it("payments listed out of date order are refunded by date", () => {
    // Installment 1 is due at 3 months, installment 2 at start.
    const doc = { currency: "CNY",
      id: "R",
      price: "1000",
      payment: { type: "schedule", installments: [{ share: "0.5", due: { months: 3 } }, { share: "0.5", due: { months: 0 } }] },
      refunds: [{ type: "refund", trigger: ["crs"], share: "0.1" }],
    };
    const r = evaluateContract(doc, [infusion("2026-01-15"), { kind: "crs", date: "2026-02-01" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "installment-2", "500.00"],
      ["2026-02-01", "refund", "refund-1", "-50.00"], // 0.1 × the 500 paid at start
      ["2026-04-15", "payment", "installment-1", "500.00"],
      ["2026-04-15", "refund", "refund-1", "-50.00"], // 0.1 × 1,000 = 100, 50 already returned
    ]);
  });
});
