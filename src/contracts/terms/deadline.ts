// Deadlines: money that moves because something did NOT happen by a date ("never
// achieved transfusion independence by month 24 → 80% refund"; "no response by day 30 →
// no payment"). Shared by the deadline kinds (deadline-refund.ts, deadline-clawback.ts,
// deadline-bonus.ts) and the `byDeadline` condition. A deadline is checked on its date,
// its lines are dated on it, and its explanation names what was missing. With an
// `assessment`, a milestone missed with an assessment on file (a negative result) is told
// apart from one where none was recorded, and `ifMissing` says which way that counts.
import * as z from "zod";
import { DomainError } from "../../core/index.js";
import { deadlineFields, type ExactShare, shareSchema, shareWords } from "./schemas.js";
import { type DueOffset, describeOffset } from "../calendar.js";
import { deadlineDate, deadlineMissed, deadlineStatus } from "../conditions.js";
export { deadlineDate, deadlineStanding, deadlineStatus, type DeadlineOutcome } from "../conditions.js";
import type { OutcomeEvent } from "../events.js";
import { type DeadlineSpec, describeMatcher, type DraftContext, type ParsedCondition, parseCondition, type PreparedReturn, prepareDeadlineSpec, prepareMatchers, type PrepareContext, type ReturnTrigger } from "./kind.js";
export { type DeadlineSpec, prepareDeadlineSpec } from "./kind.js";
import type { EventMatcher, MilestoneTerms } from "./schemas.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** The fields of a deadline refund or clawback besides its `type`: the deadline parts, a share and its base. */
export const deadlineReturnFields = lazySchema(() => ({
  id: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  ...deadlineFields,
  share: shareSchema,
  base: z.enum(["payments", "paymentsAndBonuses"]).default("payments"),
}));

/**
 * A deadline refund or clawback after parsing.
 *
 * @category Term Kinds
 */
export interface ParsedDeadlineReturn<T extends "deadlineRefund" | "deadlineClawback"> extends PreparedReturn {
  readonly kind: T;
  readonly type: T;
  readonly spec: DeadlineSpec;
}

/** Prepares a deadline refund or clawback (shared by the two kinds). */
export function prepareDeadlineReturn<T extends "deadlineRefund" | "deadlineClawback">(
  type: T,
  r: { id?: string | undefined; label?: string | undefined; by: DueOffset | { date: string }; milestone: MilestoneTerms; assessment?: { events: unknown[]; ifMissing: "met" | "missed" } | undefined; share: ExactShare; base: "payments" | "paymentsAndBonuses" },
  ctx: PrepareContext,
): ParsedDeadlineReturn<T> {
  const lineKind = type === "deadlineRefund" ? "refund" : "clawback";
  const spec = prepareDeadlineSpec(r, ctx, ctx.path);
  return {
    kind: type,
    type,
    lineKind,
    id: r.id ?? `${lineKind}-${ctx.index + 1}`,
    label: r.label ?? `${lineKind === "refund" ? "Refund" : "Clawback"} of ${shareWords(r.share)} of the amount paid unless ${spec.milestoneLabel} by ${spec.when}`,
    share: { num: r.share.num, den: r.share.den },
    shareText: r.share.text,
    base: r.base,
    spec,
  };
}

/** Triggered on the deadline when the milestone counts as missed; the cause names what was missing. */
export function deadlineTrigger(r: { readonly spec: DeadlineSpec }, ctx: DraftContext): ReturnTrigger | null {
  const date = deadlineDate(r.spec, ctx.start, ctx.dueDate);
  if (date > ctx.asOf) return null;
  const args = { date, known: ctx.known, lookup: ctx.lookup, start: ctx.start, dueDate: ctx.dueDate };
  // Met, as a rule: answered without the status and its words, which only a missed deadline needs.
  if (!deadlineMissed(r.spec, args)) return null;
  return { kind: "missed deadline", date, cause: () => deadlineStatus(r.spec, args).say() };
}

