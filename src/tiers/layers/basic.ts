// Basic medical insurance (基本医保): catalogue items by default, an annual deductible
// (起付线), a coinsurance rate that may be a table by insurance type / hospital level.
import * as z from "zod";
import { nonNegativeAmountSchema } from "../../core/index.js";
import { type StratifiedRate, stratifiedRateSchema } from "../stratified-rate.js";
import { commonLayerFields, describeStratified, optionalUnits } from "./common.js";
import { defineLayerKind, type ParsedLayerCommon } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const schema = lazySchema(() => z.strictObject({
  /** Basic medical insurance (基本医保). */
  kind: z.literal("basic"),
  ...commonLayerFields,
  /** Annual deductible (起付线). */
  deductible: nonNegativeAmountSchema.optional(),
  /** Coinsurance rate, or a table by insurance type / hospital level. */
  rate: stratifiedRateSchema,
}));

/**
 * A parsed basic-insurance layer.
 *
 * @category Coverage Layers
 */
export interface BasicLayer extends ParsedLayerCommon {
  readonly kind: "basic";
  readonly rate: StratifiedRate;
}

/** The `basic` layer kind. */
export const basicLayer = defineLayerKind({
  kind: "basic",
  names: { en: "Basic medical insurance", zh: "基本医保" },
  schema,
  defaultCovers: "catalogue",
  deductibleWord: "deductible",
  prepare: (doc, { common, scale, at }): BasicLayer => ({
    ...common,
    kind: "basic",
    deductible: optionalUnits(doc.deductible, scale, [...at, "deductible"], "the deductible"),
    rate: doc.rate,
  }),
  rate: (layer) => layer.rate,
  describe: (layer, _afterDeductible, _raw, _acc, _plan, facts) => describeStratified(layer.rate, "tiers.basic.coinsurance", facts),
});
