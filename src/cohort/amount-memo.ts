// A cohort repeats a handful of amounts (three milestone sizes, a few layer shares) a
// million times. Formatting each as text for every record written would be much of the
// per-patient cost, so texts are memoised — in a memo owned by the prepared settlement it
// serves (made by prepareCohortSettlement, gone with it), never in module state. Bounded;
// past the bound, texts are made each time. Running totals never go through text at all.
import { unitsText } from "../money/minor-units.js";

const LIMIT = 100_000;

/** The texts of the amounts a prepared settlement has written, by minor units, at its one scale. */
export interface AmountTexts {
  readonly scale: number;
  readonly byUnits: Map<bigint, string>;
}

/** A fresh, empty memo for amounts at `scale` digits. */
export function createAmountTexts(scale: number): AmountTexts {
  return { scale, byUnits: new Map() };
}

/** `unitsText`, through `memo` when one is given for this scale: the same amount gives the same string instance. */
export function amountTextAt(value: bigint, scale: number, memo?: AmountTexts): string {
  if (memo === undefined || memo.scale !== scale) return unitsText(value, scale);
  const hit = memo.byUnits.get(value);
  if (hit !== undefined) return hit;
  const text = unitsText(value, scale);
  if (memo.byUnits.size < LIMIT) memo.byUnits.set(value, text);
  return text;
}

const AMOUNT_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * Minor units of a decimal amount text at `scale`, or null when it is not a plain
 * decimal or carries more decimals than the scale (never truncated).
 */
export function amountUnitsAt(text: string, scale: number): bigint | null {
  if (!AMOUNT_TEXT.test(text)) return null;
  const dot = text.indexOf(".");
  if (dot === -1) return BigInt(text) * 10n ** BigInt(scale);
  const places = text.length - dot - 1;
  if (places > scale) return null;
  // "-12.5" at 2 → BigInt("-125") × 10: the sign stays with the digits.
  const units = BigInt(text.slice(0, dot) + text.slice(dot + 1));
  return places === scale ? units : units * 10n ** BigInt(scale - places);
}
