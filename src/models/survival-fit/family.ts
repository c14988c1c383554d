// What every fitted distribution family provides: its parameters in the curve
// evaluator's parameterisation (flexsurv's), the scale each is optimised on, its log
// density and log survival, starting values, and the curve document it fits to.
import type { SurvivalCurveInput } from "../survival-curves.js";
import { exp, log } from "./math.js";

/**
 * How a natural parameter maps to the unconstrained scale the optimiser works on.
 *
 * @category Survival Fitting
 */
export type ParameterScale = "log" | "identity" | "logit";

/** One parameter of a family: its name in the curve document and its optimisation scale. */
export interface FamilyParameter {
  readonly name: string;
  readonly scale: ParameterScale;
}

/** `shape` and `scale`, both optimised on the log scale (the Weibull and log-logistic families). */
export const SHAPE_SCALE_PARAMETERS: readonly FamilyParameter[] = [
  { name: "shape", scale: "log" },
  { name: "scale", scale: "log" },
];

/**
 * The terms a shape–scale family's evaluator reads, worked once per parameter vector:
 * `k` = shape, `logScale` = ln scale and `logRate` = ln(shape/scale), the log of the
 * density's leading factor.
 */
export function shapeScaleTerms(shape: number, scale: number): { readonly k: number; readonly logScale: number; readonly logRate: number } {
  const logScale = log(scale);
  return { k: shape, logScale, logRate: log(shape) - logScale };
}

/** Log density and log survival at one time, for one fixed parameter vector. */
export interface FamilyEvaluator {
  /** ln f(t); `logT` is ln t, passed in because every family needs it and the data hold it. */
  logDensity(t: number, logT: number): number;
  /** ln S(t). */
  logSurvival(t: number, logT: number): number;
}

/** Summary statistics of the data that families use for their starting values. */
export interface DataSummary {
  readonly n: number;
  readonly events: number;
  readonly totalTime: number;
  /** Mean and standard deviation of ln t over all observations (censoring ignored: a crude start). */
  readonly meanLogT: number;
  readonly sdLogT: number;
  readonly meanT: number;
  readonly maxT: number;
}

/** A parametric family that can be fitted by maximum likelihood. */
export interface SurvivalFamily {
  readonly name: string;
  readonly parameters: readonly FamilyParameter[];
  /** The evaluator at natural parameters (in `parameters` order); parameters already in their domain. */
  evaluator(natural: readonly number[]): FamilyEvaluator;
  /** Candidate starting points (natural parameters); the fit starts from the one with the highest likelihood. */
  starts(summary: DataSummary): number[][];
  /** The maximum-likelihood estimate in closed form (natural parameters), where there is one. */
  closedForm?(summary: DataSummary): number[];
  /** The curve document of the survival-curves evaluator with these parameters. */
  curve(natural: readonly number[]): SurvivalCurveInput;
}

/** Natural value of an unconstrained coordinate. */
export function toNatural(scale: ParameterScale, x: number): number {
  if (scale === "log") return exp(x);
  if (scale === "logit") return 1 / (1 + exp(-x));
  return x;
}

/** Unconstrained coordinate of a natural value. */
export function toUnconstrained(scale: ParameterScale, v: number): number {
  if (scale === "log") return log(v);
  if (scale === "logit") return log(v / (1 - v));
  return v;
}

/** d(natural)/d(unconstrained), for the delta-method standard errors. */
export function naturalDerivative(scale: ParameterScale, x: number): number {
  if (scale === "log") return exp(x);
  if (scale === "logit") {
    const p = 1 / (1 + exp(-x));
    return p * (1 - p);
  }
  return 1;
}
