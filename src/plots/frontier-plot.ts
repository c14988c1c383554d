import * as z from "zod";
import { parseInput } from "../core/parse.js";
import { plotTextSchema } from "./schemas.js";
import { axes, frameFor, document, esc, legend, niceTicks, num, PALETTE, extent } from "./svg.js";

const statusSchema = z.enum(["ND", "D", "ED"]);

/** Input of {@link frontierSvg}: strategies with their cost, effect and frontier status. */
export const frontierSvgInputSchema = plotTextSchema.extend({
  strategies: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        cost: z.number().finite(),
        effect: z.number().finite(),
        status: statusSchema,
      }),
    )
    .min(1),
  currency: z.string().default("CNY"),
  effectLabel: z.string().default("QALYs"),
});

/** Input of {@link frontierSvg}. */
export type FrontierSvgInput = z.input<typeof frontierSvgInputSchema>;

const STATUS_STYLE = {
  ND: { color: PALETTE[0]!, label: "non-dominated (on the frontier)" },
  ED: { color: PALETTE[4]!, label: "extendedly dominated" },
  D: { color: PALETTE[1]!, label: "dominated" },
} as const;

/**
 * The cost-effectiveness frontier as a standalone SVG: every strategy as a labelled
 * point coloured by status, the frontier drawn through the non-dominated strategies
 * in order of effect.
 *
 * @example
 * ```ts
 * const svg = frontierSvg({ strategies: [{ name: "A", cost: 0, effect: 0, status: "ND" }, ...] });
 * ```
 */
export function frontierSvg(input: FrontierSvgInput): string {
  const p = parseInput(frontierSvgInputSchema, input, "frontierSvg");
    const frame = frameFor(["non-dominated (on the frontier)"], p);
  const xt = niceTicks(...extent(p.strategies.map((s) => s.effect)));
  const yt = niceTicks(...extent(p.strategies.map((s) => s.cost)));
  const { sx, sy, svg } = axes(frame, { ticks: xt, label: `Effect (${p.effectLabel})` }, { ticks: yt, label: `Cost (${p.currency})` });
  const body = [svg];
  const nd = p.strategies.filter((s) => s.status === "ND").sort((a, b) => a.effect - b.effect || a.cost - b.cost);
  if (nd.length > 1) {
    const d = nd.map((s, i) => `${i === 0 ? "M" : "L"}${num(sx(s.effect))},${num(sy(s.cost))}`).join(" ");
    body.push(`<g class="frontier"><path d="${d}" fill="none" stroke="${STATUS_STYLE.ND.color}" stroke-width="2"/></g>`);
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
