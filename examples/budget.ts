// Budget settlement walkthrough: run with `npx tsx examples/budget.ts`.
import {
  budgetImpact,
  capitationPanelPayment,
  dipCasePayment,
  dipPointValue,
  drgPayment,
  formatExplanation,
  formatMoney,
  fundHealth,
  reconcileTargetPrice,
  settleBundle,
} from "precision-vbp";

const bundle = {
  currency: "CNY",
  name: "Lung-cancer monthly bundle",
  price: "28000",
  components: [
    { name: "NGS test", amount: "5000" },
    { name: "targeted drug", amount: "20000" },
    { name: "imaging", amount: "1000" },
    { name: "supportive care", amount: "2000" },
  ],
};

console.log("== B1: bundle with a 5% stop-loss, actual cost 31,000 ==");
const b1 = settleBundle({ bundle, actualCost: "31000", stopLoss: { rateOfPrice: 0.05 } });
console.log(`payer pays ${formatMoney(b1.payerPayment)}, provider bears ${formatMoney(b1.providerBears)}`);
console.log(formatExplanation(b1.explanation, { indent: "  " }));

console.log("\n== B3: target-price reconciliation ==");
const b3 = reconcileTargetPrice({ currency: "CNY", benchmarkPrice: "30000", discount: 0.03, episodes: 100, actualSpending: "2800000", qualityAdjustment: -0.05, capRate: 0.2 });
console.log(`${b3.direction}: ${formatMoney(b3.finalAmount)}`);
console.log(formatExplanation(b3.explanation, { indent: "  " }));

console.log("\n== D1c: DRG with subgroup uplift and efficacy coefficient ==");
const d1c = drgPayment({ currency: "CNY", baseRate: "10000", relativeWeight: 3, subgroup: { name: "EGFR-positive", uplift: 0.2 }, coefficients: [{ name: "efficacy", kind: "efficacy", value: 1.2 }] });
console.log(`payment ${formatMoney(d1c.payment!)}`);

console.log("\n== D6: DIP settlement with outlier bands ==");
const pv = dipPointValue({ currency: "CNY", kind: "settlement", fundAmount: "1000000000", reimbursementRatio: 0.7, totalPoints: "14000000" });
console.log(`point value ${pv.pointValue}`);
for (const cost of ["18000", "50000", "4000", "120000"]) {
  const c = dipCasePayment({ currency: "CNY", pointValue: pv.pointValue, groupPoints: 200, groupMeanCost: "20000", caseCost: cost });
  console.log(`  case cost ${cost}: ${c.rule}, ${c.casePoints} points → ${c.payment ? formatMoney(c.payment) : "expert review"}`);
}

console.log("\n== P2: hypertension capitation for 1,000 enrollees ==");
const table = {
  domain: { min: 0, max: 1 },
  bands: [
    { from: 0, to: 0.6, value: { amount: "-300" } },
    { from: 0.6, to: 0.7, value: { amount: "0" } },
    { from: 0.7, to: 1, value: { amount: "500" } },
  ],
};
for (const control of [0.72, 0.65, 0.55]) {
  const p = capitationPanelPayment({ currency: "CNY", enrollees: 1000, baseAmount: "3000", metrics: { bpControl: control }, targets: [{ kind: "banded", metric: "bpControl", table }] });
  console.log(`  control ${control}: ${formatMoney(p.total)}`);
}

console.log("\n== BI2b: budget impact with displaced therapy ==");
const bia = budgetImpact({ currency: "CNY",
  startYear: 2026,
  eligible: 3600,
  uptake: [0.3, 0.5, 0.7],
  costPerPatient: "120000",
  displaced: [{ name: "chemotherapy", costPerPatient: "40000" }],
  fundSurplus: "62500000000",
  affordability: { maxShareOfSurplus: 0.005 },
});
console.log(formatExplanation(bia.explanation, { indent: "  " }));

console.log("\n== Fund health ==");
const fh = fundHealth({ currency: "CNY", income: "1000000000", expenditure: "970000000" });
console.log(`surplus rate ${fh.surplusRate} → ${fh.status}`);
