// The schema parts every condition type (and every term kind) is made of: which events a
// condition looks for, and offsets from treatment start. They sit here, below the
// condition types and the term schemas (terms/schemas.ts re-exports them), so a
// condition type's file can hold its own schema without an import cycle.
import * as z from "zod";
import { RESPONSE_CATEGORIES } from "../events.js";
import { attributeTestsSchema, type ParsedAttributeTest } from "../outcomes/attribute-tests.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

// Built-in kinds and declared ones: which it is, is checked against the contract's
// `outcomes` when the contract is parsed (the schema alone cannot see the declarations).
const eventKindSchema = lazySchema(() => z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { error: (i) => `${JSON.stringify(i.input)} is not an event kind name` }));

/**
 * When something falls due, counted from treatment start: whole calendar months, then
 * whole days (`{ "months": 3 }`, `{ "days": 30 }`). Month arithmetic clamps to month end.
 *
 * @category Term Kinds
 */
export const dueOffsetSchema = lazySchema(() => z
  .strictObject({
    /** Calendar months after the treatment start (month-end clamped). */
    months: z.number().int().min(0).max(1200).optional(),
    /** Days added after the months. */
    days: z.number().int().min(0).max(36_500).optional(),
  })
  .transform((o) => ({ months: o.months ?? 0, days: o.days ?? 0 })));

/**
 * Which events a condition or trigger looks for: a kind (`"death"`), or a kind with a
 * minimum grade (`{ "kind": "crs", "minGrade": 3 }`) or a set of responses
 * (`{ "kind": "assessment", "responses": ["CR", "PR"] }`).
 *
 * @category Term Kinds
 */
export const eventMatcherSchema = lazySchema(() => z
  .union([
    eventKindSchema,
    z.strictObject({
      /** The event kind matched: a built-in kind (`crs`, `assessment`, `death` …) or one the contract declares under `outcomes`. */
      kind: eventKindSchema,
      /** The lowest grade that counts (crs and seriousAdverseEvent only). */
      minGrade: z.number().int().min(1).max(5).optional(),
      /** The response categories that count (assessment events only). */
      responses: z.array(z.enum(RESPONSE_CATEGORIES)).min(1).optional(),
      /** Tests on the attributes of a declared kind's event, by attribute name; all must pass. */
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
  }));

/**
 * An event matcher after validation; `tests` (a declared kind's attribute tests) and `text` are added when the contract is parsed.
 *
 * @category Term Kinds
 */
export type EventMatcher = z.output<typeof eventMatcherSchema> & { readonly tests?: readonly ParsedAttributeTest[]; readonly text?: string };
