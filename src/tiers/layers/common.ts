// Pieces several layer kinds share: the common document fields, amounts in minor units,
// and "pays a rate of what is left after the deductible" with its sentence.
import * as z from "zod";
import { type IssuePath, nonNegativeAmountSchema } from "../../core/index.js";
import type { Dec } from "../../money/index.js";
import { pct, rateFraction, type ResolvedRate, resolveStratifiedRate, type StratifiedRate } from "../stratified-rate.js";
import { roundedProduct, toUnits } from "../../money/minor-units.js";
import { categoryFields } from "../categories.js";
import { limitFields } from "../limits.js";
import { variantFields } from "../variants.js";
import type { LayerClaimFacts, LayerPlanContext, LayerRuleDescription } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** Document fields every layer kind accepts. */
export const commonLayerFields = lazySchema(() => ({
  /** A stable identifier, unique in the plan (accumulators are keyed by it). Defaults to `<kind>-<position>`. */
  id: z.string().min(1).optional(),
  name: z.string().optional(),
  /** `remaining` (default): what the layers before left; `total`: the whole bill. */
  basis: z.enum(["remaining", "total"]).optional(),
  /** Which part of the bill the layer may pay: the catalogue-eligible part, the rest, or all. */
  covers: z.enum(["all", "catalogue", "outOfCatalogue"]).optional(),
  /** Annual cap on what the layer pays (封顶线). */
  cap: nonNegativeAmountSchema.optional(),
  ...limitFields,
  ...categoryFields,
  ...variantFields,
}));

/** Where stratified rates read the patient's attributes. */
export const PATIENT_PATH: IssuePath = ["patient"];

/** An optional amount in minor units (0 when absent). */
export function optionalUnits(amount: Dec | undefined, scale: number, path: IssuePath, what: string): bigint {
  return amount === undefined ? 0n : toUnits(amount, scale, path, what);
}

// The layer kinds word rates as the variants and the stratified rules do: one `pct`, kept beside the rules.
export { pct };

/** `rate × afterDeductible`, rounded once with the plan's rounding; a fixed rate skips the table walk (its rule entry answers at once). */
export function payAtRate(rule: StratifiedRate, afterDeductible: bigint, plan: LayerPlanContext, facts: LayerClaimFacts): bigint {
  const f = rateFraction(rule, facts.patient, PATIENT_PATH);
  return roundedProduct(afterDeductible, f.num, f.den, plan.rounding);
}

/** The description of a resolved rate: `75% (insuranceType = employee)`, with the table entries that chose it. */
export function describeRate(resolved: ResolvedRate, rule: string): LayerRuleDescription {
  return {
    rate: resolved.rate.toString(),
    rule,
    how: `${pct(resolved.rate)}${resolved.trail.length > 0 ? ` (${resolved.trail.join("; ")})` : ""}`,
    inputs: resolved.trail.length > 0 ? { rate: resolved.rate.toString(), chosenBy: [...resolved.trail] } : { rate: resolved.rate.toString() },
  };
}

/** {@link describeRate} for a stratified rule resolved against the claim's patient. */
export function describeStratified(rule: StratifiedRate, ruleId: string, facts: LayerClaimFacts): LayerRuleDescription {
  return describeRate(resolveStratifiedRate({ rule, patient: facts.patient, path: PATIENT_PATH }), ruleId);
}
