// The fitted families, by name: adding a family is one file and one line here.
import type { SurvivalFamily } from "./family.js";
import { exponentialFamily } from "./exponential.js";
import { gammaFamily } from "./gamma.js";
import { generalisedGammaFamily } from "./generalised-gamma.js";
import { gompertzFamily } from "./gompertz.js";
import { logLogisticFamily } from "./log-logistic.js";
import { logNormalFamily } from "./log-normal.js";
import { weibullFamily } from "./weibull.js";

/**
 * The families `fitSurvival` fits (flexsurv's set), named as the curve types they produce.
 *
 * @category Survival Fitting
 */
export const SURVIVAL_FIT_FAMILIES = ["exponential", "weibull", "log-logistic", "log-normal", "gompertz", "gamma", "generalised-gamma"] as const;

/**
 * One of {@link SURVIVAL_FIT_FAMILIES}.
 *
 * @category Survival Fitting
 */
export type SurvivalFitFamily = (typeof SURVIVAL_FIT_FAMILIES)[number];

const FAMILIES: ReadonlyMap<SurvivalFitFamily, SurvivalFamily> = new Map<SurvivalFitFamily, SurvivalFamily>([
  ["exponential", exponentialFamily],
  ["weibull", weibullFamily],
  ["log-logistic", logLogisticFamily],
  ["log-normal", logNormalFamily],
  ["gompertz", gompertzFamily],
  ["gamma", gammaFamily],
  ["generalised-gamma", generalisedGammaFamily],
]);

/** The family of a name (the name is already validated against {@link SURVIVAL_FIT_FAMILIES}). */
export function survivalFamily(name: SurvivalFitFamily): SurvivalFamily {
  return FAMILIES.get(name) as SurvivalFamily;
}
