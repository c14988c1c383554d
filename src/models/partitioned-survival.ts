import * as z from "zod";
import { parseInput, step, type Step } from "../core/index.js";
import type { CompiledModel } from "./compiled.js";
import { describeStreams } from "./describe.js";
import { modelFloat } from "./numbers.js";
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
import { compileSurvivalCurve, survivalCurveSchema } from "./survival-curves.js";
import { numberText } from "../money/format.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The three states of a partitioned-survival model, in this order.
 *
 * @category Partitioned Survival
 */
export const PARTITIONED_SURVIVAL_STATES = ["PF", "PD", "Dead"] as const;

/**
 * A partitioned-survival model as a JSON document: PFS and OS curves (time in
 * `timeUnit`, default `year`), a grid of `cycles` cycles of `cycleLength`, and value
 * streams over the states PF, PD and Dead. `firstCycleDiscounted` as in the Markov model.
 *
 * @category Partitioned Survival
 */
export const partitionedSurvivalModelSchema = lazySchema(() => z
  .strictObject({
    /** Number of cycles in the time horizon (周期数), an integer in [1, 100,000]. */
    cycles: z.number().int().min(1).max(100_000),
    /** Length of one cycle in `timeUnit`, > 0; default 1. */
    cycleLength: modelFloat({ above: 0 }).default(1),
    /** Time unit of the curves and the cycle: day, week, month or year (default). */
    timeUnit: z.enum(MODEL_TIME_UNITS).default("year"),
    /** Progression-free survival curve (无进展生存期): the share in PF is S_PFS(t). */
    pfs: survivalCurveSchema,
    /** Overall survival curve (总生存期): the share alive is S_OS(t); PD = OS − PFS. */
    os: survivalCurveSchema,
    /** Named value streams over PF, PD and Dead, at least one. */
    streams: modelStreamsSchema,
    /** Whether cycle 1 is discounted, as in the Markov model (default true). */
    firstCycleDiscounted: z.boolean().default(true),
  })
  .strict());

/**
 * A partitioned-survival model as accepted by {@link partitionedSurvivalModelSchema}.
 *
 * @category Partitioned Survival
 */
export type PartitionedSurvivalModelInput = z.input<typeof partitionedSurvivalModelSchema>;
type PsModel = z.output<typeof partitionedSurvivalModelSchema>;

/**
 * Input of {@link runPartitionedSurvival}: a model plus the named parameters its expressions use.
 *
 * @category Partitioned Survival
 */
export const runPartitionedSurvivalInputSchema = lazySchema(() => partitionedSurvivalModelSchema.extend({
  type: z.literal("partitioned-survival").optional(),
  parameters: modelParametersSchema.optional(),
}));

/**
 * Input of {@link runPartitionedSurvival}.
 *
 * @category Partitioned Survival
 */
export type RunPartitionedSurvivalInput = z.input<typeof runPartitionedSurvivalInputSchema>;

/**
 * A deterministic partitioned-survival run.
 *
 * @category Partitioned Survival
 */
export interface PartitionedSurvivalResult {
  readonly model: "partitioned-survival";
  readonly cycles: number;
  readonly cycleLength: number;
  readonly timeUnit: ModelTimeUnit;
  /** Grid times 0, L, 2L, … nL. */
  readonly times: number[];
  /** State occupancy on the grid: PF = S_PFS, PD = max(0, S_OS − S_PFS), Dead = 1 − S_OS. */
  readonly occupancy: { readonly PF: number[]; readonly PD: number[]; readonly Dead: number[] };
  /** Undiscounted time in each state over the horizon (trapezoid rule), in `timeUnit`. */
  readonly timeInState: { readonly PF: number; readonly PD: number; readonly Dead: number };
  readonly streams: Record<string, ModelStreamResult>;
  /** Grid times at which PFS lies above OS (PD floored at 0). */
  readonly crossings: number[];
  readonly warnings: string[];
  readonly explanation: Step[];
}

interface PsDetail {
  times: number[];
  occupancy: { PF: number[]; PD: number[]; Dead: number[] };
  timeInState: { PF: number; PD: number; Dead: number };
  crossings: number[];
}

/** Compiles a parsed partitioned-survival model against a parameter table. */
export function compilePartitionedSurvival(model: PsModel, table: ParameterTable, pathPrefix: (string | number)[] = []): CompiledModel<PsDetail> {
  const { cycles, cycleLength: L } = model;
  const states = PARTITIONED_SURVIVAL_STATES;
  const n = 3;
  const clock: ModelClock = { cycles, cycleLength: L, timeUnit: model.timeUnit, firstCycleOffset: model.firstCycleDiscounted ? 1 : 0 };
  const pfs = compileSurvivalCurve(model.pfs, table, [...pathPrefix, "pfs"]);
  const os = compileSurvivalCurve(model.os, table, [...pathPrefix, "os"]);
  const streams = compileStreams(model.streams, states, clock, table);
  const occ = new Float64Array((cycles + 1) * n);
  const time = new Float64Array(cycles * n);
  const values = new Float64Array(cycles * n);

  function occupancy(params: Float64Array, draw: number | undefined, crossings?: number[]): void {
    const sp = pfs(params, draw);
    const so = os(params, draw);
    for (let k = 0; k <= cycles; k++) {
      const t = k * L;
      const a = sp(t);
      const b = so(t);
      occ[k * n] = a;
      occ[k * n + 1] = Math.max(0, b - a);
      occ[k * n + 2] = 1 - b;
      if (crossings && a > b) crossings.push(t);
    }
    for (let k = 0; k < cycles; k++) {
      for (let s = 0; s < n; s++) time[k * n + s] = (((occ[k * n + s] as number) + (occ[(k + 1) * n + s] as number)) / 2) * L;
    }
  }

  return {
    streamNames: streams.map((s) => s.name),
    totals(params, draw, out) {
      occupancy(params, draw);
      streams.forEach((s, k) => {
        s.fill(params, values);
        out[k] = accrue(s, values, time, n, cycles).total;
      });
    },
    detail(params) {
      const crossings: number[] = [];
      occupancy(params, undefined, crossings);
      const col = (s: number) => Array.from({ length: cycles + 1 }, (_, k) => occ[k * n + s] as number);
      const area = (s: number) => {
        let a = 0;
        for (let k = 0; k < cycles; k++) a += time[k * n + s] as number;
        return a;
      };
      const out: Record<string, ModelStreamResult> = {};
      for (const s of streams) {
        s.fill(params, values);
        const record = { perCycle: [] as number[], discountedPerCycle: [] as number[] };
        out[s.name] = streamResult(s, accrue(s, values, time, n, cycles, record), record);
      }
      return {
        times: Array.from({ length: cycles + 1 }, (_, k) => k * L),
        occupancy: { PF: col(0), PD: col(1), Dead: col(2) },
        timeInState: { PF: area(0), PD: area(1), Dead: area(2) },
        crossings,
        streams: out,
      };
    },
  };
}


/**
 * Runs a partitioned-survival model deterministically: occupancy on the cycle grid,
 * time in each state by the trapezoid rule, each stream's totals, warnings where the
 * curves cross, and an explanation.
 *
 * @param input - the model document and the parameters its curves and streams use (`runPartitionedSurvivalInputSchema`).
 * @returns occupancy, time in state, totals per stream, crossing warnings and the explanation.
 * @throws {ValidationError} when the input does not match `runPartitionedSurvivalInputSchema` (path named): an unknown key, a missing field, a value out of range; or issue `out_of_range` when a curve parameter computed from the parameters is invalid.
 * @throws {DomainError} OUT_OF_DOMAIN when a stream's total overflows the float range.
 * @example
 * ```ts
 * const r = runPartitionedSurvival({
 *   cycles: 24, timeUnit: "month",
 *   pfs: { type: "exponential", rate: 0.1 },
 *   os: { type: "exponential", rate: 0.05 },
 *   streams: {
 *     qaly: { per: "year", values: { PF: 0.8, PD: 0.6 } },
 *     cost: { values: { PF: "20000", PD: "5000" }, currency: "CNY" },
 *   },
 * });
 * r.timeInState.PF;            // 9.100397… months
 * r.streams.cost.money?.total; // CNY 206401.08
 * ```
 *
 * @category Partitioned Survival
 */
export function runPartitionedSurvival(input: RunPartitionedSurvivalInput): PartitionedSurvivalResult {
  const parsed = parseInput(runPartitionedSurvivalInputSchema, input, "runPartitionedSurvival");
  const { parameters, type: _type, ...model } = parsed;
  const table = parameterTable(parameters);
  const d = compilePartitionedSurvival(model, table).detail(table.base);
  const warnings =
    d.crossings.length === 0
      ? []
      : [
          `PFS lies above OS at ${d.crossings.length} grid time(s) from t = ${numberText(d.crossings[0] as number)} ${model.timeUnit}: PD occupancy floored at 0 there, so PF + PD + Dead exceeds 1 by S_PFS − S_OS`,
        ];
  const explanation: Step[] = [
    step(
      "models.partitioned-survival.structure",
      `Partitioned-survival model: PF = S_PFS(t) (${model.pfs.type}), PD = max(0, S_OS(t) − S_PFS(t)), Dead = 1 − S_OS(t) (${model.os.type}), on a grid of ${model.cycles} cycles of ${model.cycleLength} ${model.timeUnit}.`,
      { pfs: model.pfs.type, os: model.os.type, cycles: model.cycles, cycleLength: model.cycleLength, timeUnit: model.timeUnit },
    ),
    step(
      "models.partitioned-survival.time-in-state",
      `Area under each occupancy curve by the trapezoid rule: PF ${numberText(d.timeInState.PF)}, PD ${numberText(d.timeInState.PD)}, Dead ${numberText(d.timeInState.Dead)} ${model.timeUnit}s (undiscounted).`,
      { PF: d.timeInState.PF, PD: d.timeInState.PD, Dead: d.timeInState.Dead },
    ),
    ...warnings.map((w) => step("models.partitioned-survival.crossing", `Warning: ${w}.`, { crossings: d.crossings })),
    ...describeStreams(d.streams, model.firstCycleDiscounted, "models.partitioned-survival.stream"),
  ];
  return {
    model: "partitioned-survival",
    cycles: model.cycles,
    cycleLength: model.cycleLength,
    timeUnit: model.timeUnit,
    times: d.times,
    occupancy: d.occupancy,
    timeInState: d.timeInState,
    streams: d.streams,
    crossings: d.crossings,
    warnings,
    explanation,
  };
}
