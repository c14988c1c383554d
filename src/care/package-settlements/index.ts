// The registry of package-settlement kinds of an unbundling rule: one file per kind, one line here.
import * as z from "zod";
import type { Rounding } from "../../money/index.js";
import { fundShareSettlementKind, type FundShareSettlement } from "./fund-share.js";
import { packageLinesSettlementKind, type PackageLinesSettlement } from "./package-lines.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const KINDS = {
  fundShare: fundShareSettlementKind,
  packageLines: packageLinesSettlementKind,
} as const;

/** The zod schema of how a package would have been settled. */
export const packageSettlementSchema = lazySchema(() => z.discriminatedUnion("kind", [KINDS.fundShare.schema, KINDS.packageLines.schema]));

/** A parsed package settlement. */
export type PackageSettlement = FundShareSettlement | PackageLinesSettlement;

/** What settling the episode as the package needs to know. */
export interface SettlementContext {
  readonly currency: string;
  readonly rounding: Rounding;
  readonly path: readonly (string | number)[];
  /** Fund paid on the episode's lines billed under the package code, minor units. */
  readonly paidOnPackageLines: bigint;
}

/** Fund due on an episode settled as the package, in minor units. */
export function packageFundDue(rule: PackageSettlement, ctx: SettlementContext): bigint {
  return (KINDS[rule.kind].due as (r: PackageSettlement, c: SettlementContext) => bigint)(rule, ctx);
}

/** The settlement rule in words. */
export function describeSettlement(rule: PackageSettlement): string {
  return (KINDS[rule.kind].describe as (r: PackageSettlement) => string)(rule);
}
