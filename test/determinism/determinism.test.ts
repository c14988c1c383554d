// Determinism: the same inputs give byte-identical JSON, evaluated twice in fresh calls and
// again after a JSON round trip of the input document. Inputs are the worked examples the
// module tests cover (spec M, V, MK/PS + seeded PSA, K, T/S/R, B/D/P/BI, plots, cohort).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { K1, K10, K3, K6_TABLE, k12, k4, K7 } from "../contracts/fixtures.js";
import { stableJson } from "../fuzz/corruption.js";
import { hivCombo, hivMono, hivPsa } from "../models/hiv-fixture.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const data = (f: string) => JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "data", f), "utf8")) as unknown;

/** JSON that also renders bigint, typed arrays and Decimal (stableJson), and the plain JSON.stringify. */
function render(value: unknown): string {
  return `${stableJson(value)}\n${JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))}`;
}

/** Rule ids of every explanation step (an object with `rule` and `text`) that are not dotted kebab case. */
function badStepRules(value: unknown, seen = new Set<unknown>()): string[] {
  if (value === null || typeof value !== "object" || seen.has(value)) return [];
  seen.add(value);
  const here = value as Record<string, unknown>;
  const own = typeof here.rule === "string" && typeof here.text === "string" && !here.rule.split(".").every((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s)) ? [here.rule] : [];
  const children = Array.isArray(value) ? value : ArrayBuffer.isView(value) ? [] : Object.values(here);
  return [...own, ...children.flatMap((c) => badStepRules(c, seen))];
}

/** A JSON round trip of a document; typed arrays become plain arrays (the JSON form). */
function roundTrip<T>(doc: T): T {
  return JSON.parse(stableJson(doc)) as T;
}

/**
 * Evaluates a worked example three times — twice on the same input, once on its JSON
 * round trip — and requires byte-identical output. `jsonSafe: false` skips the round
 * trip for inputs that are not JSON documents (Money values, parsed objects).
 */
function deterministic(name: string, run: (input: unknown) => unknown, input: unknown, options: { jsonSafe?: boolean } = {}): void {
  it(`${name}: repeated evaluation gives byte-identical JSON`, async () => {
    const first = render(await run(input));
    const second = render(await run(input));
    expect(second).toBe(first);
    expect(first).not.toMatch(/\bNaN\b|Infinity/);
    expect(badStepRules(await run(input)), "explanation rule ids are dotted kebab case").toEqual([]);
    if (options.jsonSafe !== false) expect(render(await run(roundTrip(input)))).toBe(first);
  });
}

const m = api.money;

describe("determinism: money (M1–M9)", () => {
  deterministic("M1 allocate 40/30/30", () => api.allocate(m("1200000.00"), [40, 30, 30]), null);
  deterministic("M2 split 4", () => api.split(m("373000.00", "USD"), 4), null);
  deterministic("M3 allocate 1/1/1", (w) => api.allocate(m("100.00"), w as number[]), [1, 1, 1]);
  deterministic("M5 allocate by decimal weights", (w) => api.allocate(m("10.00"), w as string[]), ["0.7", "0.2", "0.1"]);
  deterministic("M6 percentage", () => api.percentage(m("99250.00"), "0.75"), null);
  deterministic("M7 round half-even", () => api.round(m("0.125"), "half-even"), null);
  deterministic("M9 allocate JPY", () => api.allocate(m("1000", "JPY"), [1, 1, 1]), null);
  deterministic("fromJSON / formatMoney", (j) => api.formatMoney(api.fromJSON(j)), { amount: "1200000.5", currency: "CNY" });
});

const v3 = {
  strategies: [
    { name: "A", cost: cny("0"), effect: 0 },
    { name: "B", cost: cny("100000"), effect: "1.0" },
    { name: "D", cost: cny("250000"), effect: 0.9 },
    { name: "C", cost: cny("300000"), effect: 1.5 },
    { name: "E", cost: cny("500000"), effect: 2.5 },
  ],
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

describe("determinism: valuation (V1–V7)", () => {
  deterministic("V1 qaly", (x) => api.qaly(x as api.QalyInput), { periods: [{ utility: 0.8, repeat: 3 }], discountRate: 0.03, timing: "end" });
  deterministic("V2 icer", (x) => api.icer(x as api.IcerInput), { intervention: { cost: cny("300000"), effect: 2.5 }, comparator: { cost: cny("100000"), effect: 1.5 }, lambda: cny("150000") });
  deterministic("V2b netBenefit", (x) => api.netBenefit(x as api.NetBenefitInput), { lambda: cny("150000"), strategies: [{ name: "comparator", cost: cny("100000"), effect: 1.5 }, { name: "new", cost: cny("300000"), effect: 2.5 }] });
  deterministic("V3 frontier", (x) => api.frontier(x as api.FrontierInput), v3);
  deterministic("V3 optimalStrategy", (x) => api.optimalStrategy({ frontier: api.frontier(x as api.FrontierInput), lambda: cny("300000") }), v3);
  deterministic("V4 valueBasedPrice", (x) => api.valueBasedPrice(x as api.ValueBasedPriceInput), { lambda: cny("150000"), incrementalEffect: "1.0", comparatorCost: cny("100000"), nonDrugCost: cny("20000") });
  deterministic("V5 analyzePsa", (x) => api.analyzePsa(x as api.AnalyzePsaInput), v5);
  deterministic("V6 valueScore", (x) => api.valueScore(x as api.ValueScoreInput), { dimensions: [{ name: "clinical", score: 80, weight: 0.4 }, { name: "economic", score: 60, weight: 0.3 }, { name: "patient", score: 70, weight: 0.2 }, { name: "social", score: 50, weight: 0.1 }] });
  deterministic("V7 assessAdmission", (x) => api.assessAdmission(x as api.AssessAdmissionInput), { technology: v7, rules: { maxBudgetShare: 0.01 } });
});

const mk1 = {
  states: ["Alive", "Dead"],
  initial: { Alive: 1 },
  cycles: 3,
  transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }],
  counting: "life-table",
  streams: { qaly: { values: { Alive: 0.7 }, discountRate: 0.03 }, cost: { values: { Alive: "500" }, discountRate: 0.03, currency: "CNY" } },
};
const ps1 = {
  cycles: 24,
  timeUnit: "month",
  pfs: { type: "exponential", rate: 0.1 },
  os: { type: "exponential", rate: 0.05 },
  streams: { qaly: { per: "year", values: { PF: 0.8, PD: 0.6 } }, cost: { values: { PF: "20000", PD: "5000" }, currency: "CNY" } },
};

describe("determinism: models (MK1, PS1, HIV, seeded PSA)", () => {
  deterministic("MK1 runMarkovModel", (x) => api.runMarkovModel(x as api.RunMarkovModelInput), mk1);
  deterministic("PS1 runPartitionedSurvival", (x) => api.runPartitionedSurvival(x as api.RunPartitionedSurvivalInput), ps1);
  deterministic("HIV model through toFrontierInput and frontier", (x) => {
    const [mono, combo] = x as [api.RunMarkovModelInput, api.RunMarkovModelInput];
    return api.frontier(api.toFrontierInput({ strategies: [{ name: "Zidovudine", result: api.runMarkovModel(mono) }, { name: "Zidovudine + lamivudine", result: api.runMarkovModel(combo) }], effectStream: "ly" }));
  }, [hivMono, hivCombo]);
  deterministic("seeded PSA (HIV, 200 draws, seed 42) into CEAC and EVPI", (x) => {
    const psa = api.runModelPsa(x as api.RunModelPsaInput);
    return { psa, ceac: api.analyzePsa({ ...psa, lambdas: [0, 5000, 10000, 20000], currency: "CNY" }) };
  }, hivPsa(200, 42));
  deterministic("evaluateSurvivalCurve", (x) => api.evaluateSurvivalCurve(x as api.EvaluateSurvivalCurveInput), { curve: { type: "weibull", shape: 1.5, scale: 20 }, times: [0, 12, 24] });
});

const k1Events = [
  { kind: "infusion", date: "2026-01-15" },
  { kind: "crs", date: "2026-01-20", grade: 2 },
];

describe("determinism: contracts (K1–K12)", () => {
  const ledger = (c: unknown, events: unknown, asOf: string) => (x: unknown) => api.evaluateContract((x as { c: api.ContractLike }).c ?? c, (x as { e: unknown }).e ?? events, asOf);
  deterministic("K1 evaluateContract (CRS)", ledger(K1, k1Events, "2026-12-31"), { c: K1, e: k1Events });
  deterministic("K3 evaluateContract (relapse, clawback)", ledger(K3, null, "2027-12-31"), { c: K3, e: [{ kind: "infusion", date: "2026-03-01" }, { kind: "relapse", date: "2026-07-10" }] });
  deterministic("K4 evaluateContract (per treated month, retroactive bonus)", ledger(null, null, "2026-12-31"), { c: k4(true), e: [{ kind: "treatmentStart", date: "2026-01-01" }, { kind: "progression", date: "2026-09-15" }] });
  deterministic("K7 evaluateContract", ledger(null, null, "2027-06-30"), { c: K7, e: [{ kind: "treatmentStart", date: "2026-01-10" }, { kind: "improvement", date: "2026-11-01" }] });
  deterministic("K10 evaluateContract", ledger(null, null, "2027-12-31"), { c: K10, e: [{ kind: "infusion", date: "2026-01-05" }, { kind: "assessment", date: "2026-04-05", response: "CR" }] });
  deterministic("K12 financing contract", ledger(null, null, "2031-12-31"), { c: k12("0.03", true), e: [{ kind: "treatmentStart", date: "2026-01-01" }] });
  deterministic("K3b schedulePresentValue", (x) => api.schedulePresentValue(x as api.SchedulePresentValueInput), { contract: K3, annualRate: "0.03" });
  deterministic("K12 installmentFinancing", (x) => api.installmentFinancing(x as api.InstallmentFinancingInput), { principal: { amount: "2125000", currency: "USD" }, periodicRate: "0.03", periods: 5 });
  deterministic("K5/K6 evaluateCohortTerms", (x) => api.evaluateCohortTerms(x as api.EvaluateCohortTermsInput), {
    terms: [
      { type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" },
      { type: "outcomeTiers", metric: "pfsRate", table: K6_TABLE },
    ],
    summary: { patients: 40, responders: 14, pfsRate: "0.65", amount: { amount: "1200000", currency: "CNY" } },
  });
});

const planDoc = {
  currency: "CNY",
  layers: [
    { kind: "basic", id: "basic", deductible: "750", cap: "400000", rate: { by: "insuranceType", categories: { employee: 0.75, resident: 0.55 } } },
    { kind: "supplementary", id: "critical-illness", threshold: "15000", bands: { bands: [{ from: 0, to: 100000, value: 0.6 }, { from: 100000, to: null, value: 0.7 }] } },
    { kind: "commercial", id: "huiminbao", deductible: "20000", rate: 0.6, sumInsured: "1000000", covers: "all" },
    { kind: "assistance", id: "medical-assistance", groupRates: { subsistence: 0.9, extremePoverty: 1 } },
  ],
};

describe("determinism: tiers (T1–T6, S1–S5, R1–R2)", () => {
  deterministic("CAR-T splitBill", (x) => api.splitBill(x as api.SplitBillInput), { plan: planDoc, bill: "1200000", catalogueAmount: "300000", year: 2026, patient: { insuranceType: "employee", groups: ["subsistence"] } });
  deterministic("T5c splitBill with accumulators", (x) => {
    const first = api.splitBill({ plan: x as api.CoveragePlanInput, bill: "500", year: 2026, patient: { insuranceType: "employee" } });
    return api.splitBill({ plan: x as api.CoveragePlanInput, bill: "10000", year: 2026, patient: { insuranceType: "employee" }, accumulators: roundTrip(first.accumulators) });
  }, planDoc);
  deterministic("splitBillMinorUnits", () => api.splitBillMinorUnits(api.parseLayers(planDoc as api.CoveragePlanInput), { bill: 120000000n, catalogue: 30000000n, patient: { insuranceType: "employee" } }), null);
  deterministic("S3 stratifiedReimbursement", (x) => api.stratifiedReimbursement(x as Parameters<typeof api.stratifiedReimbursement>[0]), {
    currency: "CNY",
    table: { by: "income", relativeTo: { attribute: "localAverageIncome" }, bands: [{ from: 0, to: 0.5, value: 1 }, { from: 0.5, to: 1, value: 0.5 }, { from: 1, to: null, value: 0 }] },
    amount: "30000",
    patient: { income: 80000, localAverageIncome: 100000 },
  });
  deterministic("T6 coordinateBenefits", (x) => api.coordinateBenefits(x as Parameters<typeof api.coordinateBenefits>[0]), { currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "standard" });
  deterministic("S5 catastrophicBurden", (x) => api.catastrophicBurden(x as Parameters<typeof api.catastrophicBurden>[0]), { currency: "CNY", outOfPocket: "30000", householdIncome: "100000" });
  deterministic("R1c triageClaim", (x) => api.triageClaim(x as Parameters<typeof api.triageClaim>[0]), {
    rules: { rules: [{ id: "egfr-nsclc-iv", risk: "low", when: { codes: ["EGFR"], diagnoses: ["C34"], stages: ["IV"] } }, { id: "repeat-180", risk: "high", when: { repeatWithinDays: 180 } }] },
    claim: { code: "EGFR", diagnosis: "C34.1", stage: "IV", date: "2026-03-02", priorClaims: [{ code: "EGFR", date: "2025-10-01" }] },
  });
  deterministic("R2 greenChannelDeadlines", (x) => api.greenChannelDeadlines(x as Parameters<typeof api.greenChannelDeadlines>[0]), { submittedAt: "2026-03-02T09:15+08:00", decidedAt: "2026-03-03T10:00+08:00" });
});

const lungBundle = {
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

describe("determinism: budget (B1–B3, D1–D6, P1–P4, BI1–BI3)", () => {
  deterministic("B1 settleBundle", (x) => api.settleBundle(x as never), { bundle: lungBundle, actualCost: "31000", stopLoss: { rateOfPrice: 0.05 } });
  deterministic("B2 bundlePrice", (x) => api.bundlePrice(x as never), { bundle: { currency: "CNY", components: [{ name: "test", amount: "5000" }, { name: "drug", amount: "20000" }], packageDiscount: 0.2 } });
  deterministic("B3 reconcileTargetPrice", (x) => api.reconcileTargetPrice(x as never), { currency: "CNY", benchmarkPrice: "30000", discount: 0.03, episodes: 100, actualSpending: "2800000", qualityAdjustment: -0.05, capRate: 0.2 });
  deterministic("D1c drgPayment", (x) => api.drgPayment(x as never), { currency: "CNY", baseRate: "10000", relativeWeight: 3, subgroup: { name: "EGFR-positive", uplift: 0.2 }, coefficients: [{ name: "efficacy", kind: "efficacy", value: 1.2 }] });
  deterministic("D6 dipPointValue and dipCasePayment", (x) => {
    const pv = api.dipPointValue(x as never);
    return ["18000", "50000", "4000", "120000"].map((caseCost) => api.dipCasePayment({ currency: "CNY", pointValue: pv.pointValue, groupPoints: 200, groupMeanCost: "20000", caseCost }));
  }, { currency: "CNY", kind: "settlement", fundAmount: "1000000000", reimbursementRatio: 0.7, totalPoints: "14000000" });
  deterministic("D5 allocateDipBudget", (x) => api.allocateDipBudget(x as never), { currency: "CNY", budget: "100.00", cases: [{ caseId: "a", points: 1 }, { caseId: "b", points: 1 }, { caseId: "c", points: 1 }] });
  deterministic("P2 capitationPanelPayment", (x) => api.capitationPanelPayment(x as never), {
    currency: "CNY",
    enrollees: 1000,
    baseAmount: "3000",
    metrics: { bpControl: 0.65 },
    targets: [{ kind: "banded", metric: "bpControl", table: { domain: { min: 0, max: 1 }, bands: [{ from: 0, to: 0.6, value: { amount: "-300" } }, { from: 0.6, to: 0.7, value: { amount: "0" } }, { from: 0.7, to: 1, value: { amount: "500" } }] } }],
  });
  deterministic("BI2b budgetImpact (examples/data/bi2-egfr.json)", (x) => api.budgetImpact(x as never), data("bi2-egfr.json"));
  deterministic("BI2 budgetImpactScenarios", (x) => api.budgetImpactScenarios(x as never), { base: { currency: "CNY", eligible: 3600, uptake: [0.3, 0.5, 0.7], costPerPatient: "120000" }, scenarios: [{ name: "displacement", overrides: { displaced: [{ name: "chemo", costPerPatient: "40000" }] } }] });
  deterministic("fundHealth", (x) => api.fundHealth(x as never), { currency: "CNY", income: "1000000000", expenditure: "970000000" });
  deterministic("detectCostAnomalies", (x) => api.detectCostAnomalies(x as never), { currency: "CNY", groups: [{ id: "A", costPerCase: "14000", cases: 20 }, { id: "B", costPerCase: "9000", cases: 30 }, { id: "C", costPerCase: "9000", cases: 50 }] });
});

describe("determinism: plots", () => {
  deterministic("cePlaneSvg (V5 draws)", (x) => api.cePlaneSvg(x as api.CePlaneSvgInput), { strategies: ["S1", "S2"], costs: v5.costs, effects: v5.effects, lambda: 300, title: "V5 draws" });
  deterministic("ceacSvg", (x) => api.ceacSvg(x as api.CeacSvgInput), { lambdas: [0, 100, 200, 300], strategies: ["S1", "S2"], probabilities: [[1, 0.75, 0.5, 0.5], [0, 0.25, 0.5, 0.5]], optimal: ["S1", "S1", "S2", "S2"] });
  deterministic("frontierSvg (V3)", (x) => api.frontierSvg(x as api.FrontierSvgInput), {
    strategies: [
      { name: "A", cost: 0, effect: 0, status: "ND" },
      { name: "B", cost: 100000, effect: 1, status: "ND" },
      { name: "D", cost: 250000, effect: 0.9, status: "D" },
      { name: "C", cost: 300000, effect: 1.5, status: "ED" },
      { name: "E", cost: 500000, effect: 2.5, status: "ND" },
    ],
  });
});

describe("determinism: cohort (examples/data/cohort.ndjson against K1 and the CAR-T layers)", () => {
  const patients = readFileSync(join(__dirname, "..", "..", "examples", "data", "cohort.ndjson"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as unknown);
  deterministic("settleCohort and its totals", async (x) => {
    const { options, list } = x as { options: api.CohortSettlementOptions; list: unknown[] };
    const out: unknown[] = [];
    let totals = api.emptyCohortTotals("CNY");
    for await (const r of api.settleCohort({ settlement: options, patients: list })) {
      out.push(r);
      totals = api.addToCohortTotals({ totals, record: r });
    }
    return { out, totals: api.cohortTotalsToJSON(totals) };
  }, { options: { contract: data("k1-contract.json"), plan: data("cart-layers.json"), asOf: "2027-06-30" }, list: patients });
});
