// Bonus kind `milestone`: a lump sum earned on the deadline when the milestone was met by
// then; when it was missed (or no assessment was recorded and that counts as missed) a
// withheld line says what was missing.
import * as z from "zod";
import { nonNegativeAmountSchema } from "../../core/index.js";
import type { FailedCondition } from "../ledger.js";
import { deadlineDate, type DeadlineSpec, deadlineStatus, prepareDeadlineSpec } from "./deadline.js";
import { type PayingTermKind, unitsAt } from "./kind.js";
import { deadlineFields } from "./schemas.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A bonus for a milestone met by a deadline.
 *
 * @category Term Kinds
 */
export const milestoneBonusTermSchema = lazySchema(() => z.strictObject({
  /** Bonus type `milestone`: an amount earned if a milestone is met by a deadline. */
  type: z.literal("milestone"),
  /** The bonus's identifier in ledger lines; default `bonus-N` (its position, from 1). */
  id: z.string().min(1).optional(),
  /** How the bonus reads in ledgers; generated from the milestone and deadline when absent. */
  label: z.string().min(1).optional(),
  ...deadlineFields,
  /** The bonus amount, in the contract's currency, ≥ 0. */
  amount: nonNegativeAmountSchema,
}));

/**
 * A milestone bonus after parsing.
 *
 * @category Term Kinds
 */
export interface ParsedMilestoneBonus {
  readonly kind: "milestone";
  readonly type: "milestone";
  readonly id: string;
  readonly label: string;
  readonly units: bigint;
  readonly spec: DeadlineSpec;
}

/**
 * The `milestone` bonus kind.
 *
 * @category Term Kinds
 */
export const milestoneBonusKind: PayingTermKind<"milestone", typeof milestoneBonusTermSchema, ParsedMilestoneBonus> = {
  type: "milestone",
  schema: milestoneBonusTermSchema,
  prepare(b, ctx) {
    const units = unitsAt(b.amount, ctx, [...ctx.path, "amount"]);
    const spec = prepareDeadlineSpec(b, ctx, ctx.path);
    const id = b.id ?? `bonus-${ctx.index + 1}`;
    return { kind: "milestone", type: "milestone", id, label: b.label ?? `Bonus ${id} if ${spec.milestoneLabel} by ${spec.when}`, units, spec };
  },
  maxUnits: (b) => b.units,
  draft(b, ctx) {
    const date = deadlineDate(b.spec, ctx.start, ctx.dueDate);
    if (date > ctx.asOf) return;
    const o = deadlineStatus(b.spec, { date, known: ctx.known, start: ctx.start, dueDate: ctx.dueDate });
    const inputs = { deadline: date, status: o.status };
    if (o.counts === "met") {
      ctx.emit({ date, kind: "bonus", termId: b.id, label: b.label, units: b.units, rule: "contracts.milestone.bonus", say: () => ({ inputs, text: `${b.label} is earned on ${date}: ${o.say()}; ${ctx.money(b.units)}.` }) });
      return;
    }
    const words = o.say();
    const f: FailedCondition = { condition: `${b.spec.milestoneLabel} by ${date}`, event: null, detail: words };
    ctx.emit({
      date, kind: "withheld", termId: b.id, label: b.label, units: 0n, withheldUnits: b.units, failed: () => f, rule: "contracts.milestone.not-earned",
      say: () => ({ inputs, text: `${b.label} is not earned (${ctx.money(b.units)}): ${words}.` }),
    });
  },
};
