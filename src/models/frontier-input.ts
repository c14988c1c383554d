import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import { currencyCodeSchema, parseInput, ValidationError } from "../core/index.js";
import type { Money } from "../money/index.js";
import { moneyFromFloat } from "./streams.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const resultShape = lazySchema(() => z
  .strictObject({
    /** The result's value streams by name. */
    streams: userRecord(
      z.string(),
      z
        .strictObject({
          /** The stream's discounted total. */
          total: z.number(),
          /** ISO 4217 code of a money stream. */
          currency: z.string().optional(),
        })
        .loose(),
    ),
  })
  .loose());

/**
 * Input of {@link toFrontierInput}: named model results (from {@link runMarkovModel}
 * or {@link runPartitionedSurvival}), the cost and effect stream names, and the
 * currency to use when the cost stream declares none (required then: none is assumed).
 *
 * @category PSA
 */
export const toFrontierInputInputSchema = lazySchema(() => z
  .strictObject({
    /** The strategies compared (at least one). */
    strategies: z
      .array(
        z.strictObject({
          /** Strategy name (策略). */
          name: z.string().min(1),
          /** Its model result (`runMarkovModel`, `runPartitionedSurvival` or any with `streams[name].total`). */
          result: resultShape,
        }),
      )
      .min(1),
    /** Name of the cost stream; default `cost`. */
    costStream: z.string().min(1).default("cost"),
    /** Name of the effect stream; default `qaly`. */
    effectStream: z.string().min(1).default("qaly"),
    /** ISO 4217 code to use when the cost stream declares none; required then (no default: B2). */
    currency: currencyCodeSchema.optional(),
  })
  .strict());

/**
 * Input of {@link toFrontierInput}: any result with `streams[name].total` (and `currency` on money streams).
 *
 * @category PSA
 */
export interface ToFrontierInputInput {
  readonly strategies: readonly { readonly name: string; readonly result: { readonly streams: Readonly<Record<string, { readonly total: number; readonly currency?: string }>> } }[];
  readonly costStream?: string;
  readonly effectStream?: string;
  readonly currency?: string;
}

/**
 * Exactly what valuation's `frontier` accepts.
 *
 * @category PSA
 */
export interface ModelFrontierInput {
  readonly strategies: { readonly name: string; readonly cost: Money; readonly effect: number }[];
}

/**
 * Turns per-strategy model results into valuation's frontier input: the cost
 * stream's discounted total as Money rounded half-up to the cent, the effect
 * stream's discounted total as a number.
 *
 * @param input - named model results and the cost and effect stream names (`toFrontierInputInputSchema`).
 * @returns the `frontier` input: one strategy per result with its cost (Money) and effect.
 * @throws {ValidationError} when the input does not match `toFrontierInputInputSchema` (path named): an unknown key, a missing field, a value out of range; a stream name the results lack, or a cost stream without a currency when no `currency` is given (path `currency`).
 * @example
 * ```ts
 * declare const mono: ReturnType<typeof runMarkovModel>, combo: ReturnType<typeof runMarkovModel>;
 * const input = toFrontierInput({ strategies: [{ name: "Mono", result: mono }, { name: "Combo", result: combo }] });
 * // frontier(input)
 * ```
 *
 * @category PSA
 */
export function toFrontierInput(input: ToFrontierInputInput): ModelFrontierInput {
  const parsed = parseInput(toFrontierInputInputSchema, input, "toFrontierInput");
  return {
    strategies: parsed.strategies.map((s, i) => {
      // own keys only: a stream named "constructor" or "toString" must not find Object.prototype's members
      const stream = (name: string) => (Object.hasOwn(s.result.streams, name) ? s.result.streams[name] : undefined);
      const cost = stream(parsed.costStream);
      const effect = stream(parsed.effectStream);
      if (cost === undefined || effect === undefined) {
        const missing = cost === undefined ? parsed.costStream : parsed.effectStream;
        throw new ValidationError([
          { path: ["strategies", i, "result", "streams", missing], code: "unknown_reference", message: `strategy "${s.name}" has no stream "${missing}"` },
        ]);
      }
      const currency = cost.currency ?? parsed.currency;
      if (currency === undefined) {
        throw new ValidationError([
          { path: ["currency"], code: "invalid_type", message: `the currency is required: strategy "${s.name}"'s cost stream "${parsed.costStream}" states none, so give \`currency\`` },
        ]);
      }
      return { name: s.name, cost: moneyFromFloat(cost.total, currency), effect: effect.total };
    }),
  };
}
