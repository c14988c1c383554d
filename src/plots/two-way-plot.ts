import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { plotTextSchema } from "./schemas.js";
import { axes, document, esc, frameFor, niceTicks, num, PALETTE } from "./svg.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const axisSchema = lazySchema(() => z
  .object({
    /** Parameter name on this axis (参数). */
    parameter: z.string().min(1),
    /** Grid values of the parameter, increasing (at least two). */
    values: z.array(z.number().finite()).min(2),
  })
  .loose());

/**
 * Input of {@link twoWaySvg}: the result of `twoWaySensitivity` as is (its `strategies`, `x`, `y` and `optimal` are read).
 *
 * @category Sensitivity
 */
export const twoWaySvgInputSchema = lazySchema(() => plotTextSchema.extend({
  sensitivity: z
    .object({
      /** Strategy names, one colour and hatch angle each (at least one). */
      strategies: z.array(z.string().min(1)).min(1),
      /** The horizontal axis: parameter and grid values. */
      x: axisSchema,
      /** The vertical axis: parameter and grid values. */
      y: axisSchema,
      /** optimal[i][j]: name of the strategy optimal at x.values[i], y.values[j]. */
      optimal: z.array(z.array(z.string())),
    })
    .loose(),
}));

/**
 * Input of {@link twoWaySvg}: `twoWaySensitivity`'s result type passes as is.
 *
 * @category Sensitivity
 */
export interface TwoWaySvgInput {
  readonly sensitivity: {
    readonly strategies: readonly string[];
    readonly x: { readonly parameter: string; readonly values: readonly number[] };
    readonly y: { readonly parameter: string; readonly values: readonly number[] };
    readonly optimal: readonly (readonly string[])[];
  };
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

// One hatch angle per strategy, so regions stay distinct without colour.
const ANGLES = [0, 45, 90, 135, 22.5, 67.5, 112.5, 157.5];

/**
 * An optimal-strategy region map of a two-way sensitivity analysis as a standalone SVG:
 * each grid cell filled with the colour and hatch pattern of the strategy optimal
 * there (each strategy its own colour and hatch angle), cell edges halfway between
 * grid values, axes in the two parameters' units, and a legend of strategies.
 *
 * @param input - the plot input.
 * @param input.sensitivity - a `twoWaySensitivity` result as it is.
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `twoWaySvgInputSchema` (path named).
 * @throws {DomainError} INCONSISTENT_INPUT when `optimal` does not match the grid or a grid does not increase; UNKNOWN_KEY when a cell names no strategy.
 * @category Sensitivity
 * @example
 * ```ts
 * declare const analysis: Parameters<typeof twoWaySensitivity>[0];
 * const svg = twoWaySvg({ sensitivity: twoWaySensitivity(analysis) });
 * ```
 */
export function twoWaySvg(input: TwoWaySvgInput): string {
  const p = parseInput(twoWaySvgInputSchema, input, "twoWaySvg");
  const { strategies, x, y, optimal } = p.sensitivity;
  if (optimal.length !== x.values.length) {
    throw new DomainError("INCONSISTENT_INPUT", `optimal needs one row per x value (${x.values.length})`, { path: ["sensitivity", "optimal"] });
  }
  optimal.forEach((row, i) => {
    if (row.length !== y.values.length) throw new DomainError("INCONSISTENT_INPUT", `optimal[${i}] needs one entry per y value (${y.values.length})`, { path: ["sensitivity", "optimal", i] });
    row.forEach((name, j) => {
      if (!strategies.includes(name)) throw new DomainError("UNKNOWN_KEY", `"${name}" is not among the strategies`, { path: ["sensitivity", "optimal", i, j] });
    });
  });
  for (const [key, a] of [["x", x.values], ["y", y.values]] as const) {
    for (let i = 1; i < a.length; i++) {
      if (!((a[i] as number) > (a[i - 1] as number))) throw new DomainError("INCONSISTENT_INPUT", `${key} values must increase`, { path: ["sensitivity", key, "values", i] });
    }
  }
  const shown = strategies.filter((s) => optimal.some((row) => row.includes(s)));
  const frame = frameFor(shown.map((s) => `${s} optimal`), p);
  // cell edges: halfway between grid values, the outer cells as wide as their neighbour's half-gap
  const edges = (v: readonly number[]) => {
    const e = [v[0]! - (v[1]! - v[0]!) / 2];
    for (let i = 1; i < v.length; i++) e.push((v[i - 1]! + v[i]!) / 2);
    e.push(v[v.length - 1]! + (v[v.length - 1]! - v[v.length - 2]!) / 2);
    return e;
  };
  const xe = edges(x.values);
  const ye = edges(y.values);
  const xt = niceTicks(xe[0]!, xe[xe.length - 1]!);
  const yt = niceTicks(ye[0]!, ye[ye.length - 1]!);
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: x.parameter }, { ticks: yt, label: y.parameter });
  const style = (name: string) => {
    const k = strategies.indexOf(name);
    return { color: PALETTE[k % PALETTE.length]!, id: `twsa-${k}`, angle: ANGLES[k % ANGLES.length]! };
  };
  const defs = strategies.map((s) => {
    const st = style(s);
    return `<pattern id="${st.id}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(${st.angle})"><rect width="8" height="8" fill="${st.color}" fill-opacity="0.35"/><line x1="0" y1="0" x2="0" y2="8" stroke="${st.color}" stroke-width="2.5"/></pattern>`;
  });
  const body = [`<defs>${defs.join("")}</defs>`, svg];
  for (const name of shown) {
    const st = style(name);
    const rects: string[] = [];
    optimal.forEach((row, i) =>
      row.forEach((o, j) => {
        if (o !== name) return;
        const x0 = sx(xe[i]!);
        const x1 = sx(xe[i + 1]!);
        const y0 = sy(ye[j + 1]!);
        const y1 = sy(ye[j]!);
        rects.push(`<rect x="${num(x0)}" y="${num(y0)}" width="${num(x1 - x0)}" height="${num(y1 - y0)}" fill="url(#${st.id})"/>`);
      }),
    );
    body.push(`<g class="series" data-name="${esc(name)}">${rects.join("")}</g>`);
  }
  const lx = frame.width - frame.right + 16;
  const rows = shown.map((name, i) => {
    const st = style(name);
    const yy = frame.top + 3 + i * 20;
    return `<rect x="${lx}" y="${yy}" width="18" height="12" fill="url(#${st.id})" stroke="${st.color}"/><text x="${lx + 24}" y="${yy + 11}" font-size="12">${esc(`${name} optimal`)}</text>`;
  });
  body.push(`<g class="legend">\n${rows.join("\n")}\n</g>`);
  return document(frame, p.title ?? `Optimal strategy by ${x.parameter} and ${y.parameter}`, body.join("\n"));
}
