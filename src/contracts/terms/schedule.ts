// Payment kind `schedule` (K1–K3): milestones / installments, shares of the price.
import * as z from "zod";
import { rateSchema } from "../../core/index.js";
import { allocate, type Money } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { describeOffset } from "../calendar.js";
import { toUnits } from "../units.js";
import { type PayingTermKind, parseConditions, percent } from "./kind.js";
import { draftInstallments, installmentsTotal, type ParsedInstallment } from "./installment-lines.js";
import { conditionSchema, dueOffsetSchema } from "./schemas.js";

/** One installment or milestone of a price: its share, when it falls due, and the conditions it is paid on. */
export const installmentTermSchema = z.strictObject({
  id: z.string().min(1).optional(),
  label: z.string().min(1).optional(),
  share: rateSchema,
  due: dueOffsetSchema,
  conditions: z.array(conditionSchema).default([]),
});

/** Milestones / installments: shares of the price (summing to exactly 1) due at offsets, each with conditions. */
export const scheduleTermSchema = z
  .strictObject({
    type: z.literal("schedule"),
    installments: z.array(installmentTermSchema).min(1),
  })
  .superRefine((s, ctx) => {
    const total = s.installments.reduce((acc, i) => acc.plus(i.share), new D(0));
    if (!total.equals(1)) {
      ctx.addIssue({ code: "custom", path: ["installments"], message: `installment shares must sum to exactly 1 (100%), got ${total.toString()}` });
    }
  });

/** A schedule after parsing: the installments with their amounts allocated from the price. */
export interface ParsedSchedule {
  readonly kind: "schedule";
  readonly type: "installments";
  readonly source: "schedule";
  readonly installments: readonly ParsedInstallment[];
}

/** The `schedule` payment kind. */
export const scheduleKind: PayingTermKind<"schedule", typeof scheduleTermSchema, ParsedSchedule> = {
  type: "schedule",
  schema: scheduleTermSchema,
  prepare(term, ctx) {
    const list = term.installments;
    // allocate: the parts sum to the price exactly (largest remainder).
    const parts = allocate(ctx.price, list.map((i) => i.share));
    return {
      kind: "schedule",
      type: "installments",
      source: "schedule",
      installments: list.map((inst, k) => {
        const amount = parts[k] as Money;
        const conditions = parseConditions(inst.conditions, ctx, [...ctx.path, "installments", k, "conditions"]);
        return {
          id: inst.id ?? `installment-${k + 1}`,
          label: inst.label ?? `Installment ${k + 1} (${percent(inst.share)} of the price, due ${describeOffset(inst.due)})`,
          units: toUnits(amount.amount, ctx.scale),
          amount,
          share: inst.share,
          shareText: inst.share.toString(),
          due: inst.due,
          conditions,
          conditionLabels: conditions.map((x) => x.label),
        };
      }),
    };
  },
  maxUnits: (p) => installmentsTotal(p.installments),
  draft: (p, ctx) => draftInstallments(p.installments, ctx),
};
