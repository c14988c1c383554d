// Coverage layers as documents: what each payer covers, stored as JSON by a backend
// and parsed once into a plan that settles any number of claims.
// Each layer kind lives in its own file under ./layers/ (schema, preparation, payment,
// sentence); this module only assembles the plan from the registered kinds.
import * as z from "zod";
import { type IssuePath, parseInput, roundingSchema, currencyCodeSchema, ValidationError, type Issue } from "../core/index.js";
import { type Dec, formatMoney, money, type Rounding } from "../money/index.js";
import { Decimal } from "../money/decimal.js";
import { prepareCategories } from "./categories.js";
import type { LayerVariant, ParsedLayerCommon } from "./layers/kind.js";
import { type LayerStep, layerSteps } from "./layer-steps.js";
import { prepareLimits } from "./limits.js";
import { resolveVariantTerm } from "./variants.js";
import { type CoverageLayer, coverageLayerSchema, layerKindOf } from "./layers/registry.js";
import { scaleOf, toUnits } from "../money/minor-units.js";
import { lazySchema } from "../kernel/lazy-schema.js";

export { COVERAGE_LAYER_KIND_NAMES, coverageLayerSchema, type CoverageLayer, type CoverageLayerKind } from "./layers/registry.js";
export type { LayerVariant, ParsedLayerCommon } from "./layers/kind.js";
export type { ManufacturerProgram } from "./layers/manufacturer.js";
export type { UnitBand } from "./layers/supplementary.js";

/**
 * A coverage-layer document as stored.
 *
 * @category Coverage Layers
 */
export type CoverageLayerInput = z.input<typeof coverageLayerSchema>;

/**
 * The zod schema of a coverage plan document: currency, rounding and the ordered layers.
 *
 * @category Coverage Layers
 */
export const coveragePlanSchema = lazySchema(() => z.strictObject(
  {
    /** The plan's currency, always stated: the bill, deductibles and caps are amounts in it. */
    currency: currencyCodeSchema,
    /** How each layer's payment is rounded to the minor unit, once per layer (`half-up` when absent). */
    rounding: roundingSchema.optional(),
    /** The coverage layers (多层次保障) in the order they pay: basic insurance, critical-illness, commercial cover, manufacturer assistance, medical assistance, pools. */
    layers: z.array(coverageLayerSchema),
  },
  // A bare array of layers states no currency (it used to settle as CNY): say how to write it.
  { error: (issue) => (issue.code === "invalid_type" && Array.isArray(issue.input) ? 'a coverage plan states its currency: write { "currency": "CNY", "layers": [...] }' : undefined) },
));

/**
 * A coverage plan document: `{ currency, rounding?, layers }` (the currency is required).
 *
 * @category Coverage Layers
 */
export type CoveragePlanInput = z.input<typeof coveragePlanSchema>;

// A private symbol for the type and a WeakSet for the check (L1): `Symbol.for` was global,
// so any JS code could forge a "parsed" plan by setting it on a document.
const PLAN_BRAND: unique symbol = Symbol("precision-vbp.tiers.coveragePlan");
const madePlans = new WeakSet<object>();
const PLAN_STEPS: unique symbol = Symbol("precision-vbp.tiers.planSteps");

/** The waterfall's steps of a parsed plan's layers, in layer order (prepared once by {@link parseLayers}). */
export function planLayerSteps(plan: CoveragePlan): readonly LayerStep[] {
  return (plan as unknown as { [PLAN_STEPS]: readonly LayerStep[] })[PLAN_STEPS];
}

/** Freezes plain objects and arrays all the way down (Decimals are left alone: decimal.js owns them). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || Decimal.isDecimal(value)) return value;
  for (const v of Object.values(value as object)) deepFreeze(v);
  return Object.freeze(value);
}

/**
 * A parsed coverage plan: validate once with {@link parseLayers}, settle many claims with {@link splitBill}.
 *
 * @category Coverage Layers
 */
export interface CoveragePlan {
  readonly currency: string;
  /** Minor digits of the currency. */
  readonly scale: number;
  readonly rounding: Rounding;
  readonly layers: readonly CoverageLayer[];
  /** Every item category some layer defines (an itemised claim's lines must use these). */
  readonly categories: readonly string[];
  readonly [PLAN_BRAND]: true;
}

/**
 * True when `value` is a plan made by {@link parseLayers}.
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isCoveragePlan(parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.7 }] })); // true
 * isCoveragePlan({ layers: [] });                              // false (a document, not yet parsed)
 * ```
 * @category Coverage Layers
 */
export function isCoveragePlan(value: unknown): value is CoveragePlan {
  return typeof value === "object" && value !== null && madePlans.has(value);
}

/**
 * Validates a coverage plan document once and returns the parsed plan that
 * {@link splitBill} settles claims against (amounts in minor units, rates as exact
 * fractions, tables checked for gaps and overlaps). Errors carry the path of the
 * offending field, e.g. `layers[1].rate` or `layers[2].bands`.
 *
 * @param json - The plan document `{ currency, rounding?, layers }` (a parsed plan is returned as it is).
 * @throws {ValidationError} when the document does not match `coveragePlanSchema`, a layer contradicts itself, or a variant changes a term it cannot (the field path is named, e.g. `layers[1].rate`).
 * @throws {DomainError} BAND_COVERAGE when progressive bands do not cover [0, +∞).
 * @example
 * ```ts
 * const plan = parseLayers({
 *   currency: "CNY",
 *   layers: [
 *     { kind: "basic", id: "basic", rate: 0.7 },
 *     { kind: "supplementary", id: "supp", basis: "total", rate: 0.2 },
 *   ],
 * });
 * splitBill({ plan, bill: "1000000" }).patient; // CNY 100000.00
 * ```
 * @category Coverage Layers
 */
export function parseLayers(json: unknown): CoveragePlan {
  if (isCoveragePlan(json)) return json;
  const doc = parseInput(coveragePlanSchema, json, "parseLayers");
  const currency = doc.currency;
  const scale = scaleOf(currency);
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const categoryNames: string[] = [];
  const fmt = (d: Dec): string => formatMoney(money(d, currency));
  const layers: CoverageLayer[] = doc.layers.map((l, index): CoverageLayer => {
    const at: IssuePath = ["layers", index];
    const id = l.id ?? `${l.kind}-${index + 1}`;
    const before = seen.get(id);
    if (before !== undefined) issues.push({ path: [...at, "id"], code: "duplicate_id", message: `layer id ${JSON.stringify(id)} is already used by layers[${before}]` });
    seen.set(id, index);
    const kind = layerKindOf(l);
    const categories = prepareCategories(l.categories, scale, at, issues);
    for (const c of categories?.keys() ?? []) if (!categoryNames.includes(c)) categoryNames.push(c);
    const prepare = (d: typeof l, where: IssuePath, variants: ParsedLayerCommon["variants"]): CoverageLayer => {
      const common: ParsedLayerCommon = {
        id,
        name: l.name ?? `${kind.names.en} (${kind.names.zh})`,
        basis: l.basis ?? "remaining",
        covers: l.covers ?? kind.defaultCovers,
        cap: d.cap === undefined ? null : toUnits(d.cap, scale, [...where, "cap"], "the cap"),
        deductible: 0n,
        index,
        limits: prepareLimits(d, scale, where, issues),
        categories,
        variants,
      };
      return kind.prepare(d as never, { common, scale, at: where, issues });
    };
    let variants: LayerVariant[] | null = null;
    if (l.variants !== undefined) {
      const shape = (kind.schema as unknown as z.ZodObject).shape;
      const ids = new Set<string>();
      variants = l.variants.map((v, j) => {
        const vat: IssuePath = [...at, "variants", j];
        if (ids.has(v.id)) issues.push({ path: [...vat, "id"], code: "duplicate_id", message: `variant id ${JSON.stringify(v.id)} appears twice in the layer` });
        ids.add(v.id);
        const merged: Record<string, unknown> = { ...l, variants: undefined };
        const changes: string[] = [];
        const own = l as unknown as Record<string, unknown>;
        for (const [key, value] of Object.entries(v)) {
          if (key === "id" || key === "when" || value === undefined) continue;
          if (!(key in shape)) {
            issues.push({ path: [...vat, key], code: "unrecognized_keys", message: `a ${l.kind} layer has no ${key} to vary` });
            continue;
          }
          // Relative terms (a factor, a change, points) are made absolute against the layer's own.
          const term = resolveVariantTerm(key, value, own[key], { fmt, scale, at: vat, issues });
          if (term === null) continue;
          merged[key] = term.value;
          changes.push(term.words);
        }
        return { id: v.id, when: v.when, changes, layer: prepare(merged as typeof l, vat, null) };
      });
    }
    return prepare(l, at, variants);
  });
  if (issues.length > 0) throw new ValidationError(issues, "parseLayers");
  const plan = { currency, scale, rounding: doc.rounding ?? "half-up", layers, categories: categoryNames };
  Object.defineProperty(plan, PLAN_BRAND, { value: true, enumerable: false });
  // What the waterfall reads per claim, prepared once: one object shape for every kind, the kind looked up.
  Object.defineProperty(plan, PLAN_STEPS, { value: layerSteps(layers), enumerable: false });
  deepFreeze(plan);
  madePlans.add(plan);
  return plan as unknown as CoveragePlan;
}
