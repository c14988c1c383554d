import { describe, expect, it } from "vitest";
import {
  type CohortTermInput,
  type ContractEvaluation,
  DomainError,
  evaluateCohortTerms,
  evaluateContract,
  installmentFinancing,
  parseContract,
  schedulePresentValue,
  ValidationError,
} from "../../src/index.js";
import { K1, K2, K3, K6_SOURCE_TABLE, K6_TABLE, K7, K10, k4, k12 } from "./fixtures.js";

/** [date, kind, amount] of every line, amounts as plain decimal strings. */
function rows(r: ContractEvaluation): [string, string, string][] {
  return r.lines.map((l) => [l.date, l.kind, l.amount.toJSON().amount]);
}

const infusion = (date: string) => ({ kind: "infusion", date });

describe("contracts worked examples", () => {
  const k1 = parseContract(K1);

  it("K1: 40/30/30 milestones — no CRS, no relapse → 480,000 + 360,000 + 360,000 = 1,200,000", () => {
    const r = evaluateContract(k1, [infusion("2026-01-15")], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "480000.00"],
      ["2026-04-15", "payment", "360000.00"],
      ["2026-07-15", "payment", "360000.00"],
    ]);
    expect(r.totals.net.toString()).toBe("CNY 1200000.00");
  });

  it("K1: CRS on 2026-01-20 → month-3 milestone withheld, net 840,000", () => {
    const r = evaluateContract(k1, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20", grade: 1 }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-15", "payment", "480000.00"],
      ["2026-04-15", "withheld", "0.00"],
      ["2026-07-15", "payment", "360000.00"],
    ]);
    const withheld = r.lines[1]!;
    expect(withheld.withheld?.toString()).toBe("CNY 360000.00");
    expect(withheld.failedCondition).toEqual({ condition: "no CRS since treatment start", event: { kind: "crs", date: "2026-01-20" } });
    expect(r.totals.net.toString()).toBe("CNY 840000.00"); // 480,000 + 360,000
  });

  it("K1: relapse on 2026-06-02 → month-6 milestone withheld, net 840,000", () => {
    const r = evaluateContract(k1, [infusion("2026-01-15"), { kind: "relapse", date: "2026-06-02" }], "2026-12-31");
    expect(rows(r).map((x) => x[1])).toEqual(["payment", "payment", "withheld"]);
    expect(r.totals.net.toString()).toBe("CNY 840000.00");
  });

  it("K1: both CRS and relapse → only 480,000", () => {
    const r = evaluateContract(k1, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20", grade: 3 }, { kind: "relapse", date: "2026-06-02" }], "2026-12-31");
    expect(rows(r).map((x) => x[1])).toEqual(["payment", "withheld", "withheld"]);
    expect(r.totals.net.toString()).toBe("CNY 480000.00");
    expect(r.totals.withheld.toString()).toBe("CNY 720000.00"); // 360,000 × 2
  });

  it("K1: infusion on 2026-01-31 → due dates clamp to 2026-04-30 and 2026-07-31", () => {
    const r = evaluateContract(k1, [infusion("2026-01-31")], "2026-12-31");
    expect(r.lines.map((l) => l.date)).toEqual(["2026-01-31", "2026-04-30", "2026-07-31"]);
  });

  it("K1: a minimum CRS grade ignores milder CRS", () => {
    const graded = { ...K1, payment: { type: "schedule", installments: K1.payment.installments.map((i) => (i.id === "month-3" ? { ...i, conditions: [{ type: "none", events: [{ kind: "crs", minGrade: 3 }] }] } : i)) } };
    const mild = evaluateContract(graded, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20", grade: 2 }], "2026-12-31");
    expect(mild.totals.net.toString()).toBe("CNY 1200000.00");
    const severe = evaluateContract(graded, [infusion("2026-01-15"), { kind: "crs", date: "2026-01-20", grade: 3 }], "2026-12-31");
    expect(severe.totals.net.toString()).toBe("CNY 840000.00");
  });

  it("K1: a relapse on the due date itself counts (inclusive boundary)", () => {
    const r = evaluateContract(k1, [infusion("2026-01-15"), { kind: "relapse", date: "2026-07-15" }], "2026-12-31");
    expect(r.lines[2]!.kind).toBe("withheld");
  });

  it("K2: 60/40 — progression-free → 720,000 + 480,000; progression → 720,000", () => {
    const well = evaluateContract(K2, [infusion("2026-02-01")], "2027-01-01");
    expect(rows(well)).toEqual([
      ["2026-02-01", "payment", "720000.00"],
      ["2026-08-01", "payment", "480000.00"],
    ]);
    const progressed = evaluateContract(K2, [infusion("2026-02-01"), { kind: "progression", date: "2026-05-10" }], "2027-01-01");
    expect(rows(progressed)).toEqual([
      ["2026-02-01", "payment", "720000.00"],
      ["2026-08-01", "withheld", "0.00"],
    ]);
    expect(progressed.totals.net.toString()).toBe("CNY 720000.00");
  });

  const k3 = parseContract(K3);
  it("K3: all well → 4 × 93,250 on 2026-04-01, 06-01, 09-01, 2027-03-01 = 373,000", () => {
    const r = evaluateContract(k3, [infusion("2026-03-01")], "2027-12-31");
    expect(rows(r)).toEqual([
      ["2026-04-01", "payment", "93250.00"],
      ["2026-06-01", "payment", "93250.00"],
      ["2026-09-01", "payment", "93250.00"],
      ["2027-03-01", "payment", "93250.00"],
    ]);
    expect(r.totals.net.toString()).toBe("USD 373000.00");
    expect(r.totals.refunded.toString()).toBe("USD 0.00");
  });

  it("K3: relapse 2026-07-10 → paid 186,500 (1, 2), clawback −93,250, net 93,250", () => {
    const r = evaluateContract(k3, [infusion("2026-03-01"), { kind: "relapse", date: "2026-07-10" }], "2027-12-31");
    expect(rows(r)).toEqual([
      ["2026-04-01", "payment", "93250.00"],
      ["2026-06-01", "payment", "93250.00"],
      ["2026-07-10", "clawback", "-93250.00"], // 50% × 186,500
      ["2026-09-01", "withheld", "0.00"],
      ["2027-03-01", "withheld", "0.00"],
    ]);
    expect(r.totals.gross.toString()).toBe("USD 186500.00");
    expect(r.totals.refunded.toString()).toBe("USD 93250.00");
    expect(r.totals.net.toString()).toBe("USD 93250.00");
  });

  it("K3: death 2026-12-01 → paid 279,750 (1–3), clawback −139,875, net 139,875", () => {
    const r = evaluateContract(k3, [infusion("2026-03-01"), { kind: "death", date: "2026-12-01" }], "2027-12-31");
    expect(rows(r)).toEqual([
      ["2026-04-01", "payment", "93250.00"],
      ["2026-06-01", "payment", "93250.00"],
      ["2026-09-01", "payment", "93250.00"],
      ["2026-12-01", "clawback", "-139875.00"], // 50% × 279,750
      ["2027-03-01", "withheld", "0.00"],
    ]);
    expect(r.totals.net.toString()).toBe("USD 139875.00");
  });

  it("K3: relapse after 12 months is outside the clawback window", () => {
    const r = evaluateContract(k3, [infusion("2026-03-01"), { kind: "relapse", date: "2027-03-02" }], "2027-12-31");
    expect(r.totals.refunded.toString()).toBe("USD 0.00");
    expect(r.totals.net.toString()).toBe("USD 373000.00");
  });

  it("K3b: present value of the all-well K3 schedule at 3% a year → USD 367,999.97", () => {
    // 93,250 × (1.03^(−1/12) + 1.03^(−3/12) + 1.03^(−6/12) + 1.03^(−1)) = 367,999.97 (spec).
    const r = schedulePresentValue({ contract: K3, annualRate: "0.03" });
    expect(r.presentValue.toString()).toBe("USD 367999.97");
    expect(r.nominal.toString()).toBe("USD 373000.00");
    const same = schedulePresentValue({
      annualRate: 0.03,
      payments: [1, 3, 6, 12].map((m) => ({ amount: { amount: "93250", currency: "USD" }, due: { months: m } })),
    });
    expect(same.presentValue.toString()).toBe("USD 367999.97");
  });

  const months = (start: string, n: number) =>
    Array.from({ length: n }, (_, i) => {
      const d = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1 + i, 1));
      return { kind: "treatedMonth", date: d.toISOString().slice(0, 10) };
    });

  it("K4: 12 months, no progression, bonus from month 7 → 240,000 + 30,000 = 270,000", () => {
    const r = evaluateContract(k4(false), [infusion("2026-01-01"), ...months("2026-01-01", 12)], "2027-01-31");
    expect(r.totals.payments.toString()).toBe("CNY 240000.00"); // 12 × 20,000
    expect(r.totals.bonuses.toString()).toBe("CNY 30000.00"); // months 7–12: 6 × 5,000
    expect(r.totals.net.toString()).toBe("CNY 270000.00");
  });

  it("K4: same, retroactive bonus → 240,000 + 60,000 = 300,000", () => {
    const r = evaluateContract(k4(true), [infusion("2026-01-01"), ...months("2026-01-01", 12)], "2027-01-31");
    expect(r.totals.bonuses.toString()).toBe("CNY 60000.00"); // 12 × 5,000
    expect(r.totals.net.toString()).toBe("CNY 300000.00");
    // Months 1–7 are settled on the assessment date 2026-07-01 in one line: 7 × 5,000.
    expect(r.lines.find((l) => l.kind === "bonus")).toMatchObject({ date: "2026-07-01" });
    expect(r.lines.find((l) => l.kind === "bonus")!.amount.toString()).toBe("CNY 35000.00");
  });

  it("K4: progression after 4 paid months → paid 80,000, refund −40,000, net 40,000", () => {
    const r = evaluateContract(
      k4(false),
      [infusion("2026-01-01"), ...months("2026-01-01", 4), { kind: "progression", date: "2026-04-20" }],
      "2027-01-31",
    );
    expect(r.totals.payments.toString()).toBe("CNY 80000.00"); // 4 × 20,000
    expect(r.totals.refunded.toString()).toBe("CNY 40000.00"); // 50% × 80,000
    expect(r.totals.net.toString()).toBe("CNY 40000.00");
    expect(r.lines.find((l) => l.kind === "refund")).toMatchObject({ date: "2026-04-20", termId: "progression-refund" });
    const bonus = r.lines.find((l) => l.termId === "pfs-6m-bonus")!;
    expect(bonus.kind).toBe("withheld");
    expect(bonus.failedCondition?.event).toEqual({ kind: "progression", date: "2026-04-20" });
  });

  const spending = { amount: "1000000", currency: "CNY" };
  const k5 = { type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" } as const;
  it("K5: ORR 14/40 = 35% < 40% → pay 800,000; 16/40 = 40% (inclusive) → pay 1,000,000", () => {
    const low = evaluateCohortTerms({ terms: [k5], summary: { patients: 40, responders: 14, amount: spending } }).results[0]!;
    expect(low.totals.refunded.toString()).toBe("CNY 200000.00"); // 20% × 1,000,000
    expect(low.totals.net.toString()).toBe("CNY 800000.00");
    const met = evaluateCohortTerms({ terms: [k5], summary: { patients: 40, responders: 16, amount: spending } }).results[0]!;
    expect(met.totals.net.toString()).toBe("CNY 1000000.00");
    expect(met.decision).toBe("target met");
  });

  it("K6: the source table leaves 40–60% uncovered and is rejected naming the gap", () => {
    const run = () =>
      evaluateCohortTerms({
        terms: [{ type: "outcomeTiers", metric: "pfsRate", table: K6_SOURCE_TABLE }],
        summary: { pfsRate: "0.5", amount: { amount: "1200000", currency: "CNY" } },
      });
    expect(run).toThrow(ValidationError);
    try {
      run();
    } catch (e) {
      const issue = (e as ValidationError).issues[0]!;
      expect(issue.path).toEqual(["terms", 0, "table", "bands"]);
      expect(issue.message).toBe("no band covers [0.4, 0.6)");
    }
  });

  it("K6: completed table on CNY 1,200,000 → 85%: 1,200,000; 65%: 840,000; 50%: 480,000; 30%: 0", () => {
    const pay = (rate: string) =>
      evaluateCohortTerms({
        terms: [{ type: "outcomeTiers", metric: "pfsRate", table: K6_TABLE }],
        summary: { pfsRate: rate, amount: { amount: "1200000", currency: "CNY" } },
      }).results[0]!.totals.net.toString();
    expect(pay("0.85")).toBe("CNY 1200000.00");
    expect(pay("0.65")).toBe("CNY 840000.00"); // 70%
    expect(pay("0.5")).toBe("CNY 480000.00"); // 40%
    expect(pay("0.3")).toBe("CNY 0.00");
    expect(pay("0.8")).toBe("CNY 1200000.00"); // lower bound closed
    expect(pay("1")).toBe("CNY 1200000.00"); // domain max included
  });

  it("K7: 50% at start, 50% after 12 months if improved → 2,000,000 / 1,000,000", () => {
    const improved = evaluateContract(K7, [{ kind: "treatmentStart", date: "2026-01-10" }, { kind: "improvement", date: "2026-11-01" }], "2027-06-30");
    expect(rows(improved)).toEqual([
      ["2026-01-10", "payment", "1000000.00"],
      ["2027-01-10", "payment", "1000000.00"],
    ]);
    const not = evaluateContract(K7, [{ kind: "treatmentStart", date: "2026-01-10" }], "2027-06-30");
    expect(not.totals.net.toString()).toBe("CNY 1000000.00");
    expect(not.lines[1]!.failedCondition).toEqual({ condition: "improvement recorded since treatment start", event: null });
  });

  it("K10: 52% at infusion, 48% at 18 months if the response holds → 166,400 / 153,600 or withheld", () => {
    const holds = evaluateContract(K10, [infusion("2026-01-05"), { kind: "assessment", date: "2026-04-05", response: "CR" }], "2027-12-31");
    expect(rows(holds)).toEqual([
      ["2026-01-05", "payment", "166400.00"],
      ["2027-07-05", "payment", "153600.00"],
    ]);
    const lost = evaluateContract(
      K10,
      [infusion("2026-01-05"), { kind: "assessment", date: "2026-04-05", response: "PR" }, { kind: "relapse", date: "2027-01-01" }],
      "2027-12-31",
    );
    expect(rows(lost)).toEqual([
      ["2026-01-05", "payment", "166400.00"],
      ["2027-07-05", "withheld", "0.00"],
    ]);
    expect(lost.lines[1]!.withheld!.toString()).toBe("EUR 153600.00");
  });

  const mea = (extra: Record<string, unknown>) =>
    evaluateCohortTerms({
      terms: [{ type: "managedEntry", currency: "EUR", pricePerCycle: "10000", cyclesBeforeEvaluation: 3, ...extra } as never],
      summary: { patients: 100, nonResponders: 30 },
    }).results[0]!;
  it("K11: Italian MEAs on 100 patients × 3 cycles at EUR 10,000, 30 non-responders", () => {
    const risk = mea({ nonResponderRefund: "0.5" });
    expect(risk.totals.gross.toString()).toBe("EUR 3000000.00"); // 100 × 3 × 10,000
    expect(risk.totals.refunded.toString()).toBe("EUR 450000.00"); // 30 × 30,000 × 50%
    expect(risk.totals.net.toString()).toBe("EUR 2550000.00");
    const pbr = mea({ nonResponderRefund: "1" });
    expect(pbr.totals.refunded.toString()).toBe("EUR 900000.00");
    expect(pbr.totals.net.toString()).toBe("EUR 2100000.00");
    const fee = mea({ upfront: "free" });
    expect(fee.totals.gross.toString()).toBe("EUR 2100000.00"); // 70 × 30,000
    expect(fee.totals.refunded.toString()).toBe("EUR 0.00");
    // Cost sharing: 50% off cycles 1–2, one patient on a 6-cycle course: 2 × 5,000 + 4 × 10,000.
    const cost = evaluateCohortTerms({
      terms: [{ type: "managedEntry", currency: "EUR", pricePerCycle: "10000", cyclesBeforeEvaluation: 3, discount: { firstCycles: 2, rate: "0.5" } }],
      summary: { patients: 1, nonResponders: 0, cyclesAfterEvaluation: 3 },
    }).results[0]!;
    expect(cost.totals.net.toString()).toBe("EUR 50000.00");
    // Cycles after a positive evaluation are paid in full under every scheme: 70 responders × 2 more cycles.
    const after = evaluateCohortTerms({
      terms: [{ type: "managedEntry", currency: "EUR", pricePerCycle: "10000", cyclesBeforeEvaluation: 3, nonResponderRefund: "1" }],
      summary: { patients: 100, nonResponders: 30, cyclesAfterEvaluation: 2 },
    }).results[0]!;
    expect(after.totals.net.toString()).toBe("EUR 3500000.00"); // 2,100,000 + 70 × 20,000
  });

  it("K12: USD 2,125,000 over 5 annual payments → 425,000 at 0%, 464,003.46 at 3%; stops at failure", () => {
    expect(installmentFinancing({ principal: { amount: "2125000", currency: "USD" }, periodicRate: "0", periods: 5 }).payment.toString()).toBe("USD 425000.00");
    const at3 = installmentFinancing({ principal: { amount: "2125000", currency: "USD" }, periodicRate: "0.03", periods: 5 });
    expect(at3.payment.toString()).toBe("USD 464003.46");
    expect(at3.total.toString()).toBe("USD 2320017.30"); // 5 × 464,003.46
    const well = evaluateContract(k12("0.03", true), [infusion("2026-01-01")], "2031-12-31");
    expect(rows(well).map((x) => x[2])).toEqual(Array(5).fill("464003.46"));
    expect(well.lines.map((l) => l.date)).toEqual(["2026-01-01", "2027-01-01", "2028-01-01", "2029-01-01", "2030-01-01"]);
    const failed = evaluateContract(k12("0.03", true), [infusion("2026-01-01"), { kind: "progression", date: "2027-06-01" }], "2031-12-31");
    expect(rows(failed).map((x) => x[1])).toEqual(["payment", "payment", "withheld", "withheld", "withheld"]);
    expect(failed.totals.net.toString()).toBe("USD 928006.92"); // 2 × 464,003.46
    const zero = evaluateContract(k12("0", false), [infusion("2026-01-01")], "2031-12-31");
    expect(zero.totals.net.toString()).toBe("USD 2125000.00");
  });

  it("K1: contract versions — a patient is settled under the version in effect at treatment start", () => {
    const v1 = { ...K1, version: "2025", effective: { from: "2025-01-01", to: "2026-03-01" } };
    const v2 = {
      ...K1,
      version: "2026",
      effective: { from: "2026-03-01" },
      payment: { type: "schedule", installments: [{ share: "1", due: { months: 0 } }] },
    };
    const set = { versions: [v2, v1] };
    const old = evaluateContract(set, [infusion("2026-02-28"), { kind: "crs", date: "2026-03-02" }], "2026-12-31");
    expect(old.version).toBe("2025");
    expect(old.totals.net.toString()).toBe("CNY 840000.00");
    const fresh = evaluateContract(set, [infusion("2026-03-01"), { kind: "crs", date: "2026-03-02" }], "2026-12-31");
    expect(fresh.version).toBe("2026");
    expect(fresh.totals.net.toString()).toBe("CNY 1200000.00");
    expect(() => evaluateContract({ versions: [v1] }, [infusion("2026-03-01")], "2026-12-31")).toThrow(
      expect.objectContaining({ code: "NO_APPLICABLE_TERMS" }) as DomainError,
    );
  });
});
