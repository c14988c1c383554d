// Commercial cover (惠民保, 特药险): a deductible, a rate and a sum insured; may cover
// drugs off the catalogue (`covers: "outOfCatalogue"`).
import * as z from "zod";
import { nonNegativeAmountSchema } from "../../core/index.js";
import { type StratifiedRate, stratifiedRateSchema } from "../stratified-rate.js";
import { toUnits } from "../units.js";
import { commonLayerFields, describeStratified, optionalUnits } from "./common.js";
import { defineLayerKind, type ParsedLayerCommon } from "./kind.js";

const schema = z.strictObject({
  kind: z.literal("commercial"),
  ...commonLayerFields,
  deductible: nonNegativeAmountSchema.optional(),
  rate: stratifiedRateSchema,
  /** The policy's annual sum insured (an alias of `cap`; give one of them). */
  sumInsured: nonNegativeAmountSchema.optional(),
});

/** A parsed commercial layer (the sum insured is its cap). */
export interface CommercialLayer extends ParsedLayerCommon {
  readonly kind: "commercial";
  readonly rate: StratifiedRate;
}

/** The `commercial` layer kind. */
export const commercialLayer = defineLayerKind({
  kind: "commercial",
  names: { en: "Commercial cover", zh: "惠民保 / 特药险" },
  schema,
  defaultCovers: "all",
  deductibleWord: "deductible",
  prepare: (doc, { common, scale, at, issues }): CommercialLayer => {
    if (doc.cap !== undefined && doc.sumInsured !== undefined) {
      issues.push({ path: [...at, "sumInsured"], code: "conflict", message: "give the sum insured or the cap, not both" });
    }
    const cap = doc.sumInsured !== undefined ? toUnits(doc.sumInsured, scale, [...at, "sumInsured"], "the sum insured") : common.cap;
    return { ...common, cap, kind: "commercial", deductible: optionalUnits(doc.deductible, scale, [...at, "deductible"], "the deductible"), rate: doc.rate };
  },
  rate: (layer) => layer.rate,
  describe: (layer, _afterDeductible, _raw, _acc, _plan, facts) => describeStratified(layer.rate, "tiers.commercial.coinsurance", facts),
});
