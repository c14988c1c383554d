// Valuation walk-through: npx tsx examples/valuation.ts
import {
  analyzePsa,
  assessAdmission,
  formatExplanation,
  formatMoney,
  frontier,
  icer,
  optimalStrategy,
  qaly,
  valueBasedPrice,
} from "precision-vbp";

const cny = (amount: string) => ({ amount, currency: "CNY" });

console.log("== QALYs (V1) ==");
const q = qaly({ periods: [{ utility: 0.8, repeat: 3 }], discountRate: 0.03 });
console.log(`QALYs ${q.qalys.toDecimalPlaces(6).toString()}, life-years ${q.lifeYears.toDecimalPlaces(6).toString()}`);

console.log("\n== Pairwise ICER (V2) ==");
const pair = icer({ intervention: { cost: cny("300000"), effect: 2.5 }, comparator: { cost: cny("100000"), effect: 1.5 }, lambda: cny("150000") });
console.log(formatExplanation(pair.explanation));

console.log("\n== Frontier (V3) ==");
const f = frontier({
  strategies: [
    { name: "A", cost: cny("0"), effect: 0 },
    { name: "B", cost: cny("100000"), effect: 1 },
    { name: "D", cost: cny("250000"), effect: 0.9 },
    { name: "C", cost: cny("300000"), effect: 1.5 },
    { name: "E", cost: cny("500000"), effect: 2.5 },
  ],
});
for (const s of f.strategies) {
  console.log(`${s.name.padEnd(2)} ${s.status.padEnd(3)} ${s.icer ? formatMoney(s.icer) : "—"}  ${s.reason}`);
}
for (const l of ["200000", "300000"]) console.log(`optimal at λ = ${l}: ${optimalStrategy({ frontier: f, lambda: cny(l) }).name}`);

console.log("\n== Value-based price (V4) ==");
const p = valueBasedPrice({ lambda: cny("150000"), incrementalEffect: 1, comparatorCost: cny("100000"), nonDrugCost: cny("20000") });
console.log(formatExplanation(p.explanation));

console.log("\n== PSA (V5) ==");
const psa = analyzePsa({
  strategies: ["S1", "S2"],
  costs: [[100, 120, 80, 110], [200, 260, 150, 210]],
  effects: [[1.0, 1.2, 0.9, 1.1], [1.5, 1.4, 1.6, 1.3]],
  lambdas: [0, 150, 300, 600],
  currency: "CNY",
});
for (const pt of psa.points) {
  console.log(`λ ${String(pt.lambda).padStart(4)}: CEAC ${pt.ceac.join(" / ")}, optimal ${pt.optimal}, EVPI ${formatMoney(pt.evpi)}`);
}

console.log("\n== Admission (V7b: SAE 12%) ==");
const a = assessAdmission({
  technology: {
    seriousAdverseEventRate: 0.12,
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
  },
});
console.log(`admitted: ${a.admitted}`);
console.log(formatExplanation(a.explanation));
