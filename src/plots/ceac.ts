import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { finiteSeriesSchema, plotTextSchema } from "./schemas.js";
import type { PsaResult } from "../valuation/psa.js";
import { axes, DASHES, dashAttr, frameFor, document, esc, extent, legend, niceTicks, num, PALETTE } from "./svg.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link ceacSvg}: the λ grid and, per strategy, the share of draws in which it is optimal at each λ.
 *
 * @category Cost-Effectiveness
 */
export const ceacSvgInputSchema = lazySchema(() => plotTextSchema.extend({
  lambdas: finiteSeriesSchema,
  strategies: z.array(z.string().min(1)).min(1),
  /** probabilities[s][l]: share of draws in which strategy s has the highest NMB at lambdas[l], in [0, 1]. */
  probabilities: z.array(finiteSeriesSchema).min(1),
  /** Optional CEAF: the strategy optimal in expectation at each λ; drawn as a thick overlay. */
  optimal: z.array(z.string()).optional(),
  /** ISO 4217 code of the costs, printed in the labels; none given, the labels name no currency (none is assumed). */
  currency: z.string().min(1).optional(),
}));

/**
 * Input of {@link ceacSvg}: the plot input, or an `analyzePsa` result (with plot options beside it).
 *
 * @category Cost-Effectiveness
 */
export type CeacSvgInput = z.input<typeof ceacSvgInputSchema> | (PsaResult & z.input<typeof plotTextSchema>);

/** An `analyzePsa` result becomes the plot input (CEAC per strategy, the CEAF as `optimal`); anything else is parsed as it is. */
function plotInput(input: CeacSvgInput): unknown {
  if (input === null || typeof input !== "object" || !("points" in input) || !("explanation" in input)) return input;
  const { points, strategies, currency, draws: _draws, explanation: _explanation, ...options } = input as PsaResult & Record<string, unknown>;
  if (!Array.isArray(points) || !Array.isArray(strategies)) return input;
  return {
    ...options,
    currency,
    strategies,
    lambdas: points.map((pt) => pt.lambda),
    probabilities: strategies.map((_, s) => points.map((pt) => pt.ceac[s])),
    optimal: points.map((pt) => pt.optimal),
  };
}

/**
 * Cost-effectiveness acceptability curves as a standalone SVG: one line per strategy
 * over the λ grid, probability on [0, 1], each with its own colour and dash pattern (so
 * the curves survive greyscale print), with the acceptability frontier (CEAF) overlaid
 * when `optimal` is given. Takes an `analyzePsa` result directly.
 *
 * @param input - an `analyzePsa` result as it is, or `{ lambdas, strategies, probabilities, optimal? }`, with plot options.
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `ceacSvgInputSchema` (path named).
 * @throws {DomainError} INCONSISTENT_INPUT when the probabilities do not have one row per strategy and one value per λ (or the grid is empty); OUT_OF_DOMAIN when a probability is outside [0, 1]; UNKNOWN_KEY when `optimal` names no strategy.
 * @category Cost-Effectiveness
 * @example
 * ```ts
 * declare const strategies: string[], costs: number[][], effects: number[][], lambdas: number[];
 * const svg = ceacSvg(analyzePsa({ strategies, costs, effects, lambdas, currency: "CNY" }));
 * const plain = ceacSvg({ lambdas: [0, 50000], strategies: ["A", "B"], probabilities: [[1, 0.4], [0, 0.6]] });
 * ```
 */
export function ceacSvg(input: CeacSvgInput): string {
  const p = parseInput(ceacSvgInputSchema, plotInput(input), "ceacSvg");
  const L = p.lambdas.length;
  if (L === 0) throw new DomainError("INCONSISTENT_INPUT", "the λ grid is empty", { path: ["lambdas"] });
  if (p.probabilities.length !== p.strategies.length) {
    throw new DomainError("INCONSISTENT_INPUT", `probabilities need one row per strategy (${p.strategies.length})`, { path: ["probabilities"] });
  }
  p.probabilities.forEach((row, s) => {
    if (row.length !== L) throw new DomainError("INCONSISTENT_INPUT", `row ${s} has ${row.length} values for ${L} λ values`, { path: ["probabilities", s] });
    row.forEach((v, l) => {
      if (v < 0 || v > 1) throw new DomainError("OUT_OF_DOMAIN", `probability ${v} is outside [0, 1]`, { path: ["probabilities", s, l] });
    });
  });
  if (p.optimal !== undefined) {
    if (p.optimal.length !== L) throw new DomainError("INCONSISTENT_INPUT", `optimal needs one strategy per λ (${L})`, { path: ["optimal"] });
    p.optimal.forEach((name, l) => {
      if (!p.strategies.includes(name)) throw new DomainError("UNKNOWN_KEY", `"${name}" is not among the strategies`, { path: ["optimal", l] });
    });
  }
    const frame = frameFor([...p.strategies, ...(p.optimal ? ["CEAF (optimal in expectation)"] : [])], p);
  const lambdas = Array.from(p.lambdas);
  const [lmin, lmax] = extent(lambdas);
  const xt = niceTicks(lmin, lmax);
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: `Willingness to pay λ (${p.currency === undefined ? "" : `${p.currency} `}per QALY)` }, { ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], label: "Probability cost-effective" });
  const body = [svg];
  p.strategies.forEach((name, s) => {
    const color = PALETTE[s % PALETTE.length]!;
    const row = p.probabilities[s]!;
    const d = lambdas.map((x, l) => `${l === 0 ? "M" : "L"}${num(sx(x))},${num(sy(row[l]!))}`).join(" ");
    body.push(`<g class="series" data-name="${esc(name)}"><path d="${d}" fill="none" stroke="${color}" stroke-width="2"${dashAttr(s)}/></g>`);
  });
  if (p.optimal !== undefined) {
    const pts = lambdas.map((x, l) => {
      const s = p.strategies.indexOf(p.optimal![l]!);
      return `<circle cx="${num(sx(x))}" cy="${num(sy(p.probabilities[s]![l]!))}" r="3.5" fill="none" stroke="#000"/>`;
    });
    body.push(`<g class="ceaf" data-name="CEAF">\n${pts.join("\n")}\n</g>`);
  }
  const entries: { name: string; color: string; shape: "line" | "ring"; dash?: string }[] = p.strategies.map((name, s) => ({ name, color: PALETTE[s % PALETTE.length]!, shape: "line", dash: DASHES[s % DASHES.length]! }));
  if (p.optimal !== undefined) entries.push({ name: "CEAF (optimal in expectation)", color: "#000", shape: "ring" });
  body.push(legend(frame, entries));
  return document(frame, p.title ?? "Cost-effectiveness acceptability curves", body.join("\n"));
}
