import * as z from "zod";
import {
  bandedTableSchema,
  decimal,
  describeBand,
  DomainError,
  lookupBand,
  nonNegativeAmountSchema,
  nonNegativeDecimalSchema,
  parseInput,
  positiveDecimalSchema,
  roundingSchema,
  step,
  type Step,
} from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { allocate, money, round, sum, type Dec, type Money, formatMoney } from "../money/index.js";
import { D } from "../money/decimal.js";
import { budgetCurrencySchema, cash, pct, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link dipPointValue}.
 *
 * @category DRG and DIP
 */
export const dipPointValueInputSchema = lazySchema(() => z.strictObject({
  /** ISO 4217 code of the fund amount (stated, never defaulted). */
  currency: budgetCurrencySchema,
  /** "budget" (预算点值, from the year's budget) or "settlement" (结算点值, from the settled fund). */
  kind: z.enum(["budget", "settlement"]).default("budget"),
  /** The fund amount: the year's budget or the fund available for settlement. */
  fundAmount: nonNegativeAmountSchema,
  /** Share of total cost the fund reimburses, in (0, 1]; 1 when the fund amount is already the total-cost pool. */
  reimbursementRatio: decimal({ above: "0", max: "1" }).prefault(1),
  /** Total points of all cases in the period (> 0). */
  totalPoints: positiveDecimalSchema,
}));

/**
 * A DIP point value.
 *
 * @category DRG and DIP
 */
export interface DipPointValue {
  readonly kind: "budget" | "settlement";
  /** Fund amount ÷ reimbursement ratio, as exact decimal text (may carry more than 2 decimals). */
  readonly totalCostPool: string;
  /** Point value as exact decimal text, kept unrounded (64 significant digits). */
  readonly pointValue: string;
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link dipPointValue} as stored (JSON): what {@link dipPointValueInputSchema} parses.
 *
 * @category DRG and DIP
 */
export type DipPointValueInput = z.input<typeof dipPointValueInputSchema>;

/**
 * The DIP point value (点值): `(fund amount ÷ fund reimbursement ratio) ÷ total points`,
 * kept unrounded so that case payments round only once.
 *
 * @category DRG and DIP
 * @param input - the currency, the kind (budget or settlement), the fund amount, the reimbursement ratio and the total points.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown (a reimbursement ratio outside (0, 1], total points ≤ 0; path named)
 *
 * @example
 * ```ts
 * dipPointValue({ currency: "CNY", fundAmount: "1200000000", totalPoints: "60000000" }).pointValue; // "20"
 * ```
 */
export function dipPointValue(input: DipPointValueInput): DipPointValue {
  const p = parseInput(dipPointValueInputSchema, input, "dipPointValue");
  const fund = cash(p.fundAmount, p.currency);
  const pool = p.fundAmount.dividedBy(p.reimbursementRatio);
  const pv = pool.dividedBy(p.totalPoints);
  const name = p.kind === "budget" ? "budget point value (预算点值)" : "settlement point value (结算点值)";
  return {
    kind: p.kind,
    totalCostPool: text(pool),
    pointValue: text(pv),
    explanation: [
      step(
        "budget.dip.cost-pool",
        p.reimbursementRatio.equals(1)
          ? "The fund amount is taken as the total-cost pool (reimbursement ratio 1)."
          : `The fund amount is grossed up by the fund reimbursement ratio ${pct(p.reimbursementRatio)} to the total-cost pool.`,
        { fundAmount: fund, reimbursementRatio: p.reimbursementRatio },
        money(pool, p.currency),
      ),
      step("budget.dip.point-value", `The ${name} is the total-cost pool divided by the total points, kept unrounded: ${text(pv)}.`, { totalCostPool: pool, totalPoints: p.totalPoints, pointValue: pv }),
    ],
  };
}

/**
 * How a DIP case is scored in an outlier band of cost ÷ group mean cost:
 * `proportional` (ratio × group points), `standard` (group points),
 * `excess` ((ratio − 1) × group points), or `expert-review` (flagged, no automatic payment).
 *
 * @category DRG and DIP
 */
export const dipOutlierRuleSchema = lazySchema(() => z.enum(["proportional", "standard", "excess", "expert-review"]));

/**
 * A DIP outlier rule name.
 *
 * @category DRG and DIP
 */
export type DipOutlierRule = z.output<typeof dipOutlierRuleSchema>;

/**
 * A DIP outlier-band table document: bands over cost ÷ group mean cost whose values are {@link DipOutlierRule} names.
 *
 * @category DRG and DIP
 */
export const dipOutlierBandsSchema = lazySchema(() => bandedTableSchema(dipOutlierRuleSchema));

/**
 * The common national defaults for DIP outlier bands over cost ÷ group mean cost:
 * below 0.5 proportional, [0.5, 2) standard, [2, 5) excess, 5 and above expert review.
 *
 * @category DRG and DIP
 */
export const DIP_DEFAULT_OUTLIER_BANDS: z.input<typeof dipOutlierBandsSchema> = {
  domain: { min: "0", max: null },
  bands: [
    { from: "0", to: "0.5", value: "proportional", label: "low outlier" },
    { from: "0.5", to: "2", value: "standard", label: "normal" },
    { from: "2", to: "5", value: "excess", label: "high outlier" },
    { from: "5", to: null, value: "expert-review", label: "extreme" },
  ],
};

/**
 * Plausible range of a DIP hospital coefficient (医院系数): a multiplier near 1, in
 * (0, MAX_HOSPITAL_COEFFICIENT]. 93 written for 0.93 is refused, not paid 100 times over (B3).
 *
 * @category DRG and DIP
 */
export const MAX_HOSPITAL_COEFFICIENT = 3;

const hospitalCoefficientSchema = lazySchema(() => decimal({ above: "0" }).check((ctx) => {
  if (ctx.value.greaterThan(MAX_HOSPITAL_COEFFICIENT)) {
    const pct = ctx.value.lessThanOrEqualTo(100) ? `; a coefficient of ${ctx.value.toFixed()}% is written ${ctx.value.dividedBy(100).toFixed()}` : "";
    ctx.issues.push({ code: "custom", input: ctx.value.toFixed(), message: `a hospital coefficient is a multiplier in (0, ${MAX_HOSPITAL_COEFFICIENT}] (MAX_HOSPITAL_COEFFICIENT), got ${ctx.value.toFixed()}${pct}` });
  }
}));

/**
 * Input of {@link dipCasePayment}. Give both `caseCost` and `groupMeanCost` to apply outlier bands.
 *
 * @category DRG and DIP
 */
export const dipCasePaymentInputSchema = lazySchema(() => z
  .strictObject({
    /** ISO 4217 code of the payment (stated, never defaulted). */
    currency: budgetCurrencySchema,
    /** Point value as a decimal (use the exact text from {@link dipPointValue}). */
    pointValue: positiveDecimalSchema,
    /** Points of the case's group (病种分值). */
    groupPoints: positiveDecimalSchema,
    /** The group's mean cost per case (病种均次费用), > 0; with `caseCost` it places the case in an outlier band. */
    groupMeanCost: decimal({ above: "0" }).optional(),
    /** The case's actual cost, ≥ 0; with `groupMeanCost`. */
    caseCost: nonNegativeAmountSchema.optional(),
    /** Hospital-level coefficient (医院等级系数), default 1. */
    hospitalCoefficient: hospitalCoefficientSchema.prefault(1),
    /** Outlier bands over case cost ÷ group mean cost; the national defaults ({@link DIP_DEFAULT_OUTLIER_BANDS}) when absent. */
    outlierBands: dipOutlierBandsSchema.prefault(DIP_DEFAULT_OUTLIER_BANDS),
    /** How the case payment is rounded; half-up by default. */
    rounding: roundingSchema.default("half-up"),
  })
  .superRefine((p, ctx) => {
    if ((p.caseCost === undefined) !== (p.groupMeanCost === undefined)) {
      ctx.addIssue({ code: "custom", path: [p.caseCost === undefined ? "caseCost" : "groupMeanCost"], message: "outlier banding needs both caseCost and groupMeanCost" });
    }
  }));

/**
 * A DIP case's points and payment.
 *
 * @category DRG and DIP
 */
export interface DipCasePayment {
  /** Case cost ÷ group mean cost as decimal text, or null without costs. */
  readonly costRatio: string | null;
  readonly rule: DipOutlierRule;
  readonly band: string | null;
  /** The case's points as exact decimal text. */
  readonly casePoints: string;
  /** points × point value × hospital coefficient, rounded once; null under expert review. */
  readonly payment: Money | null;
  readonly expertReview: boolean;
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link dipCasePayment} as stored (JSON): what {@link dipCasePaymentInputSchema} parses.
 *
 * @category DRG and DIP
 */
export type DipCasePaymentInput = z.input<typeof dipCasePaymentInputSchema>;

/**
 * A DIP case payment: `case points × point value × hospital-level coefficient`, rounded
 * once. Case points come from the group points and the case's outlier band (D6 defaults:
 * ratio < 0.5 proportional, ≥ 2 excess, ≥ 5 expert review with no automatic payment).
 *
 * @category DRG and DIP
 * @param input - the currency, point value, group points, hospital coefficient, the case and group mean costs, outlier bands and rounding.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, only one of `caseCost` and `groupMeanCost` is given, or the hospital coefficient is outside (0, MAX_HOSPITAL_COEFFICIENT] (path named)
 * @throws {DomainError} OUT_OF_DOMAIN when the cost ratio is outside the bands' domain (path `caseCost`)
 *
 * @example
 * ```ts
 * dipCasePayment({ currency: "CNY", pointValue: "20", groupPoints: "2500" }).payment; // CNY 50000.00
 * ```
 */
export function dipCasePayment(input: DipCasePaymentInput): DipCasePayment {
  const p = parseInput(dipCasePaymentInputSchema, input, "dipCasePayment");
  const steps: Step[] = [];
  let rule: DipOutlierRule = "standard";
  let ratio: Dec | null = null;
  let bandText: string | null = null;
  if (p.caseCost !== undefined && p.groupMeanCost !== undefined) {
    ratio = p.caseCost.dividedBy(p.groupMeanCost);
    const band = lookupBand(p.outlierBands, ratio, ["caseCost"]);
    rule = band.value;
    bandText = describeBand(p.outlierBands, band);
    steps.push(
      step(
        "budget.dip.outlier-band",
        `Case cost ${formatMoney(cash(p.caseCost, p.currency))} is ${text(ratio)}× the group mean cost, in ${band.label ? `${band.label} ` : ""}band ${bandText}: ${rule} rule.`,
        { caseCost: cash(p.caseCost, p.currency), groupMeanCost: cash(p.groupMeanCost, p.currency), costRatio: ratio, rule },
      ),
    );
  }
  if (rule === "expert-review") {
    steps.push(step("budget.dip.expert-review", "The case is flagged for expert review; no automatic payment is made.", { groupPoints: p.groupPoints }));
    return { costRatio: ratio === null ? null : text(ratio), rule, band: bandText, casePoints: "0", payment: null, expertReview: true, explanation: steps };
  }
  const r = ratio ?? new D(1);
  const points = rule === "standard" ? p.groupPoints : rule === "proportional" ? r.times(p.groupPoints) : r.minus(1).times(p.groupPoints);
  const how = rule === "standard" ? "the group points" : rule === "proportional" ? "ratio × group points" : "(ratio − 1) × group points";
  steps.push(step("budget.dip.case-points", `The case scores ${text(points)} points (${how}).`, { groupPoints: p.groupPoints, casePoints: points }));
  const payment = round(money(points.times(p.pointValue).times(p.hospitalCoefficient), p.currency), p.rounding);
  steps.push(
    step(
      "budget.dip.case-payment",
      "Case points × point value × hospital-level coefficient, rounded once.",
      { casePoints: points, pointValue: p.pointValue, hospitalCoefficient: p.hospitalCoefficient, rounding: p.rounding },
      payment,
    ),
  );
  return { costRatio: ratio === null ? null : text(ratio), rule, band: bandText, casePoints: text(points), payment, expertReview: false, explanation: steps };
}

/**
 * Input of {@link allocateDipBudget}: a budget to distribute over cases by their points.
 *
 * @category DRG and DIP
 */
export const allocateDipBudgetInputSchema = lazySchema(() => z.strictObject({
  /** ISO 4217 code of the budget (stated, never defaulted). */
  currency: budgetCurrencySchema,
  /** The budget to distribute (总额预算), ≥ 0, in whole minor units of the currency. */
  budget: nonNegativeAmountSchema,
  /** The cases and their points, at least one; the points may not all be zero. */
  cases: z
    .array(
      z.strictObject({
        /** The case's id, for its line. */
        caseId: z.string().min(1),
        /** The case's points (分值), a decimal ≥ 0. */
        points: nonNegativeDecimalSchema,
      }),
    )
    .min(1),
}));

/**
 * A DIP budget distributed over cases, exact to the cent.
 *
 * @category DRG and DIP
 */
export interface DipBudgetAllocation {
  readonly budget: Money;
  readonly totalPoints: string;
  /** Budget ÷ total points, exact decimal text (for reference; the lines come from the allocation). */
  readonly pointValue: string;
  readonly lines: readonly { readonly caseId: string; readonly points: string; readonly amount: Money }[];
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link allocateDipBudget} as stored (JSON): what {@link allocateDipBudgetInputSchema} parses.
 *
 * @category DRG and DIP
 */
export type AllocateDipBudgetInput = z.input<typeof allocateDipBudgetInputSchema>;

/**
 * Distributes a DIP budget over cases in proportion to their points, through money's
 * largest-remainder `allocate`, so the case amounts add up to the budget exactly.
 * Zero total points is an `UNDEFINED_RESULT` error at `cases`.
 *
 * @category DRG and DIP
 * @param input - the currency, the budget and the cases with their points.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, or the budget has more decimals than the currency (`sub_minor_unit`, path `budget`)
 * @throws {DomainError} UNDEFINED_RESULT when the cases' points add up to zero (path `cases`)
 *
 * @example
 * ```ts
 * allocateDipBudget({ currency: "CNY", budget: "100.00", cases: [{ caseId: "a", points: 1 }, { caseId: "b", points: 2 }] })
 *   .lines.map((l) => l.amount.toString()); // ["CNY 33.33", "CNY 66.67"]
 * ```
 */
export function allocateDipBudget(input: AllocateDipBudgetInput): DipBudgetAllocation {
  const p = parseInput(allocateDipBudgetInputSchema, input, "allocateDipBudget");
  const budget = round(cash(p.budget, p.currency));
  if (!budget.amount.equals(p.budget)) {
    throw invalid(["budget"], `the budget ${p.budget.toFixed()} has more decimals than ${p.currency} allows`, "sub_minor_unit");
  }
  const total = p.cases.reduce((acc, c) => acc.plus(c.points), new D(0));
  if (total.isZero()) {
    throw new DomainError("UNDEFINED_RESULT", "the cases have zero total points: there is nothing to distribute the budget by", { path: ["cases"] });
  }
  const parts = allocate(budget, p.cases.map((c) => c.points));
  const lines = p.cases.map((c, i) => ({ caseId: c.caseId, points: text(c.points), amount: parts[i] as Money }));
  const pv = budget.amount.dividedBy(total);
  const check = sum(parts, p.currency);
  return {
    budget,
    totalPoints: text(total),
    pointValue: text(pv),
    lines,
    explanation: [
      step("budget.dip.allocate", `The budget is split over ${lines.length} cases in proportion to their points (${text(total)} in all), by largest remainder so no cent is lost.`, { totalPoints: total, pointValue: pv }, budget),
      step("budget.dip.allocate-check", "The case amounts add up to the budget exactly.", {}, check),
    ],
  };
}
