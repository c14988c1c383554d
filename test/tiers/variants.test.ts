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
      "Basic medical insurance (基本医保) [basic], variant vulnerable (groups includes subsistence), looks at what remains, CNY 200,000.00; CNY 500.00 goes to the annual deductible of CNY 500.00 (CNY 0.00 met before, CNY 0.00 left after). It pays 80% of CNY 199,500.00 = CNY 159,600.00.",
    );
    expect(vulnerable.explanation[1]!.inputs.variant).toBe("vulnerable");
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
    expect(rural.layers[0]!.text).toContain("variant rural (residence = rural)");
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
