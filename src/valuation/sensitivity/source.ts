// What every kind of sensitivity source (a deterministic model, a PSA metamodel) gives
// the one-way and two-way analyses. Internal.
import type * as z from "zod";
import type { IssuePath, Step } from "../../core/index.js";

/** One strategy's expected cost and effect at one parameter setting (float64: model or metamodel arithmetic). */
export interface StrategyTotals {
  readonly cost: number;
  readonly effect: number;
}

/**
 * A fit summary of one metamodel regression (null fields for a deterministic model).
 *
 * @category Sensitivity Analysis
 */
export interface MetamodelFit {
  /** Parameters regressed on (the varied ones, or every varying parameter). */
  readonly regressors: readonly string[];
  /** Polynomial degree per regressor. */
  readonly degree: number;
  /** Number of columns of the design matrix, intercept included. */
  readonly columns: number;
  readonly draws: number;
  /** Per strategy: R² of the cost and the effect regressions (null when the outcome is constant across draws). */
  readonly rSquared: readonly { readonly strategy: string; readonly cost: number | null; readonly effect: number | null }[];
}

/** Evaluates the strategies with some parameters varied and all others at their base case. */
export interface VariedEvaluator {
  evaluate(values: readonly number[]): StrategyTotals[];
  /** True when every strategy's cost and effect are exactly linear in each varied parameter (a degree-1 metamodel). */
  readonly linear: boolean;
  /** The regression behind it (metamodel), or null (model). */
  readonly fit: MetamodelFit | null;
}

/** A source prepared for analysis. */
export interface PreparedSource {
  readonly kind: "model" | "metamodel";
  readonly strategies: readonly string[];
  /** Currency the costs are stated in, when the source states one. */
  readonly currency: string | undefined;
  /** Base-case value of a parameter that can be varied; throws a ValidationError at `path` otherwise. */
  baseValue(name: string, path: IssuePath): number;
  /** Outcomes with every parameter at its base case. */
  baseline(): StrategyTotals[];
  evaluator(varied: readonly string[]): VariedEvaluator;
  /** How decision thresholds are solved for: on the model by bisection, or on the fitted metamodel. */
  readonly thresholdMethod: "bisection-on-model" | "bisection-on-metamodel";
  readonly explanation: readonly Step[];
}

/**
 * One kind of source, everything about it in one record: its document schema and how a
 * parsed document is prepared. Adding a kind is one file exporting such a record plus one
 * entry in SOURCE_KINDS (sources.ts).
 */
export interface SourceKind<Schema extends z.ZodType<{ readonly type: string }>> {
  /** The `type` its documents carry (the literal of its schema). */
  readonly type: z.output<Schema>["type"];
  readonly schema: Schema;
  /** Prepares a parsed document; issues are reported under `path`. */
  readonly prepare: (doc: z.output<Schema>, path: IssuePath) => PreparedSource;
}
