// Variants by patient group (人群差异化待遇): inside one plan, a layer's deductible, rate,
// bands and caps may differ for patients matching a rule (a vulnerable group with a
// halved deductible, five extra points and no cap). A term is stated absolutely (a new
// amount or rate) or relative to the layer's own (a factor or a change on an amount,
// points on a rate or on each band); the plan makes it absolute once, when parsed. The
// first matching variant applies; the explanation names the variant, the rule that chose
// it and what it changed. Accumulators stay the layer's.
import * as z from "zod";
import { amountSchema, type BandedTable, bandedTable, bandedTableSchema, decimal, type Issue, type IssuePath, nonNegativeAmountSchema, nonNegativeDecimalSchema, rateSchema, ValidationError } from "../core/index.js";
import type { Dec } from "../money/index.js";
import { type PatientAttributes, pct, ratePointsWords, rateWords, shiftRate, type StratifiedRate, stratifiedRateSchema } from "./stratified-rate.js";
import { invalid } from "../kernel/index.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/** An amount relative to the layer's own: `{ factor: 0.5 }` halves it, `{ change: "-500" }` lowers it by 500 (exactly one of them). */
export const relativeAmountSchema = lazySchema(() => z
  .strictObject({
    /** Multiplies the layer's own amount (0.5 halves it; 0 removes a deductible); ≥ 0. The result must be whole minor units. */
    factor: nonNegativeDecimalSchema.optional(),
    /** Added to the layer's own amount, in the plan's currency (negative lowers it); the result must stay ≥ 0. */
    change: amountSchema.optional(),
  })
  .refine((v) => (v.factor === undefined) !== (v.change === undefined), { message: "a relative amount gives a factor or a change (exactly one)" }));

/** Points added to the layer's rate (or to every entry of its rate table, or to each progressive band): `{ points: 0.05 }` is five extra points. */
export const ratePointsSchema = lazySchema(() => z.strictObject({
  /** Added to each rate, as a decimal in [−1, 1] (0.05 = five percentage points); every result must stay in [0, 1]. */
  points: decimal({ min: "-1", max: "1" }),
}));

// The relative form first: an object that fails it reports its own field, not "expected an amount".
const amountTerm = lazySchema(() => z.union([relativeAmountSchema, nonNegativeAmountSchema]));

/**
 * The zod schema of one variant: an id, the rule that chooses it, and the terms it replaces or changes (`null` removes a cap).
 *
 * @category Variants
 */
export const layerVariantSchema = lazySchema(() => z.strictObject({
  /** Named in explanations, unique within the layer. */
  id: z.string().min(1),
  /** Chosen when the patient's attribute (or one of its list values, e.g. `groups`) is among `in`. */
  when: z.strictObject({
    /** The patient attribute read (`groups`, `insuranceType`, `residence`, …). */
    attribute: z.string().min(1),
    /** The values that choose the variant (compared as text). */
    in: z.array(z.union([z.string(), z.number()])).min(1),
  }),
  /** The annual deductible (起付线) for the group: an amount, or `{ factor }` / `{ change }` on the layer's own. */
  deductible: amountTerm.optional(),
  /** The annual threshold of a supplementary layer for the group: an amount, or `{ factor }` / `{ change }` on the layer's own. */
  threshold: amountTerm.optional(),
  /** The rate for the group: a rate or table, or `{ points }` added to the layer's own rate (every entry of a table). */
  rate: z.union([ratePointsSchema, stratifiedRateSchema]).optional(),
  /** Progressive bands for the group: a table, or `{ points }` added to each of the layer's own bands. */
  bands: z.union([ratePointsSchema, bandedTableSchema(rateSchema)]).optional(),
  /** The annual cap (封顶线) for the group: an amount, `{ factor }` / `{ change }` on the layer's own, or `null` for no cap. */
  cap: amountTerm.nullable().optional(),
  /** A commercial layer's sum insured for the group (as `cap`); `null` for none. */
  sumInsured: amountTerm.nullable().optional(),
  /** The lifetime cap (终身封顶线) for the group (as `cap`); `null` for none. */
  lifetimeCap: amountTerm.nullable().optional(),
  /** The family deductible (家庭起付线) for the group (as `deductible`); `null` for none. */
  familyDeductible: amountTerm.nullable().optional(),
  /** The out-of-pocket maximum (年度自付上限) for the group, stated in full; `null` for none. */
  outOfPocketMax: z
    .strictObject({
      /** Per person. */
      individual: nonNegativeAmountSchema.optional(),
      /** Per family. */
      family: nonNegativeAmountSchema.optional(),
    })
    .nullable()
    .optional(),
}));

/** Document field of variants, accepted by every layer kind. */
export const variantFields = lazySchema(() => ({
  /** Terms that replace the layer's own for matching patients; the first match applies. */
  variants: z.array(layerVariantSchema).min(1).optional(),
}));

/**
 * A variant's choosing rule.
 *
 * @category Variants
 */
export interface VariantRule {
  readonly attribute: string;
  readonly in: readonly (string | number)[];
}

/** True when the patient matches the rule. `groups` absent means no group; any other missing attribute is an error at `patient.<attribute>`. */
export function matchesVariant(rule: VariantRule, patient: PatientAttributes | undefined, path: IssuePath): boolean {
  const v = patient !== undefined && Object.hasOwn(patient, rule.attribute) ? patient[rule.attribute] : undefined;
  if (v === undefined) {
    if (rule.attribute === "groups") return false;
    throw invalid([...path, rule.attribute], `a variant is chosen by ${rule.attribute}, but the patient has no ${rule.attribute}`, "missing_attribute");
  }
  const values = Array.isArray(v) ? v : [v];
  return values.some((x) => rule.in.some((w) => String(w) === String(x)));
}

/** The rule in words: `groups includes vulnerable`, `insuranceType is resident`. */
export function describeVariantRule(rule: VariantRule, patient: PatientAttributes | undefined): string {
  const v = patient?.[rule.attribute];
  const values = Array.isArray(v) ? v : [v];
  const hit = values.find((x) => rule.in.some((w) => String(w) === String(x)));
  return Array.isArray(v) ? `${rule.attribute} includes ${String(hit)}` : `${rule.attribute} = ${String(hit)}`;
}

const AMOUNT_NAMES: Readonly<Record<string, string>> = {
  deductible: "deductible",
  threshold: "threshold",
  cap: "annual cap",
  sumInsured: "sum insured",
  lifetimeCap: "lifetime cap",
  familyDeductible: "family deductible",
};

/** What a plan needs to make a variant's terms absolute: how to show an amount, where to report. */
export interface VariantTermContext {
  /** Formats an amount of the plan's currency (`CNY 1,000.00`). */
  readonly fmt: (amount: Dec) => string;
  /** Minor digits of the plan's currency. */
  readonly scale: number;
  /** Path of the variant in the plan document. */
  readonly at: IssuePath;
  readonly issues: Issue[];
}

/** A term of a variant made absolute, and the words that say what it changed. */
export interface ResolvedVariantTerm {
  /** The value as the layer's own document would state it (`undefined` removes it). */
  readonly value: unknown;
  /** `deductible CNY 1,000.00 × 0.5 = CNY 500.00`, `rate 75% + 5 points = 80%`, `no annual cap instead of CNY 100,000.00`. */
  readonly words: string;
}

function signed(points: Dec): string {
  const n = points.times(100);
  return `${n.isNegative() ? "−" : "+"} ${n.abs().toString()} point${n.abs().equals(1) ? "" : "s"}`;
}

function bandWords(table: BandedTable<Dec>): string {
  return table.bands.map((b) => pct(b.value)).join(" / ");
}

function isRelativeAmount(v: unknown): v is { factor: Dec; change?: undefined } | { factor?: undefined; change: Dec } {
  return typeof v === "object" && v !== null && ("factor" in v || "change" in v);
}

function isPoints(v: unknown): v is { points: Dec } {
  return typeof v === "object" && v !== null && "points" in v && !("type" in v) && !("bands" in v);
}

/**
 * Makes one term of a variant absolute against the layer's own document value `own`
 * (an amount, a parsed rate, or parsed bands; `undefined` when the layer states none).
 * Returns null, with an issue, when a relative term has nothing to be relative to or
 * gives an amount below zero or a rate outside [0, 1].
 */
export function resolveVariantTerm(key: string, value: unknown, own: unknown, ctx: VariantTermContext): ResolvedVariantTerm | null {
  const path = [...ctx.at, key];
  const name = AMOUNT_NAMES[key];
  if (name !== undefined) {
    const ownAmount = own as Dec | undefined;
    if (value === null) return { value: undefined, words: ownAmount === undefined ? `no ${name}` : `no ${name} instead of ${ctx.fmt(ownAmount)}` };
    if (!isRelativeAmount(value)) return { value, words: `${name} ${ctx.fmt(value as Dec)}${ownAmount === undefined ? "" : ` instead of ${ctx.fmt(ownAmount)}`}` };
    // A deductible the layer does not state is none (0); a cap it does not state cannot be scaled.
    const base = ownAmount ?? (key === "deductible" || key === "threshold" || key === "familyDeductible" ? undefined : null);
    if (base === null) {
      ctx.issues.push({ path, code: "missing_field", message: `the layer states no ${name} for a variant to change: give the ${name} itself` });
      return null;
    }
    if (value.factor !== undefined) {
      const result = base === undefined ? value.factor.times(0) : base.times(value.factor);
      if (result.decimalPlaces() > ctx.scale) {
        ctx.issues.push({ path: [...path, "factor"], code: "sub_minor_unit", message: `the ${name} ${ctx.fmt(base!)} × ${value.factor.toString()} = ${result.toString()} is finer than the currency's minor unit: state the ${name} itself` });
        return null;
      }
      return { value: result, words: `${name} ${base === undefined ? "none" : ctx.fmt(base)} × ${value.factor.toString()} = ${ctx.fmt(result)}` };
    }
    const result = (base ?? value.change.times(0)).plus(value.change);
    if (result.isNegative()) {
      ctx.issues.push({ path: [...path, "change"], code: "too_small", message: `the ${name} ${base === undefined ? "(none)" : ctx.fmt(base)} changed by ${value.change.toString()} would be below zero` });
      return null;
    }
    const by = value.change.isNegative() ? `− ${ctx.fmt(value.change.abs())}` : `+ ${ctx.fmt(value.change)}`;
    return { value: result, words: `${name} ${base === undefined ? "none" : ctx.fmt(base)} ${by} = ${ctx.fmt(result)}` };
  }
  if (key === "rate") {
    const ownRate = own as StratifiedRate | undefined;
    if (!isPoints(value)) return { value, words: `rate ${rateWords(value as StratifiedRate)}${ownRate === undefined ? "" : ` instead of ${rateWords(ownRate)}`}` };
    if (ownRate === undefined) {
      ctx.issues.push({ path, code: "missing_field", message: "the layer states no rate for a variant to add points to: give the rate itself" });
      return null;
    }
    try {
      const moved = shiftRate(ownRate, value.points, [...path, "points"]);
      return { value: moved, words: `rate ${ratePointsWords(ownRate, moved, signed(value.points))}` };
    } catch (e) {
      return recordInvalid(e, ctx);
    }
  }
  if (key === "bands") {
    const ownBands = own as BandedTable<Dec> | undefined;
    if (!isPoints(value)) return { value, words: `bands ${bandWords(value as BandedTable<Dec>)}${ownBands === undefined ? "" : ` instead of ${bandWords(ownBands)}`}` };
    if (ownBands === undefined) {
      ctx.issues.push({ path, code: "missing_field", message: "the layer states no progressive bands for a variant to add points to: give the bands themselves" });
      return null;
    }
    const moved: Dec[] = [];
    for (const b of ownBands.bands) {
      const r = b.value.plus(value.points);
      if (r.isNegative() || r.greaterThan(1)) {
        ctx.issues.push({ path: [...path, "points"], code: "out_of_range", message: `band ${pct(b.value)} ${signed(value.points)} = ${pct(r)} is not a rate in [0, 1]` });
        return null;
      }
      moved.push(r);
    }
    const table = bandedTable<Dec>({ closed: ownBands.closed, domain: ownBands.domain, bands: ownBands.bands.map((b, i) => ({ from: b.from, to: b.to, value: moved[i]!, ...(b.label === undefined ? {} : { label: b.label }) })) }, path);
    return { value: table, words: `each band ${bandWords(ownBands)} ${signed(value.points)} = ${bandWords(table)}` };
  }
  // outOfPocketMax: stated in full, or null.
  if (value === null) return { value: undefined, words: "no out-of-pocket maximum" };
  const o = value as { individual?: Dec; family?: Dec };
  const parts = [o.individual === undefined ? null : `${ctx.fmt(o.individual)} per person`, o.family === undefined ? null : `${ctx.fmt(o.family)} per family`].filter((x) => x !== null);
  return { value, words: `out-of-pocket maximum ${parts.join(" and ")}` };
}

function recordInvalid(e: unknown, ctx: VariantTermContext): null {
  if (e instanceof ValidationError) {
    ctx.issues.push(...e.issues);
    return null;
  }
  throw e;
}

/** The variant in words: `groups includes vulnerable`, `insuranceType = resident`, then what it changed. */
export function describeVariant(variant: { readonly when: VariantRule; readonly changes: readonly string[] }, patient: PatientAttributes | undefined): string {
  const rule = describeVariantRule(variant.when, patient);
  return variant.changes.length === 0 ? rule : `${rule}: ${variant.changes.join("; ")}`;
}
