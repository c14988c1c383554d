// Attribute numbers (lab values, days) are compared exactly: a bound of 9.5 g/dL must
// not be missed by a binary-float rounding. A number is held as units × 10^-scale.

/**
 * An exact decimal: `units / 10^scale`.
 *
 * @category Outcome Events
 */
export interface ExactNumber {
  readonly units: bigint;
  readonly scale: number;
  /**
   * The double whose shortest numeral is this decimal ("9.5", "0.1", "12"), when there is
   * one (set by `comparableBound`). A JS number `v` then compares with the decimal
   * exactly as `v` compares with this double: the decimal of `v` (its shortest numeral)
   * and this one lie in the disjoint, ordered rounding intervals of two doubles.
   */
  readonly double?: number;
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

/** The bound with its {@link ExactNumber.double} when the decimal is the shortest numeral of a double. */
export function comparableBound(n: ExactNumber): ExactNumber {
  const d = Number(exactText(n));
  if (!Number.isFinite(d)) return n;
  const back = exactNumber(d);
  return back !== null && compareExact(back, n) === 0 ? { units: n.units, scale: n.scale, double: d } : n;
}

/**
 * −1, 0 or 1 as the value (a JS number or a decimal numeral) is below, equal to or above
 * the bound; null when the value is no finite decimal. Plain double comparison when the
 * value is a number and the bound has its double (see {@link comparableBound}): the same
 * answer as {@link compareExact}, without parsing the value.
 */
export function compareToBound(value: unknown, bound: ExactNumber): number | null {
  if (typeof value === "number" && bound.double !== undefined) {
    if (!Number.isFinite(value)) return null;
    return value < bound.double ? -1 : value > bound.double ? 1 : 0;
  }
  const n = exactNumber(value);
  return n === null ? null : compareExact(n, bound);
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
