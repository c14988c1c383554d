// The library's own type for exact decimal values (issue 21 item 2). Values are made by
// decimal.js at run time, but no public type names decimal.js: its CommonJS-style
// declarations resolve to a namespace under `moduleResolution: node16`, which turned
// `Money.amount` into `any` (or an error with `skipLibCheck: false`) in consumers. This
// interface lists the operations the library and its users rely on; decimal.js values
// satisfy it structurally, and the representation behind it may change.

/**
 * Anything the decimal operations accept: a decimal string, a finite number, a bigint, or an exact decimal.
 *
 * @category Money Values
 */
export type ExactDecimalValue = string | number | bigint | ExactDecimal;

/**
 * A rounding mode of the underlying decimal arithmetic (0 up, 1 down, 2 ceil, 3 floor, 4 half-up, 5 half-down, 6 half-even, 7 half-ceil, 8 half-floor).
 *
 * @category Money Values
 */
export type DecimalRoundingCode = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/**
 * An immutable exact decimal number, such as `Money.amount`. Every operation returns a
 * new value. Use `toString()` / `toFixed()` for text; `toNumber()` only where a float is
 * acceptable (statistics, plots).
 *
 * @category Money Values
 */
export interface ExactDecimal {
  abs(): ExactDecimal;
  absoluteValue(): ExactDecimal;
  ceil(): ExactDecimal;
  floor(): ExactDecimal;
  round(): ExactDecimal;
  negated(): ExactDecimal;
  neg(): ExactDecimal;
  sqrt(): ExactDecimal;
  squareRoot(): ExactDecimal;
  ln(): ExactDecimal;
  exp(): ExactDecimal;
  log(base?: ExactDecimalValue): ExactDecimal;
  plus(n: ExactDecimalValue): ExactDecimal;
  add(n: ExactDecimalValue): ExactDecimal;
  minus(n: ExactDecimalValue): ExactDecimal;
  sub(n: ExactDecimalValue): ExactDecimal;
  times(n: ExactDecimalValue): ExactDecimal;
  mul(n: ExactDecimalValue): ExactDecimal;
  dividedBy(n: ExactDecimalValue): ExactDecimal;
  div(n: ExactDecimalValue): ExactDecimal;
  dividedToIntegerBy(n: ExactDecimalValue): ExactDecimal;
  modulo(n: ExactDecimalValue): ExactDecimal;
  mod(n: ExactDecimalValue): ExactDecimal;
  pow(n: ExactDecimalValue): ExactDecimal;
  toPower(n: ExactDecimalValue): ExactDecimal;
  comparedTo(n: ExactDecimalValue): number;
  cmp(n: ExactDecimalValue): number;
  equals(n: ExactDecimalValue): boolean;
  eq(n: ExactDecimalValue): boolean;
  greaterThan(n: ExactDecimalValue): boolean;
  gt(n: ExactDecimalValue): boolean;
  greaterThanOrEqualTo(n: ExactDecimalValue): boolean;
  gte(n: ExactDecimalValue): boolean;
  lessThan(n: ExactDecimalValue): boolean;
  lt(n: ExactDecimalValue): boolean;
  lessThanOrEqualTo(n: ExactDecimalValue): boolean;
  lte(n: ExactDecimalValue): boolean;
  isFinite(): boolean;
  isInteger(): boolean;
  isNaN(): boolean;
  isNegative(): boolean;
  isPositive(): boolean;
  isZero(): boolean;
  decimalPlaces(): number;
  precision(includeZeros?: boolean): number;
  toDecimalPlaces(decimalPlaces?: number, rounding?: DecimalRoundingCode): ExactDecimal;
  toSignificantDigits(significantDigits?: number, rounding?: DecimalRoundingCode): ExactDecimal;
  toFixed(decimalPlaces?: number, rounding?: DecimalRoundingCode): string;
  toPrecision(significantDigits?: number, rounding?: DecimalRoundingCode): string;
  toExponential(decimalPlaces?: number, rounding?: DecimalRoundingCode): string;
  toNumber(): number;
  toString(): string;
  toJSON(): string;
  valueOf(): string;
}

/** Settings of a decimal constructor (internal: the library fixes its own). */
export interface ExactDecimalConfig {
  precision?: number;
  rounding?: DecimalRoundingCode;
  toExpNeg?: number;
  toExpPos?: number;
  minE?: number;
  maxE?: number;
  crypto?: boolean;
  modulo?: DecimalRoundingCode | 9;
  defaults?: boolean;
}

/** A constructor of exact decimals (internal: the library's private clone). */
export interface ExactDecimalConstructor {
  new (n: ExactDecimalValue): ExactDecimal;
  clone(config?: ExactDecimalConfig): ExactDecimalConstructor;
  set(config: ExactDecimalConfig): ExactDecimalConstructor;
  isDecimal(value: unknown): boolean;
  min(...n: ExactDecimalValue[]): ExactDecimal;
  max(...n: ExactDecimalValue[]): ExactDecimal;
  sum(...n: ExactDecimalValue[]): ExactDecimal;
  readonly precision: number;
  readonly rounding: DecimalRoundingCode;
  readonly toExpNeg: number;
  readonly toExpPos: number;
  readonly minE: number;
  readonly maxE: number;
  readonly modulo: DecimalRoundingCode | 9;
  readonly crypto: boolean;
  readonly ROUND_UP: 0;
  readonly ROUND_DOWN: 1;
  readonly ROUND_CEIL: 2;
  readonly ROUND_FLOOR: 3;
  readonly ROUND_HALF_UP: 4;
  readonly ROUND_HALF_DOWN: 5;
  readonly ROUND_HALF_EVEN: 6;
  readonly ROUND_HALF_CEIL: 7;
  readonly ROUND_HALF_FLOOR: 8;
}
