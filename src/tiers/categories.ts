// Item categories on a bill (分项): a claim may list lines by category (drug, test,
// consumable, bed, service, …) with their catalogue class (甲 / 乙 / 丙); a layer may set
// per-category eligibility, a first self-pay share by class (乙类先行自付), a rate and an
// annual sub-limit (分项限额). Lines settle one by one through the layers, so each line's
// parts add up to the line and the lines add up to the bill.
import * as z from "zod";
import { type Issue, type IssuePath, nonNegativeAmountSchema, rateSchema } from "../core/index.js";
import { userRecord } from "../core/schemas.js";
import type { Dec } from "../money/index.js";
import { type StratifiedRate, stratifiedRateSchema } from "./stratified-rate.js";
import { type Fraction, fractionOf, toUnits } from "../money/minor-units.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Catalogue classes: A (甲类, fully eligible), B (乙类, eligible after a first self-pay share), C (丙类, off the catalogue).
 *
 * @category Item Categories
 */
export const CATALOGUE_CLASSES = ["A", "B", "C"] as const;

/**
 * A catalogue class of a bill line.
 *
 * @category Item Categories
 */
export type CatalogueClass = (typeof CATALOGUE_CLASSES)[number];

/**
 * The zod schema of one bill line.
 *
 * @category Item Categories
 */
export const billLineSchema = lazySchema(() => z.strictObject({
  /** Shown in explanations; defaults to `line-<position>`. */
  id: z.string().min(1).optional(),
  /** The item category (drug, test, consumable, bed, service, …); some layer of the plan must define it. */
  category: z.string().min(1),
  /** A (甲类), B (乙类) or C (丙类, off the catalogue); absent means on the catalogue with no class-B share. */
  catalogueClass: z.enum(CATALOGUE_CLASSES).optional(),
  /** The line's amount in the plan's currency. */
  amount: nonNegativeAmountSchema,
}));

/**
 * A bill line as JSON.
 *
 * @category Item Categories
 */
export type BillLineInput = z.input<typeof billLineSchema>;

/**
 * The zod schema of a layer's terms for one category.
 *
 * @category Item Categories
 */
export const categoryTermsSchema = lazySchema(() => z.strictObject({
  /** `false`: the layer pays nothing on this category. */
  covered: z.boolean().optional(),
  /** Share of a line the patient pays first, by catalogue class (乙类先行自付, e.g. `{ "B": 0.1 }`); it stays outside this layer's eligible amount. */
  firstSelfPay: z.strictObject({
      /** First self-pay share of class A items (甲类), in [0, 1]. */
      A: rateSchema.optional(),
      /** First self-pay share of class B items (乙类先行自付), in [0, 1], e.g. 0.1. */
      B: rateSchema.optional(),
      /** First self-pay share of class C items (丙类), in [0, 1] (class C is off the catalogue: most layers do not cover it at all). */
      C: rateSchema.optional(),
    }).optional(),
  /** The layer's rate on this category instead of its own rule. */
  rate: stratifiedRateSchema.optional(),
  /** Annual sub-limit on what the layer pays on this category (分项限额). */
  subLimit: nonNegativeAmountSchema.optional(),
}));

/** Document field of per-category terms, accepted by every layer kind. */
export const categoryFields = lazySchema(() => ({
  /** Terms per item category; a layer with categories pays only on the categories it lists (itemised claims only). */
  categories: userRecord(z.string().min(1), categoryTermsSchema).optional(),
}));

/**
 * A layer's parsed terms for one category.
 *
 * @category Item Categories
 */
export interface CategoryTerms {
  readonly category: string;
  readonly covered: boolean;
  readonly firstSelfPay: ReadonlyMap<CatalogueClass, { readonly rate: Dec; readonly fraction: Fraction }>;
  readonly rate: StratifiedRate | null;
  /** Annual sub-limit in minor units; null when none. */
  readonly subLimit: bigint | null;
}

/** Parses a layer's `categories` (null when the layer has none). */
export function prepareCategories(
  doc: Readonly<Record<string, z.output<typeof categoryTermsSchema>>> | undefined,
  scale: number,
  at: IssuePath,
  issues: Issue[],
): ReadonlyMap<string, CategoryTerms> | null {
  if (doc === undefined) return null;
  const out = new Map<string, CategoryTerms>();
  for (const [category, t] of Object.entries(doc)) {
    const path = [...at, "categories", category];
    if (t.covered === false && (t.rate !== undefined || t.subLimit !== undefined || t.firstSelfPay !== undefined)) {
      issues.push({ path: [...path, "covered"], code: "conflict", message: `category ${category} is not covered: it takes no rate, sub-limit or first self-pay share` });
    }
    out.set(category, {
      category,
      covered: t.covered ?? true,
      firstSelfPay: new Map(
        CATALOGUE_CLASSES.flatMap((c) => {
          const r = t.firstSelfPay?.[c];
          return r === undefined ? [] : [[c, { rate: r, fraction: fractionOf(r) }] as const];
        }),
      ),
      rate: t.rate ?? null,
      subLimit: t.subLimit === undefined ? null : toUnits(t.subLimit, scale, [...path, "subLimit"], "the sub-limit"),
    });
  }
  if (out.size === 0) issues.push({ path: [...at, "categories"], code: "too_small", message: "a layer with categories lists at least one" });
  return out;
}

/** A bill line in minor units, as the waterfall reads it. */
export interface UnitLine {
  readonly id: string;
  readonly category: string;
  readonly catalogueClass: CatalogueClass | null;
  readonly amount: bigint;
}
