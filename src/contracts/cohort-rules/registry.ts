// The registry of cohort rule kinds, one line per kind; the cohort term schema is
// assembled from it. Adding a kind: write cohort-rules/<kind>.ts and add it below.
import * as z from "zod";
import type { CohortRuleKind } from "./rule-kind.js";
import { performanceDeductionRule } from "./performance-deduction.js";
import { outcomeTiersRule } from "./outcome-tiers.js";
import { continuationGateRule } from "./continuation-gate.js";
import { evidenceRepricingRule } from "./evidence-repricing.js";
import { managedEntryRule } from "./managed-entry.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The cohort rule kinds (K5, K6, K8, K9, K11).
 *
 * @category Cohort Rules
 */
export const COHORT_RULE_KINDS = [performanceDeductionRule, outcomeTiersRule, continuationGateRule, evidenceRepricingRule, managedEntryRule] as const;

type SchemasOf<T extends readonly { schema: z.ZodType }[]> = { -readonly [K in keyof T]: T[K]["schema"] };

/**
 * Cohort-level terms, one of {@link COHORT_RULE_KINDS} by `type`: `performanceDeduction`
 * (K5), `outcomeTiers` (K6), `continuationGate` (K8), `evidenceRepricing` (K9),
 * `managedEntry` (K11). Each kind's schema is documented in its own file.
 *
 * @category Cohort Rules
 */
export const cohortTermSchema = lazySchema(() => z.discriminatedUnion("type", COHORT_RULE_KINDS.map((k) => k.schema) as SchemasOf<typeof COHORT_RULE_KINDS>));

/**
 * A cohort term as written in JSON.
 *
 * @category Cohort Rules
 */
export type CohortTermInput = z.input<typeof cohortTermSchema>;
/**
 * A cohort term after validation.
 *
 * @category Cohort Rules
 */
export type CohortTerm = z.output<typeof cohortTermSchema>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRule = CohortRuleKind<string, any>;
const BY_TYPE = new Map<string, AnyRule>(COHORT_RULE_KINDS.map((k) => [k.type, k as AnyRule]));

/** The cohort rule kind registered under `type`. */
export function cohortRuleKind(type: string): AnyRule {
  const k = BY_TYPE.get(type);
  if (k === undefined) throw new Error(`no cohort rule kind "${type}" is registered`);
  return k;
}
