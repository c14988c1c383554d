// Manufacturer patient assistance (患者援助项目, PAP): a price discount, buy N get M
// free (needs the claim's units), or the drug free after X paid cycles (needs the cycle).
import * as z from "zod";
import { rateSchema, ValidationError } from "../../core/index.js";
import type { Dec } from "../../money/index.js";
import { buyGetSplit } from "../buy-get.js";
import { fixedRate, type StratifiedRate } from "../stratified-rate.js";
import { type Fraction, fractionOf, roundedProduct } from "../../money/minor-units.js";
import { commonLayerFields, describeRate } from "./common.js";
import { defineLayerKind, type LayerClaimFacts, type LayerPlanContext, type LayerRuleDescription, type ParsedLayerCommon } from "./kind.js";
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

type ProgramType = ManufacturerProgram["type"];
type ProgramDoc<T extends ProgramType> = Extract<z.output<typeof programSchema>, { type: T }>;
type ProgramOf<T extends ProgramType> = Extract<ManufacturerProgram, { type: T }>;

/**
 * Everything about one programme type: how its document is prepared, the rate rule it
 * pays by (null when `pay` computes the amount), what it pays and its words. Adding a
 * programme type is one entry here (plus its schema and parsed shape above).
 */
interface ProgramBehaviour<T extends ProgramType> {
  prepare(doc: ProgramDoc<T>): ProgramOf<T>;
  rate(program: ProgramOf<T>): StratifiedRate | null;
  pay(layer: ManufacturerLayer, program: ProgramOf<T>, afterDeductible: bigint, plan: LayerPlanContext, facts: LayerClaimFacts): bigint;
  describe(layer: ManufacturerLayer, program: ProgramOf<T>, facts: LayerClaimFacts): LayerRuleDescription;
}

const PROGRAMS: { readonly [T in ProgramType]: ProgramBehaviour<T> } = {
  discount: {
    prepare: (doc) => ({ type: "discount", rate: doc.rate, fraction: fractionOf(doc.rate) }),
    rate: (p) => fixedRate(p.rate),
    pay: (_layer, p, afterDeductible, plan) => roundedProduct(afterDeductible, p.fraction.num, p.fraction.den, plan.rounding),
    describe: (_layer, p) => describeRate({ rate: p.rate, fraction: p.fraction, trail: [] }, "tiers.manufacturer.discount"),
  },
  buyGet: {
    prepare: (doc) => doc,
    rate: () => null,
    pay: (layer, p, afterDeductible, plan, facts) => {
      const units = needUnits(layer, facts, p.buy, p.get);
      if (units === 0) return 0n;
      const s = buyGetSplit(units, p.buy, p.get);
      return roundedProduct(afterDeductible, BigInt(s.free), BigInt(units), plan.rounding);
    },
    describe: (layer, p, facts) => {
      const units = needUnits(layer, facts, p.buy, p.get);
      const s = buyGetSplit(units, p.buy, p.get);
      return {
        rate: units === 0 ? "0" : `${s.free}/${units}`,
        rule: "tiers.manufacturer.buy-get",
        how: `the free share ${s.free}/${units} (buy ${p.buy}, get ${p.get} free: ${s.paid} of ${units} units paid)`,
        inputs: { buy: p.buy, get: p.get, units, paidUnits: s.paid, freeUnits: s.free },
      };
    },
  },
  freeAfterCycles: {
    prepare: (doc) => doc,
    rate: () => null,
    pay: (layer, p, afterDeductible, _plan, facts) => (needCycle(layer, facts, p.paidCycles) > p.paidCycles ? afterDeductible : 0n),
    describe: (layer, p, facts) => {
      const cycle = needCycle(layer, facts, p.paidCycles);
      const free = cycle > p.paidCycles;
      return {
        rate: free ? "1" : "0",
        rule: "tiers.manufacturer.free-after-cycles",
        how: `${free ? "100%" : "0%"} (cycle ${cycle}; the drug is free from cycle ${p.paidCycles + 1})`,
        inputs: { cycle, paidCycles: p.paidCycles },
      };
    },
  },
};

/**
 * The entry of a programme's type. The record is typed per type above; a lookup by a
 * runtime type widens it to the union, which is what each entry accepts for its own type.
 */
function behaviourOf(program: { readonly type: ProgramType }): ProgramBehaviour<ProgramType> {
  return PROGRAMS[program.type] as unknown as ProgramBehaviour<ProgramType>;
}

/** The `manufacturer` layer kind. */
export const manufacturerLayer = defineLayerKind({
  kind: "manufacturer",
  names: { en: "Manufacturer patient assistance", zh: "患者援助项目 (PAP)" },
  schema,
  defaultCovers: "all",
  deductibleWord: "deductible",
  prepare: (doc, { common }): ManufacturerLayer => ({ ...common, kind: "manufacturer", program: behaviourOf(doc.program).prepare(doc.program) }),
  rate: (layer) => behaviourOf(layer.program).rate(layer.program),
  pay: (layer, afterDeductible, _acc, plan, facts) => behaviourOf(layer.program).pay(layer, layer.program, afterDeductible, plan, facts),
  describe: (layer, _afterDeductible, _raw, _acc, _plan, facts) => behaviourOf(layer.program).describe(layer, layer.program, facts),
});
