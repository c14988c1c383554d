// The Medicare Secondary Payer amount as a calculator of its own (42 CFR 411.33).
import * as z from "zod";
import { currencyCodeSchema, type Explanation, nonNegativeAmountSchema, parseInput, rateSchema, roundingSchema, step } from "../../core/index.js";
import { invalid } from "../../kernel/index.js";
import { formatMoney, fractionOf, type Money } from "../../money/index.js";
import { roundedProduct, scaleOf, toUnits } from "../../money/minor-units.js";
import { unitsMoney } from "../../money/money-units.js";
import { type MspAmount, mspAmounts, type MspFeeScheduleFigures, type MspOtherFigures } from "./methods/medicare-secondary-payer.js";
import { kebab } from "../rule-ids.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const a = nonNegativeAmountSchema;

/**
 * The zod schema of {@link medicareSecondaryPayment}'s input.
 *
 * @category Coordination of Benefits
 */
export const medicareSecondaryPaymentInputSchema = lazySchema(() => z
  .strictObject({
    /** The currency of every amount in the input (ISO 4217 code, e.g. `CNY`, `USD`); always stated. */
    currency: currencyCodeSchema,
    /** How amounts are rounded to the minor unit (`half-up` when absent). */
    rounding: roundingSchema.optional(),
    /** What the primary payer paid. */
    primaryPaid: a,
    /** The provider must accept (or accepted) the primary payment as payment in full (42 CFR 411.32(b)): Medicare pays 0. */
    primaryPaymentInFull: z.boolean().optional(),
    /** How Medicare pays the service: `feeSchedule` (411.33(a), lowest of three) or `other` (411.33(e), lowest of four). */
    service: z.discriminatedUnion("basis", [
      z
        .strictObject({
          /** Paid on the Medicare fee schedule or a reasonable charge: 411.33(a), lowest of three. */
          basis: z.literal("feeSchedule"),
          /** The provider's actual charge for the service. */
          actualCharge: a,
          /** The amount the supplier must accept as payment in full, when less than the charge. */
          paymentInFull: a.optional(),
          /** The Medicare fee schedule amount, before Medicare's deductible and coinsurance. */
          feeSchedule: a,
          /** The primary payer's allowable charge, before its deductible and coinsurance. */
          primaryAllowed: a,
          /** What Medicare would pay as the only payer; or give medicareRate (and deductibleRemaining). */
          medicareWouldPay: a.optional(),
          /** Medicare's share of the fee schedule (Part B: 0.8). */
          medicareRate: rateSchema.optional(),
          /** Medicare deductible still unmet (with medicareRate); 0 when absent. */
          deductibleRemaining: a.optional(),
        })
        .strict(),
      z
        .strictObject({
          /** Paid on another basis (e.g. a prospective payment): 411.33(e), lowest of four. */
          basis: z.literal("other"),
          /** The gross amount payable by Medicare, before its deductible and coinsurance and the primary payment. */
          grossPayable: a,
          /** Medicare's deductible and coinsurance on the service. */
          deductibleAndCoinsurance: a,
          /** The provider's charges. */
          charges: a,
          /** The amount the provider must accept as payment in full, when less than its charges. */
          paymentInFull: a.optional(),
        })
        .strict(),
    ]),
  })
  .strict());

/**
 * Result of {@link medicareSecondaryPayment}.
 *
 * @category Coordination of Benefits
 */
export interface MedicareSecondaryPaymentResult {
  /** The candidate amounts of the regulation, in its order. */
  readonly amounts: readonly { readonly label: string; readonly amount: Money }[];
  /** What Medicare pays as secondary payer: the lowest amount, not below 0. */
  readonly medicarePays: Money;
  readonly explanation: Explanation;
}

/**
 * What Medicare pays as secondary payer (42 CFR 411.33): for a fee-schedule service the
 * lowest of (1) the actual charge minus the primary payment, (2) what Medicare would pay
 * as the only payer, (3) the higher of the Medicare fee schedule and the primary's
 * allowable charge, minus the primary payment; for other services the lowest of four
 * amounts; nothing when the primary payment is accepted as payment in full.
 *
 * @param input - The charge, the primary's allowed and paid amounts, and Medicare's own amounts.
 * @throws {ValidationError} when the input does not match `medicareSecondaryPaymentInputSchema` (the field path is named).
 * @example
 * ```ts
 * medicareSecondaryPayment({
 *   currency: "USD",
 *   primaryPaid: "120",
 *   service: { basis: "feeSchedule", actualCharge: "175", primaryAllowed: "150", feeSchedule: "125", medicareRate: 0.8 },
 * }).medicarePays; // USD 30.00 — the lowest of 55, 100 and 30
 * ```
 * @category Coordination of Benefits
 */
export function medicareSecondaryPayment(input: z.input<typeof medicareSecondaryPaymentInputSchema>): MedicareSecondaryPaymentResult {
  const x = parseInput(medicareSecondaryPaymentInputSchema, input, "medicareSecondaryPayment");
  const scale = scaleOf(x.currency);
  const m = (u: bigint) => unitsMoney(u, scale, x.currency);
  const s = x.service;
  const u = (d: Parameters<typeof toUnits>[0], k: string) => toUnits(d, scale, ["service", k]);
  const primaryPaid = toUnits(x.primaryPaid, scale, ["primaryPaid"]);
  let fig: MspFeeScheduleFigures | MspOtherFigures;
  if (s.basis === "feeSchedule") {
    let alone: bigint;
    if (s.medicareWouldPay !== undefined) {
      if (s.medicareRate !== undefined || s.deductibleRemaining !== undefined) throw invalid(["service", "medicareRate"], "give medicareWouldPay, or medicareRate (with deductibleRemaining), not both", "ambiguous_amount");
      alone = u(s.medicareWouldPay, "medicareWouldPay");
    } else {
      if (s.medicareRate === undefined) throw invalid(["service", "medicareWouldPay"], "give what Medicare would pay as the only payer (medicareWouldPay), or its rate (medicareRate)", "missing_amount");
      const fee = u(s.feeSchedule, "feeSchedule");
      const ded = s.deductibleRemaining === undefined ? 0n : u(s.deductibleRemaining, "deductibleRemaining");
      const r = fractionOf(s.medicareRate);
      alone = roundedProduct(fee > ded ? fee - ded : 0n, r.num, r.den, x.rounding ?? "half-up");
    }
    const charge = u(s.actualCharge, "actualCharge");
    const pif = s.paymentInFull === undefined ? charge : u(s.paymentInFull, "paymentInFull");
    fig = { basis: "feeSchedule", charge: pif < charge ? pif : charge, feeSchedule: u(s.feeSchedule, "feeSchedule"), primaryAllowed: u(s.primaryAllowed, "primaryAllowed"), medicareAlone: alone };
  } else {
    const charges = u(s.charges, "charges");
    const pif = s.paymentInFull === undefined ? charges : u(s.paymentInFull, "paymentInFull");
    fig = { basis: "other", grossPayable: u(s.grossPayable, "grossPayable"), deductibleAndCoinsurance: u(s.deductibleAndCoinsurance, "deductibleAndCoinsurance"), charges: pif < charges ? pif : charges };
  }
  const rule = s.basis === "feeSchedule" ? "42 CFR 411.33(a)" : "42 CFR 411.33(e)";
  if (x.primaryPaymentInFull === true) {
    const zero = m(0n);
    return {
      amounts: [],
      medicarePays: zero,
      explanation: [step("tiers.coordination.msp.payment-in-full", "The provider accepts the primary payment as payment in full, so Medicare makes no secondary payment (42 CFR 411.32(b)).", { primaryPaid: m(primaryPaid) }, zero)],
    };
  }
  const { amounts, pay } = mspAmounts(fig, primaryPaid);
  const shown = amounts.map((c: MspAmount) => ({ label: c.label, amount: m(c.value) }));
  const out = m(pay);
  return {
    amounts: shown,
    medicarePays: out,
    explanation: [
      step(
        `tiers.coordination.msp.${kebab(s.basis)}`,
        `Medicare as secondary payer (${rule}) pays the lowest of: ${amounts.map((c, i) => `(${i + 1}) ${c.label} = ${formatMoney(m(c.value))}`).join("; ")}: ${formatMoney(out)}${pay === 0n && amounts.some((c) => c.value < 0n) ? " (not below 0)" : ""}.`,
        { primaryPaid: m(primaryPaid), ...Object.fromEntries(shown.map((c, i) => [`amount${i + 1}`, c.amount])) },
        out,
      ),
    ],
  };
}
