// Cases for validate.py (issue 21 item 3), computed with the INSTALLED package: the
// example documents of the spec and examples/data (valid), documents broken in one way
// each (invalid: the JSON Schema must reject them), and the library's results for the
// examples, as JSON, each with the result schema it must match.
// Usage: node generate.mjs <out.json>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as lib from "precision-vbp";

const data = (f) => JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "examples", "data", f), "utf8"));
const json = (v) => JSON.parse(JSON.stringify(v));

const k1 = data("k1-contract.json");
const plan = data("cart-layers.json");
const t5 = { currency: "CNY", layers: [{ kind: "basic", deductible: "750", rate: "0.75" }] };
const bundle = { currency: "CNY", name: "Lung-cancer monthly bundle", price: "28000", components: [{ name: "NGS test", amount: "5000" }, { name: "targeted drug", amount: "20000" }, { name: "imaging", amount: "1000" }, { name: "supportive care", amount: "2000" }] };
const v3 = { strategies: [["A", "0", 0], ["B", "100000", 1], ["D", "250000", 0.9], ["C", "300000", 1.5], ["E", "500000", 2.5]].map(([name, amount, effect]) => ({ name, cost: { amount, currency: "CNY" }, effect })) };
const v5 = { strategies: ["S1", "S2"], costs: [[100, 120, 80, 110], [200, 260, 150, 210]], effects: [[1, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]], lambdas: [300], currency: "CNY" };
const mk1 = { states: ["Alive", "Dead"], initial: { Alive: 1 }, cycles: 3, transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }], counting: "end", streams: { cost: { values: { Alive: "500" }, discountRate: 0.03, currency: "CNY" } } };
const bi2 = data("bi2-egfr.json");

const valid = [
  ["contract", "K1 (examples/data)", k1],
  ["coverage-plan", "CAR-T five layers (examples/data)", plan],
  ["coverage-plan", "T5", t5],
  ["bundle", "B1", bundle],
  ["frontier-input", "V3", v3],
  ["analyze-psa-input", "V5", v5],
  ["budget-impact-input", "BI2b (examples/data)", bi2],
  ["run-markov-model-input", "MK1", mk1],
];
const invalid = [
  ["contract", "a date that does not exist (2026-13-45)", { ...k1, effective: { from: "2026-13-45" } }],
  ["contract", "an installment share above 1", { ...k1, payment: { ...k1.payment, installments: [{ ...k1.payment.installments[0], share: "1.5" }] } }],
  ["contract", "a share as a number above 1", { ...k1, payment: { ...k1.payment, installments: [{ ...k1.payment.installments[0], share: 1.01 }] } }],
  ["contract", "an unknown key", { ...k1, priice: "1" }],
  ["contract", "a negative price", { ...k1, price: "-1" }],
  ["contract", "thousands separators in an amount", { ...k1, price: "1,200,000" }],
  ["contract", "no currency", Object.fromEntries(Object.entries(k1).filter(([k]) => k !== "currency"))],
  ["coverage-plan", "an unknown layer kind", { currency: "CNY", layers: [{ kind: "lottery", rate: "0.5" }] }],
  ["coverage-plan", "a rate of 120%", { currency: "CNY", layers: [{ kind: "basic", rate: "1.2" }] }],
  ["coverage-plan", "an unknown key in a layer", { currency: "CNY", layers: [{ kind: "basic", rate: "0.7", ratee: "0.7" }] }],
  ["bundle", "a component without an amount", { ...bundle, components: [{ name: "NGS test" }] }],
  ["frontier-input", "a cost without a currency", { strategies: [{ name: "A", cost: { amount: "0" }, effect: 0 }] }],
  ["analyze-psa-input", "no currency", Object.fromEntries(Object.entries(v5).filter(([k]) => k !== "currency"))],
];

const events = data("k1-events-crs.json");
const cohort = readFileSync(join(import.meta.dirname, "..", "..", "examples", "data", "cohort.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
const prepared = lib.prepareCohortSettlement({ contract: k1, plan, asOf: "2026-12-31" });
const records = cohort.map((p, i) => lib.settleCohortPatient({ settlement: prepared, record: p, index: i + 1 })).filter((r) => !lib.isCohortSettlementError(r));
const totals = records.reduce((t, r) => lib.addToCohortTotals({ totals: t, record: r }), lib.emptyCohortTotals(k1.currency));
const split = lib.splitBill({ plan: t5, bill: "100000" });

const results = [
  ["contract-evaluation", "K1 with CRS", lib.evaluateContract(k1, events, "2026-12-31")],
  ["split-bill", "T5", split],
  ["split-bill", "CAR-T five layers", lib.splitBill({ plan, bill: "1200000" })],
  ...records.map((r) => ["cohort-settlement", `cohort patient ${r.patientId}`, r]),
  ["cohort-totals", "cohort totals", lib.cohortTotalsToJSON(totals)],
  ["budget-impact", "BI2b", lib.budgetImpact(bi2)],
  ["bundle-settlement", "B1", lib.settleBundle({ bundle, actualCost: "31000", stopLoss: { rateOfPrice: 0.05 } })],
  ["frontier", "V3", lib.frontier(v3)],
  ["psa-analysis", "V5", lib.analyzePsa(v5)],
  ["markov-model", "MK1", lib.runMarkovModel(mk1)],
  ["explanation", "T5 explanation", split.explanation],
  ["money", "M1 share", lib.allocate(lib.money("1200000.00"), [40, 30, 30])[0]],
].map(([schema, name, value]) => [schema, name, json(value)]);

const out = {
  documents: [...valid.map(([s, name, doc]) => ({ schema: `${s}.schema.json`, name, doc, valid: true })), ...invalid.map(([s, name, doc]) => ({ schema: `${s}.schema.json`, name, doc, valid: false }))],
  results: results.map(([s, name, doc]) => ({ schema: `${s}.result.schema.json`, name, doc })),
};
// The valid documents must also be valid for the library, and the invalid ones refused by it.
for (const d of out.documents) {
  const parse = { contract: lib.parseContract, "coverage-plan": (x) => lib.parseInput(lib.coveragePlanSchema, x) }[d.schema.replace(".schema.json", "")];
  if (!parse) continue;
  let ok = true;
  try {
    parse(d.doc);
  } catch {
    ok = false;
  }
  if (ok !== d.valid) throw new Error(`${d.schema} ${d.name}: the library ${ok ? "accepts" : "refuses"} it, the case says ${d.valid ? "valid" : "invalid"}`);
}
writeFileSync(process.argv[2], JSON.stringify(out));
console.log(`${out.documents.length} documents, ${out.results.length} results`);
