// Manufacturer patient assistance (患者援助项目, PAP): a price discount, buy N get M
// free (needs the claim's units), or the drug free after X paid cycles (needs the cycle).
import * as z from "zod";
import { rateSchema, ValidationError } from "../../core/index.js";
import type { Dec } from "../../money/index.js";
import { buyGetSplit } from "../buy-get.js";
import { fixedRate } from "../stratified-rate.js";
import { type Fraction, fractionOf, roundedProduct } from "../../money/minor-units.js";
import { commonLayerFields, describeRate } from "./common.js";
import { defineLayerKind, type LayerClaimFacts, type ParsedLayerCommon } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const programSchema = lazySchema(() => z.discriminatedUnion("type", [
  z.strictObject({
    /** A price discount. */
    type: z.literal("discount"),
    /** The discount as a share of the price, in [0, 1]. */
    rate: rateSchema,
  }),
  z.strictObject({
    /** Buy N, get M free (买 N 赠 M): needs the claim's `units`. */
    type: z.literal("buyGet"),
    /** Units paid for in each cycle of the offer (买 N), ≥ 1. */
    buy: z.number().int().min(1),
    /** Units given free in each complete cycle (赠 M), ≥ 1. */
    get: z.number().int().min(1),
  }),
  z.strictObject({
    /** The drug free after a number of paid treatment cycles: needs the claim's `cycle`. */
    type: z.literal("freeAfterCycles"),
    /** Treatment cycles the patient pays before the drug is free, ≥ 0. */
    paidCycles: z.number().int().min(0),
  }),
]));

const schema = lazySchema(() => z.strictObject({
  /** Manufacturer patient assistance (患者援助项目, PAP). */
  kind: z.literal("manufacturer"),
  ...commonLayerFields,
  /** Price discount, buy-N-get-M free, or free drug after X paid cycles. */
  program: programSchema,
}));

/**
 * The manufacturer programme of a parsed layer.
 *
 * @category Coverage Layers
 */
export type ManufacturerProgram =
  | { readonly type: "discount"; readonly rate: Dec; readonly fraction: Fraction }
  | { readonly type: "buyGet"; readonly buy: number; readonly get: number }
  | { readonly type: "freeAfterCycles"; readonly paidCycles: number };

/**
 * A parsed manufacturer-assistance layer.
 *
 * @category Coverage Layers
 */
export interface ManufacturerLayer extends ParsedLayerCommon {
  readonly kind: "manufacturer";
  readonly program: ManufacturerProgram;
}

function needUnits(layer: ManufacturerLayer, facts: LayerClaimFacts, buy: number, get: number): number {
  if (facts.units === undefined) {
    throw new ValidationError([{ path: ["units"], code: "missing_units", message: `layer ${layer.id} gives buy-${buy}-get-${get}: the claim must say how many units were dispensed` }], "splitBill");
  }
  return facts.units;
}

function needCycle(layer: ManufacturerLayer, facts: LayerClaimFacts, paidCycles: number): number {
  if (facts.cycle === undefined) {
    throw new ValidationError([{ path: ["cycle"], code: "missing_cycle", message: `layer ${layer.id} gives the drug free after ${paidCycles} paid cycle(s): the claim must say which cycle it is` }], "splitBill");
  }
  return facts.cycle;
}

/** The `manufacturer` layer kind. */
export const manufacturerLayer = defineLayerKind({
  kind: "manufacturer",
  names: { en: "Manufacturer patient assistance", zh: "患者援助项目 (PAP)" },
  schema,
  defaultCovers: "all",
  deductibleWord: "deductible",
  prepare: (doc, { common }): ManufacturerLayer => {
    const p = doc.program;
    const program: ManufacturerProgram = p.type === "discount" ? { type: "discount", rate: p.rate, fraction: fractionOf(p.rate) } : p;
    return { ...common, kind: "manufacturer", program };
  },
  rate: (layer) => (layer.program.type === "discount" ? fixedRate(layer.program.rate) : null),
  pay: (layer, afterDeductible, _acc, plan, facts) => {
    const p = layer.program;
    if (p.type === "discount") return roundedProduct(afterDeductible, p.fraction.num, p.fraction.den, plan.rounding);
    if (p.type === "buyGet") {
      const units = needUnits(layer, facts, p.buy, p.get);
      if (units === 0) return 0n;
      const s = buyGetSplit(units, p.buy, p.get);
      return roundedProduct(afterDeductible, BigInt(s.free), BigInt(units), plan.rounding);
    }
    return needCycle(layer, facts, p.paidCycles) > p.paidCycles ? afterDeductible : 0n;
  },
  describe: (layer, _afterDeductible, _raw, _acc, _plan, facts) => {
    const p = layer.program;
    if (p.type === "discount") return describeRate({ rate: p.rate, fraction: p.fraction, trail: [] }, "tiers.manufacturer.discount");
    if (p.type === "buyGet") {
      const units = needUnits(layer, facts, p.buy, p.get);
      const s = buyGetSplit(units, p.buy, p.get);
      return {
        rate: units === 0 ? "0" : `${s.free}/${units}`,
        rule: "tiers.manufacturer.buy-get",
        how: `the free share ${s.free}/${units} (buy ${p.buy}, get ${p.get} free: ${s.paid} of ${units} units paid)`,
        inputs: { buy: p.buy, get: p.get, units, paidUnits: s.paid, freeUnits: s.free },
      };
    }
    const cycle = needCycle(layer, facts, p.paidCycles);
    const free = cycle > p.paidCycles;
    return {
      rate: free ? "1" : "0",
      rule: "tiers.manufacturer.free-after-cycles",
      how: `${free ? "100%" : "0%"} (cycle ${cycle}; the drug is free from cycle ${p.paidCycles + 1})`,
      inputs: { cycle, paidCycles: p.paidCycles },
    };
  },
});
