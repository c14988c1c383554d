// Sentences and rule ids of each layer kind in splitBill, one layer and several.
// Exact behaviour (wording, limits, paths) first pinned by the mutation runs; amounts worked by hand (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import {
  ValidationError,
  parseLayers,
  splitBill,
} from "../../src/index.js";
import { caught, domainError, issues, subMinorUnit, validationMessage } from "../typed-errors.js";

const amt = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

describe("splitBill: basic layer wording, deductible, catalogue and cap", () => {
  const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", deductible: "1000", rate: 0.7, cap: "50000" }] });

  it("a first claim: catalogue part, deductible absorbed, rate applied", () => {
    const r = splitBill({ plan, bill: "10000", catalogueAmount: "8000", year: 2026 });
    // eligible = min(10,000, catalogue 8,000) = 8,000; deductible 1,000; 70% × 7,000 = 4,900.
    const layer = r.layers[0]!;
    expect([amt(layer.base), amt(layer.eligible), amt(layer.deductibleApplied), layer.rate, amt(layer.amount), layer.limitedBy, layer.rule]).toEqual([
      "10000.00",
      "8000.00",
      "1000.00",
      "0.7",
      "4900.00",
      null,
      "tiers.basic.coinsurance",
    ]);
    expect(layer.name).toBe("Basic medical insurance (基本医保)");
    expect(layer.basis).toBe("remaining");
    expect(layer.text).toBe(
      "Basic medical insurance (基本医保) [basic] looks at what remains, CNY 10,000.00; of which CNY 8,000.00 is on the catalogue and covered; CNY 1,000.00 goes to the annual deductible of CNY 1,000.00 (CNY 0.00 met before, CNY 0.00 left after). It pays 70% of CNY 7,000.00 = CNY 4,900.00.",
    );
    expect(r.explanation.map((s) => s.text)).toEqual([
      "The bill is CNY 10,000.00, of which CNY 8,000.00 is on the insurance catalogue; 1 layer(s) apply in order.",
      layer.text,
      // 10,000 − 4,900 = 5,100.
      "The patient pays what no layer covered: CNY 10,000.00 − CNY 4,900.00 = CNY 5,100.00.",
    ]);
    expect(r.explanation.map((s) => s.rule)).toEqual(["tiers.bill", "tiers.basic.coinsurance", "tiers.patient"]);
    expect(r.explanation[0]!.inputs.layers).toEqual(["basic"]);
    expect(r.explanation[1]!.inputs).toMatchObject({ basis: "remaining", rate: "0.7", limitedBy: null });
    expect(amt(r.explanation[1]!.inputs.cap as never)).toBe("50000.00");
    expect(amt(r.catalogueAmount)).toBe("8000.00");
    expect(amt(r.covered)).toBe("4900.00");
    expect(r.accumulators).toEqual({ year: 2026, currency: "CNY", layers: { basic: { deductibleMet: "1000.00", paid: "4900.00" } } });
  });

  it("a second claim of the year is limited by what is left of the cap", () => {
    const first = splitBill({ plan, bill: "10000", catalogueAmount: "8000", year: 2026 });
    const r = splitBill({ plan, bill: "100000", year: 2026, accumulators: first.accumulators });
    // No deductible left; 70% × 100,000 = 70,000 > cap left 50,000 − 4,900 = 45,100.
    const layer = r.layers[0]!;
    expect([amt(layer.deductibleApplied), amt(layer.amount), layer.limitedBy]).toEqual(["0.00", "45100.00", "cap"]);
    expect(layer.text).toBe(
      "Basic medical insurance (基本医保) [basic] looks at what remains, CNY 100,000.00; CNY 0.00 goes to the annual deductible of CNY 1,000.00 (CNY 1,000.00 met before, CNY 0.00 left after). It pays 70% of CNY 100,000.00 = CNY 70,000.00, limited to CNY 45,100.00 by what is left of its annual cap of CNY 50,000.00 (CNY 4,900.00 used before).",
    );
    expect(r.explanation[0]!.text).toBe("The bill is CNY 100,000.00, all of it on the insurance catalogue; 1 layer(s) apply in order.");
    expect(r.accumulators.layers.basic).toEqual({ deductibleMet: "1000.00", paid: "50000.00" });
    // A full cap pays nothing more, limited by the cap.
    const third = splitBill({ plan, bill: "100", year: 2026, accumulators: r.accumulators });
    expect([amt(third.layers[0]!.amount), third.layers[0]!.limitedBy]).toEqual(["0.00", "cap"]);
    // Exactly at the cap: 70% × 1,000 = 700 ≤ 700 left is not limited.
    const exact = splitBill({ year: 2026, plan, bill: "1000", accumulators: { currency: "CNY", layers: { basic: { deductibleMet: "1000", paid: "49300" } } } });
    expect([amt(exact.layers[0]!.amount), exact.layers[0]!.limitedBy]).toEqual(["700.00", null]);
  });

  it("a deductible partly met before: the sentence shows what was met and what is left", () => {
    const r = splitBill({ year: 2026, plan, bill: "300", accumulators: { currency: "CNY", layers: { basic: { deductibleMet: "400" } } } });
    // 600 of the deductible left; the 300 bill all goes to it; 300 left after.
    expect(r.layers[0]!.text).toBe(
      "Basic medical insurance (基本医保) [basic] looks at what remains, CNY 300.00; CNY 300.00 goes to the annual deductible of CNY 1,000.00 (CNY 400.00 met before, CNY 300.00 left after). It pays 70% of CNY 0.00 = CNY 0.00.",
    );
    expect(r.accumulators.year).toBe(2026); // a claim with accumulators states its year (B4)
  });

  it("explain: false gives the same amounts with no sentences", () => {
    const r = splitBill({ plan, bill: "10000", catalogueAmount: "8000", explain: false });
    expect(amt(r.layers[0]!.amount)).toBe("4900.00");
    expect(r.layers[0]!.text).toBe("");
    expect(r.explanation).toEqual([]);
  });
});

describe("splitBill: several layers", () => {
  it("a layer is limited to what is still unpaid", () => {
    const r = splitBill({
      plan: { currency: "CNY", layers: [
        { kind: "basic", id: "b", basis: "total", rate: 0.7 },
        { kind: "commercial", id: "c", basis: "total", rate: 0.5 },
      ] },
      bill: "1000",
    });
    // 700, then 50% × 1,000 = 500 but only 300 unpaid.
    expect(r.layers.map((l) => [amt(l.amount), l.limitedBy])).toEqual([
      ["700.00", null],
      ["300.00", "remaining"],
    ]);
    expect(r.layers[1]!.text).toBe(
      "Commercial cover (惠民保 / 特药险) [c] looks at the whole bill, CNY 1,000.00. It pays 50% of CNY 1,000.00 = CNY 500.00, limited to CNY 300.00: only that much of the bill is still unpaid.",
    );
    expect(amt(r.patient)).toBe("0.00");
    // Exactly what remains is not limited: 70% then 30% of the total.
    const exact = splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", id: "b", basis: "total", rate: 0.7 }, { kind: "commercial", id: "c", basis: "total", rate: 0.3 }] }, bill: "1000" });
    expect(exact.layers[1]!.limitedBy).toBeNull();
  });

  it("out-of-catalogue cover pays on the part off the catalogue", () => {
    const r = splitBill({
      plan: { currency: "CNY", layers: [
        { kind: "basic", id: "b", rate: 1 },
        { kind: "commercial", id: "c", covers: "outOfCatalogue", rate: 0.5 },
      ] },
      bill: "1000",
      catalogueAmount: "600",
    });
    // basic pays the 600 on the catalogue; 400 remain, all off the catalogue; 50% = 200.
    expect(r.layers.map((l) => amt(l.amount))).toEqual(["600.00", "200.00"]);
    expect(r.layers[1]!.text).toBe("Commercial cover (惠民保 / 特药险) [c] looks at what remains, CNY 400.00. It pays 50% of CNY 400.00 = CNY 200.00.");
    const offOnly = splitBill({ plan: { currency: "CNY", layers: [{ kind: "commercial", id: "c", covers: "outOfCatalogue", rate: 0.5 }] }, bill: "1000", catalogueAmount: "600" });
    expect(offOnly.layers[0]!.text).toBe(
      "Commercial cover (惠民保 / 特药险) [c] looks at what remains, CNY 1,000.00; of which CNY 400.00 is off the catalogue and covered. It pays 50% of CNY 400.00 = CNY 200.00.",
    );
    // covers: catalogue on a non-basic layer.
    const cat = splitBill({ plan: { currency: "CNY", layers: [{ kind: "commercial", id: "c", covers: "catalogue", rate: 0.5 }] }, bill: "1000", catalogueAmount: "600" });
    expect(amt(cat.layers[0]!.amount)).toBe("300.00");
    // covers: all on a basic layer ignores the catalogue.
    const all = splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", id: "b", covers: "all", rate: 0.5 }] }, bill: "1000", catalogueAmount: "600" });
    expect(amt(all.layers[0]!.amount)).toBe("500.00");
  });

  it("progressive supplementary bands over the year's amount above the threshold", () => {
    const plan = parseLayers({
       currency: "CNY", layers: [
        {
          kind: "supplementary",
          id: "supp",
          threshold: "10000",
          bands: { bands: [{ from: 0, to: "50000", value: 0.5 }, { from: "50000", to: null, value: 0.6 }] },
        },
      ],
    });
    const r = splitBill({ plan, bill: "100000" });
    // Above the 10,000 threshold: 90,000 = 50,000 at 50% (25,000) + 40,000 at 60% (24,000) = 49,000.
    const layer = r.layers[0]!;
    expect(amt(layer.amount)).toBe("49000.00");
    // 49,000 / 90,000 = 0.5444… → 6 places.
    expect(layer.rate).toBe("0.544444");
    expect(layer.rule).toBe("tiers.supplementary.bands");
    expect(layer.text).toBe(
      "Critical-illness / supplementary insurance (大病保险 / 补充医保) [supp] looks at what remains, CNY 100,000.00; CNY 10,000.00 goes to the annual threshold of CNY 10,000.00 (CNY 0.00 met before, CNY 0.00 left after). It pays by progressive bands (50% of CNY 50,000.00 + 60% of CNY 40,000.00; the year's amount above the threshold stood at CNY 0.00 before this claim) of CNY 90,000.00 = CNY 49,000.00.",
    );
    expect(r.explanation[1]!.inputs).toMatchObject({ bands: ["50% of CNY 50,000.00", "60% of CNY 40,000.00"], bandBaseBefore: "0.00" });
    expect(r.accumulators.layers.supp).toEqual({ deductibleMet: "10000.00", paid: "49000.00", bandBase: "90000.00" });
    // The next claim starts at position 90,000: all of it in the 60% band.
    const next = splitBill({ year: 2026, plan, bill: "1000", accumulators: r.accumulators });
    expect(amt(next.layers[0]!.amount)).toBe("600.00");
    expect(next.layers[0]!.rate).toBe("0.6");
    expect(next.layers[0]!.text).toContain(
      "It pays by progressive bands (60% of CNY 1,000.00; the year's amount above the threshold stood at CNY 90,000.00 before this claim) of CNY 1,000.00 = CNY 600.00.",
    );
    // A claim that crosses the band edge: position 49,000 + 2,000 → 1,000 at 50% + 1,000 at 60% = 1,100.
    const across = splitBill({ year: 2026, plan, bill: "2000", accumulators: { currency: "CNY", layers: { supp: { deductibleMet: "10000", bandBase: "49000" } } } });
    expect(amt(across.layers[0]!.amount)).toBe("1100.00");
    // Nothing above the threshold: rate 0, nothing to pay on.
    const none = splitBill({ plan, bill: "0" });
    expect(none.layers[0]!.rate).toBe("0");
    expect(none.layers[0]!.text).toContain("It pays by progressive bands (nothing to pay on; ");
  });

  it("a supplementary layer with a plain rate", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "supplementary", id: "s", threshold: "100", rate: 0.5 }] }, bill: "300" });
    // (300 − 100) × 50% = 100.
    expect(amt(r.layers[0]!.amount)).toBe("100.00");
    expect(r.layers[0]!.rule).toBe("tiers.supplementary.rate");
    const strat = splitBill({ plan: { currency: "CNY", layers: [{ kind: "supplementary", id: "s", rate: { by: "type", categories: { a: 0.2 } } }] }, bill: "300", patient: { type: "a" } });
    expect(amt(strat.layers[0]!.amount)).toBe("60.00");
  });

  it("manufacturer programmes: buy-N-get-M, free after cycles, discount", () => {
    const buyGet = { kind: "manufacturer", id: "pap", program: { type: "buyGet", buy: 2, get: 1 } } as const;
    const r = splitBill({ plan: { currency: "CNY", layers: [buyGet] }, bill: "3000", units: 10 });
    // 10 units, buy 2 get 1: 3 cycles (6 paid + 3 free) + 1 paid → 3 free of 10; 3/10 × 3,000 = 900.
    const layer = r.layers[0]!;
    expect([amt(layer.amount), layer.rate, layer.rule]).toEqual(["900.00", "3/10", "tiers.manufacturer.buy-get"]);
    expect(layer.name).toBe("Manufacturer patient assistance (患者援助项目 (PAP))");
    expect(layer.text).toContain("It pays the free share 3/10 (buy 2, get 1 free: 7 of 10 units paid) of CNY 3,000.00 = CNY 900.00.");
    expect(r.explanation[1]!.inputs).toMatchObject({ buy: 2, get: 1, units: 10, paidUnits: 7, freeUnits: 3 });
    const zero = splitBill({ plan: { currency: "CNY", layers: [buyGet] }, bill: "3000", units: 0 });
    expect([amt(zero.layers[0]!.amount), zero.layers[0]!.rate]).toEqual(["0.00", "0"]);
    expect(issues(() => splitBill({ plan: { currency: "CNY", layers: [buyGet] }, bill: "3000" }))).toEqual([
      { path: ["units"], code: "missing_units", message: "layer pap gives buy-2-get-1: the claim must say how many units were dispensed" },
    ]);

    const free = { kind: "manufacturer", id: "pap", program: { type: "freeAfterCycles", paidCycles: 3 } } as const;
    const c3 = splitBill({ plan: { currency: "CNY", layers: [free] }, bill: "500", cycle: 3 });
    expect([amt(c3.layers[0]!.amount), c3.layers[0]!.rate]).toEqual(["0.00", "0"]);
    expect(c3.layers[0]!.text).toContain("It pays 0% (cycle 3; the drug is free from cycle 4) of CNY 500.00 = CNY 0.00.");
    const c4 = splitBill({ plan: { currency: "CNY", layers: [free] }, bill: "500", cycle: 4 });
    expect([amt(c4.layers[0]!.amount), c4.layers[0]!.rate, c4.layers[0]!.rule]).toEqual(["500.00", "1", "tiers.manufacturer.free-after-cycles"]);
    expect(c4.layers[0]!.text).toContain("It pays 100% (cycle 4; the drug is free from cycle 4) of CNY 500.00 = CNY 500.00.");
    expect(c4.explanation[1]!.inputs).toMatchObject({ cycle: 4, paidCycles: 3 });
    expect(issues(() => splitBill({ plan: { currency: "CNY", layers: [free] }, bill: "500" }))).toEqual([
      { path: ["cycle"], code: "missing_cycle", message: "layer pap gives the drug free after 3 paid cycle(s): the claim must say which cycle it is" },
    ]);

    const discount = splitBill({ plan: { currency: "CNY", layers: [{ kind: "manufacturer", id: "d", program: { type: "discount", rate: 0.15 } }] }, bill: "200" });
    // 15% of 200 = 30.
    expect([amt(discount.layers[0]!.amount), discount.layers[0]!.rate, discount.layers[0]!.rule]).toEqual(["30.00", "0.15", "tiers.manufacturer.discount"]);
  });

  it("assistance: the highest group rate, the first among equals, or the fallback rate", () => {
    const aid = { kind: "assistance", id: "aid", groupRates: { a: 0.5, b: 0.8, c: 0.5 } } as const;
    const best = splitBill({ plan: { currency: "CNY", layers: [aid] }, bill: "1000", patient: { groups: ["a", "b"] } });
    expect([amt(best.layers[0]!.amount), best.layers[0]!.rule]).toEqual(["800.00", "tiers.assistance.group"]);
    expect(best.layers[0]!.text).toContain("It pays 80% (group b) of CNY 1,000.00 = CNY 800.00.");
    expect(best.explanation[1]!.inputs).toMatchObject({ rate: "0.8", chosenBy: ["group b"] });
    const tie = splitBill({ plan: { currency: "CNY", layers: [aid] }, bill: "1000", patient: { groups: ["c", "a"] } });
    expect(tie.layers[0]!.text).toContain("(group c)");
    const none = splitBill({ plan: { currency: "CNY", layers: [aid] }, bill: "1000", patient: { groups: ["z"] } });
    expect([amt(none.layers[0]!.amount), none.layers[0]!.rate, none.layers[0]!.rule]).toEqual(["0.00", "0", "tiers.assistance.not-eligible"]);
    expect(none.layers[0]!.text).toContain("It pays 0%: the patient is in none of the eligible groups (a, b, c) of CNY 1,000.00 = CNY 0.00.");
    expect(none.explanation[1]!.inputs).toMatchObject({ eligibleGroups: ["a", "b", "c"], patientGroups: ["z"] });
    const noPatient = splitBill({ plan: { currency: "CNY", layers: [aid] }, bill: "1000" });
    expect(noPatient.explanation[1]!.inputs).toMatchObject({ patientGroups: [] });
    const fallback = splitBill({ plan: { currency: "CNY", layers: [{ ...aid, rate: 0.1 }] }, bill: "1000", patient: { groups: ["z"] } });
    expect([amt(fallback.layers[0]!.amount), fallback.layers[0]!.rule]).toEqual(["100.00", "tiers.assistance.rate"]);
    const onlyRate = splitBill({ plan: { currency: "CNY", layers: [{ kind: "assistance", id: "r", rate: 0.1 }] }, bill: "1000", patient: { groups: ["a"] } });
    expect(amt(onlyRate.layers[0]!.amount)).toBe("100.00");
  });

  it("a pool pays its funders' total share and splits it among them", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "pool", id: "pool", funders: [{ id: "fund", share: 0.4 }, { id: "maker", name: "Maker Inc.", share: 0.35 }] }] }, bill: "1000" });
    // 0.4 + 0.35 = 0.75 of 1,000 = 750: 400 / 350.
    const layer = r.layers[0]!;
    expect([amt(layer.amount), layer.rate, layer.rule]).toEqual(["750.00", "0.75", "tiers.pool.shares"]);
    expect(layer.parts!.map((p) => [p.id, p.name, amt(p.amount)])).toEqual([
      ["fund", "fund", "400.00"],
      ["maker", "Maker Inc.", "350.00"],
    ]);
    expect(layer.text).toContain("It pays 75% in fixed shares (fund 40%, Maker Inc. 35%) of CNY 1,000.00 = CNY 750.00.");
    expect(r.explanation[1]!.inputs).toMatchObject({ shares: [{ funder: "fund", share: "0.4" }, { funder: "maker", share: "0.35" }] });
    expect((r.explanation[1]!.inputs.parts as { funder: string }[]).map((p) => p.funder)).toEqual(["fund", "maker"]);
    const zero = splitBill({ plan: { currency: "CNY", layers: [{ kind: "pool", id: "pool", funders: [{ id: "fund", share: 0.4 }] }] }, bill: "0" });
    expect(zero.layers[0]!.parts!.map((p) => amt(p.amount))).toEqual(["0.00"]);
    // Layers other than pools carry no parts.
    expect("parts" in splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }] }, bill: "10" }).layers[0]!).toBe(false);
  });

  it("rounds each layer once with the plan's mode", () => {
    // 1/3 of 0.10 = 3.33 fen: half-up 3, up 4.
    const layers = [{ kind: "basic", id: "b", rate: "0.333" }] as const;
    expect(amt(splitBill({ plan: { currency: "CNY", layers: [...layers] }, bill: "0.10" }).layers[0]!.amount)).toBe("0.03");
    expect(amt(splitBill({ plan: { currency: "CNY", rounding: "up", layers: [...layers] }, bill: "0.10" }).layers[0]!.amount)).toBe("0.04");
    expect(parseLayers({ currency: "CNY", rounding: "floor", layers: [] }).rounding).toBe("floor");
  });
});

describe("layer kinds: what they need from a claim, and how they say it", () => {
  it("missing units or cycle are raised in splitBill's name", () => {
    const units = caught(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "manufacturer", id: "pap", program: { type: "buyGet", buy: 2, get: 1 } }] }, bill: "3000" }));
    expect(units.message).toBe("splitBill: invalid input — units: layer pap gives buy-2-get-1: the claim must say how many units were dispensed");
    const cycle = caught(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "manufacturer", id: "pap", program: { type: "freeAfterCycles", paidCycles: 3 } }] }, bill: "500" }));
    expect(cycle.message).toBe("splitBill: invalid input — cycle: layer pap gives the drug free after 3 paid cycle(s): the claim must say which cycle it is");
  });

  it("progressive bands whose rates have different precision are added on a common denominator", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "supplementary", id: "s", bands: { bands: [{ from: 0, to: "100", value: 0.55 }, { from: "100", to: null, value: 0.5 }] } }] }, bill: "300" });
    // 100 at 55% = 55 + 200 at 50% = 100 → 155; 155 / 300 = 0.516666… → 0.516667.
    expect([amt(r.layers[0]!.amount), r.layers[0]!.rate]).toEqual(["155.00", "0.516667"]);
    expect(r.explanation[1]!.inputs).toMatchObject({ bands: ["55% of CNY 100.00", "50% of CNY 200.00"] });
  });

  it("a nested rate table shows both choices; a flat rate lists none", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: { by: "insuranceType", categories: { employee: { by: "hospitalLevel", categories: { "3": 0.7 } } } } }] });
    const r = splitBill({ plan, bill: "1000", patient: { insuranceType: "employee", hospitalLevel: 3 } });
    // 70% × 1,000 = 700.
    expect(r.layers[0]!.text).toBe(
      "Basic medical insurance (基本医保) [b] looks at what remains, CNY 1,000.00. It pays 70% (insuranceType = employee; hospitalLevel = 3) of CNY 1,000.00 = CNY 700.00.",
    );
    expect(r.explanation[1]!.inputs).toMatchObject({ rate: "0.7", chosenBy: ["insuranceType = employee", "hospitalLevel = 3"] });
    const flat = splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.7 }] }, bill: "1000" });
    expect(flat.explanation[1]!.inputs).not.toHaveProperty("chosenBy");
    expect(flat.explanation[1]!.inputs.rate).toBe("0.7");
  });

  it("a discount programme pays its rate with no trail", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "manufacturer", id: "d", program: { type: "discount", rate: 0.15 } }] }, bill: "200" });
    // 15% of 200 = 30.
    expect(r.layers[0]!.text).toBe("Manufacturer patient assistance (患者援助项目 (PAP)) [d] looks at what remains, CNY 200.00. It pays 15% of CNY 200.00 = CNY 30.00.");
    expect(r.explanation[1]!.inputs).not.toHaveProperty("chosenBy");
  });
});

describe("splitBill: input, paths and explanation inputs", () => {
  it("the plan must be an object", () => {
    const planIssue = [{ path: ["plan"], code: "custom", message: "expected a coverage plan" }];
    expect(issues(() => splitBill({ plan: null as never, bill: "1" }))).toEqual(planIssue);
    expect(issues(() => splitBill({ plan: 5 as never, bill: "1" }))).toEqual(planIssue);
  });

  it("errors in a plan document are raised in splitBill's name; other errors pass through as they are", () => {
    expect(validationMessage(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", id: "a", rate: 0.5 }, { kind: "basic", id: "a", rate: 0.5 }] }, bill: "10" }))).toBe(
      'splitBill: invalid input — plan.layers[1].id: layer id "a" is already used by layers[0]',
    );
    const boom = new Error("boom");
    const plan = {
      get layers(): never {
        throw boom;
      },
    };
    expect(caught(() => splitBill({ plan: plan as never, bill: "1" }))).toBe(boom);
  });

  it("bad claims name splitBill; a catalogue amount finer than the fen names its field", () => {
    expect(validationMessage(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }] }, bill: "1", explain: "yes" as never })).startsWith("splitBill: invalid input — explain: ")).toBe(true);
    const e = subMinorUnit(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }] }, bill: "1", catalogueAmount: "0.001" }));
    expect([e.code, e.path, e.message]).toEqual(["sub_minor_unit", ["catalogueAmount"], "catalogueAmount: the catalogue amount 0.001 has more decimals than the currency's 2"]);
  });

  it("the patient step lists the bill and what the layers covered", () => {
    const r = splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", rate: 0.7 }] }, bill: "1000" });
    // 70% × 1,000 = 700 covered; the patient pays 300.
    const last = r.explanation.at(-1)!;
    expect(last.rule).toBe("tiers.patient");
    expect([amt(last.inputs.bill as never), amt(last.inputs.covered as never), amt(last.amount!)]).toEqual(["1000.00", "700.00", "300.00"]);
  });
});

describe("splitBill input checks", () => {
  const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", rate: 0.5 }] });
  it("bill currency and catalogue amount", () => {
    const cur = domainError(() => splitBill({ plan, bill: { amount: "10", currency: "USD" } }));
    expect([cur.code, cur.message]).toEqual(["CURRENCY_MISMATCH", "bill.currency: the bill is in USD but the plan settles in CNY"]);
    expect(amt(splitBill({ plan, bill: { amount: "10", currency: "CNY" } }).bill)).toBe("10.00");
    const cat = domainError(() => splitBill({ plan, bill: "10", catalogueAmount: "20" }));
    expect([cat.code, cat.message]).toEqual(["INCONSISTENT_INPUT", "catalogueAmount: the catalogue-eligible amount 20.00 exceeds the bill 10.00"]);
    expect(amt(splitBill({ plan, bill: "10", catalogueAmount: "10" }).layers[0]!.amount)).toBe("5.00");
    const sub = subMinorUnit(() => splitBill({ plan, bill: "10.001" }));
    expect([sub.code, sub.message]).toEqual(["sub_minor_unit", "bill: the bill 10.001 has more decimals than the currency's 2"]);
  });

  it("errors inside a plan document carry the plan's path", () => {
    const e = domainError(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "supplementary", bands: { bands: [{ from: 5, to: null, value: 0.5 }] } }] }, bill: "10" }));
    expect(e.path).toEqual(["plan", "layers", 0, "bands"]);
    expect(e.code).toBe("BAND_COVERAGE");
    const v = issues(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", id: "a", rate: 0.5 }, { kind: "basic", id: "a", rate: 0.5 }] }, bill: "10" }));
    expect(v[0]!.path).toEqual(["plan", "layers", 1, "id"]);
  });
});
