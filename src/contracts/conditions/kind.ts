// What a contract condition type is. A type is one file under conditions/ that exports a
// record of the shape below: its zod schema, how a condition of the type is prepared
// once per contract (matchers checked against the declared outcomes, its label worded)
// and how it is checked on a date, with the words of a failure made there, on demand.
// The bulk path (evaluateContractMinorUnits) and the explained path (evaluateContract)
// call the same check, so they cannot drift apart; the registry (registry.ts) assembles
// the union schema and the dispatch from the records.
import type * as z from "zod";
import type { DueOffset } from "../calendar.js";
import type { OutcomeEvent } from "../events.js";
import type { PrepareContext } from "../terms/kind.js";
import type { EventLookup } from "./history.js";

/** What every prepared condition has: its type, its own window (if any) and its label. */
export interface PreparedCondition<Type extends string = string> {
  readonly type: Type;
  /** Only events through treatment start + this offset count (when earlier than the check date). */
  readonly within: DueOffset | null;
  /** How the condition reads in ledgers and explanations. */
  readonly label: string;
}

/** The outcome of checking conditions on a date: all held, or the first that failed. */
export type ConditionCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly condition: PreparedCondition;
      readonly event: OutcomeEvent | null;
      /** For a `some` condition: a matching event recorded after the window closed (`windowEnd`), if any. */
      readonly outside?: { readonly event: OutcomeEvent; readonly windowEnd: string };
      /** For count, sustained and byDeadline conditions: what was found, in words (on demand: the bulk path never asks). */
      readonly words?: () => string;
    };

/** A failed check (what a condition type's check returns when the condition does not hold). */
export type ConditionFailure = Exclude<ConditionCheck, { ok: true }>;

/** Treatment start + offset (the contract's memoised due-date rule on the evaluation paths). */
export type DueDate = (start: string, offset: DueOffset) => string;

/**
 * A condition type. `type` is its discriminator in the document; `schema` parses it
 * (two types may share one schema, as `none` and `some` do: the union takes it once).
 */
export interface ConditionKind<Type extends string, S extends z.ZodType, P extends PreparedCondition<Type>> {
  readonly type: Type;
  readonly schema: S;
  /** Prepares one condition once per contract: matchers checked and prepared, the label worded; problems go to `ctx.issues` at `path`. */
  prepare(terms: Extract<z.output<S>, { readonly type: Type }>, ctx: PrepareContext, path: readonly (string | number)[]): P;
  /**
   * Null when the condition holds on `onDate`, counting events from `start` through
   * `through` (`onDate`, or start + `within` when that is earlier); else the failure,
   * its words made only when asked for. `history` is the patient's events in date order,
   * or their index by kind (then only the kinds the condition names are read).
   * Positional: it runs once per condition per due date on the bulk path.
   */
  check(c: P, history: readonly OutcomeEvent[] | EventLookup, start: string, onDate: string, through: string, dueDate: DueDate): ConditionFailure | null;
}

/**
 * Any condition type (for registries): what the dispatch needs of a record. Written out
 * rather than as `ConditionKind<string, …>`, which a record for one literal type does not
 * extend (its `prepare` takes only its own type's terms).
 */
export interface AnyConditionKind {
  readonly type: string;
  readonly schema: z.ZodType;
  prepare(terms: never, ctx: PrepareContext, path: readonly (string | number)[]): PreparedCondition;
  check(c: never, history: readonly OutcomeEvent[] | EventLookup, start: string, onDate: string, through: string, dueDate: DueDate): ConditionFailure | null;
}

/** The prepared form of a condition type (its `prepare` result). */
export type PreparedOf<K> = K extends { prepare(...args: never[]): infer P } ? P : never;

/** The least an evaluator needs of an event. */
export interface Dated {
  readonly kind: string;
  readonly date: string;
}

/** The events of a history, indexed or not. */
export function eventsOf(history: readonly OutcomeEvent[] | EventLookup): readonly OutcomeEvent[] {
  return Array.isArray(history) ? (history as readonly OutcomeEvent[]) : (history as EventLookup).events;
}
