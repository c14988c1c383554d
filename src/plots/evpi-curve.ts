import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { plotTextSchema } from "./schemas.js";
import type { EvppiResult, PsaResult } from "../valuation/index.js";
import { axes, document, frameFor, niceTicks, extent } from "./svg.js";
import { exactNumberSchema, lineLegend, lineSeries, lineStyle, rangeWithZero } from "./voi-common.js";

const psaPartSchema = z.looseObject({
  currency: z.string().min(1),
  points: z.array(z.looseObject({ lambda: z.number().finite(), evpiExact: exactNumberSchema })).min(1, "the PSA result has no λ points"),
});

const evppiPartSchema = z.looseObject({
  currency: z.string().min(1),
  groups: z.array(z.looseObject({ label: z.string(), points: z.array(z.looseObject({ lambda: z.number().finite(), evppiExact: exactNumberSchema })) })),
});

/** Input of {@link evpiCurveSvg}: an `analyzePsa` result, optionally an `evppi` result to overlay. */
export const evpiCurveSvgInputSchema = plotTextSchema.extend({
  psa: psaPartSchema,
  evppi: evppiPartSchema.optional(),
  effectLabel: z.string().default("QALY"),
});

/** Input of {@link evpiCurveSvg}: the library's result object (or its JSON, checked at run time by `evpiCurveSvgInputSchema`) and the plot text. */
export type EvpiCurveSvgInput = { readonly title?: string | undefined; readonly width?: number | undefined; readonly height?: number | undefined } & { readonly psa: PsaResult; readonly evppi?: EvppiResult | undefined; readonly effectLabel?: string | undefined };

/**
 * EVPI per patient over the λ grid of an `analyzePsa` result, as a standalone SVG;
 * given an `evppi` result in the same currency, each group's EVPPI curve is overlaid
 * (each with its own colour and dash), so the share of EVPI a group explains is seen.
 *
 * @example
 * ```ts
 * const svg = evpiCurveSvg({ psa: analyzePsa(input), evppi: evppi(voiInput) });
 * ```
 */
export function evpiCurveSvg(input: EvpiCurveSvgInput): string {
  const p = parseInput(evpiCurveSvgInputSchema, input, "evpiCurveSvg");
  if (p.evppi !== undefined && p.evppi.currency !== p.psa.currency) {
    throw new DomainError("CURRENCY_MISMATCH", `the EVPPI result is in ${p.evppi.currency}, the PSA in ${p.psa.currency}`, { path: ["evppi", "currency"] });
  }
  const series: { name: string; pts: [number, number][] }[] = [
    { name: "EVPI", pts: p.psa.points.map((q) => [q.lambda, q.evpiExact] as [number, number]).sort((a, b) => a[0] - b[0]) },
  ];
  p.evppi?.groups.forEach((g) => {
    if (g.points.length > 0) series.push({ name: `EVPPI: ${g.label}`, pts: g.points.map((q) => [q.lambda, q.evppiExact] as [number, number]).sort((a, b) => a[0] - b[0]) });
  });
  const frame = frameFor(series.map((s) => s.name), p);
  const xs = series.flatMap((s) => s.pts.map((q) => q[0]));
  const [ylo, yhi] = rangeWithZero(series.flatMap((s) => s.pts.map((q) => q[1])));
  const xt = niceTicks(...extent(xs));
  const yt = niceTicks(ylo, yhi);
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: `Willingness to pay λ (${p.psa.currency} per ${p.effectLabel})` }, { ticks: yt, label: `Value per patient (${p.psa.currency})` });
  const body = [svg, ...series.map((s, i) => lineSeries(s.name, s.pts, sx, sy, lineStyle(i), i === 0 ? 2.5 : 2))];
  body.push(lineLegend(frame, series.map((s, i) => ({ name: s.name, ...lineStyle(i) }))));
  return document(frame, p.title ?? "Expected value of perfect information", body.join("\n"));
}
