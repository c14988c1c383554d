// What a coverage-layer kind is: one file per kind (basic.ts, pool.ts, …) exports one
// `LayerKind` with its document schema, how a document is prepared into a parsed layer,
// how the layer pays in minor units (the bulk path) and how it says so (the sentence).
// The waterfall, the explanation and the accumulators only ever call these hooks.
import type * as z from "zod";
import type { ExplainValue, Issue, IssuePath } from "../../core/index.js";
import type { Money, Rounding } from "../../money/index.js";
import type { CategoryTerms } from "../categories.js";
import type { LayerLimits } from "../limits.js";
import type { PatientAttributes, StratifiedRate } from "../stratified-rate.js";
import type { VariantRule } from "../variants.js";

/**
 * Which part of the bill a layer may pay on.
 *
 * @category Coverage Layers
 */
export type LayerCovers = "all" | "catalogue" | "outOfCatalogue";

/**
 * Fields every parsed coverage layer has.
 *
 * @category Coverage Layers
 */
export interface ParsedLayerCommon {
  readonly id: string;
  readonly name: string;
  readonly basis: "remaining" | "total";
  readonly covers: LayerCovers;
  /** Annual cap in minor units; null when uncapped. */
  readonly cap: bigint | null;
  /** Annual deductible (threshold) in minor units; 0 when none. */
  readonly deductible: bigint;
  readonly index: number;
  /** Lifetime cap, family deductible, out-of-pocket maximum; null when the layer sets none. */
  readonly limits: LayerLimits | null;
  /** Per-category terms; null when the layer treats every line alike. */
  readonly categories: ReadonlyMap<string, CategoryTerms> | null;
  /** Variants by patient group, in order (the first match applies); null when none. */
  readonly variants: readonly LayerVariant[] | null;
}

/**
 * A parsed variant: its rule and the whole layer as it applies to matching patients.
 *
 * @category Coverage Layers
 */
export interface LayerVariant {
  readonly id: string;
  readonly when: VariantRule;
  /** What the variant changes, in words (`deductible CNY 1,000.00 × 0.5 = CNY 500.00`, `rate 75% + 5 points = 80%`, `no annual cap instead of CNY 100,000.00`). */
  readonly changes: readonly string[];
  readonly layer: ParsedLayerCommon & { readonly kind: string };
}

/**
 * One layer's accumulators in minor units (deductible met, paid, band position), for {@link splitBillMinorUnits}.
 *
 * @category Coverage Layers
 */
export interface MinorUnitAccumulator {
  met: bigint;
  paid: bigint;
  bandBase: bigint;
  /** The person's out-of-pocket (deductible + coinsurance) under the layer this year; layers with an out-of-pocket maximum. */
  oop?: bigint;
  /** What the layer has paid this person over all years; layers with a lifetime cap. */
  lifetime?: bigint;
  /** What the layer has paid this year per category with a sub-limit. */
  sub?: ReadonlyMap<string, bigint>;
}

/**
 * A family's accumulators of one layer in minor units: family deductible met and family out-of-pocket.
 *
 * @category Coverage Layers
 */
export interface MinorUnitFamilyAccumulator {
  met: bigint;
  oop: bigint;
}

/**
 * The claim facts layers read.
 *
 * @category Coverage Layers
 */
export interface LayerClaimFacts {
  readonly patient: (PatientAttributes & { readonly groups?: readonly string[] }) | undefined;
  readonly units: number | undefined;
  readonly cycle: number | undefined;
}

/**
 * What a layer needs to know about its plan while paying: currency, minor digits, rounding.
 *
 * @category Coverage Layers
 */
export interface LayerPlanContext {
  readonly currency: string;
  readonly scale: number;
  readonly rounding: Rounding;
}

/**
 * A layer's rule in words: the rate shown, the rule id, a phrase and the inputs used.
 *
 * @category Coverage Layers
 */
export interface LayerRuleDescription {
  readonly rate: string;
  readonly rule: string;
  readonly how: string;
  readonly inputs: Record<string, ExplainValue>;
}

/**
 * What a kind's `prepare` is given: the common fields already parsed, where the layer sits, and where to report problems.
 *
 * @category Coverage Layers
 */
export interface LayerPrepareContext {
  /** id, name, basis, covers, cap (from `cap`), deductible 0, index, limits, categories, variants. */
  readonly common: ParsedLayerCommon;
  /** Minor digits of the plan's currency. */
  readonly scale: number;
  /** Path of the layer in the plan document, e.g. `["layers", 2]`. */
  readonly at: IssuePath;
  /** Collects problems found together (reported as one ValidationError). */
  readonly issues: Issue[];
}

/**
 * A part of a layer's payment (a pool's funder share).
 *
 * @category Coverage Layers
 */
export interface LayerPart {
  readonly id: string;
  readonly name: string;
  readonly amount: Money;
}

/**
 * One kind of coverage layer. `pay` and `describe` read the same prepared layer and
 * the same accumulator, so the bulk path and the explained path cannot drift.
 * @category Coverage Layers
 */
export interface LayerKind<K extends string = string, S extends z.ZodType = z.ZodType, L extends ParsedLayerCommon & { readonly kind: K } = ParsedLayerCommon & { readonly kind: K }> {
  readonly kind: K;
  /** English and Chinese names, used in explanations and as the default layer name. */
  readonly names: { readonly en: string; readonly zh: string };
  /** The strict zod schema of the layer document (with `kind: z.literal(K)`). */
  readonly schema: S;
  /** What the layer covers when the document does not say. */
  readonly defaultCovers: LayerCovers;
  /** How the layer's annual deductible is called in sentences ("deductible", "threshold"). */
  readonly deductibleWord: string;
  /** Turns a validated document into the parsed layer (minor units, exact fractions). */
  prepare(doc: z.output<S>, ctx: LayerPrepareContext): L;
  /**
   * The rate rule of a layer that pays rule × (eligible − deductible), rounded once; null
   * when `pay` computes the amount. Read once per plan: the waterfall then applies the
   * rule itself, without a call into the kind per claim.
   */
  rate?(layer: L): StratifiedRate | null;
  /** What the layer pays on `afterDeductible`, rounded once, when `rate` gives no rule (the hot path: integers only). */
  pay?(layer: L, afterDeductible: bigint, acc: MinorUnitAccumulator, plan: LayerPlanContext, facts: LayerClaimFacts): bigint;
  /** The words for what `pay` computed: rule id, rate, phrase and inputs. */
  describe(layer: L, afterDeductible: bigint, raw: bigint, acc: MinorUnitAccumulator, plan: LayerPlanContext, facts: LayerClaimFacts): LayerRuleDescription;
  /** True when the layer moves its progressive-band position by what it pays on (and its accumulator document carries it). */
  tracksBandBase?(layer: L): boolean;
  /** Splits the layer's payment into named parts (a pool's funders). */
  parts?(layer: L, amount: Money): readonly LayerPart[];
}

/**
 * Declares a layer kind; checks nothing at run time, keeps the kind's types together.
 *
 * @example
 * ```ts
 * export const myLayer = defineLayerKind({ kind: "my", names: { en: "My cover", zh: "…" }, schema, defaultCovers: "all", deductibleWord: "deductible", prepare, pay, describe });
 * ```
 */
export function defineLayerKind<K extends string, S extends z.ZodType, L extends ParsedLayerCommon & { readonly kind: K }>(kind: LayerKind<K, S, L>): LayerKind<K, S, L> {
  return kind;
}
