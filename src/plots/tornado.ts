import * as z from "zod";
import { DomainError } from "../core/errors.js";
import { parseInput } from "../core/parse.js";
import { Decimal, type Dec } from "../money/decimal.js";
import { plotTextSchema } from "./schemas.js";
import { axes, document, esc, frameFor, niceTicks, num, PALETTE, tickLabel, maxOf } from "./svg.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/** An exact decimal (as in the library's results), a decimal string or a number, read as a finite float for drawing. */
const plotNumber = lazySchema(() => z
  .union([z.number(), z.string(), z.custom<Dec>((v) => Decimal.isDecimal(v), { message: "expected a number or a decimal" })])
  .transform((v, ctx): number => {
    const x = typeof v === "number" ? v : Number(v.toString());
    if (!Number.isFinite(x)) {
      ctx.addIssue({ code: "custom", message: `${String(v)} is not a finite number` });
      return z.NEVER;
    }
    return x;
  }));

/**
 * Input of {@link tornadoSvg}: the result of `oneWaySensitivity` as is (only its
 * `currency` and `tornado` are read), and optionally how many bars to draw.
 *
 * @category Sensitivity
 */
export const tornadoSvgInputSchema = lazySchema(() => plotTextSchema.extend({
  sensitivity: z
    .object({
      /** ISO 4217 code of a money outcome, printed in the axis label; absent for an effect outcome. */
      currency: z.string().optional(),
      /** The tornado of the one-way analysis: bars ranked by swing. */
      tornado: z
        .object({
          /** Name of the outcome on the value axis (e.g. "incremental NMB of New"). */
          label: z.string(),
          /** Outcome at the base case (the dashed line); null when undefined there. */
          base: plotNumber.nullable(),
          /** One bar pair per parameter, widest first (at least one). */
          bars: z
            .array(
              z
                .object({
                  /** Parameter name (参数), printed on the row. */
                  parameter: z.string().min(1),
                  /** Low end of the parameter's range. */
                  low: plotNumber,
                  /** High end of the parameter's range. */
                  high: plotNumber,
                  /** Outcome with the parameter at its low value; null when undefined (left out). */
                  atLow: plotNumber.nullable(),
                  /** Outcome with the parameter at its high value; null when undefined (left out). */
                  atHigh: plotNumber.nullable(),
                  /** Parameter value inside the range where the decision flips (阈值), printed on the row; null or absent when it does not flip. */
                  threshold: plotNumber.nullable().optional(),
                })
                .loose(),
            )
            .min(1),
        })
        .loose(),
    })
    .loose(),
  /** Draw only the first (widest) bars. */
  maxBars: z.number().int().min(1).max(200).optional(),
}));

/**
 * A number as the plots accept it: a float, a decimal string, or a Decimal.
 *
 * @category Plot Options
 */
export type PlotNumberInput = number | string | Dec;

/**
 * Input of {@link tornadoSvg}: `oneWaySensitivity`'s result type passes as is.
 *
 * @category Sensitivity
 */
export interface TornadoSvgInput {
  readonly sensitivity: {
    readonly currency?: string;
    readonly tornado: {
      readonly label: string;
      readonly base: PlotNumberInput | null;
      readonly bars: readonly {
        readonly parameter: string;
        readonly low: PlotNumberInput;
        readonly high: PlotNumberInput;
        readonly atLow: PlotNumberInput | null;
        readonly atHigh: PlotNumberInput | null;
        readonly threshold?: PlotNumberInput | null;
      }[];
    };
  };
  readonly maxBars?: number;
  readonly title?: string;
  readonly width?: number;
  readonly height?: number;
}

const LOW = { color: PALETTE[0]!, label: "parameter at its low value" };
const HIGH = { color: PALETTE[1]!, label: "parameter at its high value (hatched)" };

/**
 * A tornado diagram (龙卷风图) as a standalone SVG, from the result of
 * `oneWaySensitivity`: one horizontal bar pair per parameter, widest swing at the top,
 * each bar running from the base-case outcome to the outcome at the parameter's low
 * (solid blue) or high (hatched vermillion) value; the base case as a dashed line; each
 * row labelled with the parameter's range and, when the decision flips inside it,
 * the threshold value.
 *
 * @param input - the plot input.
 * @param input.sensitivity - a `oneWaySensitivity` result as it is.
 * @param input.maxBars - draw only the first (widest) bars, 1–200.
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `tornadoSvgInputSchema` (path named), e.g. a value that is not a finite number.
 * @throws {DomainError} UNDEFINED_RESULT when the outcome is undefined at the base case and at every range end.
 * @category Sensitivity
 * @example
 * ```ts
 * declare const analysis: Parameters<typeof oneWaySensitivity>[0];
 * const svg = tornadoSvg({ sensitivity: oneWaySensitivity(analysis) });
 * ```
 */
export function tornadoSvg(input: TornadoSvgInput): string {
  const p = parseInput(tornadoSvgInputSchema, input, "tornadoSvg");
  const t = p.sensitivity.tornado;
  const bars = t.bars.slice(0, p.maxBars ?? t.bars.length);
  const base = t.base ?? null;
  const ends = bars.flatMap((b) => [b.atLow, b.atHigh]).filter((v): v is number => v !== null);
  if (base === null && ends.length === 0) {
    throw new DomainError("UNDEFINED_RESULT", "the outcome is undefined at the base case and at every range end: nothing to draw", { path: ["sensitivity", "tornado", "bars"] });
  }
  const centre = base ?? (ends[0] as number);
  const labels = bars.map((b) => {
    const flip = b.threshold === null || b.threshold === undefined ? "" : `; flips at ${tickLabel(b.threshold)}`;
    return `${b.parameter} (${tickLabel(b.low)} to ${tickLabel(b.high)}${flip})`;
  });
  const longest = maxOf(labels.map((l) => l.length));
  const rowHeight = 34;
  const legendLabels = [LOW.label, HIGH.label, "base case"];
  const sized = frameFor(legendLabels, { width: undefined, height: p.height ?? Math.max(240, 110 + rowHeight * bars.length) });
  const left = Math.max(90, 16 + Math.ceil(longest * 6.2));
  const frame = { ...sized, left, width: p.width ?? left + 460 + sized.right };
  const xt = niceTicks(Math.min(centre, ...ends), Math.max(centre, ...ends));
  const { sx, svg } = axes(frame, { ticks: xt, label: t.label }, { ticks: [], label: "Parameter" });
  const body = [svg];
  body.push(
    `<defs><pattern id="tornado-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${HIGH.color}" stroke-width="3"/></pattern></defs>`,
  );
  const top = frame.top + 8;
  const step = (frame.height - frame.bottom - top - 8) / bars.length;
  const h = Math.min(22, step * 0.7);
  bars.forEach((b, i) => {
    const yc = top + step * (i + 0.5);
    const parts = [`<g class="series" data-name="${esc(b.parameter)}">`];
    parts.push(`<text class="bar-label" x="${num(frame.left - 8)}" y="${num(yc + 4)}" text-anchor="end" font-size="11">${esc(labels[i]!)}</text>`);
    for (const [v, style, fill] of [
      [b.atLow, LOW, LOW.color],
      [b.atHigh, HIGH, "url(#tornado-hatch)"],
    ] as const) {
      if (v === null) continue;
      const x0 = Math.min(sx(centre), sx(v));
      const w = Math.abs(sx(v) - sx(centre));
      parts.push(`<rect x="${num(x0)}" y="${num(yc - h / 2)}" width="${num(w)}" height="${num(h)}" fill="${fill}" stroke="${style.color}" stroke-width="1.5"/>`);
    }
    parts.push(`</g>`);
    body.push(parts.join(""));
  });
  if (base !== null) {
    body.push(`<g class="base-case"><line x1="${num(sx(base))}" y1="${num(frame.top)}" x2="${num(sx(base))}" y2="${num(frame.height - frame.bottom)}" stroke="#000" stroke-width="1.5" stroke-dasharray="6 4"/></g>`);
  }
  const lx = frame.width - frame.right + 16;
  const rows = [
    `<rect x="${lx}" y="${frame.top + 3}" width="18" height="12" fill="${LOW.color}" stroke="${LOW.color}"/><text x="${lx + 24}" y="${frame.top + 14}" font-size="12">${esc(LOW.label)}</text>`,
    `<rect x="${lx}" y="${frame.top + 23}" width="18" height="12" fill="url(#tornado-hatch)" stroke="${HIGH.color}"/><text x="${lx + 24}" y="${frame.top + 34}" font-size="12">${esc(HIGH.label)}</text>`,
    `<line x1="${lx}" y1="${frame.top + 49}" x2="${lx + 18}" y2="${frame.top + 49}" stroke="#000" stroke-width="1.5" stroke-dasharray="6 4"/><text x="${lx + 24}" y="${frame.top + 53}" font-size="12">base case</text>`,
  ];
  body.push(`<g class="legend">\n${rows.join("\n")}\n</g>`);
  return document(frame, p.title ?? "Tornado diagram: one-way sensitivity", body.join("\n"));
}
