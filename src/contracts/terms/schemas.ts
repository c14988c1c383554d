// Building blocks every term kind uses: when something falls due, which events a term
// looks for, and the conditions a payment is made on.
import * as z from "zod";
import { isoDateSchema } from "../../core/index.js";
import { RESPONSE_CATEGORIES } from "../events.js";
import { attributeTestsSchema, type ParsedAttributeTest } from "../outcomes/attribute-tests.js";
import { countConditionSchemaOf, sustainedConditionSchemaOf } from "../outcomes/condition-kinds.js";

// Built-in kinds and declared ones: which it is, is checked against the contract's
// `outcomes` when the contract is parsed (the schema alone cannot see the declarations).
const eventKindSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: (i) => `${JSON.stringify(i.input)} is not an event kind name` });

/**
 * When something falls due, counted from treatment start: whole calendar months, then
 * whole days (`{ "months": 3 }`, `{ "days": 30 }`). Month arithmetic clamps to month end.
 */
export const dueOffsetSchema = z
  .strictObject({
    months: z.number().int().min(0).max(1200).optional(),
    days: z.number().int().min(0).max(36_500).optional(),
  })
  .transform((o) => ({ months: o.months ?? 0, days: o.days ?? 0 }));

/**
 * Which events a condition or trigger looks for: a kind (`"death"`), or a kind with a
 * minimum grade (`{ "kind": "crs", "minGrade": 3 }`) or a set of responses
 * (`{ "kind": "assessment", "responses": ["CR", "PR"] }`), or a kind the contract
 * declares under `outcomes` with tests on its attributes
 * (`{ "kind": "hospitalisation", "where": { "days": { "gte": 2 } } }`).
 */
export const eventMatcherSchema = z
  .union([
    eventKindSchema,
    z.strictObject({
      kind: eventKindSchema,
      minGrade: z.number().int().min(1).max(5).optional(),
      responses: z.array(z.enum(RESPONSE_CATEGORIES)).min(1).optional(),
      where: attributeTestsSchema.optional(),
    }),
  ])
  .transform((m) => (typeof m === "string" ? { kind: m } : m))
  .refine((m) => m.minGrade === undefined || m.kind === "crs" || m.kind === "seriousAdverseEvent", {
    message: "minGrade applies only to crs and seriousAdverseEvent",
    path: ["minGrade"],
  })
  .refine((m) => m.responses === undefined || m.kind === "assessment", {
    message: "responses apply only to assessment events",
    path: ["responses"],
  });

const basicConditionSchema = z.strictObject({
  type: z.enum(["none", "some"]),
  events: z.array(eventMatcherSchema).min(1),
  within: dueOffsetSchema.optional(),
  label: z.string().min(1).optional(),
});

/** `count`: at least / at most so many matching events (outcomes/condition-kinds.ts). */
export const countConditionSchema = countConditionSchemaOf({ matcher: eventMatcherSchema, offset: dueOffsetSchema });

/** `sustained`: a state held for a span, evidenced by a run of assessments (outcomes/condition-kinds.ts). */
export const sustainedConditionSchema = sustainedConditionSchemaOf({ matcher: eventMatcherSchema, offset: dueOffsetSchema });

/** A milestone: what should have happened by a deadline (any condition but a deadline itself). */
export const milestoneSchema = z.discriminatedUnion("type", [basicConditionSchema, countConditionSchema, sustainedConditionSchema]);

/**
 * The parts every deadline term shares: `by` (an offset from treatment start, or a
 * calendar date), the `milestone` that should have been met by then, and optionally the
 * `assessment` that would show it, with `ifMissing` saying how an assessment that was
 * due and not recorded counts (`met` or `missed`; no default).
 */
export const deadlineFields = {
  by: z.union([dueOffsetSchema, z.strictObject({ date: isoDateSchema })]),
  milestone: milestoneSchema,
  assessment: z.strictObject({ events: z.array(eventMatcherSchema).min(1), ifMissing: z.enum(["met", "missed"]) }).optional(),
};

/**
 * `byDeadline`: holds when the milestone counted as met at its deadline (terms/deadline.ts);
 * checked on a date on or after the deadline — "no response by day 30 → no payment".
 */
export const byDeadlineConditionSchema = z.strictObject({ type: z.literal("byDeadline"), ...deadlineFields, label: z.string().min(1).optional() });

/**
 * A condition checked on a date (a due date, an assessment date), counting events from
 * treatment start through that date inclusive — or through `within` after start if
 * that ends sooner. `none`: no matching event happened (no CRS, alive, no relapse).
 * `some`: at least one happened (improvement recorded, response CR/PR seen). `count`:
 * the number of matching events is within `atLeast` / `atMost`. `sustained`: a state
 * held for a span. `byDeadline`: a milestone met by a deadline.
 */
export const conditionSchema = z.discriminatedUnion("type", [basicConditionSchema, countConditionSchema, sustainedConditionSchema, byDeadlineConditionSchema]);

/** A condition after validation. */
export type ConditionTerms = z.output<typeof conditionSchema>;
/** A milestone after validation. */
export type MilestoneTerms = z.output<typeof milestoneSchema>;
/** An event matcher after validation; `tests` (a declared kind's attribute tests) and `text` are added when the contract is parsed. */
export type EventMatcher = z.output<typeof eventMatcherSchema> & { readonly tests?: readonly ParsedAttributeTest[]; readonly text?: string };
