// The timing engine behind QALYs and discounted costs: where each cycle sits in
// time and what it is worth today. Not part of the public API.
import * as z from "zod";
import { type Dec } from "../money/index.js";
import { D } from "../money/decimal.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * When a cycle's value is counted: at its end (default), its start, or its middle (half-cycle correction).
 *
 * @category QALYs and Discounting
 */
export type CycleTiming = "end" | "start" | "middle";

/**
 * Schema of {@link CycleTiming}.
 *
 * @category QALYs and Discounting
 */
export const cycleTimingSchema = lazySchema(() => z.enum(["end", "start", "middle"]));

/** A cycle laid out on the time axis. */
export interface PlacedCycle {
  /** 1-based cycle number. */
  readonly index: number;
  /** Which input period it came from. */
  readonly period: number;
  readonly start: Dec;
  readonly end: Dec;
  /** The time (years) at which it is counted. */
  readonly at: Dec;
  /** (1 + r)^(−at). */
  readonly factor: Dec;
  readonly years: Dec;
}

/** The upper limit on cycles in one call, so a typo in `repeat` cannot hang a server. */
export const MAX_CYCLES = 100_000;

/** Lays the periods end to end from time 0 and discounts each at its timing point. */
export function placeCycles(
  periods: readonly { readonly years: Dec; readonly repeat: number }[],
  rate: Dec,
  timing: CycleTiming,
): PlacedCycle[] {
  const base = new D(1).plus(rate);
  // Fractional powers are costly at 64 digits; split t into whole years (fast integer
  // power) and a fraction, whose power is computed once per distinct fraction.
  const fractions = new Map<string, Dec>();
  const discount = (at: Dec): Dec => {
    const whole = at.floor();
    const frac = at.minus(whole);
    let f = new D(1);
    if (!frac.isZero()) {
      const key = frac.toString();
      f = fractions.get(key) ?? base.pow(frac.negated());
      fractions.set(key, f);
    }
    return base.pow(whole.negated()).times(f);
  };
  const out: PlacedCycle[] = [];
  let t = new D(0);
  periods.forEach((p, period) => {
    for (let r = 0; r < p.repeat; r++) {
      const start = t;
      const end = t.plus(p.years);
      const at = timing === "end" ? end : timing === "start" ? start : start.plus(end).dividedBy(2);
      const factor = rate.isZero() ? new D(1) : discount(at);
      out.push({ index: out.length + 1, period, start, end, at, factor, years: p.years });
      t = end;
    }
  });
  return out;
}

/** The timing rule in words, for explanations. */
export function describeTiming(timing: CycleTiming): string {
  if (timing === "end") return "each cycle counted at its end, so the first cycle is discounted by one cycle";
  if (timing === "start") return "each cycle counted at its start, so the first cycle is not discounted";
  return "each cycle counted at its midpoint (half-cycle correction)";
}
