// Charity / co-pay pool (慈善 / 共付池): funders with fixed shares of the layer's base;
// the layer's amount is rounded once and split among the funders by largest remainder.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import { allocate, type Dec } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { fixedRate } from "../stratified-rate.js";
import { type Fraction, fractionOf } from "../../money/minor-units.js";
import { commonLayerFields, pct } from "./common.js";
import { defineLayerKind, type ParsedLayerCommon } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const schema = lazySchema(() => z.strictObject({
  /** A charity or co-pay pool (慈善 / 共付池). */
  kind: z.literal("pool"),
  ...commonLayerFields,
  /** Funders with fixed shares of the layer's base; shares add up to at most 1. */
  funders: z.array(z.strictObject({
      /** The funder's identifier, unique in the pool. */
      id: z.string().min(1),
      /** The funder's name in explanations; its id when absent. */
      name: z.string().optional(),
      /** The funder's fixed share of the layer's base, in [0, 1]; the shares add up to at most 1. */
      share: rateSchema,
    })).min(1),
}));

/**
 * A parsed pool layer: its funders and their total share.
 *
 * @category Coverage Layers
 */
export interface PoolLayer extends ParsedLayerCommon {
  readonly kind: "pool";
  readonly funders: readonly { readonly id: string; readonly name: string; readonly share: Dec }[];
  readonly total: Dec;
  readonly totalFraction: Fraction;
}

/** The `pool` layer kind. */
export const poolLayer = defineLayerKind({
  kind: "pool",
  names: { en: "Charity / co-pay pool", zh: "慈善 / 共付池" },
  schema,
  defaultCovers: "all",
  deductibleWord: "deductible",
  prepare: (doc, { common, at, issues }): PoolLayer => {
    const total = doc.funders.reduce((s, f) => s.plus(f.share), new D(0));
    if (total.greaterThan(1)) {
      issues.push({ path: [...at, "funders"], code: "too_big", message: `the funders' shares add up to ${total.toString()}, more than the whole (1)` });
    }
    if (total.isZero()) issues.push({ path: [...at, "funders"], code: "too_small", message: "at least one funder needs a positive share" });
    const funderIds = new Set<string>();
    doc.funders.forEach((f, i) => {
      if (funderIds.has(f.id)) issues.push({ path: [...at, "funders", i, "id"], code: "duplicate_id", message: `funder id ${JSON.stringify(f.id)} appears twice` });
      funderIds.add(f.id);
    });
    return {
      ...common,
      kind: "pool",
      funders: doc.funders.map((f) => ({ id: f.id, name: f.name ?? f.id, share: f.share })),
      total,
      totalFraction: fractionOf(total.greaterThan(1) ? new D(1) : total),
    };
  },
  rate: (layer) => fixedRate(layer.total.greaterThan(1) ? new D(1) : layer.total),
  describe: (layer) => ({
    rate: layer.total.toString(),
    rule: "tiers.pool.shares",
    how: `${pct(layer.total)} in fixed shares (${layer.funders.map((f) => `${f.name} ${pct(f.share)}`).join(", ")})`,
    inputs: { shares: layer.funders.map((f) => ({ funder: f.id, share: f.share.toString() })) },
  }),
  parts: (layer, amount) => {
    // A zero payment gives every funder the same zero (allocate needs a positive total).
    const amounts = amount.amount.isZero() ? layer.funders.map(() => amount) : allocate(amount, layer.funders.map((f) => f.share));
    return layer.funders.map((f, k) => ({ id: f.id, name: f.name, amount: amounts[k]! }));
  },
});
