import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { finiteSeriesSchema, plotTextSchema } from "./schemas.js";
import { axes, frameFor, document, esc, legend, niceTicks, num, PALETTE, tickLabel, extent } from "./svg.js";

/** Input of {@link cePlaneSvg}: PSA draws per strategy (strategy × draw), as given to `analyzePsa`. */
export const cePlaneSvgInputSchema = plotTextSchema.extend({
  strategies: z.array(z.string().min(1)).min(1),
  costs: z.array(finiteSeriesSchema).min(1),
  effects: z.array(finiteSeriesSchema).min(1),
  /** Plot increments against this strategy (name); default the first. Set `incremental: false` for absolute values. */
  reference: z.string().optional(),
  incremental: z.boolean().default(true),
  /** Willingness to pay per unit of effect: drawn as the line ΔC = λ·ΔE. */
  lambda: z.number().positive().finite().optional(),
  currency: z.string().default("CNY"),
  effectLabel: z.string().default("QALYs"),
  /** At most this many draws per strategy are drawn (evenly spaced), to keep files small. */
  maxPoints: z.number().int().min(1).max(100_000).default(2000),
});

/** Input of {@link cePlaneSvg}. */
export type CePlaneSvgInput = z.input<typeof cePlaneSvgInputSchema>;

/**
 * The cost-effectiveness plane as a standalone SVG: one scatter series per strategy
 * (increments against a reference by default), the willingness-to-pay line through
 * the origin, axes, labels and a legend.
 *
 * @example
 * ```ts
 * const svg = cePlaneSvg({ strategies: ["SoC", "CAR-T"], costs, effects, lambda: 267000 });
 * ```
 */
export function cePlaneSvg(input: CePlaneSvgInput): string {
  const p = parseInput(cePlaneSvgInputSchema, input, "cePlaneSvg");
  const n = p.strategies.length;
  if (p.costs.length !== n || p.effects.length !== n) {
    throw new DomainError("INCONSISTENT_INPUT", `costs and effects need one row per strategy (${n})`, { path: ["costs"] });
  }
  const draws = p.costs[0]!.length;
  p.costs.forEach((row, i) => {
    if (row.length !== draws || p.effects[i]!.length !== draws) {
      throw new DomainError("INCONSISTENT_INPUT", `every strategy needs ${draws} draws of cost and effect`, { path: ["costs", i] });
    }
  });
  const ref = p.reference === undefined ? 0 : p.strategies.indexOf(p.reference);
  if (ref < 0) throw new DomainError("UNKNOWN_KEY", `reference strategy "${p.reference}" is not among the strategies`, { path: ["reference"] });
  const step = Math.max(1, Math.ceil(draws / p.maxPoints));
  const series: { name: string; pts: [number, number][] }[] = [];
  for (let s = 0; s < n; s++) {
    if (p.incremental && s === ref) continue;
    const pts: [number, number][] = [];
    for (let k = 0; k < draws; k += step) {
      const e = p.effects[s]![k]!;
      const c = p.costs[s]![k]!;
      const q: [number, number] = p.incremental ? [e - p.effects[ref]![k]!, c - p.costs[ref]![k]!] : [e, c];
      if (!Number.isFinite(q[0]) || !Number.isFinite(q[1])) {
        throw new DomainError("OUT_OF_DOMAIN", `draw ${k + 1} of ${p.strategies[s]} minus ${p.strategies[ref]} overflows the float range`, { path: ["costs", s, k] });
      }
      pts.push(q);
    }
    series.push({ name: p.incremental ? `${p.strategies[s]} vs ${p.strategies[ref]}` : p.strategies[s]!, pts });
  }
  const xs = series.flatMap((s) => s.pts.map((q) => q[0]));
  const ys = series.flatMap((s) => s.pts.map((q) => q[1]));
  if (p.incremental) {
    xs.push(0);
    ys.push(0);
  }
    const frame = frameFor([...series.map((x) => x.name), "λ = 000,000,000"], p);
  const xt = niceTicks(...extent(xs));
  const yt = niceTicks(...extent(ys));
  const d = p.incremental ? "Incremental " : "";
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: `${d}effect (${p.effectLabel})` }, { ticks: yt, label: `${d}cost (${p.currency})` });
  const body: string[] = [svg];
  const clip = `<clipPath id="plot-area"><rect x="${frame.left}" y="${frame.top}" width="${frame.width - frame.left - frame.right}" height="${frame.height - frame.top - frame.bottom}"/></clipPath>`;
  body.push(clip);
  if (p.incremental) {
    body.push(`<g class="origin"><line x1="${num(sx(0))}" y1="${frame.top}" x2="${num(sx(0))}" y2="${frame.height - frame.bottom}" stroke="#999" stroke-dasharray="2 2"/><line x1="${frame.left}" y1="${num(sy(0))}" x2="${frame.width - frame.right}" y2="${num(sy(0))}" stroke="#999" stroke-dasharray="2 2"/></g>`);
  }
  if (p.lambda !== undefined) {
    // The part of y = λx inside the plot box, so that λx never leaves the float range.
    const l = p.lambda;
    const x0 = Math.max(xt[0]!, yt[0]! / l);
    const x1 = Math.min(xt[xt.length - 1]!, yt[yt.length - 1]! / l);
    if (x0 <= x1) {
      body.push(
        `<g class="threshold" clip-path="url(#plot-area)"><line x1="${num(sx(x0))}" y1="${num(sy(l * x0))}" x2="${num(sx(x1))}" y2="${num(sy(l * x1))}" stroke="#444" stroke-width="1.5" stroke-dasharray="6 4"/></g>`,
      );
    }
  }
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length]!;
    const dots = s.pts.map(([x, y]) => `<circle cx="${num(sx(x))}" cy="${num(sy(y))}" r="2" fill="${color}" fill-opacity="0.5"/>`);
    body.push(`<g class="series" data-name="${esc(s.name)}" clip-path="url(#plot-area)">\n${dots.join("\n")}\n</g>`);
  });
  const entries: { name: string; color: string; shape: "dot" | "line" }[] = series.map((s, i) => ({ name: s.name, color: PALETTE[i % PALETTE.length]!, shape: "dot" }));
  if (p.lambda !== undefined) entries.push({ name: `λ = ${tickLabel(p.lambda)}`, color: "#444", shape: "line" as const });
  body.push(legend(frame, entries));
  return document(frame, p.title ?? "Cost-effectiveness plane", body.join("\n"));
}
