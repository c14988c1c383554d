// Bonus kind `fixed`: a lump sum due at an offset if its conditions hold.
import * as z from "zod";
import { nonNegativeAmountSchema } from "../../core/index.js";
import type { Money } from "../../money/index.js";
import { describeOffset, type DueOffset } from "../calendar.js";
import { checkConditions } from "../conditions.js";
import { because, type DraftWords, failed, type ParsedCondition, type PayingTermKind, parseConditions, unitsAt } from "./kind.js";
import { conditionSchema, dueOffsetSchema } from "./schemas.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A lump-sum bonus on top of the price, due at an offset if its conditions hold.
 *
 * @category Term Kinds
 */
export const fixedBonusTermSchema = lazySchema(() => z.strictObject({
  /** Bonus type `fixed`: a lump sum due at an offset if its conditions hold. */
  type: z.literal("fixed"),
  /** The bonus's identifier in ledger lines; default `bonus-N` (its position, from 1). */
  id: z.string().min(1).optional(),
  /** How the bonus reads in ledgers; generated from its id and due offset when absent. */
  label: z.string().min(1).optional(),
  /** The bonus amount, in the contract's currency. */
  amount: nonNegativeAmountSchema,
  /** When it falls due, as an offset from the treatment start. */
  due: dueOffsetSchema,
  /** Conditions that must hold on the due date for it to be paid. */
  conditions: z.array(conditionSchema).default([]),
}));

/**
 * A fixed bonus after parsing.
 *
 * @category Term Kinds
 */
export interface ParsedFixedBonus {
  readonly kind: "fixed";
  readonly type: "fixed";
  readonly id: string;
  readonly label: string;
  readonly units: bigint;
  readonly amount: Money;
  readonly due: DueOffset;
  readonly conditions: readonly ParsedCondition[];
}

/** The `fixed` bonus kind. */
export const fixedBonusKind: PayingTermKind<"fixed", typeof fixedBonusTermSchema, ParsedFixedBonus> = {
  type: "fixed",
  schema: fixedBonusTermSchema,
  prepare(b, ctx) {
    const units = unitsAt(b.amount, ctx, [...ctx.path, "amount"]);
    const id = b.id ?? `bonus-${ctx.index + 1}`;
    return { kind: "fixed", type: "fixed", id, label: b.label ?? `Bonus ${id} (due ${describeOffset(b.due)})`, units, amount: ctx.toMoney(units), due: b.due, conditions: parseConditions(b.conditions, ctx, [...ctx.path, "conditions"]) };
  },
  maxUnits: (b) => b.units,
  draft(b, ctx) {
    const { start, asOf, lookup, dueDate, money } = ctx;
    const due = dueDate(start, b.due);
    if (due > asOf) return;
    const check = checkConditions(b.conditions, lookup, start, due, dueDate);
    const inputs = (): DraftWords["inputs"] => ({ due, conditions: b.conditions.map((x) => x.label) });
    if (check.ok) {
      ctx.emit({ date: due, kind: "bonus", termId: b.id, label: b.label, units: b.units, rule: "contracts.bonus.paid", say: () => ({ inputs: inputs(), text: `${b.label} is earned on ${due}: ${money(b.units)}.` }) });
    } else {
      const why = () => failed(check);
      ctx.emit({
        date: due, kind: "withheld", termId: b.id, label: b.label, units: 0n, withheldUnits: b.units, failed: why, rule: "contracts.bonus.withheld",
        say: () => ({ inputs: inputs(), text: `${b.label} is not earned on ${due} (${money(b.units)}): ${because(why())}.` }),
      });
    }
  },
};
