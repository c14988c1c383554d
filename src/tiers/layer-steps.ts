// What the waterfall reads of each layer, prepared once when a plan is parsed. Parsed
// layers of different kinds have different object shapes, so a loop reading
// `layer.basis`, `layer.cap`, `layer.limits` … across five kinds pays a generic property
// lookup per field per layer per claim. A step has one shape for every kind, carries its
// kind definition, and the kind's rate rule when the layer simply pays a rate of what is
// left after its deductible (the waterfall then applies it without a call into the kind).
import type { CategoryTerms } from "./categories.js";
import type { LayerKind, LayerCovers, LayerVariant } from "./layers/kind.js";
import { type CoverageLayer, layerKindOf } from "./layers/registry.js";
import type { LayerLimits } from "./limits.js";
import type { StratifiedRate } from "./stratified-rate.js";
import type { VariantRule } from "./variants.js";

/** One layer (or one variant of a layer) as the waterfall runs it. */
export interface LayerStep {
  /** The parsed layer (a variant's whole layer, for a variant step). */
  readonly layer: CoverageLayer;
  readonly kind: LayerKind;
  /** `basis: "total"`: the layer looks at the whole bill. */
  readonly total: boolean;
  readonly covers: LayerCovers;
  readonly deductible: bigint;
  readonly cap: bigint | null;
  readonly limits: LayerLimits | null;
  readonly categories: ReadonlyMap<string, CategoryTerms> | null;
  /** The kind's rate rule when the layer pays rule × (eligible − deductible); null: the kind's `pay` computes it. */
  readonly rate: StratifiedRate | null;
  /** The layer moves its progressive-band position by what it pays on. */
  readonly tracksBands: boolean;
  /** Variants by patient group, in order (null when none). */
  readonly variants: readonly VariantStep[] | null;
}

/** A variant and the step of its layer. */
export interface VariantStep {
  readonly variant: LayerVariant;
  readonly when: VariantRule;
  readonly step: LayerStep;
}

function stepOf(layer: CoverageLayer, variants: readonly VariantStep[] | null): LayerStep {
  const kind = layerKindOf(layer) as unknown as LayerKind;
  const rate = kind.rate?.(layer as never) ?? null;
  if (rate === null && kind.pay === undefined) throw new Error(`layer kind ${kind.kind} gives neither a rate rule nor a pay hook`);
  return Object.freeze({
    layer,
    kind,
    total: layer.basis === "total",
    covers: layer.covers,
    deductible: layer.deductible,
    cap: layer.cap,
    limits: layer.limits,
    categories: layer.categories,
    rate,
    tracksBands: kind.tracksBandBase?.(layer as never) === true,
    variants,
  });
}

/** The steps of a plan's layers, in layer order (a variant keeps its layer's kind). */
export function layerSteps(layers: readonly CoverageLayer[]): readonly LayerStep[] {
  return Object.freeze(
    layers.map((l) => stepOf(l, l.variants === null ? null : Object.freeze(l.variants.map((v) => Object.freeze({ variant: v, when: v.when, step: stepOf(v.layer as CoverageLayer, null) }))))),
  );
}
