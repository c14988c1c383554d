// The explained ledger of the K1 schedule: installment labels by share and offset, the
// sentences of paid and withheld lines, ignored later events, versions named in the first step,
// and the inputs evaluateContract accepts.
// (Cases first written as mutation pins; amounts are worked out by hand in the comments, 1 CNY = 100 fen.)
import { describe, expect, it } from "vitest";
import { type ContractEvaluation, evaluateContract, isParsedContract, isParsedContractVersions, parseContract, parseContractVersions } from "../../src/index.js";
import { K1 } from "./fixtures.js";
import { domainError, issues } from "../typed-errors.js";

const infusion = (date: string) => ({ kind: "infusion", date });
const texts = (r: ContractEvaluation) => r.explanation.map((s) => s.text);

describe("ledger wording (K1): labels, explanations, versions, inputs", () => {
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
