import * as z from "zod";
import { parseInput } from "../core/parse.js";
import type { FrontierResult } from "../valuation/frontier.js";
import { plotTextSchema } from "./schemas.js";
import { axes, frameFor, document, esc, extent, legend, niceTicks, num, PALETTE, tickLabel } from "./svg.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const statusSchema = lazySchema(() => z.enum(["ND", "D", "ED"]));

/**
 * Input of {@link frontierSvg}: strategies with their cost, effect and frontier status.
 *
 * @category Cost-Effectiveness
 */
export const frontierSvgInputSchema = lazySchema(() => plotTextSchema.extend({
  strategies: z
    .array(
      z.strictObject({
        /** Strategy name (策略), printed beside its point. */
        name: z.string().min(1),
        /** Expected cost per patient in the plot's currency (a float, for drawing). */
        cost: z.number().finite(),
        /** Expected effect per patient (e.g. QALYs). */
        effect: z.number().finite(),
        /** Frontier status: `ND` non-dominated (on the frontier), `D` dominated (劣势), `ED` extendedly dominated (扩展劣势). */
        status: statusSchema,
        /** ND only: the ICER against the previous frontier strategy, printed on the segment; computed from cost and effect when absent. */
        icer: z.number().finite().nullable().optional(),
      }),
    )
    .min(1),
  /** ISO 4217 code of the costs, printed in the labels; none given, the labels name no currency (none is assumed). */
  currency: z.string().min(1).optional(),
  effectLabel: z.string().default("QALYs"),
  /** Print each frontier segment's ICER beside it. */
  icerLabels: z.boolean().default(true),
}));

/**
 * Input of {@link frontierSvg}: the plot input, or a {@link FrontierResult} as `frontier()` returns it (with plot options beside it).
 *
 * @category Cost-Effectiveness
 */
export type FrontierSvgInput = z.input<typeof frontierSvgInputSchema> | (FrontierResult & z.input<typeof plotTextSchema> & { readonly effectLabel?: string; readonly icerLabels?: boolean });

const STATUS_STYLE = {
  ND: { color: PALETTE[0]!, label: "non-dominated (on the frontier)" },
  ED: { color: PALETTE[4]!, label: "extendedly dominated" },
  D: { color: PALETTE[1]!, label: "dominated" },
} as const;

/** Numbers for drawing only: the exact figures stay in the frontier result. */
const plotNumber = (x: { toString(): string }): number => Number(x.toString());

/** A `frontier()` result becomes the plot input; anything else is parsed as it is. */
function plotInput(input: FrontierSvgInput): unknown {
  if (input === null || typeof input !== "object" || !("frontier" in input) || !("explanation" in input)) return input;
  const { strategies, currency, frontier: _frontier, explanation: _explanation, ...options } = input as FrontierResult & Record<string, unknown>;
  if (!Array.isArray(strategies)) return input;
  return {
    ...options,
    currency,
    strategies: strategies.map((s) => ({
      name: s.name,
      cost: plotNumber(s.cost.amount),
      effect: plotNumber(s.effect),
      status: s.status,
      icer: s.icer === null ? null : plotNumber(s.icer.amount),
    })),
  };
}

/**
 * The cost-effectiveness frontier as a standalone SVG: every strategy as a labelled
 * point coloured by status, the frontier drawn through the non-dominated strategies
 * in order of effect, and each frontier segment labelled with its ICER. Takes a
 * `frontier()` result directly.
 *
 * @param input - a `frontier()` result as it is, or `{ strategies: [{ name, cost, effect, status, icer? }] }`, with plot options.
 * @returns the SVG document as text.
 * @throws {ValidationError} when the input does not match `frontierSvgInputSchema` (path named).
 * @category Cost-Effectiveness
 * @example
 * ```ts
 * declare const doc: Parameters<typeof frontier>[0];
 * const svg = frontierSvg(frontier(doc));
 * const plain = frontierSvg({ strategies: [{ name: "A", cost: 0, effect: 0, status: "ND" }, { name: "B", cost: 1000, effect: 0.5, status: "ND" }] });
 * ```
 */
export function frontierSvg(input: FrontierSvgInput): string {
  const p = parseInput(frontierSvgInputSchema, plotInput(input), "frontierSvg");
  const frame = frameFor(["non-dominated (on the frontier)"], p);
  const [emin, emax] = extent(p.strategies.map((s) => s.effect));
  const [cmin, cmax] = extent(p.strategies.map((s) => s.cost));
  const xt = niceTicks(emin, emax);
  const yt = niceTicks(cmin, cmax);
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: `Effect (${p.effectLabel})` }, { ticks: yt, label: `Cost${p.currency === undefined ? "" : ` (${p.currency})`}` });
  const body = [svg];
  const nd = p.strategies.filter((s) => s.status === "ND").sort((a, b) => a.effect - b.effect || a.cost - b.cost);
  if (nd.length > 1) {
    const d = nd.map((s, i) => `${i === 0 ? "M" : "L"}${num(sx(s.effect))},${num(sy(s.cost))}`).join(" ");
    body.push(`<g class="frontier"><path d="${d}" fill="none" stroke="${STATUS_STYLE.ND.color}" stroke-width="2"/></g>`);
    if (p.icerLabels) {
      const labels: string[] = [];
      for (let i = 1; i < nd.length; i++) {
        const a = nd[i - 1]!;
        const b = nd[i]!;
        // Identical strategies share a point: no segment, no ICER.
        if (b.effect === a.effect) continue;
        const icer = b.icer ?? (b.cost - a.cost) / (b.effect - a.effect);
        if (!Number.isFinite(icer)) continue;
        const mx = (sx(a.effect) + sx(b.effect)) / 2;
        const my = (sy(a.cost) + sy(b.cost)) / 2;
        labels.push(
          `<text x="${num(mx + 6)}" y="${num(my + 14)}" font-size="11" fill="${STATUS_STYLE.ND.color}" data-from="${esc(a.name)}" data-to="${esc(b.name)}">ICER ${p.currency === undefined ? "" : `${esc(p.currency)} `}${esc(tickLabel(icer))}</text>`,
        );
      }
      body.push(`<g class="icer-labels">\n${labels.join("\n")}\n</g>`);
    }
  }
  for (const s of p.strategies) {
    const style = STATUS_STYLE[s.status];
    body.push(
      `<g class="series" data-name="${esc(s.name)}" data-status="${s.status}"><circle cx="${num(sx(s.effect))}" cy="${num(sy(s.cost))}" r="5" fill="${style.color}"/><text x="${num(sx(s.effect) + 8)}" y="${num(sy(s.cost) - 8)}" font-size="12">${esc(s.name)}</text></g>`,
    );
  }
  const used = (["ND", "ED", "D"] as const).filter((st) => p.strategies.some((s) => s.status === st));
  body.push(legend(frame, used.map((st) => ({ name: STATUS_STYLE[st].label, color: STATUS_STYLE[st].color, shape: "dot" as const }))));
  return document(frame, p.title ?? "Cost-effectiveness frontier", body.join("\n"));
}
