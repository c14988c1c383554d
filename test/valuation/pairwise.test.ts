import { describe, expect, it } from "vitest";
import {
  applyThreshold,
  classifyIcerByGdp,
  discountedCost,
  formatExplanation,
  icer,
  qaly,
  selectThreshold,
  valueBasedPrice,
  valueScore,
} from "../../src/index.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const pair = (dc: string, de: number | string) =>
  icer({ intervention: { cost: cny(dc), effect: de }, comparator: { cost: cny("0"), effect: 0 } });

describe("pairwise ICER quadrants", () => {
  it("labels every quadrant and never divides by ΔE = 0", () => {
    expect(pair("100", 1).quadrant).toBe("NE");
    expect(pair("0", 1).quadrant).toBe("SE"); // equal cost, more effect: dominant
    expect(pair("-1", 1).quadrant).toBe("SE");
    expect(pair("1", -1).quadrant).toBe("NW");
    expect(pair("0", -1).quadrant).toBe("NW");
    expect(pair("-100", -1).quadrant).toBe("SW");
    const flat = pair("100", 0);
    expect(flat.quadrant).toBe("NW");
    expect(flat.icer).toBeNull();
    const cheaperSame = pair("-100", 0);
    expect(cheaperSame.quadrant).toBe("SE");
    expect(cheaperSame.icer).toBeNull();
    const same = pair("0", 0);
    expect(same.quadrant).toBe("ORIGIN");
    expect(same.reading).toBe("no-difference");
    expect(same.icer).toBeNull();
  });

  it("rounds the ICER half-up to the cent and keeps the exact ratio", () => {
    // 100 / 3 = 33.333… → 33.33; 200 / 3 = 66.666… → 66.67; 0.05 / 2 = 0.025 → 0.03 (half-up)
    expect(pair("100", 3).icer?.toString()).toBe("CNY 33.33");
    expect(pair("200", 3).icer?.toString()).toBe("CNY 66.67");
    expect(pair("0.05", 2).icer?.toString()).toBe("CNY 0.03");
    expect(pair("0.05", 2).icerExact?.toString()).toBe("0.025");
  });

  it("explains itself in readable steps", () => {
    const text = formatExplanation(pair("300000", 1.5).explanation);
    expect(text).toContain("North-east quadrant");
    expect(text).toContain("CNY 200,000.00 per QALY gained");
  });
});

describe("discounting", () => {
  it("middle timing discounts at t − 0.5 (half-cycle correction)", () => {
    // 1.03^-0.5 = 0.985329278, 1.03^-1.5 = 0.956630367; Σ × 1 = 1.941959645
    const r = qaly({ periods: [{ utility: 1, repeat: 2 }], discountRate: 0.03, timing: "middle" });
    expect(r.qalys.toDecimalPlaces(6).toString()).toBe("1.94196");
  });

  it("periods of different lengths and utilities chain in time", () => {
    // 0.5 year at 1 then 1 year at 0.5, undiscounted: 0.5 + 0.5 = 1
    const r = qaly({ periods: [{ utility: 1, years: 0.5 }, { utility: 0.5, years: 1 }] });
    expect(r.qalys.toString()).toBe("1");
    expect(r.lifeYears.toString()).toBe("1.5");
    expect(r.cycles[1]!.start.toString()).toBe("0.5");
  });

  it("discounts a cost stream with its own rate and rounds once", () => {
    // 1000/1.05 + 1000/1.05² = 952.380952 + 907.029478 = 1859.410430 → 1859.41
    const r = discountedCost({ periods: [{ cost: cny("1000"), repeat: 2 }], discountRate: 0.05 });
    expect(r.presentValue.toString()).toBe("CNY 1859.41");
    expect(r.undiscounted.toString()).toBe("CNY 2000.00");
    // start timing: 1000 + 952.380952 = 1952.38
    expect(discountedCost({ periods: [{ cost: cny("1000"), repeat: 2 }], discountRate: 0.05, timing: "start" }).presentValue.toString()).toBe("CNY 1952.38");
  });
});

describe("thresholds", () => {
  it("bands by GDP multiples, closed above: exactly 3× is high, just over is moderate, over 5× low", () => {
    const g = cny("89000");
    expect(classifyIcerByGdp({ icer: cny("267000"), gdpPerCapita: g }).band).toBe("high");
    expect(classifyIcerByGdp({ icer: cny("267000.01"), gdpPerCapita: g }).band).toBe("moderate");
    expect(classifyIcerByGdp({ icer: cny("445000"), gdpPerCapita: g }).band).toBe("moderate");
    expect(classifyIcerByGdp({ icer: cny("445000.01"), gdpPerCapita: g }).band).toBe("low");
    expect(classifyIcerByGdp({ icer: cny("0"), gdpPerCapita: g }).band).toBe("high");
    expect(classifyIcerByGdp({ icer: cny("100"), gdpPerCapita: cny("10"), multiples: { high: 1, moderate: 3 } }).band).toBe("low");
  });

  it("applies a severity modifier to a fixed range", () => {
    const gbp = (a: string) => ({ amount: a, currency: "GBP" });
    // 20,000 × 1.2 = 24,000; 30,000 × 1.2 = 36,000
    const r = applyThreshold({ icer: gbp("33000"), threshold: gbp("20000"), upperThreshold: gbp("30000"), severityModifier: 1.2 });
    expect(r.verdict).toBe("within-range");
    expect(r.effectiveThreshold.toString()).toBe("GBP 24000.00");
    expect(r.effectiveUpperThreshold?.toString()).toBe("GBP 36000.00");
    expect(r.margin.toString()).toBe("GBP 3000.00");
    expect(applyThreshold({ icer: gbp("33000"), threshold: gbp("20000"), severityModifier: 1.7 }).verdict).toBe("cost-effective"); // 34,000
    expect(applyThreshold({ icer: gbp("33000"), threshold: gbp("20000"), upperThreshold: gbp("30000") }).verdict).toBe("not-cost-effective");
  });

  it("differentiated policy: first match wins, default otherwise", () => {
    const policy = {
      rules: [
        { label: "rare & life-extending", when: [{ fact: "rare", op: "==" as const, value: true }, { fact: "lifeExtensionMonths", op: ">=" as const, value: 12 }], threshold: cny("300000") },
        { label: "life-extending", when: [{ fact: "lifeExtensionMonths", op: ">=" as const, value: 12 }], threshold: cny("150000") },
      ],
      default: cny("89000"),
    };
    expect(selectThreshold({ policy, facts: { rare: false, lifeExtensionMonths: 12 } }).rule).toBe("life-extending");
    expect(selectThreshold({ policy, facts: { rare: true, lifeExtensionMonths: 14 } }).threshold.toString()).toBe("CNY 300000.00");
    const d = selectThreshold({ policy, facts: { rare: false, lifeExtensionMonths: 11.9 } });
    expect(d.rule).toBe("default");
    expect(d.threshold.toString()).toBe("CNY 89000.00");
  });
});

describe("value-based price", () => {
  it("no positive price when ΔE < 0 or when non-drug costs eat the whole value", () => {
    expect(valueBasedPrice({ lambda: cny("150000"), incrementalEffect: -0.2, comparatorCost: cny("100000"), nonDrugCost: cny("0") }).hasPositivePrice).toBe(false);
    // 10,000 + 150,000 × 0.1 − 30,000 = −5,000
    const r = valueBasedPrice({ lambda: cny("150000"), incrementalEffect: 0.1, comparatorCost: cny("10000"), nonDrugCost: cny("30000") });
    expect(r.hasPositivePrice).toBe(false);
    expect(r.formulaValue.toString()).toBe("CNY -5000.00");
  });

  it("rounds the ceiling down by default and reports headroom", () => {
    // 0 + 100,000 × 0.333333 − 0 = 33,333.3 → floor 33,333.30; headroom vs 30,000 = 3,333.30
    const r = valueBasedPrice({ lambda: cny("100000"), incrementalEffect: "0.333333", comparatorCost: cny("0"), nonDrugCost: cny("0"), currentPrice: cny("30000") });
    expect(r.maxPrice?.toString()).toBe("CNY 33333.30");
    expect(r.headroom?.toString()).toBe("CNY 3333.30");
    // 100,000 × 0.0000001 = 0.01; × 0.00000015 = 0.015 → floor 0.01, half-up 0.02
    expect(valueBasedPrice({ lambda: cny("100000"), incrementalEffect: "0.00000015", comparatorCost: cny("0"), nonDrugCost: cny("0") }).maxPrice?.toString()).toBe("CNY 0.01");
    expect(valueBasedPrice({ lambda: cny("100000"), incrementalEffect: "0.00000015", comparatorCost: cny("0"), nonDrugCost: cny("0"), rounding: "half-up" }).maxPrice?.toString()).toBe("CNY 0.02");
  });
});

describe("value score", () => {
  it("scores a dimension from weighted indicators", () => {
    // clinical = 90×0.5 + 70×0.5 = 80; total = 80×0.5 + 60×0.5 = 70
    const r = valueScore({
      dimensions: [
        { name: "clinical", weight: 0.5, indicators: [{ name: "OS", score: 90, weight: 0.5 }, { name: "QLQ-C30", score: 70, weight: 0.5 }] },
        { name: "economic", weight: 0.5, score: 60 },
      ],
    });
    expect(r.dimensions[0]!.score.toString()).toBe("80");
    expect(r.score.toString()).toBe("70");
  });
});
