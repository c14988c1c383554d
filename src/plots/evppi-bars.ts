import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { plotTextSchema } from "./schemas.js";
import type { EvppiResult } from "../valuation/index.js";
import { document, esc, frameFor, linear, niceTicks, num, PALETTE, tickLabel, maxOf } from "./svg.js";
import { exactNumberSchema, lineLegend } from "./voi-common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link evppiBarsSvg}: an `evppi` result and the λ to show (default its first).
 *
 * @category Value of Information
 */
export const evppiBarsSvgInputSchema = lazySchema(() => plotTextSchema.extend({
  evppi: z.looseObject({
    /** ISO 4217 code of the EVPPI figures (the value axis). */
    currency: z.string().min(1),
    /** One bar per parameter (group), at least one. */
    groups: z
      .array(
        z.looseObject({
          /** Name of the parameter or group, printed beside its bar. */
          label: z.string(),
          /** The group's figures over λ (at least one point). */
          points: z
            .array(
              z.looseObject({
                /** Willingness to pay λ, in currency per unit of effect. */
                lambda: z.number().finite(),
                /** EVPPI per patient at λ (部分完全信息期望值), unrounded. */
                evppiExact: exactNumberSchema,
                /** EVPI per patient at λ, the dashed reference line, unrounded. */
                evpiExact: exactNumberSchema,
              }),
            )
            .min(1),
        }),
      )
      .min(1, "the EVPPI result has no groups"),
  }),
  lambda: z.number().finite().optional(),
}));

/**
 * Input of {@link evppiBarsSvg}: the library's result object (or its JSON, checked at run time by `evppiBarsSvgInputSchema`) and the plot text.
 *
 * @category Value of Information
 */
export type EvppiBarsSvgInput = { readonly title?: string | undefined; readonly width?: number | undefined; readonly height?: number | undefined } & { readonly evppi: EvppiResult; readonly lambda?: number | undefined };

/**
 * EVPPI per patient of each parameter (group) of an `evppi` result at one λ as
 * horizontal bars, largest first (ties in input order), with the EVPI at that λ as a
 * dashed reference line and each bar's value printed beside it.
 *
 * @param input - `{ evppi, lambda? }`: an `evppi` result (or its JSON) and the λ to show (default the result's first).
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `evppiBarsSvgInputSchema` (path named), e.g. a result with no groups.
 * @throws {DomainError} UNKNOWN_KEY when a group has no point at the λ asked for.
 * @category Value of Information
 * @example
 * ```ts
 * declare const voiInput: Parameters<typeof evppi>[0];
 * const svg = evppiBarsSvg({ evppi: evppi(voiInput), lambda: 150000 });
 * ```
 */
export function evppiBarsSvg(input: EvppiBarsSvgInput): string {
  const p = parseInput(evppiBarsSvgInputSchema, input, "evppiBarsSvg");
  const lambda = p.lambda ?? p.evppi.groups[0]!.points[0]!.lambda;
  const rows = p.evppi.groups.map((g, i) => {
    const at = g.points.find((q) => q.lambda === lambda);
    if (at === undefined) throw new DomainError("UNKNOWN_KEY", `group "${g.label}" has no EVPPI at λ = ${lambda}`, { path: ["evppi", "groups", i, "points"] });
    return { label: g.label, value: at.evppiExact, evpi: at.evpiExact, i };
  });
  rows.sort((a, b) => b.value - a.value || a.i - b.i);
  const evpi = rows[0]!.evpi;
  const longest = maxOf(rows.map((r) => r.label.length));
  const base = frameFor([`EVPI at λ = ${tickLabel(lambda)}`], p);
  const barH = 26;
  const left = Math.min(400, Math.max(90, 20 + longest * 7));
  const height = p.height ?? Math.max(base.height, base.top + base.bottom + rows.length * (barH + 10) + 20);
  const frame = { ...base, left, height, width: p.width ?? left + 460 + base.right };
  const xt = niceTicks(...([0, Math.max(evpi, ...rows.map((r) => r.value))] as [number, number]));
  const x0 = frame.left;
  const x1 = frame.width - frame.right;
  const y0 = frame.height - frame.bottom;
  const sx = linear([xt[0]!, xt[xt.length - 1]!], [x0, x1]);
  const parts: string[] = [`<g class="axis x-axis">`, `<line x1="${x0}" y1="${num(y0)}" x2="${x1}" y2="${num(y0)}" stroke="#333"/>`];
  for (const t of xt) {
    parts.push(`<line class="grid" x1="${num(sx(t))}" y1="${num(y0)}" x2="${num(sx(t))}" y2="${frame.top}" stroke="#eee"/>`);
    parts.push(`<text class="tick" x="${num(sx(t))}" y="${num(y0 + 18)}" text-anchor="middle" font-size="11">${esc(tickLabel(t))}</text>`);
  }
  parts.push(`<text class="axis-label" x="${num((x0 + x1) / 2)}" y="${num(frame.height - 15)}" text-anchor="middle" font-size="13">${esc(`EVPPI per patient (${p.evppi.currency}) at λ = ${tickLabel(lambda)}`)}</text>`, `</g>`);
  parts.push(`<g class="axis y-axis"><line x1="${x0}" y1="${num(y0)}" x2="${x0}" y2="${frame.top}" stroke="#333"/>`);
  const step = (y0 - frame.top) / rows.length;
  rows.forEach((r, j) => {
    const yc = frame.top + step * (j + 0.5);
    parts.push(`<text class="tick" x="${x0 - 8}" y="${num(yc + 4)}" text-anchor="end" font-size="12">${esc(r.label)}</text>`);
  });
  parts.push(`</g>`);
  rows.forEach((r, j) => {
    const yc = frame.top + step * (j + 0.5);
    const h = Math.min(barH, step * 0.7);
    parts.push(
      `<g class="series" data-name="${esc(r.label)}"><rect x="${x0}" y="${num(yc - h / 2)}" width="${num(Math.max(0, sx(r.value) - x0))}" height="${num(h)}" fill="${PALETTE[0]}"/><text x="${num(sx(r.value) + 4)}" y="${num(yc + 4)}" font-size="11">${esc(tickLabel(Number(r.value.toFixed(2))))}</text></g>`,
    );
  });
  parts.push(`<g class="threshold" data-name="EVPI"><line x1="${num(sx(evpi))}" y1="${frame.top}" x2="${num(sx(evpi))}" y2="${num(y0)}" stroke="#444" stroke-width="1.5" stroke-dasharray="6 4"/></g>`);
  parts.push(lineLegend(frame, [{ name: "EVPPI", color: PALETTE[0]!, shape: "bar" }, { name: `EVPI at λ = ${tickLabel(lambda)}`, color: "#444", dash: "6 4" }]));
  return document(frame, p.title ?? "Expected value of partial perfect information", parts.join("\n"));
}
