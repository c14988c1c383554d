// Maintenance of benefits: the secondary applies its own coinsurance to what the plans
// ahead left after its own remaining deductible (tiers.md §1):
// coinsurance × (allowable − paid before − remaining deductible), floored at 0.
import * as z from "zod";
import { rateSchema } from "../../../core/index.js";
import { fractionOf } from "../../../money/index.js";
import { roundedProduct } from "../../../money/minor-units.js";
import { maxU, type SecondaryMethod } from "./method.js";
import { lazySchema } from "../../../kernel/lazy-schema.js";

const schema = lazySchema(() => z
  .strictObject({
    /** Maintenance of benefits: the secondary pays its coinsurance of what remains after the primary, within its normal benefit. */
    kind: z.literal("maintenanceOfBenefits"),
    /** The secondary's coinsurance rate (the share it pays). */
    coinsurance: rateSchema,
  })
  .strict());

/** Maintenance of benefits: coinsurance × (allowable − paid before − remaining deductible), not below 0. */
export const maintenanceOfBenefitsMethod: SecondaryMethod<typeof schema> = {
  kind: "maintenanceOfBenefits",
  schema,
  pay(p, f) {
    const base = maxU(0n, f.allowable - f.paidBefore - f.deductibleAlone);
    const r = fractionOf(p.coinsurance);
    const raw = roundedProduct(base, r.num, r.den, f.rounding);
    return {
      pay: raw,
      text: `Maintenance of benefits: ${p.coinsurance.times(100).toString()}% of (${f.fmt(f.allowable)} − ${f.fmt(f.paidBefore)} paid before − remaining deductible ${f.fmt(f.deductibleAlone)}), not below 0`,
      inputs: { coinsurance: p.coinsurance.toString() },
    };
  },
};
