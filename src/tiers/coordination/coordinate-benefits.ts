// Coordination of benefits between two insurers: the primary pays its normal benefit,
// the secondary pays by one of three formulas on what the primary left.
import * as z from "zod";
import { currencyCodeSchema, DomainError, type Explanation, nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step } from "../../core/index.js";
import { invalid } from "../../kernel/index.js";
import { formatMoney, type Money, money, round } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { kebab } from "../rule-ids.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of {@link coordinateBenefits}' input.
 *
 * @category Coordination of Benefits
 */
export const coordinateBenefitsInputSchema = lazySchema(() => z
  .strictObject({
    /** The allowed amount of the claim. */
    allowed: nonNegativeAmountSchema,
    /** What the primary insurer paid. */
    primaryPaid: nonNegativeAmountSchema,
    /** What the secondary would pay were it the only insurer. */
    secondaryNormalBenefit: nonNegativeAmountSchema,
    /** `standard`: min(normal, allowed − primary); `nonDuplication` (carve-out): max(0, normal − primary); `maintenanceOfBenefits`: coinsurance × (allowed − primary − remaining deductible), floored at 0. */
    method: z.enum(["standard", "nonDuplication", "maintenanceOfBenefits"]),
    /** The secondary's coinsurance rate; required by maintenance of benefits. */
    coinsurance: rateSchema.optional(),
    /** The secondary's deductible still unmet; maintenance of benefits only. */
    remainingDeductible: nonNegativeAmountSchema.optional(),
    /** The currency of every amount in the input (ISO 4217 code, e.g. `CNY`, `USD`); always stated. */
    currency: currencyCodeSchema,
    /** How amounts are rounded to the minor unit (`half-up` when absent). */
    rounding: roundingSchema.optional(),
  })
  .strict());

/**
 * Result of {@link coordinateBenefits}.
 *
 * @category Coordination of Benefits
 */
export interface CoordinateBenefitsResult {
  readonly method: "standard" | "nonDuplication" | "maintenanceOfBenefits";
  readonly allowed: Money;
  readonly primaryPaid: Money;
  /** What the secondary pays. */
  readonly secondaryPays: Money;
  /** What is left to the patient: allowed − primary − secondary. */
  readonly patient: Money;
  readonly explanation: Explanation;
}

/**
 * What a secondary insurer pays after the primary, by the method the policies name.
 * The payment is always within [0, allowed − primary paid].
 *
 * @param input - Allowed amount, the primary's payment, the secondary's normal benefit and its method.
 * @throws {ValidationError} when the input does not match `coordinateBenefitsInputSchema`, or the method lacks an amount it needs (the field path is named).
 * @throws {DomainError} INCONSISTENT_INPUT when the primary paid more than the allowed amount.
 * @example
 * ```ts
 * coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 700, method: "standard" }).secondaryPays; // CNY 200.00
 * coordinateBenefits({ currency: "CNY", allowed: 1000, primaryPaid: 800, secondaryNormalBenefit: 900, method: "nonDuplication" }).secondaryPays; // CNY 100.00
 * ```
 * @category Coordination of Benefits
 */
export function coordinateBenefits(input: z.input<typeof coordinateBenefitsInputSchema>): CoordinateBenefitsResult {
  const x = parseInput(coordinateBenefitsInputSchema, input, "coordinateBenefits");
  const currency = x.currency;
  const allowed = money(x.allowed, currency);
  const primary = money(x.primaryPaid, currency);
  const normal = money(x.secondaryNormalBenefit, currency);
  if (x.primaryPaid.greaterThan(x.allowed)) {
    throw new DomainError("INCONSISTENT_INPUT", `the primary paid ${formatMoney(primary)}, more than the allowed ${formatMoney(allowed)}`, { path: ["primaryPaid"] });
  }
  const left = x.allowed.minus(x.primaryPaid);
  let pays;
  let text: string;
  const f = (d: InstanceType<typeof D>): string => formatMoney(money(d, currency));
  if (x.method === "standard") {
    pays = D.min(x.secondaryNormalBenefit, left);
    text = `Standard coordination: the secondary pays the smaller of its normal benefit ${f(x.secondaryNormalBenefit)} and what the primary left, ${f(x.allowed)} − ${f(x.primaryPaid)} = ${f(left)}`;
  } else if (x.method === "nonDuplication") {
    pays = D.max(0, x.secondaryNormalBenefit.minus(x.primaryPaid));
    text = `Non-duplication (carve-out): the secondary pays its normal benefit ${f(x.secondaryNormalBenefit)} less what the primary paid, ${f(x.primaryPaid)}, floored at 0`;
  } else {
    if (x.coinsurance === undefined) throw invalid(["coinsurance"], "maintenance of benefits needs the secondary's coinsurance rate", "missing_coinsurance");
    const ded = x.remainingDeductible ?? new D(0);
    pays = D.max(0, left.minus(ded)).times(x.coinsurance);
    text = `Maintenance of benefits: the secondary pays ${x.coinsurance.times(100).toString()}% of (${f(x.allowed)} − ${f(x.primaryPaid)} − remaining deductible ${f(ded)}), floored at 0`;
  }
  const capped = D.min(pays, left);
  const secondaryPays = round(money(capped, currency), x.rounding ?? "half-up");
  const patient = money(left.minus(secondaryPays.amount), currency);
  text += `: ${formatMoney(secondaryPays)}.`;
  return {
    method: x.method,
    allowed,
    primaryPaid: primary,
    secondaryPays,
    patient,
    explanation: [
      step(`tiers.coordination.${kebab(x.method)}`, text, { allowed, primaryPaid: primary, secondaryNormalBenefit: normal, method: x.method, ...(x.coinsurance ? { coinsurance: x.coinsurance.toString() } : {}) }, secondaryPays),
      step("tiers.coordination.patient", `The patient is left with ${formatMoney(allowed)} − ${formatMoney(primary)} − ${formatMoney(secondaryPays)} = ${formatMoney(patient)}.`, {}, patient),
    ],
  };
}
