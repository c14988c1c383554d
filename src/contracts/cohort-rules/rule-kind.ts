// What a cohort rule kind is, and what the rules share: the outcome summary they read
// and the small helpers that turn it into metrics. A cohort rule kind is one file under
// cohort-rules/ exporting its schema and how it settles (amounts and explanation steps
// together); cohort-rules/registry.ts assembles the schema of a cohort term.
import * as z from "zod";
import { DomainError, type Explanation, isoDateSchema, nonNegativeMoneySchema, rateSchema, type Step } from "../../core/index.js";
import { invalid } from "../../kernel/index.js";
import { type Dec, type Money, money, type Rounding } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { RESPONSE_CATEGORIES } from "../events.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const count = lazySchema(() => z.number().int().min(0));

/** The outcome metrics a cohort rule can test. */
export const metricSchema = lazySchema(() => z.enum(["orr", "pfsRate"]));

/**
 * A cohort's outcome summary for one settlement period. Rates may be given directly
 * (`orr`, `pfsRate`) or as counts (`responders` / `progressionFree` of `patients`).
 * `amount` is the money at stake in the period (spending, contracted amount).
 *
 * @category Cohort Rules
 */
export const cohortOutcomeSummarySchema = lazySchema(() => z.strictObject({
  /** Patients in the cohort in the period, ≥ 0 (the denominator of counted rates). */
  patients: count.optional(),
  /** Patients with an objective response, ≥ 0, at most `patients`; with `patients` gives the ORR when `orr` is absent. */
  responders: count.optional(),
  /** Patients progression-free, ≥ 0, at most `patients`; with `patients` gives the PFS rate when `pfsRate` is absent. */
  progressionFree: count.optional(),
  /** K11: patients without a response at evaluation, ≥ 0, at most `patients`. */
  nonResponders: count.optional(),
  /** Objective response rate (客观缓解率 ORR), a decimal share in [0, 1]; takes precedence over counts. */
  orr: rateSchema.optional(),
  /** Progression-free survival rate (无进展生存率), a decimal share in [0, 1]; takes precedence over counts. */
  pfsRate: rateSchema.optional(),
  /** K9: the ORR of the pivotal trial, a decimal share in [0, 1]. */
  trialOrr: rateSchema.optional(),
  /** K9: the ORR in real-world data (真实世界数据), a decimal share in [0, 1]. */
  realWorldOrr: rateSchema.optional(),
  /** K11: cycles each responder receives after the evaluation in the period, ≥ 0; absent means 0. */
  cyclesAfterEvaluation: count.optional(),
  /** The money at stake in the period (spending, contracted amount), ≥ 0, with its currency. */
  amount: nonNegativeMoneySchema.optional(),
  /** K9: the date the real-world result was recorded (a renegotiation is dated on it). */
  realWorldRecordedOn: isoDateSchema.optional(),
  /**
   * K8 (per patient): each patient's qualifying-test decision at the course start (the
   * `reason` of the care chapter's `checkTestGate`, or `"pass"`), the response recorded at
   * the assessment (null: not recorded yet) and the months treated in the period.
   */
  patientOutcomes: z
    .array(
      z.strictObject({
        /** The patient's identifier; unique in the summary. */
        id: z.string().min(1),
        /** The qualifying-test decision at course start: `pass`, or the reason it failed (NO_TEST, NOT_QUALIFYING, EXPIRED: the fund pays 0 for the course). */
        testGate: z.enum(["pass", "NO_TEST", "NOT_QUALIFYING", "EXPIRED"]),
        /** The response (CR, PR, SD, PD) recorded at the assessment; null when not recorded yet (those months are held). */
        responseAtAssessment: z.enum(RESPONSE_CATEGORIES).nullable(),
        /** Months treated in the period, 0–1200. */
        monthsTreated: z.number().int().min(0).max(1200),
      })
    )
    .optional(),
}));

/**
 * A cohort summary as the caller writes it.
 *
 * @category Cohort Rules
 */
export type CohortOutcomeSummaryInput = z.input<typeof cohortOutcomeSummarySchema>;
/**
 * A cohort summary after validation.
 *
 * @category Cohort Rules
 */
export type CohortOutcomeSummary = z.output<typeof cohortOutcomeSummarySchema>;

/** Fields every cohort rule has: an optional id and label. */
export const common = lazySchema(() => ({ id: z.string().min(1).optional(), label: z.string().min(1).optional() }));

/**
 * One money line of a cohort settlement.
 *
 * @category Cohort Rules
 */
export interface CohortLine {
  readonly kind: "payment" | "deduction" | "refund" | "reward" | "patientShare" | "selfPay" | "held" | "price";
  readonly label: string;
  readonly amount: Money;
}

/**
 * What a cohort rule's settlement gives, before the evaluator adds the term's id and type.
 *
 * @category Cohort Rules
 */
export interface CohortRuleSettlement {
  readonly currency: string;
  /** The outcome metric used, as an exact decimal string, or null. */
  readonly metric: { readonly name: string; readonly value: string } | null;
  /** The decision in a few words: "target met", "band [0.6, 0.8) → 0.7", "price cut by 0.15"… */
  readonly decision: string;
  /** K8: whether coverage continues. */
  readonly continued?: boolean;
  /** K9: the listed price (with a superiority uplift, if any; a renegotiation trigger does not change it). */
  readonly adjustedPrice?: Money;
  /** K9: whether the real-world shortfall triggered a renegotiation, when, and the figures. */
  readonly renegotiation?: { readonly triggered: boolean; readonly date: string | null; readonly gap: string; readonly trialOrr: string; readonly realWorldOrr: string; readonly threshold: string };
  /** K9: the price, reimbursement ratio and fund share in effect on each service date asked for. */
  readonly onServiceDates?: readonly { readonly date: string; readonly price: Money; readonly ratio: string | null; readonly fund: Money | null }[];
  /** K8: each patient's result under the per-patient continuation rule. */
  readonly patients?: readonly {
    readonly id: string;
    /** continues / exits after the assessment; held until it is recorded; rejected by the test gate. */
    readonly status: "continues" | "exits" | "held" | "NO_TEST" | "NOT_QUALIFYING" | "EXPIRED";
    readonly fund: Money;
    readonly patient: Money;
    readonly selfPay: Money;
    readonly held: Money;
    readonly reward: Money;
  }[];
  readonly lines: readonly CohortLine[];
  /** gross: paid or payable before deductions/refunds; refunded: deductions and refunds (positive); net = gross − refunded. */
  readonly totals: { readonly gross: Money; readonly refunded: Money; readonly net: Money };
  readonly explanation: Explanation;
}

/**
 * A cohort rule kind: its discriminator, schema, and settlement (money and words together).
 *
 * @category Cohort Rules
 */
export interface CohortRuleKind<Type extends string, S extends z.ZodType> {
  readonly type: Type;
  readonly schema: S;
  /** Settles the rule against the summary; explanation steps are pushed onto `steps`, which the result carries. */
  settle(term: z.output<S>, summary: CohortOutcomeSummary, rounding: Rounding, steps: Step[]): CohortRuleSettlement;
}

function ratio(numerator: number, denominator: number, path: string): Dec {
  if (denominator === 0) throw new DomainError("UNDEFINED_RESULT", `a rate over 0 patients is undefined`, { path: ["summary", "patients"] });
  if (numerator > denominator) {
    throw new DomainError("INCONSISTENT_INPUT", `${path} (${numerator}) exceeds patients (${denominator})`, { path: ["summary", path] });
  }
  return new D(numerator).dividedBy(denominator);
}

/** The metric's value: given directly, or counted from the summary. */
export function metricOf(name: "orr" | "pfsRate", s: CohortOutcomeSummary): Dec {
  if (name === "orr") {
    if (s.orr !== undefined) return s.orr;
    if (s.responders !== undefined && s.patients !== undefined) return ratio(s.responders, s.patients, "responders");
    throw invalid(["summary", "responders"], "the ORR needs `orr` or `responders` and `patients`", "missing_metric");
  }
  if (s.pfsRate !== undefined) return s.pfsRate;
  if (s.progressionFree !== undefined && s.patients !== undefined) return ratio(s.progressionFree, s.patients, "progressionFree");
  throw invalid(["summary", "pfsRate"], "the PFS rate needs `pfsRate` or `progressionFree` and `patients`", "missing_metric");
}

/** A summary field the rule needs; missing is a typed error naming it. */
export function need<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw invalid(["summary", field], `this term needs summary.${field}`, "missing_field");
  return value;
}

/** "33.3333%" (at most four decimals of a percent). */
export const pct = (d: Dec): string => `${d.times(100).toDecimalPlaces(4).toString()}%`;

/** Money in explanations: the currency's formatting ("CNY 3,000,000.00"), never raw digits. */
export { formatMoney as words } from "../../money/index.js";

/** gross, refunded and net = gross − refunded. */
export function totals(gross: Money, refunded: Money): { gross: Money; refunded: Money; net: Money } {
  return { gross, refunded, net: money(gross.amount.minus(refunded.amount), gross.currency) };
}
