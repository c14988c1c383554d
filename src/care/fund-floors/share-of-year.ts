// Floor kind `shareOfYear`: the alarm line is a share of the calendar year's contributions
// (example 5%, after 003 「5%的警戒線」), counted up to the day, rounded once.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import { divideRounded, fractionOf, type Rounding } from "../../money/index.js";
import { percentText } from "../../money/format.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of a `shareOfYear` floor: `{ kind: "shareOfYear", share: 0.05 }`.
 *
 * @category Earmarked Funds
 */
export const shareOfYearFloorSchema = lazySchema(() => z.strictObject({
  /** `"shareOfYear"`: a share of the calendar year's contributions so far. */
  kind: z.literal("shareOfYear"),
  /** The share, a rate in [0, 1] (0.05 = 5 %). */
  share: rateSchema,
}).strict());

/**
 * A parsed `shareOfYear` floor.
 *
 * @category Earmarked Funds
 */
export type ShareOfYearFloor = z.output<typeof shareOfYearFloorSchema>;

/** The `shareOfYear` kind. */
export const shareOfYearFloorKind = {
  schema: shareOfYearFloorSchema,
  /** share × this calendar year's contributions so far. */
  units: (f: ShareOfYearFloor, ctx: { yearContributions: bigint; rounding: Rounding }): bigint => {
    const s = fractionOf(f.share);
    return divideRounded(ctx.yearContributions * s.num, s.den, ctx.rounding);
  },
  describe: (f: ShareOfYearFloor) => `${percentText(f.share)} of the calendar year's contributions`,
} as const;
