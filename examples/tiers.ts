// Who pays which part of a CAR-T bill: run with `npx tsx examples/tiers.ts`.
import {
  coordinateBenefits,
  formatExplanation,
  formatMoney,
  parseLayers,
  splitBill,
  stratifiedReimbursement,
  triageClaim,
  greenChannelDeadlines,
} from "precision-vbp";

// A plan is a stored document; parse it once, settle many claims against it.
const plan = parseLayers({
  currency: "CNY",
  layers: [
    {
      kind: "basic",
      id: "basic",
      deductible: "750",
      cap: "400000",
      rate: { by: "insuranceType", categories: { employee: 0.75, resident: 0.55 } },
    },
    {
      kind: "supplementary",
      id: "critical-illness",
      threshold: "15000",
      bands: { bands: [{ from: 0, to: 100000, value: 0.6 }, { from: 100000, to: null, value: 0.7 }] },
    },
    { kind: "commercial", id: "huiminbao", deductible: "20000", rate: 0.6, sumInsured: "1000000", covers: "all" },
    { kind: "assistance", id: "medical-assistance", groupRates: { subsistence: 0.9, extremePoverty: 1 } },
  ],
});

const claim = splitBill({
  plan,
  bill: "1200000",
  catalogueAmount: "300000",
  year: 2026,
  patient: { insuranceType: "employee", groups: ["subsistence"] },
});

console.log("CAR-T bill CNY 1,200,000 (300,000 on the catalogue)");
for (const l of claim.layers) console.log(`  ${l.id.padEnd(20)} ${formatMoney(l.amount)}`);
console.log(`  ${"patient".padEnd(20)} ${formatMoney(claim.patient)}`);
console.log("\nExplanation:");
console.log(formatExplanation(claim.explanation, { indent: "  " }));
console.log("\nAccumulators to pass to the next claim of 2026:");
console.log(JSON.stringify(claim.accumulators, null, 2));

const s4 = stratifiedReimbursement({ currency: "CNY",
  table: { by: "householdIncome", bands: [{ from: 0, to: 50000, value: 0.1 }, { from: 50000, to: 100000, value: 0.3 }, { from: 100000, to: null, value: 0.5 }] },
  rateOf: "patient",
  amount: "200000",
  patient: { householdIncome: 48000 },
});
console.log(`\nS4: household income 48,000 → patient pays ${formatMoney(s4.patient)} (${s4.chosenBy.join("; ")})`);

const t6 = coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "standard" });
console.log(`T6: secondary pays ${formatMoney(t6.secondaryPays)}`);

const r1c = triageClaim({
  rules: {
    rules: [
      { id: "egfr-nsclc-iv", risk: "low", when: { codes: ["EGFR"], diagnoses: ["C34"], stages: ["IV"] } },
      { id: "repeat-180", risk: "high", when: { repeatWithinDays: 180 } },
    ],
  },
  claim: { code: "EGFR", diagnosis: "C34.1", stage: "IV", date: "2026-03-02", priorClaims: [{ code: "EGFR", date: "2025-10-01" }] },
});
console.log(`R1c: ${r1c.risk} → ${r1c.action} (rule ${r1c.rule})`);

const r2 = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15+08:00", decidedAt: "2026-03-03T10:00+08:00" });
console.log(`R2: respond by ${r2.respondBy}, decide by ${r2.decideBy}; decision late by ${r2.decision?.lateByMinutes} minutes`);
