// Amounts between bigint minor units and their decimal text, at a currency's scale, on
// the cohort's per-patient path: a record's amounts are written as text only when the
// record is made, and a bill is read from its text once. Running totals never go through
// text. Most amounts a cohort meets are below 2^53 minor units (CNY 90 trillion), where
// a double holds every whole number exactly: those are formatted and parsed with integer
// arithmetic on doubles (no regular expression, no slicing, no intermediate strings);
// anything larger takes the general bigint path. Both give exactly unitsText's text.
import { unitsText } from "../money/minor-units.js";

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8];
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** `unitsText(value, scale)`: the decimal text of `value` minor units at `scale` digits (0 … 8). */
export function amountTextAt(value: bigint, scale: number): string {
  if (value > SAFE || value < -SAFE || scale > 8) return unitsText(value, scale);
  const n = Number(value);
  const a = n < 0 ? -n : n;
  if (scale === 0) return n < 0 ? `-${a}` : `${a}`;
  const p = POW10[scale]!;
  const whole = Math.floor(a / p);
  // Exact: whole × p ≤ a < 2^53.
  const frac = a - whole * p;
  const f = `${frac}`;
  const text = f.length === scale ? `${whole}.${f}` : `${whole}.${"0".repeat(scale - f.length)}${f}`;
  return n < 0 ? `-${text}` : text;
}

/**
 * Minor units of a decimal amount text at `scale` (`-?digits(.digits)?`), or null when it
 * is not a plain decimal or carries more decimals than the scale (never truncated).
 */
export function amountUnitsAt(text: string, scale: number): bigint | null {
  const len = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // "-"
  const negative = i === 1;
  let n = 0;
  let digits = 0;
  let places = -1; // decimals after the point; -1 before it
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
      if (places >= 0) places++;
    } else if (c === 46 && places === -1 && digits > 0) places = 0; // "."
    else return null;
  }
  if (digits === 0 || places === 0) return null; // "", "-", "1."
  const decimals = places === -1 ? 0 : places;
  if (decimals > scale) return null;
  // Up to 15 digits, and then the scaling, stay below 2^53: exact in a double.
  if (digits + scale - decimals <= 15) {
    const units = n * POW10[scale - decimals]!;
    return BigInt(negative ? -units : units);
  }
  const dot = text.indexOf(".");
  const whole = dot === -1 ? text : text.slice(0, dot) + text.slice(dot + 1);
  return BigInt(whole) * 10n ** BigInt(scale - decimals);
}
