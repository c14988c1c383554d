// Maximum-likelihood fit of one parametric family (optionally with a cure fraction) to
// right-censored individual patient data.
import * as z from "zod";
import { DomainError, parseInput, step, type Step } from "../../core/index.js";
import type { SurvivalCurveInput } from "../survival-curves.js";
import { MODEL_TIME_UNITS, type ModelTimeUnit } from "../streams.js";
import { prepareSurvivalData, survivalDataShape, type SurvivalData } from "./data.js";
import { naturalDerivative, toNatural, toUnconstrained, type FamilyParameter, type ParameterScale, type SurvivalFamily } from "./family.js";
import { log, log1pExp, logAddExp } from "./math.js";
import { GRADIENT_TOLERANCE, maximise } from "./optimise.js";
import { SURVIVAL_FIT_FAMILIES, survivalFamily, type SurvivalFitFamily } from "./registry.js";
import { numberText } from "../../money/format.js";
import { lazySchema } from "../../kernel/lazy-schema.js";
/** Six significant digits in sentences. */
const fmt = (x: number): string => numberText(x, 6);

const CURE: FamilyParameter = { name: "cureFraction", scale: "logit" };
/** |logit π| beyond this (π below 3·10⁻⁷ or above 1 − 3·10⁻⁷) is a cure fraction on its boundary, not an estimate. */
const CURE_BOUNDARY_LOGIT = 15;

/**
 * Input of {@link fitSurvival}: the data, the family, whether to add a cure fraction, and the simplex iteration limit.
 *
 * @category Survival Fitting
 */
export const fitSurvivalInputSchema = lazySchema(() => z
  .object({
    ...survivalDataShape,
    /** The parametric family to fit: exponential, weibull, log-logistic, log-normal, gompertz, gamma or generalised-gamma. */
    family: z.enum(SURVIVAL_FIT_FAMILIES),
    /** Mixture cure model: S(t) = π + (1 − π)·S_family(t). */
    cure: z.boolean().default(false),
    /** The unit of `times`, carried into the explanation (the curve's t is in the same unit). */
    timeUnit: z.enum(MODEL_TIME_UNITS).optional(),
    /** Iteration limit of each Nelder–Mead simplex run, 10–100,000; default 2,000. */
    maxIterations: z.number().int().min(10).max(100_000).default(2000),
  })
  .strict());

/**
 * Input of {@link fitSurvival}.
 *
 * @category Survival Fitting
 */
export type FitSurvivalInput = z.input<typeof fitSurvivalInputSchema>;

/**
 * One fitted parameter on its natural scale.
 *
 * @category Survival Fitting
 */
export interface SurvivalFitEstimate {
  readonly name: string;
  readonly estimate: number;
  /** Delta-method standard error from the observed information. */
  readonly standardError: number;
  /** 95% interval, computed on the optimisation scale and mapped back (so it respects the parameter's domain). */
  readonly lower95: number;
  readonly upper95: number;
  /** The scale it was optimised on: `log`, `identity`, or `logit` (the cure fraction). */
  readonly scale: ParameterScale;
}

/**
 * A multivariate-normal parameter distribution for PSA, as `modelDistributionSchema` accepts it.
 *
 * @category Survival Fitting
 */
export interface SurvivalFitDistribution {
  readonly type: "multivariate-normal";
  readonly keys: string[];
  readonly mean: number[];
  readonly covariance: number[][];
  readonly transform: ("identity" | "exp" | "logistic")[];
}

/**
 * A converged fit.
 *
 * @category Survival Fitting
 */
export interface SurvivalFitResult {
  readonly family: SurvivalFitFamily;
  readonly cure: boolean;
  readonly n: number;
  readonly events: number;
  readonly timeUnit?: ModelTimeUnit;
  /** The fitted curve as a survival-curve document (a `mixture-cure` curve for cure models). */
  readonly curve: SurvivalCurveInput;
  readonly estimates: SurvivalFitEstimate[];
  readonly logLik: number;
  /** Number of parameters. */
  readonly parameterCount: number;
  /** −2ℓ + 2k. */
  readonly aic: number;
  /** −2ℓ + k·ln n, n the number of patients (as flexsurv). */
  readonly bic: number;
  /**
   * The sampling distribution of the estimates on the optimisation scale (inverse observed
   * information): a PSA parameter distribution, keys named as the curve's parameters.
   */
  readonly distribution: SurvivalFitDistribution;
  readonly convergence: {
    readonly method: "nelder-mead + newton";
    readonly nelderMeadIterations: number;
    readonly nelderMeadEvaluations: number;
    readonly newtonSteps: number;
    readonly evaluations: number;
    readonly gradientNorm: number;
    readonly gradientTolerance: number;
    readonly hessianNegativeDefinite: true;
  };
  readonly explanation: Step[];
}

const TRANSFORM = { log: "exp", identity: "identity", logit: "logistic" } as const;

/** The log-likelihood of `family` (with a cure fraction as the last coordinate when `cure`) over unconstrained θ. */
export function survivalLogLikelihood(family: SurvivalFamily, cure: boolean, data: SurvivalData): (theta: readonly number[]) => number {
  const params = family.parameters;
  const k = params.length;
  const { times, logTimes, events } = data;
  const n = times.length;
  return (theta) => {
    const natural: number[] = [];
    for (let i = 0; i < k; i++) {
      const p = params[i] as FamilyParameter;
      const v = toNatural(p.scale, theta[i] as number);
      if (!Number.isFinite(v) || (p.scale === "log" && v <= 0)) return Number.NEGATIVE_INFINITY;
      natural.push(v);
    }
    const ev = family.evaluator(natural);
    let ll = 0;
    if (!cure) {
      for (let i = 0; i < n; i++) ll += events[i] === 1 ? ev.logDensity(times[i] as number, logTimes[i] as number) : ev.logSurvival(times[i] as number, logTimes[i] as number);
      return ll;
    }
    const z = theta[k] as number;
    const logPi = -log1pExp(-z);
    const log1mPi = -log1pExp(z);
    for (let i = 0; i < n; i++) {
      const t = times[i] as number;
      const lt = logTimes[i] as number;
      ll += events[i] === 1 ? log1mPi + ev.logDensity(t, lt) : logAddExp(logPi, log1mPi + ev.logSurvival(t, lt));
    }
    return ll;
  };
}

function kaplanMeierTail(data: SurvivalData): number {
  const order = Array.from(data.times.keys()).sort((a, b) => (data.times[a] as number) - (data.times[b] as number));
  let atRisk = order.length;
  let s = 1;
  for (const i of order) {
    if (data.events[i] === 1) s *= 1 - 1 / atRisk;
    atRisk--;
  }
  return s;
}


/** Fits a parsed input; shared by {@link fitSurvival} and `fitSurvivalModels`. */
export function fitParsed(parsed: z.output<typeof fitSurvivalInputSchema>, path: (string | number)[] = []): SurvivalFitResult {
  const family = survivalFamily(parsed.family);
  const params = parsed.cure ? [...family.parameters, CURE] : [...family.parameters];
  const k = params.length;
  const data = prepareSurvivalData(parsed.times, parsed.events, k);
  const familyStarts = family.starts(data.summary).filter((s) => s.every((v, i) => Number.isFinite(v) && (family.parameters[i]?.scale !== "log" || v > 0)));
  let starts = familyStarts.map((s) => s.map((v, i) => toUnconstrained((family.parameters[i] as FamilyParameter).scale, v)));
  if (parsed.cure) {
    const tail = Math.min(0.9, Math.max(0.05, kaplanMeierTail(data)));
    starts = starts.flatMap((s) => [tail, 0.5 * tail, 0.2].map((p) => [...s, log(p / (1 - p))]));
  }
  const ll = survivalLogLikelihood(family, parsed.cure, data);
  // a closed-form MLE (the exponential without cure: events / time at risk) is used as it is
  const exact = !parsed.cure && family.closedForm ? family.closedForm(data.summary) : undefined;
  const opt = maximise(ll, starts, parsed.maxIterations, exact?.map((v, i) => toUnconstrained((family.parameters[i] as FamilyParameter).scale, v)));
  const label = `${parsed.family}${parsed.cure ? " mixture-cure" : ""}`;
  const boundary = parsed.cure ? Math.abs(opt.theta[k - 1] as number) : 0;
  if (boundary > CURE_BOUNDARY_LOGIT) {
    const side = (opt.theta[k - 1] as number) < 0 ? "0 (no plateau in these data)" : "1 (almost nobody has the event)";
    throw new DomainError("NOT_CONVERGED", `the ${label} fit did not converge: the cure fraction runs to its boundary ${side}; fit the model without a cure fraction`, {
      path: [...path, "cure"],
      details: { family: parsed.family, cure: true, logitCureFraction: opt.theta[k - 1] as number },
    });
  }
  if (opt.failure !== undefined || opt.covariance === undefined) {
    throw new DomainError("NOT_CONVERGED", `the ${label} fit did not converge: ${opt.failure ?? "no covariance"}`, {
      path: [...path, "family"],
      details: { family: parsed.family, cure: parsed.cure, gradientNorm: opt.gradientNorm, hessianNegativeDefinite: opt.hessianPositiveDefinite, evaluations: opt.evaluations },
    });
  }
  const cov = opt.covariance;
  const theta = opt.theta;
  const estimates: SurvivalFitEstimate[] = params.map((p, i) => {
    const x = theta[i] as number;
    const se = Math.sqrt((cov[i] as number[])[i] as number);
    const a = toNatural(p.scale, x - 1.959963984540054 * se);
    const b = toNatural(p.scale, x + 1.959963984540054 * se);
    return { name: p.name, estimate: exact?.[i] ?? toNatural(p.scale, x), standardError: naturalDerivative(p.scale, x) * se, lower95: Math.min(a, b), upper95: Math.max(a, b), scale: p.scale };
  });
  const unbounded = estimates.find((e) => ![e.estimate, e.standardError, e.lower95, e.upper95].every(Number.isFinite));
  if (unbounded !== undefined) {
    throw new DomainError("NOT_CONVERGED", `the ${label} fit did not converge: the standard error of ${unbounded.name} is too large for a finite interval (the data barely inform it)`, {
      path: [...path, "family"],
      details: { family: parsed.family, cure: parsed.cure, parameter: unbounded.name },
    });
  }
  const natural = estimates.map((e) => e.estimate);
  const familyCurve = family.curve(natural.slice(0, family.parameters.length));
  const curve: SurvivalCurveInput = parsed.cure
    ? ({ type: "mixture-cure", cureFraction: natural[k - 1] as number, uncured: familyCurve } as SurvivalCurveInput)
    : familyCurve;
  const n = data.summary.n;
  const aic = -2 * opt.logLik + 2 * k;
  const bic = -2 * opt.logLik + k * log(n);
  const unit = parsed.timeUnit === undefined ? "" : ` (times in ${parsed.timeUnit}s)`;
  const explanation: Step[] = [
    step(
      "models.survival-fit.data",
      `${n} patients${unit}: ${data.summary.events} events and ${n - data.summary.events} right-censored observations; total time at risk ${fmt(data.summary.totalTime)}.`,
      { n, events: data.summary.events, censored: n - data.summary.events, totalTime: data.summary.totalTime },
    ),
    step(
      "models.survival-fit.likelihood",
      parsed.cure
        ? `Mixture cure model S(t) = π + (1 − π)·S_${parsed.family}(t): each event contributes ln((1 − π) f(t)), each censored time ln(π + (1 − π) S(t)).`
        : `${parsed.family} model: each event contributes ln f(t), each censored time ln S(t).`,
      { family: parsed.family, cure: parsed.cure },
    ),
    step(
      "models.survival-fit.optimiser",
      `Maximised over ${params.map((p) => (p.scale === "identity" ? p.name : `${p.scale}(${p.name})`)).join(", ")} by Nelder–Mead and ${opt.newtonSteps} Newton step(s): ${opt.evaluations} likelihood evaluations; scaled gradient norm (|∂ℓ/∂θ|·SE) ${opt.gradientNorm.toExponential(2)} (tolerance ${GRADIENT_TOLERANCE}), Hessian negative definite.`,
      { evaluations: opt.evaluations, newtonSteps: opt.newtonSteps, gradientNorm: opt.gradientNorm },
    ),
    ...estimates.map((e) =>
      step("models.survival-fit.estimate", `${e.name} = ${fmt(e.estimate)} (SE ${fmt(e.standardError)}, 95% CI ${fmt(e.lower95)} to ${fmt(e.upper95)}).`, {
        name: e.name,
        estimate: e.estimate,
        standardError: e.standardError,
        lower95: e.lower95,
        upper95: e.upper95,
      }),
    ),
    step("models.survival-fit.criteria", `Log-likelihood ${fmt(opt.logLik)} with ${k} parameters: AIC ${fmt(aic)}, BIC ${fmt(bic)} (n = ${n}).`, { logLik: opt.logLik, aic, bic, parameterCount: k }),
  ];
  return {
    family: parsed.family,
    cure: parsed.cure,
    n,
    events: data.summary.events,
    ...(parsed.timeUnit === undefined ? {} : { timeUnit: parsed.timeUnit }),
    curve,
    estimates,
    logLik: opt.logLik,
    parameterCount: k,
    aic,
    bic,
    distribution: { type: "multivariate-normal", keys: params.map((p) => p.name), mean: theta.slice(), covariance: cov, transform: params.map((p) => TRANSFORM[p.scale]) },
    convergence: {
      method: "nelder-mead + newton",
      nelderMeadIterations: opt.nelderMeadIterations,
      nelderMeadEvaluations: opt.nelderMeadEvaluations,
      newtonSteps: opt.newtonSteps,
      evaluations: opt.evaluations,
      gradientNorm: opt.gradientNorm,
      gradientTolerance: GRADIENT_TOLERANCE,
      hessianNegativeDefinite: true,
    },
    explanation,
  };
}

/**
 * Fits a parametric survival curve to right-censored individual patient data by maximum
 * likelihood: exponential, Weibull, log-logistic, log-normal, Gompertz, gamma or
 * generalised gamma (flexsurv's parameterisations, those of the curve evaluator), with
 * an optional cure fraction. Standard errors come from the observed information; the
 * result carries AIC, BIC, the curve document and a PSA distribution. A fit that does
 * not converge throws a `DomainError` with code `NOT_CONVERGED`.
 *
 * @param input - right-censored times and event flags, the family, an optional cure fraction (`fitSurvivalInputSchema`).
 * @returns estimates with standard errors, log-likelihood, AIC/BIC, covariance, the fitted curve and its PSA distribution.
 * @throws {ValidationError} when the input does not match `fitSurvivalInputSchema` (path named): an unknown key, a missing field, a value out of range; too few events for the family.
 * @throws {DomainError} NOT_CONVERGED when the optimiser does not reach a proper maximum (the reason is named).
 * @example
 * ```ts
 * const fit = fitSurvival({ times: [2, 5, 7, 11, 13], events: [1, 1, 0, 1, 0], family: "exponential" });
 * fit.estimates[0].estimate; // 3 events / 38 time at risk = 0.0789…
 * fit.curve;                 // { type: "exponential", rate: 0.0789… }
 * ```
 *
 * @category Survival Fitting
 */
export function fitSurvival(input: FitSurvivalInput): SurvivalFitResult {
  return fitParsed(parseInput(fitSurvivalInputSchema, input, "fitSurvival"));
}
