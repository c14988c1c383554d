// Outcome-based contracts, end to end: run with `npx tsx examples/contracts.ts`.
import {
  evaluateCohortTerms,
  evaluateContract,
  formatExplanation,
  formatMoney,
  installmentFinancing,
  parseContract,
  schedulePresentValue,
} from "precision-vbp";

// K3: the CMS-style CAR-T agreement — 4 equal installments, each paid only while the
// patient is alive, relapse-free and without a serious adverse event; 50% clawback on
// death or relapse within 12 months.
const k3 = parseContract({
  id: "K3-cms-cart",
  currency: "USD",
  price: "373000.00",
  payment: {
    type: "schedule",
    installments: [1, 3, 6, 12].map((m) => ({
      share: "0.25",
      due: { months: m },
      conditions: [{ type: "none", events: ["death", "relapse", "seriousAdverseEvent"] }],
    })),
  },
  refunds: [{ type: "clawback", trigger: ["death", "relapse"], within: { months: 12 }, share: "0.5" }],
});

const result = evaluateContract(
  k3,
  [
    { kind: "infusion", date: "2026-03-01" },
    { kind: "relapse", date: "2026-07-10" },
  ],
  "2027-12-31",
);

console.log("K3 — relapse on 2026-07-10");
for (const line of result.lines) {
  console.log(`  ${line.date}  ${line.kind.padEnd(9)} ${formatMoney(line.amount).padStart(16)}  ${line.failedCondition ? `(${line.failedCondition.condition})` : ""}`);
}
console.log(`  gross ${formatMoney(result.totals.gross)}, refunded ${formatMoney(result.totals.refunded)}, net ${formatMoney(result.totals.net)}`);
console.log("\nExplanation:");
console.log(formatExplanation(result.explanation, { indent: "  " }));

console.log("\nK3b — present value of the all-well schedule at 3% a year:");
console.log(`  ${formatMoney(schedulePresentValue({ contract: k3, annualRate: "0.03" }).presentValue)}`);

console.log("\nK5 — pay for performance, ORR 14/40 against a 40% target:");
const k5 = evaluateCohortTerms({
  terms: [{ type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" }],
  summary: { patients: 40, responders: 14, amount: { amount: "1000000", currency: "CNY" } },
});
console.log(formatExplanation(k5.explanation, { indent: "  " }));

console.log("\nK12 — USD 2,125,000 financed over 5 years at 3%:");
const k12 = installmentFinancing({ principal: { amount: "2125000", currency: "USD" }, periodicRate: "0.03", periods: 5 });
console.log(formatExplanation(k12.explanation, { indent: "  " }));
