// Cohort terms (K5, K6, K11 and others): the wording of each decision, metrics from counts,
// bands, and the errors and steps of evaluateCohortTerms.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { evaluateCohortTerms } from "../../src/index.js";
import { domainError, issues, validationError } from "../typed-errors.js";

/** Money and Decimal inputs as their JSON (Money → { amount, currency }, Decimal → string). */
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

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

describe("cohort terms: metrics, errors and steps", () => {
  const amount = { amount: "1000000", currency: "CNY" };
  const k5 = { type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" } as const;
  const pfs = { ...k5, metric: "pfsRate" } as const;

  it("patients alone give no rate; too many progression-free patients is inconsistent", () => {
    expect(issues(() => evaluateCohortTerms({ terms: [k5], summary: { patients: 4, amount } }))).toEqual([
      { path: ["summary", "responders"], code: "missing_metric", message: "the ORR needs `orr` or `responders` and `patients`" },
    ]);
    expect(issues(() => evaluateCohortTerms({ terms: [pfs], summary: { patients: 4, amount } }))).toEqual([
      { path: ["summary", "pfsRate"], code: "missing_metric", message: "the PFS rate needs `pfsRate` or `progressionFree` and `patients`" },
    ]);
    const e = domainError(() => evaluateCohortTerms({ terms: [pfs], summary: { patients: 4, progressionFree: 5, amount } }));
    expect([e.code, e.path, e.message]).toEqual(["INCONSISTENT_INPUT", ["summary", "progressionFree"], "summary.progressionFree: progressionFree (5) exceeds patients (4)"]);
  });

  it("a performance deduction lists its metric, target, rate and amount", () => {
    // 14/40 = 0.35.
    const r = evaluateCohortTerms({ terms: [k5], summary: { patients: 40, responders: 14, amount } }).results[0]!;
    expect(json(r.explanation[0]!.inputs)).toEqual({ metric: "0.35", target: "0.4", deductionRate: "0.2", amount: { amount: "1000000.00", currency: "CNY" } });
  });

  const table = {
    domain: { min: 0, max: 1 },
    bands: [
      { from: "0", to: "0.6", value: "0.5" },
      { from: "0.6", to: "1", value: "1" },
    ],
  };
  it("a tier table names its rules, inputs and metric, and needs the amount", () => {
    const r = evaluateCohortTerms({ terms: [{ type: "outcomeTiers", metric: "pfsRate", table }], summary: { pfsRate: "0.3", amount } }).results[0]!;
    // 0.3 is in [0, 0.6): 0.5 × 1,000,000 = 500,000 paid and 500,000 not paid.
    expect(r.explanation.map((s) => [s.rule, json(s.inputs), s.amount!.toString()])).toEqual([
      ["contracts.cohort.tier", { metric: "0.3", share: "0.5", amount: { amount: "1000000.00", currency: "CNY" } }, "CNY 500000.00"],
      ["contracts.cohort.tier-withheld", {}, "CNY 500000.00"],
    ]);
    expect(r.metric).toEqual({ name: "pfsRate", value: "0.3" });
    expect(issues(() => evaluateCohortTerms({ terms: [{ type: "outcomeTiers", metric: "pfsRate", table }], summary: { pfsRate: "0.3" } }))).toEqual([
      { path: ["summary", "amount"], code: "missing_field", message: "this term needs summary.amount" },
    ]);
    // A table over [0, 0.5] cannot place 0.7: the error points at the summary's metric.
    const narrow = { domain: { min: 0, max: 0.5 }, bands: [{ from: "0", to: "0.5", value: "1" }] };
    const e = domainError(() => evaluateCohortTerms({ terms: [{ type: "outcomeTiers", metric: "pfsRate", table: narrow }], summary: { pfsRate: "0.7", amount } }));
    expect([e.code, e.path]).toEqual(["OUT_OF_DOMAIN", ["summary", "pfsRate"]]);
  });

  const mea = { type: "managedEntry", currency: "EUR", pricePerCycle: "10000", cyclesBeforeEvaluation: 3 } as const;
  it("a managed-entry agreement names its line kinds, rules and inputs", () => {
    const risk = evaluateCohortTerms({ terms: [{ ...mea, nonResponderRefund: "0.5" }], summary: { patients: 100, nonResponders: 30, cyclesAfterEvaluation: 2 } }).results[0]!;
    expect(risk.lines.map((l) => l.kind)).toEqual(["payment", "refund", "payment"]);
    // 3 cycles × 10,000 = 30,000 per patient before evaluation; 100 − 30 = 70 responders.
    expect(risk.explanation.map((s) => [s.rule, json(s.inputs)])).toEqual([
      ["contracts.cohort.mea.upfront", { patients: 100, perPatient: { amount: "30000.00", currency: "EUR" } }],
      ["contracts.cohort.mea.refund", { nonResponders: 30, refundRate: "0.5" }],
      ["contracts.cohort.mea.after", { responders: 70, cyclesAfterEvaluation: 2 }],
      ["contracts.cohort.net", {}],
    ]);
    const fee = evaluateCohortTerms({ terms: [{ ...mea, upfront: "free" }], summary: { patients: 100, nonResponders: 30 } }).results[0]!;
    expect(fee.lines.map((l) => l.kind)).toEqual(["payment"]);
    expect(fee.explanation.map((s) => [s.rule, json(s.inputs)])).toEqual([
      ["contracts.cohort.mea.success-fee", { responders: 70, perPatient: { amount: "30000.00", currency: "EUR" } }],
      ["contracts.cohort.net", {}],
    ]);
  });

  it("a managed-entry agreement needs patients and non-responders, no more of them than patients", () => {
    expect(issues(() => evaluateCohortTerms({ terms: [mea], summary: { nonResponders: 1 } }))).toEqual([
      { path: ["summary", "patients"], code: "missing_field", message: "this term needs summary.patients" },
    ]);
    expect(issues(() => evaluateCohortTerms({ terms: [mea], summary: { patients: 1 } }))).toEqual([
      { path: ["summary", "nonResponders"], code: "missing_field", message: "this term needs summary.nonResponders" },
    ]);
    expect(domainError(() => evaluateCohortTerms({ terms: [mea], summary: { patients: 4, nonResponders: 5 } })).code).toBe("INCONSISTENT_INPUT");
  });

  it("schema errors name evaluateCohortTerms", () => {
    expect(validationError(() => evaluateCohortTerms({ terms: [], summary: {} })).message).toMatch(/^evaluateCohortTerms: invalid input — terms: /);
  });
});
