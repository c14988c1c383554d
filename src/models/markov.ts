import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import { parseInput, step, ValidationError, type Step } from "../core/index.js";
import type { CompiledModel } from "./compiled.js";
import { compileExpression, modelExpressionSchema, modelValueError, type CompiledExpression } from "./expression.js";
import { modelFloat, ROW_TOLERANCE, showFloat } from "./numbers.js";
import { modelParametersSchema, parameterTable, type ParameterTable } from "./parameters.js";
import {
  accrue,
  compileStreams,
  MODEL_TIME_UNITS,
  modelStreamsSchema,
  streamResult,
  type ModelClock,
  type ModelStreamResult,
  type ModelTimeUnit,
} from "./streams.js";
import { describeStreams } from "./describe.js";
import { collapseTrace, expandTimeInState, tunnelsSchema } from "./time-in-state.js";
import { numberText } from "../money/format.js";
import { lazySchema } from "../kernel/lazy-schema.js";
/** Six significant digits in sentences. */
const fmt = (x: number): string => numberText(x, 6);

const stateName = lazySchema(() => z.string().min(1));

/**
 * One transition matrix: `matrix[from][to]` is a probability expression or `"complement"` (1 − the rest of the row). Missing entries are 0.
 *
 * @category Markov Model
 */
export const transitionMatrixSchema = lazySchema(() => userRecord(stateName, userRecord(stateName, z.union([z.literal("complement"), modelExpressionSchema]))));

/**
 * A transition matrix as accepted by {@link transitionMatrixSchema}.
 *
 * @category Markov Model
 */
export type TransitionMatrixInput = z.input<typeof transitionMatrixSchema>;

/**
 * A Markov cohort model as a JSON document.
 * - `states`: names, e.g. `["Alive", "Dead"]`; absorbing states have a row `{ Dead: { Dead: 1 } }`.
 * - `initial`: share of the cohort in each state at time 0 (missing states 0; must sum to 1).
 * - `transitions`: matrices in force, in order; each applies through `throughCycle`
 *   (inclusive), the last one to the end of the horizon. `[{ throughCycle: 2, matrix: onTreatment }, { matrix: offTreatment }]`.
 * - `counting`: which cohort a cycle's values count — `beginning`, `end`, or `life-table` (their average).
 * - `firstCycleDiscounted` (default true): cycle t is discounted by (1 + r)^(t − 1 + f) with f = 1; false sets f = 0.
 * - `cycleLength` (default 1) in `timeUnit` (default `year`): fixes the discounting clock and per-year values.
 * - `tunnels` (optional): tunnel states and their lengths, `{ "PostCRS": 3 }`; expressions may read
 *   `{ var: "cycle" }` everywhere but `initial`, and `{ var: "stateTime" }` in tunnel states.
 *
 * @category Markov Model
 */
export const markovModelSchema = lazySchema(() => z
  .strictObject({
    /** Health state names (健康状态), unique, e.g. `["Alive", "Dead"]`. */
    states: z
      .array(stateName)
      .min(1)
      .refine((s) => new Set(s).size === s.length, { message: "state names must be unique" }),
    /** Share of the cohort in each state at time 0 (missing states 0); the shares must sum to 1. */
    initial: userRecord(stateName, modelExpressionSchema),
    /** Number of cycles in the time horizon (周期数), an integer in [1, 100,000]. */
    cycles: z.number().int().min(1).max(100_000),
    /** Length of one cycle in `timeUnit`, > 0; default 1. */
    cycleLength: modelFloat({ above: 0 }).default(1),
    /** Unit of `cycleLength`: day, week, month or year (default); fixes the discounting clock. */
    timeUnit: z.enum(MODEL_TIME_UNITS).default("year"),
    /** Transition matrices (转移概率矩阵) in force, in order; the last applies to the end of the horizon. */
    transitions: z
      .array(
        z
          .strictObject({
            /** Last cycle (inclusive) this matrix applies to; omitted on the last matrix. */
            throughCycle: z.number().int().min(1).optional(),
            /** The matrix: `matrix[from][to]` is a probability expression or `"complement"`. */
            matrix: transitionMatrixSchema,
          })
          .strict(),
      )
      .min(1),
    /** Named value streams (costs, QALYs, life-years), at least one. */
    streams: modelStreamsSchema,
    /** Which cohort a cycle's values count: `beginning`, `end`, or `life-table` (their average, half-cycle correction). */
    counting: z.enum(["beginning", "end", "life-table"]),
    /** Whether cycle 1 is discounted: cycle t by (1 + r)^(t − 1 + f), f = 1 when true (default), 0 when false. */
    firstCycleDiscounted: z.boolean().default(true),
    /** Tunnel states and their lengths in cycles (隧道状态), e.g. `{ "PostCRS": 3 }`. */
    tunnels: tunnelsSchema.optional(),
  })
  .strict());

/**
 * A Markov model document as accepted by {@link markovModelSchema}.
 *
 * @category Markov Model
 */
export type MarkovModelInput = z.input<typeof markovModelSchema>;
type MarkovModel = z.output<typeof markovModelSchema>;

/**
 * Input of {@link runMarkovModel}: a model plus the named parameters its expressions use (an optional `type: "markov"` tag is accepted so a PSA strategy model can be run as is).
 *
 * @category Markov Model
 */
export const runMarkovModelInputSchema = lazySchema(() => markovModelSchema.extend({ type: z.literal("markov").optional(), parameters: modelParametersSchema.optional() }));

/**
 * Input of {@link runMarkovModel}.
 *
 * @category Markov Model
 */
export type RunMarkovModelInput = z.input<typeof runMarkovModelInputSchema>;

/**
 * Which cohort counts a cycle's values.
 *
 * @category Markov Model
 */
export type CountingMethod = "beginning" | "end" | "life-table";

/**
 * A deterministic Markov run.
 *
 * @category Markov Model
 */
export interface MarkovModelResult {
  readonly model: "markov";
  readonly states: string[];
  readonly cycles: number;
  readonly cycleLength: number;
  readonly timeUnit: ModelTimeUnit;
  readonly counting: CountingMethod;
  /** Cohort shares per state: row 0 is the start, row t the cohort after cycle t's transition. */
  readonly trace: number[][];
  /** Per stream: per-cycle values and totals. */
  readonly streams: Record<string, ModelStreamResult>;
  /** With tunnel states: the expanded states (`PostCRS[1]`, …) and their trace; `trace` sums the copies. */
  readonly expanded?: { readonly states: string[]; readonly trace: number[][] };
  readonly explanation: Step[];
}

export interface Entry {
  readonly to: number;
  readonly f: CompiledExpression;
}
interface Sparsity {
  /** cols[start[i] … start[i+1]) are the columns row i may fill */
  readonly start: Int32Array;
  readonly cols: Int32Array;
}
export interface Row {
  readonly from: number;
  readonly entries: readonly Entry[];
  readonly complement: number; // −1 when none
}

export function compileMatrix(matrix: MarkovModel["transitions"][number]["matrix"], states: readonly string[], index: ReadonlyMap<string, number>, table: ParameterTable, path: (string | number)[]): Row[] {
  for (const from of Object.keys(matrix)) {
    if (!index.has(from)) {
      throw new ValidationError([{ path: [...path, from], code: "unknown_reference", message: `row "${from}" is not a state; the states are ${states.join(", ")}` }]);
    }
  }
  return states.map((from, i) => {
    const row = matrix[from];
    if (row === undefined) {
      throw new ValidationError([
        { path: [...path, from], code: "missing_field", message: `state "${from}" has no row; give an absorbing state { "${from}": 1 }` },
      ]);
    }
    let complement = -1;
    const entries: Entry[] = [];
    for (const [to, e] of Object.entries(row)) {
      const j = index.get(to);
      if (j === undefined) {
        throw new ValidationError([{ path: [...path, from, to], code: "unknown_reference", message: `column "${to}" is not a state; the states are ${states.join(", ")}` }]);
      }
      if (e === "complement") {
        if (complement >= 0) {
          throw new ValidationError([{ path: [...path, from, to], code: "invalid_value", message: `row "${from}" has more than one complement entry` }]);
        }
        complement = j;
      } else entries.push({ to: j, f: compileExpression(e, table, [...path, from, to]) });
    }
    return { from: i, entries, complement };
  });
}

/** Fills a dense matrix for one parameter vector, checking entries and row sums. */
function fillMatrix(rows: readonly Row[], n: number, params: Float64Array, out: Float64Array, states: readonly string[], path: (string | number)[], draw: number | undefined): void {
  out.fill(0);
  for (const row of rows) {
    let sum = 0;
    const from = states[row.from] as string;
    for (const { to, f } of row.entries) {
      const p = f(params);
      if (!(p >= 0 && p <= 1)) {
        throw modelValueError([...path, from, states[to] as string], `the probability of moving from ${from} to ${states[to]} is ${showFloat(p)}, outside [0, 1]`, draw);
      }
      out[row.from * n + to] = (out[row.from * n + to] as number) + p;
      sum += p;
    }
    if (row.complement >= 0) {
      const c = 1 - sum;
      if (c < -ROW_TOLERANCE) {
        throw modelValueError([...path, from], `row ${from}: the other entries sum to ${showFloat(sum)} > 1, so the complement would be negative`, draw);
      }
      out[row.from * n + row.complement] = (out[row.from * n + row.complement] as number) + Math.max(0, c);
    } else if (Math.abs(sum - 1) > ROW_TOLERANCE) {
      throw modelValueError([...path, from], `row ${from} sums to ${showFloat(sum)}, not 1 (tolerance 1e-9)`, draw);
    }
  }
}

/**
 * Compiles a parsed Markov model against a parameter table. A model with time variables or
 * tunnels is expanded first (see time-in-state.ts) and its trace summed back onto its states.
 */
export function compileMarkovModel(
  model: MarkovModel,
  table: ParameterTable,
  pathPrefix: (string | number)[] = [],
): CompiledModel<{ trace: number[][]; expanded?: { states: string[]; trace: number[][] } }> {
  const expansion = expandTimeInState(model, pathPrefix);
  if (expansion === null) return compilePlainMarkovModel(model, table, pathPrefix, undefined);
  const inner = compilePlainMarkovModel(expansion.model, table, pathPrefix, expansion.segmentSource);
  const n = expansion.declared.length;
  return {
    streamNames: inner.streamNames,
    totals: inner.totals,
    detail(params) {
      const d = inner.detail(params);
      return { trace: collapseTrace(d.trace, expansion.groupOf, n), streams: d.streams, expanded: { states: [...expansion.model.states], trace: d.trace } };
    },
  };
}

function compilePlainMarkovModel(
  model: MarkovModel,
  table: ParameterTable,
  pathPrefix: (string | number)[],
  segmentSource: readonly number[] | undefined,
): CompiledModel<{ trace: number[][] }> {
  const { states, cycles } = model;
  const n = states.length;
  const index = new Map(states.map((s, i) => [s, i]));
  const clock: ModelClock = { cycles, cycleLength: model.cycleLength, timeUnit: model.timeUnit, firstCycleOffset: model.firstCycleDiscounted ? 1 : 0 };

  const initial: Entry[] = Object.entries(model.initial).map(([state, e]) => {
    const j = index.get(state);
    if (j === undefined) {
      throw new ValidationError([{ path: [...pathPrefix, "initial", state], code: "unknown_reference", message: `"${state}" is not a state; the states are ${states.join(", ")}` }]);
    }
    return { to: j, f: compileExpression(e, table, [...pathPrefix, "initial", state]) };
  });

  // segment in force at each cycle
  const segmentOf = new Int32Array(cycles);
  let start = 1;
  model.transitions.forEach((seg, k) => {
    const last = k === model.transitions.length - 1;
    const through = seg.throughCycle ?? (last ? cycles : undefined);
    if (through === undefined) {
      throw new ValidationError([
        { path: [...pathPrefix, "transitions", k, "throughCycle"], code: "missing_field", message: "every matrix but the last needs throughCycle" },
      ]);
    }
    if (through < start) {
      throw new ValidationError([
        { path: [...pathPrefix, "transitions", k, "throughCycle"], code: "not_increasing", message: `throughCycle ${through} does not come after cycle ${start - 1}, where the previous matrix ends` },
      ]);
    }
    for (let t = start; t <= Math.min(through, cycles); t++) segmentOf[t - 1] = k;
    start = through + 1;
  });
  if (start <= cycles) {
    throw new ValidationError([
      { path: [...pathPrefix, "transitions"], code: "invalid_cycle", message: `cycles ${start}–${cycles} have no transition matrix` },
    ]);
  }
  const segments = model.transitions.map((seg, k) => compileMatrix(seg.matrix, states, index, table, [...pathPrefix, "transitions", segmentSource?.[k] ?? k, "matrix"]));
  const streams = compileStreams(model.streams, states, clock, table);

  const matrices = segments.map(() => new Float64Array(n * n));
  const sparsity: Sparsity[] = segments.map((rows) => {
    const start = new Int32Array(n + 1);
    const cols: number[] = [];
    for (const row of rows) {
      const js = new Set(row.entries.map((e) => e.to));
      if (row.complement >= 0) js.add(row.complement);
      start[row.from] = cols.length;
      cols.push(...[...js].sort((a, b) => a - b));
      start[row.from + 1] = cols.length;
    }
    return { start, cols: Int32Array.from(cols) };
  });
  const init = new Float64Array(n);
  const cur = new Float64Array(n);
  const next = new Float64Array(n);
  const time = new Float64Array(cycles * n);
  const values = new Float64Array(cycles * n);
  const L = model.cycleLength;
  const segmentPaths = model.transitions.map((_, k) => [...pathPrefix, "transitions", segmentSource?.[k] ?? k, "matrix"]);
  // weight of the cohort before (wb) and after (we) each transition
  const wb = model.counting === "beginning" ? L : model.counting === "end" ? 0 : L / 2;
  const we = L - wb;

  function prepare(params: Float64Array, draw: number | undefined): void {
    init.fill(0);
    let sum = 0;
    for (const { to, f } of initial) {
      const x = f(params);
      if (!(x >= 0 && x <= 1)) throw modelValueError([...pathPrefix, "initial", states[to] as string], `initial share ${showFloat(x)} is outside [0, 1]`, draw);
      init[to] = (init[to] as number) + x;
      sum += x;
    }
    if (Math.abs(sum - 1) > ROW_TOLERANCE) throw modelValueError([...pathPrefix, "initial"], `the initial distribution sums to ${showFloat(sum)}, not 1`, draw);
    for (let k = 0; k < segments.length; k++) fillMatrix(segments[k] as Row[], n, params, matrices[k] as Float64Array, states, segmentPaths[k] as (string | number)[], draw);
  }

  function runTrace(trace?: number[][]): void {
    cur.set(init);
    if (trace) trace.push(Array.from(cur));
    for (let t = 0; t < cycles; t++) {
      const seg = segmentOf[t] as number;
      const m = matrices[seg] as Float64Array;
      const { start: rs, cols } = sparsity[seg] as Sparsity;
      // plain loops: TypedArray fill/set calls cost more than the work on 10-element arrays
      for (let j = 0; j < n; j++) next[j] = 0;
      for (let i = 0; i < n; i++) {
        const ci = cur[i] as number;
        if (ci === 0) continue;
        const base = i * n;
        // only the columns the document names can be non-zero: models are usually sparse
        for (let c = rs[i] as number, end = rs[i + 1] as number; c < end; c++) {
          const j = cols[c] as number;
          next[j] = (next[j] as number) + ci * (m[base + j] as number);
        }
      }
      const tb = t * n;
      for (let s = 0; s < n; s++) {
        const b = cur[s] as number;
        const e = next[s] as number;
        time[tb + s] = wb * b + we * e;
        cur[s] = e;
      }
      if (trace) trace.push(Array.from(cur));
    }
  }

  return {
    streamNames: streams.map((s) => s.name),
    totals(params, draw, out) {
      prepare(params, draw);
      runTrace();
      for (let k = 0; k < streams.length; k++) {
        const s = streams[k] as (typeof streams)[number];
        s.fill(params, values);
        out[k] = accrue(s, values, time, n, cycles).total;
      }
    },
    detail(params) {
      prepare(params, undefined);
      const trace: number[][] = [];
      runTrace(trace);
      const out: Record<string, ModelStreamResult> = {};
      for (const s of streams) {
        s.fill(params, values);
        const record = { perCycle: [] as number[], discountedPerCycle: [] as number[] };
        out[s.name] = streamResult(s, accrue(s, values, time, n, cycles, record), record);
      }
      return { trace, streams: out };
    },
  };
}

const COUNTING_TEXT: Record<CountingMethod, string> = {
  beginning: "the cohort at the beginning of each cycle",
  end: "the cohort at the end of each cycle",
  "life-table": "the average of the cohorts at the beginning and end of each cycle (half-cycle correction)",
};

/**
 * Runs a Markov cohort model deterministically (parameters at their base case):
 * the trace, each stream's per-cycle values and discounted totals, and an explanation.
 *
 * @param input - the model document and the parameters its expressions use (`runMarkovModelInputSchema`).
 * @returns the trace, per-cycle values and totals per stream, and the explanation.
 * @throws {ValidationError} when the document does not match the schema (path named): unknown keys, a state not declared, a row that does not sum to 1, an initial share sum ≠ 1; or issue `out_of_range` when a computed value is out of range (a probability outside [0, 1], a division by zero).
 * @throws {DomainError} OUT_OF_DOMAIN when a stream's total overflows the float range.
 * @category Markov Model
 * @example
 * ```ts
 * const r = runMarkovModel({
 *   states: ["Alive", "Dead"],
 *   initial: { Alive: 1 },
 *   cycles: 3,
 *   transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }],
 *   counting: "end",
 *   streams: {
 *     qaly: { values: { Alive: 0.7 }, discountRate: 0.03 },
 *     cost: { values: { Alive: "500" }, discountRate: 0.03, currency: "CNY" },
 *   },
 * });
 * r.streams.qaly?.total;            // 1.293959…
 * r.streams.cost.money?.total;      // CNY 924.26
 * ```
 */
export function runMarkovModel(input: RunMarkovModelInput): MarkovModelResult {
  const parsed = parseInput(runMarkovModelInputSchema, input, "runMarkovModel");
  const { parameters, type: _type, ...model } = parsed;
  const table = parameterTable(parameters);
  const compiled = compileMarkovModel(model, table);
  const { trace, streams, expanded } = compiled.detail(table.base);
  const unit = `${model.cycleLength} ${model.timeUnit}${model.cycleLength === 1 ? "" : "s"}`;
  const explanation: Step[] = [
    step(
      "models.markov.structure",
      `Markov cohort model with ${model.states.length} states (${model.states.join(", ")}) over ${model.cycles} cycles of ${unit}; each cycle's values count ${COUNTING_TEXT[model.counting]}.`,
      { states: model.states, cycles: model.cycles, counting: model.counting, initial: model.states.map((_, i) => trace[0]?.[i] ?? 0) },
    ),
    ...model.transitions.map((seg, k) => {
      const from = k === 0 ? 1 : (model.transitions[k - 1]?.throughCycle ?? 0) + 1;
      const to = Math.min(seg.throughCycle ?? model.cycles, model.cycles);
      return step("models.markov.transitions", `Cycles ${from}–${to} use transition matrix ${k + 1}.`, { matrix: k + 1, fromCycle: from, throughCycle: to });
    }),
    step("models.markov.trace", `After ${model.cycles} cycles the cohort is distributed ${model.states.map((s, i) => `${s} ${fmt(trace[model.cycles]?.[i] ?? 0)}`).join(", ")}.`, {
      final: trace[model.cycles] ?? [],
    }),
    ...describeStreams(streams, model.firstCycleDiscounted, "models.markov.stream"),
  ];
  if (model.tunnels !== undefined && Object.keys(model.tunnels).length > 0) {
    explanation.splice(
      1,
      0,
      step(
        "models.markov.tunnels",
        `Tunnel states expanded into one copy per cycle spent in them: ${Object.entries(model.tunnels).map(([s, l]) => `${s} (${l} cycle${l === 1 ? "" : "s"})`).join(", ")}; the trace sums the copies.`,
        { tunnels: { ...model.tunnels } },
      ),
    );
  }
  const result = { model: "markov" as const, states: [...model.states], cycles: model.cycles, cycleLength: model.cycleLength, timeUnit: model.timeUnit, counting: model.counting, trace, streams };
  return expanded === undefined ? { ...result, explanation } : { ...result, expanded, explanation };
}

