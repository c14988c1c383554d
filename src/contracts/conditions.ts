import { DomainError } from "../core/index.js";
import { addOffset, type DueOffset } from "./calendar.js";
import type { OutcomeEvent } from "./events.js";
import type { ParsedCondition } from "./terms/kind.js";
import type { EventMatcher } from "./contract-schema.js";
import { attributesPass } from "./outcomes/attribute-tests.js";
import { checkCount, checkSustained } from "./outcomes/condition-kinds.js";
import { deadlineDate, deadlineStanding } from "./terms/deadline.js";

/** True when the event is one the matcher looks for. */
export function matches(m: EventMatcher, e: OutcomeEvent): boolean {
  if (m.kind !== e.kind) return false;
  if (m.minGrade !== undefined && m.minGrade > 1) {
    if (e.grade === undefined) {
      // A missing grade cannot be compared; guessing either way would move money silently.
      throw new DomainError("INCONSISTENT_INPUT", `${e.kind} on ${e.date} has no grade, but a term asks for grade ≥ ${m.minGrade}`, {
        details: { kind: e.kind, date: e.date },
      });
    }
    if (e.grade < m.minGrade) return false;
  }
  if (m.responses !== undefined && (e.response === undefined || !m.responses.includes(e.response))) return false;
  if (m.tests !== undefined && !attributesPass(m.tests, e.attributes)) return false;
  return true;
}

/** True when any of the matchers accepts the event. */
export function matchesAny(list: readonly EventMatcher[], e: OutcomeEvent): boolean {
  for (const m of list) if (matches(m, e)) return true;
  return false;
}

/** The first event in [from, through] that any matcher accepts, or null. Events are in date order. */
export function firstMatch(matchers: readonly EventMatcher[], events: readonly OutcomeEvent[], from: string, through: string): OutcomeEvent | null {
  for (const e of events) {
    if (e.date > through) break;
    if (e.date < from) continue;
    for (const m of matchers) if (matches(m, e)) return e;
  }
  return null;
}

/** The outcome of checking conditions on a date: all held, or the first that failed. */
export type ConditionCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly condition: ParsedCondition; readonly event: OutcomeEvent | null; readonly detail?: string };

const OK: ConditionCheck = { ok: true };

/** Checks conditions on `onDate`, counting events from `start` through `onDate` (or the condition's own window end). */
export function checkConditions(
  conditions: readonly ParsedCondition[],
  events: readonly OutcomeEvent[],
  start: string,
  onDate: string,
  dueDate: (start: string, offset: DueOffset) => string = addOffset,
): ConditionCheck {
  for (const c of conditions) {
    let through = onDate;
    if (c.within !== null) {
      const end = dueDate(start, c.within);
      if (end < through) through = end;
    }
    if (c.type === "count") {
      const rolling = c.rolling;
      const r = checkCount({
        events, matches: (e) => matchesAny(c.events, e), what: c.what, from: start, through,
        atLeast: c.atLeast, atMost: c.atMost, rolling, rollingEnd: rolling === null ? null : (d) => dueDate(d, rolling),
      });
      if (!r.ok) return { ok: false, condition: c, event: r.event, detail: r.detail };
      continue;
    }
    if (c.type === "sustained") {
      const span = c.span;
      const gap = c.maxGap;
      const r = checkSustained({
        events, evidence: (e) => matchesAny(c.evidence, e), interrupts: (e) => matchesAny(c.interruptedBy, e), what: c.what, from: start, through,
        span, spanEnd: (d) => dueDate(d, span), maxGapEnd: gap === null ? null : (d) => dueDate(d, gap),
      });
      if (!r.ok) return { ok: false, condition: c, event: r.event, detail: r.detail };
      continue;
    }
    if (c.type === "byDeadline") {
      const date = deadlineDate(c.spec, start, dueDate);
      if (onDate < date) {
        throw new DomainError("INCONSISTENT_INPUT", `"${c.label}" is checked on ${onDate}, before its deadline ${date}: a payment that waits for a deadline falls due on or after it`, {
          path: ["contract", ...c.spec.path],
          details: { checkedOn: onDate, deadline: date },
        });
      }
      const o = deadlineStanding(c.spec, { date, known: events, start, dueDate });
      if (o.counts === "missed") return { ok: false, condition: c, event: null, detail: o.words };
      continue;
    }
    const hit = firstMatch(c.events, events, start, through);
    if (c.type === "none" && hit !== null) return { ok: false, condition: c, event: hit };
    if (c.type === "some" && hit === null) return { ok: false, condition: c, event: null };
  }
  return OK;
}
