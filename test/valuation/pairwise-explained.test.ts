// Pairwise comparisons as a reviewer reads them: the ICER and its quadrant, net benefit,
// and the value-based price. Each sentence, boundary and guard is pinned; figures are
// worked by hand in the comments.
import { describe, expect, it } from "vitest";
import { icer, netBenefit, quadrantOf, valueBasedPrice } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { domainError, issue } from "../typed-errors.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const usd = (amount: string) => ({ amount, currency: "USD" });
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe("quadrantOf", () => {
  const q = (e: string, c: string) => quadrantOf({ deltaEffect: new D(e), deltaCost: new D(c) });
  it("places (ΔE, ΔC) by exact sign, the axes included", () => {
    expect([q("1", "1"), q("1", "-1"), q("1", "0"), q("-1", "-1"), q("-1", "1"), q("-1", "0"), q("0", "-1"), q("0", "1"), q("0", "0")]).toEqual([
      "NE", "SE", "SE", "SW", "NW", "NW", "SE", "NW", "ORIGIN",
    ]);
    expect(q("1e-60", "1e-60")).toBe("NE");
    expect(q("-1e-60", "0")).toBe("NW");
  });
  it("refuses anything but finite Decimals, naming the field", () => {
    const e = issue(() => quadrantOf({ deltaEffect: new D(Number.NaN), deltaCost: new D(1) }));
    expect([e.path, e.message]).toEqual([["deltaEffect"], "expected ΔE as a finite Decimal"]);
    const c = issue(() => quadrantOf({ deltaEffect: new D(1), deltaCost: 5 as never }));
    expect([c.path, c.message]).toEqual([["deltaCost"], "expected ΔC as a finite Decimal"]);
    expect(issue(() => quadrantOf({ deltaEffect: new D(1), deltaCost: new D(Number.POSITIVE_INFINITY) })).path).toEqual(["deltaCost"]);
    expect(issue(() => quadrantOf({ deltaEffect: new D(1), deltaCost: new D(1), extra: 1 } as never)).path).toEqual(["extra"]);
  });
});

describe("icer: the ratio, its quadrant and its sentences", () => {
  const example = { intervention: { cost: cny("300000"), effect: 2.5 }, comparator: { cost: cny("100000"), effect: 1.5 } };

  it("north-east: ΔC 200,000 / ΔE 1 = CNY 200,000 per QALY gained, in three steps", () => {
    const r = icer(example);
    expect([r.quadrant, r.reading, r.label, r.icer?.toString(), r.icerExact?.toString()]).toEqual(["NE", "cost-per-qaly-gained", "CNY 200,000.00 per QALY gained", "CNY 200000.00", "200000"]);
    expect([r.incrementalCost.toString(), r.incrementalEffect.toString()]).toEqual(["CNY 200000.00", "1"]);
    expect("costEffective" in r).toBe(false);
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["valuation.icer.increments", "The new strategy costs CNY 200,000.00 more and yields 1 QALYs more than the comparator."],
      ["valuation.icer.quadrant", "North-east quadrant: more effective and more costly, so the ICER is a cost per QALY gained."],
      ["valuation.icer.ratio", "ICER = ΔC / ΔE = CNY 200,000.00 per QALY gained (rounded half-up to the minor unit)."],
    ]);
    expect(json(r.explanation[0]!.inputs)).toEqual({ interventionCost: cny("300000.00"), comparatorCost: cny("100000.00"), interventionEffect: "2.5", comparatorEffect: "1.5" });
    expect(r.explanation[0]!.amount?.toString()).toBe("CNY 200000.00");
    expect(json(r.explanation[1]!.inputs)).toEqual({ deltaCost: cny("200000.00"), deltaEffect: "1", quadrant: "NE" });
    expect(json(r.explanation[2]!.inputs)).toEqual({ exact: "200000" });
    expect(r.explanation[2]!.amount?.toString()).toBe("CNY 200000.00");
  });

  it("with λ: the incremental NMB decides, zero counting as cost-effective", () => {
    // 150,000 × 1 − 200,000 = −50,000.
    const below = icer({ ...example, lambda: cny("150000") });
    expect(below.costEffective).toBe(false);
    expect(below.explanation[3]!.rule).toBe("valuation.icer.lambda");
    expect(below.explanation[3]!.text).toBe("At λ = CNY 150,000.00 per QALY the incremental net monetary benefit is CNY -50,000.00: the new strategy is not cost-effective.");
    expect(json(below.explanation[3]!.inputs)).toEqual({ lambda: cny("150000.00") });
    expect(below.explanation[3]!.amount?.toString()).toBe("CNY -50000.00");
    // 200,000 × 1 − 200,000 = 0.
    const at = icer({ ...example, lambda: cny("200000") });
    expect(at.costEffective).toBe(true);
    expect(at.explanation[3]!.text).toBe("At λ = CNY 200,000.00 per QALY the incremental net monetary benefit is CNY 0.00: the new strategy is cost-effective.");
    expect(icer({ ...example, lambda: cny("199999.99") }).costEffective).toBe(false);
  });

  it("south-west: a saving per QALY lost, labelled so", () => {
    // ΔC = 100,000 − 250,000 = −150,000; ΔE = 1 − 1.6 = −0.6; ratio 250,000.
    const r = icer({ intervention: { cost: cny("100000"), effect: 1 }, comparator: { cost: cny("250000"), effect: 1.6 } });
    expect([r.quadrant, r.reading, r.label, r.icer?.toString()]).toEqual(["SW", "saving-per-qaly-lost", "CNY 250,000.00 saved per QALY lost", "CNY 250000.00"]);
    expect(r.explanation[0]!.text).toBe("The new strategy costs CNY -150,000.00 more and yields -0.6 QALYs more than the comparator.");
    expect(r.explanation[1]!.text).toBe("South-west quadrant: less effective and less costly, so the ratio is a saving per QALY lost (higher is better for the new strategy).");
    expect(r.explanation[2]!.text).toBe("ICER = ΔC / ΔE = CNY 250,000.00 saved per QALY lost (rounded half-up to the minor unit).");
  });

  it("south-east, north-west and the origin report no ratio", () => {
    const se = icer({ intervention: { cost: cny("90"), effect: 1 }, comparator: { cost: cny("100"), effect: 1 } });
    expect([se.quadrant, se.reading, se.label, se.icer, se.icerExact, se.explanation.length]).toEqual(["SE", "dominant", "dominant", null, null, 2]);
    expect(se.explanation[1]!.text).toBe("South-east quadrant: at least as effective and no more costly, so the new strategy dominates; no ratio is reported.");
    const nw = icer({ intervention: { cost: cny("100"), effect: 0.9 }, comparator: { cost: cny("100"), effect: 1 } });
    expect([nw.quadrant, nw.reading, nw.label, nw.icer, nw.explanation.length]).toEqual(["NW", "dominated", "dominated", null, 2]);
    expect(nw.explanation[1]!.text).toBe("North-west quadrant: no more effective and at least as costly, so the new strategy is dominated; no ratio is reported.");
    const o = icer({ intervention: { cost: cny("100"), effect: 1 }, comparator: { cost: cny("100"), effect: "1.0" } });
    expect([o.quadrant, o.reading, o.label, o.icer]).toEqual(["ORIGIN", "no-difference", "no difference in cost or effect: ICER undefined", null]);
    expect(o.explanation[1]!.text).toBe("Same cost and same effect: the ICER is undefined and no ratio is reported.");
    // A dominant strategy with λ: incremental NMB = 1,000 × 0 + 10 = 10 ≥ 0.
    expect(icer({ intervention: { cost: cny("90"), effect: 1 }, comparator: { cost: cny("100"), effect: 1 }, lambda: cny("1000") }).costEffective).toBe(true);
  });

  it("the ratio is rounded half-up once, the exact ratio kept", () => {
    // 200 / 3 = 66.666… → 66.67; 100 / 3 = 33.333… → 33.33.
    const r = icer({ intervention: { cost: cny("200"), effect: 3 }, comparator: { cost: cny("0"), effect: 0 } });
    expect([r.icer?.toString(), r.icerExact?.toDecimalPlaces(10).toString()]).toEqual(["CNY 66.67", "66.6666666667"]);
    expect(icer({ intervention: { cost: cny("100"), effect: 3 }, comparator: { cost: cny("0"), effect: 0 } }).icer?.toString()).toBe("CNY 33.33");
    // 0.05 / 2 = 0.025 → 0.03 (half-up, not half-even).
    expect(icer({ intervention: { cost: cny("0.05"), effect: 2 }, comparator: { cost: cny("0"), effect: 0 } }).icer?.toString()).toBe("CNY 0.03");
  });

  it("amounts in two currencies are a CURRENCY_MISMATCH at the later path", () => {
    const c = domainError(() => icer({ ...example, comparator: { cost: usd("1"), effect: 1 } }));
    expect([c.code, c.path, c.details]).toEqual(["CURRENCY_MISMATCH", ["comparator", "cost"], { expected: "CNY", got: "USD" }]);
    expect(domainError(() => icer({ ...example, lambda: usd("1") })).path).toEqual(["lambda"]);
  });
});

describe("netBenefit: NMB and NHB, absolute and incremental", () => {
  const lambda = cny("150000");
  const strategies = [
    { name: "comparator", cost: cny("100000"), effect: 1.5 },
    { name: "new", cost: cny("300000"), effect: 2.5 },
  ];

  it("the guide's example, sentence by sentence", () => {
    const r = netBenefit({ lambda, strategies });
    // NMB: 150,000 × 1.5 − 100,000 = 125,000; 150,000 × 2.5 − 300,000 = 75,000.
    // NHB: 1.5 − 100,000 / 150,000 = 0.8333…; 2.5 − 2 = 0.5.
    expect(r.strategies.map((s) => [s.name, s.nmb.toString(), s.nhb?.toDecimalPlaces(6).toString(), s.incrementalNmb.toString(), s.incrementalNhb?.toDecimalPlaces(6).toString()])).toEqual([
      ["comparator", "CNY 125000.00", "0.833333", "CNY 0.00", "0"],
      ["new", "CNY 75000.00", "0.5", "CNY -50000.00", "-0.333333"],
    ]);
    expect([r.best, r.comparator, r.lambda.toString()]).toEqual(["comparator", "comparator", "CNY 150000.00"]);
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["valuation.nmb.strategy", "comparator: NMB = CNY 150,000.00 × 1.5 − CNY 100,000.00 = CNY 125,000.00; NHB = 0.833333 QALYs."],
      ["valuation.nmb.strategy", "new: NMB = CNY 150,000.00 × 2.5 − CNY 300,000.00 = CNY 75,000.00; NHB = 0.5 QALYs."],
      ["valuation.nmb.best", "Highest NMB at this λ: comparator (incremental figures are against comparator)."],
    ]);
    expect(json(r.explanation[0]!.inputs)).toEqual({ cost: cny("100000.00"), effect: "1.5", lambda: cny("150000.00") });
    expect(r.explanation[0]!.amount?.toString()).toBe("CNY 125000.00");
    expect(r.explanation[2]!.inputs).toEqual({ best: "comparator", comparator: "comparator" });
  });

  it("a named comparator sets the incremental figures", () => {
    const r = netBenefit({ lambda, strategies, comparator: "new" });
    expect(r.strategies.map((s) => s.incrementalNmb.toString())).toEqual(["CNY 50000.00", "CNY 0.00"]);
    expect(r.strategies[0]!.incrementalNhb?.toDecimalPlaces(6).toString()).toBe("0.333333");
    expect(r.explanation[2]!.text).toBe("Highest NMB at this λ: comparator (incremental figures are against new).");
    const i = issue(() => netBenefit({ lambda, strategies, comparator: "old" }));
    expect([i.path, i.message]).toEqual([["comparator"], 'comparator "old" is not one of the strategies']);
  });

  it("at λ = 0 there is no NHB, and the sentence leaves it out", () => {
    const r = netBenefit({ lambda: cny("0"), strategies: [{ name: "a", cost: cny("10"), effect: 1 }, { name: "b", cost: cny("5"), effect: 0 }] });
    expect(r.strategies.map((s) => [s.nmb.toString(), s.nhb, s.incrementalNhb])).toEqual([["CNY -10.00", null, null], ["CNY -5.00", null, null]]);
    expect(r.explanation[0]!.text).toBe("a: NMB = CNY 0.00 × 1 − CNY 10.00 = CNY -10.00.");
    expect(r.best).toBe("b");
    expect(r.strategies[1]!.incrementalNmb.toString()).toBe("CNY 5.00");
  });

  it("ties on NMB go to the more effective strategy, then to the earlier one", () => {
    // λ = 100: A 100 × 2 − 100 = 100, B 100 × 3 − 200 = 100.
    expect(netBenefit({ lambda: cny("100"), strategies: [{ name: "A", cost: cny("100"), effect: 2 }, { name: "B", cost: cny("200"), effect: 3 }] }).best).toBe("B");
    expect(netBenefit({ lambda: cny("100"), strategies: [{ name: "B", cost: cny("200"), effect: 3 }, { name: "A", cost: cny("100"), effect: 2 }] }).best).toBe("B");
    expect(netBenefit({ lambda: cny("100"), strategies: [{ name: "A", cost: cny("100"), effect: 2 }, { name: "C", cost: cny("100"), effect: 2 }] }).best).toBe("A");
    // A later, strictly higher NMB wins: 100 × 3 − 199.99 = 100.01.
    expect(netBenefit({ lambda: cny("100"), strategies: [{ name: "A", cost: cny("100"), effect: 2 }, { name: "B", cost: cny("199.99"), effect: 3 }, { name: "C", cost: cny("0"), effect: 0 }] }).best).toBe("B");
  });

  it("incremental NMB is rounded once from the exact difference", () => {
    // λ = 1: NMB exact 0.006 → 0.01 and 0.014 → 0.01; the difference 0.008 → 0.01 (not 0.01 − 0.01 = 0.00).
    const r = netBenefit({ lambda: cny("1"), strategies: [{ name: "a", cost: cny("0"), effect: 0.006 }, { name: "b", cost: cny("0"), effect: 0.014 }] });
    expect(r.strategies.map((s) => [s.nmb.toString(), s.incrementalNmb.toString()])).toEqual([["CNY 0.01", "CNY 0.00"], ["CNY 0.01", "CNY 0.01"]]);
  });

  it("a cost in another currency is a CURRENCY_MISMATCH at its strategy", () => {
    const e = domainError(() => netBenefit({ lambda, strategies: [strategies[0]!, { name: "x", cost: usd("1"), effect: 1 }] }));
    expect([e.code, e.path, e.details]).toEqual(["CURRENCY_MISMATCH", ["strategies", 1, "cost"], { expected: "CNY", got: "USD" }]);
  });
});

describe("valueBasedPrice: the highest price at which the ICER is λ", () => {
  const base = { lambda: cny("150000"), incrementalEffect: 1, comparatorCost: cny("100000"), nonDrugCost: cny("20000") };

  it("Pmax = 100,000 + 150,000 × 1 − 20,000 = 230,000, with the headroom against a current price", () => {
    const r = valueBasedPrice({ ...base, currentPrice: cny("200000") });
    expect([r.hasPositivePrice, r.maxPrice?.toString(), r.formulaValue.toString(), r.headroom?.toString()]).toEqual([true, "CNY 230000.00", "CNY 230000.00", "CNY 30000.00"]);
    expect(r.reason).toBe("At a drug price of CNY 230,000.00 the ICER is at most λ (CNY 150,000.00 per QALY); rounded floor.");
    expect(r.explanation.map((s) => [s.rule, s.text])).toEqual([
      ["valuation.price.formula", "Pmax = comparator cost CNY 100,000.00 + λ CNY 150,000.00 × ΔE 1 − non-drug cost CNY 20,000.00."],
      ["valuation.price.max", "At a drug price of CNY 230,000.00 the ICER is at most λ (CNY 150,000.00 per QALY); rounded floor."],
      ["valuation.price.headroom", "Against the current price CNY 200,000.00 the headroom is CNY 30,000.00."],
    ]);
    expect(json(r.explanation[0]!.inputs)).toEqual({ comparatorCost: cny("100000.00"), lambda: cny("150000.00"), incrementalEffect: "1", nonDrugCost: cny("20000.00") });
    expect(r.explanation.map((s) => s.amount?.toString())).toEqual(["CNY 230000.00", "CNY 230000.00", "CNY 30000.00"]);
    expect(r.explanation[1]!.inputs).toEqual({ rounding: "floor" });
    expect(json(r.explanation[2]!.inputs)).toEqual({ currentPrice: cny("200000.00") });
    // A current price above Pmax: negative headroom.
    expect(valueBasedPrice({ ...base, currentPrice: cny("230000.01") }).headroom?.toString()).toBe("CNY -0.01");
  });

  it("without a current price there is no headroom step", () => {
    const r = valueBasedPrice(base);
    expect([r.headroom, r.explanation.length]).toEqual([null, 2]);
  });

  it("rounds down by default, and as told", () => {
    // 100,000 × 0.33333339 = 33,333.339: floor 33,333.33, half-up 33,333.34.
    const down = valueBasedPrice({ lambda: cny("100000"), incrementalEffect: "0.33333339", comparatorCost: cny("0"), nonDrugCost: cny("0") });
    expect([down.maxPrice?.toString(), down.formulaValue.amount.toString()]).toEqual(["CNY 33333.33", "33333.339"]);
    const up = valueBasedPrice({ lambda: cny("100000"), incrementalEffect: "0.33333339", comparatorCost: cny("0"), nonDrugCost: cny("0"), rounding: "half-up" });
    expect(up.maxPrice?.toString()).toBe("CNY 33333.34");
    expect(up.reason).toBe("At a drug price of CNY 33,333.34 the ICER is at most λ (CNY 100,000.00 per QALY); rounded half-up.");
  });

  it("no health gain: no price, and the sentence says why", () => {
    for (const dE of ["0", "-0.5"]) {
      const r = valueBasedPrice({ ...base, incrementalEffect: dE, currentPrice: cny("1") });
      expect([r.hasPositivePrice, r.maxPrice, r.headroom]).toEqual([false, null, null]);
      expect(r.reason).toBe(`ΔE = ${dE} QALYs: the new strategy gains no health, so no positive price makes it cost-effective.`);
      expect(r.explanation[1]!.rule).toBe("valuation.price.none");
      expect(r.explanation[1]!.text).toBe(r.reason);
      expect(json(r.explanation[1]!.inputs)).toEqual({ incrementalEffect: dE });
      expect(r.explanation).toHaveLength(2);
    }
    // 100,000 + 150,000 × (−0.5) − 20,000 = 5,000: the formula's value is still reported.
    expect(valueBasedPrice({ ...base, incrementalEffect: -0.5 }).formulaValue.toString()).toBe("CNY 5000.00");
  });

  it("a formula value that rounds to zero or less: no price", () => {
    // 0 + 1 × 0.005 − 0 = 0.005 → floor 0.00: none; half-up 0.01: a price.
    const zero = valueBasedPrice({ lambda: cny("1"), incrementalEffect: 0.005, comparatorCost: cny("0"), nonDrugCost: cny("0") });
    expect([zero.hasPositivePrice, zero.maxPrice, zero.headroom]).toEqual([false, null, null]);
    expect(zero.reason).toBe("The formula gives CNY 0.00: even a free drug would not bring the ICER down to λ.");
    expect(zero.explanation[1]!).toMatchObject({ rule: "valuation.price.none", text: zero.reason, inputs: {} });
    expect(valueBasedPrice({ lambda: cny("1"), incrementalEffect: 0.005, comparatorCost: cny("0"), nonDrugCost: cny("0"), rounding: "half-up" }).maxPrice?.toString()).toBe("CNY 0.01");
    // 0 + 10,000 × 1 − 20,000 = −10,000.
    expect(valueBasedPrice({ ...base, lambda: cny("10000"), comparatorCost: cny("0") }).reason).toBe("The formula gives CNY -10,000.00: even a free drug would not bring the ICER down to λ.");
  });

  it("amounts in two currencies are a CURRENCY_MISMATCH at their path", () => {
    expect(domainError(() => valueBasedPrice({ ...base, comparatorCost: usd("1") })).path).toEqual(["comparatorCost"]);
    expect(domainError(() => valueBasedPrice({ ...base, nonDrugCost: usd("1") })).path).toEqual(["nonDrugCost"]);
    const e = domainError(() => valueBasedPrice({ ...base, currentPrice: usd("1") }));
    expect([e.code, e.path, e.details]).toEqual(["CURRENCY_MISMATCH", ["currentPrice"], { expected: "CNY", got: "USD" }]);
  });
});
