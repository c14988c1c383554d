import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { plotTextSchema } from "./schemas.js";
import type { PsaResult } from "../valuation/index.js";
import { axes, document, frameFor, niceTicks, num, extent } from "./svg.js";
import { exactNumberSchema, lineLegend, lineSeries, lineStyle, rangeWithZero } from "./voi-common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link expectedLossSvg}: an `analyzePsa` result.
 *
 * @category Value of Information
 */
export const expectedLossSvgInputSchema = lazySchema(() => plotTextSchema.extend({
  psa: z.looseObject({
    /** ISO 4217 code of the PSA's money figures (the value axis). */
    currency: z.string().min(1),
    /** Strategy names, one curve each (at least one). */
    strategies: z.array(z.string()).min(1),
    /** One entry per λ of the PSA grid (at least one). */
    points: z
      .array(
        z.looseObject({
          /** Willingness to pay λ, in currency per unit of effect. */
          lambda: z.number().finite(),
          /** Index (from 0) into `strategies` of the strategy optimal in expectation at λ. */
          optimalIndex: z.number().int().min(0),
          /** Expected loss per patient of each strategy at λ (期望损失), one per strategy, unrounded. */
          expectedLossExact: z.array(exactNumberSchema),
        }),
      )
      .min(1, "the PSA result has no λ points"),
  }),
  effectLabel: z.string().default("QALY"),
}));

/**
 * Input of {@link expectedLossSvg}: the library's result object (or its JSON, checked at run time by `expectedLossSvgInputSchema`) and the plot text.
 *
 * @category Value of Information
 */
export type ExpectedLossSvgInput = { readonly title?: string | undefined; readonly width?: number | undefined; readonly height?: number | undefined } & { readonly psa: PsaResult; readonly effectLabel?: string | undefined };

/**
 * Expected-loss curves of an `analyzePsa` result as a standalone SVG: for each strategy,
 * the mean over draws of (best NMB − its NMB) over λ, each with its own colour and
 * dash; the strategy optimal in expectation at each λ is ringed, so the lower envelope
 * of the rings is the EVPI curve.
 *
 * @param input - `{ psa, effectLabel? }`: an `analyzePsa` result (or its JSON) and the unit of effect in the λ axis label (default `"QALY"`).
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `expectedLossSvgInputSchema` (path named).
 * @throws {DomainError} INCONSISTENT_INPUT when a point's losses or optimal index do not match the strategies.
 * @category Value of Information
 * @example
 * ```ts
 * declare const input: Parameters<typeof analyzePsa>[0];
 * const svg = expectedLossSvg({ psa: analyzePsa(input) });
 * ```
 */
export function expectedLossSvg(input: ExpectedLossSvgInput): string {
  const p = parseInput(expectedLossSvgInputSchema, input, "expectedLossSvg");
  const S = p.psa.strategies.length;
  p.psa.points.forEach((q, l) => {
    if (q.expectedLossExact.length !== S) throw new DomainError("INCONSISTENT_INPUT", `point ${l} has ${q.expectedLossExact.length} losses for ${S} strategies`, { path: ["psa", "points", l, "expectedLossExact"] });
    if (q.optimalIndex >= S) throw new DomainError("INCONSISTENT_INPUT", `point ${l} names strategy ${q.optimalIndex} of ${S}`, { path: ["psa", "points", l, "optimalIndex"] });
  });
  const pts = [...p.psa.points].sort((a, b) => a.lambda - b.lambda);
  const frame = frameFor([...p.psa.strategies, "optimal in expectation"], p);
  const xs = pts.map((q) => q.lambda);
  const [ylo, yhi] = rangeWithZero(pts.flatMap((q) => q.expectedLossExact));
  const xt = niceTicks(...extent(xs));
  const yt = niceTicks(ylo, yhi);
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: `Willingness to pay λ (${p.psa.currency} per ${p.effectLabel})` }, { ticks: yt, label: `Expected loss per patient (${p.psa.currency})` });
  const body = [svg];
  p.psa.strategies.forEach((name, s) => body.push(lineSeries(name, pts.map((q) => [q.lambda, q.expectedLossExact[s]!] as const), sx, sy, lineStyle(s))));
  const rings = pts.map((q) => `<circle cx="${num(sx(q.lambda))}" cy="${num(sy(q.expectedLossExact[q.optimalIndex]!))}" r="4" fill="none" stroke="#000"/>`);
  body.push(`<g class="optimal" data-name="optimal in expectation">\n${rings.join("\n")}\n</g>`);
  const entries = p.psa.strategies.map((name, s) => ({ name, ...lineStyle(s) }));
  body.push(lineLegend(frame, [...entries, { name: "optimal in expectation", color: "#000", shape: "ring" as const }]));
  return document(frame, p.title ?? "Expected loss", body.join("\n"));
}
