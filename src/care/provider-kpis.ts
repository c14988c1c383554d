// Provider KPI benchmarks (阳性率, 路径偏离率, 30天再入院率): each provider's rate
// numerator ÷ denominator against a target or a reference (given, or the region's pooled
// rate), with a minimum volume below which a provider is never flagged (but still pooled).
import * as z from "zod";
import { type Explanation, parseInput, step, type Step } from "../core/index.js";
import { fixed4 } from "./kpi-comparisons/deviation.js";
import { kpiComparisonSchema, type KpiCounts, prepareComparison } from "./kpi-comparisons/index.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const count = lazySchema(() => z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));

/**
 * The zod schema of {@link benchmarkProviderKpi}'s input: one KPI over one region's providers.
 *
 * @category Provider KPIs
 */
export const benchmarkProviderKpiInputSchema = lazySchema(() => z
  .object({
    /** The indicator (阳性率, 路径偏离率, 30天再入院率): its name and what counts. */
    kpi: z
      .object({
        /** E.g. `positivityRate`, `pathwayDeviationRate`, `readmission30d`. */
        id: z.string().min(1),
        /** A display name for the indicator. */
        name: z.string().optional(),
        /** What a rate is compared with: a reference rate, a target, or the pooled rate. */
        comparison: kpiComparisonSchema,
      })
      .strict(),
    /** The region's providers; ids are unique (any text, `__proto__` included). */
    providers: z
      .array(
        z
          .strictObject({
            /** The provider's id. */
            id: z.string().min(1),
            /** Cases that count against the indicator (a count ≥ 0). */
            numerator: count,
            /** Cases the indicator is taken over (a count ≥ 0, at least the numerator). */
            denominator: count,
          })
          .strict(),
      )
      .min(1),
    /** A provider with a denominator below this is `insufficientVolume`: never flagged, still pooled. 30 by default **[fixed]**. */
    minimumVolume: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).default(30),
  })
  .strict()
  .superRefine((x, ctx) => {
    const seen = new Map<string, number>();
    x.providers.forEach((p, i) => {
      if (p.numerator > p.denominator) {
        ctx.addIssue({ code: "custom", path: ["providers", i, "numerator"], message: `the numerator ${p.numerator} exceeds the denominator ${p.denominator}: a rate is at most 1` });
      }
      const first = seen.get(p.id);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["providers", i, "id"], message: `provider ${JSON.stringify(p.id)} is already listed at providers[${first}]` });
      else seen.set(p.id, i);
    });
  }));

/**
 * A provider's status on a KPI.
 *
 * @category Provider KPIs
 */
export type ProviderKpiStatus = "ok" | "flagged" | "insufficientVolume";

/**
 * One provider's line of {@link benchmarkProviderKpi}.
 *
 * @category Provider KPIs
 */
export interface ProviderKpiLine {
  readonly id: string;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator ÷ denominator half-up to 4 dp ("0.0800"); null when the denominator is 0. Comparisons use the exact fraction. */
  readonly rate: string | null;
  /** The reference this provider was compared with (4 dp); null for a target or when not compared. */
  readonly reference: string | null;
  /** (rate − reference) ÷ reference, signed, half-up to 4 dp ("-0.6800", "+0.8000"); null for a target or when not compared. */
  readonly deviation: string | null;
  readonly status: ProviderKpiStatus;
  readonly flagged: boolean;
}

/**
 * Result of {@link benchmarkProviderKpi}.
 *
 * @category Provider KPIs
 */
export interface ProviderKpiBenchmark {
  readonly kpi: string;
  readonly comparison: "target" | "reference" | "pooled";
  /** The reference shared by every provider (a given or pooled rate), else null. */
  readonly reference: { readonly numerator: string | null; readonly denominator: string | null; readonly rate: string } | null;
  readonly minimumVolume: number;
  /** In input order. */
  readonly providers: readonly ProviderKpiLine[];
  /** Ids of the flagged providers, in input order. */
  readonly flagged: readonly string[];
  readonly insufficientVolume: readonly string[];
  readonly explanation: Explanation;
}

/**
 * Benchmarks one KPI over a region's providers. Rates are compared exactly (as
 * fractions of the counts), shown half-up to 4 dp. A target flags outside its bound
 * (inclusive); a reference flags at a relative deviation d ≤ −0.40 (`low-is-bad`) or
 * d ≥ +0.40 (`high-is-bad`). The pooled reference is Σ numerators ÷ Σ denominators over
 * all providers, those below the minimum volume included.
 *
 * @example
 * ```ts
 * benchmarkProviderKpi({
 *   kpi: { id: "readmission30d", comparison: { kind: "pooled", direction: "high-is-bad" } },
 *   providers: [
 *     { id: "A", numerator: 36, denominator: 200 }, { id: "B", numerator: 20, denominator: 250 },
 *     { id: "C", numerator: 19, denominator: 330 }, { id: "D", numerator: 5, denominator: 20 },
 *   ],
 * }).flagged; // ["A"] (pooled 80/800 = 0.1000; A d = +0.8000; D insufficientVolume)
 * ```
 *
 * @category Provider KPIs
 * @param input - the named arguments, parsed with `benchmarkProviderKpiInputSchema` (JSON as a backend stores it)
 * @throws {ValidationError} when the input does not match `benchmarkProviderKpiInputSchema` (the issue names the field path)
 * @throws {DomainError} UNDEFINED_RESULT when a pooled reference rate is 0 or undefined, so a relative deviation from it is undefined
 */
export function benchmarkProviderKpi(input: z.input<typeof benchmarkProviderKpiInputSchema>): ProviderKpiBenchmark {
  const x = parseInput(benchmarkProviderKpiInputSchema, input, "benchmarkProviderKpi");
  const counts: KpiCounts[] = x.providers.map((p) => ({ n: BigInt(p.numerator), m: BigInt(p.denominator) }));
  const prepared = prepareComparison(x.kpi.comparison, counts);
  const minimum = BigInt(x.minimumVolume);
  const label = x.kpi.name ?? x.kpi.id;
  const steps: Step[] = [
    step("care.kpi.rule", `${label}: each provider's rate is numerator ÷ denominator, compared exactly; ${prepared.description}. Below ${x.minimumVolume} cases a provider is not flagged.`, {
      kpi: x.kpi.id,
      comparison: x.kpi.comparison.kind,
      minimumVolume: x.minimumVolume,
      reference: prepared.reference?.rate ?? null,
    }),
  ];
  const flagged: string[] = [];
  const thin: string[] = [];
  const providers = x.providers.map((p, i): ProviderKpiLine => {
    const c = counts[i]!;
    const rate = c.m === 0n ? null : fixed4(c.n, c.m);
    if (c.m < minimum) {
      thin.push(p.id);
      steps.push(step("care.kpi.insufficient-volume", `${p.id}: ${p.numerator}/${p.denominator}${rate === null ? "" : ` = ${rate}`}; fewer than ${x.minimumVolume} cases, so not flagged (still pooled).`, { provider: p.id, rate }));
      return { id: p.id, numerator: p.numerator, denominator: p.denominator, rate, reference: null, deviation: null, status: "insufficientVolume", flagged: false };
    }
    const j = prepared.judge(c, i);
    if (j.flagged) flagged.push(p.id);
    steps.push(step(j.flagged ? "care.kpi.flagged" : "care.kpi.ok", `${p.id}: ${p.numerator}/${p.denominator} = ${rate}; ${j.why} → ${j.flagged ? "flagged" : "not flagged"}.`, { provider: p.id, rate, reference: j.reference, deviation: j.deviation }));
    return { id: p.id, numerator: p.numerator, denominator: p.denominator, rate, reference: j.reference, deviation: j.deviation, status: j.flagged ? "flagged" : "ok", flagged: j.flagged };
  });
  return { kpi: x.kpi.id, comparison: x.kpi.comparison.kind, reference: prepared.reference, minimumVolume: x.minimumVolume, providers, flagged, insufficientVolume: thin, explanation: steps };
}
