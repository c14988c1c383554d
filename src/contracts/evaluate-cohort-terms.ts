// Settling a cohort's terms: each term is settled by its rule kind (cohort-rules/).
import * as z from "zod";
import { parseInput, roundingSchema, type Step } from "../core/index.js";
import type { Explanation } from "../core/index.js";
import { type CohortTerm, cohortRuleKind, cohortTermSchema } from "./cohort-rules/registry.js";
import { cohortOutcomeSummarySchema, type CohortRuleSettlement } from "./cohort-rules/rule-kind.js";
import { lazySchema } from "../kernel/lazy-schema.js";

export { cohortTermSchema, type CohortTermInput } from "./cohort-rules/registry.js";
export { cohortOutcomeSummarySchema, type CohortOutcomeSummaryInput, type CohortLine } from "./cohort-rules/rule-kind.js";

/**
 * Input of {@link evaluateCohortTerms}.
 *
 * @category Cohort Rules
 */
export const evaluateCohortTermsInputSchema = lazySchema(() => z.strictObject({
  /** The cohort terms to settle (K5, K6, K8, K9, K11), at least one. */
  terms: z.array(cohortTermSchema).min(1),
  /** The cohort's outcome summary for the settlement period. */
  summary: cohortOutcomeSummarySchema,
  /** Rounding mode of computed amounts (to the currency's minor unit); default `half-up`. */
  rounding: roundingSchema.default("half-up"),
}));

/**
 * Input of {@link evaluateCohortTerms} as the caller writes it.
 *
 * @category Cohort Rules
 */
export type EvaluateCohortTermsInput = z.input<typeof evaluateCohortTermsInputSchema>;

/**
 * The settlement of one cohort term.
 *
 * @category Cohort Rules
 */
export interface CohortTermResult extends CohortRuleSettlement {
  readonly termId: string;
  readonly type: CohortTerm["type"];
}

/**
 * Result of {@link evaluateCohortTerms}.
 *
 * @category Cohort Rules
 */
export interface CohortEvaluation {
  readonly results: readonly CohortTermResult[];
  readonly explanation: Explanation;
}

/**
 * Settles cohort-level terms (K5, K6, K8, K9, K11) against a cohort's outcome summary.
 * Each term gives its own result with lines, totals and an explanation.
 *
 * @example
 * ```ts
 * const r = evaluateCohortTerms({
 *   terms: [{ type: "performanceDeduction", metric: "orr", target: "0.4", deductionRate: "0.2" }],
 *   summary: { patients: 40, responders: 14, amount: { amount: "1000000", currency: "CNY" } },
 * });
 * r.results[0].totals.net.toString(); // "CNY 800000.00"
 * ```
 *
 * @param input - The cohort `terms`, the cohort's outcome `summary` and an optional `rounding`.
 * @throws {ValidationError} when the input does not match `evaluateCohortTermsInputSchema` (the field path is named, e.g. `terms[0].target`).
 * @throws {DomainError} INCONSISTENT_INPUT when the summary contradicts itself (responders or non-responders exceeding patients, a patient listed twice, a renegotiated price before its trigger); UNDEFINED_RESULT for a rate over 0 patients.
 * @category Cohort Rules
 */
export function evaluateCohortTerms(input: EvaluateCohortTermsInput): CohortEvaluation {
  const parsed = parseInput(evaluateCohortTermsInputSchema, input, "evaluateCohortTerms");
  const results = parsed.terms.map((t, i): CohortTermResult => {
    const steps: Step[] = [];
    const settled = cohortRuleKind(t.type).settle(t, parsed.summary, parsed.rounding, steps);
    return { termId: t.id ?? `${t.type}-${i + 1}`, type: t.type, ...settled };
  });
  return { results, explanation: results.flatMap((r) => r.explanation) };
}
