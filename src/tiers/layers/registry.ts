// The registry of coverage-layer kinds. The plan schema's discriminated union, the
// kinds' names and every per-kind decision are read from here: adding a kind is one
// new file in this folder plus one line in LAYER_KINDS.
import * as z from "zod";
import { type AssistanceLayer, assistanceLayer } from "./assistance.js";
import { type BasicLayer, basicLayer } from "./basic.js";
import { type CommercialLayer, commercialLayer } from "./commercial.js";
import type { LayerKind } from "./kind.js";
import { type ManufacturerLayer, manufacturerLayer } from "./manufacturer.js";
import { type PoolLayer, poolLayer } from "./pool.js";
import { type SupplementaryLayer, supplementaryLayer } from "./supplementary.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** Every coverage-layer kind, in the order the schema lists them. */
export const LAYER_KINDS = [basicLayer, supplementaryLayer, commercialLayer, manufacturerLayer, assistanceLayer, poolLayer] as const;


/**
 * A parsed coverage layer: amounts in minor units, rates as exact fractions (one member per registered kind).
 *
 * @category Coverage Layers
 */
export type CoverageLayer = BasicLayer | SupplementaryLayer | CommercialLayer | ManufacturerLayer | AssistanceLayer | PoolLayer;

// The union above and LAYER_KINDS must name the same kinds: this fails to compile when they do not.
type Prepared = ReturnType<(typeof LAYER_KINDS)[number]["prepare"]>;
const registryMatchesUnion: [Prepared] extends [CoverageLayer] ? ([CoverageLayer] extends [Prepared] ? true : false) : false = true;
void registryMatchesUnion;

/**
 * The kinds of coverage layer.
 *
 * @category Coverage Layers
 */
export type CoverageLayerKind = CoverageLayer["kind"];

type Schemas<T extends readonly unknown[]> = { -readonly [I in keyof T]: T[I] extends { schema: infer S } ? S : never };

/**
 * The zod schema of one coverage-layer document, discriminated by `kind`.
 *
 * @category Coverage Layers
 */
export const coverageLayerSchema = lazySchema(() => z.discriminatedUnion("kind", LAYER_KINDS.map((k) => k.schema) as unknown as Schemas<typeof LAYER_KINDS>));

// Null prototype: a kind name read from a parsed layer can never reach Object.prototype.
const BY_KIND: Readonly<Record<string, LayerKind>> = Object.assign(Object.create(null) as Record<string, LayerKind>, Object.fromEntries(LAYER_KINDS.map((k) => [k.kind, k])));

/** The kind definition of a parsed layer (or of a validated layer document). */
export function layerKindOf<L extends { readonly kind: CoverageLayerKind }>(layer: L): LayerKind<L["kind"], z.ZodType, CoverageLayer & { kind: L["kind"] }> {
  return BY_KIND[layer.kind] as unknown as LayerKind<L["kind"], z.ZodType, CoverageLayer & { kind: L["kind"] }>;
}

/**
 * English and Chinese names of each layer kind, used in explanations.
 *
 * @category Coverage Layers
 */
export const COVERAGE_LAYER_KIND_NAMES: Readonly<Record<CoverageLayerKind, { readonly en: string; readonly zh: string }>> = Object.fromEntries(
  LAYER_KINDS.map((k) => [k.kind, k.names]),
) as Record<CoverageLayerKind, { readonly en: string; readonly zh: string }>;
