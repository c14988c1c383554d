// Hand-computed agreements with declared outcomes, deadlines and per-cycle pricing.
import { describe, expect, it } from "vitest";
import { evaluateContract, evaluateContractMinorUnits, parseContract } from "../../../src/index.js";
import { geneTherapy, hosp, italianDrug, italianEvents, SICKLE_CELL, ti } from "./fixtures.js";

const net = (r: { totals: { net: { amount: { toFixed(n: number): string } } } }) => r.totals.net.amount.toFixed(2);
const rows = (r: ReturnType<typeof evaluateContract>) => r.lines.map((l) => [l.date, l.kind, l.amount.amount.toFixed(2), ...(l.withheld ? [l.withheld.amount.toFixed(2)] : [])]);

describe("gene therapy: never transfusion independent by month 24 → 80% refund", () => {
  const gt = parseContract(geneTherapy());
  const start = { kind: "infusion", date: "2026-03-15" };
  // Deadline 2026-03-15 + 24 months = 2028-03-15. Refund 0.8 × 2,800,000.00 = 2,240,000.00; net 560,000.00.
  it("independence shown on 2027-01-10: no refund, net 2,800,000.00", () => {
    const r = evaluateContract(gt, [start, ti("2026-09-15", false), ti("2027-01-10")], "2029-01-01");
    expect(net(r)).toBe("2800000.00");
    expect(r.lines).toHaveLength(1);
  });
  it("negative assessments only: refund 2,240,000.00 dated on the deadline; the explanation names what was missing and the last assessment", () => {
    const r = evaluateContract(gt, [start, ti("2026-09-15", false), ti("2027-03-15", false), ti("2028-03-01", false)], "2029-01-01");
    expect(rows(r)).toEqual([
      ["2026-03-15", "payment", "2800000.00"],
      ["2028-03-15", "refund", "-2240000.00"],
    ]);
    expect(net(r)).toBe("560000.00");
    const text = r.lines[1]!.explanation.text;
    expect(text).toContain('"transfusionIndependence with independent = true recorded since treatment start" was not met by 2028-03-15');
    expect(text).toContain("last assessment on file: transfusionIndependence on 2028-03-01");
    expect(r.lines[1]!.explanation.rule).toBe("contracts.refund");
  });
  it("no assessment recorded: told apart from a negative one, and counted as the contract says", () => {
    const missed = evaluateContract(gt, [start], "2029-01-01");
    expect(net(missed)).toBe("560000.00");
    expect(missed.lines[1]!.explanation.text).toContain("no assessment (transfusionIndependence) was recorded by 2028-03-15");
    expect(missed.lines[1]!.explanation.text).toContain("counts a missing assessment as missed");
    const lenient = evaluateContract(parseContract(geneTherapy("met")), [start], "2029-01-01");
    expect(net(lenient)).toBe("2800000.00");
  });
  it("the deadline day is included; before it nothing is decided (append-only)", () => {
    expect(net(evaluateContract(gt, [start, ti("2028-03-15")], "2029-01-01"))).toBe("2800000.00");
    expect(net(evaluateContract(gt, [start, ti("2028-03-16")], "2029-01-01"))).toBe("560000.00");
    expect(evaluateContract(gt, [start], "2028-03-14").lines).toHaveLength(1);
  });
  it("the bulk path gives the same minor units", () => {
    const b = evaluateContractMinorUnits(gt, [start], "2029-01-01");
    expect(b.lines.map((l) => [l.date, l.kind, l.units])).toEqual([
      ["2026-03-15", "payment", 280000000n],
      ["2028-03-15", "refund", -224000000n],
    ]);
  });
});

describe("Italian-style cost sharing plus payment at result, at most 5 paid cycles", () => {
  const it_ = parseContract(italianDrug());
  // Charges: cycles 1–2 at 4,000 × (1 − 0.5) = 2,000.00; later cycles 4,000.00.
  it("responder (PR on 2026-03-02): cycles 1–3 paid at the result, 2,000 + 2,000 + 4,000 = 8,000.00; cycles 4–5 4,000.00 each; 6–7 over the cap", () => {
    const r = evaluateContract(it_, italianEvents("PR"), "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-03-02", "payment", "8000.00"],
      ["2026-03-09", "payment", "4000.00"],
      ["2026-03-30", "payment", "4000.00"],
      ["2026-04-20", "withheld", "0.00", "4000.00"],
      ["2026-05-11", "withheld", "0.00", "4000.00"],
    ]);
    // net 8,000 + 4,000 + 4,000 = 16,000.00; withheld 8,000.00
    expect(net(r)).toBe("16000.00");
    expect(r.totals.withheld.amount.toFixed(2)).toBe("8000.00");
    expect(r.lines[0]!.explanation.text).toContain("cycle 1 EUR 2,000.00 (cost sharing: 0.5 off the first 2 cycle(s), list EUR 4,000.00)");
    expect(r.lines[3]!.explanation.text).toContain("at most 5 cycles");
  });
  it("before the result nothing is booked for cycles 1–3 (as of 2026-03-01)", () => {
    expect(evaluateContract(it_, italianEvents("PR"), "2026-03-01").lines).toEqual([]);
  });
  it("non-responder (SD): 8,000.00 withheld at the result; later cycles not paid; net 0.00", () => {
    const r = evaluateContract(it_, italianEvents("SD"), "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-03-02", "withheld", "0.00", "8000.00"],
      ["2026-03-09", "withheld", "0.00", "4000.00"],
      ["2026-03-30", "withheld", "0.00", "4000.00"],
      ["2026-04-20", "withheld", "0.00", "4000.00"],
      ["2026-05-11", "withheld", "0.00", "4000.00"],
    ]);
    expect(net(r)).toBe("0.00");
    expect(r.lines[0]!.failedCondition).toEqual({ condition: "a response at the assessment (assessment CR/PR)", event: { kind: "assessment", date: "2026-03-02" } });
  });
  it("no assessment by 2026-04-05 (start + 3 months) counts as no response: cycles 1–5 (2,000 + 2,000 + 4,000 × 3 = 16,000.00) withheld on the deadline", () => {
    const r = evaluateContract(it_, italianEvents(null), "2026-12-31");
    expect(rows(r)[0]).toEqual(["2026-04-05", "withheld", "0.00", "16000.00"]);
    expect(r.lines[0]!.explanation.text).toContain("no assessment was recorded by 2026-04-05");
    expect(net(r)).toBe("0.00");
  });
  it("risk sharing (paid upfront, 50% back for a non-responder): 2,000 + 2,000 + 4,000 paid, 4,000.00 refunded on 2026-03-02, net 4,000.00", () => {
    const r = evaluateContract(parseContract(italianDrug("upfront")), italianEvents("SD"), "2026-12-31");
    expect(rows(r).slice(0, 4)).toEqual([
      ["2026-01-05", "payment", "2000.00"],
      ["2026-01-26", "payment", "2000.00"],
      ["2026-02-16", "payment", "4000.00"],
      ["2026-03-02", "refund", "-4000.00"],
    ]);
    expect(net(r)).toBe("4000.00");
    const pr = evaluateContract(parseContract(italianDrug("upfront")), italianEvents("PR"), "2026-12-31");
    // responder: 2,000 + 2,000 + 4,000 + 4,000 + 4,000 = 16,000.00, cycles 6–7 over the cap
    expect(net(pr)).toBe("16000.00");
  });
  it("K11 per patient, success fee: EUR 10,000 a cycle, 3 cycles before the evaluation; responder → 30,000 at the result, non-responder → 0", () => {
    const { costSharing: _c, maxPaidCycles: _m, ...payment } = italianDrug().payment;
    const k11 = parseContract({ ...italianDrug(), price: "10000", payment });
    const three = italianEvents("CR").filter((e) => e.date <= "2026-03-02");
    expect(net(evaluateContract(k11, three, "2026-12-31"))).toBe("30000.00");
    expect(net(evaluateContract(k11, italianEvents("PD").filter((e) => e.date <= "2026-03-02"), "2026-12-31"))).toBe("0.00");
  });
});

describe("payment at result reaching its paid-cycle cap", () => {
  // italianDrug(): EUR 4,000 a cycle, 0.5 off the first 2; result = the first assessment
  // (PR on 2026-03-02, before cycle 4); cycles on 01-05, 01-26, 02-16 | 03-09, 03-30, 04-20, 05-11.
  const capped = (maxPaidCycles: number, costSharing = { firstCycles: 2, discount: "0.5" }) =>
    parseContract({ ...italianDrug(), payment: { ...italianDrug().payment, maxPaidCycles, costSharing } });
  it("cap 2 reached before the result: cycles 1–2 paid at the result (2,000 + 2,000 = 4,000.00), cycle 3 and all later cycles over the cap; net 4,000.00", () => {
    const r = evaluateContract(capped(2), italianEvents("PR"), "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-03-02", "payment", "4000.00"],
      ["2026-03-02", "withheld", "0.00", "4000.00"],
      ["2026-03-09", "withheld", "0.00", "4000.00"],
      ["2026-03-30", "withheld", "0.00", "4000.00"],
      ["2026-04-20", "withheld", "0.00", "4000.00"],
      ["2026-05-11", "withheld", "0.00", "4000.00"],
    ]);
    expect(r.lines.map((l) => l.termId)).toEqual(["cycles-at-result", "cycle-3", "cycle-4", "cycle-5", "cycle-6", "cycle-7"]);
    // withheld: cycle 3 at the result plus cycles 4–7, 5 × 4,000.00 = 20,000.00
    expect(net(r)).toBe("4000.00");
    expect(r.totals.withheld.amount.toFixed(2)).toBe("20000.00");
    expect(r.lines[1]!.failedCondition).toEqual({ condition: "at most 2 cycles are paid", event: null });
    expect(r.lines[1]!.explanation.text).toContain("the contract pays at most 2 cycles");
  });
  it("cap 3 reached exactly at the result: cycles 1–3 (2,000 + 2,000 + 4,000 = 8,000.00) at the result, every later cycle over the cap", () => {
    const r = evaluateContract(capped(3), italianEvents("CR"), "2026-12-31");
    expect(rows(r)[0]).toEqual(["2026-03-02", "payment", "8000.00"]);
    expect(rows(r).slice(1).every((x) => x[1] === "withheld" && x[3] === "4000.00")).toBe(true);
    expect(rows(r)).toHaveLength(5);
    expect(net(r)).toBe("8000.00");
  });
  it("free first cycles do not count toward the cap: 2 free, cap 2 → cycles 1–3 at the result (0 + 0 + 4,000.00), cycle 4 paid 4,000.00, cycles 5–7 over the cap; net 8,000.00", () => {
    const r = evaluateContract(capped(2, { firstCycles: 2, discount: "1" }), italianEvents("PR"), "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-03-02", "payment", "4000.00"],
      ["2026-03-09", "payment", "4000.00"],
      ["2026-03-30", "withheld", "0.00", "4000.00"],
      ["2026-04-20", "withheld", "0.00", "4000.00"],
      ["2026-05-11", "withheld", "0.00", "4000.00"],
    ]);
    expect(net(r)).toBe("8000.00");
    const b = evaluateContractMinorUnits(capped(2, { firstCycles: 2, discount: "1" }), italianEvents("PR"), "2026-12-31");
    expect(b.totals.net).toBe(800000n);
  });
  it("a non-responder under the cap: nothing is paid, all 3 pre-result cycles withheld at the result (2,000 + 2,000 + 4,000 = 8,000.00)", () => {
    const r = evaluateContract(capped(2), italianEvents("SD"), "2026-12-31");
    expect(rows(r)[0]).toEqual(["2026-03-02", "withheld", "0.00", "8000.00"]);
    expect(net(r)).toBe("0.00");
  });
});

describe("custom hospitalisation events and a sustained-independence condition", () => {
  const scd = parseContract(SICKLE_CELL);
  const start = { kind: "infusion", date: "2026-01-10" };
  // Month 18 = 2027-07-10. Both halves 1,500,000.00.
  const run = [ti("2026-04-10"), ti("2026-07-10"), ti("2026-10-10"), ti("2027-01-10"), ti("2027-04-10")];
  it("independent 2026-04-10 … 2027-04-10 (12 months, gaps ≤ 4 months), one hospitalisation of ≥ 2 days: paid in full, 3,000,000.00", () => {
    const r = evaluateContract(scd, [start, hosp("2026-02-01", 5), ...run.slice(0, 2), hosp("2026-08-01", 1), ...run.slice(2)], "2027-12-31");
    expect(net(r)).toBe("3000000.00");
  });
  it("a second hospitalisation of ≥ 2 days withholds month 18, naming both", () => {
    const r = evaluateContract(scd, [start, hosp("2026-02-01", 5), ...run.slice(0, 4), hosp("2027-02-01", 3), run[4]!], "2027-12-31");
    expect(net(r)).toBe("1500000.00");
    const f = r.lines[1]!.failedCondition!;
    expect(f.condition).toBe("at most 1 hospitalisation with days ≥ 2 since treatment start");
    expect(f.event).toEqual({ kind: "hospitalisation", date: "2027-02-01" });
    expect(f.detail).toBe("hospitalisation with days ≥ 2: 2 recorded (2026-02-01, 2027-02-01) from 2026-01-10 through 2027-07-10; at most 1 required");
  });
  it("a transfusion on 2026-11-20 interrupts independence: the run restarts on 2027-01-10 and is 3 months long at month 18", () => {
    const r = evaluateContract(scd, [start, ...run.slice(0, 3), { kind: "transfusion", date: "2026-11-20", attributes: { units: 2 } }, ...run.slice(3)], "2027-12-31");
    expect(net(r)).toBe("1500000.00");
    expect(r.lines[1]!.failedCondition!.detail).toBe(
      "transfusionIndependence with independent = true not held for 12 months: the longest run of evidence went from 2026-04-10 to 2026-10-10; interrupted by transfusion on 2026-11-20",
    );
  });
  it("a 5-month gap between assessments (over maxGap 4 months) breaks the evidence", () => {
    const r = evaluateContract(scd, [start, ti("2026-04-10"), ti("2026-09-10"), ti("2026-12-10"), ti("2027-03-10"), ti("2027-06-10")], "2027-12-31");
    expect(net(r)).toBe("1500000.00");
    expect(r.lines[1]!.failedCondition!.detail).toContain("no evidence between 2026-04-10 and 2026-09-10");
  });
});

describe("no response by day 30 → no payment (byDeadline); a milestone bonus", () => {
  // CNY 100,000: 30% at start, 70% on day 45 unless no CR/PR was recorded by day 30;
  // a missing day-30 assessment counts as missed. Bonus 10,000 if MRD negative by month 3.
  const k = parseContract({
    id: "D30", currency: "CNY", price: "100000",
    outcomes: { mrdNegative: {} },
    payment: {
      type: "schedule",
      installments: [
        { id: "start", share: "0.3", due: { months: 0 } },
        { id: "day-45", share: "0.7", due: { days: 45 }, conditions: [{ type: "byDeadline", by: { days: 30 }, milestone: { type: "some", events: [{ kind: "assessment", responses: ["CR", "PR"] }] }, assessment: { events: ["assessment"], ifMissing: "missed" } }] },
      ],
    },
    bonuses: [{ type: "milestone", id: "mrd", by: { months: 3 }, milestone: { type: "some", events: ["mrdNegative"] }, amount: "10000" }],
  });
  const s = { kind: "treatmentStart", date: "2026-01-01" };
  it("CR on day 20 (2026-01-21), MRD negative 2026-03-15: 30,000 + 70,000 on 2026-02-15 + bonus 10,000 on 2026-04-01 = 110,000.00", () => {
    const r = evaluateContract(k, [s, { kind: "assessment", date: "2026-01-21", response: "CR" }, { kind: "mrdNegative", date: "2026-03-15" }], "2026-12-31");
    expect(rows(r)).toEqual([
      ["2026-01-01", "payment", "30000.00"],
      ["2026-02-15", "payment", "70000.00"],
      ["2026-04-01", "bonus", "10000.00"],
    ]);
  });
  it("SD on day 28: 70,000 withheld, negative result named; no assessment at all: withheld as missing; CR on day 31 is too late", () => {
    const sd = evaluateContract(k, [s, { kind: "assessment", date: "2026-01-29", response: "SD" }], "2026-12-31");
    expect(net(sd)).toBe("30000.00");
    expect(sd.lines[1]!.failedCondition!.detail).toContain("last assessment on file: assessment SD on 2026-01-29");
    const none = evaluateContract(k, [s], "2026-12-31");
    expect(none.lines[1]!.failedCondition!.detail).toContain("no assessment (assessment) was recorded by 2026-01-31");
    expect(net(evaluateContract(k, [s, { kind: "assessment", date: "2026-02-01", response: "CR" }], "2026-12-31"))).toBe("30000.00");
    // the bonus not earned is a withheld line of 10,000 on 2026-04-01
    expect(rows(none).at(-1)).toEqual(["2026-04-01", "withheld", "0.00", "10000.00"]);
  });
});

describe("the worked agreement of docs/contracts.md, booked by quarter", () => {
  it("Q1 2026 paid 2,800,000.00; Q1 2028 refunded 2,240,000.00 (opening 2,800,000.00, closing 560,000.00); Q2 2027 empty", async () => {
    const { patientStatement } = await import("../../../src/index.js");
    const events = [{ kind: "infusion", date: "2026-03-15" }, ti("2026-09-15", false), ti("2027-03-15", false), ti("2028-03-01", false)];
    const q = (from: string, to: string) => patientStatement({ contract: geneTherapy(), events, period: { from, to } });
    expect(q("2026-01-01", "2026-04-01").totals.paid.amount.toFixed(2)).toBe("2800000.00");
    const q1 = q("2028-01-01", "2028-04-01");
    expect([q1.totals.refunded, q1.openingNet, q1.closingNet].map((m) => m.amount.toFixed(2))).toEqual(["2240000.00", "2800000.00", "560000.00"]);
    expect(q("2027-04-01", "2027-07-01").lines).toEqual([]);
  });
});
