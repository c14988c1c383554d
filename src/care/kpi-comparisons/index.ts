// The registry of KPI comparison kinds: one file per kind, one line here.
import * as z from "zod";
import type { KpiCounts, PreparedComparison } from "./deviation.js";
import { pooledComparisonKind, type PooledComparison } from "./pooled.js";
import { referenceComparisonKind, type ReferenceComparison } from "./reference.js";
import { targetComparisonKind, type TargetComparison } from "./target.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const KINDS = {
  target: targetComparisonKind,
  reference: referenceComparisonKind,
  pooled: pooledComparisonKind,
} as const;

/**
 * The zod schema of a KPI comparison: a `target` bound, a given `reference` rate, or the `pooled` regional rate.
 *
 * @category Provider KPIs
 */
export const kpiComparisonSchema = lazySchema(() => z.discriminatedUnion("kind", [KINDS.target.schema, KINDS.reference.schema, KINDS.pooled.schema]));

/**
 * A parsed KPI comparison.
 *
 * @category Provider KPIs
 */
export type KpiComparison = TargetComparison | ReferenceComparison | PooledComparison;

/** Prepares a comparison over all the providers' counts. */
export function prepareComparison(rule: KpiComparison, all: readonly KpiCounts[]): PreparedComparison {
  return (KINDS[rule.kind].prepare as (r: KpiComparison, a: readonly KpiCounts[]) => PreparedComparison)(rule, all);
}

export type { KpiCounts, KpiJudgement, PreparedComparison } from "./deviation.js";
