// The Kaplan–Meier product-limit estimate of right-censored data, as a curve document.
import * as z from "zod";
import { parseInput, ValidationError } from "../../core/index.js";
import { survivalDataShape } from "./data.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Input of {@link kaplanMeier}: times (> 0) and event flags (1 event, 0 censored).
 *
 * @category Survival Fitting
 */
export const kaplanMeierInputSchema = lazySchema(() => z.strictObject({ ...survivalDataShape }).strict());

/**
 * Input of {@link kaplanMeier}.
 *
 * @category Survival Fitting
 */
export type KaplanMeierInput = z.input<typeof kaplanMeierInputSchema>;

/**
 * A Kaplan–Meier estimate: a `kaplan-meier` curve document plus the numbers at risk and events at each event time.
 *
 * @category Survival Fitting
 */
export interface KaplanMeierResult {
  /** Starts at (0, 1); then one step per distinct event time. */
  readonly curve: { readonly type: "kaplan-meier"; readonly times: number[]; readonly survival: number[] };
  readonly atRisk: number[];
  readonly events: number[];
}

/**
 * Kaplan–Meier estimate S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ/nᵢ); censorings tied
 * with an event time count as still at risk at it.
 *
 * @param input - right-censored times and event flags (`kaplanMeierInputSchema`).
 * @returns the Kaplan–Meier estimate as a `kaplan-meier` curve, with numbers at risk and events.
 * @throws {ValidationError} when the input does not match `kaplanMeierInputSchema` (path named): an unknown key, a missing field, a value out of range; issue `invalid_length` when times and events differ in length.
 * @example
 * ```ts
 * kaplanMeier({ times: [1, 2, 2, 3], events: [1, 0, 1, 1] }).curve;
 * // { type: "kaplan-meier", times: [0, 1, 2, 3], survival: [1, 0.75, 0.5, 0] }
 * ```
 *
 * @category Survival Fitting
 */
export function kaplanMeier(input: KaplanMeierInput): KaplanMeierResult {
  const parsed = parseInput(kaplanMeierInputSchema, input, "kaplanMeier");
  if (parsed.times.length !== parsed.events.length) {
    throw new ValidationError([{ path: ["events"], code: "invalid_length", message: `${parsed.events.length} event flags for ${parsed.times.length} times` }]);
  }
  return kaplanMeierOf(parsed.times, parsed.events);
}

/** The estimate of already-validated data. */
export function kaplanMeierOf(times: readonly number[], events: readonly number[]): KaplanMeierResult {
  const order = times.map((_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number));
  const out = { times: [0], survival: [1], atRisk: [times.length], events: [0] };
  let atRisk = times.length;
  let s = 1;
  let i = 0;
  while (i < order.length) {
    const t = times[order[i] as number] as number;
    let d = 0;
    let leaving = 0;
    while (i < order.length && times[order[i] as number] === t) {
      d += events[order[i] as number] as number;
      leaving++;
      i++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      out.times.push(t);
      out.survival.push(s);
      out.atRisk.push(atRisk);
      out.events.push(d);
    }
    atRisk -= leaving;
  }
  return { curve: { type: "kaplan-meier", times: out.times, survival: out.survival }, atRisk: out.atRisk, events: out.events };
}
