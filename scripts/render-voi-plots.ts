// Renders the value-of-information pictures in docs/plots.md from the library's own API.
// Run: npx tsx scripts/render-voi-plots.ts
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzePsa, evpiCurveSvg, evppi, evppiBarsSvg, evsi, evsiCurveSvg, expectedLossSvg } from "../src/index.js";

const out = join(import.meta.dirname, "..", "docs", "img");

/** mulberry32 + Box–Muller: a fixed, seeded example. */
function normals(seed: number, K: number): Float64Array {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return Float64Array.from({ length: K }, () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()));
}

// Three strategies whose effects depend non-linearly on a response probability and a utility, and whose costs on a drug cost.
const K = 2000;
const pR = Float64Array.from(normals(1, K), (z) => 0.4 + 0.1 * z);
const uR = Float64Array.from(normals(2, K), (z) => 0.7 + 0.1 * z);
const cD = Float64Array.from(normals(3, K), (z) => 50_000 + 10_000 * z);
const base = {
  strategies: ["SoC", "New", "Newer"],
  costs: [Float64Array.from(cD, (c) => 0.5 * c), Float64Array.from(cD, (c) => 20_000 + c), Float64Array.from(cD, (c) => 60_000 + 1.2 * c)],
  effects: [Float64Array.from(pR, (p, k) => 1 + 0.5 * p * uR[k]!), Float64Array.from(pR, (p, k) => 1 + p * uR[k]!), Float64Array.from(pR, (p, k) => 1 + 1.4 * p * uR[k]! ** 2)],
  currency: "CNY",
};
const parameters = [{ name: "pResponse", draws: pR }, { name: "uResponse", draws: uR }, { name: "drugCost", draws: cD }];
const lambdas = Array.from({ length: 21 }, (_, i) => i * 25_000);
const psa = analyzePsa({ ...base, lambdas });
const ev = evppi({ ...base, parameters, lambdas, groups: [["pResponse"], ["uResponse"], ["drugCost"], ["pResponse", "uResponse"]], method: { type: "spline" } });
const es = evsi({
  ...base,
  parameters,
  lambdas: [325_000],
  group: ["pResponse"],
  sampleSizes: [0, 10, 25, 50, 100, 200, 400, 800],
  priorSampleSize: 50,
  method: { type: "spline" },
  population: 2000,
  studyCost: { fixed: { amount: "200000", currency: "CNY" }, perPatient: { amount: "3000", currency: "CNY" } },
});
writeFileSync(join(out, "voi-evpi.svg"), evpiCurveSvg({ psa, evppi: ev }));
writeFileSync(join(out, "voi-evppi-bars.svg"), evppiBarsSvg({ evppi: ev, lambda: 325_000 }));
writeFileSync(join(out, "voi-evsi.svg"), evsiCurveSvg({ evsi: es }));
writeFileSync(join(out, "voi-expected-loss.svg"), expectedLossSvg({ psa }));
console.log(`EVSI best n ${es.points[0]!.bestSampleSize}; EVPPI(pResponse) at 325,000: ${ev.groups[0]!.points[13]!.evppi.toString()}`);
