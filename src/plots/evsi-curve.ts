import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { plotTextSchema } from "./schemas.js";
import type { EvsiResult } from "../valuation/index.js";
import { axes, document, frameFor, niceTicks, extent } from "./svg.js";
import { exactNumberSchema, lineLegend, lineSeries, lineStyle, rangeWithZero } from "./voi-common.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const sampleSchema = lazySchema(() => z.looseObject({
  /** Study size: patients in the proposed study (样本量), ≥ 0. */
  n: z.number().finite().min(0),
  /** EVSI per patient at this n (样本信息期望值), unrounded. */
  evsiExact: exactNumberSchema,
  /** EVSI for the whole population at this n; null without a population. */
  populationEvsiExact: exactNumberSchema.nullable(),
  /** Expected net benefit of sampling (population EVSI − study cost); null without a study cost. */
  enbsExact: exactNumberSchema.nullable(),
  /** Cost of a study of n patients; null without a study cost. */
  studyCost: z
    .looseObject({
      /** The study cost in the result's currency, unrounded. */
      amount: exactNumberSchema,
    })
    .nullable(),
}));

/**
 * Input of {@link evsiCurveSvg}: an `evsi` result and the λ to show (default its first).
 *
 * @category Value of Information
 */
export const evsiCurveSvgInputSchema = lazySchema(() => plotTextSchema.extend({
  evsi: z.looseObject({
    /** ISO 4217 code of the EVSI figures (the value axis). */
    currency: z.string().min(1),
    /** One entry per λ (at least one). */
    points: z
      .array(
        z.looseObject({
          /** Willingness to pay λ, in currency per unit of effect. */
          lambda: z.number().finite(),
          /** EVPPI per patient at λ: the limit of EVSI as n grows, unrounded. */
          evppiExact: exactNumberSchema,
          /** EVSI over the study sizes (at least one). */
          curve: z.array(sampleSchema).min(1),
        }),
      )
      .min(1, "the EVSI result has no λ points"),
  }),
  lambda: z.number().finite().optional(),
}));

/**
 * Input of {@link evsiCurveSvg}: the library's result object (or its JSON, checked at run time by `evsiCurveSvgInputSchema`) and the plot text.
 *
 * @category Value of Information
 */
export type EvsiCurveSvgInput = { readonly title?: string | undefined; readonly width?: number | undefined; readonly height?: number | undefined } & { readonly evsi: EvsiResult; readonly lambda?: number | undefined };

/**
 * EVSI over the study size n of an `evsi` result at one λ, as a standalone SVG. Without
 * a study cost: EVSI per patient with the EVPPI it tends to (dashed). With one:
 * population EVSI, the study cost and the expected net benefit of sampling (ENBS), all
 * in money for the whole population, each with its own colour and dash.
 *
 * @param input - `{ evsi, lambda? }`: an `evsi` result (or its JSON) and the λ to show (default the result's first).
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `evsiCurveSvgInputSchema` (path named).
 * @throws {DomainError} UNKNOWN_KEY when the result has no point at the λ asked for.
 * @category Value of Information
 * @example
 * ```ts
 * declare const studyInput: Parameters<typeof evsi>[0];
 * const svg = evsiCurveSvg({ evsi: evsi(studyInput) });
 * ```
 */
export function evsiCurveSvg(input: EvsiCurveSvgInput): string {
  const p = parseInput(evsiCurveSvgInputSchema, input, "evsiCurveSvg");
  const lambda = p.lambda ?? p.evsi.points[0]!.lambda;
  const at = p.evsi.points.find((q) => q.lambda === lambda);
  if (at === undefined) throw new DomainError("UNKNOWN_KEY", `the EVSI result has no point at λ = ${lambda}`, { path: ["lambda"] });
  const curve = [...at.curve].sort((a, b) => a.n - b.n);
  const withCost = curve.every((c) => c.enbsExact !== null && c.populationEvsiExact !== null && c.studyCost !== null);
  const series: { name: string; pts: [number, number][] }[] = withCost
    ? [
        { name: "Population EVSI", pts: curve.map((c) => [c.n, c.populationEvsiExact!]) },
        { name: "Study cost", pts: curve.map((c) => [c.n, c.studyCost!.amount]) },
        { name: "ENBS", pts: curve.map((c) => [c.n, c.enbsExact!]) },
      ]
    : [
        { name: "EVSI", pts: curve.map((c) => [c.n, c.evsiExact]) },
        { name: "EVPPI (n → ∞)", pts: [[curve[0]!.n, at.evppiExact], [curve[curve.length - 1]!.n, at.evppiExact]] },
      ];
  const frame = frameFor(series.map((s) => s.name), p);
  const xs = curve.map((c) => c.n);
  const [ylo, yhi] = rangeWithZero(series.flatMap((s) => s.pts.map((q) => q[1])));
  const xt = niceTicks(...extent(xs));
  const yt = niceTicks(ylo, yhi);
  const yLabel = withCost ? `Population value (${p.evsi.currency})` : `Value per patient (${p.evsi.currency})`;
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: "Study sample size n" }, { ticks: yt, label: yLabel });
  const body = [svg, ...series.map((s, i) => lineSeries(s.name, s.pts, sx, sy, lineStyle(i)))];
  body.push(lineLegend(frame, series.map((s, i) => ({ name: s.name, ...lineStyle(i) }))));
  return document(frame, p.title ?? `Expected value of sample information at λ = ${lambda}`, body.join("\n"));
}
