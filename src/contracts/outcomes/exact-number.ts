// Attribute numbers (lab values, days) are compared exactly: a bound of 9.5 g/dL must
// not be missed by a binary-float rounding. A number is held as units × 10^-scale.

/** An exact decimal: `units / 10^scale`. */
export interface ExactNumber {
  readonly units: bigint;
  readonly scale: number;
}

const NUMERAL = /^([+-]?)(\d{1,40})(?:\.(\d{1,40}))?(?:[eE]([+-]?\d{1,3}))?$/;

/** The exact value of a finite JS number (by its shortest representation) or a decimal numeral, else null. */
export function exactNumber(value: unknown): ExactNumber | null {
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === "string") {
    text = value;
  } else {
    return null;
  }
  const m = NUMERAL.exec(text);
  if (m === null) return null;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exponent) > 60) return null;
  const fraction = m[3] ?? "";
  let units = BigInt(`${m[2]}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: m[1] === "-" ? -units : units, scale };
}

/** −1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compareExact(a: ExactNumber, b: ExactNumber): number {
  const s = a.scale > b.scale ? a.scale : b.scale;
  const x = a.units * 10n ** BigInt(s - a.scale);
  const y = b.units * 10n ** BigInt(s - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The numeral of an exact number ("9.5", "-3", "0.25"). */
export function exactText(n: ExactNumber): string {
  const negative = n.units < 0n;
  let digits = (negative ? -n.units : n.units).toString();
  if (n.scale > 0) {
    digits = digits.padStart(n.scale + 1, "0");
    digits = `${digits.slice(0, digits.length - n.scale)}.${digits.slice(digits.length - n.scale)}`.replace(/\.?0+$/, "");
  }
  return `${negative && digits !== "0" ? "-" : ""}${digits}`;
}
