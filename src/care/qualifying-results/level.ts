// Qualifying result kind `level`: a measured level (PD-L1 expression 0.50 = 50%) at or
// above the cut-off qualifies; the comparison is exact and inclusive.
import * as z from "zod";
import { nonNegativeDecimalSchema } from "../../core/index.js";
import type { TestResult } from "../test-gate.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of a `level` qualifying rule: `{ kind: "level", atLeast: 0.5 }` (inclusive).
 *
 * @category Test Before Drug
 */
export const levelQualifyingSchema = lazySchema(() => z
  .object({
    /** `"level"`: a result qualifies when its level reaches the cut-off. */
    kind: z.literal("level"),
    /** The cut-off; a level equal to it qualifies. */
    atLeast: nonNegativeDecimalSchema,
  })
  .strict());

/**
 * A parsed `level` rule.
 *
 * @category Test Before Drug
 */
export type LevelQualifying = z.output<typeof levelQualifyingSchema>;

/** Whether a result qualifies under the rule, and why in words. */
export function levelQualifies(rule: LevelQualifying, result: TestResult): { qualifies: boolean; why: string } {
  if (result.level === undefined) return { qualifies: false, why: "the result reports no level" };
  const hit = result.level.greaterThanOrEqualTo(rule.atLeast);
  return { qualifies: hit, why: `level ${result.level.toFixed()} ${hit ? "≥" : "<"} cut-off ${rule.atLeast.toFixed()}` };
}

/** The rule in words. */
export function describeLevelQualifying(rule: LevelQualifying): string {
  return `level ≥ ${rule.atLeast.toFixed()}`;
}

/** The `level` kind: its schema, how a result is judged, and how it describes itself. */
export const levelQualifyingKind = { schema: levelQualifyingSchema, qualifies: levelQualifies, describe: describeLevelQualifying } as const;
