// The schema `none` and `some` share (they differ only in what they ask of the events it
// names), and the preparation they share. Each type is its own record (none.ts, some.ts);
// the union schema takes this schema once.
import * as z from "zod";
import type { DueOffset } from "../calendar.js";
import type { PrepareContext } from "../terms/kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";
import { dueOffsetSchema, eventMatcherSchema, type EventMatcher } from "./parts.js";
import type { PreparedCondition } from "./kind.js";
import { describeMatcher, prepareMatchers, rememberable } from "./words.js";

/**
 * A basic condition checked on a date (a due date, an assessment date), counting events
 * from treatment start through that date inclusive — or through `within` after start if
 * that ends sooner. `none`: no matching event happened (no CRS, alive, no relapse).
 * `some`: at least one happened (improvement recorded, response CR/PR seen).
 */
export const basicConditionSchema = lazySchema(() => z.strictObject({
  /** `none`: holds when none of the events happened; `some`: when at least one did. */
  type: z.enum(["none", "some"]),
  /** The events the condition looks for. */
  events: z.array(eventMatcherSchema).min(1),
  /** Only events within this offset from the treatment start count; up to the due date when absent. */
  within: dueOffsetSchema.optional(),
  /** A readable label for explanations. */
  label: z.string().min(1).optional(),
}));

/** A `none` or `some` condition ready for evaluation. */
export interface ParsedPresence<Type extends "none" | "some"> extends PreparedCondition<Type> {
  readonly events: readonly EventMatcher[];
  /** Checked from one per-patient answer on any date (a condition without a window of its own: none, some, or count without `within` or `rolling`). */
  readonly remembered: boolean;
}

/** Prepares a `none` or `some` condition; `label` words it from its events in words and its window in words. */
export function preparePresence<Type extends "none" | "some">(
  c: { readonly type: Type; readonly events: readonly unknown[]; readonly within?: DueOffset | undefined; readonly label?: string | undefined },
  ctx: PrepareContext,
  path: readonly (string | number)[],
  label: (what: string, within: DueOffset | undefined) => string,
): ParsedPresence<Type> {
  const events = prepareMatchers(c.events, ctx, [...path, "events"]);
  const what = events.map(describeMatcher).join(" or ");
  return { type: c.type, events, within: c.within ?? null, label: c.label ?? label(what, c.within), remembered: rememberable(events, c.within, undefined) };
}
