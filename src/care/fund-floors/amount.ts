// Floor kind `amount`: the alarm line is a stated amount.
import * as z from "zod";
import { moneyOf } from "../../core/index.js";
import { unitsOfMoneyIn } from "../../money/money-units.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * The zod schema of an `amount` floor: `{ kind: "amount", amount: { amount: "500000", currency: "CNY" } }`.
 *
 * @category Earmarked Funds
 */
export const amountFloorSchema = lazySchema(() => z.strictObject({
  /** `"amount"`: a fixed floor. */
  kind: z.literal("amount"),
  /** The floor, ≥ 0, in the fund's currency. */
  amount: moneyOf({ min: "0" }),
}).strict());

/**
 * A parsed `amount` floor.
 *
 * @category Earmarked Funds
 */
export type AmountFloor = z.output<typeof amountFloorSchema>;

/** The `amount` kind. */
export const amountFloorKind = {
  schema: amountFloorSchema,
  units: (f: AmountFloor, ctx: { currency: string; path: readonly (string | number)[] }): bigint => unitsOfMoneyIn(f.amount, ctx.currency, [...ctx.path, "amount"]),
  describe: (f: AmountFloor) => `a floor of ${f.amount.amount.toFixed()}`,
} as const;
