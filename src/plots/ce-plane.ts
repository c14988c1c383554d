import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { finiteSeriesSchema, plotTextSchema } from "./schemas.js";
import { axes, frameFor, document, esc, extent, legend, niceTicks, num, PALETTE, tickLabel } from "./svg.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link cePlaneSvg}: PSA draws per strategy (strategy × draw) — an `analyzePsa`
 * input or a `runModelPsa` result can be passed whole (their other keys are accepted
 * and not drawn), with plot options beside them.
 *
 * @category Cost-Effectiveness
 */
export const cePlaneSvgInputSchema = lazySchema(() => plotTextSchema.extend({
  strategies: z.array(z.string().min(1)).min(1),
  costs: z.array(finiteSeriesSchema).min(1),
  effects: z.array(finiteSeriesSchema).min(1),
  /** Plot increments against this strategy (name); default the first. Set `incremental: false` for absolute values. */
  reference: z.string().optional(),
  incremental: z.boolean().default(true),
  /** Willingness to pay per unit of effect: drawn as the line ΔC = λ·ΔE, with the cost-effective side shaded. */
  lambda: z.number().positive().finite().optional(),
  /** ISO 4217 code of the costs, printed in the labels; none given, the labels name no currency (none is assumed). */
  currency: z.string().min(1).optional(),
  effectLabel: z.string().default("QALYs"),
  /** At most this many draws per strategy are drawn (evenly spaced), to keep files small. Means and ellipses use every draw. */
  maxPoints: z.number().int().min(1).max(100_000).default(2000),
  /** Mark each series' mean (the expected increment) with a diamond and print it in the legend. */
  showMeans: z.boolean().default(true),
  /** Coverage of the confidence ellipse drawn around each series (bivariate normal approximation); `null` draws none. */
  ellipseLevel: z.number().gt(0).lt(1).nullable().default(0.95),
  /** Label the four quadrants of the incremental plane (dominant, dominated, trade-offs). */
  quadrantLabels: z.boolean().default(true),
  /** Shade the side of the λ line where the comparison is cost-effective (incremental plane, with `lambda`). */
  shadeCostEffective: z.boolean().default(true),
  // The other keys of an analyzePsa input or a runModelPsa result, so that they can be passed as they are; not drawn.
  lambdas: z.unknown().optional(),
  population: z.unknown().optional(),
  draws: z.unknown().optional(),
  seed: z.unknown().optional(),
  summary: z.unknown().optional(),
  explanation: z.unknown().optional(),
  parameterDraws: z.unknown().optional(),
}));

/**
 * Input of {@link cePlaneSvg}.
 *
 * @category Cost-Effectiveness
 */
export type CePlaneSvgInput = z.input<typeof cePlaneSvgInputSchema>;

interface Series {
  readonly name: string;
  readonly pts: [number, number][];
  readonly mean: [number, number];
  /** Ellipse outline in data coordinates, or null when it cannot be drawn. */
  readonly ellipse: [number, number][] | null;
}

/** Chi-square quantile with 2 degrees of freedom: the squared radius of a bivariate-normal region of this coverage. */
export const chiSquare2 = (level: number): number => -2 * Math.log(1 - level);

/**
 * The ellipse { x : (x − m)ᵀ Σ⁻¹ (x − m) ≤ q } as 72 outline points, from the sample
 * covariance Σ (n − 1 denominator) of the draws. Needs 3+ draws and a positive variance
 * on both axes; a singular Σ (all draws on a line) is drawn as that line segment.
 */
export function ellipseOutline(xs: Float64Array, ys: Float64Array, mean: [number, number], q: number): [number, number][] | null {
  const n = xs.length;
  if (n < 3) return null;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    const dx = xs[k]! - mean[0];
    const dy = ys[k]! - mean[1];
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  sxx /= n - 1;
  syy /= n - 1;
  sxy /= n - 1;
  if (!(sxx > 0) || !(syy > 0) || !Number.isFinite(sxx + syy + sxy)) return null;
  const half = (sxx + syy) / 2;
  const root = Math.hypot((sxx - syy) / 2, sxy);
  const l1 = half + root;
  const l2 = Math.max(0, half - root);
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const a = Math.sqrt(q * l1);
  const b = Math.sqrt(q * l2);
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const out: [number, number][] = [];
  for (let i = 0; i < 72; i++) {
    const t = (2 * Math.PI * i) / 72;
    const u = a * Math.cos(t);
    const v = b * Math.sin(t);
    out.push([mean[0] + u * c - v * s, mean[1] + u * s + v * c]);
  }
  return out.every((p) => Number.isFinite(p[0]) && Number.isFinite(p[1])) ? out : null;
}

/** The part of the box [x0, x1] × [y0, y1] where y ≤ λx (Sutherland–Hodgman against one half-plane). */
export function costEffectiveRegion(x0: number, x1: number, y0: number, y1: number, lambda: number): [number, number][] {
  const box: [number, number][] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  const inside = (p: [number, number]) => p[1] <= lambda * p[0];
  const out: [number, number][] = [];
  for (let i = 0; i < box.length; i++) {
    const p = box[i]!;
    const q = box[(i + 1) % box.length]!;
    if (inside(p)) out.push(p);
    if (inside(p) !== inside(q)) {
      // Crossing of segment p→q with y = λx.
      const fp = p[1] - lambda * p[0];
      const fq = q[1] - lambda * q[0];
      const t = fp / (fp - fq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  // λ·x beyond the float range (a box near ±1e308) leaves no exact crossing: draw no shading rather than a wrong one.
  return out.every((v) => Number.isFinite(v[0]) && Number.isFinite(v[1])) ? out : [];
}

/**
 * The cost-effectiveness plane as a standalone SVG, in the form HTA committees expect:
 * one scatter series per strategy (increments against a reference by default), each
 * series' mean as a diamond with its 95 % ellipse, the willingness-to-pay line through
 * the origin with the cost-effective side shaded, the four quadrants labelled, axes and
 * a legend that prints every mean. Takes an `analyzePsa` input or a `runModelPsa` result
 * directly.
 *
 * @param input - PSA draws per strategy (`strategies`, `costs[s][d]`, `effects[s][d]`), or a `runModelPsa` result / `analyzePsa` input as it is, with `lambda` (the willingness-to-pay line) and the plot options.
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `cePlaneSvgInputSchema` (path named).
 * @throws {DomainError} INCONSISTENT_INPUT when the costs or effects do not have one row per strategy of equal length; UNKNOWN_KEY when `reference` names no strategy; OUT_OF_DOMAIN when an increment overflows the float range.
 * @category Cost-Effectiveness
 * @example
 * ```ts
 * declare const costs: number[][], effects: number[][];
 * declare const model: Parameters<typeof runModelPsa>[0];
 * const svg = cePlaneSvg({ strategies: ["SoC", "CAR-T"], costs, effects, lambda: 267000 });
 * const fromModel = cePlaneSvg({ ...runModelPsa(model), lambda: 267000 });
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
  const q = p.ellipseLevel === null ? null : chiSquare2(p.ellipseLevel);
  const series: Series[] = [];
  for (let s = 0; s < n; s++) {
    if (p.incremental && s === ref) continue;
    const xs = new Float64Array(draws);
    const ys = new Float64Array(draws);
    let mx = 0;
    let my = 0;
    for (let k = 0; k < draws; k++) {
      const e = p.effects[s]![k]!;
      const c = p.costs[s]![k]!;
      const x = p.incremental ? e - p.effects[ref]![k]! : e;
      const y = p.incremental ? c - p.costs[ref]![k]! : c;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        throw new DomainError("OUT_OF_DOMAIN", `draw ${k + 1} of ${p.strategies[s]} minus ${p.strategies[ref]} overflows the float range`, { path: ["costs", s, k] });
      }
      xs[k] = x;
      ys[k] = y;
      // An incremental mean cannot overflow where a plain sum of huge draws would.
      mx += (x - mx) / (k + 1);
      my += (y - my) / (k + 1);
    }
    const pts: [number, number][] = [];
    for (let k = 0; k < draws; k += step) pts.push([xs[k]!, ys[k]!]);
    const mean: [number, number] = [mx, my];
    series.push({ name: p.incremental ? `${p.strategies[s]} vs ${p.strategies[ref]}` : p.strategies[s]!, pts, mean, ellipse: q === null ? null : ellipseOutline(xs, ys, mean, q) });
  }
  const xsAll: number[] = [];
  const ysAll: number[] = [];
  for (const s of series) {
    for (const [x, y] of s.pts) {
      xsAll.push(x);
      ysAll.push(y);
    }
    for (const [x, y] of s.ellipse ?? []) {
      xsAll.push(x);
      ysAll.push(y);
    }
  }
  if (p.incremental) {
    xsAll.push(0);
    ysAll.push(0);
  }
  const meanCost = (c: number) => (p.currency === undefined ? `cost ${tickLabel(c)}` : `${tickLabel(c)} ${p.currency}`);
  const meanLabel = (s: Series) => `${s.name}: mean ${tickLabel(s.mean[0])} ${p.effectLabel}, ${meanCost(s.mean[1])}`;
  const shade = p.incremental && p.lambda !== undefined && p.shadeCostEffective;
  const labels = series.map((s) => (p.showMeans ? meanLabel(s) : s.name));
  const frame = frameFor([...labels, "λ = 000,000,000", ...(shade ? ["cost-effective at λ"] : [])], p);
  const [xmin, xmax] = extent(xsAll);
  const [ymin, ymax] = extent(ysAll);
  const xt = niceTicks(xmin, xmax);
  const yt = niceTicks(ymin, ymax);
  const d = p.incremental ? "Incremental " : "";
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: `${d}effect (${p.effectLabel})` }, { ticks: yt, label: `${d}cost${p.currency === undefined ? "" : ` (${p.currency})`}` });
  const body: string[] = [svg];
  const clip = `<clipPath id="plot-area"><rect x="${frame.left}" y="${frame.top}" width="${frame.width - frame.left - frame.right}" height="${frame.height - frame.top - frame.bottom}"/></clipPath>`;
  body.push(clip);
  const bx0 = xt[0]!;
  const bx1 = xt[xt.length - 1]!;
  const by0 = yt[0]!;
  const by1 = yt[yt.length - 1]!;
  if (shade) {
    const region = costEffectiveRegion(bx0, bx1, by0, by1, p.lambda!);
    if (region.length >= 3) {
      const pts = region.map(([x, y]) => `${num(sx(x))},${num(sy(y))}`).join(" ");
      body.push(`<g class="cost-effective-region"><polygon points="${pts}" fill="#009E73" fill-opacity="0.1" stroke="none"/></g>`);
    }
  }
  if (p.incremental) {
    body.push(`<g class="origin"><line x1="${num(sx(0))}" y1="${frame.top}" x2="${num(sx(0))}" y2="${frame.height - frame.bottom}" stroke="#999" stroke-dasharray="2 2"/><line x1="${frame.left}" y1="${num(sy(0))}" x2="${frame.width - frame.right}" y2="${num(sy(0))}" stroke="#999" stroke-dasharray="2 2"/></g>`);
    if (p.quadrantLabels) {
      // A quadrant is labelled only when the plot box reaches into it.
      const quads: { x: number; y: number; anchor: "start" | "end"; text: string; show: boolean }[] = [
        { x: frame.width - frame.right - 6, y: frame.top + 16, anchor: "end", text: "NE: more effective, more costly", show: bx1 > 0 && by1 > 0 },
        { x: frame.left + 6, y: frame.top + 16, anchor: "start", text: "NW: less effective, more costly (dominated)", show: bx0 < 0 && by1 > 0 },
        { x: frame.width - frame.right - 6, y: frame.height - frame.bottom - 8, anchor: "end", text: "SE: more effective, less costly (dominant)", show: bx1 > 0 && by0 < 0 },
        { x: frame.left + 6, y: frame.height - frame.bottom - 8, anchor: "start", text: "SW: less effective, less costly", show: bx0 < 0 && by0 < 0 },
      ];
      const texts = quads.filter((t) => t.show).map((t) => `<text x="${num(t.x)}" y="${num(t.y)}" text-anchor="${t.anchor}" font-size="11" fill="#666">${esc(t.text)}</text>`);
      body.push(`<g class="quadrants">\n${texts.join("\n")}\n</g>`);
    }
  }
  if (p.lambda !== undefined) {
    // The part of y = λx inside the plot box, so that λx never leaves the float range.
    const l = p.lambda;
    const x0 = Math.max(bx0, by0 / l);
    const x1 = Math.min(bx1, by1 / l);
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
  // Ellipses and means on top of every scatter, so no series hides another's summary.
  series.forEach((s, i) => {
    const color = PALETTE[i % PALETTE.length]!;
    if (s.ellipse !== null) {
      const path = s.ellipse.map(([x, y], k) => `${k === 0 ? "M" : "L"}${num(sx(x))},${num(sy(y))}`).join(" ");
      body.push(`<g class="ellipse" data-name="${esc(s.name)}" data-level="${p.ellipseLevel}" clip-path="url(#plot-area)"><path d="${path} Z" fill="none" stroke="${color}" stroke-width="1.5"/></g>`);
    }
    if (p.showMeans) {
      const cx = sx(s.mean[0]);
      const cy = sy(s.mean[1]);
      body.push(
        `<g class="mean" data-name="${esc(s.name)}" data-effect="${s.mean[0]}" data-cost="${s.mean[1]}"><path d="M${num(cx)},${num(cy - 7)} L${num(cx + 7)},${num(cy)} L${num(cx)},${num(cy + 7)} L${num(cx - 7)},${num(cy)} Z" fill="${color}" stroke="#000" stroke-width="1.5"/></g>`,
      );
    }
  });
  const entries: { name: string; color: string; shape: "dot" | "line" | "area"; dash?: string }[] = series.map((s, i) => ({ name: labels[i]!, color: PALETTE[i % PALETTE.length]!, shape: "dot" }));
  if (p.lambda !== undefined) entries.push({ name: `λ = ${tickLabel(p.lambda)}`, color: "#444", shape: "line", dash: "6 4" });
  if (shade) entries.push({ name: "cost-effective at λ", color: "#009E73", shape: "area" });
  body.push(legend(frame, entries));
  return document(frame, p.title ?? "Cost-effectiveness plane", body.join("\n"));
}
