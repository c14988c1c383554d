// Payment kind `financing` (K12): the price is a principal repaid in equal periodic payments.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import { describeOffset } from "../calendar.js";
import { installmentFinancing } from "../financing.js";
import { toUnits } from "../../money/minor-units.js";
import { type PayingTermKind, parseConditions } from "./kind.js";
import { draftInstallments, installmentsTotal, type ParsedInstallment } from "./installment-lines.js";
import { conditionSchema, dueOffsetSchema } from "./schemas.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Installment financing (K12): the price is a principal repaid in `periods` equal
 * payments at `periodicRate`, one every `intervalMonths`, the first at `firstDue`
 * (default one interval after start). `conditions` apply to every payment, so a
 * condition such as "no progression" stops the payments at failure.
 *
 * @category Term Kinds
 */
export const financingTermSchema = lazySchema(() => z.strictObject({
  /** Payment type `financing` (分期付款 as an annuity, K12): the price is repaid in equal payments. */
  type: z.literal("financing"),
  /** The interest rate per period, in [0, 1] (0.03 = 3 % a period). */
  periodicRate: rateSchema,
  /** The number of equal annuity payments. */
  periods: z.number().int().min(1).max(1200),
  /** Calendar months between payments (default 12). */
  intervalMonths: z.number().int().min(1).max(120).default(12),
  /** When the first payment falls due, as an offset from the treatment start. */
  firstDue: dueOffsetSchema.optional(),
  /** Conditions checked at each payment; a failure stops the remaining payments. */
  conditions: z.array(conditionSchema).default([]),
}));

/**
 * A financing term after parsing: the annuity's payments as dated installments.
 *
 * @category Term Kinds
 */
export interface ParsedFinancing {
  readonly kind: "financing";
  readonly type: "installments";
  readonly source: "financing";
  readonly installments: readonly ParsedInstallment[];
}

/** The `financing` payment kind. */
export const financingKind: PayingTermKind<"financing", typeof financingTermSchema, ParsedFinancing> = {
  type: "financing",
  schema: financingTermSchema,
  prepare(f, ctx) {
    const plan = installmentFinancing({ principal: ctx.price, periodicRate: f.periodicRate.toString(), periods: f.periods, rounding: ctx.rounding });
    const first = f.firstDue ?? { months: f.intervalMonths, days: 0 };
    const conditions = parseConditions(f.conditions, ctx, [...ctx.path, "conditions"]);
    return {
      kind: "financing",
      type: "installments",
      source: "financing",
      installments: plan.payments.map((amount, k) => {
        const due = { months: first.months + k * f.intervalMonths, days: first.days };
        return {
          id: `payment-${k + 1}`,
          label: `Financed payment ${k + 1} of ${f.periods} (due ${describeOffset(due)})`,
          units: toUnits(amount.amount, ctx.scale),
          amount,
          share: null,
          shareText: "financed",
          due,
          conditions,
          conditionLabels: conditions.map((x) => x.label),
        };
      }),
    };
  },
  maxUnits: (p) => installmentsTotal(p.installments),
  draft: (p, ctx) => draftInstallments(p.installments, ctx),
};
