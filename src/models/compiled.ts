import type { ModelStreamResult } from "./streams.js";

/**
 * A model document compiled against a parameter table: evaluates one parameter
 * vector fast (PSA) or in full detail (deterministic run).
 */
export interface CompiledModel<Detail> {
  /** Stream names in the order `totals` writes them. */
  readonly streamNames: readonly string[];
  /** Writes each stream's discounted total for one parameter vector into `out`. `draw` names the PSA draw in errors. */
  totals(params: Float64Array, draw: number | undefined, out: Float64Array): void;
  /** Full run: trace/occupancy, per-cycle values, totals. */
  detail(params: Float64Array): Detail & { readonly streams: Record<string, ModelStreamResult> };
}
