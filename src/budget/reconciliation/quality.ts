// A quality score on a stated scale, and how it turns into a factor (gate or sliding scale).
import * as z from "zod";
import { decimalSchema } from "../../core/index.js";
import { type Dec } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { text } from "../common.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A quality score on its scale. `gate`: factor 1 when the score reaches `standard`, else 0
 * (no savings). `sliding`: factor 1 at or above `standard` (when given), else
 * (score − min) ÷ (max − min). A score, or standard, outside the scale is an error.
 *
 * @category Reconciliation
 */
export const qualityScoreSchema = lazySchema(() => z
  .strictObject({
    /** The quality score (质量评分), on `scale`. */
    score: decimalSchema,
    /** The score's scale. */
    scale: z.strictObject({
      /** The lowest possible score. */
      min: decimalSchema,
      /** The highest possible score, above min. */
      max: decimalSchema,
    }),
    /** `gate` (all or nothing at the standard) or `sliding` (a share by position on the scale). */
    method: z.enum(["gate", "sliding"]),
    /** The quality standard on the scale; required for a gate. */
    standard: decimalSchema.optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.scale.min.lessThan(q.scale.max)) {
      ctx.addIssue({ code: "custom", path: ["scale"], message: "the scale's min must be below its max" });
      return;
    }
    const inside = (d: Dec) => d.greaterThanOrEqualTo(q.scale.min) && d.lessThanOrEqualTo(q.scale.max);
    if (!inside(q.score)) ctx.addIssue({ code: "custom", path: ["score"], message: `the quality score ${q.score.toString()} is outside its scale [${q.scale.min.toString()}, ${q.scale.max.toString()}]` });
    if (q.standard !== undefined && !inside(q.standard)) ctx.addIssue({ code: "custom", path: ["standard"], message: `the quality standard ${q.standard.toString()} is outside the scale [${q.scale.min.toString()}, ${q.scale.max.toString()}]` });
    if (q.method === "gate" && q.standard === undefined) ctx.addIssue({ code: "custom", path: ["standard"], message: "a quality gate needs its standard" });
  }));

/**
 * A quality score document as stored (JSON).
 *
 * @category Reconciliation
 */
export type QualityScoreInput = z.input<typeof qualityScoreSchema>;

/** The factor a quality score gives and the sentence that says why. */
export function qualityFactor(q: z.output<typeof qualityScoreSchema>): { factor: Dec; met: boolean; text: string } {
  const scale = `[${text(q.scale.min)}, ${text(q.scale.max)}]`;
  const met = q.standard !== undefined && q.score.greaterThanOrEqualTo(q.standard);
  if (met) return { factor: new D(1), met, text: `Quality score ${text(q.score)} on ${scale} meets the standard ${text(q.standard as Dec)}` };
  if (q.method === "gate") return { factor: new D(0), met, text: `Quality score ${text(q.score)} on ${scale} is below the standard ${text(q.standard as Dec)}` };
  const f = q.score.minus(q.scale.min).dividedBy(q.scale.max.minus(q.scale.min));
  return { factor: f, met, text: `Quality score ${text(q.score)} on ${scale}${q.standard === undefined ? "" : ` is below the standard ${text(q.standard)}; sliding scale`}: (score − ${text(q.scale.min)}) ÷ ${text(q.scale.max.minus(q.scale.min))}` };
}
