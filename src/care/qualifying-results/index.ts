// The registry of qualifying-result kinds of a test gate: one file per kind, one line here.
import * as z from "zod";
import type { TestResult } from "../test-gate.js";
import { categoryQualifyingKind, type CategoryQualifying } from "./category.js";
import { levelQualifyingKind, type LevelQualifying } from "./level.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const KINDS = {
  category: categoryQualifyingKind,
  level: levelQualifyingKind,
} as const;

/**
 * The zod schema of a gate's qualifying rule: a `category` list or a `level` cut-off.
 *
 * @category Test Before Drug
 */
export const qualifyingResultSchema = lazySchema(() => z.discriminatedUnion("kind", [KINDS.category.schema, KINDS.level.schema]));

/**
 * A parsed qualifying rule.
 *
 * @category Test Before Drug
 */
export type QualifyingResult = CategoryQualifying | LevelQualifying;

interface Kind {
  qualifies(rule: QualifyingResult, result: TestResult): { qualifies: boolean; why: string };
  describe(rule: QualifyingResult): string;
}

const kindOf = (rule: QualifyingResult): Kind => KINDS[rule.kind] as unknown as Kind;

/** Whether a result qualifies, and why. */
export function qualifies(rule: QualifyingResult, result: TestResult): { qualifies: boolean; why: string } {
  return kindOf(rule).qualifies(rule, result);
}

/** The rule in words. */
export function describeQualifying(rule: QualifyingResult): string {
  return kindOf(rule).describe(rule);
}
