import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import type { MarkovModelResult } from "../models/markov.js";
import type { PartitionedSurvivalResult } from "../models/partitioned-survival.js";
import { plotTextSchema } from "./schemas.js";
import { axes, DASHES, dashAttr, frameFor, document, esc, extent, legend, niceTicks, num, PALETTE } from "./svg.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link markovTraceSvg}: state names, the times of the trace rows, and per row the cohort share in each state.
 *
 * @category Model Output
 */
export const markovTraceSvgInputSchema = lazySchema(() => plotTextSchema.extend({
  states: z.array(z.string().min(1)).min(1),
  /** trace[t][s]: share of the cohort in state s at row t (row 0 the start). */
  trace: z.array(z.array(z.number().finite().min(-1e-9).max(1 + 1e-9))).min(1),
  /** Time of each row; default 0, 1, 2, … (cycles). */
  times: z.array(z.number().finite()).optional(),
  /** Label of the time axis, e.g. "years"; default "cycles". */
  timeLabel: z.string().default("cycles"),
}));

/**
 * Input of {@link markovTraceSvg}: the plot input, or a `runMarkovModel` / `runPartitionedSurvival` result (with plot options beside it).
 *
 * @category Model Output
 */
export type MarkovTraceSvgInput =
  | z.input<typeof markovTraceSvgInputSchema>
  | (MarkovModelResult & z.input<typeof plotTextSchema>)
  | (PartitionedSurvivalResult & z.input<typeof plotTextSchema>);

const TEXT_KEYS = ["title", "width", "height"] as const;

/** A model result becomes the plot input; anything else is parsed as it is. */
function plotInput(input: MarkovTraceSvgInput): unknown {
  if (input === null || typeof input !== "object" || !("model" in input)) return input;
  const text: Record<string, unknown> = {};
  for (const k of TEXT_KEYS) if (k in input) text[k] = (input as unknown as Record<string, unknown>)[k];
  if (input.model === "markov" && "trace" in input) {
    const r = input as MarkovModelResult;
    return { ...text, states: r.states, trace: r.trace, times: r.trace.map((_, t) => t * r.cycleLength), timeLabel: `${r.timeUnit}s` };
  }
  if (input.model === "partitioned-survival" && "occupancy" in input) {
    const r = input as PartitionedSurvivalResult;
    return { ...text, states: ["PF", "PD", "Dead"], trace: r.times.map((_, t) => [r.occupancy.PF[t]!, r.occupancy.PD[t]!, r.occupancy.Dead[t]!]), times: r.times, timeLabel: `${r.timeUnit}s` };
  }
  return input;
}

/**
 * The Markov trace (state occupancy over time) as a standalone SVG: one line per state,
 * each with its own colour and dash pattern, share of the cohort on [0, 1] against time.
 * Takes a `runMarkovModel` or `runPartitionedSurvival` result directly.
 *
 * @param input - a `runMarkovModel` or `runPartitionedSurvival` result as it is, or `{ states, trace, times?, timeLabel? }`, with plot options.
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `markovTraceSvgInputSchema` (path named), e.g. a share outside [0, 1].
 * @throws {DomainError} INCONSISTENT_INPUT when a row or `times` does not match the states or rows; OUT_OF_DOMAIN when `times` do not increase.
 * @category Model Output
 * @example
 * ```ts
 * declare const model: Parameters<typeof runMarkovModel>[0];
 * const svg = markovTraceSvg(runMarkovModel(model));
 * const plain = markovTraceSvg({ states: ["Well", "Dead"], trace: [[1, 0], [0.9, 0.1], [0.81, 0.19]] });
 * ```
 */
export function markovTraceSvg(input: MarkovTraceSvgInput): string {
  const p = parseInput(markovTraceSvgInputSchema, plotInput(input), "markovTraceSvg");
  const S = p.states.length;
  p.trace.forEach((row, t) => {
    if (row.length !== S) throw new DomainError("INCONSISTENT_INPUT", `trace row ${t} has ${row.length} values for ${S} states`, { path: ["trace", t] });
  });
  const times = p.times ?? p.trace.map((_, t) => t);
  if (times.length !== p.trace.length) throw new DomainError("INCONSISTENT_INPUT", `times needs one value per trace row (${p.trace.length})`, { path: ["times"] });
  for (let t = 1; t < times.length; t++) {
    if (!(times[t]! > times[t - 1]!)) throw new DomainError("OUT_OF_DOMAIN", "times must increase", { path: ["times", t] });
  }
  const frame = frameFor(p.states, p);
  const [tmin, tmax] = extent(times);
  const xt = niceTicks(tmin, tmax);
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: `Time (${p.timeLabel})` }, { ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], label: "Share of the cohort" });
  const body = [svg];
  p.states.forEach((name, s) => {
    const color = PALETTE[s % PALETTE.length]!;
    const d = p.trace.map((row, t) => `${t === 0 ? "M" : "L"}${num(sx(times[t]!))},${num(sy(row[s]!))}`).join(" ");
    body.push(`<g class="series" data-name="${esc(name)}"><path d="${d}" fill="none" stroke="${color}" stroke-width="2"${dashAttr(s)}/></g>`);
  });
  body.push(legend(frame, p.states.map((name, s) => ({ name, color: PALETTE[s % PALETTE.length]!, shape: "line" as const, dash: DASHES[s % DASHES.length]! }))));
  return document(frame, p.title ?? "Markov trace", body.join("\n"));
}
