// A cohort repeats a handful of amounts (three milestone sizes, a few layer shares) a
// million times. Formatting each as text for the record, and reading it back for the
// running totals, would be most of the per-patient cost, so both directions are
// memoised per currency scale. Bounded; past the bound, amounts are computed each time.
import { unitsText } from "../money/minor-units.js";

const LIMIT = 100_000;
const texts: Map<bigint, string>[] = [];
const units: Map<string, bigint>[] = [];

function tables(scale: number): [Map<bigint, string>, Map<string, bigint>] {
  return [(texts[scale] ??= new Map()), (units[scale] ??= new Map())];
}

/** `unitsText` with a memo: the same amount gives the same string instance. */
export function amountTextAt(value: bigint, scale: number): string {
  const [byUnits, byText] = tables(scale);
  const hit = byUnits.get(value);
  if (hit !== undefined) return hit;
  const text = unitsText(value, scale);
  if (byUnits.size < LIMIT) {
    byUnits.set(value, text);
    byText.set(text, value);
  }
  return text;
}

const AMOUNT_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * Minor units of a decimal amount text at `scale`, or null when it is not a plain
 * decimal or carries more decimals than the scale (never truncated).
 */
export function amountUnitsAt(text: string, scale: number): bigint | null {
  const [, byText] = tables(scale);
  const hit = byText.get(text);
  if (hit !== undefined) return hit;
  if (!AMOUNT_TEXT.test(text)) return null;
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  const whole = dot === -1 ? body : body.slice(0, dot);
  const fraction = dot === -1 ? "" : body.slice(dot + 1);
  if (fraction.length > scale) return null;
  const magnitude = BigInt(whole + fraction.padEnd(scale, "0"));
  return negative ? -magnitude : magnitude;
}
