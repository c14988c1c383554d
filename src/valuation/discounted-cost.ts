import * as z from "zod";
import { parseInput, positiveDecimalSchema, rateSchema, roundingSchema, step, type Step } from "../core/index.js";
import { type Money, money, round, type Rounding } from "../money/index.js";
import { percentText } from "../money/format.js";
import { D } from "../money/decimal.js";
import { type CycleTiming, cycleTimingSchema, describeTiming, MAX_CYCLES, placeCycles } from "./discounting.js";
import { commonCurrency, costSchema, short } from "./shared.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const costPeriodSchema = lazySchema(() => z.strictObject({
  /** Cost incurred in each cycle of this period (any sign: offsets are legitimate). */
  cost: costSchema,
  /** Length of one cycle in years (default 1). */
  years: positiveDecimalSchema.optional(),
  /** How many consecutive cycles incur this cost (default 1). */
  repeat: z.number().int().min(1).max(MAX_CYCLES).optional(),
}));

/**
 * Input of {@link discountedCost}: a cost stream as consecutive periods from time 0,
 * with its own annual discount rate (costs and effects may use different rates).
 *
 * @category QALYs and Discounting
 */
export const discountedCostInputSchema = lazySchema(() => z.strictObject({
  /** Consecutive cost periods from time 0, at least one. */
  periods: z.array(costPeriodSchema).min(1, "at least one period is needed"),
  /** Annual discount rate for costs, in [0, 1]. Default 0. */
  discountRate: rateSchema.optional(),
  /** When each cycle is counted: `end` (default), `start` or `middle`. */
  timing: cycleTimingSchema.optional(),
  /** Rounding of the total (default half-up). */
  rounding: roundingSchema.optional(),
}));

/**
 * Input of {@link discountedCost} as written by callers.
 *
 * @category QALYs and Discounting
 */
export type DiscountedCostInput = z.input<typeof discountedCostInputSchema>;

/**
 * A discounted cost stream.
 *
 * @category QALYs and Discounting
 */
export interface DiscountedCostResult {
  /** Present value, rounded once at the end to the minor unit. */
  readonly presentValue: Money;
  /** Present value before rounding. */
  readonly presentValueExact: Money;
  readonly undiscounted: Money;
  readonly timing: CycleTiming;
  readonly cycles: readonly { readonly index: number; readonly at: string; readonly cost: Money; readonly discountFactor: string; readonly presentValue: Money }[];
  readonly explanation: readonly Step[];
}

/**
 * The present value of a cost stream: each cycle's cost × (1 + r)^(−t), summed
 * exactly and rounded once (half-up unless told).
 *
 * @example
 * ```ts
 * const r = discountedCost({ periods: [{ cost: { amount: "1000", currency: "CNY" }, repeat: 2 }], discountRate: 0.05 });
 * r.presentValue.toString(); // "CNY 1859.41" (1000/1.05 + 1000/1.05²)
 * ```
 *
 * @param input - `{ periods, discountRate?, timing?, rounding? }`: the cost stream from time 0 and how to discount and round it
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused)
 * @throws {DomainError} CURRENCY_MISMATCH when two amounts are in different currencies (path of the later one)
 * @category QALYs and Discounting
 */
export function discountedCost(input: DiscountedCostInput): DiscountedCostResult {
  const doc = parseInput(discountedCostInputSchema, input, "discountedCost");
  const currency = commonCurrency(doc.periods.map((p, i) => ({ money: p.cost, path: ["periods", i, "cost"] })));
  const rate = doc.discountRate ?? new D(0);
  const timing = doc.timing ?? "end";
  const rounding: Rounding = doc.rounding ?? "half-up";
  const placed = placeCycles(
    doc.periods.map((p) => ({ years: p.years ?? new D(1), repeat: p.repeat ?? 1 })),
    rate,
    timing,
  );
  let pv = new D(0);
  let raw = new D(0);
  const cycles = placed.map((c) => {
    const cost = doc.periods[c.period]!.cost;
    const value = cost.amount.times(c.factor);
    pv = pv.plus(value);
    raw = raw.plus(cost.amount);
    return { index: c.index, at: c.at.toString(), cost, discountFactor: c.factor.toString(), presentValue: money(value, currency) };
  });
  const exact = money(pv, currency);
  const presentValue = round(exact, rounding);
  const undiscounted = money(raw, currency);
  const explanation: Step[] = [
    step(
      "valuation.cost.discount",
      `${cycles.length} cycle(s) of costs discounted at ${percentText(rate, { maxPlaces: 6 })} a year, ${describeTiming(timing)}.`,
      { cycles: cycles.length, discountRate: rate, timing, undiscounted },
    ),
    step("valuation.cost.present-value", `Present value of the cost stream, rounded ${rounding} once at the end.`, { exact: pv }, presentValue),
  ];
  return { presentValue, presentValueExact: exact, undiscounted, timing, cycles, explanation };
}
