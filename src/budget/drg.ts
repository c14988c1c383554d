import * as z from "zod";
import {
  bandedTableSchema,
  describeBand,
  DomainError,
  lookupBand,
  nonNegativeAmountSchema,
  nonNegativeDecimalSchema,
  parseInput,
  positiveDecimalSchema,
  rateSchema,
  roundingSchema,
  step,
  type Step,
} from "../core/index.js";
import { money, round, subtract, sum, type Dec, type Money, formatMoney } from "../money/index.js";
import { D } from "../money/decimal.js";
import { budgetCurrencySchema, cash, pct, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * How a DRG case in an outlier band is paid, by the ratio of its cost to the group rate:
 * `group-rate` (the plain rate), `actual-cost` (cost × factor, fee-for-service),
 * `group-rate-plus-excess` (rate + (cost − band's lower multiple × rate) × factor), or
 * `expert-review` (no automatic payment; the case is flagged).
 *
 * @category DRG and DIP
 */
export const drgOutlierRuleSchema = lazySchema(() => z.discriminatedUnion("method", [
  z.strictObject({
    /** Pay the plain group rate. */
    method: z.literal("group-rate"),
  }),
  z.strictObject({
    /** Pay the actual cost × `factor` (fee-for-service, 按项目付费). */
    method: z.literal("actual-cost"),
    /** Multiplier > 0 of the actual cost; 1 by default. */
    factor: positiveDecimalSchema.prefault(1),
  }),
  z.strictObject({
    /** Pay the rate plus `factor` × the cost above the band's lower multiple of the rate. */
    method: z.literal("group-rate-plus-excess"),
    /** Share in [0, 1] of the excess cost that is paid; 1 by default. */
    factor: rateSchema.prefault(1),
  }),
  z.strictObject({
    /** No automatic payment: the case goes to expert review (专家评审). */
    method: z.literal("expert-review"),
  }),
]));

/**
 * A DRG outlier rule as stored (JSON).
 *
 * @category DRG and DIP
 */
export type DrgOutlierRule = z.input<typeof drgOutlierRuleSchema>;

/**
 * One DRG payment coefficient (efficacy, technology, or other), a positive multiplier.
 *
 * @category DRG and DIP
 */
export const drgCoefficientSchema = lazySchema(() => z.strictObject({
  /** The coefficient's name, for the explanation. */
  name: z.string().min(1),
  /** efficacy (疗效系数), technology (技术系数) or other; it names the step's rule; other by default. */
  kind: z.enum(["efficacy", "technology", "other"]).default("other"),
  /** The multiplier, > 0 (1.2 = +20 %). */
  value: positiveDecimalSchema,
}));

/**
 * Input of {@link drgPayment}. Give either `groupRate` or `baseRate` with `relativeWeight`.
 * A `subgroup` either replaces the rate (`groupRate`, e.g. HER2-positive breast cancer) or
 * lifts it (`uplift` 0.2 = +20%, e.g. EGFR-positive lung cancer). `outlierBands` is a
 * banded table over cost ÷ payment rate whose values are outlier rules.
 *
 * @category DRG and DIP
 */
export const drgPaymentInputSchema = lazySchema(() => z
  .strictObject({
    /** ISO 4217 code of every amount (stated, never defaulted). */
    currency: budgetCurrencySchema,
    /** The DRG group's code (病组), for the explanation. */
    group: z.string().optional(),
    /** The base rate (基础费率) per unit of relative weight, ≥ 0; with `relativeWeight`. */
    baseRate: nonNegativeAmountSchema.optional(),
    /** The group's relative weight (相对权重), > 0; with `baseRate`. */
    relativeWeight: positiveDecimalSchema.optional(),
    /** The group's payment rate (病组支付标准) as an amount ≥ 0, instead of base rate × weight. */
    groupRate: nonNegativeAmountSchema.optional(),
    /** A subgroup of the case (亚组): its own rate, or an uplift of the group's. */
    subgroup: z
      .strictObject({
        /** The subgroup's name ("EGFR+", "HER2+"). */
        name: z.string().min(1),
        /** Uplift of the rate, a decimal ≥ 0 (0.2 = +20 %). */
        uplift: nonNegativeDecimalSchema.optional(),
        /** The subgroup's own rate, an amount ≥ 0, replacing the group's. */
        groupRate: nonNegativeAmountSchema.optional(),
      })
      .refine((s) => (s.uplift === undefined) !== (s.groupRate === undefined), { message: "a subgroup gives exactly one of uplift or groupRate" })
      .optional(),
    /** Coefficients multiplied into the rate in order; none by default. */
    coefficients: z.array(drgCoefficientSchema).default([]),
    /** The case's actual cost; when given, the case is settled (surplus kept, overrun borne). */
    actualCost: nonNegativeAmountSchema.optional(),
    /** Outlier bands over cost ÷ payment rate whose values are outlier rules; needs `actualCost`. */
    outlierBands: bandedTableSchema(drgOutlierRuleSchema).optional(),
    /** How the payment rate and outlier payments are rounded; half-up by default. */
    rounding: roundingSchema.default("half-up"),
  })
  .superRefine((p, ctx) => {
    const byWeight = p.baseRate !== undefined || p.relativeWeight !== undefined;
    if (p.groupRate !== undefined && byWeight) {
      ctx.addIssue({ code: "custom", path: ["groupRate"], message: "give either groupRate or baseRate with relativeWeight, not both" });
    } else if (p.groupRate === undefined) {
      if (p.baseRate === undefined) ctx.addIssue({ code: "custom", path: ["baseRate"], message: "baseRate is required when groupRate is not given" });
      if (p.relativeWeight === undefined) ctx.addIssue({ code: "custom", path: ["relativeWeight"], message: "relativeWeight is required when groupRate is not given" });
    }
    if (p.outlierBands !== undefined && p.actualCost === undefined) {
      ctx.addIssue({ code: "custom", path: ["actualCost"], message: "outlier bands need the case's actual cost" });
    }
  }));

/**
 * A DRG case payment, and its settlement when the actual cost is known.
 *
 * @category DRG and DIP
 */
export interface DrgPayment {
  /** Payment rate of the case's group after subgroup and coefficients, rounded once. */
  readonly paymentRate: Money;
  /** What the fund pays for the case; null when the case awaits expert review. */
  readonly payment: Money | null;
  readonly actualCost: Money | null;
  /** Cost ÷ payment rate as decimal text, when the cost is known. */
  readonly costRatio: string | null;
  /** The outlier rule applied: "none" when no outlier bands are configured. */
  readonly outlierRule: "none" | DrgOutlierRule["method"];
  /** The interval of the outlier band the case fell in, e.g. "[2, +∞)". */
  readonly outlierBand: string | null;
  readonly expertReview: boolean;
  /** Surplus kept by the hospital (结余留用), ≥ 0. */
  readonly providerKeeps: Money | null;
  /** Overrun the hospital bears (超支不补), ≥ 0. */
  readonly providerBears: Money | null;
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link drgPayment} as stored (JSON): what {@link drgPaymentInputSchema} parses.
 *
 * @category DRG and DIP
 */
export type DrgPaymentInput = z.input<typeof drgPaymentInputSchema>;

/**
 * A DRG case payment: `base rate × relative weight × subgroup uplift × Π coefficients`,
 * rounded once. With the actual cost the case is settled: the hospital keeps a surplus
 * and bears an overrun (结余留用、超支不补); outlier bands re-price extreme cases.
 *
 * @category DRG and DIP
 * @param input - the currency, the group rate or base rate with relative weight, a subgroup, coefficients, the actual cost, outlier bands and rounding.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, both or neither rate forms are given, a subgroup gives both or neither of uplift and groupRate, or outlier bands come without an actual cost (path named)
 * @throws {DomainError} UNDEFINED_RESULT when outlier bands meet a zero payment rate (path `outlierBands`); OUT_OF_DOMAIN when the cost ratio is outside the bands' domain (path `actualCost`)
 *
 * @example
 * ```ts
 * drgPayment({ currency: "CNY", baseRate: "10000", relativeWeight: 3, subgroup: { name: "EGFR+", uplift: 0.2 },
 *   coefficients: [{ name: "efficacy", kind: "efficacy", value: 1.2 }] }).payment; // CNY 43200.00
 * ```
 */
export function drgPayment(input: DrgPaymentInput): DrgPayment {
  const p = parseInput(drgPaymentInputSchema, input, "drgPayment");
  const c = p.currency;
  const steps: Step[] = [];
  const label = p.group ? `group ${p.group}` : "the group";
  let exact: Dec;
  if (p.groupRate !== undefined) {
    exact = p.groupRate;
    steps.push(step("budget.drg.group-rate", `The payment rate of ${label} is ${formatMoney(cash(exact, c))}.`, {}, cash(exact, c)));
  } else {
    const base = p.baseRate as Dec;
    const weight = p.relativeWeight as Dec;
    exact = base.times(weight);
    steps.push(step("budget.drg.base", `Base rate × relative weight of ${label}.`, { baseRate: cash(base, c), relativeWeight: weight }, cash(exact, c)));
  }
  if (p.subgroup !== undefined) {
    if (p.subgroup.groupRate !== undefined) {
      exact = p.subgroup.groupRate;
      steps.push(step("budget.drg.subgroup-rate", `The case is in subgroup ${p.subgroup.name}, which has its own rate.`, { subgroup: p.subgroup.name }, cash(exact, c)));
    } else {
      const uplift = p.subgroup.uplift as Dec;
      exact = exact.times(new D(1).plus(uplift));
      steps.push(step("budget.drg.subgroup-uplift", `The case is in subgroup ${p.subgroup.name}: +${pct(uplift)}.`, { subgroup: p.subgroup.name, uplift }, cash(exact, c)));
    }
  }
  for (const k of p.coefficients) {
    exact = exact.times(k.value);
    steps.push(step(`budget.drg.coefficient.${k.kind}`, `The ${k.name} coefficient ×${text(k.value)} applies.`, { coefficient: k.value }, cash(exact, c)));
  }
  const paymentRate = round(cash(exact, c), p.rounding);
  steps.push(step("budget.drg.rate", "The case's payment rate, rounded once.", { rounding: p.rounding }, paymentRate));
  if (p.actualCost === undefined) {
    return { paymentRate, payment: paymentRate, actualCost: null, costRatio: null, outlierRule: "none", outlierBand: null, expertReview: false, providerKeeps: null, providerBears: null, explanation: steps };
  }
  const cost = cash(p.actualCost, c);
  steps.push(step("budget.drg.actual-cost", `The case's actual cost is ${formatMoney(cost)}.`, {}, cost));
  let payment: Money | null = paymentRate;
  let rule: DrgPayment["outlierRule"] = "none";
  let bandText: string | null = null;
  let ratio: Dec | null = null;
  if (paymentRate.amount.greaterThan(0)) ratio = cost.amount.dividedBy(paymentRate.amount);
  if (p.outlierBands !== undefined) {
    if (ratio === null) throw new DomainError("UNDEFINED_RESULT", "outlier bands need a positive payment rate to compare the cost with", { path: ["outlierBands"] });
    const band = lookupBand(p.outlierBands, ratio, ["actualCost"]);
    bandText = describeBand(p.outlierBands, band);
    const r = band.value;
    rule = r.method;
    const ruleText = band.label ? `${band.label} ` : "";
    // Stryker disable next-line BlockStatement: payment already holds paymentRate (set above); the branch only keeps the rule list explicit
    if (r.method === "group-rate") {
      payment = paymentRate;
    } else if (r.method === "actual-cost") {
      payment = round(money(cost.amount.times(r.factor), c), p.rounding);
    } else if (r.method === "group-rate-plus-excess") {
      const threshold = paymentRate.amount.times(band.from ?? new D(0));
      const excess = D.max(cost.amount.minus(threshold), 0);
      payment = round(money(paymentRate.amount.plus(excess.times(r.factor)), c), p.rounding);
    } else {
      payment = null;
    }
    steps.push(
      step(
        "budget.drg.outlier",
        payment === null
          ? `Cost is ${text(ratio)}× the rate, in ${ruleText}band ${bandText}: the case goes to expert review, with no automatic payment.`
          : `Cost is ${text(ratio)}× the rate, in ${ruleText}band ${bandText}: paid by the ${r.method} rule.`,
        { costRatio: ratio, rule: r.method },
        ...(payment === null ? [] : [payment]),
      ),
    );
  }
  let keeps: Money | null = null;
  let bears: Money | null = null;
  if (payment !== null) {
    const margin = subtract(payment, cost);
    keeps = margin.amount.greaterThan(0) ? margin : money(0, c);
    bears = margin.amount.lessThan(0) ? money(margin.amount.negated(), c) : money(0, c);
    steps.push(
      step(
        "budget.drg.settlement",
        margin.amount.lessThan(0)
          ? "The fund pays the case payment; the overrun is not compensated (超支不补) and the hospital bears it."
          : "The fund pays the case payment; the hospital keeps the surplus (结余留用).",
        { payment, actualCost: cost, providerKeeps: keeps, providerBears: bears },
        payment,
      ),
    );
  }
  return {
    paymentRate,
    payment,
    actualCost: cost,
    costRatio: ratio === null ? null : text(ratio),
    outlierRule: rule,
    outlierBand: bandText,
    expertReview: p.outlierBands !== undefined && payment === null,
    providerKeeps: keeps,
    providerBears: bears,
    explanation: steps,
  };
}

/**
 * Input of {@link drgTechnologyCost}: test or AI items with their technology coefficients.
 *
 * @category DRG and DIP
 */
export const drgTechnologyCostInputSchema = lazySchema(() => z.strictObject({
  /** ISO 4217 code of the costs (stated, never defaulted). */
  currency: budgetCurrencySchema,
  /** The test or AI items, at least one. */
  items: z
    .array(
      z.strictObject({
        /** The item's name ("NGS panel"). */
        name: z.string().min(1),
        /** Its actual cost, ≥ 0. */
        actualCost: nonNegativeAmountSchema,
        /** Its technology coefficient (技术系数), > 0: the share of the cost counted (1.3 = 130 %). */
        coefficient: positiveDecimalSchema,
      }),
    )
    .min(1),
  /** How each counted amount is rounded; half-up by default. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * Technology items counted into the DRG cost base.
 *
 * @category DRG and DIP
 */
export interface DrgTechnologyCost {
  readonly items: readonly { readonly name: string; readonly actualCost: Money; readonly coefficient: string; readonly counted: Money }[];
  /** The sum of the counted amounts. */
  readonly countedTotal: Money;
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link drgTechnologyCost} as stored (JSON): what {@link drgTechnologyCostInputSchema} parses.
 *
 * @category DRG and DIP
 */
export type DrgTechnologyCostInput = z.input<typeof drgTechnologyCostInputSchema>;

/**
 * How much of a test's or AI tool's cost is counted in the DRG cost base when weights
 * are set (D4: 1,200 at coefficient 1.3 → 1,560). Each item is rounded once.
 *
 * @category DRG and DIP
 * @param input - the currency, the technology items (actual cost and coefficient each) and rounding.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, or no item is given (path named)
 *
 * @example
 * ```ts
 * drgTechnologyCost({ currency: "CNY", items: [{ name: "NGS panel", actualCost: "1200", coefficient: 1.3 }] }).countedTotal; // CNY 1560.00
 * ```
 */
export function drgTechnologyCost(input: DrgTechnologyCostInput): DrgTechnologyCost {
  const p = parseInput(drgTechnologyCostInputSchema, input, "drgTechnologyCost");
  const steps: Step[] = [];
  const items = p.items.map((it) => {
    const cost = cash(it.actualCost, p.currency);
    const counted = round(money(cost.amount.times(it.coefficient), p.currency), p.rounding);
    steps.push(step("budget.drg.technology", `${it.name} is counted at ${pct(it.coefficient)} of its actual cost.`, { actualCost: cost, coefficient: it.coefficient }, counted));
    return { name: it.name, actualCost: cost, coefficient: text(it.coefficient), counted };
  });
  const countedTotal = sum(items.map((i) => i.counted), p.currency);
  steps.push(step("budget.drg.technology-total", "Total technology cost counted in the cost base.", {}, countedTotal));
  return { items, countedTotal, explanation: steps };
}

/**
 * Input of {@link drgEfficacyCoefficient}: a group's outcomes and the qualifying thresholds.
 *
 * @category DRG and DIP
 */
export const drgEfficacyCoefficientInputSchema = lazySchema(() => z.strictObject({
  /** The group's objective response rate (客观缓解率), in [0, 1]. */
  responseRate: rateSchema,
  /** The group's one-year survival (一年生存率), in [0, 1]. */
  oneYearSurvival: rateSchema,
  /** Least qualifying response rate, in [0, 1] (inclusive); 0.8 by default. */
  minResponseRate: rateSchema.prefault(0.8),
  /** Least qualifying one-year survival, in [0, 1] (inclusive); 0.6 by default. */
  minOneYearSurvival: rateSchema.prefault(0.6),
  /** The efficacy coefficient (疗效附加权重) when the group qualifies, > 0; 1.2 by default (corrections C4). */
  coefficient: positiveDecimalSchema.prefault(1.2),
}));

/**
 * Whether a group earns the efficacy coefficient.
 *
 * @category DRG and DIP
 */
export interface DrgEfficacyCoefficient {
  readonly qualifies: boolean;
  /** The coefficient to apply: the configured one when qualifying, else "1". */
  readonly coefficient: string;
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link drgEfficacyCoefficient} as stored (JSON): what {@link drgEfficacyCoefficientInputSchema} parses.
 *
 * @category DRG and DIP
 */
export type DrgEfficacyCoefficientInput = z.input<typeof drgEfficacyCoefficientInputSchema>;

/**
 * The DRG efficacy coefficient (疗效附加权重) for a group whose response rate is ≥ 0.80 and
 * whose one-year survival is ≥ 0.60, both inclusive; 1 otherwise. The default 1.2 reads
 * the source's 「增加1.2倍」 as "to 1.2 times" (+20%, corrections C4); the literal reading,
 * × 2.2, is not adopted and needs an explicit `coefficient: 2.2`. Feed the result into
 * {@link drgPayment}'s `coefficients`.
 *
 * @category DRG and DIP
 * @param input - the group's response rate and one-year survival, the qualifying thresholds and the coefficient.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown (a rate outside [0, 1], a coefficient ≤ 0; path named)
 *
 * @example
 * ```ts
 * drgEfficacyCoefficient({ responseRate: 0.82, oneYearSurvival: 0.65 }).coefficient; // "1.2"
 * ```
 */
export function drgEfficacyCoefficient(input: DrgEfficacyCoefficientInput): DrgEfficacyCoefficient {
  const p = parseInput(drgEfficacyCoefficientInputSchema, input, "drgEfficacyCoefficient");
  const qualifies = p.responseRate.greaterThanOrEqualTo(p.minResponseRate) && p.oneYearSurvival.greaterThanOrEqualTo(p.minOneYearSurvival);
  const coefficient = qualifies ? text(p.coefficient) : "1";
  return {
    qualifies,
    coefficient,
    explanation: [
      step(
        "budget.drg.efficacy",
        qualifies
          ? `Response rate ${pct(p.responseRate)} ≥ ${pct(p.minResponseRate)} and one-year survival ${pct(p.oneYearSurvival)} ≥ ${pct(p.minOneYearSurvival)}: efficacy coefficient ×${coefficient}${p.coefficient.equals(1.2) ? " (「增加1.2倍」 read as 'to 1.2 times')" : ""}.`
          : `The group does not meet both outcome thresholds (response ≥ ${pct(p.minResponseRate)}, one-year survival ≥ ${pct(p.minOneYearSurvival)}): coefficient ×1.`,
        { responseRate: p.responseRate, oneYearSurvival: p.oneYearSurvival },
      ),
    ],
  };
}
