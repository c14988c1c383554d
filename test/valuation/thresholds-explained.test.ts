// Thresholds: the GDP bands, a fixed threshold or range with a severity modifier, and a
// differentiated policy. Each verdict's boundary, sentence and guard is pinned; figures
// are worked by hand in the comments.
import { describe, expect, it } from "vitest";
import { applyThreshold, classifyIcerByGdp, selectThreshold, type SelectThresholdInput } from "../../src/index.js";
import { domainError, issue } from "../typed-errors.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const gbp = (amount: string) => ({ amount, currency: "GBP" });
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe("classifyIcerByGdp: bands and their sentence", () => {
  it("CNY 200,000 against CNY 89,000: high, with the bounds and the interval", () => {
    const r = classifyIcerByGdp({ icer: cny("200000"), gdpPerCapita: cny("89000") });
    expect(r.band).toBe("high");
    // 200,000 / 89,000 = 2.247191011…
    expect(r.multiple.toDecimalPlaces(9).toString()).toBe("2.247191011");
    expect(r.highBound.toString()).toBe("CNY 267000.00");
    expect(r.moderateBound.toString()).toBe("CNY 445000.00");
    expect(r.interval).toBe("[0, 267000]");
    expect(r.explanation).toHaveLength(1);
    expect(r.explanation[0]!.rule).toBe("valuation.threshold.gdp");
    expect(r.explanation[0]!.text).toBe(
      'ICER CNY 200,000.00 is 2.247191× GDP per capita (CNY 89,000.00); bands: ≤ CNY 267,000.00 high, ≤ CNY 445,000.00 moderate, above low. It falls in [0, 267000]: "high" economic value.',
    );
    expect(json(r.explanation[0]!.inputs)).toEqual({ icer: cny("200000.00"), gdpPerCapita: cny("89000.00"), highMultiple: "3", moderateMultiple: "5", currency: "CNY" });
  });

  it("bands are closed above: 3× is high, 5× is moderate, a cent more is the next band", () => {
    const band = (icer: string) => classifyIcerByGdp({ icer: cny(icer), gdpPerCapita: cny("89000") });
    expect([band("0").band, band("267000").band, band("267000.01").band, band("445000").band, band("445000.01").band]).toEqual(["high", "high", "moderate", "moderate", "low"]);
    expect(band("445000").interval).toBe("(267000, 445000]");
    expect(band("445000.01").interval).toBe("(445000, +∞)");
    expect(band("0").multiple.toString()).toBe("0");
  });

  it("configured multiples move the bounds", () => {
    // 1.5 × 100,000 = 150,000 and 2.5 × 100,000 = 250,000; 200,000 is moderate.
    const r = classifyIcerByGdp({ icer: cny("200000"), gdpPerCapita: cny("100000"), multiples: { high: 1.5, moderate: 2.5 } });
    expect([r.band, r.highBound.toString(), r.moderateBound.toString(), r.interval]).toEqual(["moderate", "CNY 150000.00", "CNY 250000.00", "(150000, 250000]"]);
    expect(json(r.explanation[0]!.inputs)).toMatchObject({ highMultiple: "1.5", moderateMultiple: "2.5" });
    expect(r.explanation[0]!.text).toBe(
      'ICER CNY 200,000.00 is 2× GDP per capita (CNY 100,000.00); bands: ≤ CNY 150,000.00 high, ≤ CNY 250,000.00 moderate, above low. It falls in (150000, 250000]: "moderate" economic value.',
    );
  });

  it("a 'high' multiple not below the 'moderate' one is refused at multiples", () => {
    const i = issue(() => classifyIcerByGdp({ icer: cny("1"), gdpPerCapita: cny("1"), multiples: { high: 5, moderate: 5 } }));
    expect(i.path).toEqual(["multiples"]);
    expect(i.message).toBe("the 'high' multiple must be below the 'moderate' multiple");
    expect(classifyIcerByGdp({ icer: cny("1"), gdpPerCapita: cny("1"), multiples: { high: 4.99, moderate: 5 } }).band).toBe("high");
  });

  it("an ICER in another currency than GDP per capita is a CURRENCY_MISMATCH at icer", () => {
    const e = domainError(() => classifyIcerByGdp({ icer: { amount: "1", currency: "USD" }, gdpPerCapita: cny("89000") }));
    expect([e.code, e.path, e.details]).toEqual(["CURRENCY_MISMATCH", ["icer"], { expected: "CNY", got: "USD" }]);
  });
});

describe("applyThreshold: verdicts at the boundaries", () => {
  it("the guide's example: £20,000–£30,000 × 1.2 = £24,000–£36,000, ICER £33,000 is within range", () => {
    const r = applyThreshold({ icer: gbp("33000"), threshold: gbp("20000"), upperThreshold: gbp("30000"), severityModifier: 1.2 });
    expect(r.verdict).toBe("within-range");
    expect(r.effectiveThreshold.toString()).toBe("GBP 24000.00");
    expect(r.effectiveUpperThreshold?.toString()).toBe("GBP 36000.00");
    // 36,000 − 33,000.
    expect(r.margin.toString()).toBe("GBP 3000.00");
    expect(r.explanation[0]!.rule).toBe("valuation.threshold.fixed");
    expect(r.explanation[0]!.text).toBe("Threshold × severity modifier 1.2 = GBP 24,000.00–GBP 36,000.00 per QALY; ICER GBP 33,000.00 is within-range.");
    expect(json(r.explanation[0]!.inputs)).toEqual({ icer: gbp("33000.00"), threshold: gbp("20000.00"), upperThreshold: gbp("30000.00"), severityModifier: "1.2" });
    expect(r.explanation[0]!.amount?.toString()).toBe("GBP 3000.00");
  });

  it("a single threshold: equal is cost-effective, a penny more is not", () => {
    const at = applyThreshold({ icer: gbp("20000"), threshold: gbp("20000") });
    expect([at.verdict, at.margin.toString(), at.effectiveUpperThreshold]).toEqual(["cost-effective", "GBP 0.00", null]);
    expect(at.explanation[0]!.text).toBe("Threshold = GBP 20,000.00 per QALY; ICER GBP 20,000.00 is cost-effective.");
    expect(json(at.explanation[0]!.inputs)).toEqual({ icer: gbp("20000.00"), threshold: gbp("20000.00"), upperThreshold: null, severityModifier: "1" });
    const over = applyThreshold({ icer: gbp("20000.01"), threshold: gbp("20000") });
    expect([over.verdict, over.margin.toString()]).toEqual(["not-cost-effective", "GBP -0.01"]);
    expect(over.explanation[0]!.text).toBe("Threshold = GBP 20,000.00 per QALY; ICER GBP 20,000.01 is not-cost-effective.");
  });

  it("a range: up to its upper end is within range, a penny past it is not", () => {
    const range = { threshold: gbp("20000"), upperThreshold: gbp("30000") };
    expect(applyThreshold({ icer: gbp("20000"), ...range }).verdict).toBe("cost-effective");
    expect(applyThreshold({ icer: gbp("20000.01"), ...range }).verdict).toBe("within-range");
    const top = applyThreshold({ icer: gbp("30000"), ...range });
    expect([top.verdict, top.margin.toString()]).toEqual(["within-range", "GBP 0.00"]);
    const past = applyThreshold({ icer: gbp("30000.01"), ...range });
    expect([past.verdict, past.margin.toString()]).toEqual(["not-cost-effective", "GBP -0.01"]);
    expect(past.explanation[0]!.text).toBe("Threshold = GBP 20,000.00–GBP 30,000.00 per QALY; ICER GBP 30,000.01 is not-cost-effective.");
    // An upper threshold equal to the threshold is allowed.
    expect(applyThreshold({ icer: gbp("1"), threshold: gbp("5"), upperThreshold: gbp("5") }).verdict).toBe("cost-effective");
  });

  it("the modified threshold is rounded half-up to the penny before the comparison", () => {
    // 20,000 × 0.9999998 = 19,999.996 → 20,000.00: an ICER of 20,000.00 is then cost-effective.
    const r = applyThreshold({ icer: gbp("20000"), threshold: gbp("20000"), severityModifier: "0.9999998" });
    expect([r.verdict, r.effectiveThreshold.toString(), r.margin.toString()]).toEqual(["cost-effective", "GBP 20000.00", "GBP 0.00"]);
    // 30,000 × 0.9999998 = 29,999.994 → 29,999.99.
    const u = applyThreshold({ icer: gbp("1"), threshold: gbp("20000"), upperThreshold: gbp("30000"), severityModifier: "0.9999998" }).effectiveUpperThreshold;
    expect(u?.toString()).toBe("GBP 29999.99");
  });

  it("an upper threshold below the threshold is refused at upperThreshold; other currencies are a mismatch at their path", () => {
    const i = issue(() => applyThreshold({ icer: gbp("1"), threshold: gbp("20000"), upperThreshold: gbp("19999.99") }));
    expect([i.path, i.message]).toEqual([["upperThreshold"], "the upper threshold must not be below the threshold"]);
    const up = domainError(() => applyThreshold({ icer: gbp("1"), threshold: gbp("20000"), upperThreshold: { amount: "1", currency: "USD" } }));
    expect([up.code, up.path, up.details]).toEqual(["CURRENCY_MISMATCH", ["upperThreshold"], { expected: "GBP", got: "USD" }]);
    const th = domainError(() => applyThreshold({ icer: gbp("1"), threshold: { amount: "20000", currency: "USD" } }));
    expect([th.path, th.details]).toEqual([["threshold"], { expected: "GBP", got: "USD" }]);
  });
});

describe("selectThreshold: rules in order, first match wins", () => {
  const policy: SelectThresholdInput["policy"] = {
    rules: [
      { label: "rare", when: [{ fact: "rareDisease", op: "==", value: true }], threshold: cny("300000") },
      {
        label: "life-extending",
        when: [
          { fact: "lifeExtensionMonths", op: ">=", value: 12 },
          { fact: "endOfLife", op: "!=", value: false },
        ],
        threshold: cny("150000"),
      },
    ],
    default: cny("89000"),
  };

  it("skips a rule that does not match, saying which condition failed, and takes the next", () => {
    const r = selectThreshold({ policy, facts: { rareDisease: false, lifeExtensionMonths: 14, endOfLife: true } });
    expect([r.rule, r.threshold.toString()]).toEqual(["life-extending", "CNY 150000.00"]);
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["valuation.threshold.policy.skip", 'Rule 1 "rare" does not match: rareDisease == true is false (rareDisease = false).'],
      ["valuation.threshold.policy", 'Rule 2 "life-extending" matches: threshold CNY 150,000.00 per QALY.'],
    ]);
    expect(r.explanation.map((s) => s.inputs)).toEqual([{ rule: "rare" }, { rule: "life-extending" }]);
    expect(r.explanation[1]!.amount?.toString()).toBe("CNY 150000.00");
    expect(r.explanation[0]!.amount).toBeUndefined();
  });

  it("names the first failing condition of a rule, and falls back to the default", () => {
    const r = selectThreshold({ policy, facts: { rareDisease: false, lifeExtensionMonths: 11, endOfLife: true } });
    expect([r.rule, r.threshold.toString()]).toEqual(["default", "CNY 89000.00"]);
    expect(r.explanation.map((s) => s.text)).toEqual([
      'Rule 1 "rare" does not match: rareDisease == true is false (rareDisease = false).',
      'Rule 2 "life-extending" does not match: lifeExtensionMonths >= 12 is false (lifeExtensionMonths = 11).',
      "No rule matches: the default threshold CNY 89,000.00 per QALY applies.",
    ]);
    expect(r.explanation[2]!.rule).toBe("valuation.threshold.policy.default");
    expect(r.explanation[2]!.inputs).toEqual({});
    expect(r.explanation[2]!.amount?.toString()).toBe("CNY 89000.00");
    const second = selectThreshold({ policy, facts: { rareDisease: false, lifeExtensionMonths: 12, endOfLife: false } });
    expect(second.explanation[1]!.text).toBe('Rule 2 "life-extending" does not match: endOfLife != false is false (endOfLife = false).');
  });

  it("the first matching rule wins even when a later one matches too", () => {
    const r = selectThreshold({ policy, facts: { rareDisease: true, lifeExtensionMonths: 20, endOfLife: true } });
    expect([r.rule, r.explanation.length]).toEqual(["rare", 1]);
  });

  it("each operator at its boundary (numbers compared exactly)", () => {
    const holds = (op: ">=" | ">" | "<=" | "<" | "==" | "!=", value: number | string, fact: number | string = 12) =>
      selectThreshold({ policy: { rules: [{ label: "r", when: [{ fact: "x", op, value }], threshold: cny("1") }], default: cny("0") }, facts: { x: fact } }).rule === "r";
    expect([holds(">=", 12), holds(">=", 12.000001)]).toEqual([true, false]);
    expect([holds(">", 12), holds(">", 11.999999)]).toEqual([false, true]);
    expect([holds("<=", 12), holds("<=", 11.999999)]).toEqual([true, false]);
    expect([holds("<", 12), holds("<", 12.000001)]).toEqual([false, true]);
    expect([holds("==", 12), holds("==", "12"), holds("==", 13)]).toEqual([true, false, false]);
    expect([holds("!=", 12), holds("!=", "12"), holds("!=", 13)]).toEqual([false, true, true]);
    // 0.1 + 0.2 is not 0.3 in float64, but the fact is compared as given: 0.30000000000000004 > 0.3.
    expect(holds(">", 0.3, 0.1 + 0.2)).toBe(true);
  });

  it("a condition on a fact not supplied is UNKNOWN_KEY at its path, even for an Object.prototype name", () => {
    const rules = [...policy.rules, { label: "p", when: [{ fact: "rareDisease", op: "==" as const, value: false }, { fact: "toString", op: "==" as const, value: 1 }], threshold: cny("1") }];
    const e = domainError(() => selectThreshold({ policy: { rules, default: cny("0") }, facts: { rareDisease: false, lifeExtensionMonths: 1, endOfLife: true } }));
    expect(e.code).toBe("UNKNOWN_KEY");
    expect(e.path).toEqual(["policy", "rules", 2, "when", 1, "fact"]);
    expect(e.details).toEqual({ fact: "toString" });
    expect(e.message).toContain('the condition refers to fact "toString", which was not supplied');
  });

  it("an order comparison of a non-number is INCONSISTENT_INPUT at the condition's value", () => {
    const e = domainError(() =>
      selectThreshold({ policy: { rules: [{ label: "r", when: [{ fact: "tier", op: ">=", value: 3 }], threshold: cny("1") }], default: cny("0") }, facts: { tier: "gold" } }),
    );
    expect(e.code).toBe("INCONSISTENT_INPUT");
    expect(e.path).toEqual(["policy", "rules", 0, "when", 0, "value"]);
    expect(e.message).toContain('">=" compares numbers, but tier is "gold" and the rule\'s value is 3');
    const v = domainError(() =>
      selectThreshold({ policy: { rules: [{ label: "r", when: [{ fact: "n", op: "<", value: "3" }], threshold: cny("1") }], default: cny("0") }, facts: { n: 2 } }),
    );
    expect(v.path).toEqual(["policy", "rules", 0, "when", 0, "value"]);
  });
});
