// End-to-end report: a CAR-T therapy assessed, contracted, settled for a cohort, each
// bill split across payers, and the fund's budget impact. Run: npm run demo
// Every figure below is computed by the library; the script only chooses inputs and prints.
import {
  add,
  assessAdmission,
  budgetImpact,
  checkTestGate,
  classifyIcerByGdp,
  earmarkedFundLedger,
  evaluateContract,
  followUpStatus,
  formatExplanation,
  formatMoney,
  frontier,
  money,
  optimalStrategy,
  parseContract,
  parseLayers,
  priceContractUnderUncertainty,
  runPartitionedSurvival,
  splitBill,
  subtract,
  sum,
  toFrontierInput,
  valueBasedPrice,
  type Money,
  type ParsedContract,
  type RunMarkovModelInput,
  type RunPartitionedSurvivalInput,
} from "precision-vbp";

const width = 78;
const title = (text: string) => console.log(`\n${text}\n${"=".repeat(Math.min(width, text.length))}`);
const sub = (text: string) => console.log(`\n${text}\n${"-".repeat(text.length)}`);
const row = (label: string, value: string) => console.log(`  ${label.padEnd(46)} ${value}`);
const cny = (amount: string) => ({ amount, currency: "CNY" });
const m = (x: Money) => formatMoney(x);

console.log("precision-vbp — value-based payment for a CAR-T therapy (demo report)");
console.log("Relapsed/refractory large B-cell lymphoma, CNY, China 2023 GDP per capita CNY 89,000.");

// ---------------------------------------------------------------------------------------
// Inputs: survival and cost models per arm, the list price, the payer's thresholds.
const arm = (pfsRate: number, osRate: number, pfCost: string, pdCost: string): RunPartitionedSurvivalInput => ({
  cycles: 120,
  timeUnit: "month",
  pfs: { type: "exponential", rate: pfsRate },
  os: { type: "exponential", rate: osRate },
  streams: {
    qaly: { per: "year", values: { PF: 0.82, PD: 0.6 }, discountRate: 0.03 },
    cost: { values: { PF: pfCost, PD: pdCost }, discountRate: 0.03, currency: "CNY" },
  },
});
const models = toFrontierInput({
  strategies: [
    { name: "Best supportive care", result: runPartitionedSurvival(arm(0.2, 0.12, "4000", "6000")) },
    { name: "Salvage chemo + ASCT", result: runPartitionedSurvival(arm(0.1, 0.045, "9000", "9000")) },
    { name: "CAR-T", result: runPartitionedSurvival(arm(0.02, 0.012, "2500", "9000")) },
  ],
  effectStream: "qaly",
});
const LIST_PRICE = money("1200000.00");
const CAR_T_CARE = money("80000.00"); // apheresis, bridging, infusion stay
const GDP = cny("89000");
const frontierAt = (price: Money) =>
  frontier({ strategies: models.strategies.map((s) => (s.name === "CAR-T" ? { ...s, cost: add(add(s.cost as Money, CAR_T_CARE), price) } : s)) });
const named = (f: ReturnType<typeof frontier>, name: string) => f.strategies.find((s) => s.name === name)!;

// 1. Assessment at list price, value-based prices, the negotiated price.
const atList = frontierAt(LIST_PRICE);
const listBand = classifyIcerByGdp({ icer: named(atList, "CAR-T").icer!, gdpPerCapita: GDP });
const comparator = named(atList, "Salvage chemo + ASCT");
const vbpAt = (lambda: string) =>
  valueBasedPrice({
    lambda: cny(lambda),
    incrementalEffect: named(atList, "CAR-T").effect.minus(comparator.effect).toString(),
    comparatorCost: comparator.cost,
    nonDrugCost: subtract(named(atList, "CAR-T").cost, LIST_PRICE),
    currentPrice: LIST_PRICE,
  });
const vbp3 = vbpAt("267000");
const vbp5 = vbpAt("445000");
// The payer's offer: the 5× value-based price, rounded down to CNY 10,000.
const NEGOTIATED = money(vbp5.maxPrice!.amount.dividedBy(10000).floor().times(10000).toFixed(2));
const atDeal = frontierAt(NEGOTIATED);
const dealBand = classifyIcerByGdp({ icer: named(atDeal, "CAR-T").icer!, gdpPerCapita: GDP });

// 2. The outcome-based contract at the negotiated price.
const contract = parseContract({
  id: "CART-2026-RR-LBCL",
  name: "CAR-T outcome-based agreement",
  currency: "CNY",
  price: NEGOTIATED.amount.toFixed(2),
  payment: {
    type: "schedule",
    installments: [
      { id: "infusion", share: "0.4", due: { months: 0 } },
      { id: "month-3", share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: [{ kind: "crs", minGrade: 3 }] }] },
      { id: "month-6", share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse", "death"] }] },
    ],
  },
  refunds: [{ type: "clawback", trigger: ["death"], within: { months: 6 }, share: "0.5" }],
});

// 3. A cohort with varied outcomes, settled as of the end of the year.
const cohort: { id: string; group?: string; events: { kind: string; date: string; grade?: number }[] }[] = [
  { id: "P01", events: [{ kind: "infusion", date: "2026-01-15" }] },
  { id: "P02", events: [{ kind: "infusion", date: "2026-01-20" }, { kind: "crs", date: "2026-01-24", grade: 3 }] },
  { id: "P03", group: "subsistence", events: [{ kind: "infusion", date: "2026-02-02" }, { kind: "crs", date: "2026-02-05", grade: 1 }] },
  { id: "P04", events: [{ kind: "infusion", date: "2026-02-10" }, { kind: "relapse", date: "2026-06-20" }] },
  { id: "P05", events: [{ kind: "infusion", date: "2026-03-01" }, { kind: "death", date: "2026-05-18" }] },
  { id: "P06", group: "extremePoverty", events: [{ kind: "infusion", date: "2026-03-31" }] },
];
const ledgers = cohort.map((p) => evaluateContract(contract, p.events, "2026-12-31"));
const paid = sum(ledgers.map((l) => l.totals.net));

// 4. Each patient's bill (what the manufacturer was paid for them) split across the payers.
const plan = parseLayers({
  currency: "CNY",
  layers: [
    { kind: "basic", id: "basic", name: "Basic medical insurance (employee)", deductible: "1500", cap: "400000", rate: "0.7" },
    { kind: "supplementary", id: "critical-illness", name: "Critical-illness insurance", threshold: "20000", bands: { bands: [{ from: 0, to: 100000, value: "0.6" }, { from: 100000, to: null, value: "0.7" }] }, cap: "300000" },
    { kind: "commercial", id: "huiminbao", name: "City commercial cover (Huiminbao)", deductible: "20000", rate: "0.6", sumInsured: "1000000", covers: "all" },
    { kind: "manufacturer", id: "pap", name: "Manufacturer patient assistance", program: { type: "discount", rate: "0.3" } },
    { kind: "assistance", id: "assistance", name: "Medical assistance", groupRates: { subsistence: "0.9", extremePoverty: "1" } },
  ],
});
const splits = cohort.map((p, i) => splitBill({ plan, bill: ledgers[i]!.totals.net, year: 2026, ...(p.group ? { patient: { groups: [p.group] } } : {}) }));

// 5. Budget impact: the fund's share (basic + critical illness) per treated patient.
const fundPerPatient = money(sum(splits.map((s) => add(s.layers[0]!.amount, s.layers[1]!.amount))).amount.dividedBy(splits.length).toFixed(2));
const FUND_EXPENDITURE = cny("320000000000");
const bia = budgetImpact({
  currency: "CNY",
  startYear: 2027,
  eligible: [1800, 2000, 2200],
  uptake: ["0.15", "0.25", "0.35"],
  costPerPatient: fundPerPatient.amount.toFixed(2),
  displaced: [{ name: "salvage chemotherapy + ASCT", costPerPatient: "150000", share: "0.6" }],
  fundExpenditure: FUND_EXPENDITURE.amount,
  fundSurplus: "62500000000",
  affordability: { maxShareOfExpenditure: "0.005" },
});

// Admission check at the negotiated price, with the settlement and budget figures.
const admission = assessAdmission({
  technology: {
    innovation: "first-in-class",
    seriousAdverseEventRate: 0.09,
    objectiveResponseRate: 0.72,
    pfsImprovement: 0.6,
    icer: named(atDeal, "CAR-T").icer!,
    gdpPerCapita: GDP,
    newAnnualSpending: bia.years[0]!.netCost,
    fundAnnualExpenditure: FUND_EXPENDITURE,
    annualOutOfPocket: splits[0]!.patient, // a full-price patient with no assistance
    householdAnnualIncome: cny("360000"),
    committedSupply: 1300,
    estimatedNeed: 1000,
    therapyType: "cell-therapy",
    ethicsApproval: true,
  },
  rules: { maxBudgetShare: 0.005 },
});

// ---------------------------------------------------------------------------------------
title("1. Assessment: is the therapy worth its price?");
const printFrontier = (f: ReturnType<typeof frontier>) => {
  console.log(`  ${"strategy".padEnd(24)} ${"cost".padStart(18)} ${"QALYs".padStart(7)}  status  ${"ICER vs previous ND".padStart(22)}`);
  for (const s of f.strategies) {
    console.log(`  ${s.name.padEnd(24)} ${m(s.cost).padStart(18)} ${s.effect.toFixed(3).padStart(7)}  ${s.status.padEnd(6)}  ${(s.icer ? m(s.icer) : "—").padStart(22)}`);
  }
};
sub(`At the list price ${m(LIST_PRICE)} (partitioned-survival models, 10 years, 3%)`);
printFrontier(atList);
row("CAR-T ICER band (≤3× GDP high, ≤5× moderate)", `${listBand.band} (${listBand.multiple.toFixed(2)}× GDP per capita)`);
for (const l of ["267000", "445000"]) row(`optimal strategy at λ = ${formatMoney(money(l))}`, optimalStrategy({ frontier: atList, lambda: cny(l) }).name);
sub("Value-based price (price headroom)");
row("at λ = 3× GDP per capita (CNY 267,000 / QALY)", vbp3.maxPrice ? m(vbp3.maxPrice) : "none");
row("at λ = 5× GDP per capita (CNY 445,000 / QALY)", vbp5.maxPrice ? m(vbp5.maxPrice) : "none");
row("negotiated price (5× value, down to 10,000)", m(NEGOTIATED));
sub(`At the negotiated price ${m(NEGOTIATED)}`);
printFrontier(atDeal);
row("CAR-T ICER band", `${dealBand.band} (${dealBand.multiple.toFixed(2)}× GDP per capita)`);
row("optimal strategy at λ = CNY 445,000.00", optimalStrategy({ frontier: atDeal, lambda: cny("445000") }).name);
sub("Admission check at the negotiated price (three stages, nine dimensions)");
for (const d of admission.dimensions) console.log(`  ${d.stage.padEnd(10)} ${d.dimension.padEnd(19)} ${d.outcome.padEnd(5)} ${d.reason}`);
row("decision", admission.admitted ? `admitted (band ${admission.band})` : `not admitted: ${admission.reasons.join(" ")}`);

// ---------------------------------------------------------------------------------------
title(`2. Contract: ${m(NEGOTIATED)} in 40 / 30 / 30 milestones with a clawback`);
console.log("  40% at infusion; 30% at 3 months if no CRS of grade ≥ 3; 30% at 6 months if no relapse or death;");
console.log("  half of what was paid is clawed back if the patient dies within 6 months of infusion.");

// ---------------------------------------------------------------------------------------
title("3. Settlement for a cohort of six patients (as of 2026-12-31)");
console.log(`  ${"patient".padEnd(8)} ${"outcome".padEnd(26)} ${"paid to maker".padStart(17)} ${"withheld".padStart(15)} ${"clawed back".padStart(15)}`);
cohort.forEach((p, i) => {
  const t = ledgers[i]!.totals;
  const outcome = p.events.slice(1).map((ev) => `${ev.kind}${ev.grade ? ` grade ${ev.grade}` : ""} ${ev.date.slice(5)}`).join(", ") || "in remission";
  console.log(`  ${p.id.padEnd(8)} ${outcome.padEnd(26)} ${m(t.net).padStart(17)} ${m(t.withheld).padStart(15)} ${m(t.refunded).padStart(15)}`);
});
row("total paid to the manufacturer", m(paid));
row("average per patient", m(money(paid.amount.dividedBy(cohort.length).toFixed(2))));
sub("Why P05 paid what it did (the ledger's explanation)");
console.log(formatExplanation(ledgers[4]!.explanation, { indent: "  " }));

// ---------------------------------------------------------------------------------------
title("4. Who pays each bill");
console.log("  basic insurance → critical illness → Huiminbao → manufacturer aid → medical assistance → patient");
console.log(`  ${"patient".padEnd(8)} ${"bill".padStart(12)} ${"basic".padStart(11)} ${"crit. ill.".padStart(11)} ${"Huiminbao".padStart(11)} ${"PAP".padStart(10)} ${"assistance".padStart(11)} ${"patient".padStart(11)}`);
splits.forEach((r, i) => {
  const cells = [r.bill, ...r.layers.map((l) => l.amount), r.patient].map((x) => formatMoney(x, { currency: false }));
  const widths = [12, 11, 11, 11, 10, 11, 11];
  console.log(`  ${cohort[i]!.id.padEnd(8)} ${cells.map((c, k) => c.padStart(widths[k]!)).join(" ")}`);
  if (!sum([...r.layers.map((l) => l.amount), r.patient]).amount.equals(r.bill.amount)) throw new Error("split does not add up");
});
console.log("  Every row adds up to its bill to the cent (checked above).");
sub("P03's split, as a claims officer reads it");
console.log(formatExplanation(splits[2]!.explanation, { indent: "  " }));

// ---------------------------------------------------------------------------------------
title("5. Budget impact on the pooled fund, 2027–2029");
row("fund (basic + critical illness) per treated patient", m(fundPerPatient));
console.log(`  ${"year".padEnd(6)} ${"treated".padStart(8)} ${"gross".padStart(20)} ${"net of displaced".padStart(20)} ${"share of spend".padStart(15)}`);
for (const y of bia.years) {
  const share = `${(Number(y.shareOfExpenditure ?? 0) * 100).toFixed(3)}%`;
  console.log(`  ${String(y.calendarYear).padEnd(6)} ${y.treated.padStart(8)} ${m(y.grossCost).padStart(20)} ${m(y.netCost).padStart(20)} ${share.padStart(15)}`);
}
row("three-year net impact", m(bia.totalNetCost));
row("affordable (≤ 0.5% of fund spend each year)?", bia.verdict);

// ---------------------------------------------------------------------------------------
// 6. What does the 40/30/30 deal with a clawback really cost, and is the therapy
// cost-effective under it? Simulated patients (monthly microsimulation, PSA over the
// outcome probabilities) become dated outcome events, each is settled under the contract
// above to the fen, and the expected net price replaces the list price in the ICER.
function contractUnderUncertainty(deal: ParsedContract, lambda: Money): void {
  const month = (states: string[], matrix: RunMarkovModelInput["transitions"][number]["matrix"], cost: Record<string, string>, qaly: Record<string, number>): RunMarkovModelInput => ({
    states,
    initial: { Remission: 1 },
    cycles: 120,
    timeUnit: "month",
    counting: "life-table",
    transitions: [{ matrix }],
    streams: { cost: { values: cost, discountRate: 0.03, currency: "CNY" }, qaly: { per: "year", values: qaly, discountRate: 0.03 } },
  });
  // CAR-T: severe CRS (grade ≥ 3) in the first month, relapse, death; CAR-T care cost in month 1.
  const carT = month(
    ["Remission", "CRS", "Relapse", "Dead"],
    {
      Remission: { Remission: "complement", CRS: { at: [{ param: "pCrs" }, 0], by: "cycle" }, Relapse: { param: "pRelapse" }, Dead: 0.002 },
      CRS: { Remission: "complement", Relapse: { param: "pRelapse" }, Dead: { param: "pCrsDeath" } },
      Relapse: { Relapse: "complement", Dead: 0.06 },
      Dead: { Dead: 1 },
    },
    { Remission: "2500", CRS: "80000", Relapse: "9000" },
    { Remission: 0.82, CRS: 0.45, Relapse: 0.6 },
  );
  carT.streams.cost!.values.Remission = { at: ["82500", "2500"], by: "cycle" }; // apheresis, bridging, infusion stay
  const salvage = month(
    ["Remission", "Relapse", "Dead"],
    { Remission: { Remission: "complement", Relapse: { param: "pRelapseSalvage" }, Dead: 0.004 }, Relapse: { Relapse: "complement", Dead: 0.06 }, Dead: { Dead: 1 } },
    { Remission: "9000", Relapse: "9000" },
    { Remission: 0.78, Relapse: 0.6 },
  );
  const r = priceContractUnderUncertainty({
    therapy: carT,
    comparator: salvage,
    parameters: {
      pCrs: { value: 0.12, distribution: { type: "beta", alpha: 24, beta: 176 } },
      pRelapse: { value: 0.015, distribution: { type: "beta", alpha: 6, beta: 394 } },
      pCrsDeath: { value: 0.05, distribution: { type: "beta", alpha: 5, beta: 95 } },
      pRelapseSalvage: { value: 0.06, distribution: { type: "beta", alpha: 24, beta: 376 } },
    },
    attributes: {},
    population: { size: 500, attributes: {} },
    seed: 20260115,
    psa: { draws: 200 },
    startDate: "2026-01-15",
    asOf: "2027-01-15",
    events: { start: "infusion", onEnter: { CRS: { kind: "crs", grade: 3 }, Relapse: { kind: "relapse" }, Dead: { kind: "death" } } },
    contract: deal,
    lambda,
    keepPatients: false,
  });
  title("6. What does the 40/30/30 deal with a clawback really cost? (microsimulation × PSA)");
  console.log(`  ${r.patients} simulated patients × ${r.draws} PSA draws, each settled under the contract to the fen.`);
  row("list (negotiated) price", m(r.listPrice));
  row("expected net price per patient", m(r.expectedNetPrice));
  row("2.5–97.5% range over PSA draws", `${m(r.netPriceInterval.lower)} – ${m(r.netPriceInterval.upper)}`);
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  row("share of the price recovered", `${pct(r.recoveredShare)} (withheld ${pct(r.withheldShare)}, clawed back ${pct(r.refundedShare)})`);
  row("patients paid less than the price", pct(r.patientsBelowList));
  const show = (label: string, c: typeof r.atListPrice) => {
    sub(label);
    row("incremental cost vs salvage chemo", m(c.incrementalCost));
    row("incremental QALYs", c.incrementalEffect.toFixed(3));
    row("ICER", c.icer ? `${m(c.icer)} / QALY` : (c.dominance ?? "—"));
    row(`incremental NMB at λ = ${m(lambda)}`, m(c.incrementalNmb));
    if (c.incrementalNmbInterval) row("  2.5–97.5% over draws", `${m(c.incrementalNmbInterval.lower)} – ${m(c.incrementalNmbInterval.upper)}`);
    row("probability cost-effective", pct(c.probabilityCostEffective));
  };
  show("At the price paid in full", r.atListPrice);
  show("Under the contract (expected net price)", r.underContract);
}
contractUnderUncertainty(contract, money("445000"));
careSection();
console.log("");

// ---------------------------------------------------------------------------------------
/** Programme administration (care §5, §8): the test gate on a targeted drug and an earmarked rare-disease fund. */
function careSection(): void {
  title("7. Care: the CAR-T patient's follow-up, the test before the targeted drug, and the rare-disease fund");
  // The CAR-T patient infused 2026-01-15 is followed up every 3 months (imaging and an MRD test).
  const followUp = followUpStatus({
    schedule: { assessments: [{ type: "imaging", intervalMonths: 3, count: 4 }, { type: "mrdTest", intervalMonths: 3, count: 4 }] },
    treatmentStart: "2026-01-15",
    events: [
      { type: "imaging", date: "2026-04-20" },
      { type: "mrdTest", date: "2026-04-20" },
      { type: "imaging", date: "2026-08-05" },
      { type: "mrdTest", date: "2026-07-15" },
      { type: "imaging", date: "2026-10-10" },
      { type: "mrdTest", date: "2026-10-10" },
    ],
    asOf: "2026-12-31",
  });
  sub("CAR-T follow-up as of 2026-12-31 (every 3 months from infusion on 2026-01-15; windows ±14 days)");
  for (const a of followUp.assessments) row(`${a.type} due ${a.due}`, a.status);
  row("adherence (done ÷ (done + missed))", followUp.adherenceRate === null ? "not yet defined" : `${followUp.adherenceRate.fraction} = ${followUp.adherenceRate.rate}`);
  sub("Test before the targeted drug");
  const gate = { drug: "EGFR-TKI", biomarker: "EGFR", qualifying: { kind: "category" as const, categories: ["positive"] }, validityDays: 180 };
  const courseStart = "2026-05-10";
  const files: [string, { biomarker: string; reportDate: string; category: string }[]][] = [
    ["positive 2026-04-20", [{ biomarker: "EGFR", reportDate: "2026-04-20", category: "positive" }]],
    ["positive 2025-11-10 (181 days)", [{ biomarker: "EGFR", reportDate: "2025-11-10", category: "positive" }]],
    ["positive 03-01, then negative 04-01", [{ biomarker: "EGFR", reportDate: "2026-03-01", category: "positive" }, { biomarker: "EGFR", reportDate: "2026-04-01", category: "negative" }]],
    ["no test on file", []],
  ];
  console.log(`  EGFR TKI course starting ${courseStart}; a positive EGFR result is valid for 180 days.`);
  for (const [label, results] of files) {
    const r = checkTestGate({ gate, courseStart, results });
    row(label, r.passed ? `pass (${r.days} days)` : `rejected ${r.reason}, fund pays 0`);
  }
  const fund = earmarkedFundLedger({
    fund: { id: "rare-disease", name: "Rare-disease fund", currency: "CNY", floor: { kind: "shareOfYear", share: 0.05 } },
    entries: [
      { kind: "lumpSum", date: "2026-01-01", source: "insurance", amount: cny("80000000") },
      { kind: "lumpSum", date: "2026-01-01", source: "finance", amount: cny("30000000") },
      { kind: "lumpSum", date: "2026-01-01", source: "donations", amount: cny("10000000") },
      ...Array.from({ length: 201 }, (_, k) => ({ kind: "payment" as const, date: "2026-06-30", id: `SMA-${k + 1}`, for: { claim: `sma-${k + 1}` }, amount: cny("600000") })),
    ],
  });
  sub("Rare-disease fund, 2026 (insurance + finance + donations; 600,000 per SMA patient)");
  for (const s of fund.contributionsBySource) row(`in from ${s.source}`, m(s.amount));
  const firstAlarm = fund.lines.findIndex((l) => l.alarm);
  row("alarm from", `payment ${fund.lines[firstAlarm]!.paymentId} (balance ${m(fund.lines[firstAlarm]!.balance)} = floor ${m(fund.lines[firstAlarm]!.floor)})`);
  row("payments made / rejected (no overdraft)", `${fund.lines.filter((l) => l.kind === "payment").length} / ${fund.lines.filter((l) => l.kind === "rejected").length}`);
  row("balance", m(fund.totals.balance));
}
