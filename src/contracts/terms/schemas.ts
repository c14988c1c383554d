// Building blocks every term kind uses: when something falls due, which events a term
// looks for, and the conditions a payment is made on.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import { fractionOf } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { isoDateSchema } from "../../core/index.js";
import { RESPONSE_CATEGORIES } from "../events.js";
import { attributeTestsSchema, type ParsedAttributeTest } from "../outcomes/attribute-tests.js";
import { countConditionSchemaOf, sustainedConditionSchemaOf } from "../outcomes/condition-kinds.js";
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
 * A basic condition checked on a date (a due date, an assessment date), counting events
 * from treatment start through that date inclusive — or through `within` after start if
 * that ends sooner. `none`: no matching event happened (no CRS, alive, no relapse).
 * `some`: at least one happened (improvement recorded, response CR/PR seen).
 */
const basicConditionSchema = lazySchema(() => z.strictObject({
  /** `none`: holds when none of the events happened; `some`: when at least one did. */
  type: z.enum(["none", "some"]),
  /** The events the condition looks for. */
  events: z.array(eventMatcherSchema).min(1),
  /** Only events within this offset from the treatment start count; up to the due date when absent. */
  within: dueOffsetSchema.optional(),
  /** A readable label for explanations. */
  label: z.string().min(1).optional(),
}));

/**
 * `count`: at least / at most so many matching events (outcomes/condition-kinds.ts).
 *
 * @category Term Kinds
 */
export const countConditionSchema = lazySchema(() => countConditionSchemaOf({ matcher: eventMatcherSchema, offset: dueOffsetSchema }));

/**
 * `sustained`: a state held for a span, evidenced by a run of assessments (outcomes/condition-kinds.ts).
 *
 * @category Term Kinds
 */
export const sustainedConditionSchema = lazySchema(() => sustainedConditionSchemaOf({ matcher: eventMatcherSchema, offset: dueOffsetSchema }));

/**
 * A milestone: what should have happened by a deadline (any condition but a deadline itself).
 *
 * @category Term Kinds
 */
export const milestoneSchema = lazySchema(() => z.discriminatedUnion("type", [basicConditionSchema, countConditionSchema, sustainedConditionSchema]));

/**
 * The parts every deadline term shares: `by` (an offset from treatment start, or a
 * calendar date), the `milestone` that should have been met by then, and optionally the
 * `assessment` that would show it, with `ifMissing` saying how an assessment that was
 * due and not recorded counts (`met` or `missed`; no default).
 */
export const deadlineFields = lazySchema(() => ({
  by: z.union([
    dueOffsetSchema,
    z.strictObject({
      /** The deadline as a calendar date (YYYY-MM-DD). */
      date: isoDateSchema,
    }),
  ]),
  milestone: milestoneSchema,
  assessment: z
    .strictObject({
      /** Matchers of the assessment events that would show the milestone, at least one. */
      events: z.array(eventMatcherSchema).min(1),
      /** How an assessment that was due and not recorded counts: `met` or `missed` (no default). */
      ifMissing: z.enum(["met", "missed"]),
    })
    .optional(),
}));

/**
 * `byDeadline`: holds when the milestone counted as met at its deadline (terms/deadline.ts);
 * checked on a date on or after the deadline — "no response by day 30 → no payment".
 *
 * @category Term Kinds
 */
export const byDeadlineConditionSchema = lazySchema(() => z.strictObject({
  /** Condition kind `byDeadline`: holds when the milestone counted as met at its deadline. */
  type: z.literal("byDeadline"),
  ...deadlineFields,
  /** How the condition reads in ledgers and explanations; generated when absent. */
  label: z.string().min(1).optional(),
}));

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
export const conditionSchema = lazySchema(() => z.discriminatedUnion("type", [basicConditionSchema, countConditionSchema, sustainedConditionSchema, byDeadlineConditionSchema]));

/**
 * A condition after validation.
 *
 * @category Term Kinds
 */
export type ConditionTerms = z.output<typeof conditionSchema>;
/**
 * A milestone after validation.
 *
 * @category Term Kinds
 */
export type MilestoneTerms = z.output<typeof milestoneSchema>;
/**
 * An event matcher after validation; `tests` (a declared kind's attribute tests) and `text` are added when the contract is parsed.
 *
 * @category Term Kinds
 */
export type EventMatcher = z.output<typeof eventMatcherSchema> & { readonly tests?: readonly ParsedAttributeTest[]; readonly text?: string };

/**
 * A share of an amount as an exact fraction num / den (den > 0), with the text it was written as.
 *
 * @category Term Kinds
 */
export interface ExactShare {
  readonly num: bigint;
  readonly den: bigint;
  /** As written: "0.25", "1/3". */
  readonly text: string;
}

/** At most this many digits on either side of a fraction's slash (the M3 digit bound). */
const FRACTION = /^(\d{1,64})\/(\d{1,64})$/;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * A share in [0, 1], exactly: a decimal (`"0.25"`, `0.4`) or a fraction of whole numbers
 * (`"1/3"`), so three equal tranches are written `"1/3"` rather than a rounded
 * 0.3333333333. `"1/0"` and shares above 1 are refused at the field.
 *
 * @category Term Kinds
 */
export const shareSchema = lazySchema(() => z.union([z.string(), z.number()]).transform((v, ctx): ExactShare => {
  if (typeof v === "string" && v.includes("/")) {
    const m = FRACTION.exec(v);
    if (m === null) {
      ctx.addIssue({ code: "custom", message: `${JSON.stringify(v.slice(0, 40))} is not a share: write a decimal in [0, 1] ("0.25") or a fraction of whole numbers ("1/3")` });
      return z.NEVER;
    }
    const num = BigInt(m[1] as string);
    const den = BigInt(m[2] as string);
    if (den === 0n) {
      ctx.addIssue({ code: "custom", message: `${v} is undefined: a fraction's denominator is a whole number ≥ 1` });
      return z.NEVER;
    }
    if (num > den) {
      ctx.addIssue({ code: "custom", message: `${v} is more than 1: a share is at most the whole` });
      return z.NEVER;
    }
    return { num, den, text: v };
  }
  // Decimals go through the rate schema, with its messages (limits, "write 0.8" hints).
  const rate = rateSchema.safeParse(v);
  if (!rate.success) {
    // Re-raised without their default text, so the caller's error map words them as for any rate.
    for (const issue of rate.error.issues) {
      const { message, ...raw } = issue;
      ctx.addIssue((message === "Invalid input" ? { ...raw, input: v } : { ...raw, message }) as never);
    }
    return z.NEVER;
  }
  const f = fractionOf(rate.data);
  return { num: f.num, den: f.den, text: rate.data.toString() };
}));

/** True for a share the schema produced (a refinement may run after a share was refused). */
export function isExactShare(s: unknown): s is ExactShare {
  return typeof s === "object" && s !== null && typeof (s as ExactShare).num === "bigint" && typeof (s as ExactShare).den === "bigint" && (s as ExactShare).den > 0n;
}

/** Σ shares as an exact fraction (reduced). */
export function sumShares(shares: readonly { readonly num: bigint; readonly den: bigint }[]): { num: bigint; den: bigint } {
  let num = 0n;
  let den = 1n;
  for (const s of shares) {
    num = num * s.den + s.num * den;
    den *= s.den;
    const g = gcd(num, den);
    if (g > 1n) {
      num /= g;
      den /= g;
    }
  }
  return { num, den };
}

/** A share as a percentage when it is a finite decimal ("30%"), else as written ("1/3"). */
export function shareWords(s: ExactShare): string {
  let d = s.den;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n || s.text.includes("/")) return `${s.text}`;
  return `${new D(s.text).times(100).toString()}%`;
}

/** A fraction whose denominator divides a power of ten, as a decimal ("0.9"). */
function decimalText(f: { num: bigint; den: bigint }): string {
  let places = 0;
  let den = f.den;
  let num = f.num;
  while (den !== 1n && places < 80) {
    const g = den % 10n === 0n ? 10n : den % 5n === 0n ? 5n : 2n;
    den /= g;
    num *= 10n / g;
    places++;
  }
  const digits = num.toString().padStart(places + 1, "0");
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`.replace(/0+$/, "").replace(/\.$/, "");
  return text;
}


/** A sum of shares in words: a decimal when every share was written as one ("0.9"), else a fraction ("4/3"). */
export function exactText(total: { num: bigint; den: bigint }, parts: readonly ExactShare[]): string {
  if (total.den === 1n) return total.num.toString();
  return parts.every((p) => !p.text.includes("/")) ? decimalText(total) : `${total.num}/${total.den}`;
}
