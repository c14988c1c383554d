// What a term kind is. A kind is one file under terms/ that exports an object of one of
// the shapes below: its zod schema, how it is prepared once per contract, how it drafts
// a patient's ledger lines in minor units and — in the same place, as a thunk — the
// sentence that explains each line. evaluateContract (explained) and
// evaluateContractMinorUnits (bulk) both run the drafts, so they cannot drift apart.
import type * as z from "zod";
import type { Issue } from "../../core/index.js";
import type { Money, Rounding } from "../../money/index.js";
import type { DueOffset } from "../calendar.js";
import type { ConditionCheck, EventLookup } from "../conditions.js";
import type { OutcomeEvent } from "../events.js";
import type { FailedCondition, LedgerLineKind } from "../ledger.js";
import type { ParsedContract } from "../parse-contract.js";
import { toUnits } from "../../money/minor-units.js";
import type { ExactShare } from "./schemas.js";
import type { ParsedOutcomes } from "../outcomes/declarations.js";
import type { Dec } from "../../money/index.js";
import type { ParsedCondition } from "../conditions/registry.js";
// The condition types live below the term kinds, one file each (conditions/); what the
// term kinds use of them is re-exported here.
export { type ParsedCondition, parseCondition, parseConditions } from "../conditions/registry.js";
export type { MatchersOfKind } from "../conditions/history.js";
export { describeMatcher, describeWindow, prepareMatchers } from "../conditions/words.js";
export { type DeadlineSpec, prepareDeadlineSpec } from "../conditions/by-deadline.js";

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
