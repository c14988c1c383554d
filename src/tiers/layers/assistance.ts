// Medical assistance (医疗救助): a share of what remains for eligible groups (低保, 特困 …),
// the best matching group's rate, and/or a rate for everyone else.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import { userRecord } from "../../core/schemas.js";
import type { Dec } from "../../money/index.js";
import { rateFraction, type StratifiedRate, stratifiedRateSchema } from "../stratified-rate.js";
import { type Fraction, fractionOf, roundedProduct } from "../../money/minor-units.js";
import { commonLayerFields, describeRate, describeStratified, PATIENT_PATH } from "./common.js";
import { defineLayerKind, type LayerClaimFacts, type ParsedLayerCommon } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const schema = lazySchema(() => z.strictObject({
  /** Medical assistance (医疗救助). */
  kind: z.literal("assistance"),
  ...commonLayerFields,
  /** Share of what remains, per eligible group (低保 / 特困 …); the highest matching rate applies. */
  groupRates: userRecord(z.string().min(1), rateSchema).optional(),
  /** The share for patients in none of the groups (a rate or a stratified table); absent means they are not eligible. */
  rate: stratifiedRateSchema.optional(),
}));

/**
 * A parsed medical-assistance layer.
 *
 * @category Coverage Layers
 */
export interface AssistanceLayer extends ParsedLayerCommon {
  readonly kind: "assistance";
  readonly groupRates: ReadonlyMap<string, { readonly rate: Dec; readonly fraction: Fraction }>;
  readonly rate: StratifiedRate | null;
}

/** The patient's group with the highest rate in the layer (the first listed on a tie), or null. */
function bestGroup(layer: AssistanceLayer, facts: LayerClaimFacts): string | null {
  const groups = facts.patient?.groups;
  if (groups === undefined) return null;
  let best: string | null = null;
  let bestRate: Dec | null = null;
  for (const g of groups) {
    const r = layer.groupRates.get(g);
    if (r !== undefined && (bestRate === null || r.rate.greaterThan(bestRate))) {
      best = g;
      bestRate = r.rate;
    }
  }
  return best;
}

/** The `assistance` layer kind. */
export const assistanceLayer = defineLayerKind({
  kind: "assistance",
  names: { en: "Medical assistance", zh: "医疗救助" },
  schema,
  defaultCovers: "all",
  deductibleWord: "deductible",
  prepare: (doc, { common, at, issues }): AssistanceLayer => {
    const groupRates = new Map(Object.entries(doc.groupRates ?? {}).map(([g, r]) => [g, { rate: r, fraction: fractionOf(r) }] as const));
    if (groupRates.size === 0 && doc.rate === undefined) {
      issues.push({ path: [...at, "groupRates"], code: "invalid_layer", message: "an assistance layer needs group rates, a rate, or both" });
    }
    return { ...common, kind: "assistance", groupRates, rate: doc.rate ?? null };
  },
  pay: (layer, afterDeductible, _acc, plan, facts) => {
    const best = bestGroup(layer, facts);
    const f = best !== null ? layer.groupRates.get(best)!.fraction : layer.rate !== null ? rateFraction(layer.rate, facts.patient, PATIENT_PATH) : null;
    return f === null ? 0n : roundedProduct(afterDeductible, f.num, f.den, plan.rounding);
  },
  describe: (layer, _afterDeductible, _raw, _acc, _plan, facts) => {
    const best = bestGroup(layer, facts);
    if (best !== null) {
      const r = layer.groupRates.get(best)!;
      return describeRate({ rate: r.rate, fraction: r.fraction, trail: [`group ${best}`] }, "tiers.assistance.group");
    }
    if (layer.rate !== null) return describeStratified(layer.rate, "tiers.assistance.rate", facts);
    return {
      rate: "0",
      rule: "tiers.assistance.not-eligible",
      how: `0%: the patient is in none of the eligible groups (${[...layer.groupRates.keys()].join(", ")})`,
      inputs: { eligibleGroups: [...layer.groupRates.keys()], patientGroups: [...(facts.patient?.groups ?? [])] },
    };
  },
});
