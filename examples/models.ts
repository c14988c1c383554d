// Decision models end to end: a Markov cohort model (spec MK1), a partitioned-survival
// model (spec PS1), the Chancellor HIV model through valuation's frontier, and a PSA
// whose draws go straight into CEAC/EVPI.  Run: npx tsx examples/models.ts
import {
  analyzePsa,
  formatExplanation,
  formatMoney,
  frontier,
  runMarkovModel,
  runModelPsa,
  runPartitionedSurvival,
  toFrontierInput,
  type RunMarkovModelInput,
} from "precision-vbp";

console.log("== MK1: Alive/Dead, p(death) 0.2, 3 annual cycles, life-table counting ==");
const mk1 = runMarkovModel({
  states: ["Alive", "Dead"],
  initial: { Alive: 1 },
  cycles: 3,
  transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }],
  counting: "life-table",
  streams: {
    qaly: { values: { Alive: 0.7 }, discountRate: 0.03 },
    cost: { values: { Alive: "500" }, discountRate: 0.03, currency: "CNY" },
  },
});
console.log(`QALY ${mk1.streams.qaly?.total.toFixed(6)}, cost ${formatMoney(mk1.streams.cost!.money!.total)}`);
console.log(formatExplanation(mk1.explanation, { indent: "  " }));

console.log("\n== PS1: exponential PFS 0.1/month, OS 0.05/month, 24 months ==");
const ps1 = runPartitionedSurvival({
  cycles: 24,
  timeUnit: "month",
  pfs: { type: "exponential", rate: 0.1 },
  os: { type: "exponential", rate: 0.05 },
  streams: {
    qaly: { per: "year", values: { PF: 0.8, PD: 0.6 } },
    cost: { values: { PF: "20000", PD: "5000" }, currency: "CNY" },
  },
});
console.log(
  `PF ${ps1.timeInState.PF.toFixed(6)} months, PD ${ps1.timeInState.PD.toFixed(6)} months, QALY ${ps1.streams.qaly?.total.toFixed(6)}, cost ${formatMoney(ps1.streams.cost!.money!.total)}`,
);

console.log("\n== Chancellor et al. 1997 HIV model (Briggs et al. 2006, ex. 2.5) ==");
const counts = { A: { B: 350, C: 116, D: 17, total: 1734 }, B: { C: 512, D: 15, total: 1258 }, C: { D: 437, total: 1749 } };
const m = (rr: number) => ({
  A: { A: "complement" as const, B: (counts.A.B / counts.A.total) * rr, C: (counts.A.C / counts.A.total) * rr, D: (counts.A.D / counts.A.total) * rr },
  B: { B: "complement" as const, C: (counts.B.C / counts.B.total) * rr, D: (counts.B.D / counts.B.total) * rr },
  C: { C: "complement" as const, D: (counts.C.D / counts.C.total) * rr },
  D: { D: 1 },
});
const stateCost = { A: 1701 + 1055 + 2278, B: 1774 + 1278 + 2278, C: 6948 + 2059 + 2278 };
const withLamivudine = (c: number) => Array.from({ length: 20 }, (_, t) => c + (t < 2 ? 2086.5 : 0));
const mono: RunMarkovModelInput = {
  states: ["A", "B", "C", "D"],
  initial: { A: 1 },
  cycles: 20,
  counting: "end",
  transitions: [{ matrix: m(1) }],
  streams: { ly: { values: { A: 1, B: 1, C: 1 } }, cost: { values: stateCost, discountRate: 0.06, currency: "GBP" } },
};
const combo: RunMarkovModelInput = {
  ...mono,
  transitions: [{ throughCycle: 2, matrix: m(0.509) }, { matrix: m(1) }],
  streams: {
    ly: { values: { A: 1, B: 1, C: 1 } },
    cost: { values: { A: withLamivudine(stateCost.A), B: withLamivudine(stateCost.B), C: withLamivudine(stateCost.C) }, discountRate: 0.06, currency: "GBP" },
  },
};
const f = frontier(
  toFrontierInput({
    strategies: [
      { name: "Zidovudine", result: runMarkovModel(mono) },
      { name: "Zidovudine + lamivudine", result: runMarkovModel(combo) },
    ],
    effectStream: "ly",
  }),
);
for (const s of f.strategies) {
  console.log(`${s.name}: ${formatMoney(s.cost)}, ${s.effect.toFixed(3)} LY, ${s.status}${s.icer ? `, ICER ${formatMoney(s.icer)} per LY` : ""}`);
}

console.log("\n== PSA: 2,000 draws, seed 42, into CEAC and EVPI ==");
const psa = runModelPsa({
  draws: 2000,
  seed: 42,
  parameters: {
    pDeath: { value: 0.2, distribution: { type: "beta", alpha: 20, beta: 80 } },
    hr: { value: 0.7, distribution: { type: "lognormal", meanlog: Math.log(0.7), sdlog: 0.15 } },
    drug: { value: 3000, distribution: { type: "gamma", shape: 25, scale: 120 } },
  },
  strategies: ["Standard", "New"].map((name) => ({
    name,
    model: {
      type: "markov" as const,
      states: ["Alive", "Dead"],
      initial: { Alive: 1 },
      cycles: 10,
      counting: "life-table" as const,
      transitions: [
        { matrix: { Alive: { Alive: "complement" as const, Dead: name === "New" ? { mul: [{ param: "pDeath" }, { param: "hr" }] } : { param: "pDeath" } }, Dead: { Dead: 1 } } },
      ],
      streams: {
        qaly: { values: { Alive: 0.75 }, discountRate: 0.05 },
        cost: { values: { Alive: name === "New" ? { add: [1000, { param: "drug" }] } : 1000 }, discountRate: 0.05, currency: "CNY" },
      },
    },
  })),
});
console.log(formatExplanation(psa.explanation, { indent: "  " }));
const ceac = analyzePsa({ ...psa, lambdas: [10000, 30000, 100000], currency: "CNY" });
for (const p of ceac.points) {
  console.log(`  λ ${p.lambda}: CEAC ${p.ceac.map((x) => x.toFixed(3)).join(" / ")}, optimal ${p.optimal}, EVPI ${formatMoney(p.evpi)} per patient`);
}
