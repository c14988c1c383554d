import * as z from "zod";
import {
  type ExplainValue,
  nonNegativeDecimalSchema,
  parseInput,
  positiveDecimalSchema,
  rateSchema,
  step,
  type Step,
} from "../core/index.js";
import { type Dec, formatMoney } from "../money/index.js";
import { percentText } from "../money/format.js";
import { D } from "../money/decimal.js";
import { commonCurrency, fixed, lambdaMoneySchema, short } from "./shared.js";
import { classifyIcerByGdp, type GdpBand } from "./thresholds.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const nonNegativeMoney = lambdaMoneySchema;
const positiveMoney = lazySchema(() => lambdaMoneySchema.refine((m) => m.amount.greaterThan(0), { message: "must be positive" }));

/**
 * The kinds of therapy the ethics rule distinguishes.
 *
 * @category Value Score and Admission
 */
export const therapyTypeSchema = lazySchema(() => z.enum(["gene-editing", "cell-therapy", "other"]));

/**
 * The facts about a technology an admission assessment reads.
 *
 * @category Value Score and Admission
 */
export const admissionTechnologySchema = lazySchema(() => z.strictObject({
  /** The technology's name, for reports (informative only). */
  name: z.string().optional(),
  /** Informative only. */
  innovation: z.enum(["first-in-class", "best-in-class", "me-too"]).optional(),
  /** Serious adverse event (SAE) rate, in [0, 1]. */
  seriousAdverseEventRate: rateSchema,
  /** Objective response rate (ORR), in [0, 1]. */
  objectiveResponseRate: rateSchema.optional(),
  /** Relative PFS improvement vs standard care (0.3 = 30% longer). */
  pfsImprovement: nonNegativeDecimalSchema.optional(),
  /** ICER per QALY (0 for a dominant technology). */
  icer: nonNegativeMoney,
  /** GDP per capita (人均GDP), > 0: the ICER bands are multiples of it. */
  gdpPerCapita: positiveMoney,
  /** New annual spending by the pooled fund if listed. */
  newAnnualSpending: nonNegativeMoney,
  /** The pooled fund's annual expenditure. */
  fundAnnualExpenditure: positiveMoney,
  /** A typical patient's annual out-of-pocket cost. */
  annualOutOfPocket: nonNegativeMoney,
  /** A typical household's annual income, > 0 (the patient-burden denominator). */
  householdAnnualIncome: positiveMoney,
  /** Whether the listing covers vulnerable groups (equity); absent = not stated. */
  coversVulnerableGroups: z.boolean().optional(),
  /** Whether there is a plan for access through primary care (equity); absent = not stated. */
  primaryCareAccessPlan: z.boolean().optional(),
  /** Committed supply and estimated need, in the same unit (patients, doses). */
  committedSupply: nonNegativeDecimalSchema,
  /** Estimated need, > 0, in the unit of `committedSupply`. */
  estimatedNeed: positiveDecimalSchema,
  /** The kind of therapy the ethics rule reads (default `other`). */
  therapyType: therapyTypeSchema.optional(),
  /** Whether an ethics approval (伦理审批) is recorded; absent = none. */
  ethicsApproval: z.boolean().optional(),
}));

/**
 * The configurable rules; every field has the source's default.
 *
 * @category Value Score and Admission
 */
export const admissionRulesSchema = lazySchema(() => z.strictObject({
  /** SAE rate above which the technology is vetoed (default 0.1). */
  saeVetoAbove: rateSchema.optional(),
  /** Minimum ORR (default 0.2). */
  minObjectiveResponseRate: rateSchema.optional(),
  /** Minimum relative PFS improvement (default 0.3). Efficacy passes on ORR or PFS. */
  minPfsImprovement: nonNegativeDecimalSchema.optional(),
  /** GDP-per-capita multiples of the ICER bands (default 3 and 5). */
  gdpMultiples: z
    .strictObject({
      /** Upper edge of the "high" band, in multiples of GDP per capita, > 0 (default 3). */
      high: positiveDecimalSchema,
      /** Upper edge of the "moderate" band, > `high` (default 5). */
      moderate: positiveDecimalSchema,
    })
    .optional(),
  /** Bands that pass cost-effectiveness (default high and moderate). */
  passingBands: z.array(z.enum(["high", "moderate", "low"])).min(1).optional(),
  /** Maximum new spending as a share of fund expenditure (default 0.01). */
  maxBudgetShare: rateSchema.optional(),
  /** Maximum out-of-pocket share of household income (default 0.2). */
  maxOutOfPocketShare: rateSchema.optional(),
  /** Minimum supply ÷ need (default 1.2). */
  minSupplyRatio: positiveDecimalSchema.optional(),
  /** Whether a failed equity flag blocks admission (default false: the flag is reported only). */
  equityBlocks: z.boolean().optional(),
  /** Therapy types that need an ethics approval (default gene-editing and cell-therapy). */
  ethicsApprovalRequiredFor: z.array(therapyTypeSchema).optional(),
}));

/**
 * Input of {@link assessAdmission}.
 *
 * @category Value Score and Admission
 */
export const assessAdmissionInputSchema = lazySchema(() => z.strictObject({
  /** The facts about the technology. */
  technology: admissionTechnologySchema,
  /** The rules; each one absent takes the source's default. */
  rules: admissionRulesSchema.optional(),
}));

/**
 * Input of {@link assessAdmission} as written by callers.
 *
 * @category Value Score and Admission
 */
export type AssessAdmissionInput = z.input<typeof assessAdmissionInputSchema>;

/**
 * The three stages.
 *
 * @category Value Score and Admission
 */
export type AdmissionStage = "technical" | "economic" | "social";

/**
 * The outcome of one dimension.
 *
 * @category Value Score and Admission
 */
export type DimensionOutcome = "pass" | "fail" | "n.a.";

/**
 * One of the nine dimensions, judged.
 *
 * @category Value Score and Admission
 */
export interface AdmissionDimension {
  readonly stage: AdmissionStage;
  readonly dimension: "innovation" | "safety" | "efficacy" | "cost-effectiveness" | "budget-impact" | "patient-burden" | "equity" | "accessibility" | "ethics";
  readonly outcome: DimensionOutcome;
  /** Whether a fail here blocks admission. */
  readonly blocking: boolean;
  /** True for a failed veto rule (safety): rejected whatever else passes. */
  readonly veto: boolean;
  readonly reason: string;
  readonly figures: Readonly<Record<string, ExplainValue>>;
}

/**
 * The admission decision.
 *
 * @category Value Score and Admission
 */
export interface AdmissionResult {
  readonly admitted: boolean;
  readonly vetoed: boolean;
  /** The ICER's band against GDP per capita. */
  readonly band: GdpBand;
  readonly dimensions: readonly AdmissionDimension[];
  readonly stages: readonly { readonly stage: AdmissionStage; readonly passed: boolean }[];
  /** Why it is rejected (the blocking failures), or why it is admitted. */
  readonly reasons: readonly string[];
  readonly explanation: readonly Step[];
}

const pct = (d: Dec) => percentText(d, { places: 1 });

/**
 * The "three stages, nine dimensions" admission assessment a payer runs before
 * listing a technology: technical (innovation, safety, efficacy), economic
 * (cost-effectiveness, budget impact, patient burden) and social (equity,
 * accessibility, ethics). Each dimension gives pass / fail / n.a. with its reason
 * and figures; a safety failure is a veto; any blocking failure rejects.
 *
 * @example
 * ```ts
 * const cny = (amount: string) => ({ amount, currency: "CNY" });
 * assessAdmission({ technology: {
 *   seriousAdverseEventRate: 0.08, objectiveResponseRate: 0.35, pfsImprovement: 0.2,
 *   icer: cny("200000"), gdpPerCapita: cny("89000"),
 *   newAnnualSpending: cny("60000000"), fundAnnualExpenditure: cny("10000000000"),
 *   annualOutOfPocket: cny("15000"), householdAnnualIncome: cny("90000"),
 *   committedSupply: 130, estimatedNeed: 100, therapyType: "cell-therapy", ethicsApproval: true,
 * } }).admitted; // true
 * ```
 *
 * @param input - `{ technology, rules? }`: the facts about the technology and, optionally, the rules (each defaults to the source's value)
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused)
 * @throws {DomainError} CURRENCY_MISMATCH when two amounts are in different currencies (path of the later one)
 * @category Value Score and Admission
 */
export function assessAdmission(input: AssessAdmissionInput): AdmissionResult {
  const doc = parseInput(assessAdmissionInputSchema, input, "assessAdmission");
  const t = doc.technology;
  const r = doc.rules ?? {};
  commonCurrency([
    { money: t.icer, path: ["technology", "icer"] },
    { money: t.gdpPerCapita, path: ["technology", "gdpPerCapita"] },
    { money: t.newAnnualSpending, path: ["technology", "newAnnualSpending"] },
    { money: t.fundAnnualExpenditure, path: ["technology", "fundAnnualExpenditure"] },
    { money: t.annualOutOfPocket, path: ["technology", "annualOutOfPocket"] },
    { money: t.householdAnnualIncome, path: ["technology", "householdAnnualIncome"] },
  ]);
  const dims: AdmissionDimension[] = [];
  const add = (d: Omit<AdmissionDimension, "veto"> & { veto?: boolean }) => dims.push({ ...d, veto: d.veto ?? false });

  // Technical stage.
  add({
    stage: "technical",
    dimension: "innovation",
    outcome: "n.a.",
    blocking: false,
    reason: t.innovation === undefined ? "No innovation rating supplied; informative only." : `Rated ${t.innovation}; informative only, not a criterion.`,
    figures: { rating: t.innovation ?? null },
  });
  const saeLimit = r.saeVetoAbove ?? new D("0.1");
  const saeFails = t.seriousAdverseEventRate.greaterThan(saeLimit);
  add({
    stage: "technical",
    dimension: "safety",
    outcome: saeFails ? "fail" : "pass",
    blocking: true,
    veto: saeFails,
    reason: saeFails
      ? `SAE rate ${pct(t.seriousAdverseEventRate)} exceeds ${pct(saeLimit)}: safety veto.`
      : `SAE rate ${pct(t.seriousAdverseEventRate)} is within ${pct(saeLimit)}.`,
    figures: { seriousAdverseEventRate: t.seriousAdverseEventRate, vetoAbove: saeLimit },
  });
  const minOrr = r.minObjectiveResponseRate ?? new D("0.2");
  const minPfs = r.minPfsImprovement ?? new D("0.3");
  const orrOk = t.objectiveResponseRate !== undefined && t.objectiveResponseRate.greaterThanOrEqualTo(minOrr);
  const pfsOk = t.pfsImprovement !== undefined && t.pfsImprovement.greaterThanOrEqualTo(minPfs);
  const orrText = t.objectiveResponseRate === undefined ? "ORR not supplied" : `ORR ${pct(t.objectiveResponseRate)} (needs ≥ ${pct(minOrr)})`;
  const pfsText = t.pfsImprovement === undefined ? "PFS improvement not supplied" : `PFS improvement ${pct(t.pfsImprovement)} (needs ≥ ${pct(minPfs)})`;
  add({
    stage: "technical",
    dimension: "efficacy",
    outcome: orrOk || pfsOk ? "pass" : "fail",
    blocking: true,
    reason: `${orrOk || pfsOk ? "Efficacy met" : "Efficacy not met"}: ${orrText}; ${pfsText}; either suffices.`,
    figures: { objectiveResponseRate: t.objectiveResponseRate ?? null, pfsImprovement: t.pfsImprovement ?? null, minObjectiveResponseRate: minOrr, minPfsImprovement: minPfs },
  });

  // Economic stage.
  const banding = classifyIcerByGdp(
    r.gdpMultiples ? { icer: t.icer, gdpPerCapita: t.gdpPerCapita, multiples: { high: r.gdpMultiples.high.toString(), moderate: r.gdpMultiples.moderate.toString() } } : { icer: t.icer, gdpPerCapita: t.gdpPerCapita },
  );
  const passingBands = r.passingBands ?? ["high", "moderate"];
  const ceOk = passingBands.includes(banding.band);
  add({
    stage: "economic",
    dimension: "cost-effectiveness",
    outcome: ceOk ? "pass" : "fail",
    blocking: true,
    reason: `ICER ${formatMoney(t.icer)} is ${short(banding.multiple)}× GDP per capita: band "${banding.band}" (${banding.interval}), which ${ceOk ? "passes" : "does not pass"} (passing bands: ${passingBands.join(", ")}).`,
    figures: { icer: t.icer, gdpPerCapita: t.gdpPerCapita, band: banding.band, highBound: banding.highBound, moderateBound: banding.moderateBound },
  });
  const maxBudget = r.maxBudgetShare ?? new D("0.01");
  const budgetShare = t.newAnnualSpending.amount.dividedBy(t.fundAnnualExpenditure.amount);
  const budgetOk = !t.newAnnualSpending.amount.greaterThan(t.fundAnnualExpenditure.amount.times(maxBudget));
  add({
    stage: "economic",
    dimension: "budget-impact",
    outcome: budgetOk ? "pass" : "fail",
    blocking: true,
    reason: `New annual spending ${formatMoney(t.newAnnualSpending)} is ${pct(budgetShare)} of the fund's ${formatMoney(t.fundAnnualExpenditure)} (limit ${pct(maxBudget)}).`,
    figures: { newAnnualSpending: t.newAnnualSpending, fundAnnualExpenditure: t.fundAnnualExpenditure, share: budgetShare.toDecimalPlaces(6), limit: maxBudget },
  });
  const maxOop = r.maxOutOfPocketShare ?? new D("0.2");
  const oopShare = t.annualOutOfPocket.amount.dividedBy(t.householdAnnualIncome.amount);
  const oopOk = !t.annualOutOfPocket.amount.greaterThan(t.householdAnnualIncome.amount.times(maxOop));
  add({
    stage: "economic",
    dimension: "patient-burden",
    outcome: oopOk ? "pass" : "fail",
    blocking: true,
    reason: `Annual out-of-pocket ${formatMoney(t.annualOutOfPocket)} is ${pct(oopShare)} of household income ${formatMoney(t.householdAnnualIncome)} (limit ${pct(maxOop)}).`,
    figures: { annualOutOfPocket: t.annualOutOfPocket, householdAnnualIncome: t.householdAnnualIncome, share: oopShare.toDecimalPlaces(6), limit: maxOop },
  });

  // Social stage.
  const flags = [t.coversVulnerableGroups, t.primaryCareAccessPlan];
  const equityOutcome: DimensionOutcome = flags.some((f) => f === true) ? "pass" : flags.every((f) => f === undefined) ? "n.a." : "fail";
  add({
    stage: "social",
    dimension: "equity",
    outcome: equityOutcome,
    blocking: r.equityBlocks ?? false,
    reason:
      equityOutcome === "n.a."
        ? "No equity information supplied."
        : `Covers vulnerable groups: ${flagText(t.coversVulnerableGroups)}; primary-care access plan: ${flagText(t.primaryCareAccessPlan)}.${r.equityBlocks ? "" : " Reported as a flag; does not block."}`,
    figures: { coversVulnerableGroups: t.coversVulnerableGroups ?? null, primaryCareAccessPlan: t.primaryCareAccessPlan ?? null },
  });
  const minSupply = r.minSupplyRatio ?? new D("1.2");
  const supplyRatio = t.committedSupply.dividedBy(t.estimatedNeed);
  const supplyOk = !t.committedSupply.lessThan(t.estimatedNeed.times(minSupply));
  add({
    stage: "social",
    dimension: "accessibility",
    outcome: supplyOk ? "pass" : "fail",
    blocking: true,
    reason: `Committed supply is ${pct(supplyRatio)} of estimated need (minimum ${pct(minSupply)}).`,
    figures: { committedSupply: t.committedSupply, estimatedNeed: t.estimatedNeed, ratio: supplyRatio.toDecimalPlaces(6), minimum: minSupply },
  });
  const type = t.therapyType ?? "other";
  const needsEthics = (r.ethicsApprovalRequiredFor ?? ["gene-editing", "cell-therapy"]).includes(type);
  const ethicsOutcome: DimensionOutcome = !needsEthics ? "n.a." : t.ethicsApproval === true ? "pass" : "fail";
  add({
    stage: "social",
    dimension: "ethics",
    outcome: ethicsOutcome,
    blocking: true,
    reason: !needsEthics
      ? `A ${type} technology needs no ethics approval under these rules.`
      : t.ethicsApproval === true
        ? `A ${type} technology with an ethics approval.`
        : `A ${type} technology requires an ethics approval, and none is recorded.`,
    figures: { therapyType: type, ethicsApproval: t.ethicsApproval ?? null },
  });

  const blockingFails = dims.filter((d) => d.blocking && d.outcome === "fail");
  const vetoed = dims.some((d) => d.veto);
  const admitted = blockingFails.length === 0;
  const stages = (["technical", "economic", "social"] as const).map((stage) => ({
    stage,
    passed: !dims.some((d) => d.stage === stage && d.blocking && d.outcome === "fail"),
  }));
  const reasons = admitted
    ? [`Admitted: every blocking dimension passes or does not apply; cost-effectiveness band "${banding.band}".`]
    : blockingFails.map((d) => `${d.veto ? "Veto — " : ""}${d.dimension}: ${d.reason}`);
  const explanation: Step[] = dims.map((d) =>
    step(`valuation.admission.${d.dimension}`, `[${d.stage}] ${d.dimension} — ${d.outcome}: ${d.reason}`, d.figures as Record<string, ExplainValue>),
  );
  explanation.push(
    step(
      "valuation.admission.decision",
      admitted ? reasons[0]! : `Rejected${vetoed ? " by the safety veto" : ""}: ${blockingFails.map((d) => d.dimension).join(", ")} failed.`,
      { admitted, vetoed },
    ),
  );
  return { admitted, vetoed, band: banding.band, dimensions: dims, stages, reasons, explanation };
}

function flagText(f: boolean | undefined): string {
  return f === undefined ? "not stated" : f ? "yes" : "no";
}
