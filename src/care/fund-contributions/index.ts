// The registry of contribution kinds of an earmarked fund: one file per kind, one line here.
import type { Rounding } from "../../money/index.js";
import { lumpSumContributionKind, type LumpSumContribution } from "./lump-sum.js";
import { perCapitaContributionKind, type PerCapitaContribution } from "./per-capita.js";

/** The contribution kinds; their schemas join the fund's entry union. */
export const CONTRIBUTION_KINDS = {
  perCapita: perCapitaContributionKind,
  lumpSum: lumpSumContributionKind,
} as const;

/** A parsed contribution. */
export type Contribution = PerCapitaContribution | LumpSumContribution;

/** A contribution in minor units of the fund's currency. */
export function contributionUnits(c: Contribution, ctx: { currency: string; rounding: Rounding; path: readonly (string | number)[] }): bigint {
  return (CONTRIBUTION_KINDS[c.kind].units as (x: Contribution, k: typeof ctx) => bigint)(c, ctx);
}

/** A contribution in words. */
export function describeContribution(c: Contribution): string {
  return (CONTRIBUTION_KINDS[c.kind].describe as (x: Contribution) => string)(c);
}
