// Renders the pictures in docs/plots.md from the library's own API. Run: npx tsx scripts/render-plots.ts
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzePsa, ceacSvg, cePlaneSvg, frontier, frontierSvg, runModelPsa } from "../src/index.js";

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
  frontierSvg({ title: "Frontier of spec example V3", strategies: v3.strategies.map((s) => ({ name: s.name, cost: s.cost.amount.toNumber(), effect: s.effect.toNumber(), status: s.status })) }),
);

// A seeded two-strategy PSA from a Markov model stored as a document (the models guide's example), 1,000 draws.
const psa = runModelPsa(JSON.parse(readFileSync(join(import.meta.dirname, "..", "examples", "data", "two-state-psa.json"), "utf8")));
writeFileSync(join(out, "ce-plane.svg"), cePlaneSvg({ title: "New vs Standard: 1,000 PSA draws (seed 42)", strategies: psa.strategies, costs: psa.costs, effects: psa.effects, lambda: 30000 }));
const lambdas = Array.from({ length: 41 }, (_, i) => i * 2500);
const result = analyzePsa({ ...psa, lambdas });
writeFileSync(
  join(out, "ceac.svg"),
  ceacSvg({
    title: "Acceptability curves and frontier (CEAF)",
    lambdas,
    strategies: [...psa.strategies],
    probabilities: psa.strategies.map((_, s) => result.points.map((p) => p.ceac[s]!)),
    optimal: result.points.map((p) => p.optimal),
  }),
);
console.log("wrote docs/img/frontier-v3.svg, ce-plane.svg, ceac.svg");
