// Fitting several families to the same data and ranking them by AIC.
import * as z from "zod";
import { DomainError, parseInput, step, type Step } from "../../core/index.js";
import { MODEL_TIME_UNITS } from "../streams.js";
import { survivalDataShape } from "./data.js";
import { fitParsed, type SurvivalFitResult } from "./fit.js";
import { SURVIVAL_FIT_FAMILIES, type SurvivalFitFamily } from "./registry.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Input of {@link fitSurvivalModels}: the data and the families to fit (all seven by default).
 *
 * @category Survival Fitting
 */
export const fitSurvivalModelsInputSchema = lazySchema(() => z
  .object({
    ...survivalDataShape,
    /** Families to fit, unique; default all seven. */
    families: z
      .array(z.enum(SURVIVAL_FIT_FAMILIES))
      .min(1)
      .refine((f) => new Set(f).size === f.length, { message: "families must be unique" })
      .default([...SURVIVAL_FIT_FAMILIES]),
    /** Fit each family as a mixture cure model (治愈模型); default false. */
    cure: z.boolean().default(false),
    /** The unit of `times`, carried into the explanation. */
    timeUnit: z.enum(MODEL_TIME_UNITS).optional(),
    /** Iteration limit of each Nelder–Mead simplex run, 10–100,000; default 2,000. */
    maxIterations: z.number().int().min(10).max(100_000).default(2000),
  })
  .strict());

/**
 * Input of {@link fitSurvivalModels}.
 *
 * @category Survival Fitting
 */
export type FitSurvivalModelsInput = z.input<typeof fitSurvivalModelsInputSchema>;

/**
 * Every converged fit, best AIC first, and the families that did not converge with the reason.
 *
 * @category Survival Fitting
 */
export interface SurvivalModelComparison {
  readonly fits: SurvivalFitResult[];
  /** The family with the lowest AIC. */
  readonly best: SurvivalFitFamily;
  readonly failures: { readonly family: SurvivalFitFamily; readonly reason: string }[];
  readonly explanation: Step[];
}

/**
 * Fits each family by maximum likelihood (see `fitSurvival`) and ranks the converged fits
 * by AIC (ties by BIC, then by the order of `families`). A family that does not converge
 * is listed under `failures`; if none converges, a `DomainError` `NOT_CONVERGED`.
 *
 * @param input - the patient data and the families to fit (default all) (`fitSurvivalModelsInputSchema`).
 * @returns the converged fits ranked by AIC, the best family, and the ones that failed with their reasons.
 * @throws {ValidationError} when the input does not match `fitSurvivalModelsInputSchema` (path named): an unknown key, a missing field, a value out of range.
 * @throws {DomainError} NOT_CONVERGED when no family converges.
 * @example
 * ```ts
 * const cmp = fitSurvivalModels({ times: [3, 5, 6, 8, 10, 14, 15, 20], events: [1, 1, 0, 1, 1, 0, 1, 1] });
 * cmp.best;                              // the family with the lowest AIC
 * cmp.fits.map((f) => [f.family, f.aic]); // ranked
 * ```
 *
 * @category Survival Fitting
 */
export function fitSurvivalModels(input: FitSurvivalModelsInput): SurvivalModelComparison {
  const parsed = parseInput(fitSurvivalModelsInputSchema, input, "fitSurvivalModels");
  const fits: SurvivalFitResult[] = [];
  const failures: { family: SurvivalFitFamily; reason: string }[] = [];
  const { families, ...rest } = parsed;
  families.forEach((family, i) => {
    try {
      fits.push(fitParsed({ ...rest, family }, ["families", i]));
    } catch (e) {
      if (e instanceof DomainError && e.code === "NOT_CONVERGED") failures.push({ family, reason: e.reason });
      else throw e;
    }
  });
  if (fits.length === 0) {
    throw new DomainError("NOT_CONVERGED", `no family converged: ${failures.map((f) => `${f.family} (${f.reason})`).join("; ")}`, { path: ["families"], details: { failures: failures.map((f) => f.family) } });
  }
  const order = new Map(families.map((f, i) => [f, i]));
  fits.sort((a, b) => a.aic - b.aic || a.bic - b.bic || (order.get(a.family) as number) - (order.get(b.family) as number));
  const best = (fits[0] as SurvivalFitResult).family;
  const explanation: Step[] = [
    step(
      "models.survival-fit.ranking",
      `Ranked by AIC (lowest first): ${fits.map((f) => `${f.family} ${Number(f.aic.toFixed(2))}`).join(", ")}.${failures.length > 0 ? ` Not converged: ${failures.map((f) => f.family).join(", ")}.` : ""}`,
      { ranking: fits.map((f) => f.family), aic: fits.map((f) => f.aic), bic: fits.map((f) => f.bic) },
    ),
  ];
  return { fits, best, failures, explanation };
}
