import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { plotTextSchema } from "./schemas.js";
import type { EvppiResult, PsaResult } from "../valuation/index.js";
import { axes, document, frameFor, niceTicks, extent } from "./svg.js";
import { exactNumberSchema, lineLegend, lineSeries, lineStyle, rangeWithZero } from "./voi-common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const psaPartSchema = lazySchema(() => z.looseObject({
  /** ISO 4217 code of the PSA's money figures (the value axis). */
  currency: z.string().min(1),
  /** One entry per λ of the PSA grid (at least one). */
  points: z
    .array(
      z.looseObject({
        /** Willingness to pay λ, in currency per unit of effect. */
        lambda: z.number().finite(),
        /** EVPI per patient at λ (完全信息期望值), unrounded: a number, decimal string or Decimal. */
        evpiExact: exactNumberSchema,
      }),
    )
    .min(1, "the PSA result has no λ points"),
}));

const evppiPartSchema = lazySchema(() => z.looseObject({
  /** ISO 4217 code of the EVPPI figures; must be the PSA's. */
  currency: z.string().min(1),
  /** One entry per parameter (group), each drawn as its own curve. */
  groups: z.array(
    z.looseObject({
      /** Name of the parameter or group, printed in the legend. */
      label: z.string(),
      /** The group's EVPPI over λ. */
      points: z.array(
        z.looseObject({
          /** Willingness to pay λ, in currency per unit of effect. */
          lambda: z.number().finite(),
          /** EVPPI per patient at λ (部分完全信息期望值), unrounded. */
          evppiExact: exactNumberSchema,
        }),
      ),
    }),
  ),
}));

/**
 * Input of {@link evpiCurveSvg}: an `analyzePsa` result, optionally an `evppi` result to overlay.
 *
 * @category Value of Information
 */
export const evpiCurveSvgInputSchema = lazySchema(() => plotTextSchema.extend({
  psa: psaPartSchema,
  evppi: evppiPartSchema.optional(),
  effectLabel: z.string().default("QALY"),
}));

/**
 * Input of {@link evpiCurveSvg}: the library's result object (or its JSON, checked at run time by `evpiCurveSvgInputSchema`) and the plot text.
 *
 * @category Value of Information
 */
export type EvpiCurveSvgInput = { readonly title?: string | undefined; readonly width?: number | undefined; readonly height?: number | undefined } & { readonly psa: PsaResult; readonly evppi?: EvppiResult | undefined; readonly effectLabel?: string | undefined };

/**
 * EVPI per patient over the λ grid of an `analyzePsa` result, as a standalone SVG;
 * given an `evppi` result in the same currency, each group's EVPPI curve is overlaid
 * (each with its own colour and dash), so the share of EVPI a group explains is seen.
 *
 * @param input - `{ psa, evppi?, effectLabel? }`: an `analyzePsa` result (or its JSON), optionally an `evppi` result in the same currency (one curve per group), and the unit of effect in the λ axis label (default `"QALY"`).
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `evpiCurveSvgInputSchema` (path named), e.g. a PSA result with no λ points.
 * @throws {DomainError} CURRENCY_MISMATCH when the EVPPI result is in another currency than the PSA.
 * @category Value of Information
 * @example
 * ```ts
 * declare const psaInput: Parameters<typeof analyzePsa>[0];
 * declare const voiInput: Parameters<typeof evppi>[0];
 * const svg = evpiCurveSvg({ psa: analyzePsa(psaInput), evppi: evppi(voiInput) });
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
