// KPI comparison kind `pooled`: the rate against the region's pooled rate Σ numerators ÷
// Σ denominators over all its providers, this one included by default **[fixed]**
// (`pool: "others"` leaves the provider out of its own reference).
import * as z from "zod";
import { DomainError } from "../../core/index.js";
import { deviationThresholdSchema, directionSchema, fixed4, fractionOf, judgeDeviation, type KpiCounts, type PreparedComparison } from "./deviation.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of a `pooled` comparison: `{ kind: "pooled", direction: "high-is-bad" }`.
 *
 * @category Provider KPIs
 */
export const pooledComparisonSchema = lazySchema(() => z
  .object({
    /** `"pooled"`: compared with the pooled rate of all providers (or of the others). */
    kind: z.literal("pooled"),
    /** Whether a high or a low rate is bad. */
    direction: directionSchema,
    /** The relative deviation that flags; 0.4 by default. */
    deviation: deviationThresholdSchema,
    /** Whose counts make the reference: every provider (default) or the others only. */
    pool: z.enum(["all", "others"]).default("all"),
  })
  .strict());

/**
 * A parsed `pooled` comparison.
 *
 * @category Provider KPIs
 */
export type PooledComparison = z.output<typeof pooledComparisonSchema>;

function prepare(rule: PooledComparison, all: readonly KpiCounts[]): PreparedComparison {
  // Sums of integers: the pooled rate cannot depend on the order the providers are listed in.
  let sn = 0n;
  let sm = 0n;
  for (const c of all) {
    sn += c.n;
    sm += c.m;
  }
  const t = fractionOf(rule.deviation);
  if (rule.pool === "all") {
    if (sn === 0n) {
      throw new DomainError("UNDEFINED_RESULT", sm === 0n ? "the pooled rate is undefined: every denominator is 0" : "the pooled rate is 0: a relative deviation from it is undefined", {
        path: ["providers"],
        details: { numerator: sn.toString(), denominator: sm.toString() },
      });
    }
    return {
      reference: { numerator: sn.toString(), denominator: sm.toString(), rate: fixed4(sn, sm) },
      description: `pooled rate ${sn}/${sm} = ${fixed4(sn, sm)} over all providers, ${rule.direction}, flagged at a deviation of ${rule.deviation.toFixed()}`,
      judge: (c) => judgeDeviation(c, { num: sn, den: sm }, rule.direction, t),
    };
  }
  return {
    reference: null,
    description: `pooled rate of the other providers, ${rule.direction}, flagged at a deviation of ${rule.deviation.toFixed()}`,
    judge(c, index) {
      const n = sn - c.n;
      const m = sm - c.m;
      if (n === 0n) {
        throw new DomainError("UNDEFINED_RESULT", "the pooled rate of the other providers is 0 or undefined: a relative deviation from it is undefined", {
          path: ["providers", index],
          details: { numerator: n.toString(), denominator: m.toString() },
        });
      }
      return judgeDeviation(c, { num: n, den: m }, rule.direction, t);
    },
  };
}

/** The `pooled` kind. */
export const pooledComparisonKind = { schema: pooledComparisonSchema, prepare } as const;
