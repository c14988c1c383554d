import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildJsonSchemas, schemaFileStem } from "../../scripts/json-schemas.js";
import { K1, K2, K3, K7, K10 } from "../contracts/fixtures.js";
import { hivCombo, hivMono } from "../models/hiv-fixture.js";

const schemas = buildJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validator = (name: string) => {
  const s = schemas[name];
  if (!s) throw new Error(`no JSON Schema for ${name}`);
  return ajv.getSchema(s.$id as string) ?? ajv.compile(s);
};
const data = (f: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "data", f), "utf8"));
const json = <T>(v: T): unknown => JSON.parse(JSON.stringify(v));

// Worked-example documents as a backend would store them (plain JSON).
const documents: [schema: string, id: string, doc: unknown][] = [
  ["contractSchema", "K1", K1],
  ["contractSchema", "K2", K2],
  ["contractSchema", "K3", K3],
  ["contractSchema", "K7", K7],
  ["contractSchema", "K10", K10],
  ["contractSchema", "K1 (examples/data)", data("k1-contract.json")],
  ["coveragePlanSchema", "CAR-T five layers", data("cart-layers.json")],
  ["coveragePlanSchema", "T1", { currency: "CNY", layers: [{ kind: "basic", rate: "0.7" }, { kind: "supplementary", basis: "total", rate: "0.2" }] }],
  ["coveragePlanSchema", "T5", { currency: "CNY", layers: [{ kind: "basic", deductible: "750", rate: "0.75" }] }],
  ["budgetImpactInputSchema", "BI2b", data("bi2-egfr.json")],
  ["budgetImpactInputSchema", "BI1", { currency: "CNY", eligible: 500, uptake: 1, costPerPatient: "1000000", fundSurplus: "62500000000" }],
  ["bundleSchema", "B1", { currency: "CNY", name: "Lung-cancer monthly bundle", price: "28000", components: [{ name: "NGS test", amount: "5000" }, { name: "targeted drug", amount: "20000" }, { name: "imaging", amount: "1000" }, { name: "supportive care", amount: "2000" }] }],
  ["frontierInputSchema", "V3", { strategies: [["A", "0", 0], ["B", "100000", 1], ["D", "250000", 0.9], ["C", "300000", 1.5], ["E", "500000", 2.5]].map(([name, amount, effect]) => ({ name, cost: { amount, currency: "CNY" }, effect })) }],
  ["psaInputSchema", "V5", { strategies: ["S1", "S2"], costs: [[100, 120, 80, 110], [200, 260, 150, 210]], effects: [[1, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]], lambdas: [300] }],
  ["valueScoreInputSchema", "V6", { dimensions: [{ name: "clinical", score: 80, weight: 0.4 }, { name: "economic", score: 60, weight: 0.3 }, { name: "patient", score: 70, weight: 0.2 }, { name: "social", score: 50, weight: 0.1 }] }],
  ["markovModelInputSchema", "HIV monotherapy (Chancellor 1997)", json(hivMono)],
  ["markovModelInputSchema", "HIV combination", json(hivCombo)],
];

describe("JSON Schemas for other languages", () => {
  it("exist for every public input schema, with stable file names", () => {
    expect(Object.keys(schemas).length).toBeGreaterThanOrEqual(100);
    for (const name of ["contractSchema", "coveragePlanSchema", "bundleSchema", "budgetImpactInputSchema", "frontierInputSchema", "psaInputSchema", "markovModelInputSchema", "splitBillInputSchema"]) {
      expect(schemas[name], name).toBeDefined();
    }
    expect(schemaFileStem("frontierInputSchema")).toBe("frontier-input");
    expect(schemas.contractSchema!.$id).toBe("https://precision-vbp.dev/schemas/contract.schema.json");
  });

  it.each(documents)("%s accepts the worked-example document %s", (schema, _id, doc) => {
    const validate = validator(schema);
    const ok = validate(doc);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it("rejects documents with the wrong structure", () => {
    const contract = validator("contractSchema");
    expect(contract({ ...K1, price: "1,200,000" })).toBe(false); // not a decimal numeral
    expect(contract({ ...K1, currency: "cny" })).toBe(false);
    expect(contract({ ...K1, payment: { type: "barter" } })).toBe(false);
    const plan = validator("coveragePlanSchema");
    expect(plan({ currency: "CNY", layers: [{ kind: "lottery", rate: "0.5" }] })).toBe(false);
    const money = validator("nonNegativeMoneySchema");
    expect(money({ amount: "12.50", currency: "CNY" })).toBe(true);
    expect(money({ amount: "12.50" })).toBe(false);
    expect(money({})).toBe(false); // the in-memory Money branch does not make the JSON form accept anything
  });
});
