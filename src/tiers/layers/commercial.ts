// Commercial cover (惠民保, 特药险): a deductible, a rate and a sum insured; may cover
// drugs off the catalogue (`covers: "outOfCatalogue"`).
import * as z from "zod";
import { nonNegativeAmountSchema } from "../../core/index.js";
import { type StratifiedRate, stratifiedRateSchema } from "../stratified-rate.js";
import { toUnits } from "../../money/minor-units.js";
import { commonLayerFields, describeStratified, optionalUnits } from "./common.js";
import { defineLayerKind, type ParsedLayerCommon } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const schema = lazySchema(() => z.strictObject({
  /** Commercial cover (惠民保 / 特药险). */
  kind: z.literal("commercial"),
  ...commonLayerFields,
  /** Annual deductible (免赔额) in the plan's currency; none when absent. */
  deductible: nonNegativeAmountSchema.optional(),
  /** Coinsurance rate in [0, 1] (赔付比例), or a table by a patient attribute. */
  rate: stratifiedRateSchema,
  /** The policy's annual sum insured (an alias of `cap`; give one of them). */
  sumInsured: nonNegativeAmountSchema.optional(),
}));

/**
 * A parsed commercial layer (the sum insured is its cap).
 *
 * @category Coverage Layers
 */
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
