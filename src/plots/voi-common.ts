// Shared by the value-of-information plots (not public): reading the exact figures of
// the library's results, line types that repeat the colour coding, line series.
import * as z from "zod";
import { decimalSchema } from "../core/schemas.js";
import { Decimal, type Dec } from "../money/decimal.js";
import { esc, type Frame, num, PALETTE } from "./svg.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * The largest magnitude a plotted figure may have: far above any money figure, and small
 * enough that axis padding and scaling cannot overflow a float to Infinity.
 */
const MAX_PLOTTED_MAGNITUDE = 1e100;

/** An exact figure of a result: a Decimal, or its JSON form (decimal string or number), read as a finite float for drawing. */
export const exactNumberSchema = lazySchema(() => z
  .union([z.custom<Dec>((v) => Decimal.isDecimal(v), { message: "expected a decimal" }), decimalSchema])
  .transform((d, ctx) => {
    const x = Number((d as Decimal).toString());
    if (!Number.isFinite(x) || Math.abs(x) > MAX_PLOTTED_MAGNITUDE) {
      ctx.addIssue({ code: "custom", message: `the figure is beyond ±${MAX_PLOTTED_MAGNITUDE} and cannot be drawn` });
      return z.NEVER;
    }
    return x;
  }));

/** Dash patterns that repeat the colour coding, so series stay apart in greyscale and for colour-blind readers. */
export const DASHES: readonly string[] = ["", "8 4", "2 3", "10 3 2 3", "4 4", "12 4 4 4", "1 2", "6 2 1 2"];

/** Colour and dash of series i. */
export function lineStyle(i: number): { color: string; dash: string } {
  return { color: PALETTE[i % PALETTE.length]!, dash: DASHES[i % DASHES.length]! };
}

/** A polyline series with optional dashes, marked with its name. */
export function lineSeries(name: string, pts: readonly (readonly [number, number])[], sx: (v: number) => number, sy: (v: number) => number, style: { color: string; dash: string }, width = 2): string {
  const d = pts.map(([x, y], i) => `${i === 0 ? "M" : "L"}${num(sx(x))},${num(sy(y))}`).join(" ");
  const dash = style.dash === "" ? "" : ` stroke-dasharray="${style.dash}"`;
  const marks = pts.length === 1 ? `<circle cx="${num(sx(pts[0]![0]))}" cy="${num(sy(pts[0]![1]))}" r="3" fill="${style.color}"/>` : "";
  return `<g class="series" data-name="${esc(name)}"><path d="${d}" fill="none" stroke="${style.color}" stroke-width="${width}"${dash}/>${marks}</g>`;
}

/** A legend whose line marks carry the series' dash pattern. */
export function lineLegend(frame: Frame, entries: readonly { readonly name: string; readonly color: string; readonly dash?: string; readonly shape?: "line" | "bar" | "ring" }[]): string {
  const x = frame.width - frame.right + 16;
  const rows = entries.map((e, i) => {
    const y = frame.top + 10 + i * 20;
    const dash = e.dash ? ` stroke-dasharray="${e.dash}"` : "";
    const mark =
      e.shape === "bar"
        ? `<rect x="${x}" y="${y - 6}" width="18" height="12" fill="${e.color}"/>`
        : e.shape === "ring"
          ? `<circle cx="${x + 12}" cy="${y}" r="4" fill="none" stroke="${e.color}"/>`
          : `<line x1="${x}" y1="${y}" x2="${x + 24}" y2="${y}" stroke="${e.color}" stroke-width="2.5"${dash}/>`;
    return `${mark}<text x="${x + 30}" y="${y + 4}" font-size="12">${esc(e.name)}</text>`;
  });
  return `<g class="legend">\n${rows.join("\n")}\n</g>`;
}

/** Finite min and max of a non-empty list, with 0 included (money axes start at 0). */
export function rangeWithZero(values: readonly number[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
