// Contribution kind `perCapita`: insured persons × a yearly rate per person
// (000 「按每人每年20元標準提取」), exact, rounded once to the currency's minor unit.
import * as z from "zod";
import { isoDateSchema, moneyOf } from "../../core/index.js";
import { divideRounded, fractionOf, getCurrency, type Rounding } from "../../money/index.js";
import { unitsOfMoneyIn } from "../../money/money-units.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** The zod schema of a `perCapita` contribution: `{ kind: "perCapita", date, source, insured: 500000, ratePerPerson: { amount: "20", currency: "CNY" } }`. */
export const perCapitaContributionSchema = lazySchema(() => z
  .object({
    /** `"perCapita"`: a rate per insured person (按人头筹资). */
    kind: z.literal("perCapita"),
    /** The day the contribution is booked. */
    date: isoDateSchema,
    /** Who funds it (e.g. "insurance"). */
    source: z.string().min(1),
    /** The number of insured persons, ≥ 1. */
    insured: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    /** The amount per insured person, > 0; the contribution is insured × rate, rounded once. */
    ratePerPerson: moneyOf({ above: "0" }),
  })
  .strict());

/** A parsed `perCapita` contribution. */
export type PerCapitaContribution = z.output<typeof perCapitaContributionSchema>;

/** The `perCapita` kind. */
export const perCapitaContributionKind = {
  schema: perCapitaContributionSchema,
  /** The contribution in minor units: insured × rate, rounded once. */
  units(c: PerCapitaContribution, ctx: { currency: string; rounding: Rounding; path: readonly (string | number)[] }): bigint {
    if (c.ratePerPerson.currency !== ctx.currency) unitsOfMoneyIn(c.ratePerPerson, ctx.currency, [...ctx.path, "ratePerPerson"]);
    // The rate may carry sub-minor digits (0.125 a person): multiply exactly, round once.
    const f = fractionOf(c.ratePerPerson.amount);
    const scale = 10n ** BigInt(getCurrency(ctx.currency).minorUnit);
    return divideRounded(BigInt(c.insured) * f.num * scale, f.den, ctx.rounding);
  },
  describe: (c: PerCapitaContribution) => `${c.insured} insured × ${c.ratePerPerson.amount.toFixed()} a person`,
} as const;
