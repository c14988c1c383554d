// The admission assessment's reasons, figures and decision, sentence by sentence: a
// claims officer reads these in a dispute, so every wording and every boundary is pinned.
// Figures are worked by hand in the comments.
import { describe, expect, it } from "vitest";
import { assessAdmission, type AssessAdmissionInput } from "../../src/index.js";
import { domainError } from "../typed-errors.js";

const cny = (amount: string) => ({ amount, currency: "CNY" });
const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

type Technology = AssessAdmissionInput["technology"];

// The guide's example: every dimension passes.
const listed: Technology = {
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

describe("assessAdmission: a technology that passes every dimension", () => {
  // Computed inside each test (not at collection), so a mutant is active when it runs.
  const result = () => assessAdmission({ technology: listed });

  it("gives each dimension its stage, outcome, blocking flag and reason", () => {
    const r = result();
    expect(r.dimensions.map((d) => [d.stage, d.dimension, d.outcome, d.blocking, d.veto])).toEqual([
      ["technical", "innovation", "n.a.", false, false],
      ["technical", "safety", "pass", true, false],
      ["technical", "efficacy", "pass", true, false],
      ["economic", "cost-effectiveness", "pass", true, false],
      ["economic", "budget-impact", "pass", true, false],
      ["economic", "patient-burden", "pass", true, false],
      ["social", "equity", "n.a.", false, false],
      ["social", "accessibility", "pass", true, false],
      ["social", "ethics", "pass", true, false],
    ]);
    expect(r.dimensions.map((d) => d.reason)).toEqual([
      "No innovation rating supplied; informative only.",
      "SAE rate 8.0% is within 10.0%.",
      "Efficacy met: ORR 35.0% (needs ≥ 20.0%); PFS improvement 20.0% (needs ≥ 30.0%); either suffices.",
      // 200,000 / 89,000 = 2.2471910…; bands ≤ 3 × 89,000 = 267,000 high, ≤ 5 × 89,000 = 445,000 moderate.
      'ICER CNY 200,000.00 is 2.247191× GDP per capita: band "high" ([0, 267000]), which passes (passing bands: high, moderate).',
      // 60,000,000 / 10,000,000,000 = 0.006.
      "New annual spending CNY 60,000,000.00 is 0.6% of the fund's CNY 10,000,000,000.00 (limit 1.0%).",
      // 15,000 / 90,000 = 0.1666…
      "Annual out-of-pocket CNY 15,000.00 is 16.7% of household income CNY 90,000.00 (limit 20.0%).",
      "No equity information supplied.",
      // 130 / 100 = 1.3.
      "Committed supply is 130.0% of estimated need (minimum 120.0%).",
      "A cell-therapy technology with an ethics approval.",
    ]);
  });

  it("records the figures each dimension used", () => {
    const r = result();
    expect(r.dimensions.map((d) => json(d.figures))).toEqual([
      { rating: null },
      { seriousAdverseEventRate: "0.08", vetoAbove: "0.1" },
      { objectiveResponseRate: "0.35", pfsImprovement: "0.2", minObjectiveResponseRate: "0.2", minPfsImprovement: "0.3" },
      { icer: cny("200000.00"), gdpPerCapita: cny("89000.00"), band: "high", highBound: cny("267000.00"), moderateBound: cny("445000.00") },
      { newAnnualSpending: cny("60000000.00"), fundAnnualExpenditure: cny("10000000000.00"), share: "0.006", limit: "0.01" },
      { annualOutOfPocket: cny("15000.00"), householdAnnualIncome: cny("90000.00"), share: "0.166667", limit: "0.2" },
      { coversVulnerableGroups: null, primaryCareAccessPlan: null },
      { committedSupply: "130", estimatedNeed: "100", ratio: "1.3", minimum: "1.2" },
      { therapyType: "cell-therapy", ethicsApproval: true },
    ]);
  });

  it("admits, says why, and explains each dimension as one step", () => {
    const r = result();
    expect(r.admitted).toBe(true);
    expect(r.vetoed).toBe(false);
    expect(r.band).toBe("high");
    expect(r.stages).toEqual([
      { stage: "technical", passed: true },
      { stage: "economic", passed: true },
      { stage: "social", passed: true },
    ]);
    expect(r.reasons).toEqual(['Admitted: every blocking dimension passes or does not apply; cost-effectiveness band "high".']);
    expect(r.explanation.map((s) => s.rule)).toEqual([
      "valuation.admission.innovation",
      "valuation.admission.safety",
      "valuation.admission.efficacy",
      "valuation.admission.cost-effectiveness",
      "valuation.admission.budget-impact",
      "valuation.admission.patient-burden",
      "valuation.admission.equity",
      "valuation.admission.accessibility",
      "valuation.admission.ethics",
      "valuation.admission.decision",
    ]);
    expect(r.explanation[1]!.text).toBe("[technical] safety — pass: SAE rate 8.0% is within 10.0%.");
    expect(r.explanation[6]!.text).toBe("[social] equity — n.a.: No equity information supplied.");
    expect(json(r.explanation[1]!.inputs)).toEqual({ seriousAdverseEventRate: "0.08", vetoAbove: "0.1" });
    expect(r.explanation[9]!.text).toBe('Admitted: every blocking dimension passes or does not apply; cost-effectiveness band "high".');
    expect(r.explanation[9]!.inputs).toEqual({ admitted: true, vetoed: false });
  });
});

describe("assessAdmission: a technology that fails everywhere", () => {
  const result = () => assessAdmission({
    technology: {
      innovation: "me-too",
      seriousAdverseEventRate: 0.15,
      icer: cny("500000"),
      gdpPerCapita: cny("89000"),
      newAnnualSpending: cny("200000000"),
      fundAnnualExpenditure: cny("10000000000"),
      annualOutOfPocket: cny("30000"),
      householdAnnualIncome: cny("90000"),
      coversVulnerableGroups: false,
      committedSupply: 100,
      estimatedNeed: 100,
      therapyType: "gene-editing",
    },
  });

  it("vetoes on safety and fails each blocking dimension with its reason", () => {
    const r = result();
    expect(r.dimensions.map((d) => [d.dimension, d.outcome, d.blocking, d.veto])).toEqual([
      ["innovation", "n.a.", false, false],
      ["safety", "fail", true, true],
      ["efficacy", "fail", true, false],
      ["cost-effectiveness", "fail", true, false],
      ["budget-impact", "fail", true, false],
      ["patient-burden", "fail", true, false],
      ["equity", "fail", false, false],
      ["accessibility", "fail", true, false],
      ["ethics", "fail", true, false],
    ]);
    expect(r.dimensions.map((d) => d.reason)).toEqual([
      "Rated me-too; informative only, not a criterion.",
      "SAE rate 15.0% exceeds 10.0%: safety veto.",
      "Efficacy not met: ORR not supplied; PFS improvement not supplied; either suffices.",
      // 500,000 / 89,000 = 5.6179775… > 5: low.
      'ICER CNY 500,000.00 is 5.617978× GDP per capita: band "low" ((445000, +∞)), which does not pass (passing bands: high, moderate).',
      "New annual spending CNY 200,000,000.00 is 2.0% of the fund's CNY 10,000,000,000.00 (limit 1.0%).",
      "Annual out-of-pocket CNY 30,000.00 is 33.3% of household income CNY 90,000.00 (limit 20.0%).",
      "Covers vulnerable groups: no; primary-care access plan: not stated. Reported as a flag; does not block.",
      "Committed supply is 100.0% of estimated need (minimum 120.0%).",
      "A gene-editing technology requires an ethics approval, and none is recorded.",
    ]);
    expect(json(r.dimensions[0]!.figures)).toEqual({ rating: "me-too" });
    expect(json(r.dimensions[2]!.figures)).toEqual({ objectiveResponseRate: null, pfsImprovement: null, minObjectiveResponseRate: "0.2", minPfsImprovement: "0.3" });
    expect(json(r.dimensions[6]!.figures)).toEqual({ coversVulnerableGroups: false, primaryCareAccessPlan: null });
    expect(json(r.dimensions[8]!.figures)).toEqual({ therapyType: "gene-editing", ethicsApproval: null });
  });

  it("rejects, listing the blocking failures (the equity flag does not block)", () => {
    const r = result();
    expect(r.admitted).toBe(false);
    expect(r.vetoed).toBe(true);
    expect(r.band).toBe("low");
    expect(r.stages).toEqual([
      { stage: "technical", passed: false },
      { stage: "economic", passed: false },
      { stage: "social", passed: false },
    ]);
    expect(r.reasons).toEqual([
      "Veto — safety: SAE rate 15.0% exceeds 10.0%: safety veto.",
      "efficacy: Efficacy not met: ORR not supplied; PFS improvement not supplied; either suffices.",
      'cost-effectiveness: ICER CNY 500,000.00 is 5.617978× GDP per capita: band "low" ((445000, +∞)), which does not pass (passing bands: high, moderate).',
      "budget-impact: New annual spending CNY 200,000,000.00 is 2.0% of the fund's CNY 10,000,000,000.00 (limit 1.0%).",
      "patient-burden: Annual out-of-pocket CNY 30,000.00 is 33.3% of household income CNY 90,000.00 (limit 20.0%).",
      "accessibility: Committed supply is 100.0% of estimated need (minimum 120.0%).",
      "ethics: A gene-editing technology requires an ethics approval, and none is recorded.",
    ]);
    const decision = r.explanation[r.explanation.length - 1]!;
    expect(decision.rule).toBe("valuation.admission.decision");
    expect(decision.text).toBe("Rejected by the safety veto: safety, efficacy, cost-effectiveness, budget-impact, patient-burden, accessibility, ethics failed.");
    expect(decision.inputs).toEqual({ admitted: false, vetoed: true });
    expect(r.explanation[1]!.text).toBe("[technical] safety — fail: SAE rate 15.0% exceeds 10.0%: safety veto.");
  });
});

describe("assessAdmission: configured rules and their boundaries", () => {
  const atLimits: Technology = {
    seriousAdverseEventRate: 0.2, // = the veto limit: not above it
    objectiveResponseRate: 0.4, // below 0.5
    pfsImprovement: 0.1, // = the minimum: efficacy passes on PFS
    icer: cny("267000"), // 3× GDP; bands 1× and 2× here, so "low"
    gdpPerCapita: cny("89000"),
    newAnnualSpending: cny("500"), // 500 / 10,000 = 0.05 = the limit
    fundAnnualExpenditure: cny("10000"),
    annualOutOfPocket: cny("45000"), // 45,000 / 90,000 = 0.5 = the limit
    householdAnnualIncome: cny("90000"),
    coversVulnerableGroups: false,
    primaryCareAccessPlan: true,
    committedSupply: 100, // ratio 1 = the minimum
    estimatedNeed: 100,
  };
  const rules = {
    saeVetoAbove: 0.2,
    minObjectiveResponseRate: 0.5,
    minPfsImprovement: 0.1,
    gdpMultiples: { high: 1, moderate: 2 },
    passingBands: ["high", "moderate", "low"] as ("high" | "moderate" | "low")[],
    maxBudgetShare: 0.05,
    maxOutOfPocketShare: 0.5,
    minSupplyRatio: 1,
    equityBlocks: true,
    ethicsApprovalRequiredFor: ["other"] as ("gene-editing" | "cell-therapy" | "other")[],
  };
  const result = () => assessAdmission({ technology: atLimits, rules });

  it("a figure equal to its limit passes; the configured limits appear in the reasons", () => {
    const r = result();
    expect(r.dimensions.map((d) => [d.dimension, d.outcome, d.blocking])).toEqual([
      ["innovation", "n.a.", false],
      ["safety", "pass", true],
      ["efficacy", "pass", true],
      ["cost-effectiveness", "pass", true],
      ["budget-impact", "pass", true],
      ["patient-burden", "pass", true],
      ["equity", "pass", true],
      ["accessibility", "pass", true],
      ["ethics", "fail", true],
    ]);
    expect(r.dimensions.map((d) => d.reason)).toEqual([
      "No innovation rating supplied; informative only.",
      "SAE rate 20.0% is within 20.0%.",
      "Efficacy met: ORR 40.0% (needs ≥ 50.0%); PFS improvement 10.0% (needs ≥ 10.0%); either suffices.",
      // 267,000 / 89,000 = 3; bands ≤ 89,000 high, ≤ 178,000 moderate.
      'ICER CNY 267,000.00 is 3× GDP per capita: band "low" ((178000, +∞)), which passes (passing bands: high, moderate, low).',
      "New annual spending CNY 500.00 is 5.0% of the fund's CNY 10,000.00 (limit 5.0%).",
      "Annual out-of-pocket CNY 45,000.00 is 50.0% of household income CNY 90,000.00 (limit 50.0%).",
      "Covers vulnerable groups: no; primary-care access plan: yes.",
      "Committed supply is 100.0% of estimated need (minimum 100.0%).",
      "A other technology requires an ethics approval, and none is recorded.",
    ]);
    expect(json(r.dimensions[3]!.figures)).toEqual({ icer: cny("267000.00"), gdpPerCapita: cny("89000.00"), band: "low", highBound: cny("89000.00"), moderateBound: cny("178000.00") });
    expect(r.band).toBe("low");
  });

  it("rejects on the one blocking failure, without a veto; only the social stage fails", () => {
    const r = result();
    expect(r.admitted).toBe(false);
    expect(r.vetoed).toBe(false);
    expect(r.stages).toEqual([
      { stage: "technical", passed: true },
      { stage: "economic", passed: true },
      { stage: "social", passed: false },
    ]);
    expect(r.reasons).toEqual(["ethics: A other technology requires an ethics approval, and none is recorded."]);
    expect(r.explanation[r.explanation.length - 1]!.text).toBe("Rejected: ethics failed.");
  });

  it("with equityBlocks, two false equity flags block admission", () => {
    const e = assessAdmission({ technology: { ...atLimits, primaryCareAccessPlan: false, ethicsApproval: true }, rules });
    expect(e.dimensions[6]).toMatchObject({ dimension: "equity", outcome: "fail", blocking: true, reason: "Covers vulnerable groups: no; primary-care access plan: no." });
    expect(e.dimensions[8]).toMatchObject({ outcome: "pass", reason: "A other technology with an ethics approval." });
    expect(e.reasons).toEqual(["equity: Covers vulnerable groups: no; primary-care access plan: no."]);
    expect(e.stages.map((s) => s.passed)).toEqual([true, true, false]);
  });

  it("one cent or one unit past a limit fails", () => {
    const over = assessAdmission({
      technology: { ...atLimits, seriousAdverseEventRate: 0.2001, objectiveResponseRate: 0.5, pfsImprovement: 0.0999, newAnnualSpending: cny("500.01"), annualOutOfPocket: cny("45000.01"), committedSupply: 99.99, ethicsApproval: true },
      rules,
    });
    expect(over.dimensions.map((d) => d.outcome)).toEqual(["n.a.", "fail", "pass", "pass", "fail", "fail", "pass", "fail", "pass"]);
    // ORR = 0.5 meets the minimum alone.
    expect(over.dimensions[2]!.reason).toBe("Efficacy met: ORR 50.0% (needs ≥ 50.0%); PFS improvement 10.0% (needs ≥ 10.0%); either suffices.");
    expect(over.vetoed).toBe(true);
    expect(over.explanation[over.explanation.length - 1]!.text).toBe("Rejected by the safety veto: safety, budget-impact, patient-burden, accessibility failed.");
  });

  it("a therapy type outside the rule needs no ethics approval", () => {
    const d = assessAdmission({ technology: { ...listed, therapyType: "other", ethicsApproval: false } }).dimensions[8]!;
    expect(d).toMatchObject({ outcome: "n.a.", reason: "A other technology needs no ethics approval under these rules." });
    expect(json(d.figures)).toEqual({ therapyType: "other", ethicsApproval: false });
    const none = assessAdmission({ technology: { ...listed, therapyType: undefined, ethicsApproval: undefined } }).dimensions[8]!;
    expect(none.outcome).toBe("n.a.");
    expect(json(none.figures)).toEqual({ therapyType: "other", ethicsApproval: null });
  });

  it("the cost-effectiveness band uses the default multiples when the rules give none", () => {
    // 267,000 = 3 × 89,000: the top of "high" (closed above).
    const d = assessAdmission({ technology: { ...listed, icer: cny("267000") }, rules: { passingBands: ["high"] } }).dimensions[3]!;
    expect(d.reason).toBe('ICER CNY 267,000.00 is 3× GDP per capita: band "high" ([0, 267000]), which passes (passing bands: high).');
    const m = assessAdmission({ technology: { ...listed, icer: cny("267000.01") }, rules: { passingBands: ["high"] } }).dimensions[3]!;
    expect(m.outcome).toBe("fail");
    // 267,000.01 / 89,000 = 3.000000112…, shown to 6 places: 3.
    expect(m.reason).toBe('ICER CNY 267,000.01 is 3× GDP per capita: band "moderate" ((267000, 445000]), which does not pass (passing bands: high).');
  });
});

describe("assessAdmission: amounts in two currencies", () => {
  const fields = ["gdpPerCapita", "newAnnualSpending", "fundAnnualExpenditure", "annualOutOfPocket", "householdAnnualIncome"] as const;
  it.each(fields)("%s in USD against a CNY ICER is a CURRENCY_MISMATCH at its path", (field) => {
    const e = domainError(() => assessAdmission({ technology: { ...listed, [field]: { amount: "1000", currency: "USD" } } }));
    expect(e.code).toBe("CURRENCY_MISMATCH");
    expect(e.path).toEqual(["technology", field]);
    expect(e.details).toEqual({ expected: "CNY", got: "USD" });
  });
  it("an ICER in USD is reported at the first amount that differs from it", () => {
    const e = domainError(() => assessAdmission({ technology: { ...listed, icer: { amount: "1000", currency: "USD" } } }));
    expect(e.path).toEqual(["technology", "gdpPerCapita"]);
    expect(e.details).toEqual({ expected: "USD", got: "CNY" });
  });
});
