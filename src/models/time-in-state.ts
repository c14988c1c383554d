// Time in model and time in state for Markov models, by expansion: a model that uses
// `{ var: "cycle" }` or declares tunnel states is rewritten into a plain Markov model
// (one transition segment per cycle where a matrix reads the cycle; one copy of a tunnel
// state per cycle spent in it) and run by the unchanged engine, so discounting, counting
// and the speed of models without time variables are exactly those of the plain model.
import * as z from "zod";
import { userRecord } from "../core/schemas.js";
import { ValidationError, type IssuePath, type ValidationCode } from "../core/index.js";
import type { ModelExpression, ModelVariable } from "./expression.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Tunnel states: `{ "PostCRS": 3 }` expands state PostCRS into three copies
 * `PostCRS[1]`, `PostCRS[2]`, `PostCRS[3]`. Entering the state enters copy 1; the state's
 * own entry ("stay") moves copy k to copy k + 1 and keeps the last copy where it is; in copy k
 * the state's row and values see `{ var: "stateTime" }` = k (so time in state stops counting
 * at the tunnel's length). Lengths are whole numbers from 1 to 1,000.
 *
 * @category Markov Model
 */
export const tunnelsSchema = lazySchema(() => userRecord(z.string().min(1), z.number().int().min(1).max(1000)));

/**
 * Tunnel declarations as accepted by {@link tunnelsSchema}.
 *
 * @category Markov Model
 */
export type TunnelsInput = z.input<typeof tunnelsSchema>;

type Cell = "complement" | ModelExpression;
type Matrix = Record<string, Record<string, Cell>>;
type StreamValues = Record<string, ModelExpression | ModelExpression[]>;

/** The part of a Markov model the expansion reads and rewrites. */
export interface TimedMarkovModel {
  readonly states: readonly string[];
  readonly initial: Record<string, ModelExpression>;
  readonly cycles: number;
  readonly transitions: readonly { readonly throughCycle?: number | undefined; readonly matrix: Matrix }[];
  readonly streams: Record<string, { readonly values: StreamValues }>;
  readonly tunnels?: Record<string, number> | undefined;
}

/** A model rewritten without time variables or tunnels, and how it maps back to the document. */
export interface TimeInStateExpansion<M extends TimedMarkovModel> {
  readonly model: M;
  /** The document's states. */
  readonly declared: readonly string[];
  /** For each expanded state, the index of the document's state it belongs to. */
  readonly groupOf: Int32Array;
  /** For each expanded state, its time in state (1 … length) when it is a tunnel copy, 0 otherwise. */
  readonly stateTimeOf: Int32Array;
  /** For each expanded transition segment, the index of the document's segment. */
  readonly segmentSource: readonly number[];
}

/** True when `expr` reads the variable `name` (directly or through an `at` table). */
export function usesVariable(expr: unknown, name: ModelVariable): boolean {
  if (expr === null || typeof expr !== "object") return false;
  if (Array.isArray(expr)) return expr.some((e) => usesVariable(e, name));
  const o = expr as Record<string, unknown>;
  if (o.var === name || (o.at !== undefined && o.by === name)) return true;
  for (const key of Object.keys(o)) if (usesVariable(o[key], name)) return true;
  return false;
}

/** True when `expr` reads any time variable: one quick walk that settles most models (those without any). */
function usesAnyVariable(expr: unknown): boolean {
  if (expr === null || typeof expr !== "object") return false;
  if (Array.isArray(expr)) {
    for (const e of expr) if (usesAnyVariable(e)) return true;
    return false;
  }
  const o = expr as Record<string, unknown>;
  if ("var" in o || "at" in o) return true;
  for (const key in o) if (usesAnyVariable(o[key])) return true;
  return false;
}

/** `expr` with the given variables replaced by their values and `at` tables read. */
export function substituteVariables(expr: ModelExpression, vars: Partial<Record<ModelVariable, number>>): ModelExpression {
  if (typeof expr === "number" || typeof expr === "string") return expr;
  if ("var" in expr) {
    const v = vars[expr.var];
    return v === undefined ? expr : v;
  }
  if ("at" in expr) {
    const v = vars[expr.by];
    if (v === undefined) return { at: expr.at.map((e) => substituteVariables(e, vars)), by: expr.by };
    const pick = expr.at[Math.min(Math.max(v, 1), expr.at.length) - 1] as ModelExpression;
    return substituteVariables(pick, vars);
  }
  if ("param" in expr || "attr" in expr) return expr;
  if ("mul" in expr) return { mul: expr.mul.map((e) => substituteVariables(e, vars)) };
  if ("add" in expr) return { add: expr.add.map((e) => substituteVariables(e, vars)) };
  if ("min" in expr) return { min: expr.min.map((e) => substituteVariables(e, vars)) };
  if ("max" in expr) return { max: expr.max.map((e) => substituteVariables(e, vars)) };
  if ("exp" in expr) return { exp: substituteVariables(expr.exp, vars) };
  if ("sub" in expr) return { sub: [substituteVariables(expr.sub[0], vars), substituteVariables(expr.sub[1], vars)] };
  if ("div" in expr) return { div: [substituteVariables(expr.div[0], vars), substituteVariables(expr.div[1], vars)] };
  return { pow: [substituteVariables(expr.pow[0], vars), substituteVariables(expr.pow[1], vars)] };
}

/** The name of copy k of tunnel state `state`. */
export function tunnelCopyName(state: string, k: number): string {
  return `${state}[${k}]`;
}

function fail(path: IssuePath, code: ValidationCode, message: string): never {
  throw new ValidationError([{ path, code, message }]);
}

/**
 * Rewrites a Markov model that uses time in model, time in state or tunnels into a plain
 * one; `null` when it uses none of them (the model runs as written). Errors name the
 * document's paths (`tunnels.<state>`, the expression that reads `stateTime` outside a tunnel).
 */
export function expandTimeInState<M extends TimedMarkovModel>(model: M, pathPrefix: IssuePath = []): TimeInStateExpansion<M> | null {
  if ((model.tunnels === undefined || Object.keys(model.tunnels).length === 0) && !model.transitions.some((s) => usesAnyVariable(s.matrix)) && !Object.values(model.streams).some((s) => usesAnyVariable(s.values))) {
    return null;
  }
  const tunnels = new Map<string, number>(Object.entries(model.tunnels ?? {}));
  const usesCycle = model.transitions.some((s) => usesVariable(s.matrix, "cycle")) || Object.values(model.streams).some((s) => usesVariable(s.values, "cycle"));
  const declared = new Set(model.states);
  for (const state of tunnels.keys()) {
    if (!declared.has(state)) fail([...pathPrefix, "tunnels", state], "unknown_reference", `"${state}" is not a state; the states are ${model.states.join(", ")}`);
  }
  // time in state is only counted in tunnels
  model.transitions.forEach((seg, k) => {
    for (const [from, row] of Object.entries(seg.matrix)) {
      if (tunnels.has(from)) continue;
      for (const [to, cell] of Object.entries(row)) {
        if (usesVariable(cell, "stateTime")) {
          fail([...pathPrefix, "transitions", k, "matrix", from, to], "unknown_reference", `row "${from}" reads stateTime but "${from}" is not a tunnel state; declare it under tunnels with a length`);
        }
      }
    }
  });
  for (const [name, stream] of Object.entries(model.streams)) {
    for (const [state, v] of Object.entries(stream.values)) {
      if (!tunnels.has(state) && usesVariable(v, "stateTime")) {
        fail([...pathPrefix, "streams", name, "values", state], "unknown_reference", `the value of "${state}" reads stateTime but "${state}" is not a tunnel state; declare it under tunnels with a length`);
      }
    }
  }
  if (tunnels.size === 0 && !usesCycle) return null;

  // Names are checked against the document's states here: after expansion a copy's name
  // ("Sick[2]") is a state, and must not be reachable by writing it in the document.
  const unknown = (path: IssuePath, name: string, what: string): never =>
    fail(path, "unknown_reference", `${what} "${name}" is not a state; the states are ${model.states.join(", ")}`);
  model.transitions.forEach((seg, k) => {
    for (const [from, row] of Object.entries(seg.matrix)) {
      if (!declared.has(from)) unknown([...pathPrefix, "transitions", k, "matrix", from], from, "row");
      for (const to of Object.keys(row)) if (!declared.has(to)) unknown([...pathPrefix, "transitions", k, "matrix", from, to], to, "column");
    }
  });
  for (const state of Object.keys(model.initial)) if (!declared.has(state)) unknown([...pathPrefix, "initial", state], state, "initial state");
  for (const [name, stream] of Object.entries(model.streams)) {
    for (const state of Object.keys(stream.values)) if (!declared.has(state)) unknown([...pathPrefix, "streams", name, "values", state], state, "state");
  }

  // expanded states, in document order with each tunnel's copies in place
  const states: string[] = [];
  const groupOf: number[] = [];
  const stateTimeOf: number[] = [];
  model.states.forEach((s, i) => {
    const length = tunnels.get(s);
    if (length === undefined) {
      states.push(s);
      groupOf.push(i);
      stateTimeOf.push(0);
    } else {
      for (let k = 1; k <= length; k++) {
        const name = tunnelCopyName(s, k);
        if (declared.has(name)) fail([...pathPrefix, "tunnels", s], "duplicate_id", `tunnel copy "${name}" would clash with the state of that name`);
        states.push(name);
        groupOf.push(i);
        stateTimeOf.push(k);
      }
    }
  });
  const entryName = (s: string) => (tunnels.has(s) ? tunnelCopyName(s, 1) : s);

  const expandMatrix = (matrix: Matrix, cycle: number | undefined): Matrix => {
    const out: Matrix = Object.create(null) as Matrix;
    for (const [from, row] of Object.entries(matrix)) {
      const length = tunnels.get(from);
      const copies = length === undefined ? [0] : Array.from({ length }, (_, i) => i + 1);
      for (const k of copies) {
        const vars: Partial<Record<ModelVariable, number>> = k === 0 ? {} : { stateTime: k };
        if (cycle !== undefined) vars.cycle = cycle;
        const r: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
        for (const [to, cell] of Object.entries(row)) {
          // the stay entry of a tunnel moves one copy on; the last copy keeps its patients
          const target = to === from && length !== undefined ? tunnelCopyName(from, Math.min(k + 1, length)) : entryName(to);
          r[target] = cell === "complement" ? cell : substituteVariables(cell, vars);
        }
        out[k === 0 ? from : tunnelCopyName(from, k)] = r;
      }
    }
    return out;
  };

  const transitions: { throughCycle?: number; matrix: Matrix }[] = [];
  const segmentSource: number[] = [];
  let start = 1;
  model.transitions.forEach((seg, k) => {
    const last = k === model.transitions.length - 1;
    const through = seg.throughCycle ?? (last ? model.cycles : undefined);
    const valid = through !== undefined && through >= start;
    if (valid && usesVariable(seg.matrix, "cycle")) {
      const end = Math.min(through, model.cycles);
      for (let t = start; t <= end; t++) {
        transitions.push({ throughCycle: t, matrix: expandMatrix(seg.matrix, t) });
        segmentSource.push(k);
      }
      // a segment reaching past the horizon: keep the document's end so the checks still see it
      if (through > end) {
        const lastSeg = transitions[transitions.length - 1];
        if (lastSeg) lastSeg.throughCycle = through;
      }
    } else {
      // invalid segments are left for the engine to report with their paths
      transitions.push({ ...(seg.throughCycle === undefined ? {} : { throughCycle: seg.throughCycle }), matrix: expandMatrix(seg.matrix, undefined) });
      segmentSource.push(k);
    }
    if (last && transitions.length > 0 && seg.throughCycle === undefined) delete (transitions[transitions.length - 1] as { throughCycle?: number }).throughCycle;
    if (through !== undefined) start = through + 1;
  });

  const streams: Record<string, { values: StreamValues }> = Object.create(null) as Record<string, { values: StreamValues }>;
  for (const [name, stream] of Object.entries(model.streams)) {
    const values: StreamValues = Object.create(null) as StreamValues;
    for (const [state, v] of Object.entries(stream.values)) {
      const length = tunnels.get(state);
      const copies = length === undefined ? [0] : Array.from({ length }, (_, i) => i + 1);
      for (const k of copies) {
        const vars: Partial<Record<ModelVariable, number>> = k === 0 ? {} : { stateTime: k };
        const key = k === 0 ? state : tunnelCopyName(state, k);
        if (Array.isArray(v)) values[key] = v.map((e, i) => substituteVariables(e, { ...vars, cycle: i + 1 }));
        else if (usesVariable(v, "cycle")) values[key] = Array.from({ length: model.cycles }, (_, i) => substituteVariables(v, { ...vars, cycle: i + 1 }));
        else values[key] = substituteVariables(v, vars);
      }
    }
    streams[name] = { ...stream, values };
  }

  const initial: Record<string, ModelExpression> = Object.create(null) as Record<string, ModelExpression>;
  for (const [state, e] of Object.entries(model.initial)) initial[declared.has(state) ? entryName(state) : state] = e;

  const { tunnels: _t, ...rest } = model;
  const expanded = { ...rest, states, initial, transitions, streams } as unknown as M;
  return { model: expanded, declared: [...model.states], groupOf: Int32Array.from(groupOf), stateTimeOf: Int32Array.from(stateTimeOf), segmentSource };
}

/** Sums an expanded trace back onto the document's states. */
export function collapseTrace(trace: readonly number[][], groupOf: Int32Array, nDeclared: number): number[][] {
  return trace.map((row) => {
    const out = new Array<number>(nDeclared).fill(0);
    for (let i = 0; i < row.length; i++) out[groupOf[i] as number] = (out[groupOf[i] as number] as number) + (row[i] as number);
    return out;
  });
}
