// Fuzz: the valuation module (seeds: the worked examples V1–V7 and their test variants).
import { describe } from "vitest";
import { D } from "../../src/money/decimal.js";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const cny = (amount: string) => ({ amount, currency: "CNY" });
const gbp = (amount: string) => ({ amount, currency: "GBP" });

const entry = (name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][]) =>
  fuzzEntry({ module: "valuation", name, call, seeds, maxCorruptions: 1200, randomNearRuns: 80 });

const v3 = {
  strategies: [
    { name: "A", cost: cny("0"), effect: 0 },
    { name: "B", cost: cny("100000"), effect: "1.0" },
    { name: "D", cost: cny("250000"), effect: 0.9 },
    { name: "C", cost: cny("300000"), effect: 1.5 },
    { name: "E", cost: cny("500000"), effect: 2.5 },
  ],
};
const v7 = {
  seriousAdverseEventRate: 0.08,
  objectiveResponseRate: 0.35,
  pfsImprovement: 0.2,
  icer: cny("200000"),
  gdpPerCapita: cny("89000"),
  newAnnualSpending: cny("60000000"),
  fundAnnualExpenditure: cny("10000000000"),
  annualOutOfPocket: cny("15000"),
  householdAnnualIncome: cny("90000"),
  committedSupply: 130,
  estimatedNeed: 100,
  therapyType: "cell-therapy",
  ethicsApproval: true,
};
const policy = {
  rules: [
    { label: "rare & life-extending", when: [{ fact: "rare", op: "==", value: true }, { fact: "lifeExtensionMonths", op: ">=", value: 12 }], threshold: cny("300000") },
    { label: "life-extending", when: [{ fact: "lifeExtensionMonths", op: ">=", value: 12 }], threshold: cny("150000") },
  ],
  default: cny("89000"),
};
const v5 = {
  strategies: ["S1", "S2"],
  costs: [
    [100, 120, 80, 110],
    [200, 260, 150, 210],
  ],
  effects: [
    [1.0, 1.2, 0.9, 1.1],
    [1.5, 1.4, 1.6, 1.3],
  ],
  lambdas: [0, 150, 300, 600],
  currency: "CNY",
};

describe("fuzz: valuation", () => {
  entry("qaly", (x) => api.qaly(x as api.QalyInput), [[{ periods: [{ utility: 0.8, repeat: 3 }], discountRate: 0.03, timing: "end" }], [{ periods: [{ utility: "0.8", repeat: 2 }, { utility: 0.5 }], discountRate: "0.03", timing: "start" }]]);
  entry("discountedCost", (x) => api.discountedCost(x as api.DiscountedCostInput), [[{ periods: [{ cost: cny("1000"), repeat: 2 }], discountRate: 0.05, timing: "start" }]]);
  entry("icer", (x) => api.icer(x as api.IcerInput), [[{ intervention: { cost: cny("300000"), effect: 2.5 }, comparator: { cost: cny("100000"), effect: 1.5 }, lambda: cny("150000") }], [{ intervention: { cost: cny("80000"), effect: 2 }, comparator: { cost: cny("100000"), effect: 1.5 } }]]);
  entry("quadrantOf", (x) => api.quadrantOf(x as api.QuadrantOfInput), [[{ deltaEffect: new D("1.5"), deltaCost: new D("-2") }], [{ deltaEffect: new D(0), deltaCost: new D(0) }]]);
  entry("netBenefit", (x) => api.netBenefit(x as api.NetBenefitInput), [[{ lambda: cny("150000"), strategies: [{ name: "comparator", cost: cny("100000"), effect: 1.5 }, { name: "new", cost: cny("300000"), effect: 2.5 }] }]]);
  entry("frontier", (x) => api.frontier(x as api.FrontierInput), [[v3]]);
  entry("optimalStrategy", (x) => api.optimalStrategy(x as api.OptimalStrategyInput), [[{ frontier: api.frontier(v3), lambda: cny("200000") }], [{ frontier: api.frontier(v3), lambda: cny("300000") }]]);
  entry("classifyIcerByGdp", (x) => api.classifyIcerByGdp(x as api.ClassifyIcerByGdpInput), [[{ icer: cny("200000"), gdpPerCapita: cny("89000") }], [{ icer: cny("100"), gdpPerCapita: cny("10"), multiples: { high: 1, moderate: 3 } }]]);
  entry("applyThreshold", (x) => api.applyThreshold(x as api.ApplyThresholdInput), [[{ icer: gbp("33000"), threshold: gbp("20000"), upperThreshold: gbp("30000"), severityModifier: 1.2 }]]);
  entry("selectThreshold", (x) => api.selectThreshold(x as api.SelectThresholdInput), [[{ policy, facts: { rare: true, lifeExtensionMonths: 14 } }]]);
  entry("valueBasedPrice", (x) => api.valueBasedPrice(x as api.ValueBasedPriceInput), [[{ lambda: cny("150000"), incrementalEffect: "1.0", comparatorCost: cny("100000"), nonDrugCost: cny("20000") }]]);
  entry("analyzePsa", (x) => api.analyzePsa(x as api.AnalyzePsaInput), [[v5], [{ ...v5, costs: v5.costs.map((r) => Float64Array.from(r)), effects: v5.effects.map((r) => Float64Array.from(r)), lambdas: [300] }]]);
  entry("analyzePsaChunks", (x) => api.analyzePsaChunks(x as Parameters<typeof api.analyzePsaChunks>[0]), [[{ strategies: v5.strategies, lambdas: v5.lambdas, currency: "CNY", chunks: [{ costs: v5.costs, effects: v5.effects }] }]]);
  entry("psaInputFromDraws", (x) => api.psaInputFromDraws(x as api.PsaInputFromDrawsInput), [[{ strategies: ["S1", "S2"], draws: [{ costs: [100, 200], effects: [1, 1.5] }, { costs: [120, 260], effects: [1.2, 1.4] }], lambdas: [300], currency: "CNY" }]]);
  entry("valueScore", (x) => api.valueScore(x as api.ValueScoreInput), [[{ dimensions: [{ name: "clinical", score: 80, weight: 0.4 }, { name: "economic", score: 60, weight: 0.3 }, { name: "patient", score: 70, weight: 0.2 }, { name: "social", score: 50, weight: 0.1 }] }]]);
  entry("assessAdmission", (x) => api.assessAdmission(x as api.AssessAdmissionInput), [[{ technology: v7, rules: { maxBudgetShare: 0.01 } }], [{ technology: { ...v7, seriousAdverseEventRate: 0.12 } }]]);
});
