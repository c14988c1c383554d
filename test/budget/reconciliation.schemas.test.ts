// The reconciliation and IPPS documents as a backend stores them pass the published JSON Schemas,
// and the strict objects reject unknown keys there too.
import Ajv2020 from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { buildJsonSchemas } from "../../scripts/json-schemas.js";

const schemas = buildJsonSchemas();
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validator = (name: string) => ajv.compile(schemas[name]!);

const corridor = { method: "marginal", bands: [{ from: 0, to: 0.25, share: 1 }, { from: 0.25, to: null, share: 0.5 }] };
const docs: [string, unknown][] = [
  [
    "reconcileSharedSavingsInputSchema",
    {
      scheme: "shared-savings",
      currency: "USD",
      track: "two-sided",
      benchmarkPerCapita: "12000",
      expenditure: { kind: "beneficiaries", beneficiaries: [{ id: "b1", personYears: 1, expenditure: "9000.50" }] },
      minimumSavingsRate: { kind: "by-beneficiaries", table: { domain: { min: 5000, max: null }, bands: [{ from: 5000, to: null, value: 0.02 }] } },
      minimumLossRate: 0.02,
      sharingRate: 0.75,
      quality: { score: 80, scale: { min: 0, max: 100 }, method: "sliding", standard: 70 },
      lossCap: { shareOfRevenue: 0.08, revenue: "30000000" },
      sharedLossRate: { kind: "one-minus-final-sharing-rate", min: 0.4, max: 0.75 },
    },
  ],
  ["reconcileRiskCorridorsInputSchema", { scheme: "risk-corridors", currency: "USD", benchmark: "100000000", discount: 0.035, qualityWithhold: { rate: 0.02, score: 0.8 }, actual: "60000000", gains: corridor, losses: corridor }],
  [
    "reconcileEpisodesInputSchema",
    {
      scheme: "episode",
      currency: "USD",
      year: "PY1",
      episodeTypes: [{ id: "LEJR", benchmark: { kind: "blended", providerHistory: "24000", regionalHistory: "27000", weights: { provider: 2, regional: 1 } } }],
      discount: 0.03,
      episodes: [{ id: "e1", type: "LEJR", actual: { amount: "22000", currency: "USD" } }],
      limits: { stopGain: 0.05, stopLoss: null },
      order: "quality-then-cap",
    },
  ],
  [
    "ippsPaymentInputSchema",
    {
      hospital: { currency: "USD", operating: { standardizedAmount: "6000", laborShare: 0.676, wageIndex: 1.1 }, capital: { federalRate: "500", geographicAdjustmentFactor: 1.0674 }, costToChargeRatio: 0.3, ntap: { rate: 0.65 }, outlier: { fixedLossThreshold: "40000", marginalCostFactor: 0.8, wageAdjusted: true } },
      case: { id: "c1", drgWeight: 10, charges: "1000000", newTechnology: { name: "CAR-T", cost: "400000" } },
    },
  ],
];

describe("reconciliation JSON Schemas", () => {
  it.each(docs)("%s accepts its worked document", (name, doc) => {
    const v = validator(name);
    expect(v(doc), JSON.stringify(v.errors)).toBe(true);
    expect(validator("reconcileInputSchema")(doc) || name === "ippsPaymentInputSchema").toBe(true);
  });
  it.each(docs)("%s rejects an unknown key", (name, doc) => {
    expect(validator(name)({ ...(doc as object), extra: 1 })).toBe(false);
  });
  it("a document without its currency is rejected", () => {
    const { currency: _c, ...rest } = docs[1]![1] as Record<string, unknown>;
    expect(validator("reconcileRiskCorridorsInputSchema")(rest)).toBe(false);
  });
});
