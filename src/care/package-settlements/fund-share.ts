// Package settlement kind `fundShare`: had the episode been settled as the package, the
// fund would have paid price × fund rate, rounded once (H19: 1,200,000 × 60%).
import * as z from "zod";
import { nonNegativeAmountSchema, rateSchema } from "../../core/index.js";
import { divideRounded, fractionOf, type Rounding } from "../../money/index.js";
import { scaleOf, toUnits } from "../../money/minor-units.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** The zod schema of a `fundShare` settlement: `{ kind: "fundShare", price: "1200000", fundRate: 0.6 }`. */
export const fundShareSettlementSchema = lazySchema(() => z
  .object({
    /** `"fundShare"`: the fund owes the package price × its fund rate. */
    kind: z.literal("fundShare"),
    /** The package price per episode, in the document's currency. */
    price: nonNegativeAmountSchema,
    /** The fund's share of the package price. */
    fundRate: rateSchema,
  })
  .strict());

/** A parsed `fundShare` settlement. */
export type FundShareSettlement = z.output<typeof fundShareSettlementSchema>;

/** The `fundShare` kind. */
export const fundShareSettlementKind = {
  schema: fundShareSettlementSchema,
  /** Fund due on the episode in minor units. */
  due(rule: FundShareSettlement, ctx: { currency: string; rounding: Rounding; path: readonly (string | number)[] }): bigint {
    const price = toUnits(rule.price, scaleOf(ctx.currency), [...ctx.path, "price"]);
    const f = fractionOf(rule.fundRate);
    return divideRounded(price * f.num, f.den, ctx.rounding);
  },
  describe: (rule: FundShareSettlement) => `the package price ${rule.price.toFixed()} × fund rate ${rule.fundRate.toFixed()}`,
} as const;
