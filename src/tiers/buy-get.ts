// Buy N, get M free (买N赠M): manufacturer assistance counted in units of drug.
import * as z from "zod";
import { type Explanation, parseInput, step } from "../core/index.js";
import { D } from "../money/decimal.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link buyGetFreeUnits}.
 *
 * @category Coverage Layers
 */
export const buyGetFreeUnitsInputSchema = lazySchema(() => z
  .strictObject({
    /** Units the patient needs. */
    units: z.number().int().min(0),
    /** Units bought per cycle (N). */
    buy: z.number().int().min(1),
    /** Units given free per cycle (M). */
    get: z.number().int().min(1),
  })
  .strict());

/**
 * Result of {@link buyGetFreeUnits}.
 *
 * @category Coverage Layers
 */
export interface BuyGetFreeUnitsResult {
  readonly units: number;
  readonly paidUnits: number;
  readonly freeUnits: number;
  /** Complete cycles of N paid + M free. */
  readonly fullCycles: number;
  /** Units left after the complete cycles (paid first, then free up to M). */
  readonly partialUnits: number;
  /** freeUnits / units as a decimal string with up to 6 decimals ("0" for no units). */
  readonly savingShare: string;
  readonly explanation: Explanation;
}

/** Paid and free units; pure integer arithmetic shared with the waterfall. */
export function buyGetSplit(units: number, buy: number, get: number): { paid: number; free: number; cycles: number; rest: number } {
  const cycle = buy + get;
  const cycles = Math.floor(units / cycle);
  const rest = units - cycles * cycle;
  // In an incomplete cycle the patient pays for up to N units first; only then are units free.
  const paid = cycles * buy + Math.min(rest, buy);
  return { paid, free: units - paid, cycles, rest };
}

/**
 * How many units are paid and how many are free under buy-N-get-M. Complete
 * cycles give M free units each; in a final incomplete cycle the first N units are
 * paid and any beyond them are free. The saving is at most M / (N + M).
 *
 * @param input - Units dispensed and the programme's buy N, get M.
 * @throws {ValidationError} when the input does not match `buyGetFreeUnitsInputSchema` (the field path is named).
 * @example
 * ```ts
 * buyGetFreeUnits({ units: 10, buy: 2, get: 1 }).paidUnits; // 7 (3 cycles of 2 + 1, then 1 paid)
 * buyGetFreeUnits({ units: 12, buy: 1, get: 1 }).paidUnits; // 6
 * ```
 * @category Coverage Layers
 */
export function buyGetFreeUnits(input: z.input<typeof buyGetFreeUnitsInputSchema>): BuyGetFreeUnitsResult {
  const { units, buy, get } = parseInput(buyGetFreeUnitsInputSchema, input, "buyGetFreeUnits");
  const { paid, free, cycles, rest } = buyGetSplit(units, buy, get);
  const share = units === 0 ? "0" : new D(free).dividedBy(units).toDecimalPlaces(6).toString();
  const explanation = [
    step(
      "tiers.manufacturer.buy-get",
      `Buy ${buy}, get ${get} free on ${units} units: ${cycles} complete cycle(s) of ${buy + get} give ${cycles * get} free; the ${rest} unit(s) left give ${Math.max(0, rest - buy)} free. The patient pays for ${paid} unit(s).`,
      { units, buy, get, fullCycles: cycles, partialUnits: rest, paidUnits: paid, freeUnits: free },
    ),
  ];
  return { units, paidUnits: paid, freeUnits: free, fullCycles: cycles, partialUnits: rest, savingShare: share, explanation };
}
