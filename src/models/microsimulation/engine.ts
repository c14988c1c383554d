// The individual-level engine: one patient at a time through a (tunnel-expanded) Markov
// model, one uniform per cycle from the patient stream, values accrued with the model's
// counting method and discounting, so the mean over patients estimates the cohort trace.
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { DomainError, type ErrorCode, ValidationError, type IssuePath } from "../../core/index.js";
import { dueDateMemo } from "../../contracts/calendar.js";
import type { OutcomeEvent } from "../../contracts/events.js";
import type { ModelAttributes } from "../attributes.js";
import { compileExpression, modelValueError, type CompiledExpression } from "../expression.js";
import { compileMarkovModel, compileMatrix, type Entry, type markovModelSchema, type Row } from "../markov.js";
import { ROW_TOLERANCE, showFloat } from "../numbers.js";
import type { UniformSource } from "../random.js";
import type { DistributionKind } from "../distributions/kind.js";
import { distributionKindOf, type ModelDistribution } from "../distributions/registry.js";
import { compileStreams } from "../streams.js";
import type { ParameterTable } from "../parameters.js";
import { expandTimeInState } from "../time-in-state.js";
import type { z } from "zod";
import type { attributeSamplerSchema, microsimulationEventsSchema, simulatedPatientSchema, subgroupBySchema } from "./schema.js";

type MarkovModel = z.output<typeof markovModelSchema>;
type Sampler = z.output<typeof attributeSamplerSchema>;
type Patient = z.output<typeof simulatedPatientSchema>;
type EventMap = z.output<typeof microsimulationEventsSchema>;
type SubgroupBy = z.output<typeof subgroupBySchema>;

/** One value stream, compiled for per-patient evaluation. */
interface PatientStream {
  readonly name: string;
  readonly currency: string | undefined;
  readonly discount: Float64Array;
  readonly unitFactor: number;
  /** per expanded state: one expression for every cycle, or null */
  readonly scalar: (CompiledExpression | null)[];
  /** per expanded state: one expression per cycle, or null */
  readonly series: (CompiledExpression[] | null)[];
}

/** A model prepared for simulation. */
export interface PreparedModel {
  readonly declared: readonly string[];
  readonly states: readonly string[];
  readonly groupOf: Int32Array;
  readonly cycles: number;
  readonly rows: readonly (readonly Row[])[];
  readonly segmentOf: Int32Array;
  readonly segmentPaths: readonly IssuePath[];
  readonly initial: readonly Entry[];
  readonly streams: readonly PatientStream[];
  readonly wb: number;
  readonly we: number;
  /** 1 where a state keeps every patient in every segment: the rest of the run needs no draws */
  readonly absorbing: Uint8Array;
  readonly pathPrefix: IssuePath;
  readonly model: MarkovModel;
}

/** Compiles a Markov model for patients; the document is validated exactly as the cohort engine does. */
export function prepareModel(model: MarkovModel, table: ParameterTable, pathPrefix: IssuePath): PreparedModel {
  compileMarkovModel(model, table, [...pathPrefix]); // same checks and paths as a cohort run
  const expansion = expandTimeInState(model, pathPrefix);
  const m = expansion?.model ?? model;
  const states = m.states;
  const n = states.length;
  const index = new Map(states.map((s, i) => [s, i]));
  const groupOf = expansion?.groupOf ?? Int32Array.from(states.map((_, i) => i));
  const segmentPaths = m.transitions.map((_, k) => [...pathPrefix, "transitions", expansion?.segmentSource[k] ?? k, "matrix"]);
  const rows = m.transitions.map((seg, k) => compileMatrix(seg.matrix, states, index, table, segmentPaths[k] as (string | number)[]));
  const segmentOf = new Int32Array(m.cycles);
  let start = 1;
  m.transitions.forEach((seg, k) => {
    const through = Math.min(seg.throughCycle ?? m.cycles, m.cycles);
    for (let t = start; t <= through; t++) segmentOf[t - 1] = k;
    start = (seg.throughCycle ?? m.cycles) + 1;
  });
  const initial: Entry[] = Object.entries(m.initial).map(([state, e]) => ({ to: index.get(state) as number, f: compileExpression(e, table, [...pathPrefix, "initial", state]) }));
  const clock = { cycles: m.cycles, cycleLength: m.cycleLength, timeUnit: m.timeUnit, firstCycleOffset: m.firstCycleDiscounted ? (1 as const) : (0 as const) };
  const cohortStreams = compileStreams(m.streams, states, clock, table);
  const streams: PatientStream[] = cohortStreams.map((cs) => {
    const scalar: (CompiledExpression | null)[] = new Array<CompiledExpression | null>(n).fill(null);
    const series: (CompiledExpression[] | null)[] = new Array<CompiledExpression[] | null>(n).fill(null);
    for (const [state, v] of Object.entries(cs.source.values)) {
      const s = index.get(state) as number;
      const path = [...pathPrefix, "streams", cs.name, "values", state];
      if (Array.isArray(v)) series[s] = v.map((e, i) => compileExpression(e, table, [...path, i]));
      else scalar[s] = compileExpression(v as Parameters<typeof compileExpression>[0], table, path);
    }
    return { name: cs.name, currency: cs.source.currency, discount: cs.discount, unitFactor: cs.unitFactor, scalar, series };
  });
  const absorbing = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    absorbing[s] = rows.every((seg) => {
      const row = seg[s] as Row;
      const selfOnly = row.entries.every((e) => e.to === s);
      return selfOnly && (row.complement === -1 || row.complement === s);
    })
      ? 1
      : 0;
  }
  const L = m.cycleLength;
  const wb = m.counting === "beginning" ? L : m.counting === "end" ? 0 : L / 2;
  return { declared: expansion?.declared ?? [...states], states, groupOf, cycles: m.cycles, rows, segmentOf, segmentPaths, initial, streams, wb, we: L - wb, absorbing, pathPrefix, model };
}

/** Scratch buffers of one simulation run. */
export interface PatientScratch {
  /** per stream: discounted, then undiscounted total */
  readonly totals: Float64Array;
  /** expanded state after each cycle (index 0 = start) */
  readonly states: Int32Array;
  readonly probs: Float64Array;
  // A patient's row of a segment, and a state's scalar value, are the same in every cycle:
  // each is computed (and checked) once per patient, marked with the patient's stamp.
  readonly rowStamp: Int32Array;
  readonly rowProbs: Float64Array;
  readonly valueStamp: Int32Array;
  readonly values: Float64Array;
  readonly width: number;
  stamp: number;
}

/** Buffers for {@link simulatePatient}. */
export function patientScratch(p: PreparedModel): PatientScratch {
  const n = p.states.length;
  let width = 1;
  for (const seg of p.rows) for (const row of seg) width = Math.max(width, row.entries.length);
  return {
    totals: new Float64Array(p.streams.length * 2),
    states: new Int32Array(p.cycles + 1),
    probs: new Float64Array(n + 1),
    rowStamp: new Int32Array(p.rows.length * n),
    rowProbs: new Float64Array(p.rows.length * n * width),
    valueStamp: new Int32Array(p.streams.length * n),
    values: new Float64Array(p.streams.length * n),
    width,
    stamp: 0,
  };
}

function valueAt(p: PreparedModel, k: number, s: number, t: number, params: Float64Array, scratch: PatientScratch): number {
  const st = p.streams[k] as PatientStream;
  const series = st.series[s];
  if (series) return (series[t] as CompiledExpression)(params);
  const f = st.scalar[s];
  if (!f) return 0;
  const at = k * p.states.length + s;
  if (scratch.valueStamp[at] === scratch.stamp) return scratch.values[at] as number;
  const v = f(params);
  scratch.values[at] = v;
  scratch.valueStamp[at] = scratch.stamp;
  return v;
}

function accrue(p: PreparedModel, params: Float64Array, sb: number, se: number, t: number, scratch: PatientScratch): void {
  const totals = scratch.totals;
  for (let k = 0; k < p.streams.length; k++) {
    const st = p.streams[k] as PatientStream;
    let v = 0;
    if (p.wb !== 0) v += p.wb * valueAt(p, k, sb, t, params, scratch);
    if (p.we !== 0) v += p.we * valueAt(p, k, se, t, params, scratch);
    v *= st.unitFactor;
    totals[2 * k] = (totals[2 * k] as number) + v * (st.discount[t] as number);
    totals[2 * k + 1] = (totals[2 * k + 1] as number) + v;
  }
}

/**
 * Simulates one patient with the parameter-and-attribute vector `params`: fills
 * `scratch.states` (the expanded state after each cycle) and `scratch.totals`.
 * `draw` (0-based) names the PSA draw in errors; `patient` the patient.
 */
export function simulatePatient(p: PreparedModel, params: Float64Array, u: UniformSource, scratch: PatientScratch, draw: number | undefined, patient: string): void {
  const { totals, states, probs, rowStamp, rowProbs, width } = scratch;
  totals.fill(0);
  // a new stamp per patient invalidates the cached rows and values (wraps long after any run)
  scratch.stamp = scratch.stamp === 2_147_483_647 ? 1 : scratch.stamp + 1;
  if (scratch.stamp === 1) {
    rowStamp.fill(0);
    scratch.valueStamp.fill(0);
  }
  const where = (path: IssuePath, message: string): Error => {
    const e = modelValueError(path, `patient ${patient}: ${message}`, draw);
    return e;
  };
  // the initial state
  let sum = 0;
  for (let i = 0; i < p.initial.length; i++) {
    const { to, f } = p.initial[i] as Entry;
    const x = f(params);
    if (!(x >= 0 && x <= 1)) throw where([...p.pathPrefix, "initial", p.states[to] as string], `initial share ${showFloat(x)} is outside [0, 1]`);
    probs[i] = x;
    sum += x;
  }
  if (Math.abs(sum - 1) > ROW_TOLERANCE) throw where([...p.pathPrefix, "initial"], `the initial distribution sums to ${showFloat(sum)}, not 1`);
  let draw0 = u() * sum;
  let s = (p.initial[p.initial.length - 1] as Entry).to;
  for (let i = 0; i < p.initial.length; i++) {
    draw0 -= probs[i] as number;
    if (draw0 < 0) {
      s = (p.initial[i] as Entry).to;
      break;
    }
  }
  states[0] = s;
  for (let t = 0; t < p.cycles; t++) {
    if (p.absorbing[s] === 1) {
      for (let r = t; r < p.cycles; r++) {
        states[r + 1] = s;
        accrue(p, params, s, s, r, scratch);
      }
      break;
    }
    const seg = p.segmentOf[t] as number;
    const row = (p.rows[seg] as Row[])[s] as Row;
    const entries = row.entries;
    const slot = seg * p.states.length + s;
    const base = slot * width;
    if (rowStamp[slot] !== scratch.stamp) {
      let rowSum = 0;
      for (let i = 0; i < entries.length; i++) {
        const x = (entries[i] as Entry).f(params);
        if (!(x >= 0 && x <= 1)) {
          const to = p.states[(entries[i] as Entry).to] as string;
          throw where([...(p.segmentPaths[seg] as IssuePath), p.states[s] as string, to], `the probability of moving from ${p.states[s]} to ${to} in cycle ${t + 1} is ${showFloat(x)}, outside [0, 1]`);
        }
        rowProbs[base + i] = x;
        rowSum += x;
      }
      if (row.complement >= 0) {
        if (1 - rowSum < -ROW_TOLERANCE) throw where([...(p.segmentPaths[seg] as IssuePath), p.states[s] as string], `row ${p.states[s]}: the other entries sum to ${showFloat(rowSum)} > 1, so the complement would be negative`);
      } else if (Math.abs(rowSum - 1) > ROW_TOLERANCE) {
        throw where([...(p.segmentPaths[seg] as IssuePath), p.states[s] as string], `row ${p.states[s]} sums to ${showFloat(rowSum)}, not 1 (tolerance 1e-9)`);
      }
      rowStamp[slot] = scratch.stamp;
    }
    let x = u();
    let next = row.complement >= 0 ? row.complement : (entries[entries.length - 1] as Entry).to;
    for (let i = 0; i < entries.length; i++) {
      x -= rowProbs[base + i] as number;
      if (x < 0) {
        next = (entries[i] as Entry).to;
        break;
      }
    }
    accrue(p, params, s, next, t, scratch);
    s = next;
    states[t + 1] = s;
  }
  for (let k = 0; k < totals.length; k++) {
    if (!Number.isFinite(totals[k] as number)) {
      throw new DomainError("OUT_OF_DOMAIN", `patient ${patient}: stream "${p.streams[k >> 1]?.name}" is not a finite number (a value overflows or is undefined)`, {
        path: [...p.pathPrefix, "streams", p.streams[k >> 1]?.name ?? ""],
        ...(draw === undefined ? {} : { details: { draw: draw + 1 } }),
      });
    }
  }
}

// ---------------------------------------------------------------------------------------
// random streams

/**
 * The random streams of a simulation, all from one seed: parameters (the same draws as
 * runModelPsa with that seed), the population, and one patient stream per PSA draw; each
 * later stream starts 2^64 steps after the previous (xoroshiro128+ jump), so none overlap.
 */
export function patientStreams(seed: number): { population: UniformSource; forDraw: (draw: number) => () => UniformSource } {
  const base = xoroshiro128plus(seed | 0);
  const popGen = base.clone();
  popGen.jump();
  const first = popGen.clone();
  first.jump();
  let at = 0;
  const cursor = first.clone();
  return {
    population: () => uniformFloat64(popGen),
    // Each call gives a fresh stream for that draw (every strategy of a draw sees the same patients' numbers).
    forDraw: (draw: number) => {
      if (draw < at) throw new Error("patient streams are taken in draw order");
      while (at < draw) {
        cursor.jump();
        at += 1;
      }
      const snapshot = cursor.clone();
      return () => {
        const g = snapshot.clone();
        return () => uniformFloat64(g);
      };
    },
  };
}

// ---------------------------------------------------------------------------------------
// patients

/** Patients as simulated: ids, attribute values as given, and their vectors (n × attributes, slots in table order). */
export interface PatientTable {
  readonly ids: string[];
  readonly values: Record<string, number | string>[];
  readonly startDates: (string | undefined)[];
  readonly vectors: Float64Array;
  readonly width: number;
}

function sampleNumber(s: Sampler, u: UniformSource): number | string {
  if ("value" in s) return s.value;
  if ("uniform" in s) return s.uniform.min + (s.uniform.max - s.uniform.min) * u();
  if ("distribution" in s) {
    const kind = distributionKindOf(s.distribution) as DistributionKind<z.ZodType<ModelDistribution>>;
    return kind.vector ? Number.NaN : kind.draw(s.distribution, u); // a vector kind is refused by the caller (checkSamplers)
  }
  // shares of levels, in the order written
  let x = u();
  const entries = Object.entries(s.shares);
  for (const [level, share] of entries) {
    x -= share;
    if (x < 0) return level;
  }
  return (entries[entries.length - 1] as [string, number])[0];
}

/** Checks a population's samplers against the declared attributes. */
function checkSamplers(attributes: ModelAttributes, samplers: Record<string, Sampler>): void {
  const issues: { path: (string | number)[]; code: ErrorCode; message: string }[] = [];
  for (const name of Object.keys(samplers)) {
    if (!Object.prototype.hasOwnProperty.call(attributes, name)) {
      issues.push({ path: ["population", "attributes", name], code: "unknown_reference", message: `unknown attribute "${name}"; the model declares ${Object.keys(attributes).join(", ") || "none"}` });
    }
  }
  for (const [name, d] of Object.entries(attributes)) {
    const s = Object.prototype.hasOwnProperty.call(samplers, name) ? samplers[name] : undefined;
    const path = ["population", "attributes", name];
    if (s === undefined) {
      issues.push({ path, code: "missing_attribute", message: `attribute "${name}" has no sampler` });
      continue;
    }
    if (d.type === "category") {
      if ("shares" in s) {
        const total = Object.values(s.shares).reduce((a, b) => a + b, 0);
        for (const level of Object.keys(s.shares)) {
          if (!d.levels.includes(level)) issues.push({ path: [...path, "shares", level], code: "unknown_reference", message: `"${level}" is not a level of ${name} (${d.levels.join(", ")})` });
        }
        if (Math.abs(total - 1) > ROW_TOLERANCE) issues.push({ path: [...path, "shares"], code: "out_of_range", message: `the shares sum to ${showFloat(total)}, not 1` });
      } else if (!("value" in s)) issues.push({ path, code: "invalid_value", message: `category "${name}" is drawn from shares of its levels or fixed by value` });
    } else if ("shares" in s) {
      issues.push({ path, code: "invalid_value", message: `number "${name}" is drawn from a value, a uniform range or a distribution` });
    } else if ("distribution" in s) {
      const kind = distributionKindOf(s.distribution);
      if (kind?.vector === true) issues.push({ path: [...path, "distribution", "type"], code: "invalid_value", message: `a ${kind.name} draws a vector, not one attribute` });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** The patients of a run: given explicitly, or drawn from the population stream (in patient order, attributes in name order). */
export function buildPatients(
  table: ParameterTable,
  attributes: ModelAttributes,
  input: { patients?: Patient[] | undefined; population?: { size: number; attributes: Record<string, Sampler> } | undefined },
  population: UniformSource,
  write: (values: unknown, path: IssuePath, out: Float64Array) => void,
): PatientTable {
  if ((input.patients === undefined) === (input.population === undefined)) {
    throw new ValidationError([{ path: ["patients"], code: "invalid_value", message: "give either patients (a list) or population (a size and samplers), not both or neither" }]);
  }
  const attrs = [...(table.attributes ?? new Map()).entries()].sort((a, b) => a[1].slot - b[1].slot);
  const width = attrs.length;
  const offset = table.size - width;
  const scratch = new Float64Array(table.size);
  const fill = (values: unknown, path: IssuePath, i: number, vectors: Float64Array) => {
    write(values, path, scratch);
    for (let a = 0; a < width; a++) vectors[i * width + a] = scratch[offset + a] as number;
  };
  if (input.patients !== undefined) {
    const ps = input.patients;
    const seen = new Set<string>();
    ps.forEach((p, i) => {
      if (seen.has(p.id)) throw new ValidationError([{ path: ["patients", i, "id"], code: "duplicate_id", message: `patient id "${p.id}" appears twice` }]);
      seen.add(p.id);
    });
    const vectors = new Float64Array(ps.length * width);
    ps.forEach((p, i) => fill(p.attributes, ["patients", i, "attributes"], i, vectors));
    return { ids: ps.map((p) => p.id), values: ps.map((p) => ({ ...p.attributes })), startDates: ps.map((p) => p.startDate), vectors, width };
  }
  const pop = input.population as { size: number; attributes: Record<string, Sampler> };
  checkSamplers(attributes, pop.attributes);
  const names = Object.keys(attributes).sort();
  const vectors = new Float64Array(pop.size * width);
  const values: Record<string, number | string>[] = [];
  const ids: string[] = [];
  const digits = String(pop.size).length;
  for (let i = 0; i < pop.size; i++) {
    const v: Record<string, number | string> = {};
    for (const name of names) v[name] = sampleNumber(pop.attributes[name] as Sampler, population);
    const id = `P${String(i + 1).padStart(digits, "0")}`;
    try {
      fill(v, ["population", "attributes"], i, vectors);
    } catch (e) {
      if (e instanceof ValidationError) {
        throw new DomainError("OUT_OF_DOMAIN", `patient ${id}: a drawn attribute breaks its declaration: ${e.issues.map((x) => x.message).join("; ")}`, { path: ["population", "attributes"] });
      }
      throw e;
    }
    values.push(v);
    ids.push(id);
  }
  return { ids, values, startDates: values.map(() => undefined), vectors, width };
}

// ---------------------------------------------------------------------------------------
// dates and events

/** Dates cycle boundaries from a start date with the model's cycle length (whole calendar months or days per cycle). */
export function cycleDater(model: MarkovModel, pathPrefix: IssuePath): (start: string, cycle: number) => string {
  const L = model.cycleLength;
  const perCycle = model.timeUnit === "month" ? L : model.timeUnit === "year" ? 12 * L : model.timeUnit === "week" ? 7 * L : L;
  const inMonths = model.timeUnit === "month" || model.timeUnit === "year";
  if (!Number.isInteger(perCycle)) {
    throw new ValidationError([
      {
        path: [...pathPrefix, "cycleLength"],
        code: "invalid_value",
        message: `a cycle of ${L} ${model.timeUnit}(s) is not a whole number of calendar ${inMonths ? "months" : "days"}, so simulated states cannot be dated`,
      },
    ]);
  }
  const limit = inMonths ? 1200 : 36_500;
  if (perCycle * model.cycles > limit) {
    throw new ValidationError([{ path: [...pathPrefix, "cycles"], code: "out_of_range", message: `the horizon of ${perCycle * model.cycles} ${inMonths ? "months" : "days"} goes beyond the calendar's ${limit}` }]);
  }
  const memo = dueDateMemo();
  return (start, cycle) => memo(start, inMonths ? { months: perCycle * cycle, days: 0 } : { months: 0, days: perCycle * cycle });
}

/** The document's state after each cycle, and the cycles at which it changes. */
export function declaredChanges(p: PreparedModel, states: Int32Array): { cycle: number; state: number }[] {
  const out: { cycle: number; state: number }[] = [];
  let last = -1;
  for (let t = 0; t <= p.cycles; t++) {
    const g = p.groupOf[states[t] as number] as number;
    if (g !== last) out.push({ cycle: t, state: g });
    last = g;
  }
  return out;
}

/** Events compiled against a prepared model. */
export interface PreparedEvents {
  readonly start: "infusion" | "treatmentStart";
  /** per declared state: the event raised on entering it */
  readonly onEnter: ({ kind: OutcomeEvent["kind"]; grade?: number } | undefined)[];
  readonly assessAt: readonly number[];
  /** per declared state: the response read at an assessment */
  readonly response: (OutcomeEvent["response"] | undefined)[];
}

/** Checks the event map's states against the model. */
export function prepareEvents(p: PreparedModel, events: EventMap, path: IssuePath): PreparedEvents {
  const index = new Map(p.declared.map((s, i) => [s, i]));
  const onEnter: PreparedEvents["onEnter"] = p.declared.map(() => undefined);
  const response: PreparedEvents["response"] = p.declared.map(() => undefined);
  for (const [state, e] of Object.entries(events.onEnter)) {
    const i = index.get(state);
    if (i === undefined) throw new ValidationError([{ path: [...path, "onEnter", state], code: "unknown_reference", message: `"${state}" is not a state; the states are ${p.declared.join(", ")}` }]);
    onEnter[i] = e.grade === undefined ? { kind: e.kind as OutcomeEvent["kind"] } : { kind: e.kind as OutcomeEvent["kind"], grade: e.grade };
  }
  const assessAt = events.assessments?.atCycles ?? [];
  for (const c of assessAt) {
    if (c > p.cycles) throw new ValidationError([{ path: [...path, "assessments", "atCycles"], code: "out_of_range", message: `assessment at cycle ${c} is after the last cycle ${p.cycles}` }]);
  }
  for (const [state, r] of Object.entries(events.assessments?.response ?? {})) {
    const i = index.get(state);
    if (i === undefined) throw new ValidationError([{ path: [...path, "assessments", "response", state], code: "unknown_reference", message: `"${state}" is not a state; the states are ${p.declared.join(", ")}` }]);
    response[i] = r;
  }
  return { start: events.start, onEnter, assessAt, response };
}

/**
 * A patient's outcome events: the start at cycle 0, an event on entering a mapped state
 * (dated at the end of the cycle of the transition), assessments at the listed cycles, in date
 * order (entries before the assessment of the same cycle), nothing after a death.
 */
export function patientEvents(p: PreparedModel, ev: PreparedEvents, changes: readonly { cycle: number; state: number }[], start: string, date: (start: string, cycle: number) => string): OutcomeEvent[] {
  const out: OutcomeEvent[] = [{ kind: ev.start, date: start }];
  let a = 0;
  const stateAt = (cycle: number): number => {
    let s = (changes[0] as { state: number }).state;
    for (const c of changes) {
      if (c.cycle > cycle) break;
      s = c.state;
    }
    return s;
  };
  const assessUpTo = (cycle: number): boolean => {
    while (a < ev.assessAt.length && (ev.assessAt[a] as number) <= cycle) {
      const at = ev.assessAt[a] as number;
      const r = ev.response[stateAt(at)];
      if (r !== undefined) out.push({ kind: "assessment", date: date(start, at), response: r });
      a += 1;
    }
    return false;
  };
  for (let i = 1; i < changes.length; i++) {
    const c = changes[i] as { cycle: number; state: number };
    assessUpTo(c.cycle - 1);
    const e = ev.onEnter[c.state];
    if (e !== undefined) {
      out.push(e.grade === undefined ? { kind: e.kind, date: date(start, c.cycle) } : { kind: e.kind, date: date(start, c.cycle), grade: e.grade });
      if (e.kind === "death") return out;
    }
  }
  assessUpTo(p.cycles);
  return out;
}

// ---------------------------------------------------------------------------------------
// statistics

/** The q-quantile of sorted values, interpolating linearly between order statistics (R's type 7). */
export function quantileSorted(sorted: Float64Array | readonly number[], q: number): number {
  const n = sorted.length;
  if (n === 1) return sorted[0] as number;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** Band label of a number cut at `breaks`: "< 65", "65 – < 75", "≥ 75". */
export function bandOf(x: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && x >= (breaks[i] as number)) i++;
  return i;
}

/** Names of the bands of {@link bandOf}. */
export function bandNames(breaks: readonly number[]): string[] {
  const out = [`< ${breaks[0]}`];
  for (let i = 1; i < breaks.length; i++) out.push(`${breaks[i - 1]} – < ${breaks[i]}`);
  out.push(`≥ ${breaks[breaks.length - 1]}`);
  return out;
}

/** Subgroups of patients: per spec, the group of each patient and the group names. */
export interface PatientGroups {
  readonly attribute: string;
  readonly names: string[];
  readonly of: Int32Array;
}

/** Assigns patients to the requested subgroups. */
export function groupPatients(attributes: ModelAttributes, table: ParameterTable, specs: readonly SubgroupBy[], patients: PatientTable): PatientGroups[] {
  const attrs = [...(table.attributes ?? new Map()).entries()].sort((a, b) => a[1].slot - b[1].slot).map(([n]) => n);
  return specs.map((spec, k) => {
    const name = typeof spec === "string" ? spec : spec.attribute;
    const path = typeof spec === "string" ? ["subgroupBy", k] : ["subgroupBy", k, "attribute"];
    const d = Object.prototype.hasOwnProperty.call(attributes, name) ? attributes[name] : undefined;
    if (d === undefined) throw new ValidationError([{ path, code: "unknown_reference", message: `unknown attribute "${name}"; the model declares ${Object.keys(attributes).join(", ") || "none"}` }]);
    const a = attrs.indexOf(name);
    const of = new Int32Array(patients.ids.length);
    if (typeof spec === "string") {
      if (d.type !== "category") throw new ValidationError([{ path, code: "missing_field", message: `"${name}" is a number: give { attribute, breaks }` }]);
      for (let i = 0; i < of.length; i++) of[i] = patients.vectors[i * patients.width + a] as number;
      return { attribute: name, names: d.levels.map((l) => `${name} = ${l}`), of };
    }
    if (d.type !== "number") throw new ValidationError([{ path: ["subgroupBy", k, "breaks"], code: "unrecognized_keys", message: `"${name}" is a category: name it without breaks` }]);
    for (let i = 0; i < of.length; i++) of[i] = bandOf(patients.vectors[i * patients.width + a] as number, spec.breaks);
    return { attribute: name, names: bandNames(spec.breaks).map((b) => `${name} ${b}`), of };
  });
}
