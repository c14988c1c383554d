// care.md §5 Test before drug (H13–H15), the triage adaptor, and bad input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTestGate, checkTestResult, TEST_GATE_REJECTIONS, testGatePredicate, triageWithTestGate } from "../../src/index.js";
import { runs } from "../arbitraries.js";
import { domainError, issues } from "../typed-errors.js";

const egfr = { drug: "EGFR-TKI", biomarker: "EGFR", qualifying: { kind: "category" as const, categories: ["positive"] }, validityDays: 180 };
const pdl1 = { drug: "PD-1", biomarker: "PD-L1", qualifying: { kind: "level" as const, atLeast: "0.50" }, validityDays: 180 };
const C = "2026-05-10";
const positive = (reportDate: string) => ({ biomarker: "EGFR", reportDate, category: "positive" });

describe("care §5: test before drug", () => {
  it("H13: EGFR TKI, C = 2026-05-10: positive 20 d / 0 d / 180 d pass, 181 d EXPIRED, none NO_TEST", () => {
    // 2026-04-20 → 2026-05-10: 10 days left in April + 10 in May = 20.
    // 2025-11-11 → 2026-05-10: 19 (Nov) + 31 + 31 + 28 + 31 + 30 + 10 = 180; 2025-11-10 is one more: 181 > 180.
    const cases: [string, boolean, string | null, number][] = [
      ["2026-04-20", true, null, 20],
      ["2026-05-10", true, null, 0],
      ["2025-11-11", true, null, 180],
      ["2025-11-10", false, "EXPIRED", 181],
    ];
    for (const [date, passed, reason, days] of cases) {
      const r = checkTestGate({ gate: egfr, courseStart: C, results: [positive(date)] });
      expect([r.passed, r.reason, r.days, r.fundPays]).toEqual([passed, reason, days, passed ? "asListed" : "zero"]);
      expect(r.result?.reportDate).toBe(date);
    }
    const none = checkTestGate({ gate: egfr, courseStart: C, results: [] });
    expect([none.passed, none.reason, none.result, none.days, none.fundPays]).toEqual([false, "NO_TEST", null, null, "zero"]);
    expect(none.explanation.map((x) => x.rule)).toEqual(["care.test-gate.rule", "care.test-gate.no-test"]);
    const expired = checkTestGate({ gate: egfr, courseStart: C, results: [positive("2025-11-10")] });
    expect(expired.explanation.at(-1)!.text).toContain("181 days");
  });

  it("H14: positive 2026-03-01 then negative 2026-04-01, C = 2026-05-10 → NOT_QUALIFYING (the later negative wins)", () => {
    const results = [positive("2026-03-01"), { biomarker: "EGFR", reportDate: "2026-04-01", category: "negative" }];
    const r = checkTestGate({ gate: egfr, courseStart: C, results });
    expect(r.reason).toBe("NOT_QUALIFYING");
    expect(r.result).toMatchObject({ index: 1, reportDate: "2026-04-01", category: "negative" });
    // input order does not matter
    expect(checkTestGate({ gate: egfr, courseStart: C, results: [...results].reverse() }).reason).toBe("NOT_QUALIFYING");
  });

  it("H15: PD-1 gated on PD-L1 ≥ 0.50, result 2026-04-20: 0.50 passes (inclusive), 0.49 NOT_QUALIFYING", () => {
    const at = (level: string | number) => checkTestGate({ gate: pdl1, courseStart: C, results: [{ biomarker: "PD-L1", reportDate: "2026-04-20", level }] });
    expect(at("0.50").passed).toBe(true);
    expect(at(0.5).passed).toBe(true);
    expect(at("0.49").reason).toBe("NOT_QUALIFYING");
    expect(at("0.4999").reason).toBe("NOT_QUALIFYING");
  });

  it("results reported after the course start are not used (no re-test within a course); other biomarkers are ignored", () => {
    const r = checkTestGate({ gate: egfr, courseStart: C, results: [positive("2026-05-11"), { biomarker: "ALK", reportDate: "2026-05-01", category: "positive" }] });
    expect(r.reason).toBe("NO_TEST");
    expect(r.explanation.map((s) => s.rule)).toContain("care.test-gate.after-start");
  });

  it("several results on the latest date: a non-qualifying one decides, whatever the order", () => {
    const same = [positive("2026-04-01"), { biomarker: "EGFR", reportDate: "2026-04-01", category: "negative" }];
    expect(checkTestGate({ gate: egfr, courseStart: C, results: same }).reason).toBe("NOT_QUALIFYING");
    expect(checkTestGate({ gate: egfr, courseStart: C, results: [...same].reverse() }).reason).toBe("NOT_QUALIFYING");
  });

  it("a level rule on a result with only a category does not qualify; the reason codes are a closed list", () => {
    const r = checkTestGate({ gate: pdl1, courseStart: C, results: [{ biomarker: "PD-L1", reportDate: "2026-04-20", category: "high" }] });
    expect(r.reason).toBe("NOT_QUALIFYING");
    expect(TEST_GATE_REJECTIONS).toEqual(["NO_TEST", "NOT_QUALIFYING", "EXPIRED"]);
  });

  it("property: the decision depends only on the latest result on or before C, not on the order of the list", () => {
    const result = fc.record({
      offset: fc.integer({ min: -400, max: 30 }),
      category: fc.constantFrom("positive", "negative"),
    });
    const iso = (offset: number) => new Date(Date.UTC(2026, 4, 10 + offset)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.array(result, { maxLength: 8 }).chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))), ([rs, perm]) => {
        const toResult = (r: { offset: number; category: string }) => ({ biomarker: "EGFR", reportDate: iso(r.offset), category: r.category });
        const list = rs.map(toResult);
        const shuffled = perm.map(toResult);
        const a = checkTestGate({ gate: egfr, courseStart: C, results: list });
        const b = checkTestGate({ gate: egfr, courseStart: C, results: shuffled });
        expect([b.passed, b.reason, b.days]).toEqual([a.passed, a.reason, a.days]);
        // hand rule: latest ≤ C; any negative on that day → NOT_QUALIFYING; else > 180 days → EXPIRED
        const onFile = rs.filter((r) => r.offset <= 0);
        if (onFile.length === 0) {
          expect(a.reason).toBe("NO_TEST");
          return;
        }
        const latest = Math.max(...onFile.map((r) => r.offset));
        const that = onFile.filter((r) => r.offset === latest);
        const expected = that.some((r) => r.category === "negative") ? "NOT_QUALIFYING" : -latest > 180 ? "EXPIRED" : null;
        expect(a.reason).toBe(expected);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("care §5: inside claim triage", () => {
  const gates = { gates: [egfr, pdl1] };
  const rules = { rules: [{ id: "targeted", risk: "low" as const, when: { codes: ["EGFR-TKI", "PD-1"] } }] };

  it("a failing gate rejects the line whatever the triage says; a passing gate leaves the triage's action", () => {
    const failed = triageWithTestGate({ rules, gates, claim: { code: "EGFR-TKI", date: "2026-05-12", courseStart: C }, results: [] });
    expect([failed.action, failed.payable, failed.gate?.reason, failed.triage.action]).toEqual(["reject", false, "NO_TEST", "auto-approve"]);
    const passed = triageWithTestGate({ rules, gates, claim: { code: "EGFR-TKI", date: "2026-05-12", courseStart: C }, results: [positive("2026-04-20")] });
    expect([passed.action, passed.payable, passed.gate?.passed]).toEqual(["auto-approve", true, true]);
    const notGated = triageWithTestGate({ rules, gates, claim: { code: "CT-SCAN", date: "2026-05-12" }, results: [] });
    expect([notGated.action, notGated.gate]).toEqual(["manual-review", null]);
  });

  it("the predicate: true for an ungated code or a passing gate, false when the gate rejects", () => {
    expect(testGatePredicate({ gates, claim: { code: "CT-SCAN" }, results: [] })).toBe(true);
    expect(testGatePredicate({ gates, claim: { code: "PD-1", courseStart: C }, results: [{ biomarker: "PD-L1", reportDate: "2026-04-20", level: "0.5" }] })).toBe(true);
    expect(testGatePredicate({ gates, claim: { code: "PD-1", courseStart: C }, results: [{ biomarker: "PD-L1", reportDate: "2026-04-20", level: "0.49" }] })).toBe(false);
  });
});

describe("care §5: bad input", () => {
  it("a result dated after the course start used as if before: EVENT_ORDER at result.reportDate", () => {
    const e = domainError(() => checkTestResult({ gate: egfr, courseStart: C, result: positive("2026-05-11") }));
    expect([e.code, e.path]).toEqual(["EVENT_ORDER", ["result", "reportDate"]]);
    const other = domainError(() => checkTestResult({ gate: egfr, courseStart: C, result: { biomarker: "ALK", reportDate: "2026-05-01", category: "positive" } }));
    expect([other.code, other.path]).toEqual(["INCONSISTENT_INPUT", ["result", "biomarker"]]);
    expect(checkTestResult({ gate: egfr, courseStart: C, result: positive("2026-05-10") }).passed).toBe(true);
  });

  it("a drug both gated and biomarker-stratified, or gated twice, is an error with the path", () => {
    expect(issues(() => testGatePredicate({ gates: { gates: [egfr], stratifiedDrugs: ["ALK-TKI", "EGFR-TKI"] }, claim: { code: "X" }, results: [] }))[0]!.path).toEqual(["gates", "stratifiedDrugs", 1]);
    expect(issues(() => testGatePredicate({ gates: { gates: [egfr, egfr] }, claim: { code: "X" }, results: [] }))[0]!.path).toEqual(["gates", "gates", 1, "drug"]);
  });

  it("a gated claim without a course start, or dated before it, is a typed error", () => {
    const rules = { rules: [{ id: "r", risk: "low" as const, when: {} }] };
    expect(domainError(() => testGatePredicate({ gates: { gates: [egfr] }, claim: { code: "EGFR-TKI" }, results: [] })).path).toEqual(["claim", "courseStart"]);
    expect(domainError(() => triageWithTestGate({ rules, gates: { gates: [egfr] }, claim: { code: "EGFR-TKI", date: "2026-05-01", courseStart: C }, results: [] })).path).toEqual(["claim", "date"]);
  });

  it("unknown keys, a missing validity, a negative validity, a result with neither category nor level, a bad date", () => {
    expect(issues(() => checkTestGate({ gate: { ...egfr, extra: 1 } as never, courseStart: C, results: [] }))[0]!.path).toEqual(["gate", "extra"]);
    const { validityDays: _v, ...noValidity } = egfr;
    expect(issues(() => checkTestGate({ gate: noValidity as never, courseStart: C, results: [] }))[0]!.path).toEqual(["gate", "validityDays"]);
    expect(issues(() => checkTestGate({ gate: { ...egfr, validityDays: -1 }, courseStart: C, results: [] }))[0]!.path).toEqual(["gate", "validityDays"]);
    expect(issues(() => checkTestGate({ gate: egfr, courseStart: C, results: [{ biomarker: "EGFR", reportDate: "2026-04-01" }] }))[0]!.path).toEqual(["results", 0, "category"]);
    expect(issues(() => checkTestGate({ gate: egfr, courseStart: "2026-02-30", results: [] }))[0]!.path).toEqual(["courseStart"]);
    expect(issues(() => checkTestGate({ gate: { ...egfr, qualifying: { kind: "level", atLeast: "-1" } }, courseStart: C, results: [] }))[0]!.path).toEqual(["gate", "qualifying", "atLeast"]);
  });
});
