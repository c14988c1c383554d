// Critical-illness / supplementary insurance (大病保险 / 补充医保): pays on what is above
// an annual threshold, at a rate or by progressive bands over the year's amount above it.
import * as z from "zod";
import { bandedTableSchema, DomainError, nonNegativeAmountSchema, rateSchema } from "../../core/index.js";
import { type Dec, formatMoney } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { type StratifiedRate, stratifiedRateSchema } from "../stratified-rate.js";
import { type Fraction, fractionOf, maxUnits, minUnits, roundedProduct, toUnits, unitsText } from "../../money/minor-units.js";
import { unitsMoney } from "../../money/money-units.js";
import { commonLayerFields, describeStratified, optionalUnits, pct } from "./common.js";
import { defineLayerKind, type ParsedLayerCommon } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const schema = lazySchema(() => z.strictObject({
  /** Critical-illness / supplementary insurance (大病保险 / 补充医保). */
  kind: z.literal("supplementary"),
  ...commonLayerFields,
  /** Annual threshold of out-of-pocket spending above which the layer pays. */
  threshold: nonNegativeAmountSchema.optional(),
  /** A single rate in [0, 1] on what is above the threshold, or a table by a patient attribute (give this or `bands`). */
  rate: stratifiedRateSchema.optional(),
  /** Progressive rate bands over the year's amount above the threshold, covering [0, +∞). */
  bands: bandedTableSchema(rateSchema).optional(),
}));

/**
 * A progressive band of a supplementary layer, in minor units above the threshold.
 *
 * @category Coverage Layers
 */
export interface UnitBand {
  readonly from: bigint;
  readonly to: bigint | null;
  readonly rate: Dec;
  readonly fraction: Fraction;
}

/**
 * A parsed supplementary layer: a rate, or progressive bands with their common denominator.
 *
 * @category Coverage Layers
 */
export interface SupplementaryLayer extends ParsedLayerCommon {
  readonly kind: "supplementary";
  readonly rate: StratifiedRate | null;
  readonly bands: readonly UnitBand[] | null;
  readonly bandDen: bigint;
}

/** Σ over bands of (the part of [pos, pos + x) in the band) × rate, over the common denominator. */
function progressiveNumerator(layer: SupplementaryLayer, pos: bigint, x: bigint): bigint {
  const L = layer.bandDen;
  const end = pos + x;
  let numer = 0n;
  for (const b of layer.bands!) {
    const lo = maxUnits(b.from, pos);
    const hi = b.to === null ? end : minUnits(b.to, end);
    if (hi > lo) numer += (hi - lo) * b.fraction.num * (L / b.fraction.den);
  }
  return numer;
}

/** The `supplementary` layer kind. */
export const supplementaryLayer = defineLayerKind({
  kind: "supplementary",
  names: { en: "Critical-illness / supplementary insurance", zh: "大病保险 / 补充医保" },
  schema,
  defaultCovers: "all",
  deductibleWord: "threshold",
  prepare: (doc, { common, scale, at, issues }): SupplementaryLayer => {
    if ((doc.rate === undefined) === (doc.bands === undefined)) {
      issues.push({ path: [...at, "rate"], code: "invalid_layer", message: "a supplementary layer needs either a rate or progressive bands (exactly one)" });
    }
    let bands: UnitBand[] | null = null;
    let bandDen = 1n;
    if (doc.bands !== undefined) {
      const t = doc.bands;
      const first = t.bands[0];
      const last = t.bands[t.bands.length - 1];
      if (first === undefined || first.from === null || !first.from.isZero() || last === undefined || last.to !== null) {
        throw new DomainError("BAND_COVERAGE", "progressive bands run over the year's amount above the threshold and must cover [0, +∞)", { path: [...at, "bands"] });
      }
      bands = t.bands.map((b, i) => {
        const fraction = fractionOf(b.value);
        if (fraction.den > bandDen) bandDen = fraction.den;
        return {
          from: toUnits(b.from ?? new D(0), scale, [...at, "bands", "bands", i, "from"], "a band bound"),
          to: b.to === null ? null : toUnits(b.to, scale, [...at, "bands", "bands", i, "to"], "a band bound"),
          rate: b.value,
          fraction,
        };
      });
    }
    return { ...common, kind: "supplementary", deductible: optionalUnits(doc.threshold, scale, [...at, "threshold"], "the threshold"), rate: doc.rate ?? null, bands, bandDen };
  },
  rate: (layer) => (layer.bands === null ? layer.rate : null),
  pay: (layer, afterDeductible, acc, plan) => roundedProduct(progressiveNumerator(layer, acc.bandBase, afterDeductible), 1n, layer.bandDen, plan.rounding),
  describe: (layer, afterDeductible, raw, acc, plan, facts) => {
    if (layer.bands === null) return describeStratified(layer.rate!, "tiers.supplementary.rate", facts);
    const fmt = (u: bigint): string => formatMoney(unitsMoney(u, plan.scale, plan.currency));
    const pieces: string[] = [];
    const end = acc.bandBase + afterDeductible;
    for (const b of layer.bands) {
      const lo = maxUnits(b.from, acc.bandBase);
      const hi = b.to === null ? end : minUnits(b.to, end);
      if (hi > lo) pieces.push(`${pct(b.rate)} of ${fmt(hi - lo)}`);
    }
    return {
      rate: afterDeductible === 0n ? "0" : new D(raw.toString()).dividedBy(afterDeductible.toString()).toDecimalPlaces(6).toString(),
      rule: "tiers.supplementary.bands",
      how: `by progressive bands (${pieces.length > 0 ? pieces.join(" + ") : "nothing to pay on"}; the year's amount above the threshold stood at ${fmt(acc.bandBase)} before this claim)`,
      inputs: { bands: pieces, bandBaseBefore: unitsText(acc.bandBase, plan.scale) },
    };
  },
  tracksBandBase: (layer) => layer.bands !== null,
});
