import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import { DomainError, nonNegativeAmountSchema, parseInput, step, type Step } from "../core/index.js";
import { sum, type Money } from "../money/index.js";
import { bundleSchema, bundleSettlementTermsSchema, resolveBundle, settleAgainstPrice, type BundleSettlement } from "./bundle.js";
import { cash } from "./common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link reconcileProviderBundles}: a provider's episodes over a period, each
 * priced by one of the named bundles and settled under shared terms.
 *
 * @category Bundled Payment
 */
export const reconcileProviderBundlesInputSchema = lazySchema(() => bundleSettlementTermsSchema.extend({
  providerId: z.string().min(1),
  period: z.string().optional(),
  /** Bundles by id. */
  bundles: userRecord(z.string(), bundleSchema),
  episodes: z
    .array(
      z.strictObject({
        /** The episode's id, for its line and for errors. */
        episodeId: z.string().min(1),
        /** The id of the bundle (a key of `bundles`) that prices it. */
        bundleId: z.string().min(1),
        /** The episode's actual itemised cost, ≥ 0, in its bundle's currency. */
        actualCost: nonNegativeAmountSchema,
      }),
    )
    .min(1),
}));

/**
 * One episode line of a provider reconciliation.
 *
 * @category Bundled Payment
 */
export interface ProviderEpisodeLine extends Omit<BundleSettlement, "explanation"> {
  readonly episodeId: string;
  readonly bundleId: string;
}

/**
 * A provider's bundled-payment reconciliation over a period.
 *
 * @category Bundled Payment
 */
export interface ProviderBundleReconciliation {
  readonly providerId: string;
  readonly period: string | null;
  readonly episodeCount: number;
  /** Sum of what the payer pays for the episodes. */
  readonly totalPayerPayments: Money;
  /** Sum of the bundle prices. */
  readonly totalBundlePrices: Money;
  readonly totalActualCost: Money;
  readonly totalProviderKeeps: Money;
  readonly totalProviderBears: Money;
  /** Net surplus (+) or overrun (−) for the provider over the period. */
  readonly netProviderMargin: Money;
  readonly lines: readonly ProviderEpisodeLine[];
  readonly explanation: readonly Step[];
}

/**
 * The input of {@link reconcileProviderBundles} as stored (JSON): what {@link reconcileProviderBundlesInputSchema} parses.
 *
 * @category Bundled Payment
 */
export type ReconcileProviderBundlesInput = z.input<typeof reconcileProviderBundlesInputSchema>;

/**
 * Rolls per-episode bundle settlements up to a provider reconciliation: totals of
 * payments, prices and costs, the net surplus or overrun, and one line per episode.
 * An episode naming an unknown bundle is an `UNKNOWN_KEY` error; bundles in different
 * currencies are a `CURRENCY_MISMATCH` error.
 *
 * @category Bundled Payment
 * @param input - the provider id and period, the bundles by id, the episodes (each naming its bundle) and the shared settlement terms.
 * @throws {ValidationError} when a field is missing, malformed, out of range or unknown (path named)
 * @throws {DomainError} UNKNOWN_KEY when an episode names a bundle not in `bundles`; CURRENCY_MISMATCH when its bundle is in another currency than the earlier episodes' (path `episodes[i].bundleId`); INCONSISTENT_INPUT when a bundle's components disagree with its price (path `bundles.<id>.price`)
 *
 * @example
 * ```ts
 * const r = reconcileProviderBundles({
 *   providerId: "H001",
 *   bundles: { lung: { currency: "CNY", price: "28000" } },
 *   episodes: [
 *     { episodeId: "e1", bundleId: "lung", actualCost: "30500" },
 *     { episodeId: "e2", bundleId: "lung", actualCost: "26000" },
 *   ],
 * });
 * r.netProviderMargin; // CNY -500.00
 * ```
 */
export function reconcileProviderBundles(input: ReconcileProviderBundlesInput): ProviderBundleReconciliation {
  const p = parseInput(reconcileProviderBundlesInputSchema, input, "reconcileProviderBundles");
  const prices = new Map<string, ReturnType<typeof resolveBundle>>();
  const lines: ProviderEpisodeLine[] = [];
  p.episodes.forEach((e, i) => {
    const doc = p.bundles[e.bundleId];
    if (doc === undefined) {
      throw new DomainError("UNKNOWN_KEY", `episode ${e.episodeId} names bundle "${e.bundleId}", which is not among the bundles`, {
        path: ["episodes", i, "bundleId"],
        details: { bundleId: e.bundleId, known: Object.keys(p.bundles) },
      });
    }
    let resolved = prices.get(e.bundleId);
    if (resolved === undefined) {
      resolved = resolveBundle(doc, p.rounding, ["bundles", e.bundleId]);
      prices.set(e.bundleId, resolved);
    }
    // name the episode whose bundle breaks the roll-up's currency, not the whole document
    const first = lines[0]?.bundlePrice.currency;
    if (first !== undefined && resolved.price.currency !== first) {
      throw new DomainError("CURRENCY_MISMATCH", `episode ${e.episodeId} is priced in ${resolved.price.currency} by bundle "${e.bundleId}"; the earlier episodes are in ${first}`, {
        path: ["episodes", i, "bundleId"],
        details: { episodeId: e.episodeId, bundleId: e.bundleId, currency: resolved.price.currency, expected: first },
      });
    }
    const s = settleAgainstPrice(resolved.price, cash(e.actualCost, doc.currency), p, []);
    const { explanation: _unused, ...rest } = s;
    lines.push({ episodeId: e.episodeId, bundleId: e.bundleId, ...rest });
  });
  const currency = lines[0]!.bundlePrice.currency;
  const total = (f: (l: ProviderEpisodeLine) => Money): Money => sum(lines.map(f), currency);
  const totalPayerPayments = total((l) => l.payerPayment);
  const totalBundlePrices = total((l) => l.bundlePrice);
  const totalActualCost = total((l) => l.actualCost);
  const totalProviderKeeps = total((l) => l.providerKeeps);
  const totalProviderBears = total((l) => l.providerBears);
  const netProviderMargin = total((l) => l.providerMargin);
  const steps: Step[] = [
    step("budget.provider.episodes", `${lines.length} episodes of provider ${p.providerId} were settled against their bundles.`, { episodes: lines.length, period: p.period ?? null }),
    step("budget.provider.prices", "Sum of the bundle prices.", {}, totalBundlePrices),
    step("budget.provider.actual", "Sum of the actual itemised costs.", {}, totalActualCost),
    step("budget.provider.payments", "Sum of the payer's payments.", {}, totalPayerPayments),
    step(
      "budget.provider.net",
      netProviderMargin.amount.isNegative() ? "Net over the period the provider bears an overrun." : "Net over the period the provider keeps a surplus (or breaks even).",
      { totalProviderKeeps, totalProviderBears },
      netProviderMargin,
    ),
  ];
  return {
    providerId: p.providerId,
    period: p.period ?? null,
    episodeCount: lines.length,
    totalPayerPayments,
    totalBundlePrices,
    totalActualCost,
    totalProviderKeeps,
    totalProviderBears,
    netProviderMargin,
    lines,
    explanation: steps,
  };
}
