// The two things a list of condition types is assembled into: the union of their schemas,
// and the dispatch that prepares and checks a condition by its `type`, one record lookup
// instead of a switch. milestones.ts and registry.ts each assemble their list with these.
import type * as z from "zod";
import { kindLookup, kindSchemas, type KindSchemas } from "../../kernel/kind-registry.js";
import { addOffset } from "../calendar.js";
import type { OutcomeEvent } from "../events.js";
import type { PrepareContext } from "../terms/kind.js";
import type { EventLookup } from "./history.js";
import type { AnyConditionKind, ConditionCheck, DueDate, PreparedOf } from "./kind.js";

/** The document form of a list's conditions (its schemas' output). */
export type TermsOf<K> = K extends { readonly schema: infer S extends z.ZodType } ? z.output<S> : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Has<L extends readonly unknown[], S> = L extends readonly [infer H, ...infer R] ? (Same<H, S> extends true ? true : Has<R, S>) : false;
type Distinct<T extends readonly unknown[], Seen extends readonly unknown[] = []> = T extends readonly [infer H, ...infer R] ? (Has<Seen, H> extends true ? Distinct<R, Seen> : Distinct<R, [...Seen, H]>) : Seen;

/** The tuple of distinct schemas of a tuple of condition types, in order of first appearance. */
export type DistinctSchemas<T extends readonly unknown[]> = Distinct<KindSchemas<T>>;

/**
 * The schemas of `kinds` for `z.discriminatedUnion`, each once: two types that share a
 * schema (`none`, `some`) give it one place in the union, where its first type stood.
 * The type drops the same entries as the value (the JSON Schema build pairs the union's
 * members with its type's tuple by position).
 */
export function distinctSchemas<T extends readonly AnyConditionKind[]>(kinds: T): DistinctSchemas<T> {
  return [...new Set(kindSchemas(kinds) as unknown as readonly z.ZodType[])] as unknown as DistinctSchemas<T>;
}

const OK: ConditionCheck = { ok: true };

/** Prepares and checks the conditions of a list of types, each by its type's record. */
export interface ConditionDispatch<K extends AnyConditionKind> {
  /** One condition with its wording, its matchers prepared; `path` is the condition's path. */
  parse(c: TermsOf<K>, ctx: PrepareContext, path: readonly (string | number)[]): PreparedOf<K>;
  /** Checks conditions on `onDate`, counting events from `start` through `onDate` (or the condition's own window end): all held, or the first that failed. */
  check(conditions: readonly PreparedOf<K>[], history: readonly OutcomeEvent[] | EventLookup, start: string, onDate: string, dueDate?: DueDate): ConditionCheck;
}

/** The dispatch over `kinds`. */
export function conditionDispatch<K extends AnyConditionKind>(kinds: readonly K[]): ConditionDispatch<K> {
  const kindOf = kindLookup(kinds);
  return {
    parse: (c, ctx, path) => (kindOf((c as { type: string }).type) as K).prepare(c as never, ctx, path) as PreparedOf<K>,
    check(conditions, history, start, onDate, dueDate = addOffset) {
      for (const c of conditions) {
        let through = onDate;
        if (c.within !== null) {
          const end = dueDate(start, c.within);
          if (end < through) through = end;
        }
        const failure = (kindOf(c.type) as K).check(c as never, history, start, onDate, through, dueDate);
        if (failure !== null) return failure;
      }
      return OK;
    },
  };
}
