import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import { decimalSchema, nonNegativeAmountSchema, parseInput, roundingSchema, step, type Step } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { kindSchemas } from "../kernel/kind-registry.js";
import { money, round, type Dec, type Money, formatMoney } from "../money/index.js";
import { budgetCurrencySchema, cash, text } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";
import { capitationAdjustmentSchema } from "./capitation/adjustments.js";
import { applyTarget, CAPITATION_TARGET_KINDS } from "./capitation/targets/index.js";

export { capitationAdjustmentSchema } from "./capitation/adjustments.js";

/**
 * A capitation adjustment as stored (JSON).
 *
 * @category Capitation
 */
export type CapitationAdjustment = z.input<typeof capitationAdjustmentSchema>;

/**
 * A performance target of a capitation programme. Metrics are oriented so that higher is
 * better (a control rate, a reduction in hospitalisation).
 * - `banded`: a banded table over one metric whose values are adjustments (P2, P3).
 * - `all-of`: `met` when every metric reaches its `min`, else `notMet` (P1).
 * - `proportional`: pay achieved ÷ target of the amount, at most 1 + `maxBonus` (P4, corrections C6):
 *   the bonus grows with the excess as the deduction does with the shortfall, and stops at `maxBonus`.
 *
 * @category Capitation
 */
export const capitationTargetSchema = lazySchema(() => z.discriminatedUnion("kind", kindSchemas(CAPITATION_TARGET_KINDS)));

/**
 * A capitation performance target as stored (JSON).
 *
 * @category Capitation
 */
export type CapitationTarget = z.input<typeof capitationTargetSchema>;

/**
 * Input of {@link capitationPayment}: a base per enrollee, measured metrics, and targets.
 *
 * @category Capitation
 */
export const capitationPaymentInputSchema = lazySchema(() => z.strictObject({
  /** ISO 4217 code of the amounts (stated, never defaulted). */
  currency: budgetCurrencySchema,
  /** Base amount per enrollee for the period (or the whole amount, for P4-style programmes). */
  baseAmount: nonNegativeAmountSchema,
  /** Measured outcomes by name, e.g. `{ hba1cControl: 0.62, hospitalisationReduction: 0.25 }`. */
  metrics: userRecord(z.string(), decimalSchema),
  /** The performance targets, applied in order; none by default. */
  targets: z.array(capitationTargetSchema).default([]),
  /** How the payment is rounded (once); half-up by default. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * A capitation payment with its performance adjustments.
 *
 * @category Capitation
 */
export interface CapitationPayment {
  readonly baseAmount: Money;
  /** Each target's outcome: its fixed adjustment, or its proportional factor. */
  readonly adjustments: readonly { readonly target: string; readonly adjustment: Money | null; readonly factor: string | null }[];
  /** The amount paid, rounded once, never below zero. */
  readonly payment: Money;
  readonly explanation: readonly Step[];
}

type Parsed = z.output<typeof capitationPaymentInputSchema>;

function metricValue(p: Parsed, metric: string, path: (string | number)[]): Dec {
  // own keys only: a metric named "__proto__" or "constructor" must not find Object.prototype's members
  const v = Object.hasOwn(p.metrics, metric) ? p.metrics[metric] : undefined;
  if (v === undefined) throw invalid(path, `the metric "${metric}" is not among the measured metrics`, "missing_metric");
  return v;
}

function computeCapitation(p: Parsed): CapitationPayment {
  const c = p.currency;
  const base = cash(p.baseAmount, c);
  const steps: Step[] = [step("budget.capitation.base", `The base capitation amount is ${formatMoney(base)}.`, {}, base)];
  const adjustments: { target: string; adjustment: Money | null; factor: string | null }[] = [];
  let fixed = p.baseAmount;
  const factors: Dec[] = [];
  p.targets.forEach((t, i) => {
    const name = t.name ?? `target ${i + 1}`;
    const out = applyTarget(t, { name, base: p.baseAmount, currency: c, metric: (m) => metricValue(p, m, ["metrics", m]) });
    if ("adjustment" in out) {
      fixed = fixed.plus(out.adjustment);
      adjustments.push({ target: name, adjustment: cash(out.adjustment, c), factor: null });
    } else {
      factors.push(out.factor);
      adjustments.push({ target: name, adjustment: null, factor: text(out.factor) });
    }
    steps.push(out.step);
  });
  let exact = fixed;
  for (const f of factors) exact = exact.times(f);
  let payment = round(money(exact, c), p.rounding);
  if (payment.amount.isNegative()) {
    steps.push(step("budget.capitation.floor", "Adjustments exceed the base; the payment is floored at zero.", { beforeFloor: money(exact, c) }));
    payment = money(0, c);
  }
  steps.push(step("budget.capitation.payment", "The capitation payment after performance adjustments, rounded once.", { rounding: p.rounding }, payment));
  return { baseAmount: base, adjustments, payment, explanation: steps };
}

/**
 * The input of {@link capitationPayment} as stored (JSON): what {@link capitationPaymentInputSchema} parses.
 *
 * @category Capitation
 */
export type CapitationPaymentInput = z.input<typeof capitationPaymentInputSchema>;

/**
 * A capitation payment (按人头付费) adjusted by performance targets (P1–P4): banded
 * tables over one metric, all-of conditions, and proportional outcome payment. Fixed
 * adjustments are added to the base, proportional factors then scale the result, and
 * the payment is rounded once and never negative.
 *
 * @category Capitation
 * @param input - the currency, the base amount, the measured metrics by name, the performance targets and rounding.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, an adjustment gives both or neither of rate and amount, or a target's metric was not measured (`missing_metric`, path `metrics.<name>`)
 * @throws {DomainError} OUT_OF_DOMAIN when a metric is outside a banded table's domain (path `metrics.<name>`)
 *
 * @example
 * ```ts
 * capitationPayment({ currency: "CNY",
 *   baseAmount: "3000", metrics: { bpControl: 0.72 },
 *   targets: [{ kind: "banded", metric: "bpControl", table: { domain: { min: 0, max: 1 }, bands: [
 *     { from: 0, to: 0.6, value: { amount: "-300" } },
 *     { from: 0.6, to: 0.7, value: { amount: "0" } },
 *     { from: 0.7, to: 1, value: { amount: "500" } }] } }],
 * }).payment; // CNY 3500.00
 * ```
 */
export function capitationPayment(input: CapitationPaymentInput): CapitationPayment {
  return computeCapitation(parseInput(capitationPaymentInputSchema, input, "capitationPayment"));
}

/**
 * Input of {@link capitationPanelPayment}: a programme measured at panel level, and the panel size.
 *
 * @category Capitation
 */
export const capitationPanelPaymentInputSchema = lazySchema(() => capitationPaymentInputSchema.extend({
  /** Number of enrollees in the panel (a whole number ≥ 0). */
  enrollees: z.number().int().min(0),
}));

/**
 * A panel's capitation: the per-enrollee payment times the number of enrollees.
 *
 * @category Capitation
 */
export interface CapitationPanelPayment {
  readonly enrollees: number;
  readonly perEnrollee: CapitationPayment;
  readonly total: Money;
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link capitationPanelPayment} as stored (JSON): what {@link capitationPanelPaymentInputSchema} parses.
 *
 * @category Capitation
 */
export type CapitationPanelPaymentInput = z.input<typeof capitationPanelPaymentInputSchema>;

/**
 * Capitation for a panel whose performance is measured at panel level: the
 * per-enrollee payment (rounded once) times the number of enrollees, exactly.
 *
 * @category Capitation
 * @param input - as for {@link capitationPayment}, plus the number of `enrollees`.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown, as for {@link capitationPayment}, or `enrollees` is not a whole number ≥ 0 (path named)
 * @throws {DomainError} OUT_OF_DOMAIN as for {@link capitationPayment}
 *
 * @example
 * ```ts
 * capitationPanelPayment({ currency: "CNY", enrollees: 1000, baseAmount: "3000", metrics: {}, targets: [] }).total; // CNY 3000000.00
 * ```
 */
export function capitationPanelPayment(input: CapitationPanelPaymentInput): CapitationPanelPayment {
  const p = parseInput(capitationPanelPaymentInputSchema, input, "capitationPanelPayment");
  const per = computeCapitation(p);
  const total = money(per.payment.amount.times(p.enrollees), p.currency);
  return {
    enrollees: p.enrollees,
    perEnrollee: per,
    total,
    explanation: [
      ...per.explanation,
      step("budget.capitation.panel", `${p.enrollees} enrollees × ${formatMoney(per.payment)} per enrollee.`, { enrollees: p.enrollees, perEnrollee: per.payment }, total),
    ],
  };
}
