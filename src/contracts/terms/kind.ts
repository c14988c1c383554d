// What a term kind is. A kind is one file under terms/ that exports an object of one of
// the shapes below: its zod schema, how it is prepared once per contract, how it drafts
// a patient's ledger lines in minor units and — in the same place, as a thunk — the
// sentence that explains each line. evaluateContract (explained) and
// evaluateContractMinorUnits (bulk) both run the drafts, so they cannot drift apart.
import type * as z from "zod";
import type { Issue } from "../../core/index.js";
import type { Money, Rounding } from "../../money/index.js";
import { type DueOffset, describeOffset } from "../calendar.js";
import type { ConditionCheck, EventLookup } from "../conditions.js";
import type { OutcomeEvent } from "../events.js";
import type { FailedCondition, LedgerLineKind } from "../ledger.js";
import type { ParsedContract } from "../parse-contract.js";
import { toUnits } from "../../money/minor-units.js";
import type { ConditionTerms, EventMatcher, ExactShare, MilestoneTerms } from "./schemas.js";
import type { ParsedOutcomes } from "../outcomes/declarations.js";
import { type MatcherTerms, prepareMatcher } from "../outcomes/matchers.js";
import type { Dec } from "../../money/index.js";

/**
 * The words of a ledger line: its sentence and the inputs it names.
 *
 * @category Term Kinds
 */
export interface DraftWords {
  readonly text: string;
  readonly inputs: Record<string, string | number | readonly string[]>;
}

/**
 * One ledger line before it becomes Money: amounts in minor units, words on demand.
 *
 * @category Term Kinds
 */
export interface Draft {
  readonly date: string;
  readonly kind: LedgerLineKind;
  readonly termId: string;
  readonly label: string;
  readonly units: bigint;
  readonly withheldUnits?: bigint;
  /** Why a withheld line was withheld, made on demand (the bulk path never asks). */
  readonly failed?: () => FailedCondition;
  readonly rule: string;
  readonly say: () => DraftWords;
  readonly seq: number;
}

/**
 * A condition ready for evaluation, with its human wording ("no CRS since treatment start").
 *
 * @category Term Kinds
 */
export type ParsedCondition =
  | {
      readonly type: "none" | "some";
      readonly events: readonly EventMatcher[];
      readonly within: DueOffset | null;
      readonly label: string;
      /** Checked from one per-patient answer on any date (a condition without a window of its own: none, some, or count without `within` or `rolling`). */
      readonly remembered: boolean;
    }
  | {
      readonly type: "count";
      readonly events: readonly EventMatcher[];
      readonly atLeast: number | null;
      readonly atMost: number | null;
      readonly within: DueOffset | null;
      readonly rolling: DueOffset | null;
      readonly label: string;
      /** The events counted, in words. */
      readonly what: string;
      /** The matchers grouped by the kind they read, for counting on an indexed history; null when one could throw on a missing grade (then the history is scanned in order). */
      readonly byKind: readonly MatchersOfKind[] | null;
      /** Checked from one per-patient answer on any date (a condition without a window of its own: none, some, or count without `within` or `rolling`). */
      readonly remembered: boolean;
    }
  | {
      readonly type: "sustained";
      readonly evidence: readonly EventMatcher[];
      readonly interruptedBy: readonly EventMatcher[];
      readonly span: DueOffset;
      readonly maxGap: DueOffset | null;
      readonly within: DueOffset | null;
      readonly label: string;
      readonly what: string;
    }
  | { readonly type: "byDeadline"; readonly spec: DeadlineSpec; readonly within: null; readonly label: string };

/**
 * The matchers of one condition that read one event kind.
 *
 * @category Term Kinds
 */
export interface MatchersOfKind {
  readonly kind: string;
  readonly matchers: readonly EventMatcher[];
}

/** The matchers grouped by kind, in order of first appearance; null when one asks for a grade ≥ 2 (it throws on an event without a grade). */
function matchersByKind(list: readonly EventMatcher[]): MatchersOfKind[] | null {
  const groups: { kind: string; matchers: EventMatcher[] }[] = [];
  for (const m of list) {
    if (m.minGrade !== undefined && m.minGrade > 1) return null;
    const g = groups.find((x) => x.kind === m.kind);
    if (g === undefined) groups.push({ kind: m.kind, matchers: [m] });
    else g.matchers.push(m);
  }
  return groups;
}

/**
 * True when a condition's answer on any date follows from the patient's history once:
 * no window of its own (it is read through the check date), no rolling count, and no
 * matcher that could throw on a missing grade (the error is raised where a scan to the
 * check date raises it). A `none` fails on its first matching event, a `some` holds from
 * it, a count changes at its atLeast-th and (atMost + 1)-th; the terms that check the
 * same (shared) condition on several dates then read the history once per patient.
 */
function rememberable(events: readonly EventMatcher[], within: DueOffset | undefined, rolling: DueOffset | undefined): boolean {
  return within === undefined && rolling === undefined && events.every((m) => m.minGrade === undefined || m.minGrade <= 1);
}

/**
 * What a kind may use while it is prepared (once per contract).
 *
 * @category Term Kinds
 */
export interface PrepareContext {
  readonly currency: string;
  readonly scale: number;
  readonly rounding: Rounding;
  /** The contract's price, as Money and in minor units. */
  readonly price: Money;
  readonly priceUnits: bigint;
  readonly toMoney: (units: bigint) => Money;
  /** The term's path in the document (`["bonuses", 0]`), for issues. */
  readonly path: readonly (string | number)[];
  /** The term's position in its list (0 for the payment term). */
  readonly index: number;
  /** Collects problems found while preparing; parseContract throws them together. */
  readonly issues: Issue[];
  /** The outcome kinds the contract declares. */
  readonly outcomes: ParsedOutcomes;
  /** The contract's conditions prepared so far, by their terms: identical ones are one object (a patient's answer is remembered per object). */
  readonly conditions: Map<string, ParsedCondition>;
}

/**
 * A treated month that was paid: its ordinal among paid months and its date.
 *
 * @category Term Kinds
 */
export interface PaidMonth {
  readonly ordinal: number;
  readonly date: string;
}

/**
 * What a kind sees while it drafts one patient's ledger.
 *
 * @category Term Kinds
 */
export interface DraftContext {
  readonly contract: ParsedContract;
  readonly start: string;
  readonly asOf: string;
  /** The patient's events up to asOf, in date order. */
  readonly known: readonly OutcomeEvent[];
  /** The same events, indexed by kind for long histories: pass it to checkConditions / findFirst. */
  readonly lookup: EventLookup;
  /** "CNY 1,200,000.00" for explanation sentences. */
  readonly money: (units: bigint) => string;
  /** Treatment start + offset (memoised per contract). */
  readonly dueDate: (start: string, offset: DueOffset) => string;
  /** Treated months paid, in order: published by a per-treated-month payment, read by per-month bonuses. */
  readonly paidMonths: PaidMonth[];
  /** The lines drafted so far. */
  readonly drafts: readonly Draft[];
  /** Adds a line (its sequence number is assigned here). */
  emit(draft: Omit<Draft, "seq">): void;
  /** Returns a paying kind asks for (a non-responder's refund), settled with the refund terms. */
  readonly returns: { readonly term: PreparedReturn; readonly trigger: (ctx: DraftContext) => ReturnTrigger | null }[];
}

/**
 * A prepared term as kept in a {@link ParsedContract}: it names its kind.
 *
 * @category Term Kinds
 */
export interface PreparedTerm {
  /** The `type` of the kind that prepared it (the registry key in its slot). */
  readonly kind: string;
}

/**
 * A kind that pays: the contract's payment (`schedule`, `financing`, `perTreatedMonth`)
 * or a bonus (`fixed`, `perTreatedMonth`). `type` is its discriminator in the document.
 *
 * @category Term Kinds
 */
export interface PayingTermKind<Type extends string, S extends z.ZodType, P extends PreparedTerm> {
  readonly type: Type;
  readonly schema: S;
  /** Validates what the schema cannot and precomputes what does not depend on the patient. */
  prepare(term: z.output<S>, ctx: PrepareContext): P;
  /** The most this term can pay one patient, in minor units; null when it grows with events. */
  maxUnits(term: P): bigint | null;
  /** Drafts the term's lines for one patient (amounts and their sentences). */
  draft(term: P, ctx: DraftContext): void;
}

/**
 * What triggered a refund or clawback: an event (or a dated fact standing for one).
 *
 * @category Term Kinds
 */
export interface ReturnTrigger {
  readonly kind: string;
  readonly date: string;
  /** A fixed amount the share applies to (a non-responder's cycles before the result) instead of what was paid. */
  readonly base?: bigint;
  /** What triggered it, in words, when it was not an event ("… was not met by 2028-03-15: …"); made on demand. */
  readonly cause?: () => string;
}

/**
 * A prepared refund or clawback: every such kind returns a share of what was paid.
 *
 * @category Term Kinds
 */
export interface PreparedReturn extends PreparedTerm {
  readonly type: string;
  readonly id: string;
  readonly label: string;
  /** The share as an exact fraction num / den. */
  readonly share: { readonly num: bigint; readonly den: bigint };
  readonly shareText: string;
  readonly base: "payments" | "paymentsAndBonuses";
  /** The ledger line kind its returns are booked as. */
  readonly lineKind: "refund" | "clawback";
}

/**
 * A kind that returns money (refund, clawback): it says when it is triggered; the
 * amounts of all triggered terms are settled together (terms/returns.ts), rounded once.
 *
 * @category Term Kinds
 */
export interface ReturnTermKind<Type extends string, S extends z.ZodType, P extends PreparedReturn> {
  readonly type: Type;
  readonly schema: S;
  /** The share of what was paid the term returns, as validated (the contract checks that all shares sum to ≤ 1). */
  shareOf(term: z.output<S>): ExactShare;
  prepare(term: z.output<S>, ctx: PrepareContext): P;
  /** The first trigger on or before asOf, or null. */
  trigger(term: P, ctx: DraftContext): ReturnTrigger | null;
}

/** Any paying kind (for registries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyPayingKind = PayingTermKind<string, z.ZodType, any>;
/** Any returning kind (for registries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReturnKind = ReturnTermKind<string, z.ZodType, any>;

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

function span(o: DueOffset): string {
  return describeOffset(o).replace(" after treatment start", "");
}

/**
 * Matchers checked against the contract's declared outcome kinds (an undeclared kind, or
 * an attribute test that does not fit the declaration, is an issue at its path) and
 * prepared for evaluation.
 */
export function prepareMatchers(list: readonly unknown[], ctx: PrepareContext, path: readonly (string | number)[]): EventMatcher[] {
  return list.map((m, i) => prepareMatcher(m as MatcherTerms, ctx.outcomes, [...path, i], ctx.issues, (k) => KIND_WORDS[k] ?? k) as EventMatcher);
}

/** One condition (or milestone) with its wording, its matchers prepared; `path` is the condition's path. */
export function parseCondition(c: ConditionTerms | MilestoneTerms, ctx: PrepareContext, path: readonly (string | number)[]): ParsedCondition {
  const windowWords = (w: DueOffset | undefined) => (w === undefined ? "since treatment start" : describeWindow(w).trimStart());
  if (c.type === "count") {
    const events = prepareMatchers(c.events, ctx, [...path, "events"]);
    const what = events.map(describeMatcher).join(" or ");
    const need = [c.atLeast === undefined ? null : `at least ${c.atLeast}`, c.atMost === undefined ? null : `at most ${c.atMost}`].filter((x) => x !== null).join(" and ");
    const where = c.rolling === undefined ? windowWords(c.within) : `in any ${span(c.rolling)}${c.within === undefined ? "" : ` ${windowWords(c.within)}`}`;
    return {
      type: "count", events, atLeast: c.atLeast ?? null, atMost: c.atMost ?? null, within: c.within ?? null, rolling: c.rolling ?? null, what, label: c.label ?? `${need} ${what} ${where}`,
      byKind: matchersByKind(events), remembered: rememberable(events, c.within, c.rolling),
    };
  }
  if (c.type === "sustained") {
    const evidence = prepareMatchers(c.evidence, ctx, [...path, "evidence"]);
    const interruptedBy = prepareMatchers(c.interruptedBy, ctx, [...path, "interruptedBy"]);
    const what = evidence.map(describeMatcher).join(" or ");
    const label =
      c.label ??
      `${what} sustained for ${span(c.for)}${interruptedBy.length > 0 ? ` with no ${interruptedBy.map(describeMatcher).join(" or ")}` : ""}${c.maxGap === undefined ? "" : ` and no gap over ${span(c.maxGap)} between assessments`}${c.within === undefined ? "" : ` ${windowWords(c.within)}`}`;
    return { type: "sustained", evidence, interruptedBy, span: c.for, maxGap: c.maxGap ?? null, within: c.within ?? null, what, label };
  }
  if (c.type === "byDeadline") {
    const spec = prepareDeadlineSpec(c, ctx, path);
    return { type: "byDeadline", spec, within: null, label: c.label ?? `${spec.milestoneLabel} by ${spec.when}` };
  }
  const events = prepareMatchers(c.events, ctx, [...path, "events"]);
  const what = events.map(describeMatcher).join(" or ");
  const label = c.label ?? (c.type === "none" ? `no ${what} ${windowWords(c.within)}` : `${what} recorded ${windowWords(c.within)}`);
  return { type: c.type, events, within: c.within ?? null, label, remembered: rememberable(events, c.within, undefined) };
}

/**
 * Conditions with their wording, ready for {@link checkConditions}; `path` is the list's
 * path. A condition written the same way as one prepared before (four installments held
 * on the same "no death") is that object: each is still checked, with its problems at
 * its own path, and then shared.
 */
export function parseConditions(list: readonly ConditionTerms[], ctx: PrepareContext, path: readonly (string | number)[]): ParsedCondition[] {
  return list.map((c, j) => {
    const before = ctx.issues.length;
    const parsed = parseCondition(c, ctx, [...path, j]);
    if (ctx.issues.length > before) return parsed;
    const key = JSON.stringify(c);
    const seen = ctx.conditions.get(key);
    if (seen !== undefined) return seen;
    ctx.conditions.set(key, parsed);
    return parsed;
  });
}

/** An amount in minor units; more decimals than the currency has is an issue at `path`. */
export function unitsAt(d: Dec, ctx: PrepareContext, path: readonly (string | number)[]): bigint {
  if (d.decimalPlaces() > ctx.scale) {
    ctx.issues.push({ path: [...path], code: "sub_minor_unit", message: `${d.toString()} has more decimals than ${ctx.currency} allows (${ctx.scale})` });
    return 0n;
  }
  return toUnits(d, ctx.scale);
}

/** "30%". */
export function percent(d: Dec): string {
  return `${d.times(100).toString()}%`;
}

/** The failed condition of a check, as a ledger line records it. */
export function failed(check: Exclude<ConditionCheck, { ok: true }>): FailedCondition {
  // Literals, not spreads: a spread copy costs more than the rest of a withheld line on the bulk path.
  const condition = check.condition.label;
  const event = check.event === null ? null : { kind: check.event.kind, date: check.event.date };
  const o = check.outside;
  if (o === undefined) return check.words === undefined ? { condition, event } : { condition, event, detail: check.words() };
  const outsideWindow = { kind: o.event.kind, date: o.event.date, windowEnd: o.windowEnd };
  return check.words === undefined ? { condition, event, outsideWindow } : { condition, event, outsideWindow, detail: check.words() };
}

/** Why a line was withheld, in words. */
export function because(f: FailedCondition): string {
  if (f.detail !== undefined) return `"${f.condition}" did not hold: ${f.detail}`;
  if (f.event !== null) return `"${f.condition}" failed: ${f.event.kind} on ${f.event.date}`;
  if (f.outsideWindow !== undefined) {
    const o = f.outsideWindow;
    return `"${f.condition}" did not hold by ${o.windowEnd}: the ${o.kind} recorded on ${o.date} is outside the window`;
  }
  return `"${f.condition}" did not hold (no such event recorded)`;
}

/**
 * A deadline ready for evaluation: its date rule, milestone and assessment.
 *
 * @category Term Kinds
 */
export interface DeadlineSpec {
  readonly by: { readonly offset: DueOffset } | { readonly date: string };
  /** The deadline in words: "24 months after treatment start", "2027-06-30". */
  readonly when: string;
  readonly milestone: ParsedCondition;
  /** `[milestone]`, made once: the deadline is checked once per patient. */
  readonly milestones: readonly ParsedCondition[];
  readonly milestoneLabel: string;
  readonly assessment: { readonly events: readonly EventMatcher[]; readonly ifMissing: "met" | "missed"; readonly words: string } | null;
  /** The term's path in the contract document, for errors found at evaluation. */
  readonly path: readonly (string | number)[];
}

/** Prepares the shared deadline fields of a term at `path`. */
export function prepareDeadlineSpec(
  t: { readonly by: DueOffset | { readonly date: string }; readonly milestone: MilestoneTerms; readonly assessment?: { readonly events: readonly unknown[]; readonly ifMissing: "met" | "missed" } | undefined },
  ctx: PrepareContext,
  path: readonly (string | number)[],
): DeadlineSpec {
  const by = "date" in t.by ? { date: t.by.date } : { offset: t.by };
  const milestone = parseCondition(t.milestone, ctx, [...path, "milestone"]);
  const assessment =
    t.assessment === undefined
      ? null
      : (() => {
          const events = prepareMatchers(t.assessment.events, ctx, [...path, "assessment", "events"]);
          return { events, ifMissing: t.assessment.ifMissing, words: events.map(describeMatcher).join(" or ") };
        })();
  return { by, when: "date" in by ? (by.date as string) : describeOffset(by.offset as DueOffset), milestone, milestones: [milestone], milestoneLabel: milestone.label, assessment, path };
}
