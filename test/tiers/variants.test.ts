// Variants by patient group (issue 16 item 3): deductible, bands, rate and caps that differ
// by a patient attribute inside one plan, chosen by a rule the explanation names.
import { describe, expect, it } from "vitest";
import { parseLayers, splitBill, splitBillMinorUnits } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

const amt = (m: { toJSON(): { amount: string } }) => m.toJSON().amount;

// Basic insurance: deductible 1,000, 75%, annual cap 100,000; the vulnerable group (低保 / 特困): halved deductible,
// five extra points and no cap.
const plan = parseLayers({
  currency: "CNY",
  layers: [
    {
      kind: "basic",
      id: "basic",
      deductible: "1000",
      rate: 0.75,
      cap: "100000",
      variants: [{ id: "vulnerable", when: { attribute: "groups", in: ["subsistence", "extremePoverty"] }, deductible: "500", rate: 0.8, cap: null }],
    },
  ],
});

describe("variants by patient group", () => {
  it("the group's variant applies: halved deductible, five extra points, no cap", () => {
    // Everyone else on 200,000: 0.75 × (200,000 − 1,000) = 149,250 > cap 100,000 → 100,000; patient 100,000.
    // Vulnerable on 200,000: 0.8 × (200,000 − 500) = 159,600, no cap; patient 40,400.
    const other = splitBill({ plan, bill: "200000" });
    const vulnerable = splitBill({ plan, bill: "200000", patient: { groups: ["subsistence"] } });
    expect([amt(other.layers[0]!.amount), other.layers[0]!.limitedBy, other.layers[0]!.variant]).toEqual(["100000.00", "cap", undefined]);
    expect([amt(vulnerable.layers[0]!.amount), amt(vulnerable.patient), vulnerable.layers[0]!.variant]).toEqual(["159600.00", "40400.00", "vulnerable"]);
    expect(vulnerable.layers[0]!.text).toBe(
      "Basic medical insurance (基本医保) [basic], variant vulnerable (groups includes subsistence: deductible CNY 500.00 instead of CNY 1,000.00; rate 80% instead of 75%; no annual cap instead of CNY 100,000.00), looks at what remains, CNY 200,000.00; CNY 500.00 goes to the annual deductible of CNY 500.00 (CNY 0.00 met before, CNY 0.00 left after). It pays 80% of CNY 199,500.00 = CNY 159,600.00.",
    );
    expect(vulnerable.explanation[1]!.inputs.variant).toBe("vulnerable");
    expect(vulnerable.explanation[1]!.inputs.variantRule).toBe("groups includes subsistence");
  });

  it("the first matching variant wins; a plain attribute chooses too; the bulk path agrees", () => {
    const p = parseLayers({
      currency: "CNY",
      layers: [
        {
          kind: "supplementary",
          id: "ci",
          threshold: "15000",
          rate: 0.6,
          variants: [
            { id: "rural", when: { attribute: "residence", in: ["rural"] }, threshold: "7500" },
            { id: "child", when: { attribute: "ageBand", in: ["child"] }, rate: 0.7 },
          ],
        },
      ],
    });
    // rural child on 25,000: the rural variant (listed first): 0.6 × (25,000 − 7,500) = 10,500.
    // urban child: 0.7 × (25,000 − 15,000) = 7,000.
    const rural = splitBill({ plan: p, bill: "25000", patient: { residence: "rural", ageBand: "child" } });
    const urban = splitBill({ plan: p, bill: "25000", patient: { residence: "urban", ageBand: "child" } });
    expect([amt(rural.layers[0]!.amount), rural.layers[0]!.variant, amt(urban.layers[0]!.amount), urban.layers[0]!.variant]).toEqual(["10500.00", "rural", "7000.00", "child"]);
    expect(rural.layers[0]!.text).toContain("variant rural (residence = rural: threshold CNY 7,500.00 instead of CNY 15,000.00)");
    expect(splitBillMinorUnits({ plan: p, claim: { bill: 2_500_000n, patient: { residence: "rural", ageBand: "child" } } }).layers).toEqual([1_050_000n]);
  });

  it("a variant's deductible shares the layer's accumulator: met under the variant counts", () => {
    // Vulnerable: 400 then 1,000: first claim all deductible (400 of 500); second 100 to the deductible, 0.8 × 900 = 720.
    const one = splitBill({ plan, bill: "400", year: 2026, patient: { groups: ["extremePoverty"] } });
    const two = splitBill({ plan, bill: "1000", year: 2026, patient: { groups: ["extremePoverty"] }, accumulators: one.accumulators });
    expect([amt(one.layers[0]!.amount), amt(two.layers[0]!.amount)]).toEqual(["0.00", "720.00"]);
  });
});

describe("variants: bad input", () => {
  it("a missing choosing attribute is an error at patient.<attribute>; absent groups match no group", () => {
    const p = parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.5, variants: [{ id: "v", when: { attribute: "residence", in: ["rural"] }, rate: 0.6 }] }] });
    expect(issues(() => splitBill({ plan: p, bill: "1" }))[0]!.path).toEqual(["patient", "residence"]);
    expect(splitBill({ plan, bill: "1" }).layers[0]!.variant).toBeUndefined();
  });

  it("a term the layer kind does not have, a duplicate id, an empty rule, a bad rate name their path", () => {
    const at = (variants: unknown) => issues(() => parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.5, variants }] as never })).map((i) => i.path);
    const when = { attribute: "groups", in: ["x"] };
    expect(at([{ id: "v", when, threshold: "1" }])).toEqual([["layers", 0, "variants", 0, "threshold"]]);
    expect(at([{ id: "v", when }, { id: "v", when }])).toEqual([["layers", 0, "variants", 1, "id"]]);
    expect(at([{ id: "v", when: { attribute: "groups", in: [] } }])).toEqual([["layers", 0, "variants", 0, "when", "in"]]);
    expect(at([{ id: "v", when, rate: 2 }])[0]).toEqual(["layers", 0, "variants", 0, "rate"]);
    expect(at([{ id: "v", when, colour: "red" }])[0]).toEqual(["layers", 0, "variants", 0, "colour"]);
    expect(at([])[0]).toEqual(["layers", 0, "variants"]);
  });

  it("accumulators are checked against the widest terms of the layer's variants", () => {
    // The variant has no cap, so any paid figure is possible; the deductible met may reach the larger (1,000).
    expect(() => splitBill({ plan, bill: "1", year: 2026, accumulators: { year: 2026, currency: "CNY", layers: { basic: { paid: "150000", deductibleMet: "1000" } } } })).not.toThrow();
    const e = domainError(() => splitBill({ plan, bill: "1", year: 2026, accumulators: { year: 2026, currency: "CNY", layers: { basic: { deductibleMet: "1000.01" } } } }));
    expect(e.path).toEqual(["accumulators", "layers", "basic", "deductibleMet"]);
  });
});

describe("variants stated relative to the layer's own terms", () => {
  // The same vulnerable-group variant as above, written as changes: half the deductible, five extra points, no cap.
  const relative = parseLayers({
    currency: "CNY",
    layers: [
      {
        kind: "basic",
        id: "basic",
        deductible: "1000",
        rate: 0.75,
        cap: "100000",
        variants: [{ id: "vulnerable", when: { attribute: "groups", in: ["subsistence", "extremePoverty"] }, deductible: { factor: 0.5 }, rate: { points: 0.05 }, cap: null }],
      },
    ],
  });

  it("a deductible factor, five extra points and no cap give the absolute variant's figures, and say what changed", () => {
    // Vulnerable on 200,000: deductible 1,000 × 0.5 = 500; rate 0.75 + 0.05 = 0.8; 0.8 × 199,500 = 159,600, no cap; patient 40,400.
    // Everyone else: 0.75 × 199,000 = 149,250 > cap 100,000 → 100,000.
    const vulnerable = splitBill({ plan: relative, bill: "200000", patient: { groups: ["subsistence"] } });
    const other = splitBill({ plan: relative, bill: "200000" });
    expect([amt(vulnerable.layers[0]!.amount), amt(vulnerable.patient), vulnerable.layers[0]!.rate, amt(other.layers[0]!.amount)]).toEqual(["159600.00", "40400.00", "0.8", "100000.00"]);
    expect(vulnerable.layers[0]!.text).toBe(
      "Basic medical insurance (基本医保) [basic], variant vulnerable (groups includes subsistence: deductible CNY 1,000.00 × 0.5 = CNY 500.00; rate 75% + 5 points = 80%; no annual cap instead of CNY 100,000.00), looks at what remains, CNY 200,000.00; CNY 500.00 goes to the annual deductible of CNY 500.00 (CNY 0.00 met before, CNY 0.00 left after). It pays 80% of CNY 199,500.00 = CNY 159,600.00.",
    );
    expect(vulnerable.explanation[1]!.inputs.variantChanges).toEqual(["deductible CNY 1,000.00 × 0.5 = CNY 500.00", "rate 75% + 5 points = 80%", "no annual cap instead of CNY 100,000.00"]);
    // The same figures as the absolute form, for both groups, on the explained and the bulk path.
    for (const patient of [{ groups: ["extremePoverty"] }, { groups: [] }]) {
      for (const bill of ["400", "1000", "200000"]) {
        expect(amt(splitBill({ plan: relative, bill, patient }).patient)).toBe(amt(splitBill({ plan, bill, patient }).patient));
      }
    }
    expect(splitBillMinorUnits({ plan: relative, claim: { bill: 20_000_000n, patient: { groups: ["subsistence"] } } }).layers).toEqual([15_960_000n]);
  });

  it("a deductible change and points on every entry of a rate table", () => {
    // Deductible 1,000 − 250 = 750; table employee 0.75 → 0.80, resident 0.55 → 0.60; bill 10,000:
    // employee 0.8 × 9,250 = 7,400.00; resident 0.6 × 9,250 = 5,550.00; not rural, employee: 0.75 × 9,000 = 6,750.00.
    const p = parseLayers({
      currency: "CNY",
      layers: [
        {
          kind: "basic",
          id: "basic",
          deductible: "1000",
          rate: { by: "insuranceType", categories: { employee: 0.75, resident: 0.55 } },
          variants: [{ id: "rural", when: { attribute: "residence", in: ["rural"] }, deductible: { change: "-250" }, rate: { points: 0.05 } }],
        },
      ],
    });
    const employee = splitBill({ plan: p, bill: "10000", patient: { residence: "rural", insuranceType: "employee" } });
    const resident = splitBill({ plan: p, bill: "10000", patient: { residence: "rural", insuranceType: "resident" } });
    const urban = splitBill({ plan: p, bill: "10000", patient: { residence: "urban", insuranceType: "employee" } });
    expect([amt(employee.layers[0]!.amount), amt(resident.layers[0]!.amount), amt(urban.layers[0]!.amount)]).toEqual(["7400.00", "5550.00", "6750.00"]);
    expect(resident.layers[0]!.text).toContain("variant rural (residence = rural: deductible CNY 1,000.00 − CNY 250.00 = CNY 750.00; rate + 5 points on every entry of a table by insuranceType)");
    expect(resident.layers[0]!.text).toContain("It pays 60% (insuranceType = resident) of CNY 9,250.00 = CNY 5,550.00");
    expect(splitBillMinorUnits({ plan: p, claim: { bill: 1_000_000n, patient: { residence: "rural", insuranceType: "resident" } } }).layers).toEqual([555_000n]);
  });

  it("points taken off every band of a banded rate table, and a plain rate in place of a table", () => {
    // Rate by line of therapy: [1, 2) 0.8, [2, ∞) 0.5. Abroad: 10 points off each → 0.7 / 0.4; the flat group: 0.5 whatever the line.
    // Bill 10,000, no deductible: abroad, line 2: 0.4 × 10,000 = 4,000.00; abroad, line 1: 0.7 × 10,000 = 7,000.00;
    // flat, line 1: 0.5 × 10,000 = 5,000.00; neither, line 1: 0.8 × 10,000 = 8,000.00.
    const p = parseLayers({
      currency: "CNY",
      layers: [
        {
          kind: "commercial",
          id: "drug-cover",
          rate: { by: "lineOfTherapy", bands: [{ from: 1, to: 2, value: 0.8 }, { from: 2, to: null, value: 0.5 }] },
          variants: [
            { id: "abroad", when: { attribute: "residence", in: ["abroad"] }, rate: { points: -0.1 } },
            { id: "flat", when: { attribute: "groups", in: ["flat"] }, rate: 0.5 },
          ],
        },
      ],
    });
    const late = splitBill({ plan: p, bill: "10000", patient: { residence: "abroad", lineOfTherapy: 2 } });
    const early = splitBill({ plan: p, bill: "10000", patient: { residence: "abroad", lineOfTherapy: 1 } });
    const flat = splitBill({ plan: p, bill: "10000", patient: { residence: "home", groups: ["flat"], lineOfTherapy: 1 } });
    const neither = splitBill({ plan: p, bill: "10000", patient: { residence: "home", lineOfTherapy: 1 } });
    expect([late, early, flat, neither].map((r) => amt(r.layers[0]!.amount))).toEqual(["4000.00", "7000.00", "5000.00", "8000.00"]);
    expect(late.layers[0]!.text).toContain("variant abroad (residence = abroad: rate − 10 points on every entry of a table by lineOfTherapy)");
    expect(flat.layers[0]!.text).toContain("variant flat (groups includes flat: rate 50% instead of a table by lineOfTherapy)");
    // The bulk path asks the same rules for the fraction: 0.4 and 0.5 of 1,000,000 fen.
    expect(splitBillMinorUnits({ plan: p, claim: { bill: 1_000_000n, patient: { residence: "abroad", lineOfTherapy: 2 } } }).layers).toEqual([400_000n]);
    expect(splitBillMinorUnits({ plan: p, claim: { bill: 1_000_000n, patient: { residence: "home", groups: ["flat"], lineOfTherapy: 2 } } }).layers).toEqual([500_000n]);
  });

  it("points on each progressive band and a threshold factor", () => {
    // Bands 60% on [0, 100,000), 70% above, threshold 15,000; the child variant: threshold × 0.5 = 7,500, bands 65% / 75%.
    // Child on 130,000: 122,500 above the threshold: 0.65 × 100,000 + 0.75 × 22,500 = 65,000 + 16,875 = 81,875.00.
    // Adult: 115,000 above: 0.6 × 100,000 + 0.7 × 15,000 = 60,000 + 10,500 = 70,500.00.
    const p = parseLayers({
      currency: "CNY",
      layers: [
        {
          kind: "supplementary",
          id: "ci",
          threshold: "15000",
          bands: { bands: [{ from: 0, to: 100000, value: 0.6 }, { from: 100000, to: null, value: 0.7 }] },
          variants: [{ id: "child", when: { attribute: "ageBand", in: ["child"] }, threshold: { factor: 0.5 }, bands: { points: 0.05 } }],
        },
      ],
    });
    const child = splitBill({ plan: p, bill: "130000", patient: { ageBand: "child" } });
    const adult = splitBill({ plan: p, bill: "130000", patient: { ageBand: "adult" } });
    expect([amt(child.layers[0]!.amount), amt(adult.layers[0]!.amount)]).toEqual(["81875.00", "70500.00"]);
    expect(child.layers[0]!.text).toContain("variant child (ageBand = child: threshold CNY 15,000.00 × 0.5 = CNY 7,500.00; each band 60% / 70% + 5 points = 65% / 75%)");
    expect(splitBillMinorUnits({ plan: p, claim: { bill: 13_000_000n, patient: { ageBand: "child" } } }).layers).toEqual([8_187_500n]);
  });

  it("a relative term with nothing to change, or out of range, names its path", () => {
    const at = (layer: Record<string, unknown>, variant: Record<string, unknown>) =>
      issues(() => parseLayers({ currency: "CNY", layers: [{ ...layer, variants: [{ id: "v", when: { attribute: "groups", in: ["x"] }, ...variant }] }] as never })).map((i) => [i.path.join("."), i.code]);
    const basic = { kind: "basic", deductible: "1000", rate: 0.75 };
    // 0.75 + 0.3 = 1.05 is no rate; nor is resident 0.55 − 0.6 = −0.05 in a table.
    expect(at(basic, { rate: { points: 0.3 } })).toEqual([["layers.0.variants.0.rate.points", "out_of_range"]]);
    expect(at({ ...basic, rate: { by: "insuranceType", categories: { employee: 0.75, resident: 0.55 } } }, { rate: { points: -0.6 } })).toEqual([["layers.0.variants.0.rate.points", "out_of_range"]]);
    // The layer has no cap to halve; 1,000 − 2,000 < 0; 1,000.01 × 0.5 = 500.005 is finer than a fen.
    expect(at(basic, { cap: { factor: 0.5 } })).toEqual([["layers.0.variants.0.cap", "missing_field"]]);
    expect(at(basic, { deductible: { change: "-2000" } })).toEqual([["layers.0.variants.0.deductible.change", "too_small"]]);
    expect(at({ ...basic, deductible: "1000.01" }, { deductible: { factor: 0.5 } })).toEqual([["layers.0.variants.0.deductible.factor", "sub_minor_unit"]]);
    // Bands on a supplementary layer that pays a rate; 70% + 40 points on a band; a group-only assistance layer has no rate.
    expect(at({ kind: "supplementary", threshold: "1", rate: 0.5 }, { bands: { points: 0.05 } })).toEqual([["layers.0.variants.0.bands", "missing_field"]]);
    expect(at({ kind: "supplementary", bands: { bands: [{ from: 0, to: null, value: 0.7 }] } }, { bands: { points: 0.4 } })).toEqual([["layers.0.variants.0.bands.points", "out_of_range"]]);
    expect(at({ kind: "assistance", groupRates: { subsistence: 0.9 } }, { rate: { points: 0.05 } })).toEqual([["layers.0.variants.0.rate", "missing_field"]]);
    // A factor below zero, points beyond one, and both forms at once are schema errors at the term.
    expect(at(basic, { deductible: { factor: -1 } })[0]![0]).toBe("layers.0.variants.0.deductible.factor");
    expect(at(basic, { rate: { points: 2 } })[0]![0]).toBe("layers.0.variants.0.rate.points");
    expect(at(basic, { deductible: { factor: 0.5, change: "1" } })[0]![0]).toMatch(/^layers\.0\.variants\.0\.deductible/);
  });
});
