// Renders the sensitivity-analysis pictures in docs/plots.md from the library's own API.
// Run: npx tsx scripts/render-sa-plots.ts
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { oneWaySensitivity, tornadoSvg, twoWaySensitivity, twoWaySvg } from "../src/index.js";

const out = join(import.meta.dirname, "..", "docs", "img");
// The models guide's two-strategy Markov document (the same one the CE-plane picture uses).
const doc = JSON.parse(readFileSync(join(import.meta.dirname, "..", "examples", "data", "two-state-psa.json"), "utf8"));
const source = { type: "model" as const, parameters: doc.parameters, strategies: doc.strategies };
const lambda = { amount: "30000", currency: "CNY" };

const owsa = oneWaySensitivity({
  source,
  lambda,
  ranges: [
    { parameter: "pDeath", low: 0.1, high: 0.3 },
    { parameter: "hr", low: 0.5, high: 0.9 },
    { parameter: "drug", low: 2000, high: 6000 },
  ],
  outcome: { type: "incremental-nmb", strategy: "New", comparator: "Standard" },
});
writeFileSync(join(out, "tornado.svg"), tornadoSvg({ sensitivity: owsa, title: "New vs Standard at λ = CNY 30,000 per QALY" }));

const twsa = twoWaySensitivity({
  source,
  lambda,
  x: { parameter: "hr", low: 0.5, high: 0.9, points: 21 },
  y: { parameter: "drug", low: 2000, high: 6000, points: 21 },
});
writeFileSync(join(out, "two-way.svg"), twoWaySvg({ sensitivity: twsa, title: "Optimal strategy by hazard ratio and drug cost (λ = CNY 30,000)" }));
console.log(owsa.explanation.map((s) => s.text).join("\n"));
