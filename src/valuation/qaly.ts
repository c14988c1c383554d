import * as z from "zod";
import { decimalSchema, parseInput, positiveDecimalSchema, rateSchema, step, type Step } from "../core/index.js";
import { type Dec } from "../money/index.js";
import { percentText } from "../money/format.js";
import { D } from "../money/decimal.js";
import { type CycleTiming, cycleTimingSchema, describeTiming, MAX_CYCLES, placeCycles } from "./discounting.js";
import { short } from "./shared.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const utilityFloorSchema = lazySchema(() => decimalSchema.refine((d) => !d.greaterThan(0), { message: "the utility floor must be ≤ 0 (0 = dead)" }));

const utilityPeriodSchema = lazySchema(() => z.strictObject({
  /** Utility weight of the period: 1 = full health, 0 = dead, negative = worse than death. */
  utility: decimalSchema,
  /** Length of one cycle of this period in years (default 1). */
  years: positiveDecimalSchema.optional(),
  /** How many consecutive cycles share this utility (default 1). */
  repeat: z.number().int().min(1).max(MAX_CYCLES).optional(),
}));

/**
 * Input of {@link qaly}: consecutive utility periods from time 0, an annual discount
 * rate for effects, the cycle timing and the lowest utility accepted.
 *
 * @category QALYs and Discounting
 */
export const qalyInputSchema = lazySchema(() => z
  .strictObject({
    /** Consecutive utility periods from time 0, at least one. */
    periods: z.array(utilityPeriodSchema).min(1, "at least one period is needed"),
    /** Annual discount rate for effects, a decimal in [0, 1] (0.03 = 3%). Default 0. */
    discountRate: rateSchema.optional(),
    /** `end` (default), `start` or `middle`. */
    timing: cycleTimingSchema.optional(),
    /** The lowest utility accepted (states worse than death); default −1. Utilities above 1 are always refused. */
    utilityFloor: utilityFloorSchema.optional(),
  })
  .superRefine((doc, ctx) => {
    const floor = doc.utilityFloor ?? new D(-1);
    let cycles = 0;
    doc.periods.forEach((p, i) => {
      if (p.utility.greaterThan(1) || p.utility.lessThan(floor)) {
        ctx.addIssue({
          code: "custom",
          message: `utility ${p.utility.toString()} is outside the accepted range [${floor.toString()}, 1]`,
          path: ["periods", i, "utility"],
        });
      }
      cycles += p.repeat ?? 1;
    });
    if (cycles > MAX_CYCLES) ctx.addIssue({ code: "custom", message: `at most ${MAX_CYCLES} cycles in one call, got ${cycles}`, path: ["periods"] });
  }));

/**
 * Input of {@link qaly} as written by callers.
 *
 * @category QALYs and Discounting
 */
export type QalyInput = z.input<typeof qalyInputSchema>;

/**
 * One cycle's contribution.
 *
 * @category QALYs and Discounting
 */
export interface QalyCycle {
  readonly index: number;
  readonly start: Dec;
  readonly end: Dec;
  readonly utility: Dec;
  readonly discountFactor: Dec;
  readonly qalys: Dec;
  readonly lifeYears: Dec;
}

/**
 * QALYs and life-years, discounted and undiscounted, with the per-cycle detail.
 *
 * @category QALYs and Discounting
 */
export interface QalyResult {
  /** Discounted QALYs (exact to 64 significant digits; round for display). */
  readonly qalys: Dec;
  /** Discounted life-years (the same periods with utility 1). */
  readonly lifeYears: Dec;
  readonly undiscountedQalys: Dec;
  readonly undiscountedLifeYears: Dec;
  readonly timing: CycleTiming;
  readonly discountRate: Dec;
  readonly cycles: readonly QalyCycle[];
  readonly explanation: readonly Step[];
}

/**
 * Quality-adjusted life-years (质量调整生命年) and life-years from utility periods.
 * Each cycle contributes `utility × years × (1 + r)^(−t)`, `t` being its end,
 * start or midpoint in years from time 0.
 *
 * @example
 * ```ts
 * const r = qaly({ periods: [{ utility: 0.8, repeat: 3 }], discountRate: 0.03 });
 * r.qalys.toDecimalPlaces(6).toString();     // "2.262889"
 * r.lifeYears.toDecimalPlaces(6).toString(); // "2.828611"
 * ```
 *
 * @param input - `{ periods, discountRate?, timing?, utilityFloor? }`: utility periods from time 0 and how to discount them
 * @throws {ValidationError} when the input does not match its schema (every issue with its field path; unknown keys refused); a utility outside [floor, 1] is refused at `periods.<i>.utility`, more than MAX_CYCLES cycles at `periods`
 * @category QALYs and Discounting
 */
export function qaly(input: QalyInput): QalyResult {
  const doc = parseInput(qalyInputSchema, input, "qaly");
  const rate = doc.discountRate ?? new D(0);
  const timing = doc.timing ?? "end";
  const placed = placeCycles(
    doc.periods.map((p) => ({ years: p.years ?? new D(1), repeat: p.repeat ?? 1 })),
    rate,
    timing,
  );
  let q = new D(0);
  let ly = new D(0);
  let uq = new D(0);
  let uly = new D(0);
  const cycles: QalyCycle[] = placed.map((c) => {
    const utility = doc.periods[c.period]!.utility;
    const raw = utility.times(c.years);
    const qalys = raw.times(c.factor);
    const lifeYears = c.years.times(c.factor);
    q = q.plus(qalys);
    ly = ly.plus(lifeYears);
    uq = uq.plus(raw);
    uly = uly.plus(c.years);
    return { index: c.index, start: c.start, end: c.end, utility, discountFactor: c.factor, qalys, lifeYears };
  });
  const explanation: Step[] = [
    step(
      "valuation.qaly.timing",
      `${cycles.length} cycle(s) over ${short(uly)} year(s), discounted at ${percentText(rate, { maxPlaces: 6 })} a year, ${describeTiming(timing)}.`,
      { cycles: cycles.length, discountRate: rate, timing },
    ),
    step("valuation.qaly.total", `Undiscounted ${short(uq)} QALYs become ${short(q)} QALYs after discounting.`, {
      undiscountedQalys: uq,
      qalys: q,
    }),
    step("valuation.qaly.life-years", `Life-years: ${short(uly)} undiscounted, ${short(ly)} discounted.`, {
      undiscountedLifeYears: uly,
      lifeYears: ly,
    }),
  ];
  return { qalys: q, lifeYears: ly, undiscountedQalys: uq, undiscountedLifeYears: uly, timing, discountRate: rate, cycles, explanation };
}
