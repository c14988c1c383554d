import * as z from "zod";
import {
  bandedTableSchema,
  currencyCodeSchema,
  DomainError,
  type Explanation,
  invalid,
  lookupBand,
  nonNegativeAmountSchema,
  nonNegativeMoneySchema,
  parseInput,
  rateSchema,
  roundingSchema,
  step,
  type Step,
} from "../core/index.js";
import { type Dec, type Money, money, round, type Rounding } from "../money/index.js";
import { D } from "../money/decimal.js";

const count = z.number().int().min(0);
const metricSchema = z.enum(["orr", "pfsRate"]);

/**
 * A cohort's outcome summary for one settlement period. Rates may be given directly
 * (`orr`, `pfsRate`) or as counts (`responders` / `progressionFree` of `patients`).
 * `amount` is the money at stake in the period (spending, contracted amount).
 */
export const cohortOutcomeSummarySchema = z.strictObject({
  patients: count.optional(),
  responders: count.optional(),
  progressionFree: count.optional(),
  nonResponders: count.optional(),
  orr: rateSchema.optional(),
  pfsRate: rateSchema.optional(),
  trialOrr: rateSchema.optional(),
  realWorldOrr: rateSchema.optional(),
  cyclesAfterEvaluation: count.optional(),
  amount: nonNegativeMoneySchema.optional(),
});

/** A cohort summary as the caller writes it. */
export type CohortOutcomeSummaryInput = z.input<typeof cohortOutcomeSummarySchema>;
type Summary = z.output<typeof cohortOutcomeSummarySchema>;

const common = { id: z.string().min(1).optional(), label: z.string().min(1).optional() };

/**
 * Cohort-level terms. `performanceDeduction` (K5): if the metric is below `target`
 * (the target itself passes), `deductionRate` of the amount is deducted.
 * `outcomeTiers` (K6): the amount is paid at the share of the band the metric falls in
 * (a banded table over [0, 1] with no gap). `continuationGate` (K8): at the assessment
 * the metric must reach `threshold` for the fund to keep paying its part of the annual
 * cost (up to `fundCap`) and the programme reward. `evidenceRepricing` (K9): the
 * first rule whose real-world vs trial gap is met changes the price. `managedEntry`
 * (K11): per-cycle pricing with non-responder refunds, success fee or cost sharing.
 */
export const cohortTermSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("performanceDeduction"),
    ...common,
    metric: metricSchema,
    target: rateSchema,
    deductionRate: rateSchema,
  }),
  z.strictObject({
    type: z.literal("outcomeTiers"),
    ...common,
    metric: metricSchema,
    table: bandedTableSchema(rateSchema),
  }),
  z.strictObject({
    type: z.literal("continuationGate"),
    ...common,
    currency: currencyCodeSchema.default("CNY"),
    metric: metricSchema,
    threshold: rateSchema,
    assessAtMonths: z.number().int().min(1).max(120),
    periodMonths: z.number().int().min(1).max(120).default(12),
    periodCost: nonNegativeAmountSchema,
    fundCap: nonNegativeAmountSchema,
    rewardPerPatient: nonNegativeAmountSchema.default(() => new D(0)),
  }),
  z.strictObject({
    type: z.literal("evidenceRepricing"),
    ...common,
    currency: currencyCodeSchema.default("CNY"),
    price: nonNegativeAmountSchema,
    rules: z
      .array(
        z.strictObject({
          realWorld: z.enum(["belowTrial", "aboveTrial"]),
          byAtLeast: rateSchema,
          priceChange: rateSchema,
        }),
      )
      .min(1),
  }),
  z.strictObject({
    type: z.literal("managedEntry"),
    ...common,
    currency: currencyCodeSchema.default("CNY"),
    pricePerCycle: nonNegativeAmountSchema,
    cyclesBeforeEvaluation: z.number().int().min(1).max(1000),
    upfront: z.enum(["paid", "free"]).default("paid"),
    nonResponderRefund: rateSchema.default(() => new D(0)),
    discount: z.strictObject({ firstCycles: z.number().int().min(1).max(1000), rate: rateSchema }).optional(),
  }),
]);

/** A cohort term as written in JSON. */
export type CohortTermInput = z.input<typeof cohortTermSchema>;
type Term = z.output<typeof cohortTermSchema>;

/** Input of {@link evaluateCohortTerms}. */
export const evaluateCohortTermsInputSchema = z.strictObject({
  terms: z.array(cohortTermSchema).min(1),
  summary: cohortOutcomeSummarySchema,
  rounding: roundingSchema.default("half-up"),
});

/** Input of {@link evaluateCohortTerms} as the caller writes it. */
export type EvaluateCohortTermsInput = z.input<typeof evaluateCohortTermsInputSchema>;

/** One money line of a cohort settlement. */
export interface CohortLine {
  readonly kind: "payment" | "deduction" | "refund" | "reward" | "patientShare" | "price";
  readonly label: string;
  readonly amount: Money;
}

/** The settlement of one cohort term. */
export interface CohortTermResult {
  readonly termId: string;
  readonly type: Term["type"];
  readonly currency: string;
  /** The outcome metric used, as an exact decimal string, or null. */
  readonly metric: { readonly name: string; readonly value: string } | null;
  /** The decision in a few words: "target met", "band [0.6, 0.8) → 0.7", "price cut by 0.15"… */
  readonly decision: string;
  /** K8: whether coverage continues. */
  readonly continued?: boolean;
  /** K9: the price after repricing. */
  readonly adjustedPrice?: Money;
  readonly lines: readonly CohortLine[];
  /** gross: paid or payable before deductions/refunds; refunded: deductions and refunds (positive); net = gross − refunded. */
  readonly totals: { readonly gross: Money; readonly refunded: Money; readonly net: Money };
  readonly explanation: Explanation;
}

/** Result of {@link evaluateCohortTerms}. */
export interface CohortEvaluation {
  readonly results: readonly CohortTermResult[];
  readonly explanation: Explanation;
}

function ratio(numerator: number, denominator: number, path: string): Dec {
  if (denominator === 0) throw new DomainError("UNDEFINED_RESULT", `a rate over 0 patients is undefined`, { path: ["summary", "patients"] });
  if (numerator > denominator) {
    throw new DomainError("INCONSISTENT_INPUT", `${path} (${numerator}) exceeds patients (${denominator})`, { path: ["summary", path] });
  }
  return new D(numerator).dividedBy(denominator);
}

function metricOf(name: "orr" | "pfsRate", s: Summary): Dec {
  if (name === "orr") {
    if (s.orr !== undefined) return s.orr;
    if (s.responders !== undefined && s.patients !== undefined) return ratio(s.responders, s.patients, "responders");
    throw invalid(["summary", "responders"], "the ORR needs `orr` or `responders` and `patients`", "missing_metric");
  }
  if (s.pfsRate !== undefined) return s.pfsRate;
  if (s.progressionFree !== undefined && s.patients !== undefined) return ratio(s.progressionFree, s.patients, "progressionFree");
  throw invalid(["summary", "pfsRate"], "the PFS rate needs `pfsRate` or `progressionFree` and `patients`", "missing_metric");
}

function need<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw invalid(["summary", field], `this term needs summary.${field}`, "missing_field");
  return value;
}

const pct = (d: Dec): string => `${d.times(100).toDecimalPlaces(4).toString()}%`;

function totals(gross: Money, refunded: Money) {
  return { gross, refunded, net: money(gross.amount.minus(refunded.amount), gross.currency) };
}

function settle(term: Term, s: Summary, index: number, rounding: Rounding): CohortTermResult {
  const termId = term.id ?? `${term.type}-${index + 1}`;
  const steps: Step[] = [];
  switch (term.type) {
    case "performanceDeduction": {
      const amount = need(s.amount, "amount");
      const value = metricOf(term.metric, s);
      const met = value.greaterThanOrEqualTo(term.target);
      const deduction = met ? money(0, amount.currency) : round(money(amount.amount.times(term.deductionRate), amount.currency), rounding);
      steps.push(
        step(
          "contracts.cohort.performance",
          met
            ? `${term.metric.toUpperCase()} ${pct(value)} reaches the target ${pct(term.target)} (inclusive): no deduction.`
            : `${term.metric.toUpperCase()} ${pct(value)} is below the target ${pct(term.target)}: ${pct(term.deductionRate)} of ${amount.toString()} is deducted.`,
          { metric: value, target: term.target, deductionRate: term.deductionRate, amount },
          deduction,
        ),
      );
      const t = totals(amount, deduction);
      steps.push(step("contracts.cohort.net", `Payable: ${t.net.toString()}.`, {}, t.net));
      return {
        termId, type: term.type, currency: amount.currency, metric: { name: term.metric, value: value.toString() },
        decision: met ? "target met" : "below target: deduction",
        lines: [{ kind: "payment", label: "amount at stake", amount }, ...(met ? [] : [{ kind: "deduction" as const, label: "performance deduction", amount: deduction }])],
        totals: t, explanation: steps,
      };
    }
    case "outcomeTiers": {
      const amount = need(s.amount, "amount");
      const value = metricOf(term.metric, s);
      const band = lookupBand(term.table, value, ["summary", term.metric]);
      const share = band.value as Dec;
      const pay = round(money(amount.amount.times(share), amount.currency), rounding);
      const interval = `[${band.from?.toString() ?? "−∞"}, ${band.to?.toString() ?? "+∞"}${band.index === term.table.bands.length - 1 && term.table.domain.max !== null ? "]" : ")"}`;
      steps.push(step("contracts.cohort.tier", `${term.metric} ${pct(value)} falls in band ${interval}: ${pct(share)} of ${amount.toString()} is paid.`, { metric: value, share, amount }, pay));
      const withheld = money(amount.amount.minus(pay.amount), amount.currency);
      return {
        termId, type: term.type, currency: amount.currency, metric: { name: term.metric, value: value.toString() },
        decision: `band ${interval} → ${share.toString()}`,
        lines: [{ kind: "payment", label: `tier ${interval}`, amount: pay }],
        totals: { gross: pay, refunded: money(0, amount.currency), net: pay }, explanation: [...steps, step("contracts.cohort.tierWithheld", `Not paid under the tier table: ${withheld.toString()}.`, {}, withheld)],
      };
    }
    case "continuationGate": {
      const patients = need(s.patients, "patients");
      const value = metricOf(term.metric, s);
      const continued = value.greaterThanOrEqualTo(term.threshold);
      const cur = term.currency;
      // Share of the period the fund covers: all of it if the gate passes, else the months before the assessment.
      const covered = continued ? new D(1) : new D(Math.min(term.assessAtMonths, term.periodMonths)).dividedBy(term.periodMonths);
      const coveredCost = round(money(term.periodCost.times(covered), cur), rounding);
      const cap = round(money(term.fundCap.times(covered), cur), rounding);
      const fundPerPatient = coveredCost.amount.lessThan(cap.amount) ? coveredCost : cap;
      const patientPerPatient = money(new D(term.periodCost).minus(fundPerPatient.amount), cur);
      const reward = continued ? money(term.rewardPerPatient, cur) : money(0, cur);
      const n = new D(patients);
      const fundTotal = money(fundPerPatient.amount.times(n), cur);
      const patientTotal = money(patientPerPatient.amount.times(n), cur);
      const rewardTotal = money(reward.amount.times(n), cur);
      steps.push(
        step(
          "contracts.cohort.gate",
          continued
            ? `At the ${term.assessAtMonths}-month assessment ${term.metric.toUpperCase()} ${pct(value)} reaches ${pct(term.threshold)}: the fund keeps reimbursing.`
            : `At the ${term.assessAtMonths}-month assessment ${term.metric.toUpperCase()} ${pct(value)} is below ${pct(term.threshold)}: the drug leaves coverage; months after the assessment are paid by the patient (or a charity programme).`,
          { metric: value, threshold: term.threshold, coveredShareOfPeriod: covered.toSignificantDigits(10) },
        ),
        step("contracts.cohort.gateFund", `Per patient: the fund pays ${fundPerPatient.toString()} (cost covered ${coveredCost.toString()}, cap ${cap.toString()}); the patient pays ${patientPerPatient.toString()}.`, { periodCost: money(term.periodCost, cur), fundCap: money(term.fundCap, cur) }, fundPerPatient),
        step("contracts.cohort.gateReward", continued ? `Programme reward: ${reward.toString()} × ${patients} patients.` : "No programme reward: the gate was not passed.", { rewardPerPatient: money(term.rewardPerPatient, cur), patients }, rewardTotal),
      );
      const gross = money(fundTotal.amount.plus(rewardTotal.amount), cur);
      return {
        termId, type: term.type, currency: cur, metric: { name: term.metric, value: value.toString() },
        decision: continued ? "coverage continues" : "coverage ends at the assessment", continued,
        lines: [
          { kind: "payment", label: "fund share of drug cost", amount: fundTotal },
          { kind: "patientShare", label: "paid by patients (or charity)", amount: patientTotal },
          { kind: "reward", label: "programme reward", amount: rewardTotal },
        ],
        totals: { gross, refunded: money(0, cur), net: gross }, explanation: steps,
      };
    }
    case "evidenceRepricing": {
      const trial = need(s.trialOrr, "trialOrr");
      const real = need(s.realWorldOrr, "realWorldOrr");
      const cur = term.currency;
      const price = money(term.price, cur);
      const gap = trial.minus(real);
      let adjusted = price;
      let decision = "no change";
      for (const rule of term.rules) {
        const hit = rule.realWorld === "belowTrial" ? gap.greaterThanOrEqualTo(rule.byAtLeast) : gap.negated().greaterThanOrEqualTo(rule.byAtLeast);
        if (!hit) continue;
        const factor = rule.realWorld === "belowTrial" ? new D(1).minus(rule.priceChange) : new D(1).plus(rule.priceChange);
        adjusted = round(money(price.amount.times(factor), cur), rounding);
        decision = `${rule.realWorld === "belowTrial" ? "price cut" : "price raised"} by ${pct(rule.priceChange)}`;
        steps.push(step("contracts.cohort.reprice", `Real-world ORR ${pct(real)} is ${rule.realWorld === "belowTrial" ? "below" : "above"} the trial's ${pct(trial)} by ${pct(gap.abs())} (≥ ${pct(rule.byAtLeast)}): ${price.toString()} × ${factor.toString()} = ${adjusted.toString()}.`, { trialOrr: trial, realWorldOrr: real, gap, byAtLeast: rule.byAtLeast, priceChange: rule.priceChange }, adjusted));
        break;
      }
      if (decision === "no change") {
        steps.push(step("contracts.cohort.reprice", `Real-world ORR ${pct(real)} vs trial ${pct(trial)} (gap ${pct(gap)}): no rule applies, the price stays ${price.toString()}.`, { trialOrr: trial, realWorldOrr: real, gap }, price));
      }
      return {
        termId, type: term.type, currency: cur, metric: { name: "orrGap", value: gap.toString() }, decision, adjustedPrice: adjusted,
        lines: [{ kind: "price", label: "price after repricing", amount: adjusted }],
        totals: { gross: adjusted, refunded: money(0, cur), net: adjusted }, explanation: steps,
      };
    }
    case "managedEntry": {
      const cur = term.currency;
      const patients = need(s.patients, "patients");
      const nonResponders = need(s.nonResponders, "nonResponders");
      if (nonResponders > patients) throw new DomainError("INCONSISTENT_INPUT", `nonResponders (${nonResponders}) exceeds patients (${patients})`, { path: ["summary", "nonResponders"] });
      const after = s.cyclesAfterEvaluation ?? 0;
      const responders = patients - nonResponders;
      const cycle = (k: number): Dec => (term.discount !== undefined && k <= term.discount.firstCycles ? term.pricePerCycle.times(new D(1).minus(term.discount.rate)) : term.pricePerCycle);
      let pre = new D(0);
      for (let k = 1; k <= term.cyclesBeforeEvaluation; k++) pre = pre.plus(cycle(k));
      // Cycles after the evaluation in closed form (a loop over them would run for as many
      // cycles as the summary claims): the discounted ones first, the rest at full price.
      const discountedAfter = term.discount === undefined ? 0 : Math.max(0, Math.min(term.discount.firstCycles - term.cyclesBeforeEvaluation, after));
      const post = cycle(1)
        .times(discountedAfter)
        .plus(term.pricePerCycle.times(after - discountedAfter));
      const preM = round(money(pre, cur), rounding);
      const postM = round(money(post, cur), rounding);
      const lines: CohortLine[] = [];
      let gross: Money;
      let refunded = money(0, cur);
      if (term.upfront === "paid") {
        const upfront = money(preM.amount.times(patients), cur);
        gross = money(upfront.amount.plus(postM.amount.times(responders)), cur);
        lines.push({ kind: "payment", label: `${patients} patients × ${term.cyclesBeforeEvaluation} cycles before evaluation`, amount: upfront });
        steps.push(step("contracts.cohort.mea.upfront", `${patients} patients × ${preM.toString()} (cycles 1–${term.cyclesBeforeEvaluation}) = ${upfront.toString()} paid up front.`, { patients, perPatient: preM }, upfront));
        if (term.nonResponderRefund.greaterThan(0) && nonResponders > 0) {
          refunded = round(money(preM.amount.times(nonResponders).times(term.nonResponderRefund), cur), rounding);
          lines.push({ kind: "refund", label: "refund on non-responders' pre-evaluation cycles", amount: refunded });
          steps.push(step("contracts.cohort.mea.refund", `${nonResponders} non-responders × ${preM.toString()} × ${pct(term.nonResponderRefund)} = ${refunded.toString()} refunded by the manufacturer.`, { nonResponders, refundRate: term.nonResponderRefund }, refunded));
        }
      } else {
        const paid = money(preM.amount.times(responders), cur);
        gross = money(paid.amount.plus(postM.amount.times(responders)), cur);
        lines.push({ kind: "payment", label: `responders' ${term.cyclesBeforeEvaluation} cycles before evaluation (success fee)`, amount: paid });
        steps.push(step("contracts.cohort.mea.successFee", `Drug free up front; at evaluation the payer pays ${responders} responders × ${preM.toString()} = ${paid.toString()}; non-responders' cycles cost nothing.`, { responders, perPatient: preM }, paid));
      }
      if (after > 0 && responders > 0) {
        const later = money(postM.amount.times(responders), cur);
        lines.push({ kind: "payment", label: `responders' ${after} cycles after evaluation (full price)`, amount: later });
        steps.push(step("contracts.cohort.mea.after", `${responders} responders × ${postM.toString()} (cycles ${term.cyclesBeforeEvaluation + 1}–${term.cyclesBeforeEvaluation + after}) = ${later.toString()}.`, { responders, cyclesAfterEvaluation: after }, later));
      }
      const t = totals(gross, refunded);
      steps.push(step("contracts.cohort.net", `Gross ${t.gross.toString()}, refunded ${t.refunded.toString()}, net ${t.net.toString()}.`, {}, t.net));
      return {
        termId, type: term.type, currency: cur, metric: { name: "nonResponders", value: String(nonResponders) },
        decision: term.upfront === "free" ? "success fee" : term.nonResponderRefund.isZero() ? "no outcome refund" : `refund ${pct(term.nonResponderRefund)} for non-responders`,
        lines, totals: t, explanation: steps,
      };
    }
  }
}

/**
 * Settles cohort-level terms (K5, K6, K8, K9, K11) against a cohort's outcome summary.
 * Each term gives its own result with lines, totals and an explanation.
 *
 * @example
 * ```ts
 * const r = evaluateCohortTerms({
 *   terms: [{ type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" }],
 *   summary: { patients: 40, responders: 14, amount: { amount: "1000000", currency: "CNY" } },
 * });
 * r.results[0].totals.net.toString(); // "CNY 800000.00"
 * ```
 */
export function evaluateCohortTerms(input: EvaluateCohortTermsInput): CohortEvaluation {
  const parsed = parseInput(evaluateCohortTermsInputSchema, input, "evaluateCohortTerms");
  const results = parsed.terms.map((t, i) => settle(t, parsed.summary, i, parsed.rounding));
  return { results, explanation: results.flatMap((r) => r.explanation) };
}
