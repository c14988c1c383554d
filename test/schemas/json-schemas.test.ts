import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildJsonSchemas, buildResultSchemas, prepareJsonSchemas, RESULT_TYPES, schemaFileStem } from "../../scripts/json-schemas.js";
import * as lib from "../../src/index.js";
import { K1, K2, K3, K7, K10 } from "../contracts/fixtures.js";
import { hivCombo, hivMono } from "../models/hiv-fixture.js";

const prepared = prepareJsonSchemas();
const schemas = buildJsonSchemas(prepared);
const results = buildResultSchemas(prepared.docs);
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
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
  ["analyzePsaInputSchema", "V5", { strategies: ["S1", "S2"], costs: [[100, 120, 80, 110], [200, 260, 150, 210]], effects: [[1, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]], lambdas: [300], currency: "CNY" }],
  ["valueScoreInputSchema", "V6", { dimensions: [{ name: "clinical", score: 80, weight: 0.4 }, { name: "economic", score: 60, weight: 0.3 }, { name: "patient", score: 70, weight: 0.2 }, { name: "social", score: 50, weight: 0.1 }] }],
  ["runMarkovModelInputSchema", "HIV monotherapy (Chancellor 1997)", json(hivMono)],
  ["runMarkovModelInputSchema", "HIV combination", json(hivCombo)],
];

describe("JSON Schemas for other languages", () => {
  it("exist for every public input schema, with stable file names", () => {
    expect(Object.keys(schemas).length).toBeGreaterThanOrEqual(100);
    for (const name of ["contractSchema", "coveragePlanSchema", "bundleSchema", "budgetImpactInputSchema", "frontierInputSchema", "analyzePsaInputSchema", "runMarkovModelInputSchema", "splitBillInputSchema"]) {
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

  it("B2: the PSA input documents require their currency, and no schema defaults one to CNY", () => {
    const v5 = { strategies: ["S1", "S2"], costs: [[100, 120, 80, 110], [200, 260, 150, 210]], effects: [[1, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]], lambdas: [300] };
    expect(validator("analyzePsaInputSchema")(v5)).toBe(false);
    expect(validator("analyzePsaInputSchema")({ ...v5, currency: "CNY" })).toBe(true);
    for (const name of ["analyzePsaInputSchema", "psaAccumulatorInputSchema", "psaInputFromDrawsInputSchema"]) expect(schemas[name]!.required).toContain("currency");
    expect(JSON.stringify(schemas)).not.toMatch(/"default":\s*"CNY"/);
  });
});

const walk = (node: unknown, f: (o: Record<string, unknown>) => void): void => {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, f));
  if (node === null || typeof node !== "object") return;
  f(node as Record<string, unknown>);
  for (const v of Object.values(node)) walk(v, f);
};

describe("JSON Schemas a Java or Python team can use (issue 21 item 3)", () => {
  it("carry the doc comments of the source as descriptions, for the schema and its fields", () => {
    const plan = schemas.coveragePlanSchema!;
    expect(plan.description).toMatch(/coverage plan/);
    const props = plan.properties as Record<string, { description?: string }>;
    expect(props.currency!.description).toMatch(/always stated/);
    // Each field keeps its own comment even where fields share a schema (price vs a bonus amount).
    const contract = schemas.contractSchema!.properties as Record<string, { description?: string }>;
    expect(contract.price!.description).toMatch(/^The total price/);
    expect(JSON.stringify(schemas.contractSchema!.$defs)).toContain("The bonus amount, in the contract's currency.");
    const defs = plan.$defs as Record<string, Record<string, unknown>>;
    expect(JSON.stringify(defs.CoverageLayer)).toContain("Annual deductible (起付线).");
    let described = 0;
    for (const s of Object.values(schemas)) walk(s, (o) => void (typeof o.description === "string" && (described += 1)));
    expect(described).toBeGreaterThan(1000);
  });

  it("name their $defs after the exported schemas (no __schema0)", () => {
    for (const [name, s] of Object.entries(schemas)) {
      expect(JSON.stringify(s), name).not.toMatch(/__schema\d/);
      for (const def of Object.keys((s.$defs ?? {}) as object)) expect(def, name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    }
    expect(Object.keys(schemas.contractSchema!.$defs as object)).toEqual(expect.arrayContaining(["CurrencyCode", "Rate", "IsoDate", "BonusTerm"]));
    expect(Object.keys(schemas.transitionMatrixSchema!.$defs as object)).toContain("ModelExpression");
  });

  it("close every object that lists its properties (additionalProperties: false)", () => {
    for (const [name, s] of Object.entries(schemas)) {
      walk(s, (o) => {
        if (o.type === "object" && o.properties) expect(o.additionalProperties, `${name}: ${Object.keys(o.properties).join(",")}`).toBeDefined();
      });
    }
    expect(validator("contractSchema")({ ...K1, priice: "1" })).toBe(false);
  });

  it("check dates (format: date) and ranges (shares in [0, 1], amounts ≥ 0)", () => {
    const contract = validator("contractSchema");
    expect(contract({ ...K1, effective: { from: "2026-01-01" } })).toBe(true);
    expect(contract({ ...K1, effective: { from: "2026-13-45" } })).toBe(false);
    const share = (v: unknown) => ({ ...K1, payment: { type: "schedule", installments: [{ share: v, due: { months: 0 } }] } });
    for (const ok of ["1", "1.000", "0", "0.4", ".5", 1, 0.25, "-0", "1/3", "2/3"]) expect(contract(share(ok)), String(ok)).toBe(true);
    for (const bad of ["1.5", "1.0001", "2", "-0.1", 1.01, -0.5, "10", "1/0", "a/3", "1/3.5"]) expect(contract(share(bad)), String(bad)).toBe(false);
    expect(contract({ ...K1, price: "-1" })).toBe(false);
    expect(contract({ ...K1, price: "0" })).toBe(true);
    // The patterns agree with the library on a sample of decimal strings.
    const rate = validator("rateSchema");
    for (const t of ["0", "1", "0.999", "1.0", "01", "001.0", "+0.5", "-0.0", "1.01", "-1", "5", ".0", "00.7"]) {
      let lib_ok = true;
      try {
        lib.parseInput(lib.rateSchema, t);
      } catch {
        lib_ok = false;
      }
      expect(rate(t), t).toBe(lib_ok);
    }
  });

  it("ship result schemas that the library's results validate against", () => {
    expect(results.missing).toEqual([]);
    expect(Object.keys(results.schemas)).toEqual(Object.keys(RESULT_TYPES));
    const check = (stem: string, value: unknown) => {
      const s = results.schemas[stem]!;
      const validate = ajv.getSchema(s.$id as string) ?? ajv.compile(s);
      const ok = validate(json(value));
      expect(validate.errors ?? [], `${stem}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toEqual([]);
      expect(ok).toBe(true);
      return validate;
    };
    const t5 = lib.splitBill({ plan: { currency: "CNY", layers: [{ kind: "basic", deductible: "750", rate: "0.75" }] }, bill: "100000" });
    check("split-bill", t5);
    check("explanation", t5.explanation);
    const k1 = lib.evaluateContract(K1, [{ kind: "infusion", date: "2026-01-15" }, { kind: "crs", date: "2026-01-20", grade: 1 }], "2026-12-31");
    const v = check("contract-evaluation", k1);
    expect(v({ ...(json(k1) as object), extra: 1 })).toBe(false); // closed
    check("frontier", lib.frontier({ strategies: [["A", "0", 0], ["B", "100000", 1]].map(([name, amount, effect]) => ({ name: name as string, cost: { amount: amount as string, currency: "CNY" }, effect: effect as number })) }));
    check("money", lib.money("12.5"));
    const desc = JSON.stringify(results.schemas["split-bill"]);
    expect(desc).toContain("What the patient pays");
  });
});
