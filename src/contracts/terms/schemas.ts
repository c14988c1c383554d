// Building blocks every term kind uses: when something falls due, which events a term
// looks for, and the conditions a payment is made on.
import * as z from "zod";
import { OUTCOME_EVENT_KINDS, RESPONSE_CATEGORIES } from "../events.js";

/**
 * When something falls due, counted from treatment start: whole calendar months, then
 * whole days (`{ "months": 3 }`, `{ "days": 30 }`). Month arithmetic clamps to month end.
 */
export const dueOffsetSchema = z
  .strictObject({
    /** Calendar months after the treatment start (month-end clamped). */
    months: z.number().int().min(0).max(1200).optional(),
    /** Days added after the months. */
    days: z.number().int().min(0).max(36_500).optional(),
  })
  .transform((o) => ({ months: o.months ?? 0, days: o.days ?? 0 }));

/**
 * Which events a condition or trigger looks for: a kind (`"death"`), or a kind with a
 * minimum grade (`{ "kind": "crs", "minGrade": 3 }`) or a set of responses
 * (`{ "kind": "assessment", "responses": ["CR", "PR"] }`).
 */
export const eventMatcherSchema = z
  .union([
    z.enum(OUTCOME_EVENT_KINDS),
    z.strictObject({
      kind: z.enum(OUTCOME_EVENT_KINDS),
      /** The lowest grade that counts (crs and seriousAdverseEvent only). */
      minGrade: z.number().int().min(1).max(5).optional(),
      /** The response categories that count (assessment events only). */
      responses: z.array(z.enum(RESPONSE_CATEGORIES)).min(1).optional(),
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

/**
 * A condition checked on a date (a due date, an assessment date), counting events from
 * treatment start through that date inclusive — or through `within` after start if
 * that ends sooner. `none`: no matching event happened (no CRS, alive, no relapse).
 * `some`: at least one happened (improvement recorded, response CR/PR seen).
 */
export const conditionSchema = z.strictObject({
  /** `none`: holds when none of the events happened; `some`: when at least one did. */
  type: z.enum(["none", "some"]),
  /** The events the condition looks for. */
  events: z.array(eventMatcherSchema).min(1),
  /** Only events within this offset from the treatment start count; up to the due date when absent. */
  within: dueOffsetSchema.optional(),
  /** A readable label for explanations. */
  label: z.string().min(1).optional(),
});

/** A condition after validation. */
export type ConditionTerms = z.output<typeof conditionSchema>;
/** An event matcher after validation. */
export type EventMatcher = z.output<typeof eventMatcherSchema>;
