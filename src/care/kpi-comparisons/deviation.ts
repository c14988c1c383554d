// Shared arithmetic of the KPI comparisons: rates are exact fractions n ÷ m of counts,
// compared by cross-multiplying bigints (never a rounded quotient); the 4-decimal text
// is for display only.
import * as z from "zod";
import { positiveDecimalSchema } from "../../core/index.js";
import { divideRounded, type Fraction, fractionOf, unitsText } from "../../money/index.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** A provider's counts: numerator n ≤ denominator m. */
export interface KpiCounts {
  readonly n: bigint;
  readonly m: bigint;
}

/** A comparison's verdict on one provider. */
export interface KpiJudgement {
  readonly flagged: boolean;
  /** The reference rate, half-up to 4 dp; null for a target. */
  readonly reference: string | null;
  /** d = (rate − reference) ÷ reference, half-up to 4 dp; null for a target. */
  readonly deviation: string | null;
  /** The comparison in words. */
  readonly why: string;
}

/** A comparison ready to judge providers (a pooled reference is computed once). */
export interface PreparedComparison {
  /** The reference used for every provider, or null when it differs per provider or there is none. */
  readonly reference: { readonly numerator: string | null; readonly denominator: string | null; readonly rate: string } | null;
  readonly description: string;
  judge(counts: KpiCounts, index: number): KpiJudgement;
}

/** `num ÷ den` half-up to 4 decimals, as text ("0.0800"). */
export function fixed4(num: bigint, den: bigint): string {
  return unitsText(divideRounded(num * 10_000n, den, "half-up"), 4);
}

/** Which side of the reference is bad. */
export const directionSchema = lazySchema(() => z.enum(["low-is-bad", "high-is-bad"]));

/** The deviation that flags, 0.40 by default **[fixed]** (care §6, mirroring the cost-anomaly line). */
export const deviationThresholdSchema = lazySchema(() => positiveDecimalSchema.prefault("0.4"));

/**
 * Judges n/m against the reference a/b (a > 0): `low-is-bad` flags d ≤ −t, `high-is-bad`
 * flags d ≥ +t, with d = (n/m − a/b) ÷ (a/b), all exact.
 */
export function judgeDeviation(c: KpiCounts, ref: Fraction, direction: "low-is-bad" | "high-is-bad", t: Fraction): KpiJudgement {
  const { num: a, den: b } = ref;
  const { num: p, den: q } = t;
  // d ≤ −p/q  ⇔  n·b·q ≤ a·m·(q − p);  d ≥ p/q  ⇔  n·b·q ≥ a·m·(q + p)   (m, a, b, q > 0)
  const lhs = c.n * b * q;
  const flagged = direction === "low-is-bad" ? lhs <= a * c.m * (q - p) : lhs >= a * c.m * (q + p);
  const deviation = fixed4(c.n * b - a * c.m, a * c.m);
  const tText = unitsText(divideRounded(p * 10_000n, q, "half-up"), 4);
  return {
    flagged,
    reference: fixed4(a, b),
    deviation: deviation.startsWith("-") ? deviation : `+${deviation}`,
    why: `d = ${deviation.startsWith("-") ? deviation : `+${deviation}`} against ${fixed4(a, b)} (${direction}: flagged at d ${direction === "low-is-bad" ? "≤ −" : "≥ +"}${tText})`,
  };
}

export { fractionOf };
