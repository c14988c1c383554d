import * as z from "zod";
import { D, Decimal, type Dec, type DecimalInput, describeType, toDecimalOrReason } from "../money/decimal.js";
import { DomainError, type IssuePath, invalid, ValidationError } from "./errors.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Which end of each band is closed. `"lower"` (the default): `[from, to)`, the
 * convention everywhere unless a rule says otherwise. `"upper"`: `(from, to]`, for
 * rules written as "≤ 3× GDP per capita".
 *
 * @category Banded Tables
 */
export type BandClosure = "lower" | "upper";

/**
 * One band as written in a table document; `null` bounds are unbounded (−∞ / +∞).
 *
 * @category Banded Tables
 */
export interface BandInput<T> {
  readonly from: DecimalInput | null;
  readonly to: DecimalInput | null;
  readonly value: T;
  readonly label?: string;
}

/**
 * A table document: bands over a numeric domain.
 *
 * @category Banded Tables
 */
export interface BandedTableInput<T> {
  readonly bands: readonly BandInput<T>[];
  readonly closed?: BandClosure;
  /** The domain the bands must cover; defaults to the span of the bands. Finite ends are included. */
  readonly domain?: { readonly min: DecimalInput | null; readonly max: DecimalInput | null };
}

/**
 * A validated band.
 *
 * @category Banded Tables
 */
export interface Band<T> {
  readonly from: Dec | null;
  readonly to: Dec | null;
  readonly value: T;
  readonly label?: string;
  /** Position in the table, sorted by lower bound. */
  readonly index: number;
}

/**
 * A validated table: sorted bands that cover the domain with no gap and no overlap.
 *
 * @category Banded Tables
 */
export interface BandedTable<T> {
  readonly closed: BandClosure;
  readonly domain: { readonly min: Dec | null; readonly max: Dec | null };
  readonly bands: readonly Band<T>[];
}

/** Tables made by {@link bandedTable}: lookups trust their sorted, validated bands. */
const madeTables = new WeakSet<object>();

function requireTable(table: unknown, path: IssuePath): void {
  if (table === null || typeof table !== "object" || !madeTables.has(table)) {
    throw invalid(path, `expected a table made by bandedTable(), got ${describeType(table)}`, "invalid_type");
  }
}

function requireBound(d: unknown, path: IssuePath): void {
  if (d !== null && !(Decimal.isDecimal(d) && (d as Dec).isFinite())) throw invalid(path, `a bound is a finite Decimal or null, got ${describeType(d)}`, "invalid_type");
}

function requireClosure(closed: unknown, path: IssuePath): asserts closed is BandClosure | undefined {
  if (closed !== undefined && closed !== "lower" && closed !== "upper") throw invalid(path, 'closed is "lower" or "upper"', "invalid_enum_value");
}

function bound(value: DecimalInput | null | undefined, path: IssuePath): Dec | null {
  if (value === null || value === undefined) return null;
  const d = toDecimalOrReason(value);
  if (typeof d === "string") throw invalid(path, d, "invalid_decimal");
  return d;
}

function text(d: Dec | null, side: "lower" | "upper"): string {
  if (d === null) return side === "lower" ? "−∞" : "+∞";
  return d.toString();
}

/**
 * The interval a band covers, in interval notation: `[0.4, 0.6)`.
 *
 * @example
 * ```ts
 * const [band] = bandedTable({ bands: [{ from: 0.4, to: 0.6, value: "b" }] }).bands;
 * describeInterval(band!.from, band!.to); // "[0.4, 0.6)"
 * ```
 *
 * @category Banded Tables
 * @param from - the lower bound, `null` for −∞
 * @param to - the upper bound, `null` for +∞
 * @param closed - which end is closed: `"lower"` (default) or `"upper"`
 * @throws {ValidationError} at `from` / `to` when a bound is not a finite Decimal or null, at `closed` when the closure is neither "lower" nor "upper"
 */
export function describeInterval(from: Dec | null, to: Dec | null, closed: BandClosure = "lower"): string {
  requireBound(from, ["from"]);
  requireBound(to, ["to"]);
  requireClosure(closed, ["closed"]);
  const left = from === null ? "(" : closed === "lower" ? "[" : "(";
  const right = to === null ? ")" : closed === "upper" ? "]" : ")";
  return `${left}${text(from, "lower")}, ${text(to, "upper")}${right}`;
}

/**
 * The interval of a validated band, with the table's closure and domain ends included.
 *
 * @example
 * ```ts
 * declare const table: ReturnType<typeof bandedTable<string>>; // made by bandedTable()
 * describeBand(table, lookupBand(table, 0.5)); // "[0.4, 0.6)"
 * ```
 *
 * @category Banded Tables
 * @param table - a table made by `bandedTable` (or parsed with `bandedTableSchema`)
 * @param band - a band of that table, as `lookupBand` returns it
 * @throws {ValidationError} at `table` when the table was not made by `bandedTable`, at `band` when the band is not one of its bands
 */
export function describeBand<T>(table: BandedTable<T>, band: Band<T>): string {
  requireTable(table, ["table"]);
  if (band === null || typeof band !== "object" || table.bands[band.index] !== band) throw invalid(["band"], "expected a band of the table", "invalid_type");
  const last = band.index === table.bands.length - 1;
  const first = band.index === 0;
  const from = band.from === null ? "(−∞" : table.closed === "lower" || (first && table.domain.min !== null) ? `[${band.from}` : `(${band.from}`;
  const to = band.to === null ? "+∞)" : table.closed === "upper" || (last && table.domain.max !== null) ? `${band.to}]` : `${band.to})`;
  return `${from}, ${to}`;
}

/** Orders bounds where null is −∞ on a lower side and +∞ on an upper side. */
function compareBounds(a: Dec | null, aSide: "lower" | "upper", b: Dec | null, bSide: "lower" | "upper"): number {
  const ai = a === null ? (aSide === "lower" ? -1 : 1) : 0;
  const bi = b === null ? (bSide === "lower" ? -1 : 1) : 0;
  if (ai !== 0 || bi !== 0) return ai - bi;
  return (a as Dec).comparedTo(b as Dec);
}

function same(a: Dec | null, b: Dec | null): boolean {
  return a === null ? b === null : b !== null && a.equals(b);
}

/**
 * Validates a banded table: every band non-empty, bands contiguous (no gap, no
 * overlap), together covering the domain. Errors name the interval at fault:
 * `BAND_GAP` "no band covers [0.4, 0.6)", `BAND_OVERLAP`, `BAND_COVERAGE`.
 *
 * @example
 * ```ts
 * const t = bandedTable({
 *   domain: { min: 0, max: 1 },
 *   bands: [
 *     { from: 0, to: 0.4, value: "0" },
 *     { from: 0.4, to: 0.6, value: "0.4" },
 *     { from: 0.6, to: 0.8, value: "0.7" },
 *     { from: 0.8, to: 1, value: "1" },
 *   ],
 * });
 * lookupBand(t, 0.65).value; // "0.7"
 * ```
 *
 * @category Banded Tables
 * @param input - the table: `bands` (each `{ from, to, value, label? }`, `null` for an open end), `closed` (`"lower"`, the default, or `"upper"`) and an optional `domain` `{ min, max }`
 * @param path - where the table sits in the caller's document, prefixed to every error path (default `[]`)
 * @throws {ValidationError} when the table, a band, a bound or the domain is malformed, or a band is empty (`empty_band`) (path named)
 * @throws {DomainError} BAND_GAP, BAND_OVERLAP or BAND_COVERAGE when the bands leave a gap, overlap, or do not cover the domain
 */
export function bandedTable<T>(input: BandedTableInput<T>, path: IssuePath = []): BandedTable<T> {
  if (!Array.isArray(path)) throw invalid(["path"], "a path is a list of keys and indices", "invalid_type");
  if (input === null || typeof input !== "object") throw invalid(path, `expected a table { bands, closed?, domain? }, got ${describeType(input)}`, "invalid_type");
  requireClosure(input.closed, [...path, "closed"]);
  const closed: BandClosure = input.closed ?? "lower";
  if (!Array.isArray(input.bands) || input.bands.length === 0) throw invalid([...path, "bands"], "a table needs at least one band", "too_small");
  if (input.domain !== undefined && (input.domain === null || typeof input.domain !== "object")) throw invalid([...path, "domain"], "the domain is { min, max }", "invalid_type");
  const parsed = Array.from(input.bands, (b: BandInput<T>, i) => {
    if (b === null || typeof b !== "object") throw invalid([...path, "bands", i], `expected a band { from, to, value }, got ${describeType(b)}`, "invalid_type");
    if (b.value === undefined) throw invalid([...path, "bands", i, "value"], "a band needs a value", "invalid_type");
    const from = bound(b.from, [...path, "bands", i, "from"]);
    const to = bound(b.to, [...path, "bands", i, "to"]);
    if (from !== null && to !== null && !from.lessThan(to)) {
      throw invalid([...path, "bands", i], `band ${describeInterval(from, to, closed)} is empty: its lower bound must be below its upper bound`, "empty_band");
    }
    return { from, to, value: b.value, label: b.label, source: i };
  });
  parsed.sort((a, b) => {
    if (same(a.from, b.from)) return a.source - b.source;
    return compareBounds(a.from, "lower", b.from, "lower");
  });
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1]!;
    const next = parsed[i]!;
    if (same(prev.to, next.from)) continue;
    if (prev.to !== null && next.from !== null && prev.to.lessThan(next.from)) {
      throw new DomainError("BAND_GAP", `no band covers ${describeInterval(prev.to, next.from, closed)}`, {
        path: [...path, "bands"],
        details: { from: prev.to.toString(), to: next.from.toString() },
      });
    }
    const overlapEnd = prev.to === null || next.to === null ? (prev.to ?? next.to) : D.min(prev.to, next.to);
    throw new DomainError("BAND_OVERLAP", `bands overlap on ${describeInterval(next.from, overlapEnd, closed)}`, {
      path: [...path, "bands"],
      details: { first: prev.source, second: next.source },
    });
  }
  const first = parsed[0]!;
  const last = parsed[parsed.length - 1]!;
  const min = input.domain ? bound(input.domain.min, [...path, "domain", "min"]) : first.from;
  const max = input.domain ? bound(input.domain.max, [...path, "domain", "max"]) : last.to;
  if (min !== null && max !== null && !min.lessThan(max)) throw invalid([...path, "domain"], "the domain's min must be below its max", "empty_domain");
  if (!same(first.from, min)) {
    if (compareBounds(min, "lower", first.from, "lower") < 0) {
      throw new DomainError("BAND_GAP", `no band covers ${describeInterval(min, first.from, closed)}`, { path: [...path, "bands"] });
    }
    throw new DomainError("BAND_COVERAGE", `band ${describeInterval(first.from, first.to, closed)} starts below the domain's min ${text(min, "lower")}`, { path: [...path, "bands"] });
  }
  if (!same(last.to, max)) {
    if (compareBounds(last.to, "upper", max, "upper") < 0) {
      throw new DomainError("BAND_GAP", `no band covers ${describeInterval(last.to, max, closed)}`, { path: [...path, "bands"] });
    }
    throw new DomainError("BAND_COVERAGE", `band ${describeInterval(last.from, last.to, closed)} ends above the domain's max ${text(max, "upper")}`, { path: [...path, "bands"] });
  }
  const bands = parsed.map((b, index): Band<T> => (b.label === undefined ? { from: b.from, to: b.to, value: b.value, index } : { from: b.from, to: b.to, value: b.value, label: b.label, index }));
  // Frozen (L1): lookups trust a made table, so it must not change after it was checked.
  // Band values stay as given (they may be the caller's objects, which are not ours to freeze).
  const table = Object.freeze({ closed, domain: Object.freeze({ min, max }), bands: Object.freeze(bands.map((b) => Object.freeze(b))) });
  madeTables.add(table);
  return table;
}

/**
 * The one band that contains `x`. A value outside the domain is an `OUT_OF_DOMAIN` error.
 *
 * @example
 * ```ts
 * declare const table: ReturnType<typeof bandedTable<string>>; // made by bandedTable()
 * lookupBand(table, "0.85").value;
 * ```
 *
 * @category Banded Tables
 * @param table - a table made by `bandedTable` (or parsed with `bandedTableSchema`)
 * @param x - the value to look up: a decimal string, a finite number or a Decimal
 * @param path - the path of `x` in the caller's document, for the error (default `[]`)
 * @throws {ValidationError} at `table` when the table was not made by `bandedTable`, at `path` when `x` is not a decimal
 * @throws {DomainError} OUT_OF_DOMAIN when `x` lies outside the table's domain
 */
export function lookupBand<T>(table: BandedTable<T>, x: DecimalInput, path: IssuePath = []): Band<T> {
  if (!Array.isArray(path)) throw invalid(["path"], "a path is a list of keys and indices", "invalid_type");
  requireTable(table, ["table"]);
  const v = toDecimalOrReason(x);
  if (typeof v === "string") throw invalid(path, v, "invalid_decimal");
  const { min, max } = table.domain;
  if ((min !== null && v.lessThan(min)) || (max !== null && v.greaterThan(max))) {
    throw new DomainError("OUT_OF_DOMAIN", `${v.toString()} is outside the table's domain ${describeInterval(min, max, table.closed).replace(/^\(/, min === null ? "(" : "[").replace(/\)$/, max === null ? ")" : "]")}`, { path });
  }
  const bands = table.bands;
  let lo = 0;
  let hi = bands.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const b = bands[mid]!;
    // Is v beyond band mid's upper end?
    const beyond = b.to !== null && (table.closed === "lower" ? v.greaterThanOrEqualTo(b.to) : v.greaterThan(b.to));
    if (beyond) lo = mid + 1;
    else hi = mid;
  }
  return bands[lo]!;
}

const boundSchema = lazySchema(() => z.union([z.string(), z.number(), z.null()]));

/**
 * The zod schema of a banded-table document whose band values follow `value`.
 * It validates coverage too, reporting gaps and overlaps as issues at `bands`.
 *
 * @example
 * ```ts
 * declare const json: unknown; // a stored document
 * const shareTable = bandedTableSchema(rateSchema);
 * const table = parseInput(shareTable, json); // BandedTable<Dec>
 * ```
 *
 * @category Banded Tables
 * @param value - the zod schema of each band's `value`
 * @throws {ValidationError} at `value` when `value` is not a zod schema (the schema itself reports a document's faults as issues)
 */
export function bandedTableSchema<S extends z.ZodType>(
  value: S,
): z.ZodType<
  BandedTable<z.output<S>>,
  {
    closed?: BandClosure | undefined;
    domain?: { min: string | number | null; max: string | number | null } | undefined;
    bands: { from: string | number | null; to: string | number | null; value: z.input<S>; label?: string | undefined }[];
  }
> {
  if (typeof (value as { safeParse?: unknown } | null | undefined)?.safeParse !== "function") throw invalid(["value"], "expected the zod schema of the band values", "invalid_type");
  // The return type is spelled out: inferred, it inlines zod's mapped types into the shipped
  // .d.ts, which fail to compile with skipLibCheck: false (issue 21 item 2). The cast only
  // names the type (zod infers `value` as optional for a generic S).
  return z
    .strictObject({
      /** Which end of every band is closed: `"lower"` (the default, [from, to)) or `"upper"` ((from, to]). */
      closed: z.enum(["lower", "upper"]).optional(),
      /** The range the bands must cover together; by default from the first band's lower bound to the last band's upper bound. */
      domain: z
        .strictObject({
          /** The domain's lower end (a decimal), `null` for −∞; always inclusive. */
          min: boundSchema,
          /** The domain's upper end (a decimal), `null` for +∞; always inclusive. */
          max: boundSchema,
        })
        .optional(),
      /** The bands, in any order; together contiguous, without gap or overlap (分段表). */
      bands: z
        .array(
          z.strictObject({
            /** The band's lower bound (a decimal), `null` for −∞. */
            from: boundSchema,
            /** The band's upper bound (a decimal), `null` for +∞; above `from`. */
            to: boundSchema,
            /** What a value in the band maps to (a rate, a tier name…). */
            value,
            /** An optional name for the band, shown in explanations. */
            label: z.string().optional(),
          }),
        )
        .min(1),
    })
    .transform((doc, ctx): BandedTable<z.output<S>> => {
      try {
        return bandedTable(doc as unknown as BandedTableInput<z.output<S>>);
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.addIssue({ code: "custom", message: e.reason, path: [...e.path] });
          return z.NEVER;
        }
        if (e instanceof ValidationError) {
          for (const issue of e.issues) ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path] });
          return z.NEVER;
        }
        throw e;
      }
    }) as never;
}
