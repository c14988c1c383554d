// The care documents as a Java or Python backend would validate them: the JSON Schemas
// generated from the exported zod schemas accept the worked-example documents.
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildJsonSchemas } from "../../scripts/json-schemas.js";
import { DEFAULT_SERVICE_PACKAGES } from "../../src/index.js";
import { H2_LISTING, H3_LISTING, H5_EVENTS, H5_SCHEDULE, H7_EVENTS } from "./fixtures.js";

const schemas = buildJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validator = (name: string) => {
  const s = schemas[name];
  if (!s) throw new Error(`no JSON Schema for ${name}`);
  return ajv.getSchema(s.$id as string) ?? ajv.compile(s);
};

const documents: [schema: string, id: string, doc: unknown][] = [
  ["listingSchema", "H2", H2_LISTING],
  ["listingSchema", "H3", H3_LISTING],
  ["followUpStatusInputSchema", "H5", { schedule: H5_SCHEDULE, treatmentStart: "2026-01-15", events: H5_EVENTS, asOf: "2027-01-20" }],
  ["incentivePointsInputSchema", "H8", { currency: "CNY", events: H7_EVENTS, redemptions: [{ date: "2027-02-10", points: 15 }], asOf: "2027-02-22" }],
  ["followUpUpliftInputSchema", "H9", { currency: "CNY", claims: [{ eligible: "100000", ratio: "0.98" }], fullFollowUp: true, completedOn: "2026-12-20" }],
  ["riskTierInputSchema", "H10", { score: "0.2999" }],
  ["servicePackageSchema", "DM-HIGH", JSON.parse(JSON.stringify(DEFAULT_SERVICE_PACKAGES[0]))],
  ["classifyPackageClaimsInputSchema", "H11", { enrolments: [{ package: "DM-HIGH", enrolledOn: "2026-03-01", years: 2 }], lines: [{ date: "2026-03-01", item: "glucoseMeter" }] }],
];

describe("care JSON Schemas", () => {
  it.each(documents)("%s accepts the worked-example document %s", (schema, _id, doc) => {
    const validate = validator(schema);
    validate(doc);
    expect(validate.errors ?? []).toEqual([]);
  });

  it("rejects unknown keys and a missing currency", () => {
    expect(validator("listingSchema")({ ...H3_LISTING, discount: "0.1" })).toBe(false);
    const { currency: _c, ...noCurrency } = H3_LISTING;
    expect(validator("listingSchema")(noCurrency)).toBe(false);
    expect(validator("listingDecisionSchema")({ kind: "promote", decidedOn: "2026-01-01" })).toBe(false);
  });
});
