// Issue 15 items 1 and 5: the corrected rules of corrections.md (C1 for K3 here) and exact
// shares. Every expected figure is worked by hand in the comment next to it.
import { describe, expect, it } from "vitest";
import { type ContractEvaluation, evaluateCohortTerms, evaluateContract, evaluateContractMinorUnits, parseContract } from "../../src/index.js";
import { K3 } from "./fixtures.js";
import { issues } from "../typed-errors.js";

function rows(r: ContractEvaluation): [string, string, string][] {
  return r.lines.map((l) => [l.date, l.kind, l.amount.toJSON().amount]);
}
const infusion = (date: string) => ({ kind: "infusion", date });
const withFraction = (f: string) => ({ ...K3, refunds: [{ ...K3.refunds[0]!, clawbackFraction: f }] });

describe("K3 corrected (C1): the clawback fraction is the contract's, 0 ≤ f ≤ 0.5", () => {
  // K3: 4 × 93,250.00 due 2026-04-01, 06-01, 09-01, 2027-03-01, each on "alive, no relapse, no SAE".
  it("K3c: relapse 2026-07-10, f = 0.5 (the cap) → paid 186,500.00, clawback −93,250.00, net 93,250.00", () => {
    const r = evaluateContract(withFraction("0.5"), [infusion("2026-03-01"), { kind: "relapse", date: "2026-07-10" }], "2027-12-31");
    // Paid before the relapse: installments 1, 2 = 2 × 93,250 = 186,500; 0.5 × 186,500 = 93,250; net 186,500 − 93,250 = 93,250.
    expect(rows(r)).toEqual([
      ["2026-04-01", "payment", "93250.00"],
      ["2026-06-01", "payment", "93250.00"],
      ["2026-07-10", "clawback", "-93250.00"],
      ["2026-09-01", "withheld", "0.00"],
      ["2027-03-01", "withheld", "0.00"],
    ]);
    expect([r.totals.gross, r.totals.refunded, r.totals.net].map(String)).toEqual(["USD 186500.00", "USD 93250.00", "USD 93250.00"]);
  });

  it("K3d: death 2026-12-01, f = 0.5 → paid 279,750.00, clawback −139,875.00, net 139,875.00", () => {
    const r = evaluateContract(withFraction("0.5"), [infusion("2026-03-01"), { kind: "death", date: "2026-12-01" }], "2027-12-31");
    // Installments 1–3 = 3 × 93,250 = 279,750; 0.5 × 279,750 = 139,875; net 139,875.
    expect([r.totals.gross, r.totals.refunded, r.totals.net].map(String)).toEqual(["USD 279750.00", "USD 139875.00", "USD 139875.00"]);
    expect(r.lines.find((l) => l.kind === "clawback")!.date).toBe("2026-12-01");
  });

  it("K3e: relapse 2026-07-10, f = 0.3 → paid 186,500.00, clawback −55,950.00, net 130,550.00", () => {
    const r = evaluateContract(withFraction("0.3"), [infusion("2026-03-01"), { kind: "relapse", date: "2026-07-10" }], "2027-12-31");
    // 0.3 × 186,500 = 55,950; net 186,500 − 55,950 = 130,550.
    expect([r.totals.gross, r.totals.refunded, r.totals.net].map(String)).toEqual(["USD 186500.00", "USD 55950.00", "USD 130550.00"]);
    expect(r.lines.find((l) => l.kind === "clawback")!.label).toBe("Clawback of 30% of the amount paid on death or relapse within 12 months of treatment start");
  });

  it("K3f: death 2026-12-01, f = 0.3 → paid 279,750.00, clawback −83,925.00, net 195,825.00", () => {
    const events = [infusion("2026-03-01"), { kind: "death", date: "2026-12-01" }];
    const r = evaluateContract(withFraction("0.3"), events, "2027-12-31");
    // 0.3 × 279,750 = 83,925; net 279,750 − 83,925 = 195,825.
    expect([r.totals.gross, r.totals.refunded, r.totals.net].map(String)).toEqual(["USD 279750.00", "USD 83925.00", "USD 195825.00"]);
    expect(evaluateContractMinorUnits(parseContract(withFraction("0.3")), events, "2027-12-31").totals.net).toBe(19_582_500n);
  });

  it("K3g: f = 0.6 is rejected at clawbackFraction: above the 50% cap", () => {
    expect(issues(() => parseContract(withFraction("0.6")))).toEqual([
      { path: ["refunds", 0, "clawbackFraction"], code: "custom", message: "the clawback fraction 0.6 is above the contract's cap 0.5" },
    ]);
    // f = 0 is allowed (0 ≤ f): nothing is clawed back.
    const none = evaluateContract(withFraction("0"), [infusion("2026-03-01"), { kind: "death", date: "2026-12-01" }], "2027-12-31");
    expect(none.totals.refunded.toString()).toBe("USD 0.00");
  });

  it("K3: a clawback without its fraction is rejected naming clawbackFraction (no default)", () => {
    const { clawbackFraction: _f, ...noFraction } = K3.refunds[0]!;
    expect(issues(() => parseContract({ ...K3, refunds: [noFraction] }))).toEqual([
      { path: ["refunds", 0, "clawbackFraction"], code: "custom", message: "a clawback states its fraction of the amount paid (clawbackFraction): there is no default" },
    ]);
    expect(issues(() => parseContract({ ...K3, refunds: [{ ...K3.refunds[0]!, share: "0.5" }] })).map((i) => i.path)).toEqual([["refunds", 0, "share"]]);
  });
});

describe("exact shares (issue 15 item 5)", () => {
  const tranches = (shares: (string | number)[]) => ({
    id: "three-tranches",
    currency: "EUR",
    price: "320000.00",
    payment: { type: "schedule", installments: shares.map((share, k) => ({ share, due: { months: 6 * k } })) },
  });

  it("three tranches of 1/3 of EUR 320,000.00 are 106,666.67 / 106,666.67 / 106,666.66 (largest remainder)", () => {
    // 320,000.00 = 32,000,000 cents; ÷ 3 = 10,666,666 r 2: the two leftover cents go to the
    // first two tranches (equal remainders, in order): 106,666.67 + 106,666.67 + 106,666.66 = 320,000.00.
    const r = evaluateContract(tranches(["1/3", "1/3", "1/3"]), [infusion("2026-01-01")], "2027-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-01", "payment", "106666.67"],
      ["2026-07-01", "payment", "106666.67"],
      ["2027-01-01", "payment", "106666.66"],
    ]);
    expect(r.totals.net.toString()).toBe("EUR 320000.00");
    expect(r.lines[0]!.label).toBe("Installment 1 (1/3 of the price, due treatment start)");
  });

  it("decimals and fractions mix, and the sum is checked exactly: 1/3 + 0.5 + 1/6 = 1", () => {
    // 1/3 + 1/2 + 1/6 = (2 + 3 + 1)/6 = 1. Parts of 32,000,000 cents: 10,666,666.67 → 10,666,666 r ⅔;
    // 16,000,000 exactly; 5,333,333.33 → 5,333,333 r ⅓: one cent left, to the largest remainder (⅔, the first).
    const r = evaluateContract(tranches(["1/3", "0.5", "1/6"]), [infusion("2026-01-01")], "2027-12-31");
    expect(rows(r).map((x) => x[2])).toEqual(["106666.67", "160000.00", "53333.33"]);
    // 0.3333333333 × 3 is not 1: refused, where a rounding check would have let it through.
    expect(() => parseContract(tranches(["0.3333333333", "0.3333333333", "0.3333333334"]))).not.toThrow();
    expect(issues(() => parseContract(tranches(["0.3333333333", "0.3333333333", "0.3333333333"])))).toEqual([
      { path: ["payment", "installments"], code: "custom", message: "installment shares must sum to exactly 1 (100%), got 0.9999999999" },
    ]);
  });

  it('bad shares are typed errors with the path: "1/0", "2/3" + "2/3", "3/2", "1/3x"', () => {
    expect(issues(() => parseContract(tranches(["1/0", "1"])))).toEqual([
      { path: ["payment", "installments", 0, "share"], code: "custom", message: "1/0 is undefined: a fraction's denominator is a whole number ≥ 1" },
    ]);
    expect(issues(() => parseContract(tranches(["2/3", "2/3"])))).toEqual([
      { path: ["payment", "installments"], code: "custom", message: "installment shares must sum to exactly 1 (100%), got 4/3" },
    ]);
    expect(issues(() => parseContract(tranches(["3/2"])))[0]!.path).toEqual(["payment", "installments", 0, "share"]);
    expect(issues(() => parseContract(tranches(["1/3x", "2/3"])))[0]!.path).toEqual(["payment", "installments", 0, "share"]);
  });

  it("a refund share may be a fraction: 1/3 of EUR 300.00 paid is 100.00; refund shares are summed exactly", () => {
    const doc = {
      id: "R",
      currency: "EUR",
      price: "300.00",
      payment: { type: "schedule", installments: [{ share: "1", due: {} }] },
      refunds: [{ type: "refund", trigger: ["relapse"], share: "1/3" }],
    };
    const r = evaluateContract(doc, [infusion("2026-01-01"), { kind: "relapse", date: "2026-02-01" }], "2026-12-31");
    // 300.00 × 1/3 = 100.00 exactly.
    expect(r.totals.refunded.toString()).toBe("EUR 100.00");
    expect(r.lines[1]!.label).toBe("Refund of 1/3 of the amount paid on relapse");
    // 2/3 + 1/2 = 7/6 > 1.
    expect(issues(() => parseContract({ ...doc, refunds: [{ ...doc.refunds[0]!, share: "2/3" }, { type: "clawback", trigger: ["death"], clawbackFraction: "0.5" }] }))).toEqual([
      { path: ["refunds"], code: "custom", message: "refund and clawback shares together exceed 1 (7/6): more than was paid could be returned" },
    ]);
  });
});

describe("K8 corrected (C2): the 6-month rule is per patient, after a required test", () => {
  // Provincial variant: 150,000 a year = 12,500 a month; the fund pays 0.8 × 12,500 = 10,000
  // a month, at most 120,000 a treatment year; reward 10,000 per patient who meets the rule.
  const k8 = { type: "continuationGate" as const, currency: "CNY", assessAtMonths: 6, continueOn: ["CR" as const, "PR" as const], monthlyCost: "12500", fundShare: "0.8", fundCapPerYear: "120000", rewardPerPatient: "10000", rewardPayee: "the programme" };
  const outcome = (id: string, response: "CR" | "PR" | "SD" | "PD" | null, monthsTreated = 12, testGate: "pass" | "NO_TEST" = "pass") => ({ id, testGate, responseAtAssessment: response, monthsTreated });
  const settle = (patientOutcomes: ReturnType<typeof outcome>[]) => evaluateCohortTerms({ terms: [k8], summary: { patientOutcomes } }).results[0]!;

  it("K8: 10 patients, 7 with CR/PR at 6 months (cohort ORR 70%) → 7 continue, 3 exit", () => {
    const r = settle([...Array.from({ length: 7 }, (_, i) => outcome(`r${i}`, i % 2 === 0 ? "CR" : "PR")), outcome("s1", "SD"), outcome("s2", "PD"), outcome("s3", "SD")]);
    expect(r.patients!.map((p) => p.status)).toEqual([...Array(7).fill("continues"), "exits", "exits", "exits"]);
    expect(r.metric).toEqual({ name: "orr", value: "0.7" });
    expect(r.continued).toBe(true);
    // Fund: 7 × 120,000 + 3 × 6 × 10,000 = 840,000 + 180,000 = 1,020,000; rewards 7 × 10,000 = 70,000.
    expect(r.lines.find((l) => l.kind === "payment")!.amount.toString()).toBe("CNY 1020000.00");
    expect(r.lines.find((l) => l.kind === "reward")!.amount.toString()).toBe("CNY 70000.00");
  });

  it("K8b: 10 patients, 2 with CR/PR (cohort ORR 20%) → 2 continue, 8 exit; the drug is not delisted", () => {
    const r = settle([outcome("a", "CR"), outcome("b", "PR"), ...Array.from({ length: 8 }, (_, i) => outcome(`n${i}`, "SD"))]);
    expect(r.patients!.filter((p) => p.status === "continues").length).toBe(2);
    expect(r.patients!.filter((p) => p.status === "exits").length).toBe(8);
    expect(r.continued).toBe(true);
    expect(r.explanation.at(-1)!.text).toBe("2 of 10 patient(s) meet the rule (cohort rate 20%). The rate is reported for the listing's re-evaluation; it does not delist the drug or change any patient's result.");
  });

  it("K8c: provincial, CR/PR at 6 months, 12 months treated → fund 120,000.00, patient 30,000.00, reward 10,000.00", () => {
    const p = settle([outcome("c", "PR")]).patients![0]!;
    // 12 × 10,000 = 120,000 (= the cap); patient 12 × 2,500 = 30,000; reward 10,000 outside the ceiling.
    expect([p.fund, p.patient, p.selfPay, p.reward].map(String)).toEqual(["CNY 120000.00", "CNY 30000.00", "CNY 0.00", "CNY 10000.00"]);
  });

  it("K8d: provincial, SD at 6 months → months 1–6 fund 60,000.00, patient 15,000.00; months 7–12 self-pay 75,000.00; no reward", () => {
    const r = settle([outcome("d", "SD")]);
    const p = r.patients![0]!;
    // 6 × 10,000 = 60,000; 6 × 2,500 = 15,000; 6 × 12,500 = 75,000.
    expect([p.fund, p.patient, p.selfPay, p.reward].map(String)).toEqual(["CNY 60000.00", "CNY 15000.00", "CNY 75000.00", "CNY 0.00"]);
    expect(r.explanation[0]!.text).toBe(
      "Patient d: 6 month(s) under the listing, the fund paying 80% of CNY 12,500.00 a month (at most CNY 120,000.00 a treatment year): fund CNY 60,000.00, patient CNY 15,000.00; the 6-month assessment records SD: the patient exits; 6 later month(s) are self-paid (or go to a charity programme): CNY 75,000.00.",
    );
  });

  it("K8e: no EGFR result on or before the course start → every claim NO_TEST, fund 0.00", () => {
    const r = settle([outcome("e", "CR", 12, "NO_TEST")]);
    expect(r.patients![0]!.status).toBe("NO_TEST");
    expect(r.patients![0]!.fund.toString()).toBe("CNY 0.00");
    expect(r.patients![0]!.reward.toString()).toBe("CNY 0.00");
  });

  it("K8: a month-7+ claim waits while the assessment is not recorded; a reward needs a payee; bad input is typed", () => {
    const p = settle([outcome("h", null, 9)]).patients![0]!;
    // 6 months listed: fund 60,000, patient 15,000; months 7–9 held: 3 × 12,500 = 37,500.
    expect([p.status, p.fund, p.held].map(String)).toEqual(["held", "CNY 60000.00", "CNY 37500.00"]);
    const { rewardPayee: _p, ...noPayee } = k8;
    expect(issues(() => evaluateCohortTerms({ terms: [noPayee], summary: { patientOutcomes: [] } })).map((i) => i.path)).toEqual([["terms", 0, "rewardPayee"]]);
    expect(issues(() => evaluateCohortTerms({ terms: [k8], summary: {} }))[0]!.path).toEqual(["summary", "patientOutcomes"]);
  });
});

describe("K9 corrected (C3): a 10-point gap triggers renegotiation, not a price cut", () => {
  const k9 = { type: "evidenceRepricing", currency: "CNY", price: "15000", reimbursementRatio: "0.7", renegotiateAtGap: "0.10" } as const;
  const run = (term: Record<string, unknown>, realWorldOrr: string) => evaluateCohortTerms({ terms: [{ ...k9, ...term } as never], summary: { trialOrr: "0.65", realWorldOrr, realWorldRecordedOn: "2026-06-30" } }).results[0]!;

  it("K9: trial 0.65, real-world 0.54 recorded 2026-06-30 → gap 0.11, renegotiation triggered 2026-06-30; price stays 15,000.00", () => {
    const r = run({}, "0.54");
    // gap = 0.65 − 0.54 = 0.11 ≥ 0.10.
    expect(r.renegotiation).toEqual({ triggered: true, date: "2026-06-30", gap: "0.11", trialOrr: "0.65", realWorldOrr: "0.54", threshold: "0.1" });
    expect(r.adjustedPrice!.toString()).toBe("CNY 15000.00");
    expect(r.explanation[0]!.text).toBe(
      "Real-world ORR 54%, recorded 2026-06-30, is below the trial's 65% by 11% (≥ 10%): a renegotiation of the price is triggered on 2026-06-30. The price (CNY 15,000.00) and the reimbursement ratio do not change at the trigger; a renegotiated price applies from its effective date.",
    );
  });

  it("K9b: renegotiated to 12,750 from 2026-10-01 → service 2026-09-30: 15,000.00; 2026-10-01: 12,750.00", () => {
    const r = run({ renegotiatedPrices: [{ price: "12750", effective: "2026-10-01" }], serviceDates: ["2026-09-30", "2026-10-01"] }, "0.54");
    expect(r.onServiceDates!.map((d) => [d.date, d.price.toString()])).toEqual([
      ["2026-09-30", "CNY 15000.00"],
      ["2026-10-01", "CNY 12750.00"],
    ]);
    // A renegotiated price without a trigger, or dated before it, is refused.
    expect(() => run({ renegotiatedPrices: [{ price: "12750", effective: "2026-10-01" }] }, "0.60")).toThrow(/needs a triggered renegotiation/);
    expect(() => run({ renegotiatedPrices: [{ price: "12750", effective: "2026-06-01" }] }, "0.54")).toThrow(/on or after the trigger/);
  });

  it("K9c: real-world 0.56 → gap 0.09, no trigger; 0.55 → gap 0.10, triggered (inclusive)", () => {
    expect(run({}, "0.56").renegotiation!.triggered).toBe(false);
    expect(run({}, "0.56").decision).toBe("no renegotiation");
    expect(run({}, "0.55").renegotiation!.triggered).toBe(true);
    expect(run({}, "0.55").decision).toBe("renegotiation triggered 2026-06-30");
  });

  it("K9d: upward finding, ratio 0.70 → 0.80 from its decision date, price 15,000 → fund 10,500.00 → 12,000.00", () => {
    const r = run({ ratioDecisions: [{ ratio: "0.8", decided: "2027-01-01" }], serviceDates: ["2026-12-31", "2027-01-01"] }, "0.70");
    // 15,000 × 0.70 = 10,500; 15,000 × 0.80 = 12,000; the price is unchanged.
    expect(r.onServiceDates!.map((d) => [d.date, d.price.toString(), d.ratio, d.fund!.toString()])).toEqual([
      ["2026-12-31", "CNY 15000.00", "0.7", "CNY 10500.00"],
      ["2027-01-01", "CNY 15000.00", "0.8", "CNY 12000.00"],
    ]);
  });

  it("K9e: superiority uplift u = 0.10 / 0.15 / 0.20 on 15,000 → 16,500.00 / 17,250.00 / rejected", () => {
    // 15,000 × 1.10 = 16,500; 15,000 × 1.15 = 17,250; 0.20 is outside [0.10, 0.15].
    expect(run({ superiorityUplift: "0.10" }, "0.65").adjustedPrice!.toString()).toBe("CNY 16500.00");
    expect(run({ superiorityUplift: "0.15" }, "0.65").adjustedPrice!.toString()).toBe("CNY 17250.00");
    expect(issues(() => run({ superiorityUplift: "0.20" }, "0.65"))).toEqual([
      { path: ["terms", 0, "superiorityUplift"], code: "custom", message: "a superiority uplift is between 0.10 and 0.15 inclusive (corrections C3), got 0.2" },
    ]);
  });
});

describe("explanations that do not mislead (issue 15 item 7)", () => {
  it("a windowed condition that fails because the event came a day late says so, with the event's date", () => {
    const doc = {
      id: "day-30",
      currency: "CNY",
      price: "100000.00",
      payment: { type: "schedule", installments: [{ share: "1", due: { days: 30 }, conditions: [{ type: "some", events: [{ kind: "assessment", responses: ["CR"] }], within: { days: 30 } }] }] },
    };
    // Start 2026-01-01; the window and the due date end on day 30 = 2026-01-31; the CR is on 2026-02-01.
    const r = evaluateContract(doc, [infusion("2026-01-01"), { kind: "assessment", date: "2026-02-01", response: "CR" }], "2026-12-31");
    expect(r.lines[0]!.failedCondition).toEqual({
      condition: "assessment CR recorded within 30 days of treatment start",
      event: null,
      outsideWindow: { kind: "assessment", date: "2026-02-01", windowEnd: "2026-01-31" },
    });
    expect(r.lines[0]!.explanation.text).toBe(
      'Installment 1 (100% of the price, due 30 days after treatment start) fell due on 2026-01-31 and is withheld (CNY 100,000.00): "assessment CR recorded within 30 days of treatment start" did not hold by 2026-01-31: the assessment recorded on 2026-02-01 is outside the window.',
    );
    // With no such event at all, the old wording stands.
    const none = evaluateContract(doc, [infusion("2026-01-01")], "2026-12-31");
    expect(none.lines[0]!.explanation.text).toContain('did not hold (no such event recorded)');
  });

  it("cohort explanations print amounts with the currency's formatting", () => {
    const r = evaluateCohortTerms({ terms: [{ type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" }], summary: { patients: 40, responders: 14, amount: { amount: "3000000", currency: "EUR" } } }).results[0]!;
    // 14/40 = 35% < 40%: 0.2 × 3,000,000 = 600,000 deducted; payable 2,400,000.
    expect(r.explanation.map((s) => s.text)).toEqual(["ORR 35% is below the target 40%: 20% of EUR 3,000,000.00 is deducted.", "Payable: EUR 2,400,000.00."]);
  });
});
