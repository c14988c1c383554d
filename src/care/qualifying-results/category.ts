// Qualifying result kind `category`: the result's reported category (EGFR "positive",
// an exon-19 deletion) must be one the gate lists; exact, case-sensitive text.
import * as z from "zod";
import type { TestResult } from "../test-gate.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of a `category` qualifying rule: `{ kind: "category", categories: ["positive"] }`.
 *
 * @category Test Before Drug
 */
export const categoryQualifyingSchema = lazySchema(() => z
  .object({
    /** `"category"`: a result qualifies when its category is one of the list. */
    kind: z.literal("category"),
    /** The categories that qualify (exact text). */
    categories: z.array(z.string().min(1)).min(1),
  })
  .strict());

/**
 * A parsed `category` rule.
 *
 * @category Test Before Drug
 */
export type CategoryQualifying = z.output<typeof categoryQualifyingSchema>;

/** Whether a result qualifies under the rule, and why in words. */
export function categoryQualifies(rule: CategoryQualifying, result: TestResult): { qualifies: boolean; why: string } {
  if (result.category === undefined) return { qualifies: false, why: "the result reports no category" };
  const hit = rule.categories.includes(result.category);
  return { qualifies: hit, why: `category ${result.category} ${hit ? "is" : "is not"} one of [${rule.categories.join(", ")}]` };
}

/** The rule in words. */
export function describeCategoryQualifying(rule: CategoryQualifying): string {
  return `category in [${rule.categories.join(", ")}]`;
}

/** The `category` kind: its schema, how a result is judged, and how it describes itself. */
export const categoryQualifyingKind = { schema: categoryQualifyingSchema, qualifies: categoryQualifies, describe: describeCategoryQualifying } as const;
