// KPI comparison kind `target`: the rate against a stated bound, ≤ or ≥, inclusive
// (004 「路徑偏離率≤5%」); outside the bound flags.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import { fixed4, fractionOf, type KpiCounts, type PreparedComparison } from "./deviation.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of a `target` comparison: `{ kind: "target", atMost: 0.05 }` or `{ kind: "target", atLeast: 0.9 }`.
 *
 * @category Provider KPIs
 */
export const targetComparisonSchema = lazySchema(() => z
  .object({
    /** `"target"`: compared with a target (at most or at least a rate). */
    kind: z.literal("target"),
    /** Pass when rate ≤ this (inclusive). */
    atMost: rateSchema.optional(),
    /** Pass when rate ≥ this (inclusive). */
    atLeast: rateSchema.optional(),
  })
  .strict()
  .refine((t) => (t.atMost === undefined) !== (t.atLeast === undefined), { message: "a target states exactly one bound: atMost or atLeast", path: ["atMost"] }));

/**
 * A parsed `target` comparison.
 *
 * @category Provider KPIs
 */
export type TargetComparison = z.output<typeof targetComparisonSchema>;

function prepare(rule: TargetComparison): PreparedComparison {
  const upper = rule.atMost !== undefined;
  const bound = fractionOf((rule.atMost ?? rule.atLeast)!);
  const shown = fixed4(bound.num, bound.den);
  return {
    reference: null,
    description: `target: rate ${upper ? "≤" : "≥"} ${(rule.atMost ?? rule.atLeast)!.toFixed()} (inclusive)`,
    judge(c: KpiCounts) {
      // n/m ≤ tn/td ⇔ n·td ≤ tn·m
      const pass = upper ? c.n * bound.den <= bound.num * c.m : c.n * bound.den >= bound.num * c.m;
      return { flagged: !pass, reference: null, deviation: null, why: `rate ${pass ? "within" : "outside"} the target ${upper ? "≤" : "≥"} ${shown}` };
    },
  };
}

/** The `target` kind. */
export const targetComparisonKind = { schema: targetComparisonSchema, prepare } as const;
