// The reconciliation family: one mechanism, one kind file per scheme, and the registry
// that assembles the document schema (adding a scheme = one file + one line here).
import * as z from "zod";
import { parseInput } from "../../core/index.js";
import { computeEpisodes, reconcileEpisodesInputSchema, type EpisodeReconciliation } from "./episode.js";
import { computeRiskCorridors, reconcileRiskCorridorsInputSchema, type RiskCorridorReconciliation } from "./risk-corridors.js";
import { computeSharedSavings, reconcileSharedSavingsInputSchema, type SharedSavingsReconciliation } from "./shared-savings.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Any reconciliation document, by its `scheme`: shared-savings, risk-corridors or episode.
 *
 * @category Reconciliation
 */
export const reconcileInputSchema = lazySchema(() => z.discriminatedUnion("scheme", [reconcileSharedSavingsInputSchema, reconcileRiskCorridorsInputSchema, reconcileEpisodesInputSchema]));

/**
 * A reconciliation document as stored (JSON).
 *
 * @category Reconciliation
 */
export type ReconcileInput = z.input<typeof reconcileInputSchema>;

/**
 * The result of {@link reconcile}: the scheme's own result type.
 *
 * @category Reconciliation
 */
export type AnyReconciliation = SharedSavingsReconciliation | RiskCorridorReconciliation | EpisodeReconciliation;

type Parsed = z.output<typeof reconcileInputSchema>;

const kinds: { readonly [K in Parsed["scheme"]]: (p: Extract<Parsed, { scheme: K }>) => AnyReconciliation } = {
  "shared-savings": computeSharedSavings,
  "risk-corridors": computeRiskCorridors,
  episode: computeEpisodes,
};

/**
 * Reconciles any reconciliation document through the one mechanism, dispatching on its
 * `scheme` (a backend can store documents of every scheme in one table).
 *
 * @category Reconciliation
 * @param input - a reconciliation document of any scheme (`shared-savings`, `risk-corridors` or `episode`).
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown for the document's scheme (path named)
 * @throws {DomainError} as the scheme's own calculator ({@link reconcileSharedSavings}, {@link reconcileRiskCorridors}, {@link reconcileEpisodes})
 *
 * @example
 * ```ts
 * reconcile({ scheme: "episode", currency: "USD", year: "PY1",
 *   episodeTypes: [{ id: "LEJR", benchmark: { kind: "price", benchmarkPrice: "25000" } }], discount: 0.03,
 *   episodes: [{ id: "e1", type: "LEJR", actual: { amount: "22000", currency: "USD" } }],
 *   limits: { stopGain: 0.2, stopLoss: null }, order: "quality-then-cap" }).providerAmount; // USD 2250.00
 * ```
 */
export function reconcile(input: ReconcileInput): AnyReconciliation {
  const p = parseInput(reconcileInputSchema, input, "reconcile");
  return (kinds[p.scheme] as (x: Parsed) => AnyReconciliation)(p);
}

export { corridorSchema, capSchema, sharingMethodSchema, orderSchema, type Corridor, type CorridorInput, type CapInput, type Reconciliation } from "./mechanism.js";
export { qualityScoreSchema, type QualityScoreInput } from "./quality.js";
export { reconcileSharedSavingsInputSchema, minimumSavingsRateSchema, sharedLossRateSchema, reconcileSharedSavings, type ReconcileSharedSavingsInput, type SharedSavingsReconciliation } from "./shared-savings.js";
export { reconcileRiskCorridorsInputSchema, reconcileRiskCorridors, type ReconcileRiskCorridorsInput, type RiskCorridorReconciliation } from "./risk-corridors.js";
export {
  reconcileEpisodesInputSchema,
  episodeBenchmarkSchema,
  episodeQualityCategorySchema,
  reconcileEpisodes,
  type ReconcileEpisodesInput,
  type EpisodeReconciliation,
  type EpisodeLine,
} from "./episode.js";
