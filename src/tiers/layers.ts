// Coverage layers as documents: what each payer covers, stored as JSON by a backend
// and parsed once into a plan that settles any number of claims.
import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import {
  bandedTableSchema,
  DomainError,
  type IssuePath,
  nonNegativeAmountSchema,
  parseInput,
  rateSchema,
  roundingSchema,
  currencyCodeSchema,
  ValidationError,
  type Issue,
} from "../core/index.js";
import { type Dec, type Rounding } from "../money/index.js";
import { D, Decimal } from "../money/decimal.js";
import { type StratifiedRate, stratifiedRateSchema } from "./stratified-rate.js";
import { type Fraction, fractionOf, scaleOf, toUnits } from "./units.js";

/** The kinds of coverage layer. */
export type CoverageLayerKind = "basic" | "supplementary" | "commercial" | "manufacturer" | "assistance" | "pool";

/** English and Chinese names of each layer kind, used in explanations. */
export const COVERAGE_LAYER_KIND_NAMES: Readonly<Record<CoverageLayerKind, { readonly en: string; readonly zh: string }>> = {
  basic: { en: "Basic medical insurance", zh: "基本医保" },
  supplementary: { en: "Critical-illness / supplementary insurance", zh: "大病保险 / 补充医保" },
  commercial: { en: "Commercial cover", zh: "惠民保 / 特药险" },
  manufacturer: { en: "Manufacturer patient assistance", zh: "患者援助项目 (PAP)" },
  assistance: { en: "Medical assistance", zh: "医疗救助" },
  pool: { en: "Charity / co-pay pool", zh: "慈善 / 共付池" },
};

const common = {
  /** A stable identifier, unique in the plan (accumulators are keyed by it). Defaults to `<kind>-<position>`. */
  id: z.string().min(1).optional(),
  name: z.string().optional(),
  /** `remaining` (default): what the layers before left; `total`: the whole bill. */
  basis: z.enum(["remaining", "total"]).optional(),
  /** Which part of the bill the layer may pay: the catalogue-eligible part, the rest, or all. */
  covers: z.enum(["all", "catalogue", "outOfCatalogue"]).optional(),
  /** Annual cap on what the layer pays (封顶线). */
  cap: nonNegativeAmountSchema.optional(),
};

const basicLayerSchema = z
  .strictObject({
    kind: z.literal("basic"),
    ...common,
    /** Annual deductible (起付线). */
    deductible: nonNegativeAmountSchema.optional(),
    /** Coinsurance rate, or a table by insurance type / hospital level. */
    rate: stratifiedRateSchema,
  })
  .strict();

const supplementaryLayerSchema = z
  .strictObject({
    kind: z.literal("supplementary"),
    ...common,
    /** Annual threshold of out-of-pocket spending above which the layer pays. */
    threshold: nonNegativeAmountSchema.optional(),
    rate: stratifiedRateSchema.optional(),
    /** Progressive rate bands over the year's amount above the threshold, covering [0, +∞). */
    bands: bandedTableSchema(rateSchema).optional(),
  })
  .strict();

const commercialLayerSchema = z
  .strictObject({
    kind: z.literal("commercial"),
    ...common,
    deductible: nonNegativeAmountSchema.optional(),
    rate: stratifiedRateSchema,
    /** The policy's annual sum insured (an alias of `cap`; give one of them). */
    sumInsured: nonNegativeAmountSchema.optional(),
  })
  .strict();

const programSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("discount"), rate: rateSchema }).strict(),
  z.strictObject({ type: z.literal("buyGet"), buy: z.number().int().min(1), get: z.number().int().min(1) }).strict(),
  z.strictObject({ type: z.literal("freeAfterCycles"), paidCycles: z.number().int().min(0) }).strict(),
]);

const manufacturerLayerSchema = z
  .strictObject({
    kind: z.literal("manufacturer"),
    ...common,
    /** Price discount, buy-N-get-M free, or free drug after X paid cycles. */
    program: programSchema,
  })
  .strict();

const assistanceLayerSchema = z
  .strictObject({
    kind: z.literal("assistance"),
    ...common,
    /** Share of what remains, per eligible group (低保 / 特困 …); the highest matching rate applies. */
    groupRates: userRecord(z.string().min(1), rateSchema).optional(),
    /** The share for patients in none of the groups (a rate or a stratified table); absent means they are not eligible. */
    rate: stratifiedRateSchema.optional(),
  })
  .strict();

const poolLayerSchema = z
  .strictObject({
    kind: z.literal("pool"),
    ...common,
    /** Funders with fixed shares of the layer's base; shares add up to at most 1. */
    funders: z
      .array(z.strictObject({ id: z.string().min(1), name: z.string().optional(), share: rateSchema }).strict())
      .min(1),
  })
  .strict();

/** The zod schema of one coverage-layer document, discriminated by `kind`. */
export const coverageLayerSchema = z.discriminatedUnion("kind", [
  basicLayerSchema,
  supplementaryLayerSchema,
  commercialLayerSchema,
  manufacturerLayerSchema,
  assistanceLayerSchema,
  poolLayerSchema,
]);

/** A coverage-layer document as stored. */
export type CoverageLayerInput = z.input<typeof coverageLayerSchema>;

/** The zod schema of a coverage plan document: currency, rounding and the ordered layers. */
export const coveragePlanSchema = z.strictObject(
  {
    /** The plan's currency, always stated: the bill, deductibles and caps are amounts in it. */
    currency: currencyCodeSchema,
    rounding: roundingSchema.optional(),
    layers: z.array(coverageLayerSchema),
  },
  // A bare array of layers states no currency (it used to settle as CNY): say how to write it.
  { error: (issue) => (issue.code === "invalid_type" && Array.isArray(issue.input) ? 'a coverage plan states its currency: write { "currency": "CNY", "layers": [...] }' : undefined) },
);

/** A coverage plan document: `{ currency, rounding?, layers }` (the currency is required). */
export type CoveragePlanInput = z.input<typeof coveragePlanSchema>;

/** The manufacturer programme of a parsed layer. */
export type ManufacturerProgram =
  | { readonly type: "discount"; readonly rate: Dec; readonly fraction: Fraction }
  | { readonly type: "buyGet"; readonly buy: number; readonly get: number }
  | { readonly type: "freeAfterCycles"; readonly paidCycles: number };

/** A progressive band of a supplementary layer, in minor units above the threshold. */
export interface UnitBand {
  readonly from: bigint;
  readonly to: bigint | null;
  readonly rate: Dec;
  readonly fraction: Fraction;
}

/** Fields every parsed coverage layer has. */
export interface ParsedLayerCommon {
  readonly id: string;
  readonly name: string;
  readonly basis: "remaining" | "total";
  readonly covers: "all" | "catalogue" | "outOfCatalogue";
  /** Annual cap in minor units; null when uncapped. */
  readonly cap: bigint | null;
  /** Annual deductible (threshold) in minor units; 0 when none. */
  readonly deductible: bigint;
  readonly index: number;
}

/** A parsed coverage layer: amounts in minor units, rates as exact fractions. */
export type CoverageLayer =
  | (ParsedLayerCommon & { readonly kind: "basic" | "commercial"; readonly rate: StratifiedRate })
  | (ParsedLayerCommon & { readonly kind: "supplementary"; readonly rate: StratifiedRate | null; readonly bands: readonly UnitBand[] | null; readonly bandDen: bigint })
  | (ParsedLayerCommon & { readonly kind: "manufacturer"; readonly program: ManufacturerProgram })
  | (ParsedLayerCommon & {
      readonly kind: "assistance";
      readonly groupRates: ReadonlyMap<string, { readonly rate: Dec; readonly fraction: Fraction }>;
      readonly rate: StratifiedRate | null;
    })
  | (ParsedLayerCommon & {
      readonly kind: "pool";
      readonly funders: readonly { readonly id: string; readonly name: string; readonly share: Dec }[];
      readonly total: Dec;
      readonly totalFraction: Fraction;
    });

// A private symbol for the type and a WeakSet for the check (L1): `Symbol.for` was global,
// so any JS code could forge a "parsed" plan by setting it on a document.
const PLAN_BRAND: unique symbol = Symbol("precision-vbp.tiers.coveragePlan");
const madePlans = new WeakSet<object>();

/** Freezes plain objects and arrays all the way down (Decimals are left alone: decimal.js owns them). */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || Decimal.isDecimal(value)) return value;
  for (const v of Object.values(value as object)) deepFreeze(v);
  return Object.freeze(value);
}

/** A parsed coverage plan: validate once with {@link parseLayers}, settle many claims with {@link splitBill}. */
export interface CoveragePlan {
  readonly currency: string;
  /** Minor digits of the currency. */
  readonly scale: number;
  readonly rounding: Rounding;
  readonly layers: readonly CoverageLayer[];
  readonly [PLAN_BRAND]: true;
}

/**
 * True when `value` is a plan made by {@link parseLayers}.
 *
 * @example
 * ```ts
 * isCoveragePlan(parseLayers({ currency: "CNY", layers: [{ kind: "basic", rate: 0.7 }] })); // true
 * isCoveragePlan({ layers: [] });                              // false (a document, not yet parsed)
 * ```
 */
export function isCoveragePlan(value: unknown): value is CoveragePlan {
  return typeof value === "object" && value !== null && madePlans.has(value);
}

function units(amount: Dec | undefined, scale: number, path: IssuePath, what: string): bigint {
  return amount === undefined ? 0n : toUnits(amount, scale, path, what);
}

/**
 * Validates a coverage plan document once and returns the parsed plan that
 * {@link splitBill} settles claims against (amounts in minor units, rates as exact
 * fractions, tables checked for gaps and overlaps). Errors carry the path of the
 * offending field, e.g. `layers[1].rate` or `layers[2].bands`.
 *
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
 */
export function parseLayers(json: unknown): CoveragePlan {
  if (isCoveragePlan(json)) return json;
  const doc = parseInput(coveragePlanSchema, json, "parseLayers");
  const currency = doc.currency;
  const scale = scaleOf(currency);
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  const layers: CoverageLayer[] = doc.layers.map((l, index): CoverageLayer => {
    const at: IssuePath = ["layers", index];
    const id = l.id ?? `${l.kind}-${index + 1}`;
    const before = seen.get(id);
    if (before !== undefined) issues.push({ path: [...at, "id"], code: "duplicate_id", message: `layer id ${JSON.stringify(id)} is already used by layers[${before}]` });
    seen.set(id, index);
    const names = COVERAGE_LAYER_KIND_NAMES[l.kind];
    const base = {
      id,
      name: l.name ?? `${names.en} (${names.zh})`,
      basis: l.basis ?? "remaining",
      covers: l.covers ?? (l.kind === "basic" ? "catalogue" : "all"),
      cap: l.cap === undefined ? null : toUnits(l.cap, scale, [...at, "cap"], "the cap"),
      deductible: 0n,
      index,
    } as const;
    switch (l.kind) {
      case "basic":
        return { ...base, kind: "basic", deductible: units(l.deductible, scale, [...at, "deductible"], "the deductible"), rate: l.rate };
      case "commercial": {
        if (l.cap !== undefined && l.sumInsured !== undefined) {
          issues.push({ path: [...at, "sumInsured"], code: "conflict", message: "give the sum insured or the cap, not both" });
        }
        const cap = l.sumInsured !== undefined ? toUnits(l.sumInsured, scale, [...at, "sumInsured"], "the sum insured") : base.cap;
        return { ...base, cap, kind: "commercial", deductible: units(l.deductible, scale, [...at, "deductible"], "the deductible"), rate: l.rate };
      }
      case "supplementary": {
        if ((l.rate === undefined) === (l.bands === undefined)) {
          issues.push({ path: [...at, "rate"], code: "invalid_layer", message: "a supplementary layer needs either a rate or progressive bands (exactly one)" });
        }
        let bands: UnitBand[] | null = null;
        let bandDen = 1n;
        if (l.bands !== undefined) {
          const t = l.bands;
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
        return {
          ...base,
          kind: "supplementary",
          deductible: units(l.threshold, scale, [...at, "threshold"], "the threshold"),
          rate: l.rate ?? null,
          bands,
          bandDen,
        };
      }
      case "manufacturer": {
        const p = l.program;
        const program: ManufacturerProgram = p.type === "discount" ? { type: "discount", rate: p.rate, fraction: fractionOf(p.rate) } : p;
        return { ...base, kind: "manufacturer", program };
      }
      case "assistance": {
        const groupRates = new Map(Object.entries(l.groupRates ?? {}).map(([g, r]) => [g, { rate: r, fraction: fractionOf(r) }] as const));
        if (groupRates.size === 0 && l.rate === undefined) {
          issues.push({ path: [...at, "groupRates"], code: "invalid_layer", message: "an assistance layer needs group rates, a rate, or both" });
        }
        return { ...base, kind: "assistance", groupRates, rate: l.rate ?? null };
      }
      case "pool": {
        const total = l.funders.reduce((s, f) => s.plus(f.share), new D(0));
        if (total.greaterThan(1)) {
          issues.push({ path: [...at, "funders"], code: "too_big", message: `the funders' shares add up to ${total.toString()}, more than the whole (1)` });
        }
        if (total.isZero()) issues.push({ path: [...at, "funders"], code: "too_small", message: "at least one funder needs a positive share" });
        const funderIds = new Set<string>();
        l.funders.forEach((f, i) => {
          if (funderIds.has(f.id)) issues.push({ path: [...at, "funders", i, "id"], code: "duplicate_id", message: `funder id ${JSON.stringify(f.id)} appears twice` });
          funderIds.add(f.id);
        });
        return {
          ...base,
          kind: "pool",
          funders: l.funders.map((f) => ({ id: f.id, name: f.name ?? f.id, share: f.share })),
          total,
          totalFraction: fractionOf(total.greaterThan(1) ? new D(1) : total),
        };
      }
    }
  });
  if (issues.length > 0) throw new ValidationError(issues, "parseLayers");
  const plan = { currency, scale, rounding: doc.rounding ?? "half-up", layers };
  Object.defineProperty(plan, PLAN_BRAND, { value: true, enumerable: false });
  deepFreeze(plan);
  madePlans.add(plan);
  return plan as unknown as CoveragePlan;
}
