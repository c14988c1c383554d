// Small SVG building blocks shared by the plots: linear scales, "nice" ticks, axes,
// legend. Output is deterministic text (fixed number formatting, no randomness).
import { groupDigits } from "../money/format.js";

/** Colours for series, chosen to stay distinguishable in print and for common colour-blindness. */
export const PALETTE: readonly string[] = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

/** Plot area layout in pixels. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Stroke dash patterns, one per series alongside the colour, so that lines stay
 * distinguishable in greyscale print (line-type redundancy). The first is solid.
 */
export const DASHES: readonly string[] = ["", "8 4", "2 3", "10 3 2 3", "4 4", "12 4 2 4 2 4", "1 5", "6 2"];

/** The `stroke-dasharray` attribute for series `i` ("" for a solid line). */
export function dashAttr(i: number): string {
  const d = DASHES[i % DASHES.length]!;
  return d === "" ? "" : ` stroke-dasharray="${d}"`;
}

export const DEFAULT_FRAME: Frame = { width: 720, height: 480, left: 90, right: 170, top: 50, bottom: 60 };

/**
 * The frame for a plot whose legend shows `labels`: the right margin grows with the
 * longest label (about 7 px a character at 12 px) so no legend text is clipped.
 */
export function frameFor(labels: readonly string[], size: { readonly width?: number | undefined; readonly height?: number | undefined }): Frame {
  let longest = 0;
  for (const l of labels) longest = Math.max(longest, l.length);
  const right = Math.max(120, 50 + Math.ceil(longest * 7));
  const width = size.width ?? DEFAULT_FRAME.left + 460 + right;
  return { ...DEFAULT_FRAME, width, right, height: size.height ?? DEFAULT_FRAME.height };
}

/** Escapes text for use inside SVG elements and attributes. */
export function esc(text: string): string {
  // Characters XML 1.0 cannot hold (C0 controls but tab/newline/return, U+FFFE/U+FFFF, lone surrogates) become U+FFFD, so the SVG stays well-formed (L3).
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A number with at most 2 decimals, no trailing zeros: stable across platforms. */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/** Tick label: thousands grouped, up to 4 significant decimals for small values. */
export function tickLabel(x: number): string {
  if (x === 0) return "0";
  const abs = Math.abs(x);
  if (abs >= 1000) {
    const whole = groupDigits(Math.round(abs).toString());
    return x < 0 ? `-${whole}` : whole;
  }
  return String(Number(x.toPrecision(4)));
}

/**
 * Evenly spaced round tick values covering [min, max]. Ranges a float step cannot walk
 * (an empty or subnormal span, a span beyond the float range, or a step lost in the
 * rounding of huge values) fall back to the two ends, so the loop always terminates.
 */
/**
 * Smallest and largest of the values, in one pass (a spread into Math.min/Math.max
 * overflows the stack past ~125,000 values: M2). Internal.
 */
export function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of values) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/** The largest of the values (−∞ for none), in one pass. Internal. */
export function maxOf(values: readonly number[]): number {
  return extent(values)[1];
}

export function niceTicks(min: number, max: number, count = 6): number[] {
  if (!(max > min)) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    if (Number.isFinite(min - pad) && Number.isFinite(max + pad) && max + pad > min - pad) return niceTicks(min - pad, max + pad, count);
    return [min, max];
  }
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(min / step) * step;
  if (!(step > 0) || !Number.isFinite(step) || !Number.isFinite(start) || start + step === start || max + step === max) return [min, max];
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 1e-9 && ticks.length <= count * 3; v += step) ticks.push(Number(v.toPrecision(12)));
  if ((ticks[ticks.length - 1] ?? start) < max) ticks.push(Number((start + ticks.length * step).toPrecision(12)));
  return ticks.every(Number.isFinite) ? ticks : [min, max];
}

/** Maps a data interval onto a pixel interval. */
export function linear(domain: readonly [number, number], range: readonly [number, number]): (x: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  // halved, so that a span across the whole float range does not overflow to Infinity
  const span = d1 / 2 - d0 / 2 || 1;
  return (x) => r0 + ((x / 2 - d0 / 2) / span) * (r1 - r0);
}

/** Axes with ticks, grid lines and labels; returns the scales and the SVG. */
export function axes(
  frame: Frame,
  x: { readonly ticks: readonly number[]; readonly label: string },
  y: { readonly ticks: readonly number[]; readonly label: string },
): { sx: (v: number) => number; sy: (v: number) => number; svg: string } {
  const x0 = frame.left;
  const x1 = frame.width - frame.right;
  const y0 = frame.height - frame.bottom;
  const y1 = frame.top;
  const sx = linear([x.ticks[0] ?? 0, x.ticks[x.ticks.length - 1] ?? 1], [x0, x1]);
  const sy = linear([y.ticks[0] ?? 0, y.ticks[y.ticks.length - 1] ?? 1], [y0, y1]);
  const parts: string[] = [];
  parts.push(`<g class="axis x-axis">`);
  parts.push(`<line x1="${num(x0)}" y1="${num(y0)}" x2="${num(x1)}" y2="${num(y0)}" stroke="#333"/>`);
  for (const t of x.ticks) {
    const px = num(sx(t));
    parts.push(`<line class="grid" x1="${px}" y1="${num(y0)}" x2="${px}" y2="${num(y1)}" stroke="#eee"/>`);
    parts.push(`<text class="tick" x="${px}" y="${num(y0 + 18)}" text-anchor="middle" font-size="11">${esc(tickLabel(t))}</text>`);
  }
  parts.push(`<text class="axis-label" x="${num((x0 + x1) / 2)}" y="${num(frame.height - 15)}" text-anchor="middle" font-size="13">${esc(x.label)}</text>`);
  parts.push(`</g>`);
  parts.push(`<g class="axis y-axis">`);
  parts.push(`<line x1="${num(x0)}" y1="${num(y0)}" x2="${num(x0)}" y2="${num(y1)}" stroke="#333"/>`);
  for (const t of y.ticks) {
    const py = num(sy(t));
    parts.push(`<line class="grid" x1="${num(x0)}" y1="${py}" x2="${num(x1)}" y2="${py}" stroke="#eee"/>`);
    parts.push(`<text class="tick" x="${num(x0 - 8)}" y="${num(sy(t) + 4)}" text-anchor="end" font-size="11">${esc(tickLabel(t))}</text>`);
  }
  parts.push(
    `<text class="axis-label" x="18" y="${num((y0 + y1) / 2)}" text-anchor="middle" font-size="13" transform="rotate(-90 18 ${num((y0 + y1) / 2)})">${esc(y.label)}</text>`,
  );
  parts.push(`</g>`);
  return { sx, sy, svg: parts.join("\n") };
}

/** A legend box at the right of the plot area. */
export function legend(
  frame: Frame,
  entries: readonly { readonly name: string; readonly color: string; readonly shape?: "line" | "dot" | "ring" | "area"; readonly dash?: string }[],
): string {
  const x = frame.width - frame.right + 16;
  const rows = entries.map((e, i) => {
    const y = frame.top + 10 + i * 20;
    const dash = e.dash === undefined || e.dash === "" ? "" : ` stroke-dasharray="${e.dash}"`;
    const mark =
      e.shape === "line"
        ? `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${e.color}" stroke-width="2.5"${dash}/>`
        : e.shape === "ring"
          ? `<circle cx="${x + 9}" cy="${y}" r="3.5" fill="none" stroke="${e.color}"/>`
          : e.shape === "area"
          ? `<rect x="${x}" y="${y - 6}" width="18" height="12" fill="${e.color}" fill-opacity="0.25" stroke="${e.color}"/>`
          : `<circle cx="${x + 9}" cy="${y}" r="4" fill="${e.color}"/>`;
    return `${mark}<text x="${x + 28}" y="${y + 4}" font-size="12">${esc(e.name)}</text>`;
  });
  return `<g class="legend">\n${rows.join("\n")}\n</g>`;
}

/** Wraps content in a standalone SVG document with a title. */
export function document(frame: Frame, title: string, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${frame.height}" viewBox="0 0 ${frame.width} ${frame.height}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text class="title" x="${num(frame.width / 2)}" y="28" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`,
    body,
    `</svg>`,
    "",
  ].join("\n");
}
