// B1: an unknown key is a typed error naming it (with a did-you-mean), never dropped silently.
import { describe, expect, it } from "vitest";
import { budgetImpact, capitationPayment, dipCasePayment, drgPayment, reconcileTargetPrice } from "../../src/index.js";
import { buildJsonSchemas } from "../../scripts/json-schemas.js";
import { issues } from "../typed-errors.js";

const base = { currency: "CNY", benchmarkPrice: "30000", discount: 0.03, episodes: 100, qualityAdjustment: -0.05, actualSpending: "3600000" };

describe("B1: unknown keys", () => {
  it("B1: reconcileTargetPrice with `caprate` (for capRate) is a ValidationError at caprate suggesting capRate", () => {
    // Dropped silently, the cap would not apply: −690,000 × 0.95 = −655,500 instead of the capped −582,000.
    expect(reconcileTargetPrice({ ...base, capRate: 0.2 }).finalAmount.toString()).toBe("CNY -582000.00");
    const found = issues(() => reconcileTargetPrice({ ...base, caprate: 0.2 } as never));
    expect(found).toEqual([{ path: ["caprate"], code: "unrecognized_keys", message: 'unknown key "caprate" (did you mean "capRate"?)' }]);
  });

  it("B1: misspelled repaymentQualityAdjustment, outlierBands, hospitalCoefficient, target and displaced are each named", () => {
    expect(issues(() => reconcileTargetPrice({ ...base, repaymentQualityAdjustmnt: -0.1 } as never))[0]).toMatchObject({ path: ["repaymentQualityAdjustmnt"], message: expect.stringContaining('did you mean "repaymentQualityAdjustment"') });
    expect(issues(() => drgPayment({ currency: "CNY", groupRate: "11000", actualCost: "30000", outlierBand: {} } as never))[0]).toMatchObject({ path: ["outlierBand"], message: expect.stringContaining('did you mean "outlierBands"') });
    expect(issues(() => dipCasePayment({ currency: "CNY", pointValue: "20", groupPoints: 2500, hospitalCoeficient: 1.05 } as never))[0]).toMatchObject({ path: ["hospitalCoeficient"], message: expect.stringContaining('did you mean "hospitalCoefficient"') });
    const targets = [{ kind: "proportional", metric: "controlRate", targt: 0.8 }];
    expect(issues(() => capitationPayment({ currency: "CNY", baseAmount: "1000", metrics: { controlRate: 0.72 }, targets } as never)).some((i) => i.path.join(".") === "targets.0.targt" && i.message.includes('did you mean "target"'))).toBe(true);
    expect(issues(() => budgetImpact({ currency: "CNY", eligible: 100, uptake: 1, costPerPatient: "1000", displace: [] } as never))[0]).toMatchObject({ path: ["displace"], message: expect.stringContaining('did you mean "displaced"') });
  });

  it("B1: every object of every exported JSON Schema says additionalProperties: false (open maps of attributes excepted)", () => {
    const open: string[] = [];
    const walk = (node: unknown, name: string): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, name));
      if (node === null || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      if (o.type === "object" && o.properties !== undefined && o.additionalProperties !== false) open.push(name);
      for (const v of Object.values(o)) walk(v, name);
    };
    for (const [name, schema] of Object.entries(buildJsonSchemas())) walk(schema, name);
    // Patient attributes are an open record of attribute names. The others read the library's own
    // results as they are (model results for toFrontierInput, a fit's curve, VOI and sensitivity results for their plots), which carry more
    // keys than they read; none of them is a document that moves money.
    expect([...new Set(open)].sort()).toEqual([
      "cohortPatientSchema",
      "evpiCurveSvgInputSchema",
      "evppiBarsSvgInputSchema",
      "evsiCurveSvgInputSchema",
      "expectedLossSvgInputSchema",
      "splitBillInputSchema",
      "survivalFitForPsaInputSchema",
      "toFrontierInputInputSchema",
      "tornadoSvgInputSchema",
      "twoWaySvgInputSchema",
    ]);
  });
});
