// The Medicare Secondary Payer amount (42 CFR 411.33): Medicare, when secondary, pays the
// lowest of three amounts for fee-schedule (or reasonable-charge) services and of four
// for services paid on another basis; nothing when the provider must accept, or accepts,
// the primary payment as payment in full (411.32(b)).
import * as z from "zod";
import { nonNegativeAmountSchema } from "../../../core/index.js";
import { toUnits } from "../../../money/minor-units.js";
import { maxU, minU, type SecondaryMethod } from "./method.js";
import { lazySchema } from "../../../kernel/lazy-schema.js";

/** One of the candidate amounts of 411.33, in minor units, with what it is. */
export interface MspAmount {
  readonly label: string;
  readonly value: bigint;
}

/** Figures of a fee-schedule (411.33(a)) service, in minor units. */
export interface MspFeeScheduleFigures {
  readonly basis: "feeSchedule";
  /** The actual charge, or the amount the supplier must accept as payment in full if less. */
  readonly charge: bigint;
  /** The Medicare fee schedule (or reasonable charge) amount, before Medicare's deductible and coinsurance. */
  readonly feeSchedule: bigint;
  /** The primary payer's allowable charge, before its deductible and coinsurance. */
  readonly primaryAllowed: bigint;
  /** What Medicare would pay were there no primary payer. */
  readonly medicareAlone: bigint;
}

/** Figures of a service paid on another basis (411.33(e)), in minor units. */
export interface MspOtherFigures {
  readonly basis: "other";
  /** The gross amount payable by Medicare, before its deductible and coinsurance and the primary payment. */
  readonly grossPayable: bigint;
  /** The applicable Medicare deductible and coinsurance amounts. */
  readonly deductibleAndCoinsurance: bigint;
  /** The provider's charges, or the amount it must accept as payment in full if less. */
  readonly charges: bigint;
}

/** The candidate amounts and the lowest of them (floored at 0). */
export function mspAmounts(fig: MspFeeScheduleFigures | MspOtherFigures, primaryPaid: bigint): { amounts: MspAmount[]; pay: bigint } {
  const amounts: MspAmount[] =
    fig.basis === "feeSchedule"
      ? [
          { label: "actual charge − primary payment", value: fig.charge - primaryPaid },
          { label: "what Medicare would pay with no primary payer", value: fig.medicareAlone },
          {
            label: `${fig.primaryAllowed > fig.feeSchedule ? "primary payer's allowable charge (higher than the Medicare fee schedule)" : "Medicare fee schedule (not lower than the primary's allowable charge)"} − primary payment`,
            value: maxU(fig.feeSchedule, fig.primaryAllowed) - primaryPaid,
          },
        ]
      : [
          { label: "Medicare gross amount payable − Medicare deductible and coinsurance", value: fig.grossPayable - fig.deductibleAndCoinsurance },
          { label: "Medicare gross amount payable − primary payment", value: fig.grossPayable - primaryPaid },
          { label: "provider's charges − primary payment", value: fig.charges - primaryPaid },
          { label: "provider's charges − Medicare deductible and coinsurance", value: fig.charges - fig.deductibleAndCoinsurance },
        ];
  let low = amounts[0]!.value;
  for (const a of amounts) low = minU(low, a.value);
  return { amounts, pay: maxU(0n, low) };
}

const schema = lazySchema(() => z.discriminatedUnion("basis", [
  z
    .strictObject({
      /** Medicare as the secondary payer (42 CFR 411.33). */
      kind: z.literal("medicareSecondaryPayer"),
      /** `feeSchedule` (lowest of three) or `other` (lowest of four). */
      basis: z.literal("feeSchedule"),
      /** The supplier's actual charge. */
      actualCharge: nonNegativeAmountSchema,
      /** The amount the supplier must accept as payment in full, when less than the charge. */
      paymentInFull: nonNegativeAmountSchema.optional(),
      /** The Medicare fee schedule amount for the service. */
      feeSchedule: nonNegativeAmountSchema,
      /** The primary payer's allowable charge. */
      primaryAllowed: nonNegativeAmountSchema,
      /** The provider must accept (or accepted) the primary payment as payment in full: Medicare pays nothing. */
      primaryPaymentInFull: z.boolean().optional(),
    })
    .strict(),
  z
    .strictObject({
      /** Medicare as the secondary payer (42 CFR 411.33). */
      kind: z.literal("medicareSecondaryPayer"),
      /** `feeSchedule` (lowest of three) or `other` (lowest of four). */
      basis: z.literal("other"),
      /** The gross amount payable by Medicare, before its deductible and coinsurance and the primary payment. */
      grossPayable: nonNegativeAmountSchema,
      /** Medicare's deductible and coinsurance on the service. */
      deductibleAndCoinsurance: nonNegativeAmountSchema,
      /** The provider's charges. */
      charges: nonNegativeAmountSchema,
      /** The amount the provider must accept as payment in full, when less than its charges. */
      paymentInFull: nonNegativeAmountSchema.optional(),
      /** The provider must accept the primary payment as payment in full: Medicare pays 0. */
      primaryPaymentInFull: z.boolean().optional(),
    })
    .strict(),
]));

/** Medicare as secondary payer (42 CFR 411.33); Medicare's normal benefit is amount (2) of a fee-schedule service. */
export const medicareSecondaryPayerMethod: SecondaryMethod<typeof schema> = {
  kind: "medicareSecondaryPayer",
  schema,
  pay(p, f) {
    const u = (d: Parameters<typeof toUnits>[0], k: string) => toUnits(d, f.scale, ["method", k]);
    if (p.primaryPaymentInFull === true) return { pay: 0n, text: "Medicare secondary payer: the provider accepts the primary payment as payment in full, so Medicare pays nothing (42 CFR 411.32(b))", inputs: {} };
    const pif = p.paymentInFull === undefined ? null : u(p.paymentInFull, "paymentInFull");
    const fig: MspFeeScheduleFigures | MspOtherFigures =
      p.basis === "feeSchedule"
        ? { basis: "feeSchedule", charge: pif === null ? u(p.actualCharge, "actualCharge") : minU(pif, u(p.actualCharge, "actualCharge")), feeSchedule: u(p.feeSchedule, "feeSchedule"), primaryAllowed: u(p.primaryAllowed, "primaryAllowed"), medicareAlone: f.normal }
        : { basis: "other", grossPayable: u(p.grossPayable, "grossPayable"), deductibleAndCoinsurance: u(p.deductibleAndCoinsurance, "deductibleAndCoinsurance"), charges: pif === null ? u(p.charges, "charges") : minU(pif, u(p.charges, "charges")) };
    const { amounts, pay } = mspAmounts(fig, f.paidBefore);
    return {
      pay,
      text: `Medicare secondary payer (42 CFR 411.33${p.basis === "feeSchedule" ? "(a)" : "(e)"}): the lowest of ${amounts.map((a) => `${a.label} = ${f.fmt(a.value)}`).join("; ")}${pay === 0n ? " (not below 0)" : ""}`,
      inputs: Object.fromEntries(amounts.map((a, i) => [`amount${i + 1}`, f.fmt(a.value)])),
    };
  },
};
