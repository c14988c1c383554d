// Contribution kind `lumpSum`: an amount tagged by its source (003's rare-disease fund:
// 「醫保、財政、社會捐贈共同籌資」).
import * as z from "zod";
import { isoDateSchema, moneyOf } from "../../core/index.js";
import { type Rounding } from "../../money/index.js";
import { unitsOfMoneyIn } from "../../money/money-units.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** The zod schema of a `lumpSum` contribution: `{ kind: "lumpSum", date, source: "donations", amount: { amount: "10000000", currency: "CNY" } }`. */
export const lumpSumContributionSchema = lazySchema(() => z
  .object({
    /** `"lumpSum"`: one stated amount paid into the fund. */
    kind: z.literal("lumpSum"),
    /** The day the contribution is booked. */
    date: isoDateSchema,
    /** Who pays it in (a budget line, a donor, an insurer). */
    source: z.string().min(1),
    /** The amount, > 0, in the fund's currency. */
    amount: moneyOf({ above: "0" }),
  })
  .strict());

/** A parsed `lumpSum` contribution. */
export type LumpSumContribution = z.output<typeof lumpSumContributionSchema>;

/** The `lumpSum` kind. */
export const lumpSumContributionKind = {
  schema: lumpSumContributionSchema,
  units: (c: LumpSumContribution, ctx: { currency: string; rounding: Rounding; path: readonly (string | number)[] }): bigint => unitsOfMoneyIn(c.amount, ctx.currency, [...ctx.path, "amount"]),
  describe: (c: LumpSumContribution) => `a lump sum from ${c.source}`,
} as const;
