// A fitted curve for PSA: its parameters as one multivariate-normal model parameter, and
// the curve document that reads them.
import * as z from "zod";
import { parseInput, ValidationError } from "../../core/index.js";
import type { ModelExpression } from "../expression.js";
import type { SurvivalCurveInput } from "../survival-curves.js";
import type { SurvivalFitDistribution } from "./fit.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const fitShape = lazySchema(() => z
  .object({
    /** The fitted curve (its parameters are the distribution's keys). */
    curve: z
      .object({
        /** The curve's family, e.g. `weibull`. */
        type: z.string(),
      })
      .loose(),
    /** The fit's sampling distribution of its parameters. */
    distribution: z
      .object({
        /** Always `multivariate-normal` for a fit. */
        type: z.literal("multivariate-normal"),
        /** Parameter names of the curve, e.g. `["shape", "scale"]`. */
        keys: z.array(z.string().min(1)).min(1),
        /** Estimates on the unconstrained scale, one per key. */
        mean: z.array(z.number()),
        /** Covariance of the estimates on that scale. */
        covariance: z.array(z.array(z.number())),
        /** Per key, back to the natural scale: `identity`, `exp` or `logistic`. */
        transform: z.array(z.enum(["identity", "exp", "logistic"])),
      })
      .strict(),
  })
  .loose());

/**
 * Input of {@link survivalFitForPsa}: a `fitSurvival` result and the name to give its parameter.
 *
 * @category Survival Fitting
 */
export const survivalFitForPsaInputSchema = lazySchema(() => z
  .strictObject({
    /** A `fitSurvival` result (its `curve` and `distribution` are read). */
    fit: fitShape,
    /** Name of the model parameter to create, read by the curve as `{ param, key }`. */
    parameter: z.string().min(1),
  })
  .strict());

/**
 * Input of {@link survivalFitForPsa}: a fit (its `curve` and `distribution` are read) and a parameter name.
 *
 * @category Survival Fitting
 */
export interface SurvivalFitForPsaInput {
  readonly fit: { readonly curve: SurvivalCurveInput; readonly distribution: SurvivalFitDistribution };
  readonly parameter: string;
}

/**
 * Turns a fit into what `runModelPsa` takes: `parameter` (put it under `parameters[name]`)
 * draws the curve's parameters jointly from the fit's multivariate normal, and `curve` is
 * the fitted curve with each number replaced by `{ param: name, key }`.
 *
 * @param input - a `fitSurvival` result and the parameter name its curve should read (`survivalFitForPsaInputSchema`).
 * @returns a `multivariate-normal` model parameter and the curve whose parameters reference it.
 * @throws {ValidationError} when the input does not match `survivalFitForPsaInputSchema` (path named): an unknown key, a missing field, a value out of range; a fitted curve whose parameters are not the distribution's keys.
 * @example
 * ```ts
 * declare const times: number[], events: (0 | 1)[];
 * declare const pfs: Parameters<typeof evaluateSurvivalCurve>[0]["curve"];
 * const fit = fitSurvival({ times, events, family: "weibull" });
 * const os = survivalFitForPsa({ fit, parameter: "osFit" });
 * runModelPsa({
 *   parameters: { osFit: os.parameter },
 *   strategies: [{ name: "A", model: { type: "partitioned-survival", cycles: 20, pfs, os: os.curve, streams: { ly: { values: { PF: 1, PD: 1 } } } } }],
 *   effectStream: "ly", costStream: "ly", draws: 1000, seed: 1,
 * });
 * ```
 *
 * @category Survival Fitting
 */
export function survivalFitForPsa(input: SurvivalFitForPsaInput): { parameter: { distribution: SurvivalFitDistribution }; curve: SurvivalCurveInput } {
  const parsed = parseInput(survivalFitForPsaInputSchema, input, "survivalFitForPsa");
  const { curve, distribution } = parsed.fit;
  const keys = new Set(distribution.keys);
  const ref = (key: string): ModelExpression => ({ param: parsed.parameter, key });
  const used = new Set<string>();
  const replace = (c: Record<string, unknown>, path: (string | number)[]): Record<string, unknown> => {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [field, value] of Object.entries(c)) {
      if (field === "type") out[field] = value;
      else if (field === "uncured" && typeof value === "object" && value !== null) out[field] = replace(value as Record<string, unknown>, [...path, field]);
      else if (typeof value === "number" && keys.has(field)) {
        out[field] = ref(field);
        used.add(field);
      } else throw new ValidationError([{ path: [...path, field], code: "invalid_value", message: `the fitted curve's ${field} is not one of the distribution's keys (${distribution.keys.join(", ")})` }]);
    }
    return { ...out };
  };
  const psaCurve = replace(curve, ["fit", "curve"]);
  const missing = distribution.keys.filter((k) => !used.has(k));
  if (missing.length > 0) throw new ValidationError([{ path: ["fit", "distribution", "keys"], code: "invalid_value", message: `keys ${missing.join(", ")} do not appear in the fitted curve` }]);
  return { parameter: { distribution }, curve: psaCurve as SurvivalCurveInput };
}
