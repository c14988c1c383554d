// The condition types a deadline can wait for (its milestone): every type but `byDeadline`
// itself, one line each. registry.ts adds `byDeadline` (by-deadline.ts, which reads this
// list for its milestone) to make the contract's condition types. A new type that can be
// a milestone is one file and one line here; one that cannot, one line in registry.ts.
import * as z from "zod";
import { lazySchema } from "../../kernel/lazy-schema.js";
import { conditionDispatch, distinctSchemas } from "./dispatch.js";
import type { PreparedOf } from "./kind.js";
import { noneKind } from "./none.js";
import { someKind } from "./some.js";
import { countKind } from "./count.js";
import { sustainedKind } from "./sustained.js";

/**
 * The condition types a milestone may be, in the order of the union.
 *
 * @category Term Kinds
 */
export const MILESTONE_KINDS = [
  noneKind,
  someKind,
  countKind,
  sustainedKind,
] as const;

/**
 * A milestone: what should have happened by a deadline (any condition but a deadline itself).
 *
 * @category Term Kinds
 */
export const milestoneSchema = lazySchema(() => z.discriminatedUnion("type", distinctSchemas(MILESTONE_KINDS)));

/**
 * A milestone after validation.
 *
 * @category Term Kinds
 */
export type MilestoneTerms = z.output<typeof milestoneSchema>;

/** A milestone ready for evaluation. */
export type ParsedMilestone = PreparedOf<(typeof MILESTONE_KINDS)[number]>;

const milestones = conditionDispatch<(typeof MILESTONE_KINDS)[number]>(MILESTONE_KINDS);

/** A milestone with its wording, its matchers prepared; `path` is the milestone's path. */
export const parseMilestone = milestones.parse;

/** Checks milestones on a date (as checkConditions does any condition). */
export const checkMilestones = milestones.check;
