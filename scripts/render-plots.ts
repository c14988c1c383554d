// Renders the pictures in docs/plots.md from the library's own API. Run: npx tsx scripts/render-plots.ts
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzePsa, ceacSvg, cePlaneSvg, frontier, frontierSvg, markovTraceSvg, runMarkovModel, runModelPsa } from "../src/index.js";

const out = join(import.meta.dirname, "..", "docs", "img");
const cny = (amount: string) => ({ amount, currency: "CNY" });

// Frontier of spec example V3.
const v3 = frontier({
  strategies: [
    { name: "A", cost: cny("0"), effect: 0 },
    { name: "B", cost: cny("100000"), effect: 1 },
    { name: "D", cost: cny("250000"), effect: 0.9 },
    { name: "C", cost: cny("300000"), effect: 1.5 },
    { name: "E", cost: cny("500000"), effect: 2.5 },
  ],
});
writeFileSync(
  join(out, "frontier-v3.svg"),
  frontierSvg({ ...v3, title: "Frontier of spec example V3" }),
);

// A seeded two-strategy PSA from a Markov model stored as a document (the models guide's example), 1,000 draws.
const doc = JSON.parse(readFileSync(join(import.meta.dirname, "..", "examples", "data", "two-state-psa.json"), "utf8"));
const psa = runModelPsa(doc);
writeFileSync(join(out, "ce-plane.svg"), cePlaneSvg({ ...psa, title: "New vs Standard: 1,000 PSA draws (seed 42)", lambda: 30000 }));
const lambdas = Array.from({ length: 41 }, (_, i) => i * 2500);
const result = analyzePsa({ ...psa, lambdas, currency: "CNY" });
writeFileSync(
  join(out, "ceac.svg"),
  ceacSvg({ ...result, title: "Acceptability curves and frontier (CEAF)" }),
);
// The deterministic trace of the "New" strategy (its parameters at their base values).
const newStrategy = doc.strategies.find((s: { name: string }) => s.name === "New");

writeFileSync(join(out, "markov-trace.svg"), markovTraceSvg({ ...runMarkovModel({ ...newStrategy.model, parameters: doc.parameters }), title: "Markov trace: New (base case)" }));
console.log("wrote docs/img/frontier-v3.svg, ce-plane.svg, ceac.svg, markov-trace.svg");
