// Settling the refund and clawback terms of a contract together: once a term is
// triggered, the manufacturer owes its share of everything paid up to each later date.
// One rounding over all triggered terms keeps the sum of returned amounts within what
// was paid and monotone in it. Each returning kind only says when it is triggered.
import * as z from "zod";
import { findFirst } from "../conditions.js";
import { divideRounded } from "../../money/minor-units.js";
import { groupedText } from "../../money/format.js";
import { describeMatcher, describeWindow, type DraftContext, type DraftWords, prepareMatchers, type PreparedReturn, type PrepareContext, type ReturnTrigger } from "./kind.js";
import { type DueOffset } from "../calendar.js";
import { type EventMatcher, dueOffsetSchema, eventMatcherSchema, type ExactShare, shareSchema, shareWords } from "./schemas.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** The fields every event-triggered return term (refund, clawback) has besides its `type` and its share. */
export const eventReturnFields = lazySchema(() => ({
  /** A stable identifier of the term, used in ledger lines. */
  id: z.string().min(1).optional(),
  /** A readable label for ledgers and explanations. */
  label: z.string().min(1).optional(),
  /** The events that trigger the return; the first one found counts. */
  trigger: z.array(eventMatcherSchema).min(1),
  /** Only an event within this offset from the treatment start triggers it; no limit when absent. */
  within: dueOffsetSchema.optional(),
  /** Whether bonuses paid count in the base of the return (default: payments only). */
  base: z.enum(["payments", "paymentsAndBonuses"]).default("payments"),
}));

/** The share a refund returns: a decimal or an exact fraction in [0, 1]. */
export const returnShareSchema = shareSchema;

/**
 * An event-triggered return term after parsing.
 *
 * @category Term Kinds
 */
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
  r: { id?: string | undefined; label?: string | undefined; trigger: EventMatcher[]; within?: DueOffset | undefined; base: "payments" | "paymentsAndBonuses" },
  share: ExactShare,
  ctx: PrepareContext,
): ParsedEventReturn<T> {
  const id = r.id ?? `${type}-${ctx.index + 1}`;
  // Prepared like every other matcher: a trigger's kind must be built in or declared, and
  // its `where` tests are compiled (left raw, a `where` was ignored and any event of the
  // kind triggered the return).
  const trigger = prepareMatchers(r.trigger, ctx, [...ctx.path, "trigger"]);
  const what = trigger.map(describeMatcher).join(" or ");
  return {
    kind: type,
    type,
    lineKind: type,
    id,
    label: r.label ?? `${type === "refund" ? "Refund" : "Clawback"} of ${shareWords(share)} of the amount paid on ${what}${describeWindow(r.within)}`,
    trigger,
    within: r.within ?? null,
    share: { num: share.num, den: share.den },
    shareText: share.text,
    base: r.base,
  };
}

/** The first matching event from start through the window end (or asOf, if sooner). */
export function eventTrigger(r: { trigger: readonly EventMatcher[]; within: DueOffset | null }, ctx: DraftContext): ReturnTrigger | null {
  const { start, asOf } = ctx;
  const end = r.within === null ? asOf : ctx.dueDate(start, r.within);
  return findFirst(ctx.lookup, r.trigger, start, end < asOf ? end : asOf);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * A return term that was triggered, with what triggered it.
 *
 * @category Term Kinds
 */
export interface TriggeredReturn {
  readonly term: PreparedReturn;
  readonly event: ReturnTrigger;
}

/**
 * Drafts the refund and clawback lines of all triggered terms (in the contract's order;
 * sorted here by trigger date, stably). One sweep over the dates
 * (trigger dates and payment dates from the first trigger on) with running sums of what
 * was paid and of the active shares: O(n log n) in lines and terms (the sort), where a
 * re-summation per date would be quadratic (issue 14 H2).
 */
export function draftReturns(triggered: TriggeredReturn[], ctx: DraftContext): void {
  const c = ctx.contract;
  const money = ctx.money;
  if (triggered.length === 0) return;
  // Stable sorts: equal dates keep the contract's order.
  triggered.sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : 0));
  const positives = ctx.drafts.filter((d) => d.units > 0n && (d.kind === "payment" || d.kind === "bonus")).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const firstDate = (triggered[0] as (typeof triggered)[number]).event.date;
  const dates = new Set<string>();
  for (const t of triggered) dates.add(t.event.date);
  for (const p of positives) if (p.date >= firstDate) dates.add(p.date);
  const ordered = [...dates].sort();
  // A common denominator of the shares (exact fractions such as 1/3 included).
  let den = 1n;
  for (const t of triggered) den = (den / gcd(den, t.term.share.den)) * t.term.share.den;
  let clawed = 0n;
  let next = 0; // positives[0, next) are paid on or before the current date
  let paymentsBase = 0n;
  let allBase = 0n;
  let active = 0; // triggered[0, active) are triggered on or before the current date
  let onPayments = 0n; // Σ share·den of active terms on payments
  let onAll = 0n; // … on payments and bonuses
  let onFixed = 0n; // Σ share·den·base of active terms with a fixed base (a non-responder's cycles)
  let anyClawback = false;
  let ids = "";
  let labels = "";
  for (const date of ordered) {
    while (next < positives.length && (positives[next] as (typeof positives)[number]).date <= date) {
      const p = positives[next++] as (typeof positives)[number];
      allBase += p.units;
      if (p.kind === "payment") paymentsBase += p.units;
    }
    const before = active;
    while (active < triggered.length && (triggered[active] as (typeof triggered)[number]).event.date <= date) {
      const hit = triggered[active++] as (typeof triggered)[number];
      const t = hit.term;
      const scaled = t.share.num * (den / t.share.den);
      if (hit.event.base !== undefined) onFixed += scaled * hit.event.base;
      else if (t.base === "payments") onPayments += scaled;
      else onAll += scaled;
      if (t.lineKind === "clawback") anyClawback = true;
      ids = ids === "" ? t.id : `${ids}+${t.id}`;
      labels = labels === "" ? t.label : `${labels}; ${t.label}`;
    }
    const target = divideRounded(onPayments * paymentsBase + onAll * allBase + onFixed, den, c.rounding);
    const delta = target - clawed;
    if (delta <= 0n) continue;
    clawed = target;
    const count = active;
    const latest = triggered[count - 1] as (typeof triggered)[number];
    const kind = anyClawback ? "clawback" : "refund";
    const paidThrough = allBase;
    const newly = before;
    const say = (): DraftWords => {
      const list = triggered.slice(0, count);
      const newlyTriggered = triggered.slice(newly, count);
      const shares = list.map((t) => `${t.term.shareText} of ${t.event.base !== undefined ? `the ${money(t.event.base)} it applies to` : t.term.base === "payments" ? "payments" : "payments and bonuses"}`).join(" + ");
      const cause = latest.event.cause?.() ?? `${latest.event.kind} on ${latest.event.date}`;
      const text =
        newlyTriggered.length > 0
          ? `${newlyTriggered.map((t) => t.term.label).join("; ")}: triggered by ${cause}; ${shares} paid through ${date} is ${money(target)}, so ${money(delta)} is returned.`
          : `Payments made on ${date} after the ${kind} was triggered are subject to it as well: ${shares} paid through ${date} is ${money(target)}, so a further ${money(delta)} is returned.`;
      return { text, inputs: { trigger: `${latest.event.kind} ${latest.event.date}`, share: list.map((t) => t.term.shareText), paidThrough: groupedText(paidThrough, c.scale) } };
    };
    ctx.emit({ date, kind, termId: ids, label: labels, units: -delta, rule: `contracts.${kind}`, say });
  }
}
