// The registry of contract condition types, one line per type: the condition schema's
// discriminated union is assembled from this list, and a condition is prepared and
// checked by the record of its `type` (on the bulk and the explained path alike).
// Adding a type: write conditions/<type>.ts (schema, prepare, check with its words) and
// add it to milestones.ts when a deadline may wait for it, else to the list below.
import * as z from "zod";
import { lazySchema } from "../../kernel/lazy-schema.js";
import type { PrepareContext } from "../terms/kind.js";
import { conditionDispatch, distinctSchemas } from "./dispatch.js";
import type { PreparedOf } from "./kind.js";
import { MILESTONE_KINDS } from "./milestones.js";
import { byDeadlineKind } from "./by-deadline.js";

/**
 * The contract's condition types, in the order of the union.
 *
 * @category Term Kinds
 */
export const CONDITION_KINDS = [
  ...MILESTONE_KINDS, // none, some, count, sustained
  byDeadlineKind,
] as const;

/**
 * A condition checked on a date (a due date, an assessment date), counting events from
 * treatment start through that date inclusive — or through `within` after start if
 * that ends sooner. `none`: no matching event happened (no CRS, alive, no relapse).
 * `some`: at least one happened (improvement recorded, response CR/PR seen). `count`:
 * the number of matching events is within `atLeast` / `atMost`. `sustained`: a state
 * held for a span. `byDeadline`: a milestone met by a deadline.
 *
 * @category Term Kinds
 */
export const conditionSchema = lazySchema(() => z.discriminatedUnion("type", distinctSchemas(CONDITION_KINDS)));

/**
 * A condition after validation.
 *
 * @category Term Kinds
 */
export type ConditionTerms = z.output<typeof conditionSchema>;

/**
 * A condition ready for evaluation, with its human wording ("no CRS since treatment start").
 *
 * @category Term Kinds
 */
export type ParsedCondition = PreparedOf<(typeof CONDITION_KINDS)[number]>;

const conditions = conditionDispatch<(typeof CONDITION_KINDS)[number]>(CONDITION_KINDS);

/** One condition (or milestone) with its wording, its matchers prepared; `path` is the condition's path. */
export const parseCondition = conditions.parse;

/** Checks conditions on `onDate`, counting events from `start` through `onDate` (or the condition's own window end). */
export const checkConditions = conditions.check;

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
