// How conditions (and the terms that name events) word what they look for: a matcher
// in words, a window from treatment start, a span. Shared by every condition type's
// label and failure words, and by the term kinds that name events (triggers, stop rules).
import { type DueOffset, describeOffset } from "../calendar.js";
import { type MatcherTerms, prepareMatcher } from "../outcomes/matchers.js";
import type { PrepareContext } from "../terms/kind.js";
import type { EventMatcher } from "./parts.js";

const KIND_WORDS: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  treatmentStart: "treatment start",
  infusion: "infusion",
  treatedMonth: "treated month",
  assessment: "assessment",
  crs: "CRS",
  progression: "progression",
  relapse: "relapse",
  seriousAdverseEvent: "serious adverse event",
  death: "death",
  improvement: "improvement",
});

/** A matcher in words: "CRS of grade ≥ 3", "assessment CR/PR", "hospitalisation with days ≥ 2". */
export function describeMatcher(m: EventMatcher): string {
  if (m.text !== undefined) return m.text;
  let text = KIND_WORDS[m.kind] ?? m.kind;
  if (m.minGrade !== undefined && m.minGrade > 1) text += ` of grade ≥ ${m.minGrade}`;
  if (m.responses !== undefined) text += ` ${m.responses.join("/")}`;
  return text;
}

/** "within 12 months of treatment start", or "" without a window. */
export function describeWindow(within: DueOffset | undefined | null): string {
  return within === undefined || within === null ? "" : ` within ${describeOffset(within).replace(" after treatment start", "")} of treatment start`;
}

/** An offset as a span: "12 months", "30 days". */
export function spanWords(o: DueOffset): string {
  return describeOffset(o).replace(" after treatment start", "");
}

/** "since treatment start" without a window, else "within 12 months of treatment start". */
export function windowWords(w: DueOffset | undefined): string {
  return w === undefined ? "since treatment start" : describeWindow(w).trimStart();
}

/**
 * Matchers checked against the contract's declared outcome kinds (an undeclared kind, or
 * an attribute test that does not fit the declaration, is an issue at its path) and
 * prepared for evaluation.
 */
export function prepareMatchers(list: readonly unknown[], ctx: PrepareContext, path: readonly (string | number)[]): EventMatcher[] {
  return list.map((m, i) => prepareMatcher(m as MatcherTerms, ctx.outcomes, [...path, i], ctx.issues, (k) => KIND_WORDS[k] ?? k) as EventMatcher);
}

/**
 * True when a condition's answer on any date follows from the patient's history once:
 * no window of its own (it is read through the check date), no rolling count, and no
 * matcher that could throw on a missing grade (the error is raised where a scan to the
 * check date raises it). A `none` fails on its first matching event, a `some` holds from
 * it, a count changes at its atLeast-th and (atMost + 1)-th; the terms that check the
 * same (shared) condition on several dates then read the history once per patient.
 */
export function rememberable(events: readonly EventMatcher[], within: DueOffset | undefined, rolling: DueOffset | undefined): boolean {
  return within === undefined && rolling === undefined && events.every((m) => m.minGrade === undefined || m.minGrade <= 1);
}
