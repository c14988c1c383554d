// Settling the refund and clawback terms of a contract together: once a term is
// triggered, the manufacturer owes its share of everything paid up to each later date.
// One rounding over all triggered terms keeps the sum of returned amounts within what
// was paid and monotone in it. Each returning kind only says when it is triggered.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import type { Dec } from "../../money/index.js";
import { firstMatch } from "../conditions.js";
import { divRound, groupedText, toFraction } from "../units.js";
import { describeMatcher, describeWindow, type DraftContext, type DraftWords, percent, type PreparedReturn, type PrepareContext, prepareMatchers, type ReturnTrigger } from "./kind.js";
import { type DueOffset } from "../calendar.js";
import { type EventMatcher, dueOffsetSchema, eventMatcherSchema } from "./schemas.js";

/** The fields every event-triggered return term (refund, clawback) has besides its `type`. */
export const eventReturnFields = {
  id: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  trigger: z.array(eventMatcherSchema).min(1),
  within: dueOffsetSchema.optional(),
  share: rateSchema,
  base: z.enum(["payments", "paymentsAndBonuses"]).default("payments"),
};

/** An event-triggered return term after parsing. */
export interface ParsedEventReturn<T extends "refund" | "clawback"> extends PreparedReturn {
  readonly kind: T;
  readonly type: T;
  readonly lineKind: T;
  readonly trigger: readonly EventMatcher[];
  readonly within: DueOffset | null;
}

/** Prepares an event-triggered return term (shared by refund and clawback). */
export function prepareEventReturn<T extends "refund" | "clawback">(
  type: T,
  r: { id?: string | undefined; label?: string | undefined; trigger: EventMatcher[]; within?: DueOffset | undefined; share: Dec; base: "payments" | "paymentsAndBonuses" },
  ctx: PrepareContext,
): ParsedEventReturn<T> {
  const id = r.id ?? `${type}-${ctx.index + 1}`;
  const trigger = prepareMatchers(r.trigger, ctx, [...ctx.path, "trigger"]);
  const what = trigger.map(describeMatcher).join(" or ");
  return {
    kind: type,
    type,
    lineKind: type,
    id,
    label: r.label ?? `${type === "refund" ? "Refund" : "Clawback"} of ${percent(r.share)} of the amount paid on ${what}${describeWindow(r.within)}`,
    trigger,
    within: r.within ?? null,
    share: toFraction(r.share),
    shareText: r.share.toString(),
    base: r.base,
  };
}

/** The first matching event from start through the window end (or asOf, if sooner). */
export function eventTrigger(r: { trigger: readonly EventMatcher[]; within: DueOffset | null }, ctx: DraftContext): ReturnTrigger | null {
  const { start, asOf } = ctx;
  const end = r.within === null ? asOf : ctx.dueDate(start, r.within);
  return firstMatch(r.trigger, ctx.known, start, end < asOf ? end : asOf);
}

/** Drafts the refund and clawback lines of all triggered terms. */
export function draftReturns(
  terms: readonly { readonly term: PreparedReturn; readonly trigger: (ctx: DraftContext) => ReturnTrigger | null }[],
  ctx: DraftContext,
): void {
  const c = ctx.contract;
  const money = ctx.money;
  const triggered: { term: PreparedReturn; event: ReturnTrigger }[] = [];
  for (const r of terms) {
    const hit = r.trigger(ctx);
    if (hit !== null) triggered.push({ term: r.term, event: hit });
  }
  if (triggered.length === 0) return;
  triggered.sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0));
  const positives = ctx.drafts.filter((d) => d.units > 0n && (d.kind === "payment" || d.kind === "bonus")).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const firstDate = (triggered[0] as (typeof triggered)[number]).event.date;
  const dates = new Set<string>();
  for (const t of triggered) dates.add(t.event.date);
  for (const p of positives) if (p.date >= firstDate) dates.add(p.date);
  const ordered = [...dates].sort();
  let den = 1n;
  for (const t of triggered) if (t.term.share.den > den) den = t.term.share.den;
  let clawed = 0n;
  for (const date of ordered) {
    let paymentsBase = 0n;
    let allBase = 0n;
    for (const p of positives) {
      if (p.date > date) break;
      allBase += p.units;
      if (p.kind === "payment") paymentsBase += p.units;
    }
    let numerator = 0n;
    const active: typeof triggered = [];
    for (const t of triggered) {
      if (t.event.date > date) continue;
      active.push(t);
      const scaled = t.term.share.num * (den / t.term.share.den);
      numerator += scaled * (t.event.base !== undefined ? t.event.base : t.term.base === "payments" ? paymentsBase : allBase);
    }
    const target = divRound(numerator, den, c.rounding);
    const delta = target - clawed;
    if (delta <= 0n) continue;
    clawed = target;
    const latest = active[active.length - 1] as (typeof triggered)[number];
    const kind = active.some((t) => t.term.lineKind === "clawback") ? "clawback" : "refund";
    const paidThrough = allBase;
    const say = (): DraftWords => {
      const newlyTriggered = active.filter((t) => t.event.date === date);
      const shares = active.map((t) => `${t.term.shareText} of ${t.event.base !== undefined ? `the ${money(t.event.base)} it applies to` : t.term.base === "payments" ? "payments" : "payments and bonuses"}`).join(" + ");
      const cause = latest.event.cause ?? `${latest.event.kind} on ${latest.event.date}`;
      const text =
        newlyTriggered.length > 0
          ? `${newlyTriggered.map((t) => t.term.label).join("; ")}: triggered by ${cause}; ${shares} paid through ${date} is ${money(target)}, so ${money(delta)} is returned.`
          : `Payments made on ${date} after the ${kind} was triggered are subject to it as well: ${shares} paid through ${date} is ${money(target)}, so a further ${money(delta)} is returned.`;
      return { text, inputs: { trigger: `${latest.event.kind} ${latest.event.date}`, share: active.map((t) => t.term.shareText), paidThrough: groupedText(paidThrough, c.scale) } };
    };
    ctx.emit({
      date,
      kind,
      termId: active.map((t) => t.term.id).join("+"),
      label: active.map((t) => t.term.label).join("; "),
      units: -delta,
      rule: `contracts.${kind}`,
      say,
    });
  }
}
