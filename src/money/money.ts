import { type IssuePath, invalid } from "../kernel/errors.js";
import { getCurrency } from "./currency.js";
import { D, Decimal, type Dec, type DecimalInput, describeType, isDecimalText, toDecimalOrReason } from "./decimal.js";

/**
 * The JSON form of Money: the amount as a decimal string, at least at the currency's scale.
 *
 * @category Money Values
 */
export interface MoneyJSON {
  readonly amount: string;
  readonly currency: string;
}

/**
 * An exact amount in a currency. Immutable; every operation returns a new value.
 * `amount` may carry more decimals than the currency's minor unit (an unrounded
 * intermediate such as 0.125); rounding is always an explicit step.
 * Serialises with `JSON.stringify` as `{ "amount": "480000.00", "currency": "CNY" }`.
 *
 * Held as a scaled bigint (units × 10^-scale, the scale never below the currency's minor
 * unit) whenever the value has at most 64 significant digits and 64 decimals, which is
 * every realistic amount; `amount` is then a Decimal made on first read and kept. Values
 * outside that range (and only they) are held as the Decimal itself.
 *
 * @category Money Values
 */
export interface Money {
  readonly amount: Dec;
  readonly currency: string;
  toJSON(): MoneyJSON;
  toString(): string;
}

/** The largest scale (decimal places) held as a scaled bigint. */
export const MAX_EXACT_SCALE = 64;

/**
 * Scaled bigints stay below 10^64 in magnitude: then the value has at most 64 significant
 * digits, the precision of the private Decimal, so the bigint result of an add, subtract or
 * multiply is the very value decimal.js would have given. Beyond it the operations fall back
 * to decimal.js, so every result is what it was when Money held Decimals.
 */
export const LIMIT = 10n ** 64n;
const NEG_LIMIT = -LIMIT;

/** 10^k as bigints for k = 0 … 2 × MAX_EXACT_SCALE (a constant table, not a cache). */
export const POW10: readonly bigint[] = Array.from({ length: 2 * MAX_EXACT_SCALE + 1 }, (_, k) => 10n ** BigInt(k));

// The held value lives in private fields: nothing outside this class can read or write it,
// and `#units in x` (see isMoney) cannot be passed by a look-alike, nor by an object made
// from Money's prototype. Money is not frozen: freezing every new value cost most of an
// add's time (issue 22). Immutability comes from the class instead: the fields are
// private, the public properties are prototype getters without setters (assigning one
// throws in strict mode), and the prototype and class are frozen once, at load.
// What is derived on first use (the Decimal, the text) is kept in the value's own fields.

/** The constructor's key: `new m.constructor(…)` cannot make Money with an arbitrary state. */
const MAKE = Symbol("make Money");

class MoneyValue implements Money {
  readonly #currency: string;
  readonly #minor: number;
  // The scaled-bigint form (#units at #scale decimals) or, when #units is null, #decimal only.
  readonly #units: bigint | null;
  readonly #scale: number;
  // The Decimal: the held value when #units is null, else made on first read and kept.
  #decimal: Dec | null;
  #text: string | null;

  constructor(key: symbol, currency: string, minor: number, u: bigint | null, s: number, d: Dec | null) {
    if (key !== MAKE) throw new TypeError("Money is made by money(), fromMinorUnits() or fromJSON()");
    this.#currency = currency;
    this.#minor = minor;
    this.#units = u;
    this.#scale = s;
    this.#decimal = d;
    this.#text = null;
  }

  get currency(): string {
    return this.#currency;
  }

  /** The amount as an exact Decimal (made from the scaled bigint on first read, then kept). */
  get amount(): Dec {
    let d = this.#decimal;
    if (d === null) {
      d = frozen(new D(scaledText(this.#units!, this.#scale)));
      this.#decimal = d;
    }
    return d;
  }

  /**
   * The value in the object's tag, `[object Money CNY 1.00]`. Deep equality (vitest's and
   * jest's toEqual, node:assert's deepStrictEqual) compares tags before own properties, and
   * Money has no own properties: without the value here every two Money would be "equal".
   * The text is canonical, so equal amounts (1.0 and 1.00) in one currency have one tag.
   */
  get [Symbol.toStringTag](): string {
    return `Money ${this.#currency} ${MoneyValue.text(this)}`;
  }

  toJSON(): MoneyJSON {
    return { amount: MoneyValue.text(this), currency: this.#currency };
  }

  toString(): string {
    return `${this.#currency} ${MoneyValue.text(this)}`;
  }

  // How Node's util.inspect (the REPL, console.log, notebooks) shows Money: the exact
  // amount with its currency, never a float-looking `{ amount: 840000 }`.
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Money(${this.#currency} ${MoneyValue.text(this)})`;
  }

  /** The brand check: true only for values this class constructed. */
  static is(value: unknown): value is MoneyValue {
    return typeof value === "object" && value !== null && #units in value;
  }

  static make(currency: string, minor: number, u: bigint | null, s: number, d: Dec | null): MoneyValue {
    return new MoneyValue(MAKE, currency, minor, u, s, d);
  }

  static units(m: Money): bigint | null {
    return (m as MoneyValue).#units;
  }

  static scale(m: Money): number {
    return (m as MoneyValue).#scale;
  }

  static minor(m: Money): number {
    return (m as MoneyValue).#minor;
  }

  /** The amount's text (at least the minor digits), made once and kept: ledgers format the same Money many times. */
  static text(m: MoneyValue): string {
    let text = m.#text;
    if (text === null) {
      const u = m.#units;
      if (u !== null) text = scaledText(u, m.#scale);
      else {
        const a = m.#decimal!.isZero() ? new D(0) : m.#decimal!;
        text = a.toFixed(Math.max(m.#minor, a.decimalPlaces()));
      }
      m.#text = text;
    }
    return text;
  }

  static sameScaleUnits(a: unknown, b: unknown): -1 | 0 | 1 | undefined {
    if (!MoneyValue.is(a) || !MoneyValue.is(b) || a.#currency !== b.#currency || a.#scale !== b.#scale) return undefined;
    const x = a.#units;
    const y = b.#units;
    if (x === null || y === null) return undefined;
    return x < y ? -1 : x > y ? 1 : 0;
  }

  static addSameCurrency(a: unknown, b: unknown, minus: boolean): Money | undefined {
    if (!MoneyValue.is(a) || !MoneyValue.is(b)) return undefined;
    const currency = a.#currency;
    if (currency !== b.#currency) return undefined;
    const x = a.#units;
    const y = b.#units;
    if (x === null || y === null) return undefined;
    const sx = a.#scale;
    const sy = b.#scale;
    const minor = a.#minor;
    if (sx === sy) {
      const u = minus ? x - y : x + y;
      // Both at the minor unit (every rounded amount): the sum is canonical as it is.
      if (sx === minor) return u < LIMIT && u > NEG_LIMIT ? new MoneyValue(MAKE, currency, minor, u, minor, null) : undefined;
      return tryScaled(u, sx, currency, minor);
    }
    if (sx < sy) {
      const w = x * POW10[sy - sx]!;
      return tryScaled(minus ? w - y : w + y, sy, currency, minor);
    }
    const w = y * POW10[sx - sy]!;
    return tryScaled(minus ? x - w : x + w, sx, currency, minor);
  }

  static multiplyScaled(a: unknown, factor: unknown): Money | undefined {
    if (!MoneyValue.is(a)) return undefined;
    const x = a.#units;
    if (x === null) return undefined;
    if (typeof factor === "string" && factor.length <= 15) {
      // The common case (a rate such as "0.75"): read without making a pair.
      const n = shortNumeralValue(factor);
      if (n === undefined) return undefined;
      const dot = factor.indexOf(".");
      return tryScaled(x * n, a.#scale + (dot < 0 ? 0 : factor.length - dot - 1), a.#currency, a.#minor);
    }
    const f = scaledFactor(factor);
    if (f === undefined) return undefined;
    return tryScaled(x * f[0], a.#scale + f[1], a.#currency, a.#minor);
  }

  static roundHalfUpScaled(m: unknown): Money | undefined {
    if (!MoneyValue.is(m)) return undefined;
    const u = m.#units;
    if (u === null) return undefined;
    const minor = m.#minor;
    const k = m.#scale - minor;
    if (k <= 0) return m;
    const q = (u < 0n ? u - HALF_POW10[k]! : u + HALF_POW10[k]!) / POW10[k]!;
    return new MoneyValue(MAKE, m.#currency, minor, q, minor, null);
  }
}
// Frozen once: no one can swap a getter or a helper for every Money at once.
Object.freeze(MoneyValue.prototype);
Object.freeze(MoneyValue);

/**
 * A Decimal that Money hands out, frozen with its digit array (L1): Money is shared
 * (memos, results, prepared documents), so `m.amount.s = -1` on one result must not
 * change another's.
 */
function frozen(d: Dec): Dec {
  if (!Object.isFrozen(d)) {
    Object.freeze((d as unknown as { d?: unknown }).d);
    Object.freeze(d);
  }
  return d;
}

/** Scaled units of `m` (undefined when held as a Decimal only). Internal. */
export function scaledUnits(m: Money): bigint | undefined {
  return MoneyValue.units(m) ?? undefined;
}
/** The scale of {@link scaledUnits}. Internal. */
export function scaleOf(m: Money): number {
  return MoneyValue.scale(m);
}
/** The minor unit of `m`'s currency. Internal. */
export function minorOf(m: Money): number {
  return MoneyValue.minor(m);
}

/** `u × 10^-s` as plain decimal text (s ≥ 0), e.g. (-5n, 2) → "-0.05". */
export function scaledText(u: bigint, s: number): string {
  if (s === 0) return u.toString();
  const negative = u < 0n;
  const digits = (negative ? -u : u).toString();
  const padded = digits.length > s ? digits : "0".repeat(s + 1 - digits.length) + digits;
  const cut = padded.length - s;
  const text = `${padded.slice(0, cut)}.${padded.slice(cut)}`;
  return negative ? `-${text}` : text;
}

/**
 * Money from scaled units: the value `u × 10^-s` in `currency` (whose minor unit is `minor`),
 * brought to the canonical form (trailing zeros dropped down to the minor unit). Values
 * beyond the scaled range are held as a Decimal of every digit. Internal; `s` ≥ 0.
 */
export function fromScaled(u: bigint, s: number, currency: string, minor: number): Money {
  if (s < minor) {
    u *= POW10[minor - s]!;
    s = minor;
  }
  // Construction keeps every digit (decimal.js's constructor does not round either).
  return tryScaled(u, s, currency, minor) ?? fromDecimal(new D(scaledText(u, s)), currency);
}

/**
 * The result of a scaled-bigint operation as Money, or undefined when it is beyond the
 * scaled range (the caller then redoes the operation in decimal.js, which rounds to 64
 * significant digits, exactly as before). Internal.
 */
export function tryScaled(u: bigint, s: number, currency: string, minor: number): Money | undefined {
  if (s > minor) {
    while (s > minor && u % 10n === 0n) {
      u /= 10n;
      s--;
    }
  }
  if (u < LIMIT && u > NEG_LIMIT && s <= MAX_EXACT_SCALE) return MoneyValue.make(currency, minor, u, s, null);
  return undefined;
}

/**
 * −1, 0 or 1 for two Money values of one currency held as scaled bigints at one scale;
 * undefined for anything else (not Money, other currencies, other scales, Decimal-held),
 * which the caller then checks and compares the general way. Internal.
 */
export function sameScaleUnits(a: unknown, b: unknown): -1 | 0 | 1 | undefined {
  return MoneyValue.sameScaleUnits(a, b);
}

/**
 * a + b (or a − b when `minus`) for two Money values of one currency held as scaled
 * bigints: the whole add in one function that reads the fields directly (no accessor
 * calls, one type test per side); undefined for anything else (not Money, other
 * currencies, Decimal-held, out of the scaled range), which the caller then checks and
 * adds the general way, with the same errors as before. Internal.
 */
export function addSameCurrency(a: unknown, b: unknown, minus: boolean): Money | undefined {
  return MoneyValue.addSameCurrency(a, b, minus);
}

/**
 * a × factor for Money held as a scaled bigint and a factor that reads as scaled units (a
 * short decimal string or a number; see {@link scaledFactor}), canonical; undefined for
 * anything else, which the caller then checks and multiplies in decimal.js. Internal.
 */
export function multiplyScaled(a: unknown, factor: unknown): Money | undefined {
  return MoneyValue.multiplyScaled(a, factor);
}

/**
 * Money held as a scaled bigint, rounded half-up to its minor unit (itself when already
 * there); undefined when it is not Money or is Decimal-held. One bigint division:
 * `(u ± 10^k / 2) ÷ 10^k`, truncated toward zero, is `u ÷ 10^k` rounded half away from zero.
 * Internal.
 */
export function roundHalfUpScaled(m: unknown): Money | undefined {
  return MoneyValue.roundHalfUpScaled(m);
}

/** 10^k ÷ 2 (10^0 ÷ 2 is 0, never used: k ≥ 1). A constant table beside POW10. */
export const HALF_POW10: readonly bigint[] = POW10.map((p) => p / 2n);

/** −1, 0 or 1 as `x × 10^-sx` is below, equal to or above `y × 10^-sy`. Internal. */
export function compareScaled(x: bigint, sx: number, y: bigint, sy: number): -1 | 0 | 1 {
  if (sx < sy) x *= POW10[sy - sx]!;
  else if (sy < sx) y *= POW10[sx - sy]!;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A factor, rate or weight given as a short decimal string or a number, as scaled units
 * `[n, s]`; undefined when it must go through decimal.js (a Decimal, an exponent form, a
 * long numeral, a negative zero, or anything invalid, whose error decimal.js's path reports).
 * Numbers are read by their shortest round-trip text, as decimal.js reads them. Internal.
 */
export function scaledFactor(value: unknown): [bigint, number] | undefined {
  if (typeof value === "string") {
    if (value.length <= 15) return shortNumeral(value);
    if (value.length > SHORT_NUMERAL || !isDecimalText(value)) return undefined;
    const f = parseScaled(value);
    return f[0] === 0n && value.charCodeAt(0) === 45 ? undefined : f;
  }
  if (typeof value === "number") {
    if (Number.isSafeInteger(value)) return Object.is(value, -0) ? undefined : [BigInt(value), 0];
    if (!Number.isFinite(value)) return undefined;
    const text = String(value);
    return isDecimalText(text) ? parseScaled(text) : undefined;
  }
  return undefined;
}

/**
 * A numeral of at most 15 characters checked and read in one pass (the pattern of
 * {@link isDecimalText}, without the regular expression): `[+-]?(digits(.digits)?|.digits)`.
 * Undefined when it is not such a numeral, or is a negative zero (decimal.js's path reports
 * or keeps those). At most 15 digits, so they accumulate exactly in a JS number before
 * becoming one bigint.
 */
function shortNumeral(text: string): [bigint, number] | undefined {
  const n = shortNumeralValue(text);
  if (n === undefined) return undefined;
  const dot = text.indexOf(".");
  return [n, dot < 0 ? 0 : text.length - dot - 1];
}

/**
 * The digits of a short numeral (see {@link shortNumeral}) as one signed bigint, the
 * decimal point ignored; undefined when it is not such a numeral or is a negative zero.
 */
function shortNumeralValue(text: string): bigint | undefined {
  const length = text.length;
  let i = 0;
  const first = text.charCodeAt(0);
  if (first === 45 || first === 43) i = 1;
  if (i === length) return undefined;
  let n = 0;
  let places = -1;
  let before = 0; // digits before the point
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (places >= 0) return undefined;
      places = 0;
    } else if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      if (places >= 0) places++;
      else before++;
    } else return undefined;
  }
  // "1." (a point with no digits after it) is not a numeral; ".5" is.
  if (places === 0 || (places < 0 && before === 0)) return undefined;
  if (n === 0 && first === 45) return undefined;
  const u = n < SMALL_BIGINTS.length ? SMALL_BIGINTS[n]! : BigInt(n);
  return first === 45 ? -u : u;
}

/** 0n … 999n, so reading a rate such as "0.75" makes no bigint (a constant table beside POW10). */
const SMALL_BIGINTS: readonly bigint[] = Array.from({ length: 1000 }, (_, k) => BigInt(k));

/** Money from units at exactly the minor scale (no normalisation needed). Internal. */
export function fromUnitsAt(u: bigint, currency: string, minor: number): Money {
  if (u < LIMIT && u > NEG_LIMIT) return MoneyValue.make(currency, minor, u, minor, null);
  return fromDecimal(new D(scaledText(u, minor)), currency);
}

/**
 * The amount as text with at least the currency's minor digits: `"480000.00"`.
 *
 * @category Money Values
 * @param m - the amount
 * @throws {ValidationError} `invalid_type` when `m` is not Money (path `amount`)
 *
 * @example
 * ```ts
 * amountText(money("480000")); // "480000.00"
 * ```
 */
export function amountText(m: Money): string {
  requireMoney(m);
  // Money is immutable, so its text never changes: it is made once and kept on the value
  // (ledgers reuse the same Money across a whole cohort).
  return MoneyValue.text(m as MoneyValue);
}

/**
 * An integer count of minor units as a Decimal at `scale` digits, built from its digits
 * (parsing is much cheaper than dividing by 10^scale).
 */
export function decimalFromUnits(units: bigint, scale: number): Dec {
  return new D(scaledText(units, scale));
}

/** The integer count of minor units of an amount known to be at `scale` digits or fewer. */
export function unitsOf(amount: Dec, scale: number): bigint {
  const text = amount.toFixed(scale);
  return BigInt(scale === 0 ? text : text.replace(".", ""));
}

/** Builds Money from an already-validated Decimal; internal. Canonical: the scaled form whenever it fits. */
export function fromDecimal(amount: Dec, currency: string): Money {
  const minor = getCurrency(currency).minorUnit;
  if (amount.isZero()) return MoneyValue.make(currency, minor, 0n, minor, null);
  const places = amount.decimalPlaces();
  // |amount| < 10^64 exactly when its exponent (the power of ten of its first digit) is below 64.
  if (places <= MAX_EXACT_SCALE && (amount as unknown as { e: number }).e < 64) {
    const s = Math.max(minor, places);
    const u = unitsOf(amount, s);
    if (u < LIMIT && u > NEG_LIMIT) {
      return MoneyValue.make(currency, minor, u, s, frozen(amount));
    }
  }
  return MoneyValue.make(currency, minor, null, 0, frozen(amount));
}

/**
 * True when `value` is Money made by this library.
 *
 * @category Money Values
 * @param value - any value
 *
 * @example
 * ```ts
 * isMoney(money("1")); // true
 * ```
 */
export function isMoney(value: unknown): value is Money {
  // The private-field brand, not instanceof: an object made from Money's prototype
  // (Object.create) passes instanceof but holds no amount.
  return MoneyValue.is(value);
}

/**
 * Returns `value` if it is Money made by this library; otherwise throws a
 * {@link ValidationError} at `path` (plain `{ amount, currency }` JSON must go through
 * {@link fromJSON} first). Guards the money operations against junk from JS callers.
 */
export function requireMoney(value: unknown, path: IssuePath = ["amount"]): Money {
  if (!isMoney(value)) throw invalid(path, `expected Money (made by money() or fromJSON()), got ${describeType(value)}`, "invalid_type");
  return value;
}

/**
 * A plain decimal numeral (already known to match the numeral pattern and to be short
 * enough to hold exactly) as scaled units: "-12.5" → [-125n, 1]. Internal.
 */
export function parseScaled(text: string): [bigint, number] {
  if (text.length <= 15) {
    // At most 15 digits: read them into an exact integer (below 2^53) and make one bigint.
    let n = 0;
    let places = -1;
    let i = 0;
    const first = text.charCodeAt(0);
    if (first === 45 || first === 43) i = 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 46) places = 0;
      else {
        n = n * 10 + (c - 48);
        if (places >= 0) places++;
      }
    }
    const u = BigInt(n);
    return [first === 45 ? -u : u, places < 0 ? 0 : places];
  }
  const dot = text.indexOf(".");
  if (dot === -1) return [BigInt(text), 0];
  const head = text.slice(0, dot);
  // BigInt accepts a sign and leading zeros but not an empty string or a bare sign.
  const digits = head === "" || head === "-" || head === "+" ? `${head}0${text.slice(dot + 1)}` : head + text.slice(dot + 1);
  return [BigInt(digits), text.length - dot - 1];
}

/** Numerals up to this length have at most 64 digits, so they need no digit count. */
const SHORT_NUMERAL = 64;

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Makes Money from a decimal string, a Decimal, or a JS number that is exact at
 * the currency's scale. `0.1 + 0.2` is rejected: pass `"0.3"` instead. Numbers
 * whose minor units exceed 2^53 are rejected too (pass a string).
 *
 * @category Money Values
 * @param amount - a decimal string, a Decimal, or a number exact at the currency's scale
 * @param currency - an ISO 4217 code known to the registry (default CNY)
 * @throws {ValidationError} `invalid_decimal`, `not_finite`, `inexact_number` or `invalid_type` for a bad amount (path `amount`), `unknown_currency` for an unknown code (path `currency`)
 *
 * @example
 * ```ts
 * money("1200000.00", "CNY"); // CNY 1200000.00
 * money(93250, "USD");        // USD 93250.00
 * money(0.1 + 0.2);           // throws ValidationError: not exact at 2 decimals
 * ```
 */
export function money(amount: DecimalInput, currency = "CNY"): Money {
  const c = getCurrency(currency);
  if (typeof amount === "string" && amount.length <= SHORT_NUMERAL && isDecimalText(amount)) {
    // The common case: a short plain numeral, read straight into scaled units.
    const [u, s] = parseScaled(amount);
    return fromScaled(u, s, c.code, c.minorUnit);
  }
  if (typeof amount === "number") {
    if (Number.isNaN(amount)) throw invalid(["amount"], "NaN is not an amount", "not_finite");
    if (!Number.isFinite(amount)) throw invalid(["amount"], `${amount} is not an amount`, "not_finite");
    if (Number.isSafeInteger(amount)) {
      const u = BigInt(amount) * POW10[c.minorUnit]!;
      if (u > SAFE || u < -SAFE) throw invalid(["amount"], `the number ${amount} is beyond the exact range of JS numbers; pass a decimal string`, "inexact_number");
      return fromUnitsAt(u, c.code, c.minorUnit);
    }
    const d = new D(amount);
    if (d.decimalPlaces() > c.minorUnit) {
      throw invalid(
        ["amount"],
        `the number ${amount} is not exact at ${c.code}'s ${c.minorUnit} decimals; pass the amount as a decimal string`,
        "inexact_number",
      );
    }
    if (d.abs().times(new D(10).pow(c.minorUnit)).greaterThan(Number.MAX_SAFE_INTEGER)) {
      throw invalid(["amount"], `the number ${amount} is beyond the exact range of JS numbers; pass a decimal string`, "inexact_number");
    }
    return fromDecimal(d, c.code);
  }
  if (typeof amount === "string") {
    // No trimming (L3): the same rule as the amount schema of documents; no more digits than are held exactly (M3).
    const d = toDecimalOrReason(amount);
    if (typeof d === "string") throw invalid(["amount"], d.startsWith("a decimal") ? d : `"${amount}" is not a decimal amount`, "invalid_decimal");
    return fromDecimal(d, c.code);
  }
  if (Decimal.isDecimal(amount)) {
    if (!amount.isFinite()) throw invalid(["amount"], `${amount.toString()} is not an amount`, "not_finite");
    // Not `instanceof D`: decimal.js clones share one prototype, so a host Decimal passes
    // that test and would keep the host's precision and rounding. Check the constructor.
    const d = toDecimalOrReason(amount);
    if (typeof d === "string") throw invalid(["amount"], d, "invalid_decimal");
    return fromDecimal(d, c.code);
  }
  throw invalid(["amount"], `expected a decimal string, number or Decimal, got ${describeType(amount)}`, "invalid_type");
}

/**
 * The registry entry of a currency an entry point requires: a missing one (a JavaScript
 * caller that left it out) is refused with the documents' message, never taken as CNY.
 */
function requiredCurrency(currency: string): ReturnType<typeof getCurrency> {
  if (currency === undefined) throw invalid(["currency"], 'the currency is required: a document that states amounts states its currency (e.g. "CNY")', "invalid_type");
  return getCurrency(currency);
}

/**
 * Money from an integer count of minor units (cents, fen, yen).
 *
 * @category Money Values
 * @param units - an integer count of minor units, a bigint or a safe integer
 * @param currency - an ISO 4217 code; required (a count of minor units means nothing without its currency, so none is assumed)
 * @throws {ValidationError} `invalid_units` when `units` is not an integer (path `units`), `invalid_type` when no currency is given, `unknown_currency` for an unknown code (path `currency`)
 *
 * @example
 * ```ts
 * fromMinorUnits(12345n, "CNY"); // CNY 123.45
 * ```
 */
export function fromMinorUnits(units: bigint | number, currency: string): Money {
  const c = requiredCurrency(currency);
  if (typeof units !== "bigint" && !(typeof units === "number" && Number.isSafeInteger(units))) {
    throw invalid(["units"], `${typeof units === "number" ? units : describeType(units)} is not a safe integer count of minor units`, "invalid_units");
  }
  return fromUnitsAt(BigInt(units), c.code, c.minorUnit);
}

/**
 * The amount as an integer count of minor units. The amount must already be at
 * the currency's scale (round first).
 *
 * @category Money Values
 * @param m - an amount already at its currency's minor unit
 * @throws {ValidationError} `sub_minor_unit` when the amount has more decimals than its currency allows (round first), `invalid_type` when it is not Money (path `amount`)
 *
 * @example
 * ```ts
 * toMinorUnits(money("123.45")); // 12345n
 * ```
 */
export function toMinorUnits(m: Money): bigint {
  requireMoney(m);
  const scale = minorOf(m);
  const u = scaledUnits(m);
  // Canonical form: the scale is the minor unit unless the amount has more decimals.
  if (u !== undefined && scaleOf(m) === scale) return u;
  if (m.amount.decimalPlaces() > scale) {
    throw invalid(["amount"], `${m.toString()} has more decimals than ${m.currency} allows; round it first`, "sub_minor_unit");
  }
  return unitsOf(m.amount, scale);
}

/**
 * Zero in a currency.
 *
 * @category Money Values
 * @param currency - an ISO 4217 code known to the registry; required (none is assumed)
 * @throws {ValidationError} `invalid_type` when no currency is given, `unknown_currency` for an unknown code (path `currency`)
 *
 * @example
 * ```ts
 * zero("USD"); // USD 0.00
 * ```
 */
export function zero(currency: string): Money {
  const c = requiredCurrency(currency);
  return fromUnitsAt(0n, c.code, c.minorUnit);
}

/**
 * The JSON form, `{ amount: "480000.00", currency: "CNY" }`.
 *
 * @category Money Values
 * @param m - the amount
 * @throws {ValidationError} `invalid_type` when `m` is not Money (path `amount`)
 *
 * @example
 * ```ts
 * toJSON(money("480000", "CNY")); // { amount: "480000.00", currency: "CNY" }
 * ```
 */
export function toJSON(m: Money): MoneyJSON {
  return requireMoney(m).toJSON();
}

/**
 * Money from its JSON form; the amount must be a decimal string (or a safe integer).
 *
 * @category Money Values
 * @param json - `{ amount, currency }` with the amount as a decimal string or a safe integer
 * @throws {ValidationError} `invalid_type` when the shape is wrong (path `amount` / `currency`), `invalid_decimal` when the amount is not a decimal, `unknown_currency` for an unknown code
 *
 * @example
 * ```ts
 * fromJSON({ amount: "480000.00", currency: "CNY" });
 * ```
 */
export function fromJSON(json: unknown): Money {
  if (typeof json !== "object" || json === null) throw invalid([], `expected { amount, currency }, got ${describeType(json)}`, "invalid_type");
  const { amount, currency } = json as { amount?: unknown; currency?: unknown };
  if (typeof currency !== "string") throw invalid(["currency"], "currency code is required", "invalid_type");
  if (typeof amount === "number" && !Number.isSafeInteger(amount)) {
    throw invalid(["amount"], "a fractional amount must be a decimal string in JSON", "invalid_type");
  }
  if (typeof amount !== "string" && typeof amount !== "number") {
    throw invalid(["amount"], `expected a decimal string, got ${describeType(amount)}`, "invalid_type");
  }
  return money(amount, currency);
}
