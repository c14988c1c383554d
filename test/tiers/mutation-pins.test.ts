// Pins of exact behaviour the mutation run (docs/quality-mutation.md) showed the
// other tiers tests left loose: explanation sentences, limits and their wording,
// accumulator checks, rate-table trails, rounding of shares, the smaller calculators.
// Amounts are worked out by hand in the comments (1 CNY = 100 fen).
import { describe, expect, it } from "vitest";
import {
  buyGetFreeUnits,
  catastrophicBurden,
  coordinateBenefits,
  DomainError,
  formatInstant,
  greenChannelDeadlines,
  isCoveragePlan,
  isoInstantSchema,
  parseInput,
  parseLayers,
  resolveStratifiedRate,
  splitBill,
  splitBillMinorUnits,
  stratifiedRateSchema,
  stratifiedReimbursement,
  triageClaim,
  ValidationError,
} from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { fractionOf, maxUnits, minUnits, roundedProduct, scaleOf, toUnits, unitsText } from "../../src/tiers/units.js";
import { domainError, issues } from "../typed-errors.js";


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
    expect([amt(layer.amount), layer.rate, layer.rule]).toEqual(["900.00", "3/10", "tiers.manufacturer.buyGet"]);
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
    expect([amt(c4.layers[0]!.amount), c4.layers[0]!.rate, c4.layers[0]!.rule]).toEqual(["500.00", "1", "tiers.manufacturer.freeAfterCycles"]);
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
    expect([amt(none.layers[0]!.amount), none.layers[0]!.rate, none.layers[0]!.rule]).toEqual(["0.00", "0", "tiers.assistance.notEligible"]);
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

describe("parseLayers", () => {
  it("defaults ids, names, basis and cover, and brands the plan", () => {
    const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.5 }, { kind: "commercial", rate: 0.5, name: "HMB", sumInsured: "100" }] });
    expect(isCoveragePlan(plan)).toBe(true);
    expect(isCoveragePlan({ currency: "CNY", layers: [] })).toBe(false);
    expect(isCoveragePlan(null)).toBe(false);
    expect(parseLayers(plan)).toBe(plan);
    expect(plan.currency).toBe("CNY");
    expect(plan.scale).toBe(2);
    expect(plan.rounding).toBe("half-up");
    expect(plan.layers.map((l) => [l.id, l.name, l.basis, l.covers, l.cap])).toEqual([
      ["basic-1", "Basic medical insurance (基本医保)", "remaining", "catalogue", null],
      ["commercial-2", "HMB", "remaining", "all", 10000n],
    ]);
    expect(parseLayers({ currency: "JPY", layers: [] }).scale).toBe(0);
  });

  it("collects layer problems with their paths", () => {
    expect(
      issues(() =>
        parseLayers({ currency: "CNY", layers: [
          { kind: "basic", id: "a", rate: 0.5 },
          { kind: "basic", id: "a", rate: 0.5 },
          { kind: "commercial", id: "c", rate: 0.5, cap: "10", sumInsured: "10" },
          { kind: "supplementary", id: "s" },
          { kind: "assistance", id: "x" },
          { kind: "pool", id: "p", funders: [{ id: "f", share: 0.7 }, { id: "f", share: 0.5 }] },
          { kind: "pool", id: "q", funders: [{ id: "g", share: 0 }] },
        ] }),
      ),
    ).toEqual([
      { path: ["layers", 1, "id"], code: "duplicate_id", message: 'layer id "a" is already used by layers[0]' },
      { path: ["layers", 2, "sumInsured"], code: "conflict", message: "give the sum insured or the cap, not both" },
      { path: ["layers", 3, "rate"], code: "invalid_layer", message: "a supplementary layer needs either a rate or progressive bands (exactly one)" },
      { path: ["layers", 4, "groupRates"], code: "invalid_layer", message: "an assistance layer needs group rates, a rate, or both" },
      { path: ["layers", 5, "funders"], code: "too_big", message: "the funders' shares add up to 1.2, more than the whole (1)" },
      { path: ["layers", 5, "funders", 1, "id"], code: "duplicate_id", message: 'funder id "f" appears twice' },
      { path: ["layers", 6, "funders"], code: "too_small", message: "at least one funder needs a positive share" },
    ]);
    // A supplementary layer with both a rate and bands is refused too; shares adding to exactly 1 are fine.
    expect(issues(() => parseLayers({ currency: "CNY", layers: [{ kind: "supplementary", rate: 0.5, bands: { bands: [{ from: 0, to: null, value: 0.5 }] } }] }))[0]!.path).toEqual(["layers", 0, "rate"]);
    expect(parseLayers({ currency: "CNY", layers: [{ kind: "pool", funders: [{ id: "f", share: 0.5 }, { id: "g", share: 0.5 }] }] }).layers[0]!.id).toBe("pool-1");
  });

  it("progressive bands must cover [0, +∞)", () => {
    const bad = (bands: unknown) => domainError(() => parseLayers({ currency: "CNY", layers: [{ kind: "supplementary", bands: { bands } }] }));
    const e = bad([{ from: "100", to: null, value: 0.5 }]);
    expect(e.code).toBe("BAND_COVERAGE");
    expect(e.message).toBe("layers[0].bands: progressive bands run over the year's amount above the threshold and must cover [0, +∞)");
    expect(bad([{ from: 0, to: "100", value: 0.5 }]).code).toBe("BAND_COVERAGE");
    expect(bad([{ from: null, to: null, value: 0.5 }]).code).toBe("BAND_COVERAGE");
    // Bounds finer than the currency are refused.
    expect(domainError(() => parseLayers({ currency: "CNY", layers: [{ kind: "supplementary", bands: { bands: [{ from: 0, to: "0.001", value: 0.5 }, { from: "0.001", to: null, value: 0.6 }] } }] })).code).toBe("SUB_MINOR_UNIT");
  });
});

describe("accumulators", () => {
  const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "basic", deductible: "750", rate: 0.5, cap: "1000" }] });
  const claim = (accumulators: unknown, year?: number) => () => splitBill({ year: 2026, plan, bill: "10", accumulators: accumulators as never, ...(year === undefined ? {} : { year }) });

  it("refuses accumulators of another currency, year or plan, with their wording", () => {
    const cur = domainError(claim({ currency: "USD", layers: {} }));
    expect([cur.code, cur.message]).toEqual(["CURRENCY_MISMATCH", "accumulators.currency: the accumulators are in USD but the plan settles in CNY"]);
    expect(cur.details).toEqual({ accumulators: "USD", plan: "CNY" });
    const year = domainError(claim({ year: 2025, currency: "CNY", layers: {} }, 2026));
    expect(year.message).toBe("accumulators.year: the accumulators belong to 2025 but the claim is in 2026: start the new year from empty accumulators");
    expect(year.details).toEqual({ accumulators: 2025, claim: 2026 });
    const unknown = domainError(claim({ currency: "CNY", layers: { other: {} } }));
    expect([unknown.code, unknown.message]).toEqual(["UNKNOWN_KEY", 'accumulators.layers.other: the accumulators name layer "other", which the plan does not have']);
    expect(unknown.details).toEqual({ known: ["basic"] });
    // A year on only one side, or a null year, is accepted.
    expect(splitBill({ plan, bill: "10", year: 2026, accumulators: { year: null, currency: "CNY", layers: {} } }).accumulators.year).toBe(2026);
    expect(splitBill({ year: 2025, plan, bill: "10", accumulators: { year: 2025, currency: "CNY", layers: {} } }).accumulators.year).toBe(2025);
    expect(splitBill({ plan, bill: "10", year: 2025, accumulators: { year: 2025, currency: "CNY", layers: {} } }).accumulators.year).toBe(2025);
  });

  it("refuses figures beyond the layer's deductible or cap, accepts them at the limit", () => {
    const met = domainError(claim({ currency: "CNY", layers: { basic: { deductibleMet: "750.01" } } }));
    expect([met.code, met.message]).toEqual(["INCONSISTENT_INPUT", "accumulators.layers.basic.deductibleMet: deductible met 750.01 exceeds the layer's annual deductible 750.00"]);
    const paid = domainError(claim({ currency: "CNY", layers: { basic: { paid: "1000.01" } } }));
    expect(paid.message).toBe("accumulators.layers.basic.paid: paid 1000.01 exceeds the layer's annual cap 1000.00");
    const full = splitBill({ year: 2026, plan, bill: "10", accumulators: { currency: "CNY", layers: { basic: { deductibleMet: "750", paid: "1000" } } } });
    // Deductible met and cap used up: nothing paid.
    expect(full.accumulators.layers.basic).toEqual({ deductibleMet: "750.00", paid: "1000.00" });
    expect(domainError(claim({ currency: "CNY", layers: { basic: { paid: "0.001" } } })).code).toBe("SUB_MINOR_UNIT");
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
    const sub = domainError(() => splitBill({ plan, bill: "10.001" }));
    expect([sub.code, sub.message]).toEqual(["SUB_MINOR_UNIT", "bill: the bill 10.001 has more decimals than the currency's 2"]);
  });

  it("errors inside a plan document carry the plan's path", () => {
    const e = domainError(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "supplementary", bands: { bands: [{ from: 5, to: null, value: 0.5 }] } }] }, bill: "10" }));
    expect(e.path).toEqual(["plan", "layers", 0, "bands"]);
    expect(e.code).toBe("BAND_COVERAGE");
    const v = issues(() => splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", id: "a", rate: 0.5 }, { kind: "basic", id: "a", rate: 0.5 }] }, bill: "10" }));
    expect(v[0]!.path).toEqual(["plan", "layers", 1, "id"]);
  });
});

describe("splitBillMinorUnits", () => {
  const plan = parseLayers({ currency: "CNY", layers: [{ kind: "basic", id: "b", deductible: "10", rate: 0.5, cap: "100" }] });
  it("checks its hand-made inputs", () => {
    expect(issues(() => splitBillMinorUnits({ currency: "CNY", layers: [] } as never, { bill: 1n }))).toEqual([{ path: ["plan"], code: "invalid_plan", message: "expected a plan made by parseLayers" }]);
    expect(issues(() => splitBillMinorUnits(plan, { bill: -1n }))).toEqual([{ path: ["bill"], code: "invalid_amount", message: "the bill is a bigint count of minor units ≥ 0" }]);
    expect(issues(() => splitBillMinorUnits(plan, { bill: 5 as never }))[0]!.path).toEqual(["bill"]);
    expect(issues(() => splitBillMinorUnits(plan, { bill: 5n, catalogue: -1n }))).toEqual([
      { path: ["catalogue"], code: "invalid_amount", message: "the catalogue amount is a bigint count of minor units ≥ 0" },
    ]);
    const cat = domainError(() => splitBillMinorUnits(plan, { bill: 5n, catalogue: 6n }));
    expect([cat.message, cat.code]).toEqual(["catalogue: the catalogue-eligible amount 0.06 exceeds the bill 0.05", "INCONSISTENT_INPUT"]);
    expect(issues(() => splitBillMinorUnits(plan, { bill: 5n, accumulators: [] }))).toEqual([
      { path: ["accumulators"], code: "invalid_length", message: "expected one accumulator per layer (1), got 0" },
    ]);
    for (const bad of [{ met: -1n, paid: 0n, bandBase: 0n }, { met: 0n, paid: -1n, bandBase: 0n }, { met: 0n, paid: 0n, bandBase: -1n }]) {
      expect(issues(() => splitBillMinorUnits(plan, { bill: 5n, accumulators: [bad] }))).toEqual([{ path: ["accumulators", 0], code: "too_small", message: "accumulators are ≥ 0" }]);
    }
    const met = domainError(() => splitBillMinorUnits(plan, { bill: 5n, accumulators: [{ met: 1001n, paid: 0n, bandBase: 0n }] }));
    expect([met.message, met.path]).toEqual(["accumulators[0].met: deductible met exceeds the layer's annual deductible", ["accumulators", 0, "met"]]);
    const paid = domainError(() => splitBillMinorUnits(plan, { bill: 5n, accumulators: [{ met: 0n, paid: 10001n, bandBase: 0n }] }));
    expect([paid.message, paid.path]).toEqual(["accumulators[0].paid: paid exceeds the layer's annual cap", ["accumulators", 0, "paid"]]);
  });

  it("settles in minor units from given accumulators", () => {
    // Deductible 1,000 fen met; cap 10,000 fen with 9,900 used: 50% × 5,000 = 2,500 capped to 100.
    const r = splitBillMinorUnits(plan, { bill: 5000n, accumulators: [{ met: 1000n, paid: 9900n, bandBase: 0n }] });
    expect(r.layers).toEqual([100n]);
    expect(r.patient).toBe(4900n);
    expect(r.accumulators).toEqual([{ met: 1000n, paid: 10000n, bandBase: 0n }]);
    // At the limits exactly: accepted.
    expect(splitBillMinorUnits(plan, { bill: 0n, accumulators: [{ met: 1000n, paid: 10000n, bandBase: 0n }] }).layers).toEqual([0n]);
    // From zero: 1,000 to the deductible, 50% × 4,000 = 2,000.
    expect(splitBillMinorUnits(plan, { bill: 5000n, catalogue: 5000n }).layers).toEqual([2000n]);
  });
});

describe("stratified rates", () => {
  const parse = (doc: unknown) => parseInput(stratifiedRateSchema, doc);

  it("trails say which entries chose the rate", () => {
    const byBiomarker = parse({ by: "biomarker", categories: { "ALK-positive": 0.8 }, default: 0.1 });
    expect(resolveStratifiedRate(byBiomarker, { biomarker: "ALK-positive" }).trail).toEqual(["biomarker = ALK-positive"]);
    const other = resolveStratifiedRate(byBiomarker, { biomarker: "ROS1" });
    expect([other.rate.toString(), other.trail]).toEqual(["0.1", ["biomarker = ROS1 (not listed: default)"]]);
    const byLine = parse({ by: "line", bands: [{ from: 1, to: 2, value: 0.8, label: "first line" }, { from: 2, to: null, value: 0.5 }] });
    expect(resolveStratifiedRate(byLine, { line: 1 }).trail).toEqual(["line = 1 in [1, 2) (first line)"]);
    expect(resolveStratifiedRate(byLine, { line: " 3 " }).trail).toEqual(["line = 3 in [2, +∞)"]);
    const relative = parse({ by: "income", relativeTo: { amount: "30000" }, bands: [{ from: 0, to: 1, value: 0.9 }, { from: 1, to: null, value: 0.5 }] });
    // 20,000 / 30,000 = 0.666666… → 6 places in the trail.
    expect(resolveStratifiedRate(relative, { income: 20000 }).trail).toEqual(["income / 30000 = 0.666667 in [0, 1)"]);
    const byAttr = parse({ by: "income", relativeTo: { attribute: "average" }, bands: [{ from: 0, to: 1, value: 0.9 }, { from: 1, to: null, value: 0.5 }] });
    expect(resolveStratifiedRate(byAttr, { income: 50, average: "25" }).rate.toString()).toBe("0.5"); // 50 / 25 = 2
    expect(resolveStratifiedRate(parse(0.3), undefined)).toMatchObject({ trail: [] });
  });

  it("errors name the attribute", () => {
    const byBiomarker = parse({ by: "biomarker", categories: { A: 0.8, B: 0.2 } });
    const e = domainError(() => resolveStratifiedRate(byBiomarker, { biomarker: "C" }));
    expect([e.code, e.message]).toEqual(["UNKNOWN_KEY", 'patient.biomarker: unknown biomarker "C": the table lists A, B and declares no default']);
    expect(e.details).toEqual({ attribute: "biomarker", value: "C", known: ["A", "B"] });
    expect(issues(() => resolveStratifiedRate(byBiomarker, {}))).toEqual([
      { path: ["patient", "biomarker"], code: "missing_attribute", message: "the rate table is keyed by biomarker, but the patient has no biomarker" },
    ]);
    expect(issues(() => resolveStratifiedRate(byBiomarker, undefined))[0]!.path).toEqual(["patient", "biomarker"]);
    const byLine = parse({ by: "line", bands: [{ from: 0, to: null, value: 0.5 }] });
    expect(issues(() => resolveStratifiedRate(byLine, { line: "2nd" }))).toEqual([
      { path: ["patient", "line"], code: "invalid_attribute", message: 'the table is keyed by the number line; got "2nd"' },
    ]);
    expect(issues(() => resolveStratifiedRate(byLine, { line: Number.NaN }))[0]!.code).toBe("invalid_attribute");
    const byAttr = parse({ by: "income", relativeTo: { attribute: "average" }, bands: [{ from: null, to: null, value: 0.5 }] });
    expect(issues(() => resolveStratifiedRate(byAttr, { income: 5, average: 0 }))).toEqual([
      { path: ["patient", "average"], code: "not_positive", message: "the reference of a relative table must be positive" },
    ]);
    expect(issues(() => resolveStratifiedRate(byAttr, { income: 5, average: -1 }))[0]!.path).toEqual(["patient", "average"]);
    expect(issues(() => parse([0.5]))[0]!.message).toBe("expected a rate in [0, 1], a { by, categories } table or a { by, bands } table");
    expect(issues(() => parse(true))[0]!.message).toBe("expected a rate in [0, 1], a { by, categories } table or a { by, bands } table");
  });
});

describe("integer helpers", () => {
  it("roundedProduct rounds units × num / den with each mode", () => {
    // 5 × 1 / 2 = 2.5: down/floor 2, up/ceil 3, half-even 2, half-up 3.
    expect((["down", "floor", "up", "ceil", "half-even", "half-up"] as const).map((m) => roundedProduct(5n, 1n, 2n, m))).toEqual([2n, 2n, 3n, 3n, 2n, 3n]);
    // 7 / 2 = 3.5: half-even → 4. 7 / 3 = 2.33: half-even 2, half-up 2. 8 / 3 = 2.67: half-even 3, half-up 3.
    expect([roundedProduct(7n, 1n, 2n, "half-even"), roundedProduct(7n, 1n, 3n, "half-even"), roundedProduct(7n, 1n, 3n, "half-up")]).toEqual([4n, 2n, 2n]);
    expect([roundedProduct(8n, 1n, 3n, "half-even"), roundedProduct(8n, 1n, 3n, "half-up")]).toEqual([3n, 3n]);
    expect(roundedProduct(6n, 1n, 3n, "up")).toBe(2n);
  });

  it("fractions, minima, units and text", () => {
    expect(fractionOf(new D("0.75"))).toEqual({ num: 75n, den: 100n });
    expect([minUnits(2n, 3n), minUnits(3n, 2n), maxUnits(2n, 3n), maxUnits(3n, 2n)]).toEqual([2n, 2n, 3n, 3n]);
    expect(toUnits(new D("12.34"), 2, ["x"])).toBe(1234n);
    expect(toUnits(new D("12"), 0, ["x"])).toBe(12n);
    expect(toUnits(new D("1.2345"), 5, ["x"])).toBe(123450n); // beyond the table of powers
    const e = domainError(() => toUnits(new D("1.5"), 0, ["x"]));
    expect(e.message).toBe("x: amount 1.5 has more decimals than the currency's 0");
    expect([unitsText(5n, 2), unitsText(-5n, 2), unitsText(-5n, 0), unitsText(5n, 0), unitsText(123456n, 3)]).toEqual(["0.05", "-0.05", "-5", "5", "123.456"]);
    expect(scaleOf("BHD")).toBe(3);
    expect(issues(() => scaleOf("XYZ", ["plan", "currency"]))[0]!.path).toEqual(["plan", "currency"]);
  });
});

describe("buy N get M", () => {
  it("explains complete cycles and the incomplete one", () => {
    const r = buyGetFreeUnits({ units: 10, buy: 2, get: 1 });
    // 3 cycles of 3 (9 units, 3 free) + 1 left, paid: 7 paid, 3 free, saving 0.3.
    expect([r.paidUnits, r.freeUnits, r.fullCycles, r.partialUnits, r.savingShare]).toEqual([7, 3, 3, 1, "0.3"]);
    expect(r.explanation[0]!.text).toBe("Buy 2, get 1 free on 10 units: 3 complete cycle(s) of 3 give 3 free; the 1 unit(s) left give 0 free. The patient pays for 7 unit(s).");
    expect(r.explanation[0]!.rule).toBe("tiers.manufacturer.buyGet");
    // 11 units, buy 2 get 2: 2 cycles of 4 (4 free) + 3 left: 2 paid, 1 free → 5 free; 5/11 = 0.454545.
    const s = buyGetFreeUnits({ units: 11, buy: 2, get: 2 });
    expect([s.paidUnits, s.freeUnits, s.savingShare]).toEqual([6, 5, "0.454545"]);
    expect(s.explanation[0]!.text).toContain("the 3 unit(s) left give 1 free");
    expect(buyGetFreeUnits({ units: 0, buy: 2, get: 1 }).savingShare).toBe("0");
  });
});

describe("catastrophic burden", () => {
  it("strictly above the threshold is catastrophic", () => {
    const at = catastrophicBurden({ outOfPocket: "20000", householdIncome: "100000" });
    // 20,000 / 100,000 = 20%: not above the default 20%.
    expect([at.catastrophic, at.ratio, at.threshold]).toEqual([false, "0.2", "0.2"]);
    expect(at.explanation[0]!.text).toBe(
      "Out-of-pocket CNY 20,000.00 is 20% of household income CNY 100,000.00: not above the 20% threshold, so the burden is not catastrophic.",
    );
    const above = catastrophicBurden({ outOfPocket: "20001", householdIncome: "100000" });
    expect(above.catastrophic).toBe(true);
    expect(above.explanation[0]!.text).toBe(
      "Out-of-pocket CNY 20,001.00 is 20.001% of household income CNY 100,000.00: above the 20% threshold, so the burden is catastrophic.",
    );
    // 1 / 3 = 0.333333 to 6 places; threshold 40%, in USD.
    const usd = catastrophicBurden({ outOfPocket: "1", householdIncome: "3", threshold: "0.4", currency: "USD" });
    expect([usd.catastrophic, usd.ratio, usd.threshold]).toEqual([false, "0.333333", "0.4"]);
    expect(usd.explanation[0]!.text).toBe("Out-of-pocket USD 1.00 is 33.3333% of household income USD 3.00: not above the 40% threshold, so the burden is not catastrophic.");
  });
});

describe("coordination of benefits", () => {
  it("explains each method", () => {
    const std = coordinateBenefits({ allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "standard" });
    expect(std.explanation.map((s) => s.text)).toEqual([
      "Standard coordination: the secondary pays the smaller of its normal benefit CNY 700.00 and what the primary left, CNY 1,000.00 − CNY 800.00 = CNY 200.00: CNY 200.00.",
      "The patient is left with CNY 1,000.00 − CNY 800.00 − CNY 200.00 = CNY 0.00.",
    ]);
    expect(std.explanation.map((s) => s.rule)).toEqual(["tiers.coordination.standard", "tiers.coordination.patient"]);
    expect(std.explanation[0]!.inputs).not.toHaveProperty("coinsurance");
    // Standard, normal benefit smaller than what is left: min(150, 200) = 150.
    expect(amt(coordinateBenefits({ allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 150, method: "standard" }).secondaryPays)).toBe("150.00");
    const nd = coordinateBenefits({ allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 900, method: "nonDuplication" });
    expect(nd.explanation[0]!.text).toBe(
      "Non-duplication (carve-out): the secondary pays its normal benefit CNY 900.00 less what the primary paid, CNY 800.00, floored at 0: CNY 100.00.",
    );
    // Non-duplication: max(0, 1,000 − 0) = 1,000, capped at what the primary left, 500 − 0 = 500.
    expect(amt(coordinateBenefits({ allowed: 500, primaryPaid: 0, secondaryNormalBenefit: 1000, method: "nonDuplication" }).secondaryPays)).toBe("500.00");
    const mob = coordinateBenefits({ allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits", coinsurance: "0.8", remainingDeductible: "50" });
    // 80% × (1,000 − 800 − 50) = 120; the patient keeps 200 − 120 = 80.
    expect(mob.explanation.map((s) => s.text)).toEqual([
      "Maintenance of benefits: the secondary pays 80% of (CNY 1,000.00 − CNY 800.00 − remaining deductible CNY 50.00), floored at 0: CNY 120.00.",
      "The patient is left with CNY 1,000.00 − CNY 800.00 − CNY 120.00 = CNY 80.00.",
    ]);
    expect(mob.explanation[0]!.inputs).toMatchObject({ coinsurance: "0.8", method: "maintenanceOfBenefits" });
    expect(amt(mob.patient)).toBe("80.00");
    // Deductible above what is left: max(0, 200 − 300) = 0.
    expect(amt(coordinateBenefits({ allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits", coinsurance: 1, remainingDeductible: "300" }).secondaryPays)).toBe("0.00");
    // No remaining deductible: 100% × 200 = 200.
    expect(amt(coordinateBenefits({ allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits", coinsurance: 1 }).secondaryPays)).toBe("200.00");
  });

  it("rounds with the named mode and checks its inputs", () => {
    // 0.333 × (10 − 0.01) = 3.32667: up 3.33, down 3.32.
    const base = { allowed: "10", primaryPaid: 0, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits", coinsurance: "0.333", remainingDeductible: "0.01" } as const;
    expect(amt(coordinateBenefits({ ...base, rounding: "up" }).secondaryPays)).toBe("3.33");
    expect(amt(coordinateBenefits({ ...base, rounding: "down" }).secondaryPays)).toBe("3.32");
    expect(amt(coordinateBenefits(base).secondaryPays)).toBe("3.33");
    expect(coordinateBenefits({ ...base, currency: "USD" }).secondaryPays.currency).toBe("USD");
    const e = domainError(() => coordinateBenefits({ allowed: 1000, primaryPaid: 1200, secondaryNormalBenefit: 0, method: "standard" }));
    expect([e.code, e.message]).toEqual(["INCONSISTENT_INPUT", "primaryPaid: the primary paid CNY 1,200.00, more than the allowed CNY 1,000.00"]);
    // primary = allowed is fine: nothing left.
    expect(amt(coordinateBenefits({ allowed: 1000, primaryPaid: 1000, secondaryNormalBenefit: 50, method: "standard" }).secondaryPays)).toBe("0.00");
    expect(issues(() => coordinateBenefits({ allowed: 1, primaryPaid: 0, secondaryNormalBenefit: 0, method: "maintenanceOfBenefits" }))).toEqual([
      { path: ["coinsurance"], code: "missing_coinsurance", message: "maintenance of benefits needs the secondary's coinsurance rate" },
    ]);
  });
});

describe("stratified reimbursement", () => {
  it("names whose share the rate is and explains the split", () => {
    const r = stratifiedReimbursement({ table: { by: "biomarker", categories: { "ALK-positive": 0.8 } }, amount: "15000", patient: { biomarker: "ALK-positive" } });
    // 80% of 15,000 = 12,000 to the payer; 3,000 to the patient.
    expect([r.rate, r.rateOf, r.chosenBy, amt(r.payer), amt(r.patient)]).toEqual(["0.8", "payer", ["biomarker = ALK-positive"], "12000.00", "3000.00"]);
    expect(r.explanation.map((s) => s.text)).toEqual([
      "The table gives 80% (biomarker = ALK-positive) as the payer's share of CNY 15,000.00.",
      "The payer pays CNY 12,000.00.",
      "The patient pays CNY 3,000.00.",
    ]);
    expect(r.explanation.map((s) => s.rule)).toEqual(["tiers.stratified.rate", "tiers.stratified.payer", "tiers.stratified.patient"]);
    const flat = stratifiedReimbursement({ table: "0.3", rateOf: "patient", amount: "0.05", patient: {}, rounding: "up", currency: "USD" });
    // The patient's 30% of 0.05 = 0.015 → up 0.02; the payer gets the rest, 0.03.
    expect([amt(flat.patient), amt(flat.payer), flat.amount.currency]).toEqual(["0.02", "0.03", "USD"]);
    expect(flat.explanation[0]!.text).toBe("The table gives 30% (a flat rate) as the patient's share of USD 0.05.");
    // half-up by default: 0.015 → 0.02 as well; down would give 0.01.
    expect(amt(stratifiedReimbursement({ table: "0.3", amount: "0.05", patient: {} }).payer)).toBe("0.02");
  });
});

describe("green channel", () => {
  it("formats instants in any offset", () => {
    const t = Date.UTC(2026, 2, 2, 2, 15);
    expect(formatInstant(t, 480)).toBe("2026-03-02T10:15:00+08:00");
    expect(formatInstant(t, 0)).toBe("2026-03-02T02:15:00Z");
    // −5:30 → 20:45 the day before.
    expect(formatInstant(t, -330)).toBe("2026-03-01T20:45:00-05:30");
  });

  it("reads only real instants with an offset", () => {
    const ok = ["2026-03-02T09:15+08:00", "2026-03-02T09:15:30Z", "2026-03-02T09:15:30.5-23:59", "2028-02-29T23:59:59.999Z"];
    const bad = ["2026-03-02T09:15", "2026-02-30T10:00Z", "2026-03-02T24:00Z", "2026-03-02T10:60Z", "2026-03-02T10:00:60Z", "2026-03-02T10:00+24:00", "2026-03-02T10:00+08:60", "2026-13-02T10:00Z"];
    expect(ok.map((s) => isoInstantSchema.safeParse(s).success)).toEqual(ok.map(() => true));
    expect(bad.map((s) => isoInstantSchema.safeParse(s).success)).toEqual(bad.map(() => false));
  });

  it("due times run on absolute time; on the minute is on time", () => {
    const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15+08:00", respondedAt: "2026-03-02T02:15Z", decidedAt: "2026-03-03T09:15:30+08:00" });
    // Respond by 10:15+08 = 02:15Z: on time. Decide by 09:15+08 the next day: 30 s late = 0.5 minutes.
    expect(r.respondBy).toBe("2026-03-02T10:15:00+08:00");
    expect(r.decideBy).toBe("2026-03-03T09:15:00+08:00");
    expect(r.response).toEqual({ at: "2026-03-02T02:15Z", onTime: true, lateByMinutes: 0 });
    expect(r.decision).toEqual({ at: "2026-03-03T09:15:30+08:00", onTime: false, lateByMinutes: 0.5 });
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Submitted 2026-03-02T09:15+08:00 on the green channel: respond within 60 minutes (by 2026-03-02T10:15:00+08:00) and decide within 1440 minutes (by 2026-03-03T09:15:00+08:00).",
      "The response at 2026-03-02T02:15Z was on time.",
      "The decision at 2026-03-03T09:15:30+08:00 was late by 0.5 minutes.",
    ]);
    expect(r.explanation.map((s) => s.rule)).toEqual(["tiers.greenChannel.due", "tiers.greenChannel.response", "tiers.greenChannel.decision"]);
    const custom = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15Z", respondWithinMinutes: 15, decideWithinMinutes: 120 });
    expect([custom.respondBy, custom.decideBy]).toEqual(["2026-03-02T09:30:00Z", "2026-03-02T11:15:00Z"]);
    expect("response" in custom || "decision" in custom).toBe(false);
    expect(custom.explanation).toHaveLength(1);
  });
});

describe("claim triage", () => {
  const rules: Parameters<typeof triageClaim>[0]["rules"] = {
    rules: [
      { id: "egfr", risk: "low", when: { codes: ["EGFR"], diagnoses: ["C34"], stages: ["IV"] } },
      { id: "repeat", risk: "high", when: { codes: ["EGFR"], repeatWithinDays: 180 } },
      { id: "wgs", risk: "medium", when: { unlessDiagnoses: ["C"] } },
      { id: "big", risk: "medium", when: { amountAtLeast: "5000" } },
    ],
  };

  it("explains every rule and the highest risk decides", () => {
    const r = triageClaim({
      rules,
      claim: {
        code: "EGFR",
        diagnosis: "C34.9",
        stage: "IV",
        date: "2026-03-02",
        amount: "5000",
        // 2025-12-01 → 2026-03-02: 31 + 31 + 28 + 1 = 91 days; the ALK claim is another code; 03-03 is after the claim.
        priorClaims: [{ code: "EGFR", date: "2025-12-01" }, { code: "ALK", date: "2026-03-01" }, { code: "EGFR", date: "2026-03-03" }],
      },
    });
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Rule egfr (low) fires: code EGFR in [EGFR]; diagnosis C34.9 qualifies; stage IV in [IV].",
      "Rule repeat (high) fires: code EGFR in [EGFR]; same code claimed 91 days before (within 180).",
      "Rule wgs (medium) does not fire: diagnosis C34.9 qualifies.",
      "Rule big (medium) fires: amount 5000 ≥ 5000.",
      "Rule repeat decides: high risk → on-site-inspection (highest of egfr low, repeat high, big medium).",
    ]);
    expect(r.explanation.map((s) => s.rule)).toEqual(["tiers.triage.fired", "tiers.triage.fired", "tiers.triage.skipped", "tiers.triage.fired", "tiers.triage.decision"]);
    expect([r.risk, r.action, r.rule, r.matched]).toEqual(["high", "on-site-inspection", "repeat", ["egfr", "repeat", "big"]]);
    expect(r.explanation.at(-1)!.inputs).toEqual({ rule: "repeat", risk: "high", action: "on-site-inspection", matched: ["egfr", "repeat", "big"] });
  });

  it("explains missing facts and a single match", () => {
    const r = triageClaim({ rules, claim: { code: "WGS", date: "2026-03-02" } });
    expect(r.explanation.map((s) => s.text)).toEqual([
      "Rule egfr (low) does not fire: code WGS not in [EGFR]; diagnosis none does not qualify; stage none not in [IV].",
      "Rule repeat (high) does not fire: code WGS not in [EGFR]; no claim of the same code within 180 days.",
      "Rule wgs (medium) fires: no qualifying diagnosis (none given).",
      "Rule big (medium) does not fire: amount none < 5000.",
      "Rule wgs decides: medium risk → manual-review.",
    ]);
    const partial = triageClaim({ rules, claim: { code: "EGFR", diagnosis: "D10", stage: "III", date: "2026-03-02", amount: "4999.99" } });
    expect(partial.explanation.slice(0, 4).map((s) => s.text)).toEqual([
      "Rule egfr (low) does not fire: code EGFR in [EGFR]; diagnosis D10 does not qualify; stage III not in [IV].",
      "Rule repeat (high) does not fire: code EGFR in [EGFR]; no claim of the same code within 180 days.",
      "Rule wgs (medium) fires: no qualifying diagnosis (D10).",
      "Rule big (medium) does not fire: amount 4999.99 < 5000.",
    ]);
  });

  it("the default risk, empty conditions, ties and the day window", () => {
    const none = triageClaim({ rules: { rules: [{ id: "x", risk: "high", when: { codes: ["X"] } }], defaultRisk: "low" }, claim: { code: "Y", date: "2026-03-02" } });
    expect([none.risk, none.action, none.rule, none.matched]).toEqual(["low", "auto-approve", "default", []]);
    expect(none.explanation.at(-1)!.text).toBe("No rule fires: the default risk low applies → auto-approve.");
    expect(triageClaim({ rules: { rules: [{ id: "x", risk: "high", when: { codes: ["X"] } }] }, claim: { code: "Y", date: "2026-03-02" } }).risk).toBe("medium");
    const always = triageClaim({ rules: { rules: [{ id: "a", risk: "medium", when: {} }, { id: "b", risk: "medium", when: {} }, { id: "c", risk: "low", when: {} }] }, claim: { code: "Y", date: "2026-03-02" } });
    expect(always.explanation[0]!.text).toBe("Rule a (medium) fires: no conditions.");
    // a and b tie at medium: the first listed decides.
    expect(always.rule).toBe("a");
    const repeat = (prior: string) =>
      triageClaim({ rules: { rules: [{ id: "r", risk: "high", when: { repeatWithinDays: 180 } }] }, claim: { code: "T", date: "2026-07-01", priorClaims: [{ code: "T", date: prior }] } }).risk;
    // 2026-01-02 → 2026-07-01 is 180 days (30 + 28 + 31 + 30 + 31 + 30); 2026-01-01 is 181; the same day is 0.
    expect([repeat("2026-01-02"), repeat("2026-01-01"), repeat("2026-07-01")]).toEqual(["high", "medium", "high"]);
    const two = triageClaim({
      rules: { rules: [{ id: "r", risk: "high", when: { repeatWithinDays: 180 } }] },
      claim: { code: "T", date: "2026-07-01", priorClaims: [{ code: "T", date: "2026-06-01" }, { code: "T", date: "2026-06-21" }] },
    });
    // The nearest prior claim is named: 10 days.
    expect(two.explanation[0]!.text).toBe("Rule r (high) fires: same code claimed 10 days before (within 180).");
  });
});
