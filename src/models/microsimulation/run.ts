import { parseInput, step, type Step } from "../../core/index.js";
import type { OutcomeEvent } from "../../contracts/events.js";
import type { Money } from "../../money/index.js";
import { withAttributes, writeAttributes } from "../attributes.js";
import { parameterTable, sampleParameters, type ParameterTable } from "../parameters.js";
import { seededUniform } from "../random.js";
import { moneyFromFloat } from "../streams.js";
import {
  buildPatients,
  cycleDater,
  declaredChanges,
  groupPatients,
  patientEvents,
  patientScratch,
  patientStreams,
  prepareEvents,
  prepareModel,
  quantileSorted,
  simulatePatient,
  type PatientGroups,
  type PatientTable,
  type PreparedModel,
} from "./engine.js";
import { runMicrosimulationInputSchema, type ParsedMicrosimulation, type RunMicrosimulationInput } from "./schema.js";
import { numberText } from "../../money/format.js";

/**
 * One stream's statistics over the simulated patients.
 *
 * @category Microsimulation
 */
export interface MicrosimulationStreamSummary {
  /** Mean discounted total per patient, over all patients (and draws). */
  readonly mean: number;
  readonly undiscountedMean: number;
  /** First-order (patient-level) uncertainty: the standard deviation between patients, pooled within draws. */
  readonly firstOrderSd: number;
  /** Second-order (parameter) uncertainty: spread of the per-draw means, with PSA only. */
  readonly secondOrder?: { readonly sd: number; readonly lower: number; readonly upper: number };
  /** Money streams: the mean rounded half-up to the minor unit. */
  readonly money?: Money;
}

/**
 * One patient's simulated history (runs without PSA, `keepPatients`).
 *
 * @category Microsimulation
 */
export interface SimulatedPatientRecord {
  readonly id: string;
  readonly attributes: Record<string, number | string>;
  readonly startDate: string;
  /** The document's states the patient was in, from cycle 0, each change dated (cycle boundaries from the start date). */
  readonly states: { readonly cycle: number; readonly date: string; readonly state: string }[];
  /** Outcome events (when the input maps states to events), ready for evaluateContract. */
  readonly events?: OutcomeEvent[];
  /** Discounted total per stream. */
  readonly streams: Record<string, number>;
}

/**
 * A subgroup's means.
 *
 * @category Microsimulation
 */
export interface MicrosimulationSubgroup {
  readonly name: string;
  readonly attribute: string;
  readonly patients: number;
  readonly streams: Record<string, { readonly mean: number; readonly lower?: number; readonly upper?: number }>;
}

/**
 * Result of {@link runMicrosimulation}.
 *
 * @category Microsimulation
 */
export interface MicrosimulationResult {
  readonly states: string[];
  readonly cycles: number;
  readonly patients: number;
  readonly draws: number;
  readonly seed: number;
  /** Share of patients in each state after each cycle (row 0 = start), over all patients and draws. */
  readonly trace: number[][];
  readonly streams: Record<string, MicrosimulationStreamSummary>;
  /** Per-draw means per stream (second-order sample), with PSA. */
  readonly drawMeans?: Record<string, number[]>;
  readonly subgroups: MicrosimulationSubgroup[];
  readonly patientRecords?: SimulatedPatientRecord[];
  readonly explanation: Step[];
}

/** Everything a run needs, prepared once (shared with contract pricing). */
export interface PreparedSimulation {
  readonly table: ParameterTable;
  readonly patients: PatientTable;
  readonly groups: PatientGroups[];
  readonly streams: ReturnType<typeof patientStreams>;
  readonly draws: number;
  readonly psa: boolean;
}

/** Parses the shared part of a simulation input: parameters with attributes, patients, groups, streams. */
export function prepareSimulation(parsed: Pick<ParsedMicrosimulation, "parameters" | "attributes" | "patients" | "population" | "seed" | "psa" | "subgroupBy">): PreparedSimulation {
  const table = withAttributes(parameterTable(parsed.parameters), parsed.attributes);
  const streams = patientStreams(parsed.seed);
  const patients = buildPatients(table, parsed.attributes, parsed, streams.population, (v, path, out) => writeAttributes(table, parsed.attributes, v, path, out));
  const groups = groupPatients(parsed.attributes, table, parsed.subgroupBy ?? [], patients);
  return { table, patients, groups, streams, draws: parsed.psa?.draws ?? 1, psa: parsed.psa !== undefined };
}

/** Writes patient i's attributes into the draw's vector. */
export function loadPatient(sim: PreparedSimulation, i: number, params: Float64Array): void {
  const { width, vectors } = sim.patients;
  const offset = sim.table.size - width;
  for (let a = 0; a < width; a++) params[offset + a] = vectors[i * width + a] as number;
}

/** Per-draw parameter vectors, drawn in order from the parameter stream (the base case without PSA). */
export function drawParameters(sim: PreparedSimulation, seed: number): () => Float64Array {
  const u = seededUniform(seed);
  const params = Float64Array.from(sim.table.base);
  return () => {
    if (sim.psa) sampleParameters(sim.table, u, params);
    return params;
  };
}

const fmt = (x: number) => numberText(x);

/**
 * Individual-level state-transition simulation (微观模拟): every patient walks through the
 * Markov model one cycle at a time, drawing the next state from their own row (which may read
 * their attributes, the cycle and their time in a tunnel state). Patients come from a list or
 * are drawn from a population; with `psa`, each draw samples the parameters once (second-order
 * uncertainty) and simulates every patient (first-order), and the two are reported apart.
 * Seeded xoroshiro128+ streams and platform-independent transforms: same input ⇒ the same
 * bits on every platform. Without PSA each patient's dated states (and outcome events) are kept.
 *
 * @param input - the Markov model, attributes, patients or a population with samplers, seed, PSA draws, start date and events (`runMicrosimulationInputSchema`).
 * @returns per-stream summaries, subgroups, and (unless `keepPatients: false`) each patient's dated states and outcome events.
 * @throws {ValidationError} when the input does not match `runMicrosimulationInputSchema` (path named): an unknown key, a missing field, a value out of range; a duplicate patient id; an event naming no state; a horizon beyond the supported calendar.
 * @throws {DomainError} OUT_OF_DOMAIN when a patient's stream is not finite or a drawn attribute breaks its declaration.
 * @example
 * ```ts
 * const r = runMicrosimulation({
 *   model: { states: ["Alive", "Dead"], initial: { Alive: 1 }, cycles: 12, timeUnit: "month", counting: "end",
 *     transitions: [{ matrix: { Alive: { Alive: "complement", Dead: { mul: [0.01, { attr: "risk" }] } }, Dead: { Dead: 1 } } }],
 *     streams: { ly: { values: { Alive: 1 }, per: "year" } } },
 *   attributes: { risk: { type: "number", min: 0 } },
 *   population: { size: 1000, attributes: { risk: { uniform: { min: 0.5, max: 2 } } } },
 *   seed: 1, startDate: "2026-01-15",
 *   events: { start: "treatmentStart", onEnter: { Dead: { kind: "death" } } },
 * });
 * r.streams.ly?.mean;              // ≈ 0.92 life-years in the first year
 * r.patientRecords?.[0]?.states;   // [{ cycle: 0, date: "2026-01-15", state: "Alive" }, …]
 * ```
 *
 * @category Microsimulation
 */
export function runMicrosimulation(input: RunMicrosimulationInput): MicrosimulationResult {
  const parsed = parseInput(runMicrosimulationInputSchema, input, "runMicrosimulation");
  const sim = prepareSimulation(parsed);
  const { type: _type, ...model } = parsed.model;
  const prep = prepareModel(model, sim.table, ["model"]);
  const date = cycleDater(model, ["model"]);
  const events = parsed.events === undefined ? undefined : prepareEvents(prep, parsed.events, ["events"]);
  const N = sim.patients.ids.length;
  const S = prep.streams.length;
  const D = sim.draws;
  const nDeclared = prep.declared.length;
  const traceCounts = new Float64Array((prep.cycles + 1) * nDeclared);
  const sums = new Float64Array(S * 2);
  const drawMeans = prep.streams.map(() => new Float64Array(D));
  let within = new Float64Array(S); // Σ over draws of the within-draw sum of squared deviations (Welford per draw)
  const groupSums = sim.groups.map((g) => new Float64Array(g.names.length * S));
  const groupCounts = sim.groups.map((g) => {
    const c = new Float64Array(g.names.length);
    for (let i = 0; i < N; i++) c[g.of[i] as number] = (c[g.of[i] as number] as number) + 1;
    return c;
  });
  const groupDrawMeans = sim.groups.map((g) => g.names.map(() => prep.streams.map(() => new Float64Array(D))));
  const keep = parsed.keepPatients && !sim.psa;
  const records: SimulatedPatientRecord[] = [];
  const next = drawParameters(sim, parsed.seed);
  const scratch = patientScratch(prep);
  const mean = new Float64Array(S);
  const m2 = new Float64Array(S);

  for (let k = 0; k < D; k++) {
    const params = next();
    const u = sim.streams.forDraw(k)();
    mean.fill(0);
    m2.fill(0);
    const drawGroupSums = sim.groups.map((g) => new Float64Array(g.names.length * S));
    for (let i = 0; i < N; i++) {
      loadPatient(sim, i, params);
      const id = sim.patients.ids[i] as string;
      simulatePatient(prep, params, u, scratch, sim.psa ? k : undefined, id);
      for (let t = 0; t <= prep.cycles; t++) {
        const c = t * nDeclared + (prep.groupOf[scratch.states[t] as number] as number);
        traceCounts[c] = (traceCounts[c] as number) + 1;
      }
      for (let s = 0; s < S; s++) {
        const x = scratch.totals[2 * s] as number;
        sums[2 * s] = (sums[2 * s] as number) + x;
        sums[2 * s + 1] = (sums[2 * s + 1] as number) + (scratch.totals[2 * s + 1] as number);
        const d = x - (mean[s] as number);
        mean[s] = (mean[s] as number) + d / (i + 1);
        m2[s] = (m2[s] as number) + d * (x - (mean[s] as number));
      }
      sim.groups.forEach((g, gi) => {
        const base = (g.of[i] as number) * S;
        const gs = drawGroupSums[gi] as Float64Array;
        for (let s = 0; s < S; s++) gs[base + s] = (gs[base + s] as number) + (scratch.totals[2 * s] as number);
      });
      if (keep) {
        const start = sim.patients.startDates[i] ?? parsed.startDate;
        const changes = declaredChanges(prep, scratch.states);
        const streams: Record<string, number> = {};
        prep.streams.forEach((st, s) => (streams[st.name] = scratch.totals[2 * s] as number));
        const states = changes.map((c) => ({ cycle: c.cycle, date: date(start, c.cycle), state: prep.declared[c.state] as string }));
        const base = { id, attributes: sim.patients.values[i] as Record<string, number | string>, startDate: start, states };
        records.push(events === undefined ? { ...base, streams } : { ...base, events: patientEvents(prep, events, changes, start, date), streams });
      }
    }
    for (let s = 0; s < S; s++) {
      (drawMeans[s] as Float64Array)[k] = mean[s] as number;
      within[s] = (within[s] as number) + (m2[s] as number);
    }
    sim.groups.forEach((g, gi) => {
      const gs = drawGroupSums[gi] as Float64Array;
      const total = groupSums[gi] as Float64Array;
      for (let j = 0; j < g.names.length; j++) {
        const n = (groupCounts[gi] as Float64Array)[j] as number;
        for (let s = 0; s < S; s++) {
          total[j * S + s] = (total[j * S + s] as number) + (gs[j * S + s] as number);
          if (n > 0) ((groupDrawMeans[gi] as Float64Array[][])[j] as Float64Array[])[s]![k] = (gs[j * S + s] as number) / n;
        }
      }
    });
  }

  const trace: number[][] = [];
  for (let t = 0; t <= prep.cycles; t++) trace.push(Array.from({ length: nDeclared }, (_, s) => (traceCounts[t * nDeclared + s] as number) / (N * D)));
  const interval = (a: Float64Array) => {
    const sorted = Float64Array.from(a).sort();
    const m = a.reduce((x, y) => x + y, 0) / a.length;
    const sd = a.length > 1 ? Math.sqrt(a.reduce((x, y) => x + (y - m) * (y - m), 0) / (a.length - 1)) : 0;
    return { sd, lower: quantileSorted(sorted, 0.025), upper: quantileSorted(sorted, 0.975) };
  };
  const streams: Record<string, MicrosimulationStreamSummary> = {};
  prep.streams.forEach((st, s) => {
    const m = (sums[2 * s] as number) / (N * D);
    const firstOrderSd = N > 1 ? Math.sqrt((within[s] as number) / (D * (N - 1))) : 0;
    const base = { mean: m, undiscountedMean: (sums[2 * s + 1] as number) / (N * D), firstOrderSd };
    const withSecond = sim.psa ? { ...base, secondOrder: interval(drawMeans[s] as Float64Array) } : base;
    streams[st.name] = st.currency === undefined ? withSecond : { ...withSecond, money: moneyFromFloat(m, st.currency) };
  });
  within = new Float64Array(0);
  const subgroups: MicrosimulationSubgroup[] = sim.groups.flatMap((g, gi) =>
    g.names.map((name, j) => {
      const n = (groupCounts[gi] as Float64Array)[j] as number;
      const out: MicrosimulationSubgroup["streams"] = {};
      prep.streams.forEach((st, s) => {
        const mean = n === 0 ? 0 : ((groupSums[gi] as Float64Array)[j * S + s] as number) / (n * D);
        if (!sim.psa || n === 0) out[st.name] = { mean };
        else {
          const iv = interval(((groupDrawMeans[gi] as Float64Array[][])[j] as Float64Array[])[s] as Float64Array);
          out[st.name] = { mean, lower: iv.lower, upper: iv.upper };
        }
      });
      return { name, attribute: g.attribute, patients: n, streams: out };
    }),
  );
  const explanation: Step[] = [
    step(
      "models.microsimulation.design",
      `${N} patient(s) simulated one by one through ${prep.declared.length} states (${prep.declared.join(", ")}) over ${prep.cycles} cycles, starting ${parsed.startDate}; seed ${parsed.seed} (xoroshiro128+: parameter, population and patient streams 2^64 steps apart).`,
      { patients: N, cycles: prep.cycles, seed: parsed.seed, startDate: parsed.startDate },
    ),
    step(
      "models.microsimulation.uncertainty",
      sim.psa
        ? `${D} PSA draws (second-order: parameters sampled once per draw, in name order); within each draw every patient is simulated (first-order: patient-level randomness). The per-draw means give the 2.5–97.5% interval; the between-patient standard deviation is pooled within draws.`
        : "One run at the base-case parameters: the spread reported is first-order (between patients) only.",
      { draws: D, psa: sim.psa },
    ),
    ...prep.streams.map((st) => {
      const r = streams[st.name] as MicrosimulationStreamSummary;
      const so = r.secondOrder ? `; over draws ${fmt(r.secondOrder.lower)} – ${fmt(r.secondOrder.upper)} (2.5–97.5%)` : "";
      return step("models.microsimulation.stream", `Stream "${st.name}": mean ${r.money?.toString() ?? fmt(r.mean)} per patient (between-patient SD ${fmt(r.firstOrderSd)}${so}).`, { stream: st.name, mean: r.mean, firstOrderSd: r.firstOrderSd }, r.money);
    }),
    ...sim.groups.map((g) =>
      step(
        "models.microsimulation.subgroups",
        `Subgroups by ${g.attribute}: ${subgroups
          .filter((x) => x.attribute === g.attribute)
          .map((x) => `${x.name} (${x.patients} patients${prep.streams.map((st) => `, ${st.name} ${fmt(x.streams[st.name]?.mean ?? 0)}`).join("")})`)
          .join("; ")}.`,
        { attribute: g.attribute, groups: g.names },
      ),
    ),
  ];
  const base = { states: [...prep.declared], cycles: prep.cycles, patients: N, draws: D, seed: parsed.seed, trace, streams, subgroups };
  const withDraws = sim.psa ? { ...base, drawMeans: Object.fromEntries(prep.streams.map((st, s) => [st.name, Array.from(drawMeans[s] as Float64Array)])) } : base;
  return keep ? { ...withDraws, patientRecords: records, explanation } : { ...withDraws, explanation };
}

export type { PreparedModel };
