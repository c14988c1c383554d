// Variants by patient group (人群差异化待遇): inside one plan, a layer's deductible, rate,
// bands and caps may differ for patients matching a rule (a vulnerable group with a
// halved deductible, five extra points and no cap). The first matching variant applies
// and the explanation names it; accumulators stay the layer's.
import * as z from "zod";
import { bandedTableSchema, type IssuePath, nonNegativeAmountSchema, rateSchema } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import type { PatientAttributes } from "./stratified-rate.js";
import { stratifiedRateSchema } from "./stratified-rate.js";

/** The zod schema of one variant: an id, the rule that chooses it, and the terms it replaces (`null` removes a cap). */
export const layerVariantSchema = z.strictObject({
  /** Named in explanations, unique within the layer. */
  id: z.string().min(1),
  /** Chosen when the patient's attribute (or one of its list values, e.g. `groups`) is among `in`. */
  when: z.strictObject({ attribute: z.string().min(1), in: z.array(z.union([z.string(), z.number()])).min(1) }),
  deductible: nonNegativeAmountSchema.optional(),
  threshold: nonNegativeAmountSchema.optional(),
  rate: stratifiedRateSchema.optional(),
  bands: bandedTableSchema(rateSchema).optional(),
  cap: nonNegativeAmountSchema.nullable().optional(),
  sumInsured: nonNegativeAmountSchema.nullable().optional(),
  lifetimeCap: nonNegativeAmountSchema.nullable().optional(),
  familyDeductible: nonNegativeAmountSchema.nullable().optional(),
  outOfPocketMax: z.strictObject({ individual: nonNegativeAmountSchema.optional(), family: nonNegativeAmountSchema.optional() }).nullable().optional(),
});

/** Document field of variants, accepted by every layer kind. */
export const variantFields = {
  /** Terms that replace the layer's own for matching patients; the first match applies. */
  variants: z.array(layerVariantSchema).min(1).optional(),
};

/** A variant's choosing rule. */
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
