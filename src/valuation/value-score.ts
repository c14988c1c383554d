import * as z from "zod";
import { decimal, parseInput, rateSchema, step, type Step } from "../core/index.js";
import { type Dec } from "../money/index.js";
import { D } from "../money/decimal.js";
import { short } from "./shared.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const scoreSchema = lazySchema(() => decimal({ min: "0", max: "100" }));

const indicatorSchema = lazySchema(() => z.strictObject({
  /** The indicator's name. */
  name: z.string().min(1),
  /** Its weight within the dimension, in [0, 1]; a dimension's weights sum to 1. */
  weight: rateSchema,
  /** Its score, 0–100. */
  score: scoreSchema,
}));

function checkWeights(weights: readonly Dec[], ctx: z.RefinementCtx, path: (string | number)[]): void {
  const total = weights.reduce((a, w) => a.plus(w), new D(0));
  if (!total.equals(1)) ctx.addIssue({ code: "custom", message: `weights must sum to exactly 1, got ${total.toString()}`, path });
}

/**
 * Input of {@link valueScore}: dimensions (clinical, economic, patient, social…)
 * each with a weight and either a 0–100 score or weighted 0–100 indicators.
 * Weights at each level must sum to exactly 1.
 *
 * @category Value Score and Admission
 */
export const valueScoreInputSchema = lazySchema(() => z
  .strictObject({
    /** The dimensions (clinical, economic, patient, social…), at least one; weights sum to 1. */
    dimensions: z
      .array(
        z.strictObject({
          /** The dimension's name, unique. */
          name: z.string().min(1),
          /** Its weight, in [0, 1]. */
          weight: rateSchema,
          /** Its score, 0–100 (give either this or `indicators`). */
          score: scoreSchema.optional(),
          /** Weighted 0–100 indicators whose weighted mean is the score. */
          indicators: z.array(indicatorSchema).min(1).optional(),
        }),
      )
      .min(1, "at least one dimension is needed"),
  })
  .superRefine((doc, ctx) => {
    checkWeights(doc.dimensions.map((d) => d.weight), ctx, ["dimensions"]);
    const seen = new Set<string>();
    doc.dimensions.forEach((d, i) => {
      if (seen.has(d.name)) ctx.addIssue({ code: "custom", message: `duplicate dimension "${d.name}"`, path: ["dimensions", i, "name"] });
      seen.add(d.name);
      if ((d.score === undefined) === (d.indicators === undefined)) {
        ctx.addIssue({ code: "custom", message: "give either a score or indicators, not both or neither", path: ["dimensions", i] });
      }
      if (d.indicators) checkWeights(d.indicators.map((x) => x.weight), ctx, ["dimensions", i, "indicators"]);
    });
  }));

/**
 * Input of {@link valueScore} as written by callers.
 *
 * @category Value Score and Admission
 */
export type ValueScoreInput = z.input<typeof valueScoreInputSchema>;

/**
 * A weighted multi-dimension value score.
 *
 * @category Value Score and Admission
 */
export interface ValueScoreResult {
  /** Σ weight × score, exact, in [0, 100]. */
  readonly score: Dec;
  readonly dimensions: readonly { readonly name: string; readonly weight: Dec; readonly score: Dec; readonly contribution: Dec }[];
  readonly explanation: readonly Step[];
}

/**
 * The multi-dimension value score: each dimension scored 0–100 (directly or as a
 * weighted mean of its indicators), then weighted; the weights sum to 1.
 *
 * @example
 * ```ts
 * valueScore({ dimensions: [
 *   { name: "clinical", score: 80, weight: 0.4 },
 *   { name: "economic", score: 60, weight: 0.3 },
 *   { name: "patient", score: 70, weight: 0.2 },
 *   { name: "social", score: 50, weight: 0.1 },
 * ] }).score.toFixed(1); // "69.0"
 * ```
 *
 * @param input - `{ dimensions }`: each with a weight and a 0–100 score or weighted indicators
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused); weights not summing to exactly 1 are refused at `dimensions` (or `dimensions.<i>.indicators`)
 * @category Value Score and Admission
 */
export function valueScore(input: ValueScoreInput): ValueScoreResult {
  const doc = parseInput(valueScoreInputSchema, input, "valueScore");
  const explanation: Step[] = [];
  let total = new D(0);
  const dimensions = doc.dimensions.map((d) => {
    const score = d.score ?? d.indicators!.reduce((a, x) => a.plus(x.weight.times(x.score)), new D(0));
    if (d.indicators) {
      explanation.push(
        step("valuation.score.indicators", `${d.name}: indicators ${d.indicators.map((x) => `${x.name} ${short(x.score)} × ${short(x.weight)}`).join(", ")} give ${short(score)}.`, {
          dimension: d.name,
        }),
      );
    }
    const contribution = d.weight.times(score);
    total = total.plus(contribution);
    explanation.push(step("valuation.score.dimension", `${d.name}: ${short(score)} × weight ${short(d.weight)} = ${short(contribution)}.`, { score, weight: d.weight }));
    return { name: d.name, weight: d.weight, score, contribution };
  });
  explanation.push(step("valuation.score.total", `Value score = ${short(total)} out of 100.`, { score: total }));
  return { score: total, dimensions, explanation };
}
