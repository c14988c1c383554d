import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import { currencyCodeSchema, DomainError, ValidationError } from "../core/index.js";
import { money, round, type Money } from "../money/index.js";
import { D } from "../money/decimal.js";
import { compileExpression, modelExpressionSchema, type CompiledExpression } from "./expression.js";
import { modelFloat } from "./numbers.js";
import type { ParameterTable } from "./parameters.js";
import { portableExp, portableLog } from "./portable-math.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Units of model time. A month is 1/12 year, a week 7 days, a year 365.25 days.
 *
 * @category Parameters and Expressions
 */
export const MODEL_TIME_UNITS = ["day", "week", "month", "year"] as const;
/**
 * A unit of model time.
 *
 * @category Parameters and Expressions
 */
export type ModelTimeUnit = (typeof MODEL_TIME_UNITS)[number];

const YEARS_PER: Record<ModelTimeUnit, number> = { day: 1 / 365.25, week: 7 / 365.25, month: 1 / 12, year: 1 };

/** Length of one unit in years. */
export function yearsPerUnit(unit: ModelTimeUnit): number {
  return YEARS_PER[unit];
}

/**
 * A value stream (costs, utilities, life-years…): per-state values, the time unit
 * they are "per" (`cycle` by default; `year` for a utility of 0.8 per year), an
 * annual discount rate, and a currency when the stream is money.
 * A state's value is one expression for every cycle or a list with one per cycle.
 * States left out have value 0.
 *
 * @category Parameters and Expressions
 */
export const modelStreamSchema = lazySchema(() => z
  .strictObject({
    /** Value per state: one expression for every cycle, or a list with one per cycle (the last carries forward). */
    values: userRecord(z.string().min(1), z.union([modelExpressionSchema, z.array(modelExpressionSchema).min(1)])),
    /** What a value is per: `cycle` (default), or a time unit (a utility of 0.8 per `year`), scaled by the cycle length. */
    per: z.enum(["cycle", ...MODEL_TIME_UNITS]).default("cycle"),
    /** Annual discount rate (贴现率), a decimal in [0, 1]: write 0.03 for 3 %; default 0. */
    discountRate: modelFloat({ min: 0, max: 1 }).default(0),
    /** ISO 4217 code when the stream is money (its totals are then also given as Money); absent for effects. */
    currency: currencyCodeSchema.optional(),
  })
  .strict());

/**
 * A value stream as accepted by {@link modelStreamSchema}.
 *
 * @category Parameters and Expressions
 */
export type ModelStreamInput = z.input<typeof modelStreamSchema>;
type Stream = z.output<typeof modelStreamSchema>;

/**
 * The named value streams of a model; at least one.
 *
 * @category Parameters and Expressions
 */
export const modelStreamsSchema = lazySchema(() => z
  .record(z.string().min(1), modelStreamSchema)
  .refine((s) => Object.keys(s).length > 0, { message: "declare at least one value stream" }));

/**
 * Totals and per-cycle values of one stream for one strategy.
 *
 * @category Parameters and Expressions
 */
export interface ModelStreamResult {
  readonly name: string;
  readonly per: "cycle" | ModelTimeUnit;
  /** Annual discount rate used. */
  readonly discountRate: number;
  readonly currency?: string;
  /** Value accrued in each cycle (index 0 = cycle 1), undiscounted. */
  readonly perCycle: number[];
  /** The same, discounted. */
  readonly discountedPerCycle: number[];
  readonly undiscountedTotal: number;
  /** Discounted total: the figure that goes into an ICER. */
  readonly total: number;
  /** For a money stream: the totals rounded half-up to the currency's minor unit. */
  readonly money?: { readonly total: Money; readonly undiscountedTotal: Money };
}

/** Timing shared by every stream of a model. */
export interface ModelClock {
  readonly cycles: number;
  readonly cycleLength: number;
  readonly timeUnit: ModelTimeUnit;
  /** f in (1 + r)^(t − 1 + f): 1 discounts from the first cycle, 0 leaves it undiscounted. */
  readonly firstCycleOffset: 0 | 1;
}

/** A stream compiled against a parameter table (internal to the models). */
export interface CompiledStream {
  readonly name: string;
  readonly source: Stream;
  /** value per state per cycle × unit factor, filled per draw */
  fill(params: Float64Array, out: Float64Array): void;
  readonly discount: Float64Array;
  readonly unitFactor: number;
}

/** Discount factor of cycle t (index t − 1): (1 + r)^−((t − 1 + f) · cycle length in years). */
export function discountFactors(rate: number, clock: ModelClock): Float64Array {
  const out = new Float64Array(clock.cycles);
  const years = clock.cycleLength * yearsPerUnit(clock.timeUnit);
  const lr = portableLog(1 + rate);
  for (let t = 1; t <= clock.cycles; t++) out[t - 1] = rate === 0 ? 1 : portableExp(-lr * (t - 1 + clock.firstCycleOffset) * years);
  return out;
}

/** Compiles streams; unknown states and per-cycle lists of the wrong length are rejected with their paths. */
export function compileStreams(
  streams: Readonly<Record<string, Stream>>,
  states: readonly string[],
  clock: ModelClock,
  table: ParameterTable,
): CompiledStream[] {
  const index = new Map(states.map((s, i) => [s, i]));
  const n = states.length;
  return Object.entries(streams).map(([name, stream]) => {
    const scalars: { s: number; f: CompiledExpression }[] = [];
    const series: { s: number; fs: CompiledExpression[] }[] = [];
    for (const [state, v] of Object.entries(stream.values)) {
      const path = ["streams", name, "values", state];
      const s = index.get(state);
      if (s === undefined) {
        throw new ValidationError([{ path, code: "unknown_reference", message: `unknown state "${state}"; the model's states are ${states.join(", ")}` }]);
      }
      if (Array.isArray(v)) {
        if (v.length !== clock.cycles) {
          throw new ValidationError([
            { path, code: "invalid_length", message: `state "${state}" lists ${v.length} per-cycle values; the model runs ${clock.cycles} cycles` },
          ]);
        }
        series.push({ s, fs: v.map((e, i) => compileExpression(e, table, [...path, i])) });
      } else scalars.push({ s, f: compileExpression(v as Parameters<typeof compileExpression>[0], table, path) });
    }
    const unitFactor = stream.per === "cycle" ? 1 / clock.cycleLength : yearsPerUnit(clock.timeUnit) / yearsPerUnit(stream.per);
    return {
      name,
      source: stream,
      unitFactor,
      discount: discountFactors(stream.discountRate, clock),
      fill(params, out) {
        out.fill(0);
        for (const { s, f } of scalars) {
          const x = f(params);
          for (let t = 0; t < clock.cycles; t++) out[t * n + s] = x;
        }
        for (const { s, fs } of series) for (let t = 0; t < clock.cycles; t++) out[t * n + s] = (fs[t] as CompiledExpression)(params);
      },
    };
  });
}

/**
 * Accrues a stream over the time spent in each state in each cycle
 * (`time[t·n + s]`, model time units) and returns its discounted total.
 */
export function accrue(
  stream: CompiledStream,
  values: Float64Array,
  time: Float64Array,
  nStates: number,
  cycles: number,
  record?: { perCycle: number[]; discountedPerCycle: number[] },
): { total: number; undiscounted: number } {
  let total = 0;
  let undiscounted = 0;
  for (let t = 0; t < cycles; t++) {
    let v = 0;
    const base = t * nStates;
    for (let s = 0; s < nStates; s++) v += (time[base + s] as number) * (values[base + s] as number);
    v *= stream.unitFactor;
    const dv = v * (stream.discount[t] as number);
    undiscounted += v;
    total += dv;
    if (record) {
      record.perCycle.push(v);
      record.discountedPerCycle.push(dv);
    }
  }
  // Each value is finite, but their products and sums can leave the float range.
  if (!Number.isFinite(total) || !Number.isFinite(undiscounted)) {
    throw new DomainError("OUT_OF_DOMAIN", `stream "${stream.name}" overflows the float range (its values are too large for a float64 model)`, {
      path: ["streams", stream.name],
    });
  }
  return { total, undiscounted };
}

/** Money from a float total, rounded half-up to the currency's minor unit. */
export function moneyFromFloat(x: number, currency: string): Money {
  return round(money(new D(x), currency), "half-up");
}

/** Assembles a stream's public result, adding rounded Money for money streams. */
export function streamResult(
  stream: CompiledStream,
  totals: { total: number; undiscounted: number },
  record: { perCycle: number[]; discountedPerCycle: number[] },
): ModelStreamResult {
  const s = stream.source;
  const base = {
    name: stream.name,
    per: s.per,
    discountRate: s.discountRate,
    perCycle: record.perCycle,
    discountedPerCycle: record.discountedPerCycle,
    undiscountedTotal: totals.undiscounted,
    total: totals.total,
  };
  if (s.currency === undefined) return base;
  return {
    ...base,
    currency: s.currency,
    money: { total: moneyFromFloat(totals.total, s.currency), undiscountedTotal: moneyFromFloat(totals.undiscounted, s.currency) },
  };
}
