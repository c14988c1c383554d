import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { finiteSeriesSchema, plotTextSchema } from "./schemas.js";
import { axes, frameFor, document, esc, legend, niceTicks, num, PALETTE, extent } from "./svg.js";

/** Input of {@link ceacSvg}: the λ grid and, per strategy, the share of draws in which it is optimal at each λ. */
export const ceacSvgInputSchema = plotTextSchema.extend({
  lambdas: finiteSeriesSchema,
  strategies: z.array(z.string().min(1)).min(1),
  /** probabilities[s][l]: share of draws in which strategy s has the highest NMB at lambdas[l], in [0, 1]. */
  probabilities: z.array(finiteSeriesSchema).min(1),
  /** Optional CEAF: the strategy optimal in expectation at each λ; drawn as a thick overlay. */
  optimal: z.array(z.string()).optional(),
  currency: z.string().default("CNY"),
});

/** Input of {@link ceacSvg}. */
export type CeacSvgInput = z.input<typeof ceacSvgInputSchema>;

/**
 * Cost-effectiveness acceptability curves as a standalone SVG: one line per strategy
 * over the λ grid, probability on [0, 1], with the acceptability frontier (CEAF)
 * overlaid when `optimal` is given.
 *
 * @example
 * ```ts
 * const svg = ceacSvg({ lambdas, strategies, probabilities: ceac.map((c) => c.values) });
 * ```
 */
export function ceacSvg(input: CeacSvgInput): string {
  const p = parseInput(ceacSvgInputSchema, input, "ceacSvg");
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
  const xt = niceTicks(...extent(lambdas));
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: `Willingness to pay λ (${p.currency} per QALY)` }, { ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], label: "Probability cost-effective" });
  const body = [svg];
  p.strategies.forEach((name, s) => {
    const color = PALETTE[s % PALETTE.length]!;
    const row = p.probabilities[s]!;
    const d = lambdas.map((x, l) => `${l === 0 ? "M" : "L"}${num(sx(x))},${num(sy(row[l]!))}`).join(" ");
    body.push(`<g class="series" data-name="${esc(name)}"><path d="${d}" fill="none" stroke="${color}" stroke-width="2"/></g>`);
  });
  if (p.optimal !== undefined) {
    const pts = lambdas.map((x, l) => {
      const s = p.strategies.indexOf(p.optimal![l]!);
      return `<circle cx="${num(sx(x))}" cy="${num(sy(p.probabilities[s]![l]!))}" r="3.5" fill="none" stroke="#000"/>`;
    });
    body.push(`<g class="ceaf" data-name="CEAF">\n${pts.join("\n")}\n</g>`);
  }
  const entries: { name: string; color: string; shape: "line" | "dot" }[] = p.strategies.map((name, s) => ({ name, color: PALETTE[s % PALETTE.length]!, shape: "line" }));
  if (p.optimal !== undefined) entries.push({ name: "CEAF (optimal in expectation)", color: "#000", shape: "dot" });
  body.push(legend(frame, entries));
  return document(frame, p.title ?? "Cost-effectiveness acceptability curves", body.join("\n"));
}
