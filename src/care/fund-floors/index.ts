// The registry of floor kinds of an earmarked fund: one file per kind, one line here.
import * as z from "zod";
import type { Rounding } from "../../money/index.js";
import { amountFloorKind, type AmountFloor } from "./amount.js";
import { shareOfYearFloorKind, type ShareOfYearFloor } from "./share-of-year.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const KINDS = {
  amount: amountFloorKind,
  shareOfYear: shareOfYearFloorKind,
} as const;

/**
 * The zod schema of a fund's floor (警戒线): an amount or a share of the calendar year's contributions.
 *
 * @category Earmarked Funds
 */
export const fundFloorSchema = lazySchema(() => z.discriminatedUnion("kind", [KINDS.amount.schema, KINDS.shareOfYear.schema]));

/**
 * A parsed floor.
 *
 * @category Earmarked Funds
 */
export type FundFloor = AmountFloor | ShareOfYearFloor;

/** What a floor may read. */
export interface FloorContext {
  readonly currency: string;
  readonly rounding: Rounding;
  readonly path: readonly (string | number)[];
  /** Contributions dated in the current calendar year, up to the day, in minor units. */
  readonly yearContributions: bigint;
}

/** The floor in minor units. */
export function floorUnits(f: FundFloor, ctx: FloorContext): bigint {
  return (KINDS[f.kind].units as (x: FundFloor, c: FloorContext) => bigint)(f, ctx);
}

/** The floor in words. */
export function describeFloor(f: FundFloor): string {
  return (KINDS[f.kind].describe as (x: FundFloor) => string)(f);
}
