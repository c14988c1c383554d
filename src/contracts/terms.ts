import * as z from "zod";
import { isoDateSchema, nonNegativeAmountSchema, rateSchema, roundingSchema } from "../core/index.js";
import { currencyCodeSchema } from "../core/index.js";
import { D } from "../money/decimal.js";
import { RESPONSE_CATEGORIES } from "./events.js";
import { attributeTestsSchema, type ParsedAttributeTest } from "./outcomes/attribute-tests.js";
import { countConditionSchemaOf, sustainedConditionSchemaOf } from "./outcomes/condition-kinds.js";
import { outcomeDeclarationsSchema } from "./outcomes/declarations.js";
import { deadlineTermSchemaOf } from "./terms/deadline.js";
import { perCyclePaymentSchemaOf } from "./terms/per-cycle.js";

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
 * (`{ "kind": "assessment", "responses": ["CR", "PR"] }`).
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

/**
 * A condition checked on a date (a due date, an assessment date), counting events from
 * treatment start through that date inclusive — or through `within` after start if
 * that ends sooner. `none`: no matching event happened (no CRS, alive, no relapse).
 * `some`: at least one happened (improvement recorded, response CR/PR seen).
 */
const basicConditionSchema = z.strictObject({
  type: z.enum(["none", "some"]),
  events: z.array(eventMatcherSchema).min(1),
  within: dueOffsetSchema.optional(),
  label: z.string().min(1).optional(),
});

/** `count`: at least / at most so many matching events (see outcomes/condition-kinds.ts). */
export const countConditionSchema = countConditionSchemaOf({ matcher: eventMatcherSchema, offset: dueOffsetSchema });

/** `sustained`: a state held for a span, evidenced by a run of assessments (see outcomes/condition-kinds.ts). */
export const sustainedConditionSchema = sustainedConditionSchemaOf({ matcher: eventMatcherSchema, offset: dueOffsetSchema });

/**
 * A condition checked on a date. `none` / `some`: no matching event / at least one, from
 * treatment start through the date (or start + `within`). `count`: the number of matching
 * events is within `atLeast` / `atMost`. `sustained`: a state held for a span.
 */
export const conditionSchema = z.discriminatedUnion("type", [basicConditionSchema, countConditionSchema, sustainedConditionSchema]);

/** One installment or milestone of a price: its share, when it falls due, and the conditions it is paid on. */
export const installmentTermSchema = z.strictObject({
  id: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  share: rateSchema,
  due: dueOffsetSchema,
  conditions: z.array(conditionSchema).default([]),
});

/** Milestones / installments: shares of the price (summing to exactly 1) due at offsets, each with conditions. */
export const scheduleTermSchema = z.strictObject({
  type: z.literal("schedule"),
  installments: z.array(installmentTermSchema).min(1),
});

/**
 * Installment financing (K12): the price is a principal repaid in `periods` equal
 * payments at `periodicRate`, one every `intervalMonths`, the first at `firstDue`
 * (default one interval after start). `conditions` apply to every payment, so a
 * condition such as "no progression" stops the payments at failure.
 */
export const financingTermSchema = z.strictObject({
  type: z.literal("financing"),
  periodicRate: rateSchema,
  periods: z.number().int().min(1).max(1200),
  intervalMonths: z.number().int().min(1).max(120).default(12),
  firstDue: dueOffsetSchema.optional(),
  conditions: z.array(conditionSchema).default([]),
});

/**
 * Per-treated-month pricing (K4): every `treatedMonth` event is paid at the price. The
 * first `stopOn` event stops treatment: later treated months are not paid (withheld).
 */
export const perTreatedMonthTermSchema = z.strictObject({
  type: z.literal("perTreatedMonth"),
  stopOn: z.array(eventMatcherSchema).default([]),
  maxMonths: z.number().int().min(1).max(1200).optional(),
});

/** Per-administration (per-cycle) pricing with cost sharing, a cap and payment at result (terms/per-cycle.ts). */
export const perCycleTermSchema = perCyclePaymentSchemaOf({ matcher: eventMatcherSchema, offset: dueOffsetSchema });

/** How the contract's price is paid: exactly one of schedule, financing, per-treated-month or per-cycle. */
export const paymentTermSchema = z.discriminatedUnion("type", [scheduleTermSchema, financingTermSchema, perTreatedMonthTermSchema, perCycleTermSchema]);

/** A refund, clawback, withhold or bonus that follows from a milestone missed (or met) by a deadline (terms/deadline.ts). */
export const deadlineTermSchema = deadlineTermSchemaOf({ matcher: eventMatcherSchema, condition: conditionSchema, offset: dueOffsetSchema });

/**
 * A bonus on top of the price. `fixed`: a lump sum due at an offset if its conditions
 * hold. `perTreatedMonth` (K4): at `assessAt` the conditions are checked; if they hold,
 * every treated month from `fromMonth` on earns `amount` — and, when `retroactive`,
 * the earlier months too.
 */
export const bonusTermSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("fixed"),
    id: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    amount: nonNegativeAmountSchema,
    due: dueOffsetSchema,
    conditions: z.array(conditionSchema).default([]),
  }),
  z.strictObject({
    type: z.literal("perTreatedMonth"),
    id: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    amount: nonNegativeAmountSchema,
    assessAt: dueOffsetSchema,
    conditions: z.array(conditionSchema).default([]),
    fromMonth: z.number().int().min(1).max(1200).default(1),
    retroactive: z.boolean().default(false),
  }),
]);

/**
 * A refund or clawback: when the first `trigger` event happens (within `within` of
 * start, if given), `share` of what has been paid is returned, dated on the event —
 * and the same share of anything paid afterwards. `base` says whether bonuses count.
 * The shares of all refund terms of a contract may not exceed 1 together.
 */
export const refundTermSchema = z.strictObject({
  type: z.enum(["refund", "clawback"]),
  id: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  trigger: z.array(eventMatcherSchema).min(1),
  within: dueOffsetSchema.optional(),
  share: rateSchema,
  base: z.enum(["payments", "paymentsAndBonuses"]).default("payments"),
});

/** The period a contract version applies to patients starting treatment in: `[from, to)`; no `to` = open-ended. */
export const effectivePeriodSchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema.nullable().optional() })
  .refine((p) => p.to === undefined || p.to === null || p.from < p.to, { message: "the effective period must end after it starts", path: ["to"] });

/**
 * An outcome-based contract for one patient's treatment, as stored JSON. `price` is the
 * total price for `schedule`, the principal for `financing`, and the price per treated
 * month for `perTreatedMonth`.
 */
export const contractSchema = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().optional(),
    version: z.string().optional(),
    currency: currencyCodeSchema,
    price: nonNegativeAmountSchema,
    rounding: roundingSchema.default("half-up"),
    effective: effectivePeriodSchema.optional(),
    outcomes: outcomeDeclarationsSchema.optional(),
    payment: paymentTermSchema,
    bonuses: z.array(bonusTermSchema).default([]),
    refunds: z.array(refundTermSchema).default([]),
    deadlines: z.array(deadlineTermSchema).default([]),
    notes: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.payment.type === "schedule") {
      const total = c.payment.installments.reduce((acc, i) => acc.plus(i.share), new D(0));
      if (!total.equals(1)) {
        ctx.addIssue({
          code: "custom",
          path: ["payment", "installments"],
          message: `installment shares must sum to exactly 1 (100%), got ${total.toString()}`,
        });
      }
    }
    // Every share that can be returned, whatever triggers it: refund terms, deadline
    // refunds and clawbacks, a per-cycle non-responder refund.
    let refundShare = c.refunds.reduce((acc, r) => acc.plus(r.share), new D(0));
    let others = false;
    for (const d of c.deadlines) {
      if (d.consequence.type === "refund" || d.consequence.type === "clawback") {
        refundShare = refundShare.plus(d.consequence.share);
        others = true;
      }
    }
    if (c.payment.type === "perCycle" && c.payment.result?.nonResponderRefund !== undefined) {
      refundShare = refundShare.plus(c.payment.result.nonResponderRefund);
      others = true;
    }
    if (refundShare.greaterThan(1)) {
      const which = others ? " (refund terms, deadline refunds and clawbacks, the non-responder refund)" : "";
      ctx.addIssue({ code: "custom", path: ["refunds"], message: `refund and clawback shares together${which} exceed 1 (${refundShare.toString()}): more than was paid could be returned` });
    }
    const ids = new Set(c.payment.type === "schedule" ? c.payment.installments.map((inst, k) => inst.id ?? `installment-${k + 1}`) : []);
    c.deadlines.forEach((d, k) => {
      if (d.consequence.type !== "withhold") return;
      d.consequence.installments.forEach((id, j) => {
        if (!ids.has(id)) {
          ctx.addIssue({ code: "custom", path: ["deadlines", k, "consequence", "installments", j], message: `no installment ${JSON.stringify(id)} in the schedule${ids.size > 0 ? ` (installments: ${[...ids].join(", ")})` : " (the contract has no schedule)"}` });
        }
      });
    });
  });

/** A contract document as written in JSON (the input of {@link contractSchema}). */
export type ContractInput = z.input<typeof contractSchema>;
/** A contract after schema validation (decimals parsed, defaults filled). */
export type ContractTerms = z.output<typeof contractSchema>;
/** A condition after validation. */
export type ConditionTerms = z.output<typeof conditionSchema>;
/** An event matcher after validation; `tests` (a declared kind's attribute tests) and `text` are added when the contract is parsed. */
export type EventMatcher = z.output<typeof eventMatcherSchema> & { readonly tests?: readonly ParsedAttributeTest[]; readonly text?: string };

/**
 * Versions of one contract: each with an effective period; periods may not overlap.
 * A patient is settled under the version in effect on the treatment start date.
 */
export const contractVersionsSchema = z
  .strictObject({
    id: z.string().min(1).optional(),
    versions: z.array(contractSchema).min(1),
  })
  .superRefine((set, ctx) => {
    set.versions.forEach((v, i) => {
      if (v.effective === undefined) ctx.addIssue({ code: "custom", path: ["versions", i, "effective"], message: "each version of a versioned contract needs an effective period" });
    });
    const order = set.versions
      .map((v, i) => ({ v, i }))
      .filter((x) => x.v.effective !== undefined)
      .sort((a, b) => (a.v.effective!.from < b.v.effective!.from ? -1 : a.v.effective!.from > b.v.effective!.from ? 1 : a.i - b.i));
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1]!;
      const next = order[k]!;
      const prevTo = prev.v.effective!.to ?? null;
      if (prevTo === null || prevTo > next.v.effective!.from) {
        ctx.addIssue({
          code: "custom",
          path: ["versions", next.i, "effective"],
          message: `version ${next.i} (from ${next.v.effective!.from}) overlaps version ${prev.i} (${prev.v.effective!.from} to ${prevTo ?? "open end"})`,
        });
      }
    }
  });

/** A versioned contract document as written in JSON. */
export type ContractVersionsInput = z.input<typeof contractVersionsSchema>;
